// Package schedule holds the pure rules of an ao schedule: the hash chain
// that links entries, the Assignment item an SU signs for each entry, and
// the exact JSON shapes compute units, messenger units and aoconnect read.
// It does no I/O and keeps no state.
//
// Invariants:
//   - HashChain(0) = sha256(pid); HashChain(n) = sha256(aid(n-1) || hc(n-1)),
//     over the raw 32-byte values (ao-su-reference.md §4.3).
//   - Assignment tags are exactly, in order: Process, Epoch, Nonce,
//     Hash-Chain, Block-Height (12 digits), Timestamp, Data-Protocol=ao,
//     Type=Assignment, Variant=ao.TN.1, then Message (absent for a process's
//     own assignment) and one Exclude per excluded value (§4.5).
//   - JSON is written byte for byte as the reference SU writes it: keys in
//     its struct order, compact, only '"', '\' and control characters
//     escaped, data decoded as lossy UTF-8 with one U+FFFD per maximal
//     invalid subsequence (§2.9, vectors/ao/README.md).
package schedule
