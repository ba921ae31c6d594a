package pgstore

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/cockroachdb/pebble/v2"

	"github.com/actord/actord/internal/schedule"
)

// Disk keeps item bytes in Pebble, keyed by assignment id (unique per
// entry, so two writers racing for one nonce can never overwrite each
// other's bytes). With USE_DISK an append writes the bytes here, synced,
// before its PostgreSQL transaction: a crash between the two leaves
// unreferenced bytes, never a row whose bytes are missing.
type Disk struct {
	db *pebble.DB
}

// OpenDisk opens the byte store in dir.
func OpenDisk(dir string, logger *slog.Logger) (*Disk, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	db, err := pebble.Open(dir, &pebble.Options{Logger: diskLogger{logger}})
	if err != nil {
		return nil, fmt.Errorf("opening the byte store in %s: %w", dir, err)
	}
	return &Disk{db: db}, nil
}

// Close closes the byte store.
func (d *Disk) Close() error { return d.db.Close() }

func diskKey(aid ID) []byte { return append([]byte{'b'}, aid[:]...) }

// Put stores an item's bytes durably.
func (d *Disk) Put(aid ID, item []byte) error {
	return d.db.Set(diskKey(aid), item, pebble.Sync)
}

// PutBatch stores several items with one sync.
func (d *Disk) PutBatch(items map[ID][]byte) error {
	b := d.db.NewBatch()
	defer b.Close()
	for aid, item := range items {
		if err := b.Set(diskKey(aid), item, nil); err != nil {
			return err
		}
	}
	return b.Commit(pebble.Sync)
}

// Get returns an item's bytes.
func (d *Disk) Get(aid ID) ([]byte, error) {
	v, c, err := d.db.Get(diskKey(aid))
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, schedule.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return append([]byte(nil), v...), nil
}

// SetProgress and Progress keep actord mig's resume points.
func (d *Disk) SetProgress(name string, rowID int64) error {
	return d.db.Set(append([]byte("mig/"), name...), fmt.Appendf(nil, "%d", rowID), pebble.Sync)
}

// Progress returns the last row id copied for a named range, or -1.
func (d *Disk) Progress(name string) (int64, error) {
	v, c, err := d.db.Get(append([]byte("mig/"), name...))
	if errors.Is(err, pebble.ErrNotFound) {
		return -1, nil
	}
	if err != nil {
		return 0, err
	}
	defer c.Close()
	var n int64
	_, err = fmt.Sscanf(string(v), "%d", &n)
	return n, err
}

type diskLogger struct{ l *slog.Logger }

func (p diskLogger) Infof(format string, args ...any) {
	p.l.Debug("Pebble", "msg", fmt.Sprintf(format, args...))
}
func (p diskLogger) Errorf(format string, args ...any) {
	p.l.Error("Pebble error", "err", fmt.Sprintf(format, args...))
}
func (p diskLogger) Fatalf(format string, args ...any) {
	p.l.Error("Pebble fatal error", "err", fmt.Sprintf(format, args...))
	panic(fmt.Sprintf(format, args...))
}
