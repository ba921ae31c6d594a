package router

import "github.com/prometheus/client_golang/prometheus"

type metrics struct {
	live       prometheus.Gauge
	placements *prometheus.CounterVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		live: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "actord_router_live_sus", Help: "SU nodes that are cluster members, answer info polls and accept writes.",
		}),
		placements: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "actord_router_placements_total", Help: "New processes placed, by rule (wallet or load).",
		}, []string{"reason"}),
	}
	for _, r := range []string{"wallet", "load"} {
		m.placements.WithLabelValues(r)
	}
	if reg != nil {
		reg.MustRegister(m.live, m.placements)
	}
	return m
}
