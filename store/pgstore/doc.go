// Package pgstore is the SU's PostgreSQL store: the same schedule, head,
// index and outbox as pebblestore, with PostgreSQL as the system of record.
//
// Invariants:
//   - One append is one statement inside a transaction: the entry is
//     inserted only if the head row still holds the previous nonce (locked
//     FOR UPDATE), the head is advanced only if the entry was inserted, and
//     the outbox rows come with it. A failed condition changes nothing.
//   - Appends from many sequencers share transactions: one committer
//     takes every append that is waiting and commits them together, so
//     many processes pay one commit (one WAL flush) rather than one each.
//     No append statement raises an error in normal operation (conflicts
//     and duplicates are detected from row counts), so one append cannot
//     abort the others in its transaction.
//   - Heads and everything the sequencer reads come from the writer;
//     the API's list and lookup reads may come from a read replica.
//   - Migrations are embedded, versioned in schema_migrations, and applied
//     at start-up under an advisory lock, so concurrent starts are safe.
package pgstore
