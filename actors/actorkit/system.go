package actorkit

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
)

// System is an actor system together with the meter provider that feeds
// its metrics into a Prometheus registry.
type System struct {
	*actor.ActorSystem
	meters *sdkmetric.MeterProvider
}

// NewSystem builds an actor system that logs through logger and exports
// protoactor's metrics (protoactor_actor_*, protoactor_future_*) into reg.
func NewSystem(logger *slog.Logger, reg prometheus.Registerer) (*System, error) {
	exp, err := otelprom.New(
		otelprom.WithRegisterer(reg),
		otelprom.WithoutTargetInfo(),
		otelprom.WithoutScopeInfo(),
	)
	if err != nil {
		return nil, fmt.Errorf("creating metrics exporter: %w", err)
	}
	mp := sdkmetric.NewMeterProvider(sdkmetric.WithReader(exp))
	cfg := actor.Configure(
		actor.WithMetricProviders(mp),
		actor.WithLoggerFactory(func(s *actor.ActorSystem) *slog.Logger {
			return logger.With("component", "protoactor")
		}),
	)
	// At the pinned protoactor version metrics stay off unless this field
	// is set; no ConfigOption sets it.
	cfg.MetricsEnabled = true
	return &System{ActorSystem: actor.NewActorSystemWithConfig(cfg), meters: mp}, nil
}

// Shutdown stops the actor system and its meter provider.
func (s *System) Shutdown(ctx context.Context) error {
	s.ActorSystem.Shutdown()
	return s.meters.Shutdown(ctx)
}
