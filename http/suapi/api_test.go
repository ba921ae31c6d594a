package suapi_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/cucheck"
	"github.com/actord/actord/internal/testvectors"
)

const dcccPID = "DcccvmuHG83kIjXWtB2OBTDcZbFB32EXwbMWuTzmxSo"

// TestExpectedJSON serves the reference schedule and compares the bodies
// with the reference SU's byte for byte.
func TestExpectedJSON(t *testing.T) { eachBackend(t, testExpectedJSON) }

func testExpectedJSON(t *testing.T, backend string) {
	dir := testvectors.AODir(t)
	e := newEnvOn(t, backend)
	e.importSchedule(dir, "schedule-Dccc.b64")
	for file, path := range map[string]string{
		"process-Dccc.json":         "/processes/" + dcccPID,
		"messages-Dccc-limit3.json": "/" + dcccPID + "?process-id=" + dcccPID + "&limit=3",
		"latest-Dccc.json":          "/" + dcccPID + "/latest",
	} {
		want, err := os.ReadFile(filepath.Join(dir, "expected-json", file))
		if err != nil {
			t.Fatal(err)
		}
		status, got := e.do(http.MethodGet, path, nil)
		if status != 200 || !bytes.Equal(got, want) {
			t.Errorf("GET %s = %d, body differs from %s:\n got %.200s\nwant %.200s", path, status, file, got, want)
		}
	}
}

// TestReferencePaging walks the reference schedule with the CU's rules at
// several page sizes, and checks from/to/nonce bounds.
func TestReferencePaging(t *testing.T) { eachBackend(t, testReferencePaging) }

func testReferencePaging(t *testing.T, backend string) {
	dir := testvectors.AODir(t)
	e := newEnvOn(t, backend)
	e.importSchedule(dir, "schedule-Dccc.b64")
	for _, size := range []int{1, 3, 7, 30, 31, 100} {
		s, err := cucheck.Walk(t.Context(), http.DefaultClient, e.base, dcccPID, size)
		if err != nil {
			t.Fatalf("limit %d: %v", size, err)
		}
		if len(s) != 31 {
			t.Fatalf("limit %d: %d entries, want 31", size, len(s))
		}
		if err := cucheck.Verify(dcccPID, s); err != nil {
			t.Fatalf("limit %d: %v", size, err)
		}
	}
	page := func(q string) (*cucheck.Page, []cucheck.Scheduled) {
		t.Helper()
		params, _ := url.ParseQuery(q)
		p, err := cucheck.FetchPage(t.Context(), http.DefaultClient, e.base, dcccPID, params)
		if err != nil {
			t.Fatal(err)
		}
		var out []cucheck.Scheduled
		for _, ed := range p.Edges {
			s, err := cucheck.MapNode(ed.Node)
			if err != nil {
				t.Fatal(err)
			}
			s.Cursor = *ed.Cursor
			out = append(out, s)
		}
		return p, out
	}
	all, _ := cucheck.Walk(t.Context(), http.DefaultClient, e.base, dcccPID, 100)
	// from is exclusive: from = the process's timestamp drops the process edge.
	if _, s := page("from=1728412700914&limit=2"); len(s) != 2 || s[0].Nonce != 1 {
		t.Fatalf("from=process timestamp: %+v", s)
	}
	// to is inclusive.
	ts5 := strconv.FormatInt(all[5].Timestamp, 10)
	if p, s := page("to=" + ts5); len(s) != 6 || s[5].Nonce != 5 || *p.PageInfo.HasNextPage {
		t.Fatalf("to=nonce 5's timestamp: %d entries, has_next %v", len(s), *p.PageInfo.HasNextPage)
	}
	// Nonce mode: cursors are nonces; from-nonce is exclusive, -1 includes the process.
	if _, s := page("from-nonce=-1&to-nonce=2"); len(s) != 3 || s[0].Nonce != 0 || s[2].Cursor != "2" {
		t.Fatalf("from-nonce=-1&to-nonce=2: %+v", s)
	}
	if p, s := page("from-nonce=28"); len(s) != 2 || s[0].Nonce != 29 || *p.PageInfo.HasNextPage {
		t.Fatalf("from-nonce=28: %+v", s)
	}
	if _, s := page("from=" + strconv.FormatInt(all[30].Timestamp, 10)); len(s) != 0 {
		t.Fatalf("from=last timestamp: %d entries, want none", len(s))
	}
	for _, q := range []string{"from=abc", "to=1.5", "limit=x", "limit=0", "from-nonce=z"} {
		params, _ := url.ParseQuery(q)
		if _, err := cucheck.FetchPage(t.Context(), http.DefaultClient, e.base, dcccPID, params); err == nil || !strings.Contains(err.Error(), ": 400 ") {
			t.Errorf("%s: %v, want 400", q, err)
		}
	}
}

