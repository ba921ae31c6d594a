// Package routerapi is the router node's HTTP API: the SU's routes, each
// sent on to the SU that owns the process (over remoting, or by a 307
// redirect), plus the router's own /health.
//
// Invariants:
//   - A spawn's route is reserved (pending) before it is forwarded, and
//     confirmed only once the SU accepted it; a rejected spawn releases
//     it. So a retried spawn goes to the same SU, and no process ever has
//     two SUs.
//   - A request for a process whose SU is down gets 503 with Retry-After;
//     it is never sent to another SU.
//   - The client gets the SU's status, headers and body unchanged (minus
//     hop-by-hop headers).
package routerapi
