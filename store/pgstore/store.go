package pgstore

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/schedule"
)

// ID is a raw 32-byte id.
type ID = schedule.ID

// ErrClosed is returned after Close.
var ErrClosed = fmt.Errorf("%w: store is closed", schedule.ErrUnavailable)

// Options configure Open.
type Options struct {
	WriterURL, ReaderURL              string // ReaderURL defaults to WriterURL
	WriteConnections, ReadConnections int32
	Logger                            *slog.Logger
	// MaxBatch bounds how many appends share one transaction (default 128).
	MaxBatch int
	// Disk, if set, keeps item bytes in Pebble (USE_DISK); the store
	// does not close it.
	Disk ByteStore
	// Metrics, if set, receives the commit metrics.
	Metrics prometheus.Registerer
}

// ByteStore keeps item bytes by assignment id (Disk in production).
type ByteStore interface {
	Put(aid ID, item []byte) error
	Get(aid ID) ([]byte, error)
}

// Store is the PostgreSQL SU store. It is safe for concurrent use.
type Store struct {
	w, r     *pgxpool.Pool
	logger   *slog.Logger
	appends  chan *appendReq
	stop     chan struct{}
	stopped  chan struct{}
	maxBatch int
	disk     ByteStore
	batches  prometheus.Histogram
	commits  prometheus.Histogram
	pending  atomic.Int64
	closed   atomic.Bool
}

type appendReq struct {
	e    *schedule.Entry
	done chan error
}

// Open connects, runs the migrations and starts the committer.
func Open(ctx context.Context, o Options) (*Store, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.ReaderURL == "" {
		o.ReaderURL = o.WriterURL
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = 128
	}
	w, err := newPool(ctx, o.WriterURL, o.WriteConnections, map[string]string{
		// A 200 promises durability: commits must wait for the WAL flush
		// whatever the server's default (pgtest's throwaway servers, for
		// one, turn it off).
		"synchronous_commit": "on",
	})
	if err != nil {
		return nil, fmt.Errorf("PostgreSQL writer: %w", err)
	}
	r := w
	if o.ReaderURL != o.WriterURL {
		if r, err = newPool(ctx, o.ReaderURL, o.ReadConnections, nil); err != nil {
			w.Close()
			return nil, fmt.Errorf("PostgreSQL reader: %w", err)
		}
	}
	s := &Store{w: w, r: r, logger: o.Logger, appends: make(chan *appendReq, 1024), stop: make(chan struct{}), stopped: make(chan struct{}), maxBatch: o.MaxBatch, disk: o.Disk,
		batches: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "actord_su_pg_appends_per_commit", Help: "Appends that shared one PostgreSQL transaction (group commit).",
			Buckets: []float64{1, 2, 4, 8, 16, 32, 64, 128},
		}),
		commits: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "actord_su_pg_commit_duration_seconds", Help: "Time of one group-commit transaction.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
		}),
	}
	if o.Metrics != nil {
		o.Metrics.MustRegister(s.batches, s.commits)
	}
	applied, err := Migrate(ctx, w)
	if err != nil {
		s.closePools()
		return nil, fmt.Errorf("migrating: %w", err)
	}
	if len(applied) > 0 {
		o.Logger.Info("PostgreSQL migrations applied", "versions", applied)
	}
	var n int64
	if err := w.QueryRow(ctx, `SELECT count(*) FROM outbox`).Scan(&n); err != nil {
		s.closePools()
		return nil, fmt.Errorf("counting the outbox: %w", err)
	}
	s.pending.Store(n)
	go s.committer()
	return s, nil
}

func newPool(ctx context.Context, url string, conns int32, params map[string]string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, err
	}
	for k, v := range params {
		cfg.ConnConfig.RuntimeParams[k] = v
	}
	if conns > 0 {
		cfg.MaxConns = conns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return pool, nil
}

func (s *Store) closePools() {
	s.w.Close()
	if s.r != s.w {
		s.r.Close()
	}
}

