package su

import (
	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/schedule"
)

type writeKind uint8

const (
	kindSpawn writeKind = iota + 1
	kindMessage
	kindAssign
)

func (k writeKind) String() string {
	switch k {
	case kindSpawn:
		return "process"
	case kindMessage:
		return "message"
	default:
		return "assign"
	}
}

// write asks the process's Sequencer to schedule something.
type write struct {
	kind     writeKind
	process  schedule.ID
	item     *ans104.Item // spawn and message
	raw      []byte       // the item exactly as received
	tx       schedule.ID  // assign
	excludes []string     // assign

	// Stamped by the Supervisor.
	height      uint64
	heightKnown bool
}

type writeReply struct {
	res schedule.Written
	err error
}

// HeightUpdate tells the Supervisor the gateway's current block height.
type HeightUpdate struct{ Height uint64 }

type heightQuery struct{}

type heightReply struct {
	height     uint64
	ok         bool
	sequencers int // live sequencers: the load routers place by
}

// idle is a Sequencer's request to be stopped after a quiet period.
type idle struct{ process schedule.ID }
