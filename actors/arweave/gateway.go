package arweave

import (
	"context"
	"log/slog"
	"math"
	"sync/atomic"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/gateway"
)

// GatewayConfig configures the Gateway actor.
type GatewayConfig struct {
	Client   *gateway.Client
	Interval time.Duration // refresh period; 5 s like the reference
	Logger   *slog.Logger
	Metrics  prometheus.Registerer
	// OnHeight is called, from the actor, with every height read.
	OnHeight func(height uint64)
}

type infoResult struct {
	info gateway.Info
	err  error
	at   time.Time
}

type refresh struct{}

type gatewayActor struct {
	cfg      GatewayConfig
	m        *gatewayMetrics
	failing  bool
	lastWarn time.Time
	// ctx lives as long as the actor; Stopping cancels any /info read.
	ctx       context.Context
	cancel    context.CancelFunc
	inflight  bool
	stopTimer func()
}

type gatewayMetrics struct {
	height      prometheus.Gauge
	lastSuccess prometheus.Gauge
	failures    prometheus.Counter
	// lastNanos feeds the age gauge, which Prometheus reads from its own
	// goroutine; the actor is its only writer.
	lastNanos atomic.Int64
}

func newGatewayMetrics(reg prometheus.Registerer) *gatewayMetrics {
	m := &gatewayMetrics{
		height: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "actord_arweave_gateway_height", Help: "Last Arweave block height read from the gateway's /info.",
		}),
		lastSuccess: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "actord_arweave_gateway_last_success_timestamp_seconds", Help: "Unix time of the last successful /info read; its age is how stale Block-Height may be.",
		}),
		failures: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "actord_arweave_gateway_failures_total", Help: "Failed /info reads.",
		}),
	}
	age := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "actord_arweave_gateway_height_age_seconds", Help: "Seconds since the block height was last read from the gateway (+Inf before the first read).",
	}, func() float64 {
		n := m.lastNanos.Load()
		if n == 0 {
			return math.Inf(1)
		}
		return time.Since(time.Unix(0, n)).Seconds()
	})
	reg.MustRegister(m.height, m.lastSuccess, m.failures, age)
	return m
}

// NewGatewayProps returns the props of the Gateway actor.
func NewGatewayProps(cfg GatewayConfig) *actor.Props {
	if cfg.Interval <= 0 {
		cfg.Interval = 5 * time.Second
	}
	m := newGatewayMetrics(cfg.Metrics)
	return actor.PropsFromProducer(func() actor.Actor { return &gatewayActor{cfg: cfg, m: m} })
}

func (a *gatewayActor) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		a.ctx, a.cancel = context.WithCancel(context.Background())
		a.fetch(ctx)
	case *actor.Stopping:
		a.cancel()
		if a.stopTimer != nil {
			a.stopTimer()
		}
	case *refresh:
		a.stopTimer = nil
		if !a.inflight {
			a.fetch(ctx)
		}
	case *infoResult:
		a.inflight = false
		a.handle(msg)
		a.schedule(ctx)
	}
}

func (a *gatewayActor) fetch(ctx actor.Context) {
	a.inflight = true
	self, root := ctx.Self(), ctx.ActorSystem().Root
	client, timeout, parent := a.cfg.Client, a.cfg.Interval*2, a.ctx
	go func() {
		rctx, cancel := context.WithTimeout(parent, timeout)
		defer cancel()
		info, err := client.Info(rctx)
		root.Send(self, &infoResult{info: info, err: err, at: time.Now()})
	}()
}

func (a *gatewayActor) schedule(ctx actor.Context) {
	self, root := ctx.Self(), ctx.ActorSystem().Root
	t := time.AfterFunc(a.cfg.Interval, func() { root.Send(self, &refresh{}) })
	a.stopTimer = func() { t.Stop() }
}

func (a *gatewayActor) handle(r *infoResult) {
	if r.err != nil {
		a.m.failures.Inc()
		// Warn on the first failure and then once a minute, not every 5 s.
		if !a.failing || time.Since(a.lastWarn) > time.Minute {
			a.cfg.Logger.Warn("Arweave gateway unreachable; keeping the last block height", "err", r.err)
			a.lastWarn = time.Now()
		}
		a.failing = true
		return
	}
	if a.failing {
		a.cfg.Logger.Info("Arweave gateway reachable again", "height", r.info.Height)
		a.failing = false
	}
	a.m.height.Set(float64(r.info.Height))
	a.m.lastSuccess.Set(float64(r.at.UnixNano()) / 1e9)
	a.m.lastNanos.Store(r.at.UnixNano())
	if a.cfg.OnHeight != nil {
		a.cfg.OnHeight(r.info.Height)
	}
}
