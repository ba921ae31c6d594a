package pgstore

import (
	"bytes"
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/actord/actord/internal/pgtest"
	"github.com/actord/actord/internal/schedule"
	"github.com/actord/actord/store/storetest"
)

func TestParseRange(t *testing.T) {
	tests := map[string]struct {
		lo, hi int64
		ok     bool
	}{
		"0":      {0, 1<<63 - 1, true},
		"0-1000": {0, 1000, true},
		"1000":   {1000, 1<<63 - 1, true},
		"5-5":    {0, 0, false},
		"x":      {0, 0, false},
		"-3":     {0, 0, false},
		"10-2":   {0, 0, false},
	}
	for in, tc := range tests {
		r, err := ParseRange(in)
		if (err == nil) != tc.ok || tc.ok && (r.Lo != tc.lo || r.Hi != tc.hi) {
			t.Errorf("ParseRange(%q) = %+v, %v", in, r, err)
		}
	}
}

// TestCopyToDisk fills PostgreSQL without USE_DISK, then moves the bytes
// with two concurrent copiers on disjoint ranges, one of them interrupted
// and resumed, and reads everything back through a USE_DISK store.
func TestCopyToDisk(t *testing.T) {
	dsn := pgtest.Database(t)
	s := open(t, dsn)
	want := map[[2]uint64][]byte{}
	for p := byte(1); p <= 4; p++ {
		pid := storetest.ID(p, 9)
		for n := uint64(0); n < 15; n++ {
			kind := schedule.KindMessage
			if n == 0 {
				kind = schedule.KindProcess
			}
			e := storetest.Entry(pid, n, kind)
			e.Item = bytes.Repeat([]byte{p, byte(n)}, 100+int(n))
			if err := s.Append(e); err != nil {
				t.Fatal(err)
			}
			want[[2]uint64{uint64(p), n}] = e.Item
		}
	}
	pool := s.Pool()
	dir := filepath.Join(t.TempDir(), "bytes")
	openBytes := func() (*Disk, error) { return OpenDisk(dir, nil) }

	// An interrupted copy of the first range.
	ctx, cancel := context.WithCancel(t.Context())
	n, err := CopyToDisk(ctx, pool, openBytes, Range{0, 30}, 7, func(done, total int64) {
		if done >= 7 {
			cancel()
		}
	})
	if err == nil || n != 7 {
		t.Fatalf("interrupted copy = %d, %v; want 7 rows and an error", n, err)
	}
	// Resume it while a second process-like copier takes the rest.
	var wg sync.WaitGroup
	counts := make([]int64, 2)
	for i, r := range []Range{{0, 30}, {30, 1 << 62}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := CopyToDisk(t.Context(), pool, openBytes, r, 5, nil)
			if err != nil {
				t.Errorf("copy %v: %v", r, err)
			}
			counts[i] = c
		}()
	}
	wg.Wait()
	if counts[0]+counts[1]+7 != 60 {
		t.Fatalf("copied %d + %d + 7 rows, want 60", counts[0], counts[1])
	}
	// Idempotent: nothing left to do.
	if c, err := CopyToDisk(t.Context(), pool, openBytes, Range{0, 1 << 62}, 5, nil); err != nil || c != 0 {
		t.Fatalf("second run copied %d, %v", c, err)
	}
	s.Close()
	ds := openDisk(t, dsn, dir)
	defer ds.Close()
	if checked, err := VerifyDisk(t.Context(), ds.w, ds.disk, Range{0, 1 << 62}); err != nil || checked != 60 {
		t.Fatalf("VerifyDisk = %d, %v", checked, err)
	}
	for k, item := range want {
		e, err := ds.Entry(storetest.ID(byte(k[0]), 9), k[1])
		if err != nil || !bytes.Equal(e.Item, item) {
			t.Fatalf("entry %v after the move: %v", k, err)
		}
	}
}
