package pgstore

import (
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/actord/actord/internal/schedule"
)

// Reader serves the API's reads from the read pool (a replica when
// DATABASE_READ_URL is set). Its Head reads the writer too: /latest and
// list bounds must not lag behind an acknowledged write.
type Reader struct {
	s    *Store
	pool *pgxpool.Pool
}

// Reader returns the read view of the store.
func (s *Store) Reader() *Reader { return &Reader{s: s, pool: s.r} }

func (s *Store) writerView() *Reader { return &Reader{s: s, pool: s.w} }

// Range reads a page from the writer (see Reader.Range).
func (s *Store) Range(pid ID, from, to uint64, limit int) ([]*schedule.Entry, bool, error) {
	return s.writerView().Range(pid, from, to, limit)
}

// NonceAfter resolves a cursor on the writer (see Reader.NonceAfter).
func (s *Store) NonceAfter(pid ID, ts int64) (uint64, bool, error) {
	return s.writerView().NonceAfter(pid, ts)
}

// LastNonceAtOrBefore resolves a bound on the writer.
func (s *Store) LastNonceAtOrBefore(pid ID, ts int64) (uint64, bool, error) {
	return s.writerView().LastNonceAtOrBefore(pid, ts)
}

// Head reads the writer.
func (r *Reader) Head(pid ID) (schedule.Head, bool, error) { return r.s.Head(pid) }

// Entry reads one entry from the read pool.
func (r *Reader) Entry(pid ID, nonce uint64) (*schedule.Entry, error) {
	return r.s.entry(r.pool, pid, nonce)
}

// Lookup reads the id index from the read pool.
func (r *Reader) Lookup(id ID) ([]schedule.Location, error) { return r.s.lookup(r.pool, id) }

// Range returns up to limit entries with from ≤ nonce ≤ to, and whether
// more exist in that range.
func (r *Reader) Range(pid ID, from, to uint64, limit int) ([]*schedule.Entry, bool, error) {
	s := r.s
	if s.closed.Load() {
		return nil, false, ErrClosed
	}
	if from > to || limit <= 0 {
		return nil, false, nil
	}
	ctx, cancel := opCtx()
	defer cancel()
	rows, err := r.pool.Query(ctx, `SELECT `+entryColumns+` FROM entries WHERE process_id = $1 AND nonce >= $2 AND nonce <= $3 ORDER BY nonce LIMIT $4`,
		pid[:], int64(from), int64(min(to, 1<<62)), limit+1)
	if err != nil {
		return nil, false, unavailable("reading a page", err)
	}
	defer rows.Close()
	var out []*schedule.Entry
	for rows.Next() {
		e, err := s.scanEntry(pid, rows)
		if err != nil {
			return nil, false, unavailable("reading a page", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, false, unavailable("reading a page", err)
	}
	if len(out) > limit {
		return out[:limit], true, nil
	}
	return out, false, nil
}

// NonceAfter returns the first nonce with a timestamp after ts.
func (r *Reader) NonceAfter(pid ID, ts int64) (uint64, bool, error) {
	return r.nonceWhere(`SELECT nonce FROM entries WHERE process_id = $1 AND "timestamp" > $2 ORDER BY "timestamp", nonce LIMIT 1`, pid, ts)
}

// LastNonceAtOrBefore returns the last nonce with a timestamp at or before ts.
func (r *Reader) LastNonceAtOrBefore(pid ID, ts int64) (uint64, bool, error) {
	return r.nonceWhere(`SELECT nonce FROM entries WHERE process_id = $1 AND "timestamp" <= $2 ORDER BY "timestamp" DESC, nonce DESC LIMIT 1`, pid, ts)
}

func (r *Reader) nonceWhere(q string, pid ID, ts int64) (uint64, bool, error) {
	if r.s.closed.Load() {
		return 0, false, ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	var n uint64
	err := r.pool.QueryRow(ctx, q, pid[:], ts).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, unavailable("resolving a cursor", err)
	}
	return n, true, nil
}