// Close stops the committer (pending appends fail) and the pools.
func (s *Store) Close() error {
	if !s.closed.CompareAndSwap(false, true) {
		return nil
	}
	close(s.stop)
	<-s.stopped
	s.closePools()
	return nil
}

// ctx bounds a single store call: the store interface has no context
// (actors call it), so each call gets its own deadline.
func opCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

func unavailable(what string, err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return schedule.ErrNotFound
	}
	return fmt.Errorf("%w: %s: %v", schedule.ErrUnavailable, what, err)
}

// Head returns a process's head, read from the writer.
func (s *Store) Head(pid ID) (schedule.Head, bool, error) {
	if s.closed.Load() {
		return schedule.Head{}, false, ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	var h schedule.Head
	var hc, aid []byte
	err := s.w.QueryRow(ctx, `SELECT nonce, "timestamp", hash_chain, assignment_id FROM processes WHERE process_id = $1`, pid[:]).Scan(&h.Nonce, &h.Timestamp, &hc, &aid)
	if errors.Is(err, pgx.ErrNoRows) {
		return h, false, nil
	}
	if err != nil {
		return h, false, unavailable("reading head", err)
	}
	copy(h.HashChain[:], hc)
	copy(h.AssignmentID[:], aid)
	return h, true, nil
}

// Append stores e as the next entry of its process; see the package
// invariants. It returns schedule.ErrConflict or schedule.ErrDuplicate.
func (s *Store) Append(e *schedule.Entry) error {
	if s.closed.Load() {
		return ErrClosed
	}
	if s.disk != nil && e.Item != nil {
		// Bytes first, synced: the row that points at them comes after.
		if err := s.disk.Put(e.AssignmentID, e.Item); err != nil {
			return unavailable("writing item bytes to disk", err)
		}
	}
	req := &appendReq{e: e, done: make(chan error, 1)}
	select {
	case s.appends <- req:
	case <-s.stop:
		return ErrClosed
	}
	return <-req.done
}

const appendNext = `
WITH chk AS (
    SELECT 1 FROM processes WHERE process_id = $1 AND nonce = $2 - 1 FOR UPDATE
), ins AS (
    INSERT INTO entries (process_id, nonce, "timestamp", kind, hash_chain, assignment_id, message_id, assignment, item, item_on_disk)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $11 WHERE EXISTS (SELECT 1 FROM chk)
    ON CONFLICT DO NOTHING
    RETURNING 1
), upd AS (
    UPDATE processes SET nonce = $2, "timestamp" = $3, hash_chain = $5, assignment_id = $6
    WHERE process_id = $1 AND EXISTS (SELECT 1 FROM ins)
    RETURNING 1
), ob AS (
    INSERT INTO outbox (process_id, nonce, part)
    SELECT $1, $2, p FROM ins, unnest($10::smallint[]) AS p
    RETURNING 1
)
SELECT (SELECT count(*) FROM chk), (SELECT count(*) FROM ins), (SELECT count(*) FROM ob)`

const appendFirst = `
WITH hd AS (
    INSERT INTO processes (process_id, nonce, "timestamp", hash_chain, assignment_id)
    VALUES ($1, $2, $3, $5, $6)
    ON CONFLICT DO NOTHING
    RETURNING 1
), ins AS (
    INSERT INTO entries (process_id, nonce, "timestamp", kind, hash_chain, assignment_id, message_id, assignment, item, item_on_disk)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $11 WHERE EXISTS (SELECT 1 FROM hd)
    RETURNING 1
), ob AS (
    INSERT INTO outbox (process_id, nonce, part)
    SELECT $1, $2, p FROM ins, unnest($10::smallint[]) AS p
    RETURNING 1
)
SELECT (SELECT count(*) FROM hd), (SELECT count(*) FROM ins), (SELECT count(*) FROM ob)`

// committer commits waiting appends in shared transactions.
func (s *Store) committer() {
	defer close(s.stopped)
	for {
		var batch []*appendReq
		select {
		case r := <-s.appends:
			batch = append(batch, r)
		case <-s.stop:
			s.failWaiting()
			return
		}
	more:
		for len(batch) < s.maxBatch {
			select {
			case r := <-s.appends:
				batch = append(batch, r)
			default:
				break more
			}
		}
		s.commit(batch)
	}
}

func (s *Store) failWaiting() {
	for {
		select {
		case r := <-s.appends:
			r.done <- ErrClosed
		default:
			return
		}
	}
}

func (s *Store) commit(batch []*appendReq) {
	ctx, cancel := opCtx()
	defer cancel()
	start := time.Now()
	defer func() {
		s.batches.Observe(float64(len(batch)))
		s.commits.Observe(time.Since(start).Seconds())
	}()
	errs := make([]error, len(batch))
	outboxRows := int64(0)
	err := pgx.BeginFunc(ctx, s.w, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for _, r := range batch {
			e := r.e
			parts := []int16{int16(schedule.PartAssignment)}
			if e.Item != nil {
				parts = []int16{int16(schedule.PartItem), int16(schedule.PartAssignment)}
			}
			q := appendNext
			if e.Nonce == 0 {
				q = appendFirst
			}
			item, onDisk := e.Item, false
			if s.disk != nil && e.Item != nil {
				item, onDisk = nil, true
			}
			b.Queue(q, e.Process[:], int64(e.Nonce), e.Timestamp, int16(e.Kind), e.HashChain[:], e.AssignmentID[:], e.MessageID[:], e.Assignment, item, parts, onDisk)
		}
		res := tx.SendBatch(ctx, b)
		for i := range batch {
			var head, ins, ob int64
			if err := res.QueryRow().Scan(&head, &ins, &ob); err != nil {
				res.Close()
				return err
			}
			switch {
			case head == 0:
				errs[i] = fmt.Errorf("%w: appending nonce %d", schedule.ErrConflict, batch[i].e.Nonce)
			case ins == 0:
				errs[i] = schedule.ErrDuplicate
			default:
				outboxRows += ob
			}
		}
		return res.Close()
	})
	if err != nil {
		err = unavailable("committing entries", err)
		for _, r := range batch {
			r.done <- err
		}
		return
	}
	s.pending.Add(outboxRows)
	for i, r := range batch {
		r.done <- errs[i]
	}
}

