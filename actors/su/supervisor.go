package su

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/schedule"
)

// Store is what the SU actors need from a schedule store.
type Store interface {
	Head(pid schedule.ID) (schedule.Head, bool, error)
	Append(e *schedule.Entry) error
	Entry(pid schedule.ID, nonce uint64) (*schedule.Entry, error)
	Lookup(id schedule.ID) ([]schedule.Location, error)
	Meta(name string) ([]byte, error)
	SetMeta(name string, v []byte) error
}

// Config configures the SU actors.
type Config struct {
	Store   Store
	Signer  ans104.Signer
	Logger  *slog.Logger
	Metrics prometheus.Registerer
	// IdleTimeout stops a Sequencer that received nothing for this long
	// (default 2 minutes).
	IdleTimeout time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// OnAppend is called from a Sequencer after each durable write, to
	// wake the uploader. It must not block.
	OnAppend func()
}

// metaHeight is where the last gateway height is kept, so that a restart
// with the gateway down still stamps a height that was really read.
const metaHeight = "gateway_height"

// NewSupervisorProps returns the props of the SU Supervisor. Its
// Sequencer children restart on a panic (at most 10 times a minute each);
// a restarted Sequencer reloads its head from the store.
func NewSupervisorProps(cfg Config) *actor.Props {
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 2 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	m := newMetrics(cfg.Metrics)
	strategy := actor.NewOneForOneStrategy(10, time.Minute, func(reason any) actor.Directive {
		cfg.Logger.Error("Sequencer failed; restarting it from the store", "reason", fmt.Sprint(reason))
		return actor.RestartDirective
	})
	return actor.PropsFromProducer(func() actor.Actor {
		return &supervisor{cfg: &cfg, m: m, children: map[schedule.ID]*child{}, byPID: map[string]schedule.ID{}}
	}, actor.WithSupervisor(strategy))
}

type child struct {
	pid      *actor.PID
	stopping bool
	stash    []stashed
}

type stashed struct {
	msg    *write
	sender *actor.PID
}

type supervisor struct {
	cfg         *Config
	m           *metrics
	children    map[schedule.ID]*child
	byPID       map[string]schedule.ID
	height      uint64
	heightKnown bool
}

func (s *supervisor) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		s.loadHeight()
	case *HeightUpdate:
		if msg.Height != s.height || !s.heightKnown {
			s.height, s.heightKnown = msg.Height, true
			store, logger, h := s.cfg.Store, s.cfg.Logger, msg.Height
			go func() {
				if err := store.SetMeta(metaHeight, strconv.AppendUint(nil, h, 10)); err != nil {
					logger.Warn("Saving the block height failed", "err", err)
				}
			}()
		}
	case *heightQuery:
		ctx.Respond(&heightReply{height: s.height, ok: s.heightKnown, sequencers: len(s.children)})
	case *write:
		msg.height, msg.heightKnown = s.height, s.heightKnown
		s.route(ctx, msg, ctx.Sender())
	case *idle:
		if c := s.children[msg.process]; c != nil && !c.stopping {
			c.stopping = true
			// Poison, not Stop: writes already in its mailbox finish first.
			ctx.Poison(c.pid)
		}
	case *actor.Terminated:
		p, ok := s.byPID[msg.Who.Id]
		if !ok {
			return
		}
		delete(s.byPID, msg.Who.Id)
		c := s.children[p]
		delete(s.children, p)
		s.m.sequencers.Set(float64(len(s.children)))
		for _, st := range c.stash {
			s.route(ctx, st.msg, st.sender)
		}
	}
}

func (s *supervisor) route(ctx actor.Context, w *write, sender *actor.PID) {
	c := s.children[w.process]
	if c == nil {
		cfg, m, process := s.cfg, s.m, w.process
		pid := ctx.Spawn(actor.PropsFromProducer(func() actor.Actor {
			// A restart gets a fresh instance that reloads from the store.
			return &sequencer{cfg: cfg, m: m, process: process}
		}))
		c = &child{pid: pid}
		s.children[w.process] = c
		s.byPID[pid.Id] = w.process
		s.m.sequencers.Set(float64(len(s.children)))
	}
	if c.stopping {
		c.stash = append(c.stash, stashed{msg: w, sender: sender})
		return
	}
	ctx.RequestWithCustomSender(c.pid, w, sender)
}

func (s *supervisor) loadHeight() {
	b, err := s.cfg.Store.Meta(metaHeight)
	if errors.Is(err, schedule.ErrNotFound) {
		return
	}
	if err != nil {
		s.cfg.Logger.Warn("Reading the saved block height failed", "err", err)
		return
	}
	h, err := strconv.ParseUint(string(b), 10, 64)
	if err != nil {
		s.cfg.Logger.Warn("Saved block height is not a number", "value", string(b))
		return
	}
	s.height, s.heightKnown = h, true
	s.cfg.Logger.Info("Using the saved block height until the gateway answers", "height", h)
}
