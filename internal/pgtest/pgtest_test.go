package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func TestMain(m *testing.M) {
	code := m.Run()
	StopShared()
	os.Exit(code)
}

// TestDatabase talks to a real server: a pool, a transaction, COPY and a
// rollback that must leave nothing behind.
func TestDatabase(t *testing.T) {
	ctx := t.Context()
	pool, err := pgxpool.New(ctx, Database(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, `CREATE TABLE entries (nonce bigint PRIMARY KEY, id text NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{}
	for i := range 1000 {
		rows = append(rows, []any{int64(i), "id"})
	}
	n, err := pool.CopyFrom(ctx, pgx.Identifier{"entries"}, []string{"nonce", "id"}, pgx.CopyFromRows(rows))
	if err != nil || n != 1000 {
		t.Fatalf("CopyFrom = %d, %v", n, err)
	}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO entries VALUES (1000, 'x')`)
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO entries VALUES (5, 'duplicate')`)
		return err
	})
	if err == nil {
		t.Fatal("duplicate key in a transaction did not fail")
	}
	var count, max int64
	if err := pool.QueryRow(ctx, `SELECT count(*), max(nonce) FROM entries`).Scan(&count, &max); err != nil {
		t.Fatal(err)
	}
	if count != 1000 || max != 999 {
		t.Fatalf("after the rolled-back transaction: %d rows, max nonce %d; want 1000 and 999", count, max)
	}
}

// TestDatabasesAreIsolated checks that each call gets its own database.
func TestDatabasesAreIsolated(t *testing.T) {
	ctx := context.Background()
	a, b := Database(t), Database(t)
	if a == b {
		t.Fatalf("two calls returned the same database %s", a)
	}
	ca, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer ca.Close(ctx)
	if _, err := ca.Exec(ctx, `CREATE TABLE only_in_a (x int)`); err != nil {
		t.Fatal(err)
	}
	cb, err := pgx.Connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Close(ctx)
	var exists bool
	cb.QueryRow(ctx, `SELECT to_regclass('only_in_a') IS NOT NULL`).Scan(&exists)
	if exists {
		t.Fatal("a table created in one database is visible in another")
	}
}

// TestKillRestart checks the fault-injection hooks later store tests use.
func TestKillRestart(t *testing.T) {
	s, err := Start()
	if err != nil {
		if err == ErrNoBinaries && os.Getenv("CI") == "" {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	defer s.Stop()
	ctx := t.Context()
	if err := s.Kill(); err != nil {
		t.Fatal(err)
	}
	if _, err := pgx.Connect(ctx, s.DSN("postgres")); err == nil {
		t.Fatal("connected to a killed server")
	}
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, s.DSN("postgres"))
	if err != nil {
		t.Fatalf("after restart: %v", err)
	}
	conn.Close(ctx)
}