const entryColumns = `nonce, "timestamp", kind, hash_chain, assignment_id, message_id, assignment, item, item_on_disk`

// errBytesMissing means a row says its bytes are on disk but they are not:
// the write order makes this impossible unless the byte store was lost.
var errBytesMissing = errors.New("item bytes missing from the byte store (was USE_DISK's SU_DATA_DIR replaced?)")

func (s *Store) scanEntry(pid ID, row pgx.Row) (*schedule.Entry, error) {
	e := &schedule.Entry{Process: pid}
	var kind int16
	var hc, aid, mid []byte
	var onDisk bool
	if err := row.Scan(&e.Nonce, &e.Timestamp, &kind, &hc, &aid, &mid, &e.Assignment, &e.Item, &onDisk); err != nil {
		return nil, err
	}
	e.Kind = schedule.Kind(kind)
	copy(e.HashChain[:], hc)
	copy(e.AssignmentID[:], aid)
	copy(e.MessageID[:], mid)
	if onDisk {
		if s.disk == nil {
			return nil, fmt.Errorf("entry %d keeps its item on disk, but USE_DISK is off", e.Nonce)
		}
		item, err := s.disk.Get(e.AssignmentID)
		if errors.Is(err, schedule.ErrNotFound) {
			return nil, errBytesMissing
		}
		if err != nil {
			return nil, err
		}
		e.Item = item
	}
	return e, nil
}

