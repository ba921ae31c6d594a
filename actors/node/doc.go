// Package node owns the root actor of an actord process. Every role (the
// SU's sequencer supervisor, the alarm client's BlockSage and Scheduler)
// runs as a child of it, so stopping the node stops them in order.
//
// Invariants:
//   - The root actor answers Ping from its own mailbox, so a Ping round
//     trip proves the actor system is scheduling messages; /health uses it.
//   - Children are supervised one-for-one: a crashing role restarts alone,
//     up to a bounded rate, without touching the others.
package node
