package alarm

import (
	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the alarm client's Prometheus metrics.
type Metrics struct {
	headBlock  prometheus.Gauge
	headTime   prometheus.Gauge
	tracked    prometheus.Gauge
	claims     *prometheus.CounterVec
	executions *prometheus.CounterVec
	weiEarned  prometheus.Counter
	weiSpent   prometheus.Counter
}

// NewMetrics registers the alarm metrics on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		headBlock: prometheus.NewGauge(prometheus.GaugeOpts{Name: "actord_alarm_head_block", Help: "Latest block seen."}),
		headTime:  prometheus.NewGauge(prometheus.GaugeOpts{Name: "actord_alarm_head_timestamp_seconds", Help: "Timestamp of the latest block seen; now minus this is the head's age."}),
		tracked:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "actord_alarm_calls_tracked", Help: "Calls the client tracks."}),
		claims: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "actord_alarm_claims_total", Help: "Claim transactions by outcome (claimed, refused, failed).",
		}, []string{"outcome"}),
		executions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "actord_alarm_executions_total", Help: "Execute transactions by outcome (executed, aborted, failed).",
		}, []string{"outcome"}),
		weiEarned: prometheus.NewCounter(prometheus.CounterOpts{Name: "actord_alarm_earned_wei_total", Help: "Payments received from executed calls (CallExecuted.payment)."}),
		weiSpent:  prometheus.NewCounter(prometheus.CounterOpts{Name: "actord_alarm_spent_wei_total", Help: "Gas paid for claim and execute transactions."}),
	}
	for _, o := range []string{"claimed", "refused", "failed"} {
		m.claims.WithLabelValues(o)
	}
	for _, o := range []string{"executed", "aborted", "failed"} {
		m.executions.WithLabelValues(o)
	}
	reg.MustRegister(m.headBlock, m.headTime, m.tracked, m.claims, m.executions, m.weiEarned, m.weiSpent)
	return m
}

func (m *Metrics) head(n, t uint64) {
	m.headBlock.Set(float64(n))
	m.headTime.Set(float64(t))
}
