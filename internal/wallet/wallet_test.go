package wallet

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actord/actord/internal/ans104"
)

func TestGenerateLoadSign(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wallet.json")
	w, err := Generate(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("wallet mode = %v, want 0600", fi.Mode().Perm())
	}
	if _, err := Generate(path); err == nil || !strings.Contains(err.Error(), "refusing to overwrite") {
		t.Errorf("second Generate = %v, want a refusal", err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if back.Address() != w.Address() || len(back.Address()) != 43 {
		t.Fatalf("loaded address %s, generated %s", back.Address(), w.Address())
	}
	// A JWK's n is the same base64url the owner field carries.
	var k jwk
	raw, _ := os.ReadFile(path)
	if err := json.Unmarshal(raw, &k); err != nil {
		t.Fatal(err)
	}
	if k.N != ans104.Encode(back.Owner()) || len(back.Owner()) != 512 {
		t.Errorf("owner does not match the JWK modulus")
	}
	it, _ := ans104.New(nil, nil, []ans104.Tag{{Name: "Type", Value: "Message"}}, []byte("x"))
	if err := it.Sign(back.Signer()); err != nil {
		t.Fatal(err)
	}
	if err := it.Verify(); err != nil {
		t.Fatalf("item signed by loaded wallet does not verify: %v", err)
	}
	if it.OwnerAddress() != w.Address() {
		t.Errorf("item owner address %s, wallet address %s", it.OwnerAddress(), w.Address())
	}
}

func TestParseRejects(t *testing.T) {
	small, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	small.Precompute()
	enc := func(i *big.Int) string { return base64.RawURLEncoding.EncodeToString(i.Bytes()) }
	smallJWK, _ := json.Marshal(jwk{Kty: "RSA", N: enc(small.N), E: "AQAB", D: enc(small.D), P: enc(small.Primes[0]), Q: enc(small.Primes[1])})
	tests := map[string]struct {
		in   string
		want string
	}{
		"not json":   {`{"kty":`, "not a JSON Web Key"},
		"ec key":     {`{"kty":"EC","crv":"P-256"}`, `key type is "EC"`},
		"missing":    {`{"kty":"RSA","n":"AQAB"}`, `field "e" is missing`},
		"bad base64": {`{"kty":"RSA","n":"!!","e":"AQAB","d":"AQAB","p":"AQAB","q":"AQAB"}`, `field "n" is not base64url`},
		"2048 bits":  {string(smallJWK), "RSA-2048, an Arweave wallet must be RSA-4096"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse = %v, want error containing %q", err, tc.want)
			}
		})
	}
}

func TestParseRejectsInconsistentKey(t *testing.T) {
	w, err := New()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := w.MarshalJWK()
	var k jwk
	json.Unmarshal(raw, &k)
	k.D = k.P // a private exponent that does not match n
	bad, _ := json.Marshal(k)
	if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), "inconsistent") {
		t.Fatalf("Parse(bad d) = %v, want inconsistent", err)
	}
	k2 := jwk{}
	json.Unmarshal(raw, &k2)
	k2.E = "Aw" // 3
	bad, _ = json.Marshal(k2)
	if _, err := Parse(bad); err == nil || !strings.Contains(err.Error(), "exponent 3") {
		t.Fatalf("Parse(e=3) = %v, want exponent error", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.json")); err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Fatalf("Load(missing) = %v, want not-exist", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}
