package pgstore

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/actord/actord/internal/schedule"
)

// Range is a half-open range of entry row ids, [Lo, Hi).
type Range struct{ Lo, Hi int64 }

// ParseRange reads actord mig's RANGE: "0" (everything), "A-B" (rows A
// up to B), or "A" (row A to the end).
func ParseRange(s string) (Range, error) {
	lo, hi, dash := strings.Cut(s, "-")
	var r Range
	if _, err := fmt.Sscanf(lo, "%d", &r.Lo); err != nil || r.Lo < 0 {
		return r, fmt.Errorf("range %q: %q is not a row number", s, lo)
	}
	r.Hi = math.MaxInt64
	if dash {
		if _, err := fmt.Sscanf(hi, "%d", &r.Hi); err != nil || r.Hi <= r.Lo {
			return r, fmt.Errorf("range %q: the end must be a row number after the start", s)
		}
	}
	return r, nil
}

// CopyToDisk moves the item bytes of the rows in r from PostgreSQL to the
// byte store, batch rows at a time: each batch is written to the byte
// store (synced) before its rows are switched to it, so an interruption at
// any point leaves every row readable. It is idempotent and resumable
// (rows already on disk are skipped), and safe to run as several
// processes on disjoint ranges: each batch opens the byte store only for
// its write and waits while another process holds it.
func CopyToDisk(ctx context.Context, pool *pgxpool.Pool, openDisk func() (*Disk, error), r Range, batch int, progress func(done, total int64)) (int64, error) {
	if _, err := Migrate(ctx, pool); err != nil {
		return 0, err
	}
	const pending = `row_id >= $1 AND row_id < $2 AND NOT item_on_disk AND item IS NOT NULL`
	var total int64
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM entries WHERE `+pending, r.Lo, r.Hi).Scan(&total); err != nil {
		return 0, fmt.Errorf("counting rows: %w", err)
	}
	var done int64
	if progress != nil {
		progress(0, total)
	}
	for {
		rows, err := pool.Query(ctx, `SELECT row_id, assignment_id, item FROM entries WHERE `+pending+` ORDER BY row_id LIMIT $3`, r.Lo, r.Hi, batch)
		if err != nil {
			return done, fmt.Errorf("reading rows: %w", err)
		}
		items := map[ID][]byte{}
		var ids []int64
		for rows.Next() {
			var id int64
			var aid, item []byte
			if err := rows.Scan(&id, &aid, &item); err != nil {
				rows.Close()
				return done, err
			}
			var a ID
			copy(a[:], aid)
			items[a] = item
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return done, err
		}
		if len(ids) == 0 {
			return done, nil
		}
		if err := withDisk(ctx, openDisk, func(d *Disk) error { return d.PutBatch(items) }); err != nil {
			return done, err
		}
		tag, err := pool.Exec(ctx, `UPDATE entries SET item_on_disk = true, item = NULL WHERE row_id = ANY($1) AND NOT item_on_disk`, ids)
		if err != nil {
			return done, fmt.Errorf("switching rows to disk: %w", err)
		}
		done += tag.RowsAffected()
		if progress != nil {
			progress(done, total)
		}
	}
}

// isLocked reports Pebble refusing a byte store another process holds.
func isLocked(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "lock") || strings.Contains(err.Error(), "resource temporarily unavailable"))
}

// withDisk opens the byte store for f, waiting while another process
// holds it.
func withDisk(ctx context.Context, open func() (*Disk, error), f func(*Disk) error) error {
	for {
		d, err := open()
		if isLocked(err) {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
				continue
			}
		}
		if err != nil {
			return err
		}
		return errors.Join(f(d), d.Close())
	}
}

// VerifyDisk checks that every row in r that says its bytes are on disk
// has them, and returns how many rows it checked.
func VerifyDisk(ctx context.Context, pool *pgxpool.Pool, d *Disk, r Range) (int64, error) {
	rows, err := pool.Query(ctx, `SELECT assignment_id FROM entries WHERE row_id >= $1 AND row_id < $2 AND item_on_disk`, r.Lo, r.Hi)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	for rows.Next() {
		var aid []byte
		if err := rows.Scan(&aid); err != nil {
			return n, err
		}
		var a ID
		copy(a[:], aid)
		if _, err := d.Get(a); errors.Is(err, schedule.ErrNotFound) {
			return n, fmt.Errorf("row with assignment %x: %w", aid, errBytesMissing)
		} else if err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// Pool exposes the writer pool, for tools such as actord mig.
func (s *Store) Pool() *pgxpool.Pool { return s.w }
