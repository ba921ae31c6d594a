package pebblestore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/actord/actord/internal/schedule"
)

// Aliases keep the store's API readable; the types belong to the
// schedule package so that other stores and the actors share them.
type (
	Entry        = schedule.Entry
	Head         = schedule.Head
	Location     = schedule.Location
	OutboxRecord = schedule.OutboxRecord
	Kind         = schedule.Kind
	Role         = schedule.Role
	Part         = schedule.Part
)

const (
	KindProcess    = schedule.KindProcess
	KindMessage    = schedule.KindMessage
	KindAssign     = schedule.KindAssign
	RoleItem       = schedule.RoleItem
	RoleAssignment = schedule.RoleAssignment
	RoleAssigned   = schedule.RoleAssigned
	PartItem       = schedule.PartItem
	PartAssignment = schedule.PartAssignment
)

// Errors that callers branch on.
var (
	ErrNotFound  = schedule.ErrNotFound
	ErrConflict  = schedule.ErrConflict
	ErrDuplicate = schedule.ErrDuplicate
	ErrClosed    = fmt.Errorf("%w: store is closed", schedule.ErrUnavailable)
)

// Options configure Open.
type Options struct {
	Logger *slog.Logger
	// InMemory keeps the database in memory, for tests.
	InMemory bool
	// NoSync skips fsync on commit, for benchmarks that isolate CPU cost.
	// Never set it in production: a 200 would not mean durable.
	NoSync bool
}

// Store is the Pebble-backed SU store. It is safe for concurrent use.
type Store struct {
	db      *pebble.DB
	writeOp *pebble.WriteOptions
	// Appends for one process are checked and committed under one stripe,
	// so the head comparison and the batch commit are atomic; different
	// processes commit in parallel and share WAL syncs.
	stripes   [256]sync.Mutex
	outboxSeq atomic.Uint64
	pending   atomic.Int64 // outbox records not yet acknowledged
	closed    atomic.Bool
}

// Open opens or creates the store in dir.
func Open(dir string, o Options) (*Store, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	opts := &pebble.Options{Logger: pebbleLogger{o.Logger}}
	if o.InMemory {
		opts.FS = vfs.NewMem()
	}
	db, err := pebble.Open(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("opening store in %s: %w", dir, err)
	}
	s := &Store{db: db, writeOp: pebble.Sync}
	if o.NoSync {
		s.writeOp = pebble.NoSync
	}
	last, err := s.lastOutboxSeq()
	if err != nil {
		db.Close()
		return nil, err
	}
	s.outboxSeq.Store(last)
	recs, err := s.Outbox(0, math.MaxInt)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.pending.Store(int64(len(recs)))
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	if !s.closed.CompareAndSwap(false, true) {
		return nil
	}
	return s.db.Close()
}

func (s *Store) get(key []byte) ([]byte, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	v, c, err := s.db.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), v...)
	c.Close()
	return out, nil
}

// Head returns a process's head; ok is false for an unknown process.
func (s *Store) Head(pid ID) (Head, bool, error) {
	b, err := s.get(headKey(pid))
	if errors.Is(err, ErrNotFound) {
		return Head{}, false, nil
	}
	if err != nil {
		return Head{}, false, fmt.Errorf("reading head: %w", err)
	}
	h, err := decodeHead(b)
	return h, err == nil, err
}

