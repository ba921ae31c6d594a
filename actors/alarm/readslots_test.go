package alarm

import (
	"bytes"
	"context"
	"log/slog"
	"math/big"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestReadSlotsOrder(t *testing.T) {
	pid := func(id string) *actor.PID { return &actor.PID{Id: id} }
	r := newReadSlots(2)
	for _, w := range []struct {
		id   string
		prio uint64
	}{{"late", 900}, {"soon", 100}, {"soon-too", 100}, {"mid", 500}} {
		r.wait(pid(w.id), w.prio)
	}
	ids := func(ps []*actor.PID) (out []string) {
		for _, p := range ps {
			out = append(out, p.Id)
		}
		return out
	}
	if got := ids(r.grant()); len(got) != 2 || got[0] != "soon" || got[1] != "soon-too" {
		t.Fatalf("first grants = %v, want [soon soon-too] (priority, then arrival)", got)
	}
	if got := r.grant(); len(got) != 0 {
		t.Fatalf("granted %v beyond the limit", ids(got))
	}
	r.done(pid("soon"))
	if got := ids(r.grant()); len(got) != 1 || got[0] != "mid" {
		t.Fatalf("grant after a slot came back = %v, want [mid]", got)
	}
	// A CallActor that stops gives back its slots and its place in line;
	// a late readDone from its goroutine is not counted twice.
	r.forget(pid("soon-too"))
	r.done(pid("soon-too"))
	if r.inUse != 1 {
		t.Fatalf("slots in use = %d, want 1", r.inUse)
	}
	if got := ids(r.grant()); len(got) != 1 || got[0] != "late" || r.waiting() != 0 {
		t.Fatalf("grant = %v (waiting %d), want [late]", got, r.waiting())
	}
}

// fakeIndex is a Scheduler and its calls answered from memory. The index
// lists calls in walk order (not sorted by target, unlike the real
// contract), and every call read blocks until release is closed.
type fakeIndex struct {
	ClientChain // unused methods panic
	scheduler   common.Address
	walk        []common.Address
	target      map[common.Address]uint64
	release     chan struct{}

	mu    sync.Mutex
	reads []common.Address
}

func word(b []byte) []byte { return common.LeftPadBytes(b, 32) }

func (f *fakeIndex) CallContract(ctx context.Context, msg ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	sel := string(msg.Data[:4])
	if *msg.To == f.scheduler {
		switch sel {
		case string(schedulerABI.PackGetNextCall(new(big.Int))[:4]):
			return word(f.walk[0].Bytes()), nil
		case string(schedulerABI.PackGetNextCallSibling(common.Address{})[:4]):
			prev := common.BytesToAddress(msg.Data[4:])
			for i, a := range f.walk[:len(f.walk)-1] {
				if a == prev {
					return word(f.walk[i+1].Bytes()), nil
				}
			}
			return word(nil), nil
		}
	}
	switch sel {
	case string(callABI.PackTargetBlock()):
		return word(new(big.Int).SetUint64(f.target[*msg.To]).Bytes()), nil
	case string(callABI.PackGracePeriod()):
		// ReadCall asks for this right after targetBlock: one per read.
		f.mu.Lock()
		f.reads = append(f.reads, *msg.To)
		f.mu.Unlock()
		select {
		case <-f.release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return word([]byte{255}), nil
	case string(callABI.PackBasePayment()), string(callABI.PackBaseFee()):
		return word(big.NewInt(1e17).Bytes()), nil
	case string(callABI.PackAnchorGasPrice()):
		return word(big.NewInt(1e9).Bytes()), nil
	}
	return word(nil), nil // zero: suggestedGas, claimer, claimAmount, deposit, isCancelled, wasCalled
}

func (f *fakeIndex) BlockNumber(context.Context) (uint64, error) { return 1000, nil }
func (f *fakeIndex) SuggestGasPrice(context.Context) (*big.Int, error) {
	return big.NewInt(1e9), nil
}
func (f *fakeIndex) BalanceAt(context.Context, common.Address, *big.Int) (*big.Int, error) {
	return mul(ether, 3), nil
}

func (f *fakeIndex) readOrder() []common.Address {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]common.Address(nil), f.reads...)
}

// TestReadsByDeadline: with a backlog of calls found at start and one
// read slot, reads are granted earliest target block first, whatever the
// order the calls were found in.
func TestReadsByDeadline(t *testing.T) {
	seed := rand.Uint64()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	const n = 40
	f := &fakeIndex{scheduler: common.Address{0xa1}, target: map[common.Address]uint64{}, release: make(chan struct{})}
	for i, p := range rng.Perm(n) {
		a := common.BytesToAddress([]byte{0xca, byte(i + 1)})
		f.walk = append(f.walk, a)
		f.target[a] = 5000 + uint64(p)*10 // far ahead: after its read each call sleeps
	}
	m := NewMetrics(prometheus.NewRegistry())
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	sched := sys.Root.Spawn(NewSchedulerProps(SchedulerConfig{
		Chain: f, Scheduler: f.scheduler, Logger: slog.New(slog.NewTextHandler(t.Output(), nil)), Metrics: m, ReadConcurrency: 1,
	}))
	defer func() {
		sys.Root.PoisonFuture(sched).Wait()
		sys.Shutdown()
	}()
	sys.Root.Send(sched, &Head{Number: 1000})

	// One call holds the only slot (its read is blocked); once every other
	// call waits in line, let the reads through.
	waitCount(t, "reads waiting", func() float64 { return testutil.ToFloat64(m.reads) }, n-1)
	close(f.release)
	for deadline := time.Now().Add(time.Minute); len(f.readOrder()) < n; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d calls read", len(f.readOrder()), n)
		}
	}
	order := f.readOrder()
	for i := 2; i < n; i++ {
		if f.target[order[i]] < f.target[order[i-1]] {
			var targets bytes.Buffer
			for _, a := range order {
				targets.WriteString(" " + itoa(f.target[a]))
			}
			t.Fatalf("read %d has target %d after target %d; targets in read order:%s", i, f.target[order[i]], f.target[order[i-1]], targets.String())
		}
	}
}
