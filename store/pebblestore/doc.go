// Package pebblestore is the SU's embedded store: every process's schedule,
// its head, an index from ids to entries, and the upload outbox, in one
// Pebble database.
//
// Key space (ids are raw 32 bytes, numbers big-endian so keys sort in
// numeric order):
//
//	'h' pid                    → head: nonce, timestamp, hash chain, last assignment id
//	'e' pid nonce              → entry: metadata, assignment bytes, item bytes
//	't' pid timestamp nonce    → (empty) timestamp cursor index
//	'i' id pid nonce           → role of id in that entry (item, assignment, assigned tx)
//	'o' seq                    → outbox record: which entry part still has to be uploaded
//	'm' name                   → store metadata (last gateway height, format version)
//
// Invariants:
//   - Append writes the entry, its index keys, the new head and its outbox
//     records in one batch committed with fsync, and only if the stored head
//     is exactly the entry's predecessor (nonce-1, or no head for nonce 0).
//     Two writers for one process can therefore never both succeed, and a
//     crash leaves either the whole entry or nothing: schedules stay
//     gap-free.
//   - Range, NonceAfter and Lookup cost O(result), not O(history).
//   - Stored item bytes are returned exactly as appended.
package pebblestore
