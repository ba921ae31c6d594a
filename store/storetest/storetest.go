// Package storetest is the conformance suite every SU store passes: the
// conditional append, duplicates, pages, cursors, the id index, the
// outbox across a reopen, and concurrent writers of which exactly one
// wins. Each store's tests call Run with an opener.
package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/actord/actord/internal/schedule"
)

// Store is what the suite exercises.
type Store interface {
	Head(pid schedule.ID) (schedule.Head, bool, error)
	Append(e *schedule.Entry) error
	Entry(pid schedule.ID, nonce uint64) (*schedule.Entry, error)
	Range(pid schedule.ID, from, to uint64, limit int) ([]*schedule.Entry, bool, error)
	NonceAfter(pid schedule.ID, ts int64) (uint64, bool, error)
	LastNonceAtOrBefore(pid schedule.ID, ts int64) (uint64, bool, error)
	Lookup(id schedule.ID) ([]schedule.Location, error)
	Outbox(after uint64, limit int) ([]schedule.OutboxRecord, error)
	AckOutbox(seqs ...uint64) error
	OutboxLen() int
	Meta(name string) ([]byte, error)
	SetMeta(name string, v []byte) error
	Close() error
}

// Opener opens the store of one test; called again, it reopens the same
// data (after Close).
type Opener func() Store

// NewOpener makes an Opener for a fresh, empty store for test t.
type NewOpener func(t *testing.T) Opener

// Run runs the suite.
func Run(t *testing.T, newOpener NewOpener) {
	tests := map[string]func(*testing.T, Opener){
		"AppendConditions":         appendConditions,
		"RangeAndTime":             rangeAndTime,
		"Lookup":                   lookup,
		"OutboxSurvivesReopen":     outboxSurvivesReopen,
		"ConcurrentWritersOneWins": concurrentWritersOneWins,
		"Meta":                     meta,
		"BytesRoundTrip":           bytesRoundTrip,
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) { f(t, newOpener(t)) })
	}
}

func open(t *testing.T, o Opener) Store {
	s := o()
	t.Cleanup(func() { s.Close() })
	return s
}

// ID makes an id from a few bytes.
func ID(b ...byte) schedule.ID {
	var x schedule.ID
	copy(x[:], b)
	return x
}

// Entry builds the n-th entry of process pid, timestamp 1000+10n.
func Entry(pid schedule.ID, n uint64, kind schedule.Kind) *schedule.Entry {
	e := &schedule.Entry{
		Process: pid, Nonce: n, Timestamp: 1000 + 10*int64(n), Kind: kind,
		HashChain: ID(byte(n), 0xcc), AssignmentID: ID(pid[0], pid[1], byte(n), 0xaa), MessageID: ID(pid[0], pid[1], byte(n), 0xbb),
		Assignment: []byte(fmt.Sprintf("assignment-%d", n)),
	}
	if kind != schedule.KindAssign {
		e.Item = []byte(fmt.Sprintf("item-%d\x00\xff", n))
	}
	if kind == schedule.KindProcess {
		e.MessageID = pid
	}
	return e
}

func appendN(t *testing.T, s Store, pid schedule.ID, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		kind := schedule.KindMessage
		if i == 0 {
			kind = schedule.KindProcess
		} else if i%3 == 0 {
			kind = schedule.KindAssign
		}
		if err := s.Append(Entry(pid, uint64(i), kind)); err != nil {
			t.Fatalf("Append(%d): %v", i, err)
		}
	}
}

func appendConditions(t *testing.T, o Opener) {
	s := open(t, o)
	pid := ID(1)
	tests := []struct {
		name string
		e    *schedule.Entry
		want error
	}{
		{"first entry must be nonce 0", Entry(pid, 1, schedule.KindMessage), schedule.ErrConflict},
		{"spawn", Entry(pid, 0, schedule.KindProcess), nil},
		{"spawn again", Entry(pid, 0, schedule.KindProcess), schedule.ErrConflict},
		{"gap", Entry(pid, 2, schedule.KindMessage), schedule.ErrConflict},
		{"next", Entry(pid, 1, schedule.KindMessage), nil},
		{"same nonce twice", Entry(pid, 1, schedule.KindMessage), schedule.ErrConflict},
		{"duplicate message id", func() *schedule.Entry {
			e := Entry(pid, 2, schedule.KindMessage)
			e.MessageID = ID(1, 0, 1, 0xbb)
			return e
		}(), schedule.ErrDuplicate},
		{"assign of an existing id is fine", func() *schedule.Entry {
			e := Entry(pid, 2, schedule.KindAssign)
			e.MessageID = ID(1, 0, 1, 0xbb)
			return e
		}(), nil},
	}
	for _, tc := range tests {
		if err := s.Append(tc.e); !errors.Is(err, tc.want) {
			t.Errorf("%s: Append = %v, want %v", tc.name, err, tc.want)
		}
	}
	h, ok, err := s.Head(pid)
	if err != nil || !ok || h.Nonce != 2 || h.AssignmentID != ID(1, 0, 2, 0xaa) || h.Timestamp != 1020 {
		t.Fatalf("head = %+v %v %v", h, ok, err)
	}
	if _, ok, _ := s.Head(ID(9)); ok {
		t.Fatal("unknown process has a head")
	}
	if _, err := s.Entry(pid, 3); !errors.Is(err, schedule.ErrNotFound) {
		t.Fatalf("Entry past the head = %v, want ErrNotFound", err)
	}
}

