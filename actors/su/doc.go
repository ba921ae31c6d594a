// Package su is the Scheduler Unit's actor family: a Supervisor that owns
// one Sequencer actor per ao process, spawned on demand, stopped when
// idle, and restarted from the store when it fails; and the Facade the
// HTTP API calls.
//
// Message flow: Facade --write--> Supervisor --(stamps block height)-->
// Sequencer(pid) --Append--> store; the Sequencer answers the Facade's
// future directly once the entry is durable.
//
// Invariants:
//   - Writes to one process are sequenced by exactly one Sequencer at a
//     time: the Supervisor holds back messages for a process whose
//     Sequencer is stopping and hands them to its successor.
//   - A Sequencer rebuilds its head from the store when it starts, and
//     only advances it after the store accepted the entry (an fsynced,
//     conditional append), so a failed write never uses up a nonce and a
//     restart never reuses one.
//   - Timestamps of a process strictly increase (max(now, previous+1)),
//     so a timestamp cursor names exactly one entry.
//   - A repeated spawn of a scheduled process writes nothing and answers
//     with the existing process.
//   - The Sequencer's in-actor work is CPU (one RSA signature) and the
//     ordered fsync; both are the point of sequencing and are timed by
//     actord_su_write_duration_seconds.
package su
