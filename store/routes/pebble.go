package routes

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/cockroachdb/pebble/v2"

	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/store/pebblestore"
)

// Pebble is the embedded mapping, for a router without DATABASE_URL.
// Only one router process can open it.
type Pebble struct {
	db *pebble.DB
	// mu makes Reserve and Confirm atomic read-modify-writes; Pebble has
	// no transactions and the store is not an actor.
	mu     sync.Mutex
	counts map[string]int
}

const routePrefix = "r/"

type pebbleRoute struct {
	SU      string    `json:"su"`
	Pending bool      `json:"pending,omitempty"`
	Placed  time.Time `json:"placed"`
}

// OpenPebble opens (or creates) the mapping in dir; logger gets
// Pebble's own messages.
func OpenPebble(dir string, logger *slog.Logger) (*Pebble, error) {
	db, err := pebble.Open(dir, &pebble.Options{Logger: pebblestore.Logger(logger)})
	if err != nil {
		return nil, fmt.Errorf("opening the route store: %w", err)
	}
	p := &Pebble{db: db, counts: make(map[string]int)}
	err = p.scan(func(_ string, r pebbleRoute) {
		if !r.Pending {
			p.counts[r.SU]++
		}
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return p, nil
}

func (p *Pebble) scan(fn func(process string, r pebbleRoute)) error {
	it, err := p.db.NewIter(&pebble.IterOptions{LowerBound: []byte(routePrefix), UpperBound: []byte("r0")})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.First(); it.Valid(); it.Next() {
		var r pebbleRoute
		if err := json.Unmarshal(it.Value(), &r); err != nil {
			return fmt.Errorf("route %s: %w", it.Key(), err)
		}
		fn(string(it.Key()[len(routePrefix):]), r)
	}
	return it.Error()
}

// SyncSchedulers is a no-op: the embedded store keeps only routes; the
// list's flags are read from the file at start.
func (p *Pebble) SyncSchedulers(context.Context, []config.SchedulerEntry) error { return nil }

func (p *Pebble) get(process string) (pebbleRoute, bool, error) {
	v, closer, err := p.db.Get([]byte(routePrefix + process))
	if errors.Is(err, pebble.ErrNotFound) {
		return pebbleRoute{}, false, nil
	}
	if err != nil {
		return pebbleRoute{}, false, err
	}
	defer closer.Close()
	var r pebbleRoute
	return r, true, json.Unmarshal(v, &r)
}

func (p *Pebble) put(process string, r pebbleRoute) error {
	b, _ := json.Marshal(r)
	return p.db.Set([]byte(routePrefix+process), b, pebble.Sync)
}

// Get implements Store.
func (p *Pebble) Get(_ context.Context, process string) (Route, bool, error) {
	r, ok, err := p.get(process)
	return Route{Process: process, SU: r.SU, Pending: r.Pending, Placed: r.Placed}, ok, err
}

// Reserve implements Store.
func (p *Pebble) Reserve(_ context.Context, process, su string) (Route, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok, err := p.get(process)
	if err != nil {
		return Route{}, err
	}
	if !ok {
		r = pebbleRoute{SU: su, Pending: true, Placed: time.Now().UTC()}
		if err := p.put(process, r); err != nil {
			return Route{}, err
		}
	}
	return Route{Process: process, SU: r.SU, Pending: r.Pending, Placed: r.Placed}, nil
}

// Confirm implements Store.
func (p *Pebble) Confirm(_ context.Context, process, su string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok, err := p.get(process)
	if err != nil {
		return err
	}
	switch {
	case ok && r.SU != su:
		return fmt.Errorf("%w: %s is on %s, not %s", ErrConflict, process, r.SU, su)
	case ok && !r.Pending:
		return nil
	case !ok:
		r = pebbleRoute{SU: su, Placed: time.Now().UTC()}
	}
	r.Pending = false
	if err := p.put(process, r); err != nil {
		return err
	}
	p.counts[su]++
	return nil
}

// Release implements Store.
func (p *Pebble) Release(_ context.Context, process, su string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	r, ok, err := p.get(process)
	if err != nil || !ok || !r.Pending || r.SU != su {
		return err
	}
	return p.db.Delete([]byte(routePrefix+process), pebble.Sync)
}

// Pending implements Store.
func (p *Pebble) Pending(_ context.Context, before time.Time) ([]Route, error) {
	var out []Route
	err := p.scan(func(process string, r pebbleRoute) {
		if r.Pending && r.Placed.Before(before) {
			out = append(out, Route{Process: process, SU: r.SU, Pending: true, Placed: r.Placed})
		}
	})
	return out, err
}

// Counts implements Store.
func (p *Pebble) Counts(context.Context) (map[string]int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]int, len(p.counts))
	for k, v := range p.counts {
		out[k] = v
	}
	return out, nil
}

// Close implements Store.
func (p *Pebble) Close() error { return p.db.Close() }
