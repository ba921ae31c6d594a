package alarm

import (
	"context"
	"log/slog"
	"math/big"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/ethereum/go-ethereum/core/types"
)

// Head announces a new chain head.
type Head struct {
	Number    uint64
	Time      uint64  // header timestamp
	BlockTime float64 // the current block-time estimate, seconds
}

// HeadSource is what BlockSage reads.
type HeadSource interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// BlockSageConfig configures BlockSage.
type BlockSageConfig struct {
	Chain  HeadSource
	Poll   time.Duration // how often the head is polled (default 1 s)
	Logger *slog.Logger
	// Notify receives every new head (the Scheduler actor).
	Notify *actor.PID
	// Metrics, if set, receive the head gauges.
	Metrics *Metrics
}

type blockSage struct {
	cfg           BlockSageConfig
	head          uint64
	headTime      uint64
	seenAt        time.Time
	estimate      float64
	nextHeartbeat uint64
	lastStuckWarn time.Time
	failing       bool
	timer         *time.Timer
}

type polled struct {
	header *types.Header
	err    error
}

type poll struct{}

// heartbeatEvery is the reference client's heartbeat period in blocks.
const heartbeatEvery = 4

// NewBlockSageProps returns the props of BlockSage: it follows the chain
// head by polling, estimates the block time, logs a heartbeat every four
// blocks and a warning when the chain looks stuck, and tells Notify about
// every new head.
func NewBlockSageProps(cfg BlockSageConfig) *actor.Props {
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	return actor.PropsFromProducer(func() actor.Actor { return &blockSage{cfg: cfg, estimate: 12} })
}

func (b *blockSage) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		b.fetch(ctx)
	case *actor.Stopping:
		if b.timer != nil {
			b.timer.Stop()
		}
	case *poll:
		b.fetch(ctx)
	case *polled:
		b.handle(ctx, msg)
		self, root := ctx.Self(), ctx.ActorSystem().Root
		b.timer = time.AfterFunc(b.cfg.Poll, func() { root.Send(self, &poll{}) })
	}
}

func (b *blockSage) fetch(ctx actor.Context) {
	self, root, chain := ctx.Self(), ctx.ActorSystem().Root, b.cfg.Chain
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		h, err := chain.HeaderByNumber(rctx, nil)
		root.Send(self, &polled{header: h, err: err})
	}()
}

func (b *blockSage) handle(ctx actor.Context, p *polled) {
	if p.err != nil {
		if !b.failing {
			b.cfg.Logger.Warn("Cannot reach the Ethereum node; retrying", "err", p.err)
		}
		b.failing = true
		return
	}
	if b.failing {
		b.cfg.Logger.Info("Ethereum node reachable again")
		b.failing = false
	}
	n, t := p.header.Number.Uint64(), p.header.Time
	if n <= b.head && b.head != 0 {
		b.checkStuck()
		return
	}
	if b.head != 0 && n > b.head && t >= b.headTime {
		sample := float64(t-b.headTime) / float64(n-b.head)
		// A moving average over about 100 samples, never below 1 s.
		b.estimate = max((99*b.estimate+sample)/100, 1)
	}
	b.head, b.headTime, b.seenAt = n, t, time.Now()
	if b.cfg.Metrics != nil {
		b.cfg.Metrics.head(n, t)
	}
	if n >= b.nextHeartbeat {
		b.cfg.Logger.Info("> Heartbeat: block #"+itoa(n)+" : block_time: "+ftoa(b.estimate), "block", n, "block_time", b.estimate)
		b.nextHeartbeat = n + heartbeatEvery
	}
	ctx.Send(b.cfg.Notify, &Head{Number: n, Time: t, BlockTime: b.estimate})
}

// checkStuck warns when no block arrived for 20 estimated block times
// and at least two minutes.
func (b *blockSage) checkStuck() {
	waited := time.Since(b.seenAt)
	limit := max(time.Duration(20*b.estimate*float64(time.Second)), 2*time.Minute)
	if waited > limit && time.Since(b.lastStuckWarn) > time.Minute {
		b.cfg.Logger.Warn("Potentially stuck at block #"+itoa(b.head), "block", b.head, "waited", waited.Round(time.Second))
		b.lastStuckWarn = time.Now()
	}
}

func itoa(n uint64) string { return new(big.Int).SetUint64(n).String() }

func ftoa(f float64) string { return big.NewFloat(f).Text('f', 2) }
