package ans104

import (
	"fmt"
	"os"
	"testing"
)

func mustRead(b *testing.B, name string) []byte {
	raw, err := os.ReadFile("testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return raw
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"fresh-arweave.bin", "fresh-ethereum.bin"} {
		raw := mustRead(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := Parse(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDeepHash(b *testing.B) {
	for _, size := range []int{0, 1 << 10, 1 << 20} {
		raw := mustRead(b, "fresh-arweave.bin")
		it, _ := Parse(raw)
		it.Data = make([]byte, size)
		b.Run(fmt.Sprintf("data=%d", size), func(b *testing.B) {
			b.SetBytes(int64(it.Size()))
			for b.Loop() {
				it.SignatureData()
			}
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	for _, name := range []string{"fresh-arweave.bin", "fresh-ed25519.bin", "fresh-ethereum.bin", "fresh-solana.bin"} {
		it, err := Parse(mustRead(b, name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(it.SignatureType.String(), func(b *testing.B) {
			for b.Loop() {
				if err := it.Verify(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSignRSA is the SU's per-write floor: one RSA-4096 signature per
// assignment.
func BenchmarkSignRSA(b *testing.B) {
	s, err := NewRSASigner(rsaTestKey(b))
	if err != nil {
		b.Fatal(err)
	}
	it, _ := New(nil, make([]byte, 32), []Tag{{"Type", "Assignment"}}, nil)
	b.Run("serial", func(b *testing.B) {
		for b.Loop() {
			if err := it.Sign(s); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.RunParallel(func(pb *testing.PB) {
			it, _ := New(nil, make([]byte, 32), []Tag{{"Type", "Assignment"}}, nil)
			for pb.Next() {
				if err := it.Sign(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}