// Append stores e as the next entry of its process (see the package
// invariants). It returns ErrConflict if the head is not e's predecessor,
// and ErrDuplicate if e is a message whose id is already scheduled.
func (s *Store) Append(e *Entry) error {
	if s.closed.Load() {
		return ErrClosed
	}
	mu := &s.stripes[e.Process[0]]
	mu.Lock()
	defer mu.Unlock()

	head, ok, err := s.Head(e.Process)
	if err != nil {
		return err
	}
	switch {
	case !ok && e.Nonce != 0, ok && head.Nonce+1 != e.Nonce:
		return fmt.Errorf("%w: appending nonce %d", ErrConflict, e.Nonce)
	}
	if e.Kind == KindMessage {
		locs, err := s.Lookup(e.MessageID)
		if err != nil {
			return err
		}
		for _, l := range locs {
			if l.Role == RoleItem {
				return ErrDuplicate
			}
		}
	}

	b := s.db.NewBatch()
	defer b.Close()
	set := func(k, v []byte) {
		if err == nil {
			err = b.Set(k, v, nil)
		}
	}
	set(entryKey(e.Process, e.Nonce), encodeEntry(e))
	set(timeKey(e.Process, e.Timestamp, e.Nonce), nil)
	role := RoleItem
	if e.Kind == KindAssign {
		role = RoleAssigned
	}
	set(indexKey(e.MessageID, e.Process, e.Nonce), []byte{byte(role)})
	set(indexKey(e.AssignmentID, e.Process, e.Nonce), []byte{byte(RoleAssignment)})
	set(headKey(e.Process), encodeHead(Head{Nonce: e.Nonce, Timestamp: e.Timestamp, HashChain: e.HashChain, AssignmentID: e.AssignmentID}))
	if e.Item != nil {
		set(outboxKey(s.outboxSeq.Add(1)), encodeOutbox(e.Process, e.Nonce, PartItem))
	}
	set(outboxKey(s.outboxSeq.Add(1)), encodeOutbox(e.Process, e.Nonce, PartAssignment))
	if err != nil {
		return fmt.Errorf("building batch: %w", err)
	}
	if err := b.Commit(s.writeOp); err != nil {
		return fmt.Errorf("committing entry: %w", err)
	}
	if e.Item != nil {
		s.pending.Add(1)
	}
	s.pending.Add(1)
	return nil
}

// Entry returns one entry.
func (s *Store) Entry(pid ID, nonce uint64) (*Entry, error) {
	b, err := s.get(entryKey(pid, nonce))
	if err != nil {
		return nil, err
	}
	return decodeEntry(pid, b)
}

// Range returns up to limit entries with from ≤ nonce ≤ to, in nonce
// order, and whether more entries exist in that range.
func (s *Store) Range(pid ID, from, to uint64, limit int) ([]*Entry, bool, error) {
	if s.closed.Load() {
		return nil, false, ErrClosed
	}
	if from > to || limit <= 0 {
		return nil, false, nil
	}
	upper := prefixEnd(entryKey(pid, to))
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: entryKey(pid, from), UpperBound: upper})
	if err != nil {
		return nil, false, err
	}
	defer it.Close()
	var out []*Entry
	for ok := it.First(); ok; ok = it.Next() {
		if len(out) == limit {
			return out, true, nil
		}
		v, err := it.ValueAndErr()
		if err != nil {
			return nil, false, err
		}
		e, err := decodeEntry(pid, append([]byte(nil), v...))
		if err != nil {
			return nil, false, err
		}
		out = append(out, e)
	}
	return out, false, it.Error()
}

// NonceAfter returns the nonce of the first entry with a timestamp after
// ts; ok is false if there is none.
func (s *Store) NonceAfter(pid ID, ts int64) (uint64, bool, error) {
	lower := timeKey(pid, max(ts, -1)+1, 0)
	return s.seekTime(&pebble.IterOptions{LowerBound: lower, UpperBound: prefixEnd(append([]byte{prefixTime}, pid[:]...))}, true)
}

// LastNonceAtOrBefore returns the nonce of the last entry with a timestamp
// at or before ts; ok is false if there is none.
func (s *Store) LastNonceAtOrBefore(pid ID, ts int64) (uint64, bool, error) {
	if ts < 0 {
		return 0, false, nil
	}
	upper := prefixEnd(append([]byte{prefixTime}, pid[:]...))
	if ts < math.MaxInt64 {
		upper = timeKey(pid, ts+1, 0)
	}
	return s.seekTime(&pebble.IterOptions{LowerBound: append([]byte{prefixTime}, pid[:]...), UpperBound: upper}, false)
}

func (s *Store) seekTime(o *pebble.IterOptions, first bool) (uint64, bool, error) {
	if s.closed.Load() {
		return 0, false, ErrClosed
	}
	it, err := s.db.NewIter(o)
	if err != nil {
		return 0, false, err
	}
	defer it.Close()
	ok := it.Last()
	if first {
		ok = it.First()
	}
	if !ok {
		return 0, false, it.Error()
	}
	k := it.Key()
	return binary.BigEndian.Uint64(k[len(k)-8:]), true, nil
}

