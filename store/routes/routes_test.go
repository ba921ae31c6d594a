package routes

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/internal/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

// backends runs fn on every store, each fresh; open (re)opens it.
func backends(t *testing.T, fn func(t *testing.T, open func() Store)) {
	t.Run("pebble", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "routes")
		withReopen(t, fn, func() (Store, error) { return OpenPebble(dir, slog.New(slog.DiscardHandler)) })
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := pgtest.Database(t)
		withReopen(t, fn, func() (Store, error) { return OpenPostgres(context.Background(), dsn) })
	})
}

func withReopen(t *testing.T, fn func(t *testing.T, open func() Store), openStore func() (Store, error)) {
	var s Store
	t.Cleanup(func() {
		if s != nil {
			s.Close()
		}
	})
	fn(t, func() Store {
		if s != nil {
			s.Close()
		}
		var err error
		if s, err = openStore(); err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestRouteLifecycle(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() Store) {
		s := open()
		if err := s.SyncSchedulers(ctx, []config.SchedulerEntry{{URL: "http://su1"}, {URL: "http://su2", WalletsOnly: true}}); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.Get(ctx, "p1"); ok || err != nil {
			t.Fatalf("Get of an unknown process = %v, %v", ok, err)
		}
		r, err := s.Reserve(ctx, "p1", "http://su1")
		if err != nil || r.SU != "http://su1" || !r.Pending || r.Placed.IsZero() {
			t.Fatalf("Reserve = %+v, %v", r, err)
		}
		// A second router reserving elsewhere gets the route that holds.
		if r, err := s.Reserve(ctx, "p1", "http://su2"); err != nil || r.SU != "http://su1" || !r.Pending {
			t.Fatalf("second Reserve = %+v, %v", r, err)
		}
		if p, err := s.Pending(ctx, time.Now().Add(time.Minute)); err != nil || len(p) != 1 || p[0].Process != "p1" {
			t.Fatalf("Pending = %+v, %v", p, err)
		}
		if p, err := s.Pending(ctx, time.Now().Add(-time.Minute)); err != nil || len(p) != 0 {
			t.Fatalf("Pending before a minute ago = %+v, %v", p, err)
		}
		if err := s.Confirm(ctx, "p1", "http://su2"); !errors.Is(err, ErrConflict) {
			t.Fatalf("Confirm on another SU = %v, want ErrConflict", err)
		}
		for range 2 { // idempotent
			if err := s.Confirm(ctx, "p1", "http://su1"); err != nil {
				t.Fatal(err)
			}
		}
		// Release never removes a confirmed route.
		if err := s.Release(ctx, "p1", "http://su1"); err != nil {
			t.Fatal(err)
		}
		// Survives a restart.
		s = open()
		if r, ok, err := s.Get(ctx, "p1"); !ok || err != nil || r.SU != "http://su1" || r.Pending {
			t.Fatalf("Get after restart = %+v, %v, %v", r, ok, err)
		}
		// A rejected spawn's route goes away; only the SU it names can release it.
		if _, err := s.Reserve(ctx, "p2", "http://su2"); err != nil {
			t.Fatal(err)
		}
		if err := s.Release(ctx, "p2", "http://su1"); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Get(ctx, "p2"); !ok {
			t.Fatal("Release by another SU removed the route")
		}
		if err := s.Release(ctx, "p2", "http://su2"); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Get(ctx, "p2"); ok {
			t.Fatal("released route still there")
		}
		// Confirm without Reserve (repair after a router crash) creates it,
		// also for an SU the list does not name.
		if err := s.Confirm(ctx, "p3", "http://su3"); err != nil {
			t.Fatal(err)
		}
		c, err := s.Counts(ctx)
		if err != nil || c["http://su1"] != 1 || c["http://su3"] != 1 || c["http://su2"] != 0 {
			t.Fatalf("Counts = %v, %v", c, err)
		}
		s = open()
		if c2, _ := s.Counts(ctx); c2["http://su1"] != 1 || c2["http://su3"] != 1 {
			t.Fatalf("Counts after restart = %v", c2)
		}
	})
}

// TestReserveRace: concurrent placements of one process by routers that
// chose different SUs agree on one SU.
func TestReserveRace(t *testing.T) {
	ctx := context.Background()
	backends(t, func(t *testing.T, open func() Store) {
		s := open()
		var wg sync.WaitGroup
		got := make([]string, 8)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := s.Reserve(ctx, "p", []string{"http://a", "http://b"}[i%2])
				if err != nil {
					t.Error(err)
				}
				got[i] = r.SU
			}()
		}
		wg.Wait()
		for _, g := range got {
			if g != got[0] {
				t.Fatalf("routers disagree: %q", got)
			}
		}
	})
}