func rangeAndTime(t *testing.T, o Opener) {
	s := open(t, o)
	pid, other := ID(2), ID(3)
	appendN(t, s, pid, 25)
	appendN(t, s, other, 5)
	got, more, err := s.Range(pid, 0, 1<<62, 10)
	if err != nil || len(got) != 10 || !more {
		t.Fatalf("first page: %d entries, more=%v, %v", len(got), more, err)
	}
	for i, e := range got {
		if e.Nonce != uint64(i) || e.Process != pid || e.Timestamp != 1000+10*int64(i) {
			t.Fatalf("entry %d = %+v", i, e)
		}
		if (e.Kind == schedule.KindAssign) != (e.Item == nil) {
			t.Fatalf("entry %d: kind %d with item %q", i, e.Kind, e.Item)
		}
	}
	if got, more, _ = s.Range(pid, 20, 24, 10); len(got) != 5 || more {
		t.Fatalf("last page: %d, more=%v", len(got), more)
	}
	if got, more, _ = s.Range(pid, 20, 24, 5); len(got) != 5 || more {
		t.Fatalf("exact last page: %d, more=%v; want no next page", len(got), more)
	}
	if got, _, _ = s.Range(pid, 30, 40, 5); len(got) != 0 {
		t.Fatalf("range past the end: %d entries", len(got))
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

func lookup(t *testing.T, o Opener) {
	s := open(t, o)
	pid := ID(4)
	appendN(t, s, pid, 4)
	check := func(id schedule.ID, role schedule.Role, nonce uint64) {
		t.Helper()
		locs, err := s.Lookup(id)
		if err != nil || len(locs) != 1 || locs[0].Role != role || locs[0].Nonce != nonce || locs[0].Process != pid {
			t.Fatalf("Lookup = %+v %v, want role %d at %d", locs, err, role, nonce)
		}
	}
	check(ID(4, 0, 1, 0xbb), schedule.RoleItem, 1)
	check(ID(4, 0, 3, 0xaa), schedule.RoleAssignment, 3)
	check(ID(4, 0, 3, 0xbb), schedule.RoleAssigned, 3)
	check(pid, schedule.RoleItem, 0)
	if locs, _ := s.Lookup(ID(99)); len(locs) != 0 {
		t.Fatalf("unknown id found: %+v", locs)
	}
}

func outboxSurvivesReopen(t *testing.T, o Opener) {
	s := o()
	appendN(t, s, ID(5), 4) // a process, 2 messages, 1 assign: 3 items + 4 assignments
	if n := s.OutboxLen(); n != 7 {
		t.Fatalf("OutboxLen = %d, want 7", n)
	}
	recs, err := s.Outbox(0, 3)
	if err != nil || len(recs) != 3 || recs[0].Part != schedule.PartItem || recs[1].Part != schedule.PartAssignment || recs[0].Nonce != 0 {
		t.Fatalf("Outbox = %+v %v", recs, err)
	}
	if err := s.AckOutbox(recs[0].Seq, recs[1].Seq); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, o)
	if n := s.OutboxLen(); n != 5 {
		t.Fatalf("after reopen OutboxLen = %d, want 5", n)
	}
	if err := s.Append(Entry(ID(5), 4, schedule.KindMessage)); err != nil {
		t.Fatal(err)
	}
	recs, _ = s.Outbox(0, 100)
	for i := 1; i < len(recs); i++ {
		if recs[i].Seq <= recs[i-1].Seq {
			t.Fatalf("outbox sequence not increasing: %+v", recs)
		}
	}
	if len(recs) != 7 || s.OutboxLen() != 7 {
		t.Fatalf("%d records (OutboxLen %d), want 7", len(recs), s.OutboxLen())
	}
	if h, ok, _ := s.Head(ID(5)); !ok || h.Nonce != 4 {
		t.Fatalf("head after reopen = %+v", h)
	}
}

func concurrentWritersOneWins(t *testing.T, o Opener) {
	s := open(t, o)
	pid := ID(6)
	if err := s.Append(Entry(pid, 0, schedule.KindProcess)); err != nil {
		t.Fatal(err)
	}
	for n := uint64(1); n <= 10; n++ {
		var wg sync.WaitGroup
		results := make(chan error, 8)
		for w := 0; w < 8; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				e := Entry(pid, n, schedule.KindAssign)
				e.AssignmentID = ID(6, byte(n), byte(w), 0xee)
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
			case !errors.Is(err, schedule.ErrConflict):
				t.Fatalf("unexpected error %v", err)
			}
		}
		if wins != 1 {
			t.Fatalf("nonce %d: %d writers succeeded, want 1", n, wins)
		}
	}
}

func meta(t *testing.T, o Opener) {
	s := open(t, o)
	if _, err := s.Meta("height"); !errors.Is(err, schedule.ErrNotFound) {
		t.Fatalf("Meta(unset) = %v", err)
	}
	for _, v := range []string{"123", "124"} {
		if err := s.SetMeta("height", []byte(v)); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Meta("height"); err != nil || string(got) != v {
			t.Fatalf("Meta = %q %v, want %s", got, err, v)
		}
	}
}

func bytesRoundTrip(t *testing.T, o Opener) {
	s := open(t, o)
	pid := ID(7)
	e := Entry(pid, 0, schedule.KindProcess)
	e.Item = make([]byte, 3<<20) // items up to the 10 MiB body limit
	for i := range e.Item {
		e.Item[i] = byte(i * 7)
	}
	if err := s.Append(e); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entry(pid, 0)
	if err != nil || string(got.Item) != string(e.Item) || string(got.Assignment) != string(e.Assignment) {
		t.Fatalf("bytes did not round-trip: %v", err)
	}
}
