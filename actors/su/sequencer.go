package su

import (
	"errors"
	"fmt"
	"time"

	"github.com/asynkron/protoactor-go/actor"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/schedule"
)

// sequencer schedules the writes of one process.
type sequencer struct {
	cfg     *Config
	m       *metrics
	process schedule.ID
	head    schedule.Head
	exists  bool
	loadErr error

	lastActive time.Time
	idleTimer  *time.Timer
}

// idleCheck fires IdleTimeout after the last check. protoactor's own
// ReceiveTimeout is not used: it races under -race (upstream issue #1139).
type idleCheck struct{}

func (s *sequencer) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		s.load()
		s.lastActive = time.Now()
		s.armIdle(ctx, s.cfg.IdleTimeout)
	case *actor.Stopping:
		if s.idleTimer != nil {
			s.idleTimer.Stop()
		}
	case *idleCheck:
		if quiet := time.Since(s.lastActive); quiet < s.cfg.IdleTimeout {
			s.armIdle(ctx, s.cfg.IdleTimeout-quiet)
			return
		}
		ctx.Send(ctx.Parent(), &idle{process: s.process})
	case *write:
		start := time.Now()
		s.lastActive = start
		res, err := s.write(msg)
		s.m.observe(msg.kind, err, time.Since(start))
		ctx.Respond(&writeReply{res: res, err: err})
	}
}

func (s *sequencer) armIdle(ctx actor.Context, d time.Duration) {
	self, root := ctx.Self(), ctx.ActorSystem().Root
	s.idleTimer = time.AfterFunc(d, func() { root.Send(self, &idleCheck{}) })
}

// load rebuilds the head from the store.
func (s *sequencer) load() {
	s.head, s.exists, s.loadErr = s.cfg.Store.Head(s.process)
	if s.loadErr != nil {
		s.cfg.Logger.Error("Reading process head failed", "process", ans104.Encode(s.process[:]), "err", s.loadErr)
	}
}

func (s *sequencer) write(w *write) (schedule.Written, error) {
	for attempt := 0; ; attempt++ {
		if s.loadErr != nil {
			if s.load(); s.loadErr != nil {
				return schedule.Written{}, fmt.Errorf("%w: reading the process head: %v", schedule.ErrUnavailable, s.loadErr)
			}
		}
		res, err := s.try(w)
		// A conflict means the store's head moved under us (a previous
		// incarnation's write landed after our load). Reload and redo:
		// nothing was written.
		if errors.Is(err, schedule.ErrConflict) && attempt < 3 {
			s.cfg.Logger.Warn("Process head moved; reloading", "process", ans104.Encode(s.process[:]))
			s.load()
			continue
		}
		return res, err
	}
}

func (s *sequencer) try(w *write) (schedule.Written, error) {
	switch w.kind {
	case kindSpawn:
		if s.exists {
			e, err := s.cfg.Store.Entry(s.process, 0)
			if err != nil {
				return schedule.Written{}, fmt.Errorf("%w: reading the process entry: %v", schedule.ErrUnavailable, err)
			}
			return schedule.Written{ID: ans104.Encode(s.process[:]), Nonce: 0, Timestamp: e.Timestamp, Existing: true}, nil
		}
	default:
		if !s.exists {
			return schedule.Written{}, fmt.Errorf("%w: %s", schedule.ErrUnknownProcess, ans104.Encode(s.process[:]))
		}
	}
	if w.kind == kindMessage {
		locs, err := s.cfg.Store.Lookup(w.item.RawID())
		if err != nil {
			return schedule.Written{}, fmt.Errorf("%w: %v", schedule.ErrUnavailable, err)
		}
		for _, l := range locs {
			if l.Role == schedule.RoleItem {
				return schedule.Written{}, fmt.Errorf("%w: %s", schedule.ErrDuplicate, w.item.ID())
			}
		}
	}
	if !w.heightKnown {
		return schedule.Written{}, fmt.Errorf("%w: no Arweave block height yet (the gateway has not answered)", schedule.ErrUnavailable)
	}

	e, asg, err := s.build(w)
	if err != nil {
		return schedule.Written{}, err
	}
	appendStart := time.Now()
	err = s.cfg.Store.Append(e)
	s.m.appendDuration.Observe(time.Since(appendStart).Seconds())
	if err != nil {
		if errors.Is(err, schedule.ErrConflict) || errors.Is(err, schedule.ErrDuplicate) {
			return schedule.Written{}, err
		}
		return schedule.Written{}, fmt.Errorf("%w: storing the entry: %v", schedule.ErrUnavailable, err)
	}
	s.head = schedule.Head{Nonce: e.Nonce, Timestamp: e.Timestamp, HashChain: e.HashChain, AssignmentID: e.AssignmentID}
	s.exists = true
	if s.cfg.OnAppend != nil {
		s.cfg.OnAppend()
	}
	res := schedule.Written{Nonce: e.Nonce, Timestamp: e.Timestamp}
	switch w.kind {
	case kindAssign:
		res.ID = asg.ID()
	default:
		res.ID = w.item.ID()
	}
	return res, nil
}

// build computes and signs the next entry.
func (s *sequencer) build(w *write) (*schedule.Entry, *ans104.Item, error) {
	a := schedule.Assignment{Process: s.process, BlockHeight: w.height, Timestamp: s.cfg.Now().UnixMilli()}
	if s.exists {
		a.Nonce = s.head.Nonce + 1
		a.HashChain = schedule.NextHashChain(s.head.HashChain, s.head.AssignmentID)
		a.Timestamp = max(a.Timestamp, s.head.Timestamp+1)
	} else {
		a.HashChain = schedule.FirstHashChain(s.process)
	}
	e := &schedule.Entry{Process: s.process, Nonce: a.Nonce, Timestamp: a.Timestamp, HashChain: a.HashChain}
	switch w.kind {
	case kindSpawn:
		e.Kind, e.MessageID, e.Item = schedule.KindProcess, s.process, w.raw
	case kindMessage:
		id := w.item.RawID()
		a.Message = &id
		e.Kind, e.MessageID, e.Item = schedule.KindMessage, id, w.raw
	case kindAssign:
		a.Message = &w.tx
		a.Excludes = w.excludes
		e.Kind, e.MessageID = schedule.KindAssign, w.tx
	}
	signStart := time.Now()
	asg, err := a.Sign(s.cfg.Signer)
	s.m.signDuration.Observe(time.Since(signStart).Seconds())
	if err != nil {
		return nil, nil, err
	}
	e.AssignmentID = asg.RawID()
	e.Assignment = asg.Bytes()
	return e, asg, nil
}
