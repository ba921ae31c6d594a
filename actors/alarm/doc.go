// Package alarm is the Ethereum Alarm Clock execution client's actor
// family. Its pure decision logic (policy.go) holds the v0.6 windows,
// claim amounts, the claim decision, execution authorization and the
// payment a call owes its executor. The actors (BlockSage, Scheduler,
// CallActor, the transaction sender) build on it; docs/alarm-design.md
// describes them, confirmations and reorg handling.
//
// Invariants of the policy:
//   - Never claim or execute a cancelled call, never execute a called one,
//     never execute outside [T, T+G], never execute a call whose balance
//     cannot cover the transaction.
//   - A non-claimer executes a claimed call only from T+16 (free-for-all);
//     the claimer from T.
//   - Claims happen only inside [T-265, T-10], when the claim amount
//     covers the claim's gas, with the reference client's random roll so
//     that competing clients spread out.
//
// Invariants of the sender: a nonce is taken only once its transaction is
// signed and journaled; a transaction is reported (TxDone) once, when it
// has the configured confirmations; a mined transaction that a reorg drops
// is resent or abandoned (its nonce used by an empty transfer) as the
// CallActor decides on the new chain, never silently lost.
package alarm
