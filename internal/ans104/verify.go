package ans104

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"

	ethcrypto "github.com/ethereum/go-ethereum/crypto"
)

// rsaExponent is the public exponent of every Arweave key: the owner field
// carries only the modulus.
const rsaExponent = 65537

// Verify checks the item's signature against its owner. It returns nil, or
// an error wrapping ErrInvalidSignature or ErrUnsupportedSignature.
func (it *Item) Verify() error {
	sigLen, ownerLen, ok := it.SignatureType.Lengths()
	if !ok {
		return fmt.Errorf("%w: %d", ErrUnsupportedSignature, it.SignatureType)
	}
	if len(it.Signature) != sigLen || len(it.Owner) != ownerLen {
		return fmt.Errorf("%w: %s signature is %d bytes and owner %d bytes, want %d and %d",
			ErrInvalidSignature, it.SignatureType, len(it.Signature), len(it.Owner), sigLen, ownerLen)
	}
	msg := it.SignatureData()
	switch it.SignatureType {
	case SigArweave:
		return verifyRSA(it.Owner, msg[:], it.Signature)
	case SigED25519:
		if !ed25519.Verify(it.Owner, msg[:], it.Signature) {
			return fmt.Errorf("%w: ed25519", ErrInvalidSignature)
		}
		return nil
	case SigSolana:
		// arbundles' type 4 signer signs the lowercase hex text of the hash.
		if !ed25519.Verify(it.Owner, []byte(hex.EncodeToString(msg[:])), it.Signature) {
			return fmt.Errorf("%w: solana", ErrInvalidSignature)
		}
		return nil
	case SigEthereum:
		return verifyEthereum(it.Owner, msg[:], it.Signature)
	default:
		return fmt.Errorf("%w: %s", ErrUnsupportedSignature, it.SignatureType)
	}
}

// RSAPublicKey returns the RSA key an Arweave owner stands for.
func RSAPublicKey(owner []byte) *rsa.PublicKey {
	return &rsa.PublicKey{N: new(big.Int).SetBytes(owner), E: rsaExponent}
}

func verifyRSA(owner, msg, sig []byte) error {
	digest := sha256.Sum256(msg)
	// Any salt length: arbundles and the SU use the maximum (478 bytes for
	// RSA-4096), browser wallets use 32.
	err := rsa.VerifyPSS(RSAPublicKey(owner), crypto.SHA256, digest[:], sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthAuto})
	if err != nil {
		return fmt.Errorf("%w: rsa-pss: %v", ErrInvalidSignature, err)
	}
	return nil
}

// EthereumMessageHash is keccak256 of the EIP-191 personal message that an
// Ethereum signer signs for msg.
func EthereumMessageHash(msg []byte) []byte {
	prefix := "\x19Ethereum Signed Message:\n" + strconv.Itoa(len(msg))
	return ethcrypto.Keccak256([]byte(prefix), msg)
}

func verifyEthereum(owner, msg, sig []byte) error {
	if owner[0] != 0x04 {
		return fmt.Errorf("%w: ethereum owner is not an uncompressed public key", ErrInvalidSignature)
	}
	v := sig[64]
	if v != 27 && v != 28 {
		return fmt.Errorf("%w: ethereum signature has v=%d, want 27 or 28", ErrInvalidSignature, v)
	}
	rsv := make([]byte, 65)
	copy(rsv, sig)
	rsv[64] = v - 27
	pub, err := ethcrypto.SigToPub(EthereumMessageHash(msg), rsv)
	if err != nil {
		return fmt.Errorf("%w: ethereum: %v", ErrInvalidSignature, err)
	}
	if !bytes.Equal(ethcrypto.FromECDSAPub(pub), owner) {
		return fmt.Errorf("%w: ethereum: signer %s is not the owner", ErrInvalidSignature, ethcrypto.PubkeyToAddress(*pub))
	}
	return nil
}
