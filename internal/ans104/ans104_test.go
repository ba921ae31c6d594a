package ans104

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"testing"

	ethcrypto "github.com/ethereum/go-ethereum/crypto"

	"github.com/actord/actord/internal/testvectors"
)

var (
	testKeyOnce sync.Once
	testKey     *rsa.PrivateKey
)

// rsaTestKey generates one throwaway RSA-4096 key per test binary.
func rsaTestKey(tb testing.TB) *rsa.PrivateKey {
	tb.Helper()
	testKeyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 4096)
		if err != nil {
			panic(err)
		}
		testKey = k
	})
	return testKey
}

func TestSignRSARoundTrip(t *testing.T) {
	s, err := NewRSASigner(rsaTestKey(t))
	if err != nil {
		t.Fatal(err)
	}
	target := bytes.Repeat([]byte{7}, 32)
	it, err := New(target, nil, []Tag{{"Data-Protocol", "ao"}, {"Type", "Message"}, {"Type", "Message"}}, []byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	if err := it.Sign(s); err != nil {
		t.Fatal(err)
	}
	if err := it.Verify(); err != nil {
		t.Fatalf("Verify after Sign: %v", err)
	}
	raw := it.Bytes()
	back, err := Parse(raw)
	if err != nil {
		t.Fatalf("Parse(Bytes()): %v", err)
	}
	if back.ID() != it.ID() || !bytes.Equal(back.Bytes(), raw) || back.Anchor != nil || !bytes.Equal(back.Target, target) {
		t.Fatalf("round trip changed the item")
	}
	if err := back.Verify(); err != nil {
		t.Fatalf("Verify after Parse: %v", err)
	}
	// Any change to a signed field breaks the signature.
	back.Data = []byte("hellO")
	if err := back.Verify(); !errors.Is(err, ErrInvalidSignature) {
		t.Fatalf("Verify of tampered data = %v, want ErrInvalidSignature", err)
	}
}

func TestNewRSASignerRejectsOtherKeys(t *testing.T) {
	small, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewRSASigner(small); err == nil || !strings.Contains(err.Error(), "2048 bits") {
		t.Fatalf("NewRSASigner(2048-bit key) = %v, want a size error", err)
	}
}

// ed25519Signer and ethSigner exercise Sign with the non-RSA types.
type ed25519Signer struct {
	key  ed25519.PrivateKey
	hexT bool
}

func (s ed25519Signer) SignatureType() SignatureType {
	if s.hexT {
		return SigSolana
	}
	return SigED25519
}
func (s ed25519Signer) Owner() []byte { return s.key.Public().(ed25519.PublicKey) }
func (s ed25519Signer) Sign(m []byte) ([]byte, error) {
	if s.hexT {
		m = []byte(hex.EncodeToString(m))
	}
	return ed25519.Sign(s.key, m), nil
}

type ethSigner struct{ owner, key []byte }

func (s ethSigner) SignatureType() SignatureType { return SigEthereum }
func (s ethSigner) Owner() []byte                { return s.owner }
func (s ethSigner) Sign(m []byte) ([]byte, error) {
	k, err := ethcrypto.ToECDSA(s.key)
	if err != nil {
		return nil, err
	}
	sig, err := ethcrypto.Sign(EthereumMessageHash(m), k)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	return sig, nil
}

func TestSignVerifyOtherTypes(t *testing.T) {
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	ek, _ := ethcrypto.GenerateKey()
	other, _ := ethcrypto.GenerateKey()
	signers := map[string]Signer{
		"ed25519":  ed25519Signer{key: edKey},
		"solana":   ed25519Signer{key: edKey, hexT: true},
		"ethereum": ethSigner{owner: ethcrypto.FromECDSAPub(&ek.PublicKey), key: ethcrypto.FromECDSA(ek)},
		// A signature by another key than the owner must not verify.
		"ethereum-wrong-owner": ethSigner{owner: ethcrypto.FromECDSAPub(&ek.PublicKey), key: ethcrypto.FromECDSA(other)},
	}
	for name, s := range signers {
		t.Run(name, func(t *testing.T) {
			it, _ := New(nil, bytes.Repeat([]byte{'a'}, 32), []Tag{{"A", "b"}}, []byte{0, 1, 2})
			if err := it.Sign(s); err != nil {
				t.Fatal(err)
			}
			back, err := Parse(it.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			err = back.Verify()
			if wantBad := strings.HasSuffix(name, "wrong-owner"); wantBad != (err != nil) {
				t.Fatalf("Verify = %v, want failure %v", err, wantBad)
			}
		})
	}
}

func TestUnverifiableTypes(t *testing.T) {
	for _, st := range []SignatureType{SigInjectedAptos, SigMultiAptos, SigTypedEthereum} {
		sigLen, ownerLen, _ := st.Lengths()
		it := &Item{SignatureType: st, Signature: make([]byte, sigLen), Owner: make([]byte, ownerLen)}
		back, err := Parse(it.Bytes())
		if err != nil {
			t.Fatalf("%s: Parse: %v", st, err)
		}
		if err := back.Verify(); !errors.Is(err, ErrUnsupportedSignature) {
			t.Errorf("%s: Verify = %v, want ErrUnsupportedSignature", st, err)
		}
	}
}

func TestDecodeTags(t *testing.T) {
	tests := map[string]struct {
		raw     []byte
		want    uint64
		tags    []Tag
		wantErr string
	}{
		"empty":                {raw: nil, want: 0},
		"empty array":          {raw: []byte{0}, want: 0},
		"one tag":              {raw: []byte{2, 2, 'a', 2, 'b', 0}, want: 1, tags: []Tag{{"a", "b"}}},
		"empty name and value": {raw: []byte{2, 0, 0, 0}, want: 1, tags: []Tag{{"", ""}}},
		// A negative count (-1, zig-zag 1) is followed by the block size.
		"negative block":     {raw: []byte{1, 8, 2, 'a', 2, 'b', 0}, want: 1, tags: []Tag{{"a", "b"}}},
		"two blocks":         {raw: []byte{2, 2, 'a', 2, 'b', 2, 2, 'c', 2, 'd', 0}, want: 2, tags: []Tag{{"a", "b"}, {"c", "d"}}},
		"count mismatch":     {raw: []byte{2, 2, 'a', 2, 'b', 0}, want: 2, wantErr: "2 tags declared, 1 encoded"},
		"more than declared": {raw: []byte{4, 0, 0, 0, 0, 0}, want: 1, wantErr: "more tags"},
		"no terminator":      {raw: []byte{2, 2, 'a', 2, 'b'}, want: 1, wantErr: "truncated varint"},
		"trailing bytes":     {raw: []byte{2, 2, 'a', 2, 'b', 0, 0}, want: 1, wantErr: "after the last block"},
		"length past end":    {raw: []byte{2, 20, 'a', 2, 'b', 0}, want: 1, wantErr: "runs past"},
		"negative length":    {raw: []byte{2, 1, 'a', 2, 'b', 0}, want: 1, wantErr: "negative length"},
		"declared but empty": {raw: nil, want: 1, wantErr: "empty"},
		"huge count":         {raw: []byte{0}, want: 1 << 60, wantErr: "declared in"},
		"varint overflow":    {raw: []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0}, want: 1, wantErr: "overflows"},
		"long varint":        {raw: []byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0}, want: 1, wantErr: "varint"},
		"invalid utf8":       {raw: []byte{2, 2, 0xff, 2, 'b', 0}, want: 1, wantErr: "UTF-8"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tags, err := DecodeTags(tc.raw, tc.want)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !errors.Is(err, ErrMalformed) {
					t.Fatalf("DecodeTags(%v) = %v, want error containing %q", tc.raw, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("DecodeTags(%v): %v", tc.raw, err)
			}
			if len(tags) != len(tc.tags) {
				t.Fatalf("DecodeTags(%v) = %v, want %v", tc.raw, tags, tc.tags)
			}
			for i := range tags {
				if tags[i] != tc.tags[i] {
					t.Fatalf("DecodeTags(%v) = %v, want %v", tc.raw, tags, tc.tags)
				}
			}
		})
	}
}

