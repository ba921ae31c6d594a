// Package ans104 reads, writes, signs and verifies ANS-104 data items and
// binary bundles, the envelope ao and Arweave bundlers use for messages.
//
// Invariants:
//   - Parse accepts only structurally valid items: presence bytes are 0 or 1,
//     the tag block decodes to exactly the declared number of tags and is
//     consumed completely, and every length stays inside the buffer. Any
//     other input returns an error wrapping ErrMalformed; no input panics.
//   - A parsed item keeps its raw tag bytes, so Bytes returns the input byte
//     for byte and the deep hash is computed over what was signed, even
//     when the Avro encoding uses negative block counts or several blocks.
//   - ID is b64url(sha256(signature)); it depends on nothing else.
//   - Verify checks the signature of the item's own type: RSA-PSS with any
//     salt length (1), ed25519 (2), secp256k1 over EIP-191 (3) and ed25519
//     over the hex text of the deep hash (4). Other types are parsed but
//     never verify.
//
// The format is specified at github.com/ArweaveTeam/arweave-standards
// (ans-104.md); the reference SU's reading of it is in
// ../shared/docs/ao-su-reference.md §3.
package ans104
