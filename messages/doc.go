// Package messages is the wire contract between actord nodes: protobuf
// messages that cross nodes over protoactor remoting (forward.proto,
// generated into forward.pb.go by go generate).
//
// Invariants: every node links this package, because a remote node
// cannot decode a message type it does not link; fields are only ever
// added (never renumbered or reused), so routers and SUs of adjacent
// versions understand each other.
package messages
