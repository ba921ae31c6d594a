package pebblestore

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"testing"
)

func openMem(t *testing.T) *Store {
	t.Helper()
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func id(b ...byte) ID {
	var x ID
	copy(x[:], b)
	return x
}

// entry builds the n-th entry of process pid with a timestamp of 1000+10n.
func entry(pid ID, n uint64, kind Kind) *Entry {
	e := &Entry{
		Process: pid, Nonce: n, Timestamp: 1000 + 10*int64(n), Kind: kind,
		HashChain: id(byte(n), 0xcc), AssignmentID: id(pid[0], byte(n), 0xaa), MessageID: id(pid[0], byte(n), 0xbb),
		Assignment: []byte(fmt.Sprintf("assignment-%d", n)),
	}
	if kind != KindAssign {
		e.Item = []byte(fmt.Sprintf("item-%d\x00\xff", n))
	}
	if kind == KindProcess {
		e.MessageID = pid
	}
	return e
}

func appendN(t *testing.T, s *Store, pid ID, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		kind := KindMessage
		if i == 0 {
			kind = KindProcess
		} else if i%3 == 0 {
			kind = KindAssign
		}
		if err := s.Append(entry(pid, uint64(i), kind)); err != nil {
			t.Fatalf("Append(%d): %v", i, err)
		}
	}
}

func TestAppendConditions(t *testing.T) {
	s := openMem(t)
	pid := id(1)
	tests := []struct {
		name string
		e    *Entry
		want error
	}{
		{"first entry must be nonce 0", entry(pid, 1, KindMessage), ErrConflict},
		{"spawn", entry(pid, 0, KindProcess), nil},
		{"spawn again", entry(pid, 0, KindProcess), ErrConflict},
		{"gap", entry(pid, 2, KindMessage), ErrConflict},
		{"next", entry(pid, 1, KindMessage), nil},
		{"same nonce twice", entry(pid, 1, KindMessage), ErrConflict},
		{"duplicate message id", func() *Entry { e := entry(pid, 2, KindMessage); e.MessageID = id(1, 1, 0xbb); return e }(), ErrDuplicate},
		{"assign of an existing id is fine", func() *Entry { e := entry(pid, 2, KindAssign); e.MessageID = id(1, 1, 0xbb); return e }(), nil},
	}
	for _, tc := range tests {
		if err := s.Append(tc.e); !errors.Is(err, tc.want) {
			t.Errorf("%s: Append = %v, want %v", tc.name, err, tc.want)
		}
	}
	h, ok, err := s.Head(pid)
	if err != nil || !ok || h.Nonce != 2 || h.AssignmentID != id(1, 2, 0xaa) {
		t.Fatalf("head = %+v %v %v", h, ok, err)
	}
}

func TestRangeAndTime(t *testing.T) {
	s := openMem(t)
	pid, other := id(2), id(3)
	appendN(t, s, pid, 25)
	appendN(t, s, other, 5)
	got, more, err := s.Range(pid, 0, 1<<62, 10)
	if err != nil || len(got) != 10 || !more {
		t.Fatalf("first page: %d entries, more=%v, %v", len(got), more, err)
	}
	for i, e := range got {
		want := entry(pid, uint64(i), e.Kind)
		if e.Nonce != uint64(i) || !bytes.Equal(e.Assignment, want.Assignment) || !bytes.Equal(e.Item, want.Item) || e.Timestamp != want.Timestamp {
			t.Fatalf("entry %d = %+v", i, e)
		}
		if (e.Kind == KindAssign) != (e.Item == nil) {
			t.Fatalf("entry %d: kind %d with item %q", i, e.Kind, e.Item)
		}
	}
	got, more, _ = s.Range(pid, 20, 24, 10)
	if len(got) != 5 || more {
		t.Fatalf("last page: %d, more=%v", len(got), more)
	}
	got, more, _ = s.Range(pid, 20, 24, 5)
	if len(got) != 5 || more {
		t.Fatalf("exact last page: %d, more=%v; want no next page", len(got), more)
	}
	tests := map[string]struct {
		after  bool
		ts     int64
		nonce  uint64
		wantOK bool
	}{
		"after nothing":        {true, -1, 0, true},
		"after before first":   {true, 999, 0, true},
		"after first exact":    {true, 1000, 1, true},
		"after between":        {true, 1015, 2, true},
		"after last":           {true, 1240, 0, false},
		"at or before first":   {false, 1000, 0, true},
		"at or before between": {false, 1015, 1, true},
		"at or before early":   {false, 999, 0, false},
		"at or before far":     {false, 1 << 50, 24, true},
	}
	for name, tc := range tests {
		var n uint64
		var ok bool
		var err error
		if tc.after {
			n, ok, err = s.NonceAfter(pid, tc.ts)
		} else {
			n, ok, err = s.LastNonceAtOrBefore(pid, tc.ts)
		}
		if err != nil || ok != tc.wantOK || (ok && n != tc.nonce) {
			t.Errorf("%s: = %d %v %v, want %d %v", name, n, ok, err, tc.nonce, tc.wantOK)
		}
	}
}

