package actorkit

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"
)

type echoActor struct{}

func (echoActor) Receive(ctx actor.Context) {
	if s, ok := ctx.Message().(string); ok {
		ctx.Respond(s)
	}
}

// TestMetricsReachRegistry checks the pitfall in stack.md: protoactor's
// metrics appear only when MetricsEnabled is set on the config.
func TestMetricsReachRegistry(t *testing.T) {
	reg := prometheus.NewRegistry()
	sys, err := NewSystem(slog.New(slog.NewTextHandler(t.Output(), nil)), reg)
	if err != nil {
		t.Fatal(err)
	}
	defer sys.Shutdown(t.Context())
	pid := sys.Root.Spawn(actor.PropsFromProducer(func() actor.Actor { return echoActor{} }))
	for range 3 {
		if _, err := sys.Root.RequestFuture(pid, "hi", time.Second).Result(); err != nil {
			t.Fatal(err)
		}
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, mf := range mfs {
		names[mf.GetName()] = true
	}
	for _, want := range []string{"protoactor_actor_spawn_count_total", "protoactor_actor_messagereceive_duration_seconds", "protoactor_future_started_count_total"} {
		if !names[want] {
			var got []string
			for n := range names {
				got = append(got, n)
			}
			t.Errorf("registry has no %s; has %s", want, strings.Join(got, ", "))
		}
	}
}
