// Package actorkit is the actor plumbing every actor family shares: it
// builds the protoactor ActorSystem with actord's logger and with
// protoactor's own metrics exported into actord's Prometheus registry.
//
// Invariants:
//   - Nothing is registered on a global registry or served on the default
//     ServeMux; metrics go only to the registry the caller passes.
//   - Actor code stays free of mutexes: state lives in actors, and I/O
//     comes back to them as messages.
package actorkit
