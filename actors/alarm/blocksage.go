package alarm

import (
	"context"
	"log/slog"
	"math/big"
	"strconv"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// Head announces a new chain head.
type Head struct {
	Number    uint64
	Time      uint64  // header timestamp
	BlockTime float64 // the current block-time estimate, seconds
}

// HeadSource is what BlockSage reads. Over WebSocket or IPC, ethclient
// also offers new-head subscriptions; over HTTP the subscription fails and
// BlockSage polls.
type HeadSource interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SubscribeNewHead(ctx context.Context, ch chan<- *types.Header) (ethereum.Subscription, error)
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
	subscribed    bool
	sub           ethereum.Subscription
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
	header   *types.Header
	err      error
	fromPoll bool
}

type subscribed struct {
	sub ethereum.Subscription
	err error
}

type subEnded struct{ err error }

type resubscribe struct{}

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
		b.subscribe(ctx)
	case *actor.Stopping:
		if b.timer != nil {
			b.timer.Stop()
		}
		if b.sub != nil {
			b.sub.Unsubscribe()
		}
	case *poll:
		if !b.subscribed {
			b.fetch(ctx)
		}
	case *polled:
		b.handle(ctx, msg)
		if msg.fromPoll && !b.subscribed {
			self, root := ctx.Self(), ctx.ActorSystem().Root
			b.timer = time.AfterFunc(b.cfg.Poll, func() { root.Send(self, &poll{}) })
		}
	case *subscribed:
		if msg.err != nil {
			b.cfg.Logger.Debug("The node offers no head subscription; polling", "err", msg.err)
			return
		}
		b.subscribed, b.sub = true, msg.sub
		b.cfg.Logger.Info("Following new heads by subscription")
	case *subEnded:
		b.subscribed, b.sub = false, nil
		b.cfg.Logger.Warn("Head subscription ended; polling until it is back", "err", msg.err)
		b.fetch(ctx)
		self, root := ctx.Self(), ctx.ActorSystem().Root
		time.AfterFunc(5*time.Second, func() { root.Send(self, &resubscribe{}) })
	case *resubscribe:
		if !b.subscribed {
			b.subscribe(ctx)
		}
	}
}

// subscribe tries a newHeads subscription; heads arrive as polled
// messages until it ends.
func (b *blockSage) subscribe(ctx actor.Context) {
	self, root, chain := ctx.Self(), ctx.ActorSystem().Root, b.cfg.Chain
	go func() {
		ch := make(chan *types.Header, 64)
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		sub, err := chain.SubscribeNewHead(sctx, ch)
		cancel()
		root.Send(self, &subscribed{sub: sub, err: err})
		if err != nil {
			return
		}
		for {
			select {
			case h := <-ch:
				root.Send(self, &polled{header: h})
			case err := <-sub.Err():
				if err != nil {
					root.Send(self, &subEnded{err: err})
				}
				return
			}
		}
	}()
}

func (b *blockSage) fetch(ctx actor.Context) {
	self, root, chain := ctx.Self(), ctx.ActorSystem().Root, b.cfg.Chain
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		h, err := chain.HeaderByNumber(rctx, nil)
		root.Send(self, &polled{header: h, err: err, fromPoll: true})
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

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
