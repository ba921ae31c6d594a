package pebblestore

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/actord/actord/internal/schedule"
	"github.com/actord/actord/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Opener {
		dir := filepath.Join(t.TempDir(), "db")
		return func() storetest.Store {
			s, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	})
}

func TestClosed(t *testing.T) {
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, _, err := s.Head(storetest.ID(1)); !errors.Is(err, ErrClosed) || !errors.Is(err, schedule.ErrUnavailable) {
		t.Fatalf("Head after Close = %v", err)
	}
}
