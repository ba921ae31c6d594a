// Package wallet loads, generates and saves Arweave wallets: RSA-4096 keys
// in JWK form, as arweave-js and the reference SU read them.
//
// Invariants:
//   - Only RSA keys with a 4096-bit modulus and exponent 65537 load; any
//     other key is rejected with an error that says what it is.
//   - Generate writes the file with mode 0600 and never overwrites one.
//   - The address is b64url(sha256(modulus)), the modulus as the 512-byte
//     big-endian owner field of a data item.
package wallet