func TestEncodeTagsLongValues(t *testing.T) {
	tags := []Tag{{strings.Repeat("n", 300), strings.Repeat("v", 70000)}}
	raw := EncodeTags(tags)
	got, err := DecodeTags(raw, 1)
	if err != nil || len(got) != 1 || got[0] != tags[0] {
		t.Fatalf("long tag did not round-trip: %v", err)
	}
}

// TestParseTruncations cuts a valid item at every length: each prefix
// either fails with ErrMalformed or, once the tag block is complete, parses
// as an item with shorter data. Nothing panics.
func TestParseTruncations(t *testing.T) {
	raw := testvectors.Read(t, "testdata", "fresh-arweave.bin")
	full, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	dataStart := len(raw) - len(full.Data)
	for n := 0; n < len(raw); n++ {
		it, err := Parse(raw[:n])
		if n < dataStart {
			if err == nil || !errors.Is(err, ErrMalformed) {
				t.Fatalf("Parse(raw[:%d]) = %v, want ErrMalformed", n, err)
			}
			continue
		}
		if err != nil || len(it.Data) != n-dataStart {
			t.Fatalf("Parse(raw[:%d]) = %v, want data of %d bytes", n, err, n-dataStart)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := testvectors.Read(t, "testdata", "fresh-arweave.bin")
	mutate := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	tests := map[string]struct {
		raw  []byte
		want string
	}{
		"empty":              {nil, "signature type"},
		"unknown type":       {[]byte{9, 0}, "unknown signature type 9"},
		"type zero":          {[]byte{0, 0}, "unknown signature type 0"},
		"presence 2":         {mutate(func(b []byte) []byte { b[1026] = 2; return b }), "target presence byte is 2"},
		"anchor presence":    {mutate(func(b []byte) []byte { b[1059] = 5; return b }), "anchor presence byte is 5"},
		"tag block too long": {mutate(func(b []byte) []byte { b[1100] = 0xff; b[1107] = 0x7f; return b }), "runs past the end"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(tc.raw)
			if err == nil || !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse = %v, want ErrMalformed containing %q", err, tc.want)
			}
		})
	}
}

