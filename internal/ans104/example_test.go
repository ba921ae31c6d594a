package ans104_test

import (
	"fmt"
	"os"

	"github.com/actord/actord/internal/ans104"
)

// ExampleParse reads a data item, prints what an SU looks at, and checks
// its signature.
func ExampleParse() {
	raw, err := os.ReadFile("testdata/fresh-ethereum.bin")
	if err != nil {
		panic(err)
	}
	it, err := ans104.Parse(raw)
	if err != nil {
		fmt.Println("rejected:", err)
		return
	}
	typ, _ := it.Tag("Type")
	fmt.Println(it.ID(), it.SignatureType, typ, ans104.Encode(it.Target))
	fmt.Println("signature ok:", it.Verify() == nil)
	// Output:
	// t-9HZvIABGyjjQC-e4-lCMmIT-mRPPwv2SIuls4EmOc ethereum Message AYu4AUGjZ-9HYAtPfaSosPyKnkOSGe8cJNrVzBQ4F04
	// signature ok: true
}

// ExampleParseBundle shows that a bad header is an error, not a panic.
func ExampleParseBundle() {
	_, err := ans104.ParseBundle([]byte{1, 2, 3})
	fmt.Println(err)
	// Output:
	// malformed bundle: 3 bytes is shorter than the item count
}
