// Package alarm holds the Go bindings (abigen v2, generated; do not edit)
// of actord's clean-room Ethereum Alarm Clock v0.6 contracts in
// contracts/alarm: Scheduler, FutureBlockCall and the TestTarget used by
// tests and actord devnet.
//
// Invariants: the contracts expose exactly the v0.6 selectors, return
// types and event signatures an execution client relies on
// (eac-reference.md §1), checked by TestV6Interface; `make generate`
// rebuilds contracts/build and these bindings, and `make check-generated`
// fails when they drift from the Solidity sources.
package alarm

//go:generate ../../../contracts/generate.sh
