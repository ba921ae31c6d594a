// Package server runs actord's HTTP listener (:9000 by default): echo with
// the middleware every route shares, the operational routes /health and
// /metrics, and the one table that maps errors to HTTP status codes.
// Role APIs (the SU's routes) register on the same echo instance.
//
// Invariants:
//   - Every error response is JSON {"error":"..."} with the status from
//     the table in errors.go; handlers return wrapped errors and never
//     write error bodies themselves.
//   - /metrics serves only the registry passed in; nothing uses the
//     global registry or http.DefaultServeMux.
//   - Shutdown stops accepting, then waits for in-flight requests until
//     its context ends.
package server
