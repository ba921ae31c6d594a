package routes

import (
	"context"
	"errors"
	"time"

	"github.com/actord/actord/internal/config"
)

// Route is where a process lives.
type Route struct {
	Process string
	SU      string    // the SU's public URL
	Pending bool      // placed; the SU's acceptance is not yet confirmed
	Placed  time.Time // when the route was created
}

// ErrConflict means a process already has a route to another SU.
var ErrConflict = errors.New("process is routed to another SU")

// Store is the mapping. Every method is safe for concurrent use.
type Store interface {
	// SyncSchedulers records the SUs of SCHEDULER_LIST_PATH and their
	// flags (rows are added or updated, never deleted).
	SyncSchedulers(ctx context.Context, list []config.SchedulerEntry) error
	// Get returns the process's route, if it has one.
	Get(ctx context.Context, process string) (Route, bool, error)
	// Reserve creates a pending route to su unless the process has a
	// route already, and returns the route that holds.
	Reserve(ctx context.Context, process, su string) (Route, error)
	// Confirm marks the route to su as accepted, creating it if there is
	// none. It fails with ErrConflict if the route names another SU.
	Confirm(ctx context.Context, process, su string) error
	// Release deletes a pending route to su; other routes are untouched.
	Release(ctx context.Context, process, su string) error
	// Pending lists pending routes placed before the given time.
	Pending(ctx context.Context, before time.Time) ([]Route, error)
	// Counts returns the number of confirmed processes per SU.
	Counts(ctx context.Context) (map[string]int, error)
	Close() error
}
