package wallet

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"

	"github.com/actord/actord/internal/ans104"
)

// KeyBits is the size of every Arweave key.
const KeyBits = 4096

// Wallet is a loaded Arweave key.
type Wallet struct {
	key    *rsa.PrivateKey
	signer *ans104.RSASigner
}

// jwk is an RSA private key in JSON Web Key form (RFC 7517/7518).
type jwk struct {
	Kty string `json:"kty"`
	N   string `json:"n"`
	E   string `json:"e"`
	D   string `json:"d,omitempty"`
	P   string `json:"p,omitempty"`
	Q   string `json:"q,omitempty"`
	DP  string `json:"dp,omitempty"`
	DQ  string `json:"dq,omitempty"`
	QI  string `json:"qi,omitempty"`
}

// Load reads a JWK wallet file.
func Load(path string) (*Wallet, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading wallet: %w", err)
	}
	w, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("wallet %s: %w", path, err)
	}
	return w, nil
}

// Parse reads a JWK wallet.
func Parse(b []byte) (*Wallet, error) {
	var k jwk
	if err := json.Unmarshal(b, &k); err != nil {
		return nil, fmt.Errorf("not a JSON Web Key: %w", err)
	}
	if k.Kty != "RSA" {
		return nil, fmt.Errorf("key type is %q, an Arweave wallet is an RSA key", k.Kty)
	}
	var errs []error
	num := func(name, v string) *big.Int {
		if v == "" {
			errs = append(errs, fmt.Errorf("field %q is missing", name))
			return new(big.Int)
		}
		raw, err := base64.RawURLEncoding.DecodeString(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("field %q is not base64url: %w", name, err))
			return new(big.Int)
		}
		return new(big.Int).SetBytes(raw)
	}
	n, e, d := num("n", k.N), num("e", k.E), num("d", k.D)
	p, q := num("p", k.P), num("q", k.Q)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if n.BitLen() != KeyBits {
		return nil, fmt.Errorf("key is RSA-%d, an Arweave wallet must be RSA-%d", n.BitLen(), KeyBits)
	}
	if !e.IsInt64() || e.Int64() != 65537 {
		return nil, fmt.Errorf("key has public exponent %s, Arweave requires 65537", e)
	}
	key := &rsa.PrivateKey{
		PublicKey: rsa.PublicKey{N: n, E: 65537},
		D:         d,
		Primes:    []*big.Int{p, q},
	}
	if err := key.Validate(); err != nil {
		return nil, fmt.Errorf("key is inconsistent: %w", err)
	}
	return fromKey(key)
}

func fromKey(key *rsa.PrivateKey) (*Wallet, error) {
	s, err := ans104.NewRSASigner(key)
	if err != nil {
		return nil, err
	}
	return &Wallet{key: key, signer: s}, nil
}

// New generates a fresh wallet in memory.
func New() (*Wallet, error) {
	key, err := rsa.GenerateKey(rand.Reader, KeyBits)
	if err != nil {
		return nil, fmt.Errorf("generating RSA-%d key: %w", KeyBits, err)
	}
	return fromKey(key)
}

// Generate creates a new wallet and writes it to path with mode 0600. It
// fails if path exists.
func Generate(path string) (*Wallet, error) {
	w, err := New()
	if err != nil {
		return nil, err
	}
	if err := w.Save(path); err != nil {
		return nil, err
	}
	return w, nil
}

// Save writes the wallet as a JWK to a new file with mode 0600. It refuses
// to overwrite an existing file, and removes a partly written one.
func (w *Wallet) Save(path string) error {
	b, err := w.MarshalJWK()
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("wallet %s already exists; refusing to overwrite it", path)
		}
		return fmt.Errorf("creating wallet: %w", err)
	}
	_, werr := f.Write(b)
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(path)
		return fmt.Errorf("writing wallet: %w", werr)
	}
	return nil
}

// MarshalJWK returns the private key as a JWK, with the CRT parameters
// that arweave-js writes.
func (w *Wallet) MarshalJWK() ([]byte, error) {
	k := w.key
	enc := func(i *big.Int) string { return base64.RawURLEncoding.EncodeToString(i.Bytes()) }
	return json.Marshal(jwk{
		Kty: "RSA",
		N:   base64.RawURLEncoding.EncodeToString(w.Owner()),
		E:   enc(big.NewInt(int64(k.E))),
		D:   enc(k.D),
		P:   enc(k.Primes[0]),
		Q:   enc(k.Primes[1]),
		DP:  enc(k.Precomputed.Dp),
		DQ:  enc(k.Precomputed.Dq),
		QI:  enc(k.Precomputed.Qinv),
	})
}

// Owner returns the 512-byte modulus, the owner field of signed items.
func (w *Wallet) Owner() []byte { return w.signer.Owner() }

// Address returns the Arweave address, b64url(sha256(modulus)).
func (w *Wallet) Address() string {
	h := sha256.Sum256(w.Owner())
	return ans104.Encode(h[:])
}

// Signer returns the data item signer for this wallet.
func (w *Wallet) Signer() *ans104.RSASigner { return w.signer }
