package alarm

import (
	"context"
	"crypto/ecdsa"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/actord/actord/internal/devchain"
)

// memJournal is an in-memory Journal.
type memJournal struct {
	mu sync.Mutex
	m  map[uint64]JournalEntry
}

func (j *memJournal) Put(e JournalEntry) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.m == nil {
		j.m = map[uint64]JournalEntry{}
	}
	j.m[e.Nonce] = e
	return nil
}
func (j *memJournal) Done(n uint64) error { j.mu.Lock(); delete(j.m, n); j.mu.Unlock(); return nil }
func (j *memJournal) Pending() ([]JournalEntry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []JournalEntry
	for _, e := range j.m {
		out = append(out, e)
	}
	return out, nil
}

// world is a dev chain over HTTP with the Alarm contracts, blocks pumped
// every few milliseconds, and a funded scheduler and executor.
type world struct {
	t        testing.TB
	node     *devchain.Node
	client   *ethclient.Client
	owner    *ecdsa.PrivateKey
	executor *ecdsa.PrivateKey
	alarm    devchain.Alarm
}

func newWorld(t testing.TB) *world {
	t.Helper()
	return newWorldWith(t, nil)
}

// newWorldWith is newWorld with the node's config adjusted by opt, which
// sees the world's keys.
func newWorldWith(t testing.TB, opt func(w *world, c *devchain.NodeConfig)) *world {
	t.Helper()
	owner, _ := crypto.GenerateKey()
	executor, _ := crypto.GenerateKey()
	cfg := devchain.NodeConfig{HTTPAddr: "127.0.0.1:0", Pump: 5 * time.Millisecond, Alloc: devchain.Funded(mul(ether, 1_000_000), owner, executor)}
	if opt != nil {
		opt(&world{owner: owner, executor: executor}, &cfg)
	}
	n, err := devchain.StartNode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, node: n, owner: owner, executor: executor}
	if w.client, err = ethclient.DialContext(t.Context(), n.URL()); err != nil {
		t.Fatal(err)
	}
	if w.alarm, err = devchain.DeployAlarm(t.Context(), w.client, owner); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		w.client.Close()
		n.Close()
	})
	return w
}

type clientHarness struct {
	sys     *actor.ActorSystem
	pids    []*actor.PID
	metrics *Metrics
	reg     *prometheus.Registry
	once    sync.Once
	logs    *logBuffer
}

// logBuffer keeps the client's log for assertions (it is also written to
// the test's output).
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// stop stops the client's actors, then its system (once). Shutdown alone
// does not stop actors in protoactor.
func (h *clientHarness) stop() {
	h.once.Do(func() {
		for _, pid := range h.pids {
			h.sys.Root.PoisonFuture(pid).Wait()
		}
		h.sys.Shutdown()
	})
}

// startClient runs BlockSage, the Scheduler actor and a sender for key,
// with transactions final after testConfirmations blocks.
func (w *world) startClient(key *ecdsa.PrivateKey, roll func() uint64, j Journal) *clientHarness {
	w.t.Helper()
	return w.startClientWith(KeySigner{Key: key}, roll, j)
}

// testConfirmations is the confirmation depth of the test clients: deep
// enough that a reorg test can drop a mined transaction before it is
// final.
const testConfirmations = 3

// clientOption adjusts a test client's sender and Scheduler configs, for
// example to put a fault-injecting wrapper between them and the node.
type clientOption func(*SenderConfig, *SchedulerConfig)

// startClientWith is startClient with any signer.
func (w *world) startClientWith(signer Signer, roll func() uint64, j Journal, opts ...clientOption) *clientHarness {
	w.t.Helper()
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	h := &clientHarness{sys: sys}
	w.t.Cleanup(h.stop)
	h.logs = &logBuffer{}
	logger := slog.New(slog.NewTextHandler(io.MultiWriter(w.t.Output(), h.logs), nil))
	reg := prometheus.NewRegistry()
	m := NewMetrics(reg)
	sc := SenderConfig{Backend: w.client, Signer: signer, Journal: j, Logger: logger.With("logger", "sender"), Metrics: m,
		Poll: 20 * time.Millisecond, ReplaceAfter: 5 * time.Second, Confirmations: testConfirmations}
	cc := SchedulerConfig{Chain: w.client, Scheduler: w.alarm.Scheduler, Executor: signer.Address(), Logger: logger, Metrics: m, Roll: roll}
	for _, o := range opts {
		o(&sc, &cc)
	}
	sender := sys.Root.Spawn(NewSenderProps(sc))
	cc.Sender = sender
	sched := sys.Root.Spawn(NewSchedulerProps(cc))
	bs := sys.Root.Spawn(NewBlockSageProps(BlockSageConfig{Chain: w.client, Poll: 10 * time.Millisecond, Logger: logger.With("logger", "blocksage"), Notify: sched, Metrics: m}))
	h.pids = []*actor.PID{bs, sched, sender}
	h.metrics, h.reg = m, reg
	return h
}

func (w *world) waitCalled(call common.Address) *Call {
	w.t.Helper()
	deadline := time.Now().Add(2 * time.Minute) // hang guard
	for {
		c, err := ReadCall(context.Background(), w.client, call)
		if err == nil && c.Called {
			return c
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("call %s was never executed (last state %+v, %v)", call, c, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestClientClaimsAndExecutes runs the whole client against a chain: it
// finds a scheduled call, claims it in the claim window, and executes it
// in its reserved window.
func TestClientClaimsAndExecutes(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	h := w.startClient(w.executor, func() uint64 { return 0 }, &memJournal{})
	c := w.waitCalled(calls[0])
	me := crypto.PubkeyToAddress(w.executor.PublicKey)
	if c.Claimer != me {
		t.Fatalf("claimer = %s, want the client %s", c.Claimer, me)
	}
	// Wait for the receipt to be processed, then check the metrics.
	deadline := time.Now().Add(time.Minute)
	for testutil.ToFloat64(h.metrics.executions.WithLabelValues("executed")) != 1 {
		if time.Now().After(deadline) {
			t.Fatal("no execution counted")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if got := testutil.ToFloat64(h.metrics.claims.WithLabelValues("claimed")); got != 1 {
		t.Errorf("claims counted %v, want 1", got)
	}
	if testutil.ToFloat64(h.metrics.weiEarned) <= 0 {
		t.Error("no earnings counted")
	}
	bal, _ := w.client.BalanceAt(t.Context(), me, nil)
	if bal.Cmp(mul(ether, 1_000_000)) <= 0 {
		t.Errorf("executor balance %s did not grow", bal)
	}
}
