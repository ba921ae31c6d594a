// Package config resolves actord's settings from flags, the environment,
// a .env file and built-in defaults, in that order of precedence.
//
// Invariants:
//   - Every setting has one environment name. The reference SU's names are
//     kept unchanged (SU_WALLET_PATH, DATABASE_URL, ...); settings of
//     actord's own carry the ACTORD_ prefix. The flag name is the
//     environment name in lower case with dashes, without the prefix.
//   - Resolve reports every problem at once, never just the first.
//   - Secret values (database URLs with passwords) are redacted whenever a
//     setting is shown.
package config