func TestParseBundleErrors(t *testing.T) {
	item := testvectors.Read(t, "testdata", "fresh-ethereum.bin")
	it, _ := Parse(item)
	good := BundleBytes([]*Item{it, it})
	mutate := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	tests := map[string]struct {
		raw  []byte
		want string
	}{
		"short":              {good[:10], "shorter than the item count"},
		"count too big":      {mutate(func(b []byte) []byte { b[0] = 200; return b }), "200 items declared"},
		"count over 64 bits": {mutate(func(b []byte) []byte { b[20] = 1; return b }), "does not fit"},
		"size past end":      {mutate(func(b []byte) []byte { b[32] = 0xff; b[33] = 0xff; return b }), "runs past the end"},
		"wrong id":           {mutate(func(b []byte) []byte { b[32+40] ^= 1; return b }), "does not match"},
		"trailing bytes":     {append(append([]byte(nil), good...), 1, 2, 3), "3 bytes after the last item"},
		"bad item":           {mutate(func(b []byte) []byte { b[32+128] = 99; return b }), "unknown signature type"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseBundle(tc.raw)
			if err == nil || !errors.Is(err, ErrMalformedBundle) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ParseBundle = %v, want ErrMalformedBundle containing %q", err, tc.want)
			}
		})
	}
	if items, err := ParseBundle(good); err != nil || len(items) != 2 {
		t.Fatalf("ParseBundle(good) = %d items, %v", len(items), err)
	}
	if items, err := ParseBundle(BundleBytes(nil)); err != nil || len(items) != 0 {
		t.Fatalf("empty bundle = %d items, %v", len(items), err)
	}
}
