// Package suapi serves the ao Scheduler Unit's HTTP API with the routes,
// parameters and JSON shapes that aoconnect, the compute unit and the
// messenger unit depend on (ao-su-reference.md §2), plus GET /{id}/raw.
//
// Invariants:
//   - Items are parsed and their signatures verified here, before they
//     reach a sequencer, so malformed input never touches the schedule.
//   - Gateway checks for assigns run here too, outside the sequencer:
//     a slow gateway never stalls a process's other writes.
//   - Lists are read by nonce from the store; timestamp cursors are
//     resolved through the store's timestamp index, and since timestamps
//     strictly increase per process a cursor never skips or repeats.
//   - Every error is an error value wrapping a schedule or ans104 sentinel;
//     http/server maps it to a status and writes {"error": "..."}.
package suapi
