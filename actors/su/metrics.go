package su

import (
	"errors"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/schedule"
)

type metrics struct {
	writes         *prometheus.CounterVec
	writeDuration  *prometheus.HistogramVec
	signDuration   prometheus.Histogram
	appendDuration prometheus.Histogram
	sequencers     prometheus.Gauge
}

var latencyBuckets = []float64{.001, .0025, .005, .0075, .01, .015, .025, .05, .1, .25, .5, 1, 2.5}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		writes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "actord_su_writes_total", Help: "Write requests handled by sequencers, by kind (process, message, assign) and result.",
		}, []string{"kind", "result"}),
		writeDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "actord_su_write_duration_seconds", Help: "Time a sequencer spends on one write: checks, signing and the fsynced append.", Buckets: latencyBuckets,
		}, []string{"kind"}),
		signDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "actord_su_sign_duration_seconds", Help: "Time to sign one assignment (RSA-4096).", Buckets: latencyBuckets,
		}),
		appendDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "actord_su_append_duration_seconds", Help: "Time of one durable store append, fsync included.", Buckets: latencyBuckets,
		}),
		sequencers: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "actord_su_sequencers", Help: "Sequencer actors alive (one per recently written process).",
		}),
	}
	for _, k := range []string{"process", "message", "assign"} {
		for _, r := range []string{"ok", "existing", "duplicate", "unknown_process", "unavailable", "error"} {
			m.writes.WithLabelValues(k, r)
		}
	}
	reg.MustRegister(m.writes, m.writeDuration, m.signDuration, m.appendDuration, m.sequencers)
	return m
}

func (m *metrics) observe(k writeKind, err error, d time.Duration) {
	result := "ok"
	switch {
	case err == nil:
	case errors.Is(err, schedule.ErrDuplicate):
		result = "duplicate"
	case errors.Is(err, schedule.ErrUnknownProcess):
		result = "unknown_process"
	case errors.Is(err, schedule.ErrUnavailable):
		result = "unavailable"
	default:
		result = "error"
	}
	m.writes.WithLabelValues(k.String(), result).Inc()
	m.writeDuration.WithLabelValues(k.String()).Observe(d.Seconds())
}
