// Package routes stores a router's process → SU mapping: in PostgreSQL
// (the reference router's schedulers and process_schedulers tables, shared
// by every router) or in an embedded Pebble store (one router).
//
// Invariants:
//   - A process has at most one route, ever: Reserve never replaces one,
//     and Confirm refuses a route to a different SU (ErrConflict). So a
//     process never gets a second writer, whatever routers do.
//   - A route is Pending from the moment a router picks an SU for a spawn
//     until that SU has accepted it (Confirm). A pending route still
//     routes: a retried spawn goes back to the same SU, whose spawns are
//     idempotent. Release deletes a pending route only, when the SU
//     rejected the spawn.
//   - Every change is durable when the call returns.
package routes
