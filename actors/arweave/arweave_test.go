package arweave

import (
	"crypto/rand"
	"crypto/rsa"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/fakeweave"
	"github.com/actord/actord/internal/gateway"
	"github.com/actord/actord/internal/schedule"
	"github.com/actord/actord/store/pebblestore"
)

var (
	keyOnce sync.Once
	signer  *ans104.RSASigner
)

func testSigner() *ans104.RSASigner {
	keyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 4096)
		if err != nil {
			panic(err)
		}
		signer, _ = ans104.NewRSASigner(k)
	})
	return signer
}

func newSystem(t *testing.T) *actor.ActorSystem {
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	t.Cleanup(sys.Shutdown)
	return sys
}

// schedule n entries (process, then messages) with real signed items, so
// the fake bundler's verification passes; returns the expected upload
// order.
func scheduleEntries(t *testing.T, s *pebblestore.Store, n int) []string {
	var order []string
	var pid schedule.ID
	var head schedule.Head
	for i := 0; i < n; i++ {
		typ := "Message"
		var target []byte
		if i == 0 {
			typ = "Process"
		} else {
			target = pid[:]
		}
		it, _ := ans104.New(target, nil, []ans104.Tag{{Name: "Type", Value: typ}, {Name: "N", Value: string(rune('a' + i))}}, []byte("x"))
		if err := it.Sign(testSigner()); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			pid = it.RawID()
		}
		a := schedule.Assignment{Process: pid, Nonce: uint64(i), BlockHeight: 1, Timestamp: int64(1000 + i)}
		a.HashChain = schedule.FirstHashChain(pid)
		kind := schedule.KindProcess
		if i > 0 {
			a.HashChain = schedule.NextHashChain(head.HashChain, head.AssignmentID)
			id := it.RawID()
			a.Message = &id
			kind = schedule.KindMessage
		}
		asg, err := a.Sign(testSigner())
		if err != nil {
			t.Fatal(err)
		}
		e := &schedule.Entry{Process: pid, Nonce: uint64(i), Timestamp: a.Timestamp, Kind: kind, HashChain: a.HashChain, AssignmentID: asg.RawID(), MessageID: it.RawID(), Assignment: asg.Bytes(), Item: it.Bytes()}
		if err := s.Append(e); err != nil {
			t.Fatal(err)
		}
		head = schedule.Head{Nonce: e.Nonce, HashChain: e.HashChain, AssignmentID: e.AssignmentID}
		order = append(order, it.ID(), asg.ID())
	}
	return order
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second) // a hang guard, not a timing assertion
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestUploaderDrainsOutboxInOrderWithRetries(t *testing.T) {
	dir := t.TempDir()
	store, err := pebblestore.Open(dir, pebblestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := scheduleEntries(t, store, 5)
	sys := newSystem(t)
	logger := slog.New(slog.NewTextHandler(t.Output(), nil))

	// Without a bundler the items wait.
	pid := sys.Root.Spawn(NewUploaderProps(UploaderConfig{Store: store, Logger: logger, Metrics: prometheus.NewRegistry()}))
	sys.Root.Send(pid, &Kick{})
	time.Sleep(20 * time.Millisecond)
	if store.OutboxLen() != 10 {
		t.Fatalf("outbox = %d, want 10 waiting", store.OutboxLen())
	}
	sys.Root.StopFuture(pid).Wait()
	store.Close()

	// After a restart with a bundler that fails a few times, everything
	// arrives exactly in schedule order.
	store, err = pebblestore.Open(dir, pebblestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	bundler := fakeweave.New(1)
	defer bundler.Close()
	bundler.FailUploads(3)
	reg := prometheus.NewRegistry()
	sys.Root.Spawn(NewUploaderProps(UploaderConfig{
		Store: store, Client: gateway.New(bundler.URL, nil), Logger: logger, Metrics: reg,
		Batch: 3, MinBackoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond,
	}))
	waitFor(t, "the outbox to drain", func() bool { return store.OutboxLen() == 0 })
	got := bundler.Uploaded()
	if len(got) != len(want) {
		t.Fatalf("uploaded %d items, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("upload %d = %s, want %s", i, got[i], want[i])
		}
	}
	if n := counterValue(t, reg, "actord_arweave_uploads_total", "error"); n != 3 {
		t.Errorf("error uploads = %v, want 3", n)
	}
}

// counterValue reads a counter with one label value from reg.
func counterValue(t *testing.T, reg *prometheus.Registry, name, labelValue string) float64 {
	t.Helper()
	mfs, _ := reg.Gather()
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetValue() == labelValue {
					return m.GetCounter().GetValue()
				}
			}
		}
	}
	t.Fatalf("no %s{%s}", name, labelValue)
	return 0
}

func TestGatewayKeepsLastHeight(t *testing.T) {
	gw := fakeweave.New(100)
	defer gw.Close()
	sys := newSystem(t)
	heights := make(chan uint64, 100)
	reg := prometheus.NewRegistry()
	sys.Root.Spawn(NewGatewayProps(GatewayConfig{
		Client: gateway.New(gw.URL, nil), Interval: 5 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(t.Output(), nil)), Metrics: reg,
		OnHeight: func(h uint64) { heights <- h },
	}))
	if h := <-heights; h != 100 {
		t.Fatalf("first height %d, want 100", h)
	}
	gw.SetDown(true)
	time.Sleep(30 * time.Millisecond)
	for len(heights) > 0 {
		if h := <-heights; h != 100 {
			t.Fatalf("height %d while the gateway was down", h)
		}
	}
	gw.SetHeight(105)
	gw.SetDown(false)
	for h := range heights {
		if h == 105 {
			break
		}
	}
	mfs, _ := reg.Gather()
	found := map[string]float64{}
	for _, mf := range mfs {
		found[mf.GetName()] = mf.GetMetric()[0].GetGauge().GetValue() + mf.GetMetric()[0].GetCounter().GetValue()
	}
	if found["actord_arweave_gateway_failures_total"] < 1 || found["actord_arweave_gateway_height"] < 100 {
		t.Errorf("metrics = %v", found)
	}
	if _, ok := found["actord_arweave_gateway_height_age_seconds"]; !ok {
		t.Errorf("no height age metric: %v", found)
	}
}
