package pgstore

import (
	"context"
	"os"
	"testing"

	"github.com/actord/actord/internal/pgtest"
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
	if err := s.w.QueryRow(t.Context(), `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("schema_migrations has %d rows, %v", n, err)
	}
}