func TestLookup(t *testing.T) {
	s := openMem(t)
	pid := id(4)
	appendN(t, s, pid, 4)
	locs, err := s.Lookup(id(4, 1, 0xbb))
	if err != nil || len(locs) != 1 || locs[0].Role != RoleItem || locs[0].Nonce != 1 {
		t.Fatalf("message lookup = %+v %v", locs, err)
	}
	locs, _ = s.Lookup(id(4, 3, 0xaa))
	if len(locs) != 1 || locs[0].Role != RoleAssignment || locs[0].Nonce != 3 {
		t.Fatalf("assignment lookup = %+v", locs)
	}
	locs, _ = s.Lookup(id(4, 3, 0xbb))
	if len(locs) != 1 || locs[0].Role != RoleAssigned {
		t.Fatalf("assigned tx lookup = %+v", locs)
	}
	locs, _ = s.Lookup(pid)
	if len(locs) != 1 || locs[0].Role != RoleItem || locs[0].Nonce != 0 {
		t.Fatalf("process lookup = %+v", locs)
	}
	if locs, _ := s.Lookup(id(99)); len(locs) != 0 {
		t.Fatalf("unknown id found: %+v", locs)
	}
}

func TestOutbox(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, s, id(5), 4) // process, 2 messages, 1 assign: 3 items + 4 assignments
	if n := s.OutboxLen(); n != 7 {
		t.Fatalf("OutboxLen = %d, want 7", n)
	}
	recs, err := s.Outbox(0, 3)
	if err != nil || len(recs) != 3 || recs[0].Part != PartItem || recs[1].Part != PartAssignment || recs[0].Nonce != 0 {
		t.Fatalf("Outbox = %+v %v", recs, err)
	}
	if err := s.AckOutbox(recs[0].Seq, recs[1].Seq); err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Reopen: the rest of the outbox survives and new records continue
	// the sequence.
	s, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := s.OutboxLen(); n != 5 {
		t.Fatalf("after reopen OutboxLen = %d, want 5", n)
	}
	if err := s.Append(entry(id(5), 4, KindMessage)); err != nil {
		t.Fatal(err)
	}
	recs, _ = s.Outbox(0, 100)
	for i := 1; i < len(recs); i++ {
		if recs[i].Seq <= recs[i-1].Seq {
			t.Fatalf("outbox sequence not increasing: %+v", recs)
		}
	}
	if len(recs) != 7 {
		t.Fatalf("%d records, want 7", len(recs))
	}
	if h, ok, _ := s.Head(id(5)); !ok || h.Nonce != 4 {
		t.Fatalf("head after reopen = %+v", h)
	}
}

// TestConcurrentWritersOneWins races writers that all try to append the
// same next nonce: exactly one succeeds each round.
func TestConcurrentWritersOneWins(t *testing.T) {
	s := openMem(t)
	pid := id(6)
	if err := s.Append(entry(pid, 0, KindProcess)); err != nil {
		t.Fatal(err)
	}
	for n := uint64(1); n <= 20; n++ {
		var wg sync.WaitGroup
		results := make(chan error, 8)
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				e := entry(pid, n, KindAssign)
				e.AssignmentID = id(6, byte(n), byte(w))
				results <- s.Append(e)
			}()
		}
		wg.Wait()
		close(results)
		wins := 0
		for err := range results {
			switch {
			case err == nil:
				wins++
			case !errors.Is(err, ErrConflict):
				t.Fatalf("unexpected error %v", err)
			}
		}
		if wins != 1 {
			t.Fatalf("nonce %d: %d writers succeeded, want 1", n, wins)
		}
	}
}

func TestMeta(t *testing.T) {
	s := openMem(t)
	if _, err := s.Meta("height"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Meta(unset) = %v", err)
	}
	if err := s.SetMeta("height", []byte("123")); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Meta("height"); err != nil || string(v) != "123" {
		t.Fatalf("Meta = %q %v", v, err)
	}
	s.Close()
	if _, _, err := s.Head(id(1)); !errors.Is(err, ErrClosed) {
		t.Fatalf("Head after Close = %v", err)
	}
}
