package schedule

import (
	"crypto/rand"
	"fmt"
	"strconv"

	"github.com/actord/actord/internal/ans104"
)

// Assignment describes one schedule entry's assignment before signing.
type Assignment struct {
	Process     ID
	Nonce       uint64
	HashChain   ID
	BlockHeight uint64
	Timestamp   int64 // unix ms
	// Message is the id the entry schedules: a message id, or the id of an
	// assigned transaction. Nil for a process's own assignment.
	Message  *ID
	Excludes []string
}

// Tags returns the assignment's tags in the order the CU and HyperBEAM
// expect.
func (a *Assignment) Tags() []ans104.Tag {
	tags := make([]ans104.Tag, 0, 10+len(a.Excludes))
	tags = append(tags,
		ans104.Tag{Name: "Process", Value: ans104.Encode(a.Process[:])},
		ans104.Tag{Name: "Epoch", Value: "0"},
		ans104.Tag{Name: "Nonce", Value: strconv.FormatUint(a.Nonce, 10)},
		ans104.Tag{Name: "Hash-Chain", Value: ans104.Encode(a.HashChain[:])},
		ans104.Tag{Name: "Block-Height", Value: BlockHeight(a.BlockHeight)},
		ans104.Tag{Name: "Timestamp", Value: strconv.FormatInt(a.Timestamp, 10)},
		ans104.Tag{Name: "Data-Protocol", Value: "ao"},
		ans104.Tag{Name: "Type", Value: "Assignment"},
		ans104.Tag{Name: "Variant", Value: "ao.TN.1"},
	)
	if a.Message != nil {
		tags = append(tags, ans104.Tag{Name: "Message", Value: ans104.Encode(a.Message[:])})
	}
	for _, x := range a.Excludes {
		tags = append(tags, ans104.Tag{Name: "Exclude", Value: x})
	}
	return tags
}

// Sign builds the assignment item: no target, a random 32-byte anchor,
// empty data, signed by s.
func (a *Assignment) Sign(s ans104.Signer) (*ans104.Item, error) {
	anchor := make([]byte, ans104.AddressSize)
	if _, err := rand.Read(anchor); err != nil {
		return nil, fmt.Errorf("assignment anchor: %w", err)
	}
	it, err := ans104.New(nil, anchor, a.Tags(), nil)
	if err != nil {
		return nil, err
	}
	if err := it.Sign(s); err != nil {
		return nil, fmt.Errorf("signing assignment: %w", err)
	}
	return it, nil
}

// AssignmentFacts are the values read back from a stored assignment.
type AssignmentFacts struct {
	Process     string
	Nonce       uint64
	HashChain   string
	BlockHeight string
	Timestamp   int64
	Message     string // "" when absent
}

// ReadAssignment extracts the scheduling tags of an assignment item.
func ReadAssignment(it *ans104.Item) (AssignmentFacts, error) {
	var f AssignmentFacts
	var nonce, ts string
	for _, t := range it.Tags {
		switch t.Name {
		case "Process":
			f.Process = t.Value
		case "Nonce":
			nonce = t.Value
		case "Hash-Chain":
			f.HashChain = t.Value
		case "Block-Height":
			f.BlockHeight = t.Value
		case "Timestamp":
			ts = t.Value
		case "Message":
			f.Message = t.Value
		}
	}
	if f.Process == "" || nonce == "" || ts == "" || f.HashChain == "" {
		return f, fmt.Errorf("assignment %s lacks Process, Nonce, Hash-Chain or Timestamp", it.ID())
	}
	var err error
	if f.Nonce, err = ParseNonce(nonce); err != nil {
		return f, err
	}
	if f.Timestamp, err = strconv.ParseInt(ts, 10, 64); err != nil {
		return f, fmt.Errorf("timestamp %q is not a whole number", ts)
	}
	return f, nil
}
