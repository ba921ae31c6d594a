package alarm

import (
	"log/slog"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/actord/actord/internal/devchain"
)

// TestBlockSageSubscribes: over WebSocket BlockSage follows new heads by
// subscription. Polling is set to an hour, so only the subscription can
// deliver the heads the probe sees.
func TestBlockSageSubscribes(t *testing.T) {
	n, err := devchain.StartNode(devchain.NodeConfig{HTTPAddr: "127.0.0.1:0", WS: true, Pump: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	c, err := ethclient.DialContext(t.Context(), n.WSURL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	heads := make(chan uint64, 1000)
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	defer sys.Shutdown()
	probe := sys.Root.Spawn(actor.PropsFromFunc(func(ctx actor.Context) {
		if h, ok := ctx.Message().(*Head); ok {
			heads <- h.Number
		}
	}))
	bs := sys.Root.Spawn(NewBlockSageProps(BlockSageConfig{Chain: c, Poll: time.Hour, Logger: slog.New(slog.NewTextHandler(t.Output(), nil)), Notify: probe}))
	defer func() { sys.Root.PoisonFuture(bs).Wait() }()
	var last uint64
	for got := 0; got < 10; got++ {
		select {
		case h := <-heads:
			if h <= last && got > 0 {
				t.Fatalf("head %d after %d", h, last)
			}
			last = h
		case <-time.After(30 * time.Second): // hang guard
			t.Fatalf("only %d heads arrived", got)
		}
	}
}