// Entry returns one entry, from the writer (the sequencer reads it).
func (s *Store) Entry(pid ID, nonce uint64) (*schedule.Entry, error) {
	return s.entry(s.w, pid, nonce)
}

func (s *Store) entry(pool *pgxpool.Pool, pid ID, nonce uint64) (*schedule.Entry, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	e, err := s.scanEntry(pid, pool.QueryRow(ctx, `SELECT `+entryColumns+` FROM entries WHERE process_id = $1 AND nonce = $2`, pid[:], int64(nonce)))
	if err != nil {
		return nil, unavailable("reading entry", err)
	}
	return e, nil
}

// Lookup returns every entry an id appears in, from the writer.
func (s *Store) Lookup(id ID) ([]schedule.Location, error) { return s.lookup(s.w, id) }

func (s *Store) lookup(pool *pgxpool.Pool, id ID) ([]schedule.Location, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	rows, err := pool.Query(ctx, `
		SELECT process_id, nonce, CASE kind WHEN 3 THEN 3 ELSE 1 END FROM entries WHERE message_id = $1
		UNION ALL
		SELECT process_id, nonce, 2 FROM entries WHERE assignment_id = $1
		ORDER BY 1, 2`, id[:])
	if err != nil {
		return nil, unavailable("looking up an id", err)
	}
	defer rows.Close()
	var out []schedule.Location
	for rows.Next() {
		var l schedule.Location
		var pid []byte
		var role int32
		if err := rows.Scan(&pid, &l.Nonce, &role); err != nil {
			return nil, unavailable("looking up an id", err)
		}
		copy(l.Process[:], pid)
		l.Role = schedule.Role(role)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, unavailable("looking up an id", err)
	}
	return out, nil
}

// Meta reads a named value from the writer.
func (s *Store) Meta(name string) ([]byte, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	var v []byte
	if err := s.w.QueryRow(ctx, `SELECT value FROM meta WHERE name = $1`, name).Scan(&v); err != nil {
		return nil, unavailable("reading meta", err)
	}
	return v, nil
}

// SetMeta stores a named value.
func (s *Store) SetMeta(name string, v []byte) error {
	if s.closed.Load() {
		return ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	_, err := s.w.Exec(ctx, `INSERT INTO meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, v)
	if err != nil {
		return unavailable("writing meta", err)
	}
	return nil
}

// Outbox returns up to limit records after seq, oldest first.
func (s *Store) Outbox(after uint64, limit int) ([]schedule.OutboxRecord, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	rows, err := s.w.Query(ctx, `SELECT seq, process_id, nonce, part FROM outbox WHERE seq > $1 ORDER BY seq LIMIT $2`, int64(after), limit)
	if err != nil {
		return nil, unavailable("reading the outbox", err)
	}
	defer rows.Close()
	var out []schedule.OutboxRecord
	for rows.Next() {
		var r schedule.OutboxRecord
		var pid []byte
		var part int16
		if err := rows.Scan(&r.Seq, &pid, &r.Nonce, &part); err != nil {
			return nil, unavailable("reading the outbox", err)
		}
		copy(r.Process[:], pid)
		r.Part = schedule.Part(part)
		out = append(out, r)
	}
	return out, rows.Err()
}

// AckOutbox removes uploaded records.
func (s *Store) AckOutbox(seqs ...uint64) error {
	if s.closed.Load() {
		return ErrClosed
	}
	ctx, cancel := opCtx()
	defer cancel()
	ids := make([]int64, len(seqs))
	for i, q := range seqs {
		ids[i] = int64(q)
	}
	tag, err := s.w.Exec(ctx, `DELETE FROM outbox WHERE seq = ANY($1)`, ids)
	if err != nil {
		return unavailable("acknowledging uploads", err)
	}
	s.pending.Add(-tag.RowsAffected())
	return nil
}

// OutboxLen returns how many records wait for upload.
func (s *Store) OutboxLen() int { return int(s.pending.Load()) }
