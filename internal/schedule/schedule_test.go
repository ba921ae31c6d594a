package schedule

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/testvectors"
)

func TestLossy(t *testing.T) {
	tests := map[string]struct{ in, want string }{
		"ascii":              {"ping", "ping"},
		"valid multibyte":    {"h\u00e9\U0001F600", "h\u00e9\U0001F600"},
		"lone continuation":  {"a\x80b", "a\uFFFDb"},
		"two bad bytes":      {"\xff\xfe", "\uFFFD\uFFFD"},
		"truncated 3-byte":   {"\xe2\x82 ", "\uFFFD "},
		"truncated at end":   {"x\xf0\x9f\x98", "x\uFFFD"},
		"surrogate":          {"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
		"overlong":           {"\xc0\xaf", "\uFFFD\uFFFD"},
		"C3 then bad":        {"\xc3\x28", "\uFFFD("},
		"above U+10FFFF":     {"\xf4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
		"E0 bad second byte": {"\xe0\x80\x80", "\uFFFD\uFFFD\uFFFD"},
	}
	for name, tc := range tests {
		if got := string(Lossy([]byte(tc.in))); got != tc.want {
			t.Errorf("%s: Lossy(%q) = %q, want %q", name, tc.in, got, tc.want)
		}
	}
}

func TestAppendStringEscapes(t *testing.T) {
	tests := map[string]string{
		"plain":      `"plain"`,
		"q\"b\\":     `"q\"b\\"`,
		"\b\f\n\r\t": `"\b\f\n\r\t"`,
		"\x01\x1f":   `"\u0001\u001f"`,
		"\x7f/<>&":   "\"\x7f/<>&\"",
		"é\u2028":    "\"é\u2028\"",
	}
	for in, want := range tests {
		if got := string(AppendString(nil, in)); got != want {
			t.Errorf("AppendString(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestLossyMatchesVector(t *testing.T) {
	exp := testvectors.LoadExpected(t, "../ans104/testdata")
	f := exp.Items["fresh-arweave-nonutf8.bin"]
	raw, err := os.ReadFile("../ans104/testdata/fresh-arweave-nonutf8.bin")
	if err != nil {
		t.Fatal(err)
	}
	it, err := ans104.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(Lossy(it.Data)); got != *f.DataJSONLossy {
		t.Errorf("Lossy(data) = %q, want %q", got, *f.DataJSONLossy)
	}
	if f.DataJSONIfUTF8 != nil {
		t.Errorf("vector says the data is valid UTF-8")
	}
	if got := string(appendStrictString(nil, it.Anchor)); got != "null" {
		t.Errorf("anchor = %s, want null", got)
	}
}

func TestBlockHeight(t *testing.T) {
	for in, want := range map[uint64]string{0: "000000000000", 1736676: "000001736676", 1234567890123: "1234567890123"} {
		if got := BlockHeight(in); got != want {
			t.Errorf("BlockHeight(%d) = %s, want %s", in, got, want)
		}
	}
}

// loadSchedule returns the edges of a schedule vector in nonce order.
func loadSchedule(t *testing.T, dir, file string) []Edge {
	t.Helper()
	var edges []Edge
	for i, line := range testvectors.Lines(t, dir, file) {
		raw, err := ans104.Decode(string(line))
		if err != nil {
			t.Fatal(err)
		}
		outer, err := ans104.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		items, err := ans104.ParseBundle(outer.Data)
		if err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		e := Edge{Assignment: items[0]}
		if len(items) > 1 {
			e.Message = items[1]
			typ, _ := items[1].Tag("Type")
			e.IsProcess = typ == "Process"
		}
		f, err := ReadAssignment(e.Assignment)
		if err != nil {
			t.Fatal(err)
		}
		e.Cursor = itoa(f.Timestamp)
		edges = append(edges, e)
	}
	return edges
}

func itoa(n int64) string { return string(AppendInt(nil, n)) }

// TestHashChainVectors recomputes every link of the schedule vectors.
func TestHashChainVectors(t *testing.T) {
	dir := testvectors.AODir(t)
	for _, file := range []string{"schedule-4QTy.b64", "schedule-Dccc.b64"} {
		edges := loadSchedule(t, dir, file)
		var prevHC, prevAID ID
		for n, e := range edges {
			f, err := ReadAssignment(e.Assignment)
			if err != nil {
				t.Fatal(err)
			}
			if f.Nonce != uint64(n) {
				t.Fatalf("%s: line %d has nonce %d", file, n, f.Nonce)
			}
			pid, _ := ans104.DecodeID(f.Process)
			want := FirstHashChain(pid)
			if n > 0 {
				want = NextHashChain(prevHC, prevAID)
			}
			if f.HashChain != ans104.Encode(want[:]) {
				t.Fatalf("%s: nonce %d hash chain %s, want %s", file, n, f.HashChain, ans104.Encode(want[:]))
			}
			prevHC = want
			prevAID = e.Assignment.RawID()
		}
	}
}

// TestAssignmentTags checks the tag order of a built assignment against
// the vectors' order.
func TestAssignmentTags(t *testing.T) {
	msg := ID{9}
	a := Assignment{Process: ID{1}, Nonce: 7, HashChain: ID{2}, BlockHeight: 1522898, Timestamp: 1728412706568, Message: &msg, Excludes: []string{"Data", "Anchor"}}
	var names []string
	for _, tag := range a.Tags() {
		names = append(names, tag.Name)
	}
	want := []string{"Process", "Epoch", "Nonce", "Hash-Chain", "Block-Height", "Timestamp", "Data-Protocol", "Type", "Variant", "Message", "Exclude", "Exclude"}
	if len(names) != len(want) {
		t.Fatalf("tags %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("tags %v, want %v", names, want)
		}
	}
	a.Message, a.Excludes = nil, nil
	if tags := a.Tags(); len(tags) != 9 || tags[8].Name != "Variant" || tags[4].Value != "000001522898" {
		t.Fatalf("process assignment tags = %v", tags)
	}
}

// TestRenderExpectedJSON renders the reference SU's bodies byte for byte
// from the vectors.
func TestRenderExpectedJSON(t *testing.T) {
	dir := testvectors.AODir(t)
	want := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, "expected-json", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	edges := loadSchedule(t, dir, "schedule-Dccc.b64")
	if got := AppendPage(nil, edges[:3], true, RenderOptions{}); !bytes.Equal(got, want("messages-Dccc-limit3.json")) {
		t.Errorf("page differs:\n got %.300s\nwant %.300s", got, want("messages-Dccc-limit3.json"))
	}
	if got := AppendNode(nil, &edges[30], RenderOptions{}); !bytes.Equal(got, want("latest-Dccc.json")) {
		t.Errorf("latest differs:\n got %.300s\nwant %.300s", got, want("latest-Dccc.json"))
	}
	f, _ := ReadAssignment(edges[0].Assignment)
	if got := AppendProcess(nil, edges[0].Message, f.BlockHeight, f.Timestamp); !bytes.Equal(got, want("process-Dccc.json")) {
		t.Errorf("process differs:\n got %.300s\nwant %.300s", got, want("process-Dccc.json"))
	}
	items, err := ans104.ParseBundle(testvectors.Read(t, dir, "message.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if got := AppendNode(nil, &Edge{Message: items[1], Assignment: items[0]}, RenderOptions{}); !bytes.Equal(got, want("message-XxAng.json")) {
		t.Errorf("message differs:\n got %.300s\nwant %.300s", got, want("message-XxAng.json"))
	}
}