// TestFreshItems writes the generated vectors as clients would.
func TestFreshItems(t *testing.T) { eachBackend(t, testFreshItems) }

func testFreshItems(t *testing.T, backend string) {
	dir := "../../internal/ans104/testdata"
	exp := testvectors.LoadExpected(t, dir)
	e := newEnvOn(t, backend)
	status, m := e.post(testvectors.Read(t, dir, "fresh-process.bin"))
	if status != 200 || m["id"] != exp.Fresh.ProcessID {
		t.Fatalf("spawn = %d %v", status, m)
	}
	if _, ok := m["timestamp"].(float64); !ok {
		t.Fatalf("timestamp is not a number: %v", m)
	}
	// Every signature type is accepted (types 2 and 4 are an extension
	// over the reference, which cannot verify them).
	for i, f := range []string{"fresh-arweave.bin", "fresh-ethereum.bin", "fresh-ed25519.bin", "fresh-solana.bin", "fresh-arweave-nonutf8.bin"} {
		status, m := e.post(testvectors.Read(t, dir, f))
		if status != 200 || m["id"] != exp.Items[f].ID {
			t.Fatalf("%s = %d %v", f, status, m)
		}
		var node struct {
			Message struct {
				Data   string  `json:"data"`
				Anchor *string `json:"anchor"`
			} `json:"message"`
			Assignment struct {
				Tags []struct{ Name, Value string } `json:"tags"`
			} `json:"assignment"`
		}
		if st := e.getJSON("/"+exp.Items[f].ID+"?process-id="+exp.Fresh.ProcessID, &node); st != 200 {
			t.Fatalf("GET %s = %d", f, st)
		}
		if node.Assignment.Tags[2].Value != strconv.Itoa(i+1) {
			t.Fatalf("%s got Nonce %s, want %d", f, node.Assignment.Tags[2].Value, i+1)
		}
		if node.Message.Data != *exp.Items[f].DataJSONLossy || (node.Message.Anchor == nil) != (exp.Items[f].AnchorJSON == nil) {
			t.Fatalf("%s: data %q anchor %v", f, node.Message.Data, node.Message.Anchor)
		}
		// The raw bytes come back unchanged.
		if st, raw := e.do(http.MethodGet, "/"+exp.Items[f].ID+"/raw?process-id="+exp.Fresh.ProcessID, nil); st != 200 || !bytes.Equal(raw, testvectors.Read(t, dir, f)) {
			t.Fatalf("raw %s = %d, differs", f, st)
		}
	}
	s, err := cucheck.Walk(t.Context(), http.DefaultClient, e.base, exp.Fresh.ProcessID, 2)
	if err != nil || len(s) != 6 {
		t.Fatalf("walk: %d entries, %v", len(s), err)
	}
	if err := cucheck.Verify(exp.Fresh.ProcessID, s); err != nil {
		t.Fatal(err)
	}
	var info struct{ Address, Timestamp string }
	if e.getJSON("/", &info); info.Address != e.address || info.Timestamp == "" {
		t.Fatalf("GET / = %+v", info)
	}
	var ts struct {
		BlockHeight string `json:"block_height"`
		Timestamp   string `json:"timestamp"`
	}
	if e.getJSON("/timestamp?process-id="+exp.Fresh.ProcessID, &ts); ts.BlockHeight != "000001522898" {
		t.Fatalf("GET /timestamp = %+v", ts)
	}
}

// TestRejections: each bad input gets a clear error and schedules nothing.
func TestRejections(t *testing.T) { eachBackend(t, testRejections) }

