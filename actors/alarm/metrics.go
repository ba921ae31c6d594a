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
	txs        *prometheus.GaugeVec
	txEvents   *prometheus.CounterVec
	reads      prometheus.Gauge
}

// txEventNames are the transaction events counted (see NewMetrics).
var txEventNames = []string{"sent", "mined", "confirmed", "reorged", "resent", "replaced", "abandoned"}

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
		txs: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "actord_alarm_transactions",
			Help: "Transactions not yet final, by state: pending (sent, in no canonical block) or mined (in a canonical block, fewer than the required confirmations).",
		}, []string{"state"}),
		txEvents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "actord_alarm_transaction_events_total",
			Help: "Transaction lifecycle events: sent, mined (seen in a canonical block), confirmed (final), reorged (dropped or moved by a reorg), resent, replaced (fee bump), abandoned (replaced by an empty transfer).",
		}, []string{"event"}),
		reads: prometheus.NewGauge(prometheus.GaugeOpts{Name: "actord_alarm_reads_waiting", Help: "Call reads waiting for one of the bounded read slots."}),
	}
	for _, o := range []string{"claimed", "refused", "failed"} {
		m.claims.WithLabelValues(o)
	}
	for _, o := range []string{"executed", "aborted", "failed"} {
		m.executions.WithLabelValues(o)
	}
	for _, st := range []string{"pending", "mined"} {
		m.txs.WithLabelValues(st)
	}
	for _, e := range txEventNames {
		m.txEvents.WithLabelValues(e)
	}
	reg.MustRegister(m.headBlock, m.headTime, m.tracked, m.claims, m.executions, m.weiEarned, m.weiSpent, m.txs, m.txEvents, m.reads)
	return m
}

// The methods below accept a nil *Metrics (no metrics).

func (m *Metrics) txEvent(event string) {
	if m != nil {
		m.txEvents.WithLabelValues(event).Inc()
	}
}

func (m *Metrics) transactions(pending, mined int) {
	if m != nil {
		m.txs.WithLabelValues("pending").Set(float64(pending))
		m.txs.WithLabelValues("mined").Set(float64(mined))
	}
}

func (m *Metrics) readsWaiting(n int) {
	if m != nil {
		m.reads.Set(float64(n))
	}
}

func (m *Metrics) head(n, t uint64) {
	m.headBlock.Set(float64(n))
	m.headTime.Set(float64(t))
}
