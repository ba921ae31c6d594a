package ans104

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"fmt"
)

// A Signer produces signatures of one type for one owner.
type Signer interface {
	SignatureType() SignatureType
	// Owner returns the public key bytes written into the item.
	Owner() []byte
	// Sign signs the item's deep hash.
	Sign(deepHash []byte) ([]byte, error)
}

// Sign sets the item's type and owner from s and signs it.
func (it *Item) Sign(s Signer) error {
	sigLen, ownerLen, ok := s.SignatureType().Lengths()
	if !ok {
		return fmt.Errorf("%w: %d", ErrUnsupportedSignature, s.SignatureType())
	}
	owner := s.Owner()
	if len(owner) != ownerLen {
		return fmt.Errorf("signer owner is %d bytes, %s wants %d", len(owner), s.SignatureType(), ownerLen)
	}
	it.SignatureType = s.SignatureType()
	it.Owner = owner
	msg := it.SignatureData()
	sig, err := s.Sign(msg[:])
	if err != nil {
		return fmt.Errorf("signing item: %w", err)
	}
	if len(sig) != sigLen {
		return fmt.Errorf("signer returned %d bytes, %s wants %d", len(sig), s.SignatureType(), sigLen)
	}
	it.Signature = sig
	return nil
}

// RSASigner signs type 1 (Arweave) items with an RSA-4096 key, using
// RSA-PSS/SHA-256 with the maximum salt length, as arweave-js does.
type RSASigner struct {
	key   *rsa.PrivateKey
	owner []byte
}

// OwnerSize is the size of an Arweave owner: an RSA-4096 modulus.
const OwnerSize = 512

// NewRSASigner returns a signer for key, which must be RSA-4096 with
// exponent 65537.
func NewRSASigner(key *rsa.PrivateKey) (*RSASigner, error) {
	if key.N.BitLen() != OwnerSize*8 {
		return nil, fmt.Errorf("RSA key is %d bits, Arweave keys are %d", key.N.BitLen(), OwnerSize*8)
	}
	if key.E != rsaExponent {
		return nil, fmt.Errorf("RSA key has exponent %d, Arweave keys use %d", key.E, rsaExponent)
	}
	key.Precompute()
	return &RSASigner{key: key, owner: key.N.FillBytes(make([]byte, OwnerSize))}, nil
}

// SignatureType returns SigArweave.
func (s *RSASigner) SignatureType() SignatureType { return SigArweave }

// Owner returns the 512-byte modulus.
func (s *RSASigner) Owner() []byte { return s.owner }

// Sign signs sha256(deepHash).
func (s *RSASigner) Sign(deepHash []byte) ([]byte, error) {
	digest := sha256.Sum256(deepHash)
	return rsa.SignPSS(rand.Reader, s.key, crypto.SHA256, digest[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto})
}