func testRejections(t *testing.T, backend string) {
	dir := "../../internal/ans104/testdata"
	e := newEnvOn(t, backend)
	exp := testvectors.LoadExpected(t, dir)
	if st, _ := e.post(testvectors.Read(t, dir, "fresh-process.bin")); st != 200 {
		t.Fatal("spawn failed")
	}
	pid := exp.Fresh.ProcessID
	rawID, _ := ans104.DecodeID(pid)
	arweave := testvectors.Read(t, dir, "fresh-arweave.bin")
	tests := []struct {
		name   string
		method string
		path   string
		body   []byte
		status int
		msg    string
	}{
		{"truncated", "POST", "/", testvectors.Read(t, dir, "bad-truncated-after-owner.bin"), 400, "target presence byte"},
		{"presence byte 2", "POST", "/", testvectors.Read(t, dir, "bad-presence-byte-2.bin"), 400, "presence byte is 2"},
		{"tag count", "POST", "/", testvectors.Read(t, dir, "bad-tag-count-mismatch.bin"), 400, "invalid tag encoding"},
		{"bad signature", "POST", "/", testvectors.Read(t, dir, "bad-signature-bitflip.bin"), 400, "signature verification failed"},
		{"+link", "POST", "/", testvectors.Read(t, dir, "bad-tag-plus-link.bin"), 400, "cannot contain +link"},
		{"no Type", "POST", "/", testvectors.Read(t, dir, "bad-missing-type.bin"), 400, "Type tag not present"},
		{"Type=Assignment", "POST", "/", newItem(t, nil, []ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Type", Value: "Assignment"}}, ""), 400, "Unsupported Type"},
		{"no Data-Protocol", "POST", "/", newItem(t, rawID[:], []ans104.Tag{{Name: "Type", Value: "Message"}}, ""), 400, "Data-Protocol"},
		{"process without Module", "POST", "/", newItem(t, nil, []ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Type", Value: "Process"}}, ""), 400, "Module and Scheduler"},
		{"message without target", "POST", "/", newItem(t, nil, messageTags(), ""), 400, "no target"},
		{"empty body", "POST", "/", nil, 400, "empty body"},
		{"garbage", "POST", "/", []byte("hello world, not an item"), 400, "malformed data item"},
		{"process-id without assign", "POST", "/?process-id=" + pid, arweave, 400, "you must send both"},
		{"assign without process-id", "POST", "/?assign=" + pid, nil, 400, "you must send both"},
		{"message to an unknown process", "POST", "/", newItem(t, bytes.Repeat([]byte{7}, 32), messageTags(), ""), 404, "process not found"},
		{"over 10 MiB", "POST", "/", make([]byte, 10<<20+1), 413, "Too Large"},
		{"unknown id", "GET", "/" + ans104.Encode(make([]byte, 32)) + "?process-id=" + pid, nil, 404, "Message or Process not found"},
		{"bad id", "GET", "/xyz?process-id=" + pid, nil, 400, "43"},
		{"unknown process", "GET", "/processes/" + ans104.Encode(bytes.Repeat([]byte{1}, 32)), nil, 404, "Process not found"},
		{"no messages yet", "GET", "/" + pid + "/latest", nil, 404, "Latest message not available"},
	}
	for _, tc := range tests {
		status, body := e.do(tc.method, tc.path, tc.body)
		if status != tc.status || !strings.Contains(string(body), tc.msg) || !strings.HasPrefix(string(body), `{"error":`) {
			t.Errorf("%s: %d %s, want %d with %q", tc.name, status, body, tc.status, tc.msg)
		}
	}
	// Nothing above used a nonce: the next message gets nonce 1.
	if st, m := e.post(arweave); st != 200 {
		t.Fatalf("valid message after rejections = %d %v", st, m)
	}
	if st, m := e.post(arweave); st != 409 || !strings.Contains(fmt.Sprint(m["error"]), "already scheduled") {
		t.Fatalf("repeated message = %d %v, want 409", st, m)
	}
	// A repeated spawn answers with the process and schedules nothing.
	if st, m := e.post(testvectors.Read(t, dir, "fresh-process.bin")); st != 200 || m["id"] != pid {
		t.Fatalf("repeated spawn = %d %v", st, m)
	}
	s, err := cucheck.Walk(t.Context(), http.DefaultClient, e.base, pid, 100)
	if err != nil || len(s) != 2 || cucheck.Verify(pid, s) != nil {
		t.Fatalf("schedule after rejections: %d entries %v", len(s), err)
	}
}

func TestAssign(t *testing.T) { eachBackend(t, testAssign) }

func testAssign(t *testing.T, backend string) {
	e := newEnvOn(t, backend)
	status, m := e.post(newItem(t, nil, processTags(ans104.Tag{Name: "Settlement-Depth", Value: "10"}), "proc"))
	if status != 200 {
		t.Fatalf("spawn = %d %v", status, m)
	}
	pid := m["id"].(string)
	tx := ans104.Encode(bytes.Repeat([]byte{0x4d}, 32))
	l1 := ans104.Encode(bytes.Repeat([]byte{0x2e}, 32))
	e.gw.AddTx(tx, 0)
	e.gw.AddTx(l1, 12)
	tests := []struct {
		name   string
		query  string
		status int
	}{
		{"assign", "?process-id=" + pid + "&assign=" + tx + "&exclude=Data,Anchor", 200},
		{"again gets a new nonce", "?process-id=" + pid + "&assign=" + tx, 200},
		{"base layer, enough confirmations", "?process-id=" + pid + "&assign=" + l1 + "&base-layer", 200},
		{"base layer, pending", "?process-id=" + pid + "&assign=" + tx + "&base-layer", 400},
		{"unknown tx", "?process-id=" + pid + "&assign=" + ans104.Encode(bytes.Repeat([]byte{0x51}, 32)), 400},
		{"non-canonical id", "?process-id=" + pid + "&assign=" + strings.Repeat("T", 43), 400},
		{"short tx", "?process-id=" + pid + "&assign=abc", 400},
		{"unknown process", "?process-id=" + ans104.Encode(bytes.Repeat([]byte{0x3c}, 32)) + "&assign=" + tx, 404},
	}
	for _, tc := range tests {
		status, m := e.postQuery("/" + tc.query)
		if status != tc.status {
			t.Errorf("%s: %d %v, want %d", tc.name, status, m, tc.status)
		}
	}
	e.gw.AddTx(l1, 9) // below the process's Settlement-Depth of 10
	if st, m := e.postQuery("/?process-id=" + pid + "&assign=" + l1 + "&base-layer"); st != 400 || !strings.Contains(fmt.Sprint(m["error"]), "9 of 10") {
		t.Errorf("too few confirmations: %d %v", st, m)
	}
	e.gw.SetDown(true)
	if st, _ := e.postQuery("/?process-id=" + pid + "&assign=" + tx); st != 503 {
		t.Errorf("gateway down: %d, want 503", st)
	}
	s, err := cucheck.Walk(t.Context(), http.DefaultClient, e.base, pid, 100)
	if err != nil || len(s) != 4 || cucheck.Verify(pid, s) != nil {
		t.Fatalf("schedule: %d entries %v", len(s), err)
	}
	if !s[1].IsAssignment || s[1].ID != tx || len(s[1].Exclude) != 2 || s[1].Exclude[1] != "Anchor" || !s[3].IsAssignment || s[3].ID != l1 {
		t.Fatalf("assign entries: %+v", s[1:])
	}
	// An assignment is found by its assignment id and by the assigned id.
	var node struct{ Message *struct{} }
	if st := e.getJSON("/"+s[1].AssignmentID+"?process-id="+pid, &node); st != 200 || node.Message != nil {
		t.Fatalf("GET by assignment id = %d %+v", st, node)
	}
	if st := e.getJSON("/"+tx+"?process-id="+pid, &node); st != 200 {
		t.Fatalf("GET by assigned id = %d", st)
	}
}

// TestSameMillisecondPaging sends bursts of concurrent messages, so many
// land in the same millisecond, and pages with every small size.
func TestSameMillisecondPaging(t *testing.T) { eachBackend(t, testSameMillisecondPaging) }

func testSameMillisecondPaging(t *testing.T, backend string) {
	e := newEnvOn(t, backend)
	_, m := e.post(newItem(t, nil, processTags(), ""))
	pid := m["id"].(string)
	target, _ := ans104.DecodeID(pid)
	const n = 40
	items := make([][]byte, n)
	for i := range items {
		items[i] = newItem(t, target[:], messageTags(ans104.Tag{Name: "I", Value: strconv.Itoa(i)}), strconv.Itoa(i))
	}
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if st, m := e.post(it); st != 200 {
				t.Errorf("POST = %d %v", st, m)
			}
		}()
	}
	wg.Wait()
	for size := 1; size <= 6; size++ {
		s, err := cucheck.Walk(context.Background(), http.DefaultClient, e.base, pid, size)
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if len(s) != n+1 {
			t.Fatalf("size %d: %d entries, want %d", size, len(s), n+1)
		}
		if err := cucheck.Verify(pid, s); err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
	}
}
