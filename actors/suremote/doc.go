// Package suremote is an SU node's face on the cluster: one well-known
// actor (Name) that routers reach over protoactor remoting.
//
// It serves forwarded HTTP requests through the node's own HTTP handler,
// so a client talking to a router gets exactly the status, headers and
// body a direct client would, and it answers SUInfoRequest with the SU's
// public URL, address, readiness and load.
//
// Invariants: Receive never blocks; each request is served in its own
// goroutine and answered to the sender it came from; a request with no
// sender (a plain Send) is dropped, because nobody could read the answer.
package suremote
