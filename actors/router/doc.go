// Package router holds the router node's actors: the Registry, which
// knows the live SU nodes (from cluster membership plus a periodic info
// poll) and places new processes, and a Client that HTTP handlers use to
// ask it and to forward requests to an SU over remoting.
//
// Invariants:
//   - An SU is live only while it is a cluster member that listed
//     membership.SUKind, answered its last info poll within LiveFor and
//     said it is ready. Membership alone is not enough: a provider can
//     keep a killed node listed for a while.
//   - Placement: wallet routing first (the first listed SU whose
//     wallets_to_route names the owner; 503 if none of those is live,
//     never a silent fallback), else the live SU with the least load
//     (live sequencers plus placements since its last report), then the
//     fewest confirmed processes, then the lowest URL. no_route SUs get no
//     placements; wallets_only SUs get only their wallets.
//   - The Registry never moves a process: it places new ones only. Where
//     existing processes live is the route store's business (store/routes).
package router
