package alarm

import (
	"context"
	"math/big"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/actord/actord/internal/devchain"
)

type countingTransport struct{ n atomic.Int64 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// scheduleMany schedules n calls with targets from first on, perBlock per
// target block, sending transactions with explicit nonces.
func scheduleMany(b *testing.B, w *world, n int, first uint64, perBlock int, selector string) []common.Address {
	ctx := context.Background()
	var sig [4]byte
	copy(sig[:], crypto.Keccak256([]byte(selector))[:4])
	from := crypto.PubkeyToAddress(w.owner.PublicKey)
	nonce, err := w.client.PendingNonceAt(ctx, from)
	if err != nil {
		b.Fatal(err)
	}
	inst := schedulerABI.Instance(w.client, w.alarm.Scheduler)
	var txs []*types.Transaction
	for i := 0; i < n; i++ {
		opts := bind.NewKeyedTransactor(w.owner, big.NewInt(devchain.ChainID))
		opts.Nonce, opts.Value, opts.GasLimit = new(big.Int).SetUint64(nonce+uint64(i)), mul(ether, 3), 1_800_000
		opts.GasFeeCap, opts.GasTipCap = mul(gwei, 50), gwei
		tx, err := bind.Transact(inst, opts, schedulerABI.PackScheduleCall(w.alarm.TestTarget, sig, new(big.Int).SetUint64(first+uint64(i/perBlock))))
		if err != nil {
			b.Fatal(err)
		}
		txs = append(txs, tx)
	}
	var calls []common.Address
	for _, tx := range txs {
		r, err := devchain.WaitMined(ctx, w.client, tx)
		if err != nil {
			b.Fatal(err)
		}
		if call, ok := devchain.ScheduledCall(r); ok {
			calls = append(calls, call)
		}
	}
	if len(calls) != n {
		b.Fatalf("scheduled %d of %d calls", len(calls), n)
	}
	return calls
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// BenchmarkTrackedCalls measures the client with many tracked calls:
// memory per tracked call, RPC requests per block while no call needs
// action, and blocks from T to execution for calls that come due. Run it
// once: go test -run '^$' -bench TrackedCalls -benchtime 1x ./actors/alarm
// (ACTORD_BENCH_CALLS, default 10000, sets the number of idle calls).
func BenchmarkTrackedCalls(b *testing.B) {
	idle := envInt("ACTORD_BENCH_CALLS", 10000)
	for b.Loop() {
		w := newWorld(b)
		head, _ := w.client.BlockNumber(context.Background())
		// Calls far in the future: tracked, asleep.
		start := time.Now()
		scheduleMany(b, w, idle, head+100_000, 50, "setBool()")
		b.Logf("scheduled %d idle calls in %s", idle, time.Since(start).Round(time.Second))

		counter := &countingTransport{}
		rc, err := rpc.DialOptions(context.Background(), w.node.URL(), rpc.WithHTTPClient(&http.Client{Transport: counter}))
		if err != nil {
			b.Fatal(err)
		}
		counted := ethclient.NewClient(rc)
		direct := w.client
		// The dev node runs in this process and grows as blocks go by;
		// measure that growth over a quiet period and subtract it.
		quiet := heapInUse()
		time.Sleep(2 * time.Second)
		before := heapInUse()
		nodeGrowth := int64(before) - int64(quiet)
		trackStart := time.Now()
		w.client = counted
		h := w.startClient(w.executor, always, &memJournal{})
		w.client = direct
		for deadline := time.Now().Add(5 * time.Minute); testutil.ToFloat64(h.metrics.tracked) < float64(idle); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				b.Fatalf("tracked %v of %d calls", testutil.ToFloat64(h.metrics.tracked), idle)
			}
		}
		// Wait until the first reads of every call are done: the RPC rate
		// falls back to the per-block baseline.
		for deadline := time.Now().Add(10 * time.Minute); ; {
			n0 := counter.n.Load()
			time.Sleep(500 * time.Millisecond)
			if counter.n.Load()-n0 < 300 {
				break
			}
			if time.Now().After(deadline) {
				b.Fatal("the client never settled")
			}
		}
		after := heapInUse()
		elapsed := time.Since(trackStart)
		growth := float64(nodeGrowth) * elapsed.Seconds() / 2
		b.ReportMetric((float64(after)-float64(before)-growth)/float64(idle), "heap-bytes/call")
		b.Logf("tracking %d calls took %s", idle, elapsed.Round(time.Millisecond))

		h0, _ := direct.BlockNumber(context.Background())
		r0 := counter.n.Load()
		w.waitHead(h0 + 200)
		h1, _ := direct.BlockNumber(context.Background())
		r1 := counter.n.Load()
		b.ReportMetric(float64(r1-r0)/float64(h1-h0), "rpc/block-idle")

		// Calls that come due: blocks from T to execution.
		head, _ = direct.BlockNumber(context.Background())
		due := scheduleMany(b, w, 20, head+400, 2, "setBool()")
		var delays []float64
		for _, c := range due {
			call := w.waitCalled(c)
			ex := w.executions(c)
			if len(ex) == 1 {
				delays = append(delays, float64(ex[0].block-call.Target))
			}
		}
		sort.Float64s(delays)
		if len(delays) > 0 {
			b.ReportMetric(delays[len(delays)/2], "blocks-T-to-exec-p50")
			b.ReportMetric(delays[len(delays)-1], "blocks-T-to-exec-max")
		}
		h.stop()
		counted.Close()
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
