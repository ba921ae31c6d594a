package txjournal

import (
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

func TestJournalSurvivesReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "j")
	from := common.HexToAddress("0x01")
	j, err := Open(dir, from)
	if err != nil {
		t.Fatal(err)
	}
	for n := uint64(5); n < 8; n++ {
		if err := j.Put(Entry{Nonce: n, Action: "claim", Raw: []byte{byte(n)}}); err != nil {
			t.Fatal(err)
		}
	}
	j.Put(Entry{Nonce: 6, Action: "claim", Raw: []byte{66}}) // a replacement
	j.Done(5)
	j.Close()
	j, err = Open(dir, from)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	got, err := j.Pending()
	if err != nil || len(got) != 2 || got[0].Nonce != 6 || got[0].Raw[0] != 66 || got[1].Nonce != 7 {
		t.Fatalf("Pending = %+v, %v", got, err)
	}
	other, _ := Open("", common.HexToAddress("0x02"))
	defer other.Close()
	if p, _ := other.Pending(); len(p) != 0 {
		t.Fatal("an empty journal has entries")
	}
}
