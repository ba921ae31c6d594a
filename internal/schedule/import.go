package schedule

import (
	"fmt"

	"github.com/actord/actord/internal/ans104"
)

// EntryFromBundle converts one outer bundle item of the reference SU (its
// stored form: a binary bundle of [assignment, message], [assignment,
// process] or [assignment]) into an Entry, so that schedules written by
// another SU can be loaded and served unchanged.
func EntryFromBundle(outer *ans104.Item) (*Entry, error) {
	items, err := ans104.ParseBundle(outer.Data)
	if err != nil {
		return nil, fmt.Errorf("outer item %s: %w", outer.ID(), err)
	}
	if len(items) == 0 || len(items) > 2 {
		return nil, fmt.Errorf("outer item %s holds %d items, want 1 or 2", outer.ID(), len(items))
	}
	asg := items[0]
	f, err := ReadAssignment(asg)
	if err != nil {
		return nil, err
	}
	e := &Entry{Nonce: f.Nonce, Timestamp: f.Timestamp, AssignmentID: asg.RawID(), Assignment: asg.Bytes()}
	if e.Process, err = ans104.DecodeID(f.Process); err != nil {
		return nil, fmt.Errorf("assignment %s: Process: %w", asg.ID(), err)
	}
	if e.HashChain, err = ans104.DecodeID(f.HashChain); err != nil {
		return nil, fmt.Errorf("assignment %s: Hash-Chain: %w", asg.ID(), err)
	}
	switch {
	case len(items) == 1:
		e.Kind = KindAssign
		if e.MessageID, err = ans104.DecodeID(f.Message); err != nil {
			return nil, fmt.Errorf("assignment %s: Message: %w", asg.ID(), err)
		}
	case f.Message == "":
		e.Kind, e.MessageID, e.Item = KindProcess, items[1].RawID(), items[1].Bytes()
		if e.MessageID != e.Process {
			return nil, fmt.Errorf("process assignment %s names process %s but holds item %s", asg.ID(), f.Process, items[1].ID())
		}
	default:
		e.Kind, e.MessageID, e.Item = KindMessage, items[1].RawID(), items[1].Bytes()
	}
	return e, nil
}
