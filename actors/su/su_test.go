package su

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/pgtest"
	"github.com/actord/actord/internal/schedule"
	"github.com/actord/actord/store/pebblestore"
	"github.com/actord/actord/store/pgstore"
	"github.com/actord/actord/store/storetest"
)

var (
	keyOnce sync.Once
	signer  *ans104.RSASigner
)

func testSigner(t testing.TB) *ans104.RSASigner {
	keyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 4096)
		if err != nil {
			panic(err)
		}
		signer, _ = ans104.NewRSASigner(k)
	})
	return signer
}

type harness struct {
	t      *testing.T
	sys    *actor.ActorSystem
	store  storetest.Store
	facade *Facade
	pid    *actor.PID
	cfg    Config
}

// stores are the backends every test runs against.
var stores = map[string]func(t *testing.T) storetest.Store{
	"pebble": func(t *testing.T) storetest.Store {
		s, err := pebblestore.Open("", pebblestore.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	},
	"postgres": func(t *testing.T) storetest.Store {
		s, err := pgstore.Open(context.Background(), pgstore.Options{WriterURL: pgtest.Database(t)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	},
}

// eachStore runs f once per backend.
func eachStore(t *testing.T, f func(t *testing.T, open func(t *testing.T) storetest.Store)) {
	for name, open := range stores {
		t.Run(name, func(t *testing.T) { f(t, open) })
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

func newHarness(t *testing.T, ps storetest.Store, store Store, mutate ...func(*Config)) *harness {
	t.Helper()
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	t.Cleanup(sys.Shutdown)
	if store == nil {
		store = ps
	}
	cfg := Config{Store: store, Signer: testSigner(t), Logger: slog.New(slog.NewTextHandler(t.Output(), nil)), Metrics: prometheus.NewRegistry()}
	for _, f := range mutate {
		f(&cfg)
	}
	pid := sys.Root.Spawn(NewSupervisorProps(cfg))
	h := &harness{t: t, sys: sys, store: ps, facade: NewFacade(sys.Root, pid), pid: pid, cfg: cfg}
	sys.Root.Send(pid, &HeightUpdate{Height: 1522898})
	return h
}

var itemCounter atomic.Int64

// item builds a signed item; ed25519 keeps the tests fast (the SU only
// cares that incoming items verify).
func item(t testing.TB, target []byte, typ string) (*ans104.Item, []byte) {
	tags := []ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Type", Value: typ}, {Name: "Seq", Value: fmt.Sprint(itemCounter.Add(1))}}
	it, err := ans104.New(target, nil, tags, []byte("data"))
	if err != nil {
		t.Fatal(err)
	}
	if err := it.Sign(testSigner(t)); err != nil {
		t.Fatal(err)
	}
	raw := it.Bytes()
	parsed, err := ans104.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return parsed, raw
}

func (h *harness) spawn() (schedule.ID, schedule.Written) {
	h.t.Helper()
	it, raw := item(h.t, nil, "Process")
	w, err := h.facade.Spawn(h.t.Context(), it, raw)
	if err != nil {
		h.t.Fatalf("Spawn: %v", err)
	}
	return it.RawID(), w
}

func (h *harness) send(pid schedule.ID) (schedule.Written, error) {
	it, raw := item(h.t, pid[:], "Message")
	return h.facade.Send(h.t.Context(), it, raw)
}

// checkChain verifies nonces 0..n-1, the hash chain, signatures and
// strictly increasing timestamps of a process in the store.
func checkChain(t *testing.T, s Store, pid schedule.ID, n int) {
	t.Helper()
	var prev *schedule.Entry
	for i := 0; i < n; i++ {
		e, err := s.Entry(pid, uint64(i))
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		asg, err := ans104.Parse(e.Assignment)
		if err != nil || asg.Verify() != nil || asg.RawID() != e.AssignmentID {
			t.Fatalf("entry %d: bad assignment: %v", i, err)
		}
		f, err := schedule.ReadAssignment(asg)
		if err != nil || f.Nonce != uint64(i) || f.Timestamp != e.Timestamp {
			t.Fatalf("entry %d: assignment tags %+v %v", i, f, err)
		}
		want := schedule.FirstHashChain(pid)
		if prev != nil {
			want = schedule.NextHashChain(prev.HashChain, prev.AssignmentID)
			if e.Timestamp <= prev.Timestamp {
				t.Fatalf("entry %d: timestamp %d not after %d", i, e.Timestamp, prev.Timestamp)
			}
		}
		if e.HashChain != want || f.HashChain != ans104.Encode(want[:]) {
			t.Fatalf("entry %d: hash chain mismatch", i)
		}
		prev = e
	}
	if _, err := s.Entry(pid, uint64(n)); !errors.Is(err, schedule.ErrNotFound) {
		t.Fatalf("entry %d exists, want exactly %d entries (%v)", n, n, err)
	}
}

func TestSequencing(t *testing.T) { eachStore(t, testSequencing) }

func testSequencing(t *testing.T, open func(*testing.T) storetest.Store) {
	frozen := time.UnixMilli(1_700_000_000_000)
	h := newHarness(t, open(t), nil, func(c *Config) { c.Now = func() time.Time { return frozen } })
	pid, w := h.spawn()
	if w.Nonce != 0 || w.ID != ans104.Encode(pid[:]) || w.Existing {
		t.Fatalf("spawn = %+v", w)
	}
	for i := 1; i <= 5; i++ {
		w, err := h.send(pid)
		if err != nil || w.Nonce != uint64(i) {
			t.Fatalf("message %d = %+v, %v", i, w, err)
		}
	}
	w, err := h.facade.Assign(t.Context(), pid, schedule.ID{7}, []string{"Data"})
	if err != nil || w.Nonce != 6 {
		t.Fatalf("assign = %+v %v", w, err)
	}
	e, _ := h.store.Entry(pid, 6)
	if asg, _ := ans104.Parse(e.Assignment); asg.ID() != w.ID {
		t.Fatalf("assign answered %s, want the assignment id %s", w.ID, asg.ID())
	}
	// A frozen clock still gives strictly increasing timestamps.
	checkChain(t, h.store, pid, 7)
}

func TestSpawnIsIdempotent(t *testing.T) { eachStore(t, testSpawnIsIdempotent) }

func testSpawnIsIdempotent(t *testing.T, open func(*testing.T) storetest.Store) {
	h := newHarness(t, open(t), nil)
	it, raw := item(t, nil, "Process")
	first, err := h.facade.Spawn(t.Context(), it, raw)
	if err != nil {
		t.Fatal(err)
	}
	again, err := h.facade.Spawn(t.Context(), it, raw)
	if err != nil || !again.Existing || again.ID != first.ID || again.Timestamp != first.Timestamp {
		t.Fatalf("second spawn = %+v %v, want the existing process", again, err)
	}
	pid := it.RawID()
	if w, err := h.send(pid); err != nil || w.Nonce != 1 {
		t.Fatalf("message after a repeated spawn = %+v %v; want nonce 1 (no phantom assignment)", w, err)
	}
	checkChain(t, h.store, pid, 2)
}

func TestRejectionsUseNoNonce(t *testing.T) { eachStore(t, testRejectionsUseNoNonce) }

func testRejectionsUseNoNonce(t *testing.T, open func(*testing.T) storetest.Store) {
	h := newHarness(t, open(t), nil)
	pid, _ := h.spawn()
	if _, err := h.send(schedule.ID{1, 2, 3}); !errors.Is(err, schedule.ErrUnknownProcess) {
		t.Fatalf("message to an unknown process = %v", err)
	}
	if _, err := h.facade.Assign(t.Context(), schedule.ID{9}, schedule.ID{8}, nil); !errors.Is(err, schedule.ErrUnknownProcess) {
		t.Fatalf("assign to an unknown process = %v", err)
	}
	it, raw := item(t, pid[:], "Message")
	if _, err := h.facade.Send(t.Context(), it, raw); err != nil {
		t.Fatal(err)
	}
	if _, err := h.facade.Send(t.Context(), it, raw); !errors.Is(err, schedule.ErrDuplicate) {
		t.Fatalf("repeated message = %v, want ErrDuplicate", err)
	}
	noTarget, raw2 := item(t, nil, "Message")
	if _, err := h.facade.Send(t.Context(), noTarget, raw2); !errors.Is(err, schedule.ErrInvalid) {
		t.Fatalf("message without target = %v", err)
	}
	if w, err := h.send(pid); err != nil || w.Nonce != 2 {
		t.Fatalf("next message = %+v %v, want nonce 2", w, err)
	}
	checkChain(t, h.store, pid, 3)
}

func TestHeightRequiredAndRemembered(t *testing.T) { eachStore(t, testHeightRequiredAndRemembered) }

func testHeightRequiredAndRemembered(t *testing.T, open func(*testing.T) storetest.Store) {
	store := open(t)
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	defer sys.Shutdown()
	cfg := Config{Store: store, Signer: testSigner(t), Logger: slog.New(slog.NewTextHandler(t.Output(), nil)), Metrics: prometheus.NewRegistry()}
	pid := sys.Root.Spawn(NewSupervisorProps(cfg))
	f := NewFacade(sys.Root, pid)
	it, raw := item(t, nil, "Process")
	if _, err := f.Spawn(t.Context(), it, raw); !errors.Is(err, schedule.ErrUnavailable) {
		t.Fatalf("spawn before any height = %v, want ErrUnavailable", err)
	}
	sys.Root.Send(pid, &HeightUpdate{Height: 42})
	if w, err := f.Spawn(t.Context(), it, raw); err != nil || w.Nonce != 0 {
		t.Fatalf("spawn after the height = %+v %v", w, err)
	}
	// A new supervisor (a restart) starts from the saved height.
	deadline := time.Now().Add(5 * time.Second)
	for {
		if v, err := store.Meta(metaHeight); err == nil && string(v) == "42" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("height was not saved")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cfg.Metrics = prometheus.NewRegistry()
	f2 := NewFacade(sys.Root, sys.Root.Spawn(NewSupervisorProps(cfg)))
	if h, ok, err := f2.Height(t.Context()); err != nil || !ok || h != 42 {
		t.Fatalf("restarted height = %d %v %v", h, ok, err)
	}
	e, _ := store.Entry(it.RawID(), 0)
	asg, _ := ans104.Parse(e.Assignment)
	if v, _ := asg.Tag("Block-Height"); v != "000000000042" {
		t.Fatalf("Block-Height = %s", v)
	}
}

// TestConcurrentWritesGapFree hammers one process and several others from
// many goroutines, with sequencers stopping when idle in between.
func TestConcurrentWritesGapFree(t *testing.T) { eachStore(t, testConcurrentWritesGapFree) }

func testConcurrentWritesGapFree(t *testing.T, open func(*testing.T) storetest.Store) {
	h := newHarness(t, open(t), nil, func(c *Config) { c.IdleTimeout = 5 * time.Millisecond })
	const procs, writers, perWriter = 3, 8, 6
	pids := make([]schedule.ID, procs)
	for i := range pids {
		pids[i], _ = h.spawn()
	}
	var wg sync.WaitGroup
	errs := make(chan error, procs*writers*perWriter)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				if _, err := h.send(pids[(w+i)%procs]); err != nil {
					errs <- err
				}
				if i%2 == 0 {
					time.Sleep(7 * time.Millisecond) // let sequencers go idle
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("write failed: %v", err)
	}
	total := 0
	for _, p := range pids {
		head, _, _ := h.store.Head(p)
		total += int(head.Nonce)
		checkChain(t, h.store, p, int(head.Nonce)+1)
	}
	if total != writers*perWriter {
		t.Fatalf("%d messages scheduled, want %d", total, writers*perWriter)
	}
}

// panicky makes Append panic once, to exercise supervision.
type panicky struct {
	Store
	armed atomic.Bool
}

func (p *panicky) Append(e *schedule.Entry) error {
	if p.armed.CompareAndSwap(true, false) {
		panic("disk controller on fire")
	}
	return p.Store.Append(e)
}

func TestSequencerRestartsFromStore(t *testing.T) { eachStore(t, testSequencerRestartsFromStore) }

func testSequencerRestartsFromStore(t *testing.T, open func(*testing.T) storetest.Store) {
	ps := open(t)
	store := &panicky{Store: ps}
	h := newHarness(t, ps, store)
	pid, _ := h.spawn()
	if _, err := h.send(pid); err != nil {
		t.Fatal(err)
	}
	store.armed.Store(true)
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	it, raw := item(t, pid[:], "Message")
	if _, err := h.facade.Send(ctx, it, raw); !errors.Is(err, schedule.ErrUnavailable) {
		t.Fatalf("write during the panic = %v, want ErrUnavailable", err)
	}
	for i := 2; i <= 4; i++ {
		if w, err := h.send(pid); err != nil || w.Nonce != uint64(i) {
			t.Fatalf("write %d after restart = %+v %v", i, w, err)
		}
	}
	checkChain(t, ps, pid, 5)
}

// TestHeadMovedBehindTheActor appends to the store directly, as a second
// writer would; the sequencer must notice, reload and continue after it.
func TestHeadMovedBehindTheActor(t *testing.T) { eachStore(t, testHeadMovedBehindTheActor) }

func testHeadMovedBehindTheActor(t *testing.T, open func(*testing.T) storetest.Store) {
	h := newHarness(t, open(t), nil, func(c *Config) { c.IdleTimeout = time.Hour })
	pid, _ := h.spawn()
	if _, err := h.send(pid); err != nil {
		t.Fatal(err)
	}
	head, _, _ := h.store.Head(pid)
	a := schedule.Assignment{Process: pid, Nonce: 2, HashChain: schedule.NextHashChain(head.HashChain, head.AssignmentID), BlockHeight: 1, Timestamp: head.Timestamp + 1, Message: &schedule.ID{5}}
	asg, err := a.Sign(testSigner(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := h.store.Append(&schedule.Entry{Process: pid, Nonce: 2, Timestamp: a.Timestamp, Kind: schedule.KindAssign, HashChain: a.HashChain, AssignmentID: asg.RawID(), MessageID: schedule.ID{5}, Assignment: asg.Bytes()}); err != nil {
		t.Fatal(err)
	}
	if w, err := h.send(pid); err != nil || w.Nonce != 3 {
		t.Fatalf("write after a foreign append = %+v %v, want nonce 3", w, err)
	}
	checkChain(t, h.store, pid, 4)
}
