package alarm

import (
	"context"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
)

// ClientChain is everything the Scheduler and CallActors read.
type ClientChain interface {
	Chain
	SuggestGasPrice(ctx context.Context) (*big.Int, error)
}

// SchedulerConfig configures the Scheduler actor and its CallActors.
type SchedulerConfig struct {
	Chain     ClientChain
	Scheduler common.Address // the Alarm Scheduler contract
	Executor  common.Address // this client's account
	Sender    *actor.PID     // the transaction sender for Executor
	// Logger is the base logger; the actors add logger=scheduler and
	// logger=call-0x… (the reference client's component names).
	Logger  *slog.Logger
	Metrics *Metrics
	// Roll draws the claim roll N in [0, 255] (default: random).
	Roll func() uint64
	// ReadConcurrency bounds the call reads in flight (default 16): at
	// start every tracked call reads its state, and thousands of parallel
	// HTTP requests would exhaust file descriptors on both ends. Waiting
	// reads get slots earliest target block first.
	ReadConcurrency int
}

// SchedulerActor tracks the Alarm Scheduler: at start it walks the index
// from head−255 onward (so calls still inside their grace period are
// picked up late), then discovers new calls from CallScheduled logs, one
// eth_getLogs per head. Each call gets a CallActor child; heads are
// forwarded to them and cost no RPC unless a call has something to do.
type schedulerActor struct {
	cfg      SchedulerConfig
	log      *slog.Logger
	tracked  map[common.Address]*actor.PID
	byPID    map[string]common.Address
	scanned  uint64 // logs are read up to this block
	walked   bool
	scanning bool
	head     *Head
	slots    readSlots
}

// found is a discovered call and its target block, or a lower bound of it
// (a call found in a log targets at least ScheduleLead blocks later).
type found struct {
	addr   common.Address
	target uint64
}

type discovered struct {
	calls []found
	upTo  uint64
	err   error
}

// NewSchedulerProps returns the props of the Scheduler actor. CallActors
// that panic are restarted; a restarted CallActor rereads its call.
func NewSchedulerProps(cfg SchedulerConfig) *actor.Props {
	if cfg.Roll == nil {
		cfg.Roll = func() uint64 { return rand.Uint64N(256) }
	}
	if cfg.ReadConcurrency <= 0 {
		cfg.ReadConcurrency = 16
	}
	strategy := actor.NewOneForOneStrategy(10, time.Minute, func(reason any) actor.Directive {
		cfg.Logger.Error("Call actor failed; restarting it", "reason", reason)
		return actor.RestartDirective
	})
	return actor.PropsFromProducer(func() actor.Actor {
		return &schedulerActor{cfg: cfg, log: cfg.Logger.With("logger", "scheduler"), tracked: map[common.Address]*actor.PID{}, byPID: map[string]common.Address{},
			slots: newReadSlots(cfg.ReadConcurrency)}
	}, actor.WithSupervisor(strategy))
}

func (s *schedulerActor) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *Head:
		s.head = msg
		for _, pid := range s.tracked {
			ctx.Send(pid, msg)
		}
		if !s.scanning {
			s.scan(ctx, msg.Number)
		}
	case *discovered:
		s.scanning = false
		if msg.err != nil {
			s.log.Warn("Looking for calls failed; will retry", "err", msg.err)
			return
		}
		s.walked, s.scanned = true, msg.upTo
		for _, f := range msg.calls {
			a := f.addr
			if _, ok := s.tracked[a]; ok {
				continue
			}
			cfg, target := s.cfg, f.target
			pid, err := ctx.SpawnNamed(actor.PropsFromProducer(func() actor.Actor { return newCallActor(cfg, a, target) }), a.Hex())
			if err != nil {
				continue
			}
			s.tracked[a], s.byPID[pid.Id] = pid, a
			s.log.Info("Tracking call: "+a.Hex(), "call", a)
			if s.head != nil {
				ctx.Send(pid, s.head)
			}
		}
		s.gauge()
	case *readSlot:
		s.slots.wait(msg.pid, msg.priority)
		s.grant(ctx)
	case *readDone:
		s.slots.done(msg.pid)
		s.grant(ctx)
	case *actor.Terminated:
		s.slots.forget(msg.Who)
		s.grant(ctx)
		if a, ok := s.byPID[msg.Who.Id]; ok {
			delete(s.byPID, msg.Who.Id)
			delete(s.tracked, a)
			s.log.Info("Removing finished call: "+a.Hex(), "call", a)
			s.gauge()
		}
	}
}

// grant hands free read slots to the waiting calls that are due first.
func (s *schedulerActor) grant(ctx actor.Context) {
	for _, pid := range s.slots.grant() {
		ctx.Send(pid, &readGranted{})
	}
	s.cfg.Metrics.readsWaiting(s.slots.waiting())
}

func (s *schedulerActor) gauge() {
	if s.cfg.Metrics != nil {
		s.cfg.Metrics.tracked.Set(float64(len(s.tracked)))
	}
}

// scan walks the index once, then reads new CallScheduled logs.
func (s *schedulerActor) scan(ctx actor.Context, head uint64) {
	if s.walked && head <= s.scanned {
		return
	}
	s.scanning = true
	self, root, cfg, walked, from := ctx.Self(), ctx.ActorSystem().Root, s.cfg, s.walked, s.scanned+1
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		out := &discovered{upTo: head}
		if !walked {
			left := uint64(0)
			if head > LookBehind {
				left = head - LookBehind
			}
			out.calls, out.err = walk(rctx, cfg.Chain, cfg.Scheduler, left, ^uint64(0))
		} else {
			out.calls, out.err = scheduledLogs(rctx, cfg.Chain, cfg.Scheduler, from, head)
		}
		root.Send(self, out)
	}()
}

// scheduledLogs returns the calls created in blocks [from, to], each with
// the earliest target the Scheduler allows for it.
func scheduledLogs(ctx context.Context, c ClientChain, scheduler common.Address, from, to uint64) ([]found, error) {
	topic := schedulerABI.GetABI().Events["CallScheduled"].ID
	logs, err := c.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(to),
		Addresses: []common.Address{scheduler}, Topics: [][]common.Hash{{topic}},
	})
	if err != nil {
		return nil, err
	}
	var out []found
	for i := range logs {
		if ev, err := schedulerABI.UnpackCallScheduledEvent(&logs[i]); err == nil {
			out = append(out, found{addr: ev.CallAddress, target: logs[i].BlockNumber + ScheduleLead})
		}
	}
	return out, nil
}
