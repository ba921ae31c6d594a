package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/actord/actord/internal/testvectors"
)

// inspectJSON runs `actord dataitem inspect` and decodes its lines.
func inspectJSON(t *testing.T, args ...string) (code int, items []inspected, stderr string) {
	t.Helper()
	code, out, stderr := runCapture(append([]string{"dataitem", "inspect"}, args...)...)
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var it inspected
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("output line is not JSON: %v\n%s", err, sc.Text())
		}
		items = append(items, it)
	}
	return code, items, stderr
}

// checkInspected compares one output object with expected.json's facts.
func checkInspected(t *testing.T, name string, got inspected, f testvectors.ItemFacts) {
	t.Helper()
	str := func(p *string) string {
		if p == nil {
			return "null"
		}
		return *p
	}
	if got.ID != f.ID || got.SignatureType != f.SignatureType || got.OwnerAddress != f.OwnerAddress {
		t.Errorf("%s: id/type/owner = %s %d %s, want %s %d %s", name, got.ID, got.SignatureType, got.OwnerAddress, f.ID, f.SignatureType, f.OwnerAddress)
	}
	if str(got.Target) != str(f.Target) || str(got.Anchor) != str(f.Anchor) {
		t.Errorf("%s: target/anchor = %s %s, want %s %s", name, str(got.Target), str(got.Anchor), str(f.Target), str(f.Anchor))
	}
	if got.DataSize != f.DataLength {
		t.Errorf("%s: data_size = %d, want %d", name, got.DataSize, f.DataLength)
	}
	if f.SignatureVerifies != nil && got.Valid != *f.SignatureVerifies {
		t.Errorf("%s: valid = %v (%s), want %v", name, got.Valid, got.Error, *f.SignatureVerifies)
	}
	if len(got.Tags) != len(f.Tags) {
		t.Errorf("%s: %d tags, want %d", name, len(got.Tags), len(f.Tags))
		return
	}
	for i := range got.Tags {
		if got.Tags[i].Name != f.Tags[i].Name || got.Tags[i].Value != f.Tags[i].Value {
			t.Errorf("%s: tag %d = %v, want %v", name, i, got.Tags[i], f.Tags[i])
		}
	}
}

func checkInspectVectors(t *testing.T, dir string, exp *testvectors.Expected) {
	names := make([]string, 0, len(exp.Items))
	for name := range exp.Items {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := exp.Items[name]
		file, idx, member := strings.Cut(name, "#")
		t.Run(name, func(t *testing.T) {
			code, items, stderr := inspectJSON(t, filepath.Join(dir, file))
			if f.Parses != nil && !*f.Parses {
				if code != exitFailure || len(items) != 0 || !strings.Contains(stderr, file) {
					t.Fatalf("malformed %s: exit %d, %d items, stderr %q; want exit 1, no items, an error naming the file", file, code, len(items), stderr)
				}
				return
			}
			i := 0
			if member {
				i = int(idx[0] - '0')
			}
			if i >= len(items) {
				t.Fatalf("%d items printed, want item %d (stderr %q)", len(items), i, stderr)
			}
			checkInspected(t, name, items[i], f)
			wantCode := exitOK
			for _, it := range items {
				if !it.Valid {
					wantCode = exitFailure
				}
			}
			if code != wantCode {
				t.Errorf("exit = %d, want %d", code, wantCode)
			}
		})
	}
}

func TestInspectLocalVectors(t *testing.T) {
	dir := filepath.Join("..", "..", "internal", "ans104", "testdata")
	checkInspectVectors(t, dir, testvectors.LoadExpected(t, dir))
}

func TestInspectSharedVectors(t *testing.T) {
	dir := testvectors.AODir(t)
	checkInspectVectors(t, dir, testvectors.LoadExpected(t, dir))
}

// TestInspectSchedules lists SU schedules with --unbundle: every outer item
// followed by the assignment and message inside it.
func TestInspectSchedules(t *testing.T) {
	dir := testvectors.AODir(t)
	exp := testvectors.LoadExpected(t, dir)
	for file, sched := range exp.Schedules {
		t.Run(file, func(t *testing.T) {
			code, items, stderr := inspectJSON(t, "--unbundle", filepath.Join(dir, file))
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			k := 0
			for _, l := range sched.Lines {
				if k >= len(items) || items[k].ID != l.OuterID || items[k].Parent != "" || !items[k].Valid {
					t.Fatalf("line %d: outer item missing or wrong at output %d", l.Line, k)
				}
				outer := items[k].ID
				k++
				for j, f := range l.Items {
					if k >= len(items) || items[k].Parent != outer {
						t.Fatalf("line %d: inner item %d missing", l.Line, j)
					}
					checkInspected(t, file, items[k], f)
					k++
				}
			}
			if k != len(items) {
				t.Errorf("%d items printed, want %d", len(items), k)
			}
		})
	}
}

// TestInspectMixedFiles keeps going past a bad file and exits 1.
func TestInspectMixedFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "internal", "ans104", "testdata")
	code, items, stderr := inspectJSON(t,
		filepath.Join(dir, "fresh-process.bin"),
		filepath.Join(dir, "bad-truncated-after-owner.bin"),
		filepath.Join(dir, "no-such-file.bin"),
		filepath.Join(dir, "fresh-ethereum.bin"))
	if code != exitFailure || len(items) != 2 || !items[0].Valid || !items[1].Valid {
		t.Fatalf("exit %d, %d items; want 1 and the 2 good items", code, len(items))
	}
	for _, want := range []string{"bad-truncated-after-owner.bin", "no-such-file.bin"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %s: %s", want, stderr)
		}
	}
	code, items, _ = inspectJSON(t, filepath.Join(dir, "bad-signature-bitflip.bin"))
	if code != exitFailure || len(items) != 1 || items[0].Valid || items[0].Error == "" {
		t.Fatalf("bit-flipped signature: exit %d, %+v", code, items)
	}
	if !bytes.Contains([]byte(stderr), []byte("actord:")) {
		t.Errorf("errors are not prefixed: %s", stderr)
	}
}
