// Package alarm is the Ethereum Alarm Clock execution client's actor
// family. This file set holds its pure decision logic (policy.go): the v0.6
// windows, claim amounts, the claim decision, execution authorization and
// the payment a call owes its executor. The actors (BlockSage, Scheduler,
// CallActor, the transaction sender) build on it.
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
package alarm
