package pgstore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/actord/actord/internal/pgtest"
	"github.com/actord/actord/internal/schedule"
	"github.com/actord/actord/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

func open(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), Options{WriterURL: dsn, WriteConnections: 4, ReadConnections: 4})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		dsn := pgtest.Database(t)
		return func() storetest.Store { return open(t, dsn) }
	})
}

func TestMigrationsAreIdempotent(t *testing.T) {
	dsn := pgtest.Database(t)
	s := open(t, dsn)
	applied, err := Migrate(t.Context(), s.w)
	if err != nil || len(applied) != 0 {
		t.Fatalf("second Migrate applied %v, %v; want nothing", applied, err)
	}
	s.Close()
	s = open(t, dsn)
	defer s.Close()
	var n int
	ms, _ := migrations()
	if err := s.w.QueryRow(t.Context(), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Fatalf("schema_migrations has %d rows, %v", n, err)
	}
}

func TestConformanceUseDisk(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		dsn := pgtest.Database(t)
		dir := filepath.Join(t.TempDir(), "bytes")
		return func() storetest.Store { return openDisk(t, dsn, dir) }
	})
}

// diskStore closes its byte store with the store.
type diskStore struct {
	*Store
	disk *Disk
}

func (d diskStore) Close() error { return errors.Join(d.Store.Close(), d.disk.Close()) }

func openDisk(t *testing.T, dsn, dir string) diskStore {
	t.Helper()
	disk, err := OpenDisk(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), Options{WriterURL: dsn, Disk: disk})
	if err != nil {
		t.Fatal(err)
	}
	return diskStore{s, disk}
}

// failingDisk refuses writes, as a full or broken disk would.
type failingDisk struct{ ByteStore }

func (failingDisk) Put(ID, []byte) error { return errors.New("disk full") }

// TestUseDiskWriteOrder proves the order: bytes first (synced), then the
// row. A failed byte write leaves no row; a failed row leaves only
// unreferenced bytes; every row that says "on disk" has its bytes.
func TestUseDiskWriteOrder(t *testing.T) {
	dsn := pgtest.Database(t)
	dir := filepath.Join(t.TempDir(), "bytes")
	s := openDisk(t, dsn, dir)
	pid := storetest.ID(8)
	if err := s.Append(storetest.Entry(pid, 0, schedule.KindProcess)); err != nil {
		t.Fatal(err)
	}
	// The byte write fails: nothing reaches PostgreSQL.
	broken, err := Open(t.Context(), Options{WriterURL: dsn, Disk: failingDisk{s.disk}})
	if err != nil {
		t.Fatal(err)
	}
	if err := broken.Append(storetest.Entry(pid, 1, schedule.KindMessage)); !errors.Is(err, schedule.ErrUnavailable) {
		t.Fatalf("Append with a failing disk = %v, want ErrUnavailable", err)
	}
	broken.Close()
	if h, _, _ := s.Head(pid); h.Nonce != 0 {
		t.Fatalf("head moved to %d after a failed byte write", h.Nonce)
	}
	// The row fails after the bytes were written (another writer won the
	// nonce): the bytes stay, unreferenced, and are never served.
	loser := storetest.Entry(pid, 2, schedule.KindMessage)
	if err := s.Append(loser); !errors.Is(err, schedule.ErrConflict) {
		t.Fatalf("Append of a gap = %v, want ErrConflict", err)
	}
	if b, err := s.disk.Get(loser.AssignmentID); err != nil || len(b) == 0 {
		t.Fatalf("the loser's bytes were written first: %v", err)
	}
	for n := uint64(1); n < 5; n++ {
		if err := s.Append(storetest.Entry(pid, n, schedule.KindMessage)); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.w.Query(t.Context(), `SELECT assignment_id FROM entries WHERE item_on_disk`)
	if err != nil {
		t.Fatal(err)
	}
	var aids [][]byte
	for rows.Next() {
		var aid []byte
		rows.Scan(&aid)
		aids = append(aids, aid)
	}
	rows.Close()
	if len(aids) != 5 {
		t.Fatalf("%d rows on disk, want 5", len(aids))
	}
	for _, a := range aids {
		var aid ID
		copy(aid[:], a)
		if _, err := s.disk.Get(aid); err != nil {
			t.Fatalf("a row's bytes are missing: %v", err)
		}
	}
	// PostgreSQL keeps no copy of on-disk items.
	var inPG int
	s.w.QueryRow(t.Context(), `SELECT count(*) FROM entries WHERE item IS NOT NULL`).Scan(&inPG)
	if inPG != 0 {
		t.Fatalf("%d items also stored in PostgreSQL", inPG)
	}
	s.Close()
}

// TestReadReplicaRouting points the reader at another database: list and
// lookup reads must come from it, heads (and so /latest and the
// sequencer) from the writer.
func TestReadReplicaRouting(t *testing.T) {
	writer, reader := pgtest.Database(t), pgtest.Database(t)
	s, err := Open(t.Context(), Options{WriterURL: writer, ReaderURL: reader})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Migrate(t.Context(), s.r); err != nil { // a real replica gets the schema by replication
		t.Fatal(err)
	}
	pid := storetest.ID(11)
	for n := uint64(0); n < 3; n++ {
		kind := schedule.KindMessage
		if n == 0 {
			kind = schedule.KindProcess
		}
		if err := s.Append(storetest.Entry(pid, n, kind)); err != nil {
			t.Fatal(err)
		}
	}
	r := s.Reader()
	if h, ok, err := r.Head(pid); err != nil || !ok || h.Nonce != 2 {
		t.Fatalf("Reader.Head = %+v %v %v, want the writer's head", h, ok, err)
	}
	if got, _, err := r.Range(pid, 0, 10, 10); err != nil || len(got) != 0 {
		t.Fatalf("Reader.Range = %d entries, %v; want the (empty) replica's", len(got), err)
	}
	if locs, _ := r.Lookup(pid); len(locs) != 0 {
		t.Fatalf("Reader.Lookup found %d on the empty replica", len(locs))
	}
	if got, _, err := s.Range(pid, 0, 10, 10); err != nil || len(got) != 3 {
		t.Fatalf("Store.Range = %d, %v; want the writer's 3", len(got), err)
	}
}
