package node

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
)

func TestPingAndStop(t *testing.T) {
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger {
		return slog.New(slog.NewTextHandler(t.Output(), nil))
	}))
	defer sys.Shutdown()
	n, err := Start(sys, slog.New(slog.NewTextHandler(t.Output(), nil)))
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Healthy(t.Context()); err != nil {
		t.Fatalf("Healthy: %v", err)
	}
	if _, err := Start(sys, slog.Default()); err == nil {
		t.Fatal("a second node actor with the same name started")
	}
	if err := n.Stop(t.Context()); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	if err := n.Healthy(ctx); !errors.Is(err, ErrNotResponding) {
		t.Fatalf("Healthy after Stop = %v, want ErrNotResponding", err)
	}
	expired, cancel2 := context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
	defer cancel2()
	if err := n.Healthy(expired); !errors.Is(err, ErrNotResponding) {
		t.Fatalf("Healthy with an expired context = %v", err)
	}
}
