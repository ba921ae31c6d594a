package ans104

import "strconv"

// SignatureType is the u16 at the start of every data item.
type SignatureType uint16

// Signature types defined by ANS-104.
const (
	SigArweave       SignatureType = 1
	SigED25519       SignatureType = 2
	SigEthereum      SignatureType = 3
	SigSolana        SignatureType = 4
	SigInjectedAptos SignatureType = 5
	SigMultiAptos    SignatureType = 6
	SigTypedEthereum SignatureType = 7
)

type sigMeta struct {
	name       string
	sigLen     int
	ownerLen   int
	verifiable bool
}

var sigTypes = map[SignatureType]sigMeta{
	SigArweave:       {"arweave", 512, 512, true},
	SigED25519:       {"ed25519", 64, 32, true},
	SigEthereum:      {"ethereum", 65, 65, true},
	SigSolana:        {"solana", 64, 32, true},
	SigInjectedAptos: {"injectedAptos", 64, 32, false},
	SigMultiAptos:    {"multiAptos", 2052, 1025, false},
	SigTypedEthereum: {"typedEthereum", 65, 42, false},
}

// String returns the name arbundles uses for the type.
func (t SignatureType) String() string {
	if m, ok := sigTypes[t]; ok {
		return m.name
	}
	return "unknown(" + strconv.Itoa(int(t)) + ")"
}

// Lengths returns the signature and owner sizes in bytes for t, and false
// for a type ANS-104 does not define.
func (t SignatureType) Lengths() (sigLen, ownerLen int, ok bool) {
	m, ok := sigTypes[t]
	return m.sigLen, m.ownerLen, ok
}

// Verifiable reports whether this package can check signatures of type t.
func (t SignatureType) Verifiable() bool { return sigTypes[t].verifiable }
