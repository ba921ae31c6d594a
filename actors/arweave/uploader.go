package arweave

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/gateway"
	"github.com/actord/actord/internal/schedule"
)

// Outbox is what the Uploader needs from the store.
type Outbox interface {
	Outbox(after uint64, limit int) ([]schedule.OutboxRecord, error)
	AckOutbox(seqs ...uint64) error
	OutboxLen() int
	Entry(pid schedule.ID, nonce uint64) (*schedule.Entry, error)
}

// UploaderConfig configures the Uploader actor.
type UploaderConfig struct {
	Store  Outbox
	Client *gateway.Client // nil: uploads are disabled and items wait
	Logger *slog.Logger
	// Metrics receives the upload metrics.
	Metrics prometheus.Registerer
	// Batch is how many records one pass uploads (default 32).
	Batch int
	// MinBackoff and MaxBackoff bound the retry delay after a failed pass
	// (defaults 1 s and 32 s, as the reference).
	MinBackoff, MaxBackoff time.Duration
}

// Kick tells the Uploader that the outbox has new records.
type Kick struct{}

type passDone struct {
	failed error
	more   bool
}

type uploader struct {
	cfg      UploaderConfig
	m        *uploadMetrics
	running  bool
	again    bool // a Kick arrived during a pass
	backoff  time.Duration
	cancel   context.CancelFunc
	retry    *time.Timer
	warnedNo bool
}

type uploadMetrics struct {
	uploads  *prometheus.CounterVec
	duration prometheus.Histogram
}

// NewUploaderProps returns the props of the Uploader actor.
func NewUploaderProps(cfg UploaderConfig) *actor.Props {
	if cfg.Batch <= 0 {
		cfg.Batch = 32
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 32 * time.Second
	}
	m := &uploadMetrics{
		uploads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "actord_arweave_uploads_total", Help: "Item uploads to the bundler, by result.",
		}, []string{"result"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "actord_arweave_upload_duration_seconds", Help: "Time of one item upload.", Buckets: prometheus.DefBuckets,
		}),
	}
	backlog := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "actord_su_outbox_items", Help: "Items scheduled but not yet accepted by the bundler.",
	}, func() float64 { return float64(cfg.Store.OutboxLen()) })
	m.uploads.WithLabelValues("ok")
	m.uploads.WithLabelValues("error")
	cfg.Metrics.MustRegister(m.uploads, m.duration, backlog)
	return actor.PropsFromProducer(func() actor.Actor { return &uploader{cfg: cfg, m: m, backoff: cfg.MinBackoff} })
}

func (u *uploader) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		u.start(ctx)
	case *actor.Stopping:
		if u.cancel != nil {
			u.cancel()
		}
		if u.retry != nil {
			u.retry.Stop()
		}
	case *Kick:
		u.start(ctx)
	case *passDone:
		u.running = false
		switch {
		case msg.failed != nil:
			u.cfg.Logger.Warn("Upload to the bundler failed; will retry", "err", msg.failed, "retry_in", u.backoff, "waiting", u.cfg.Store.OutboxLen())
			self, root := ctx.Self(), ctx.ActorSystem().Root
			u.retry = time.AfterFunc(jitter(u.backoff), func() { root.Send(self, &Kick{}) })
			u.backoff = min(u.backoff*2, u.cfg.MaxBackoff)
		case msg.more || u.again:
			u.backoff = u.cfg.MinBackoff
			u.start(ctx)
		default:
			u.backoff = u.cfg.MinBackoff
		}
	}
}

// start runs one pass in a goroutine unless one is running.
func (u *uploader) start(ctx actor.Context) {
	if u.cfg.Client == nil {
		if !u.warnedNo {
			u.cfg.Logger.Warn("UPLOAD_NODE_URL is not set: scheduled items stay in the outbox until it is", "waiting", u.cfg.Store.OutboxLen())
			u.warnedNo = true
		}
		return
	}
	if u.running {
		u.again = true
		return
	}
	u.running, u.again = true, false
	self, root := ctx.Self(), ctx.ActorSystem().Root
	cfg, m := u.cfg, u.m
	cctx, cancel := context.WithCancel(context.Background())
	u.cancel = cancel
	go func() {
		defer cancel()
		root.Send(self, pass(cctx, cfg, m))
	}()
}

// pass uploads one batch in outbox order and acknowledges what the
// bundler accepted. It stops at the first failure so that items go up in
// schedule order.
func pass(ctx context.Context, cfg UploaderConfig, m *uploadMetrics) *passDone {
	recs, err := cfg.Store.Outbox(0, cfg.Batch)
	if err != nil {
		return &passDone{failed: err}
	}
	var acked []uint64
	var failed error
	for _, r := range recs {
		e, err := cfg.Store.Entry(r.Process, r.Nonce)
		if err != nil {
			failed = err
			break
		}
		item := e.Assignment
		if r.Part == schedule.PartItem {
			item = e.Item
		}
		start := time.Now()
		rctx, cancel := context.WithTimeout(ctx, time.Minute)
		err = cfg.Client.Upload(rctx, item)
		cancel()
		m.duration.Observe(time.Since(start).Seconds())
		if err != nil {
			m.uploads.WithLabelValues("error").Inc()
			failed = err
			break
		}
		m.uploads.WithLabelValues("ok").Inc()
		acked = append(acked, r.Seq)
	}
	if len(acked) > 0 {
		if err := cfg.Store.AckOutbox(acked...); err != nil && failed == nil {
			failed = err
		}
	}
	if errors.Is(failed, context.Canceled) {
		failed = nil
	}
	return &passDone{failed: failed, more: failed == nil && len(recs) == cfg.Batch}
}

// jitter spreads retries of several nodes apart.
func jitter(d time.Duration) time.Duration { return d/2 + rand.N(d/2+1) }