// Lookup returns every entry an id appears in, ordered by process and nonce.
func (s *Store) Lookup(id ID) ([]Location, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	p := append([]byte{prefixIndex}, id[:]...)
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: p, UpperBound: prefixEnd(p)})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []Location
	for ok := it.First(); ok; ok = it.Next() {
		k := it.Key()
		var l Location
		copy(l.Process[:], k[33:65])
		l.Nonce = binary.BigEndian.Uint64(k[65:])
		v, err := it.ValueAndErr()
		if err != nil || len(v) != 1 {
			return nil, fmt.Errorf("%w: index value", errCorrupt)
		}
		l.Role = Role(v[0])
		out = append(out, l)
	}
	return out, it.Error()
}

func encodeOutbox(pid ID, nonce uint64, p Part) []byte {
	b := make([]byte, 0, outboxRecSize)
	b = append(b, pid[:]...)
	b = binary.BigEndian.AppendUint64(b, nonce)
	return append(b, byte(p))
}

// Outbox returns up to limit records with a sequence number above after,
// oldest first.
func (s *Store) Outbox(after uint64, limit int) ([]OutboxRecord, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: outboxKey(after + 1), UpperBound: []byte{prefixOutbox + 1}})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []OutboxRecord
	for ok := it.First(); ok && len(out) < limit; ok = it.Next() {
		v, err := it.ValueAndErr()
		if err != nil {
			return nil, err
		}
		if len(v) != outboxRecSize {
			return nil, fmt.Errorf("%w: outbox record", errCorrupt)
		}
		r := OutboxRecord{Seq: binary.BigEndian.Uint64(it.Key()[1:]), Part: Part(v[40])}
		copy(r.Process[:], v[:32])
		r.Nonce = binary.BigEndian.Uint64(v[32:40])
		out = append(out, r)
	}
	return out, it.Error()
}

// AckOutbox removes uploaded records.
func (s *Store) AckOutbox(seqs ...uint64) error {
	if s.closed.Load() {
		return ErrClosed
	}
	b := s.db.NewBatch()
	defer b.Close()
	for _, q := range seqs {
		if err := b.Delete(outboxKey(q), nil); err != nil {
			return err
		}
	}
	// Losing an ack in a crash only means a second upload of the same
	// item, which bundlers accept; no fsync needed.
	if err := b.Commit(pebble.NoSync); err != nil {
		return err
	}
	s.pending.Add(-int64(len(seqs)))
	return nil
}

// OutboxLen returns how many records wait for upload.
func (s *Store) OutboxLen() int { return int(s.pending.Load()) }

func (s *Store) lastOutboxSeq() (uint64, error) {
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixOutbox}, UpperBound: []byte{prefixOutbox + 1}})
	if err != nil {
		return 0, err
	}
	defer it.Close()
	if !it.Last() {
		return 0, it.Error()
	}
	return binary.BigEndian.Uint64(it.Key()[1:]), nil
}

// SetMeta stores a small named value durably.
func (s *Store) SetMeta(name string, v []byte) error {
	if s.closed.Load() {
		return ErrClosed
	}
	return s.db.Set(metaKey(name), v, pebble.Sync)
}

// Meta reads a named value; ErrNotFound if unset.
func (s *Store) Meta(name string) ([]byte, error) { return s.get(metaKey(name)) }

// pebbleLogger routes Pebble's own messages to slog at debug level, except
// errors. Fatalf must not return: Pebble calls it on corruption.
// Logger adapts l for Pebble: its info chatter at debug level, its
// errors as errors.
func Logger(l *slog.Logger) pebble.Logger { return pebbleLogger{l} }

type pebbleLogger struct{ l *slog.Logger }

func (p pebbleLogger) Infof(format string, args ...any) {
	p.l.Debug("Pebble", "msg", fmt.Sprintf(format, args...))
}
func (p pebbleLogger) Errorf(format string, args ...any) {
	p.l.Error("Pebble error", "err", fmt.Sprintf(format, args...))
}
func (p pebbleLogger) Fatalf(format string, args ...any) {
	p.l.Error("Pebble fatal error", "err", fmt.Sprintf(format, args...))
	panic(fmt.Sprintf(format, args...))
}
