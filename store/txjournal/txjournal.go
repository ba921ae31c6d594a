// Package txjournal persists the alarm client's sent transactions in
// Pebble until they are mined, so that a restart resumes them (same nonce,
// same bytes) rather than sending new ones.
//
// Invariants: Put is synced before it returns (the sender broadcasts only
// afterwards); a later Put for the same nonce replaces the entry (a fee
// bump); Done removes it.
package txjournal

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/ethereum/go-ethereum/common"
)

// Entry is one journaled transaction.
type Entry struct {
	Nonce  uint64         `json:"nonce"`
	Call   common.Address `json:"call"`
	Action string         `json:"action"`
	Raw    []byte         `json:"raw"`
}

// Journal is a Pebble-backed journal for one key.
type Journal struct {
	db     *pebble.DB
	prefix []byte
}

// Open opens (or creates) the journal in dir for the sending address.
// dir == "" keeps it in memory.
func Open(dir string, from common.Address) (*Journal, error) {
	opts := &pebble.Options{Logger: quiet{}}
	if dir == "" {
		opts.FS = vfs.NewMem()
	}
	db, err := pebble.Open(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("opening the transaction journal: %w", err)
	}
	return &Journal{db: db, prefix: append([]byte("tx/"), from.Bytes()...)}, nil
}

// Close closes the journal.
func (j *Journal) Close() error { return j.db.Close() }

func (j *Journal) key(nonce uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(nil), j.prefix...), nonce)
}

// Put records e durably.
func (j *Journal) Put(e Entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return j.db.Set(j.key(e.Nonce), b, pebble.Sync)
}

// Done removes the entry for nonce.
func (j *Journal) Done(nonce uint64) error {
	return j.db.Delete(j.key(nonce), pebble.Sync)
}

// Pending lists the entries not yet done, by nonce.
func (j *Journal) Pending() ([]Entry, error) {
	upper := append(append([]byte(nil), j.prefix...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)
	it, err := j.db.NewIter(&pebble.IterOptions{LowerBound: j.prefix, UpperBound: upper})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []Entry
	for ok := it.First(); ok; ok = it.Next() {
		var e Entry
		if err := json.Unmarshal(it.Value(), &e); err != nil {
			return nil, fmt.Errorf("journal entry: %w", err)
		}
		out = append(out, e)
	}
	return out, it.Error()
}

// quiet drops Pebble's informational messages (WAL replay chatter).
type quiet struct{}

func (quiet) Infof(string, ...any)  {}
func (quiet) Errorf(string, ...any) {}
func (quiet) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf(format, args...))
}
