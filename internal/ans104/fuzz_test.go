package ans104

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/actord/actord/internal/testvectors"
)

// fuzzSeeds returns every vector item: the generated ones in testdata and,
// when ../shared is present, the upstream ones read in place.
func fuzzSeeds(f *testing.F) (items [][]byte, bundles [][]byte) {
	f.Helper()
	local, _ := filepath.Glob("testdata/*.bin")
	for _, p := range local {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		items = append(items, b)
	}
	dir, ok := testvectors.FindAODir()
	if !ok {
		return items, nil
	}
	shared, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range shared {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		switch {
		case strings.HasSuffix(p, ".b64"):
			for _, l := range bytes.Split(b, []byte("\n")) {
				if raw, err := Decode(string(l)); err == nil && len(raw) > 0 {
					items = append(items, raw)
					if it, err := Parse(raw); err == nil {
						bundles = append(bundles, it.Data)
					}
				}
			}
		case strings.HasSuffix(p, "message.bin"):
			bundles = append(bundles, b)
		}
	}
	return items, bundles
}

// FuzzParse checks that Parse never panics, that whatever it accepts
// serializes back to the same bytes, and that Verify is safe on it.
func FuzzParse(f *testing.F) {
	items, _ := fuzzSeeds(f)
	for _, b := range items {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		it, err := Parse(b)
		if err != nil {
			return
		}
		if out := it.Bytes(); !bytes.Equal(out, b) {
			t.Fatalf("round trip differs:\n in=%x\nout=%x", b, out)
		}
		if it.Size() != len(b) {
			t.Fatalf("Size = %d, want %d", it.Size(), len(b))
		}
		_ = it.Verify()
		if _, err := DecodeTags(EncodeTags(it.Tags), uint64(len(it.Tags))); err != nil {
			t.Fatalf("re-encoded tags do not decode: %v", err)
		}
	})
}

// FuzzParseBundle checks the bundle reader the same way.
func FuzzParseBundle(f *testing.F) {
	items, bundles := fuzzSeeds(f)
	var parsed []*Item
	for _, b := range items {
		if it, err := Parse(b); err == nil {
			parsed = append(parsed, it)
		}
	}
	f.Add(BundleBytes(nil))
	for i := 0; i+1 < len(parsed) && i < 6; i += 2 {
		f.Add(BundleBytes(parsed[i : i+2]))
	}
	for _, b := range bundles {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		items, err := ParseBundle(b)
		if err != nil {
			return
		}
		if out := BundleBytes(items); !bytes.Equal(out, b) {
			t.Fatalf("bundle round trip differs")
		}
	})
}
