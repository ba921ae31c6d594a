package alarm

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/actord/actord/internal/devchain"
)

// step seals blocks one at a time (the pump is paused) until done holds.
func (w *world) step(what string, done func() bool) {
	w.t.Helper()
	for deadline := time.Now().Add(time.Minute); !done(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			w.t.Fatalf("%s never happened", what)
		}
		w.node.Commit()
	}
}

// advance seals blocks (the pump is paused) until the head is n.
func (w *world) advance(n uint64) {
	w.t.Helper()
	for {
		h, err := w.client.BlockNumber(w.t.Context())
		if err != nil {
			w.t.Fatal(err)
		}
		if h >= n {
			return
		}
		w.node.Commit()
	}
}

// sealSent seals a block as soon as from has a transaction waiting in the
// pool (the pump is paused), and one every 50 ms otherwise for a client
// that waits for a later block, until done holds. The block that mines
// the client's transaction is then the head, and nothing is sealed on top
// of it.
func (w *world) sealSent(from common.Address, what string, done func() bool) {
	w.t.Helper()
	last := time.Now()
	for deadline := time.Now().Add(time.Minute); !done(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			w.t.Fatalf("%s never happened", what)
		}
		pending, err1 := w.client.PendingNonceAt(w.t.Context(), from)
		mined, err2 := w.client.NonceAt(w.t.Context(), from, nil)
		if (err1 == nil && err2 == nil && pending > mined) || time.Since(last) > 50*time.Millisecond {
			w.node.Commit()
			last = time.Now()
		}
	}
}

// claimOf returns executor's claim of call, mined in a block from from
// on: the transaction (whichever version was mined) and its block.
func (w *world) claimOf(call, executor common.Address, from uint64) (*types.Transaction, uint64) {
	w.t.Helper()
	head, err := w.client.BlockNumber(w.t.Context())
	if err != nil {
		w.t.Fatal(err)
	}
	logs, err := w.client.FilterLogs(w.t.Context(), filterQuery(call, callABI.GetABI().Events["Claimed"].ID, from, head))
	if err != nil {
		w.t.Fatal(err)
	}
	for i := range logs {
		if ev, err := callABI.UnpackClaimedEvent(&logs[i]); err == nil && ev.Executor == executor {
			tx, _, err := w.client.TransactionByHash(w.t.Context(), logs[i].TxHash)
			if err != nil {
				w.t.Fatal(err)
			}
			return tx, logs[i].BlockNumber
		}
	}
	w.t.Fatalf("no claim of %s by %s in blocks %d-%d", call, executor, from, head)
	return nil, 0
}

func (w *world) called(call common.Address) func() bool {
	return func() bool { c, err := ReadCall(w.t.Context(), w.client, call); return err == nil && c.Called }
}

func (w *world) claimed(call common.Address) func() bool {
	return func() bool { c, err := ReadCall(w.t.Context(), w.client, call); return err == nil && c.Claimed() }
}

// forkBefore makes a sibling of block n's parent the head: block n and
// everything after it leave the canonical chain, and their transactions
// leave the pool too, so they are gone unless someone sends them again.
func (w *world) forkBefore(n uint64) {
	w.t.Helper()
	parent, err := w.client.HeaderByNumber(w.t.Context(), new(big.Int).SetUint64(n-1))
	if err != nil {
		w.t.Fatal(err)
	}
	if err := w.node.Fork(parent.Hash()); err != nil {
		w.t.Fatal(err)
	}
	w.node.DropPending()
}

// sendNow signs and sends a call-contract transaction from key without
// waiting for it (the chain may be paused).
func (w *world) sendNow(key *ecdsa.PrivateKey, call common.Address, data []byte, value *big.Int) *types.Transaction {
	w.t.Helper()
	opts := bind.NewKeyedTransactor(key, big.NewInt(devchain.ChainID))
	opts.Value, opts.GasLimit = value, 600_000
	tx, err := bind.Transact(callABI.Instance(w.client, call), opts, data)
	if err != nil {
		w.t.Fatal(err)
	}
	return tx
}

func (h *clientHarness) events(e string) float64 {
	return testutil.ToFloat64(h.metrics.txEvents.WithLabelValues(e))
}

func (h *clientHarness) executed(outcome string) float64 {
	return testutil.ToFloat64(h.metrics.executions.WithLabelValues(outcome))
}

// viaProxy makes the next client started talk to the node through a
// proxy the test can cut, so that a reorg built in several steps looks
// atomic to it.
func (w *world) viaProxy(t *testing.T) (*proxy, func()) {
	u, _ := url.Parse(w.node.URL())
	px := newProxy(t, u.Host)
	c, err := ethclient.Dial("http://" + px.addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	direct := w.client
	w.client = c
	return px, func() { w.client = direct }
}

// aborts returns the _CallAborted logs of a call by executor.
func (w *world) aborts(call, executor common.Address) int {
	w.t.Helper()
	topic := callABI.GetABI().Events["_CallAborted"].ID
	head, _ := w.client.BlockNumber(w.t.Context())
	logs, err := w.client.FilterLogs(w.t.Context(), filterQuery(call, topic, 0, head))
	if err != nil {
		w.t.Fatal(err)
	}
	n := 0
	for i := range logs {
		if ev, err := callABI.UnpackCallAbortedEvent(&logs[i]); err == nil && ev.Executor == executor {
			n++
		}
	}
	return n
}

// TestReorgDropsExecution: the client's execute() is mined, then a reorg
// drops it before it has its confirmations. The call is still unexecuted
// on the new branch and its window is open, so the client sends the same
// transaction again; it is executed once and reported once.
func TestReorgDropsExecution(t *testing.T) {
	w, call, h, j, px, first := executedThenForked(t)
	w.node.Commit()
	if w.called(call)() {
		t.Fatal("the execution survived the reorg")
	}
	px.up(t)
	waitAtLeast(t, "reorged transactions", func() float64 { return h.events("reorged") }, 1)
	waitAtLeast(t, "resent transactions", func() float64 { return h.events("resent") }, 1)
	w.node.Resume()

	w.waitCalled(call)
	waitAtLeast(t, "executions", func() float64 { return h.executed("executed") }, 1)
	ex := w.executions(call)
	if len(ex) != 1 || ex[0].executor != addrOf(w.executor) {
		t.Fatalf("executions on the new branch %+v, want one by the client", ex)
	}
	if ex[0].block <= first[0].block-1 {
		t.Fatalf("re-executed in block %d, not after the fork point %d", ex[0].block, first[0].block-1)
	}
	if p, _ := j.Pending(); len(p) != 0 {
		t.Errorf("%d transactions left in the journal", len(p))
	}
	// One request, reported once; resent rather than abandoned. (Fee bumps
	// or a resend for want of an answer under load may add events.)
	for e, want := range map[string]float64{"sent": 1, "confirmed": 1, "abandoned": 0} {
		if got := h.events(e); got != want {
			t.Errorf("transaction events %q = %v, want %v", e, got, want)
		}
	}
	if got := h.events("mined"); got < 2 {
		t.Errorf("transaction events \"mined\" = %v, want at least 2 (before and after the reorg)", got)
	}
	if got := h.executed("executed"); got != 1 {
		t.Errorf("%v executions counted, want 1", got)
	}
	if got := h.executed("aborted"); got != 0 {
		t.Errorf("%v aborted executions counted", got)
	}
}

// TestReorgHandsExecutionToAnother: the client's execute() is mined, then
// a reorg replaces its block with one where someone else executed the
// call. The client must not send its execute() again (it would abort and
// burn gas): it abandons it, using the nonce for an empty transfer, and
// counts no execution.
func TestReorgHandsExecutionToAnother(t *testing.T) {
	w, call, h, j, px, _ := executedThenForked(t)
	other := w.sendNow(w.owner, call, callABI.PackExecute(), nil)
	w.node.Commit()
	if r, err := devchain.WaitMined(t.Context(), w.client, other); err != nil || executedEvent(r) == nil {
		t.Fatalf("the other execution: %+v, %v", r, err)
	}
	px.up(t)
	// However late the decision comes (the sender may have resent the
	// execute for want of an answer meanwhile), it is honoured while the
	// execute is not mined: the chain is paused.
	waitAtLeast(t, "abandoned transactions", func() float64 { return h.events("abandoned") }, 1)
	w.node.Resume()

	waitAtLeast(t, "confirmed transactions", func() float64 { return h.events("confirmed") }, 1)
	waitCount(t, "tracked calls", func() float64 { return testutil.ToFloat64(h.metrics.tracked) }, 0)
	ex := w.executions(call)
	if len(ex) != 1 || ex[0].executor != addrOf(w.owner) {
		t.Fatalf("executions %+v, want only the other executor's", ex)
	}
	if n := w.aborts(call, addrOf(w.executor)); n != 0 {
		t.Errorf("the client's execute() was mined again and aborted %d times", n)
	}
	if nonce, _ := w.client.NonceAt(t.Context(), addrOf(w.executor), nil); nonce != 1 {
		t.Errorf("the client's nonce is %d, want 1 (the empty transfer used nonce 0)", nonce)
	}
	for _, o := range []string{"executed", "aborted", "failed"} {
		if got := h.executed(o); got != 0 {
			t.Errorf("executions %q = %v, want 0", o, got)
		}
	}
	if got := h.events("confirmed"); got != 1 {
		t.Errorf("%v transactions confirmed, want 1 (the abandon transfer)", got)
	}
	if p, _ := j.Pending(); len(p) != 0 {
		t.Errorf("%d transactions left in the journal", len(p))
	}
}

// TestReorgDropsClaim: the client's claim is mined, a reorg replaces it
// with another account's claim. The client abandons its claim (a claim of
// a claimed call is refused but costs gas), then executes the call in the
// free-for-all window, as with any claimer that does not execute.
func TestReorgDropsClaim(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	call, _ := ReadCall(t.Context(), w.client, calls[0])
	first, _, _ := call.ClaimWindow()
	px, restore := w.viaProxy(t)
	j := &memJournal{}
	h := w.startClient(w.executor, always, j)
	restore()
	w.node.Pause()
	w.advance(first - 5)
	w.sealSent(addrOf(w.executor), "the claim", w.claimed(calls[0]))
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	_, block := w.claimOf(calls[0], addrOf(w.executor), first-5)

	px.down()
	w.forkBefore(block)
	other := w.sendNow(w.owner, calls[0], callABI.PackClaim(), mul(ether, 2))
	w.node.Commit()
	if _, err := devchain.WaitMined(t.Context(), w.client, other); err != nil {
		t.Fatal(err)
	}
	if c, _ := ReadCall(t.Context(), w.client, calls[0]); c.Claimer != addrOf(w.owner) {
		t.Fatalf("claimer on the new branch %s, want the other account", c.Claimer)
	}
	px.up(t)
	waitAtLeast(t, "abandoned transactions", func() float64 { return h.events("abandoned") }, 1)
	w.node.Resume()

	w.waitCalled(calls[0])
	waitAtLeast(t, "executions", func() float64 { return h.executed("executed") }, 1)
	ex := w.executions(calls[0])
	if len(ex) != 1 || ex[0].executor != addrOf(w.executor) || ex[0].block < call.Target+CallWindowSize {
		t.Fatalf("executions %+v; want one by the client from T+16 (%d)", ex, call.Target+CallWindowSize)
	}
	for _, o := range []string{"claimed", "refused", "failed"} {
		if got := testutil.ToFloat64(h.metrics.claims.WithLabelValues(o)); got != 0 {
			t.Errorf("claims %q = %v, want 0: the only claim was abandoned", o, got)
		}
	}
}

// gatedChain holds the CallActor's next call read, once armed, after it
// has read the call and before its result is back (at its
// SuggestGasPrice), until release is closed: a read in flight while the
// test moves the chain.
type gatedChain struct {
	ClientChain
	armed   atomic.Bool
	reached chan struct{}
	release chan struct{}
}

func (g *gatedChain) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	if g.armed.CompareAndSwap(true, false) {
		close(g.reached)
		select {
		case <-g.release:
		case <-ctx.Done():
		}
	}
	return g.ClientChain.SuggestGasPrice(ctx)
}

// TestReorgStaleReadIsDropped: the client's claim is reorged out and the
// CallActor rereads the call, which is unclaimed on the new branch. Before
// that read is back, the node mines the original claim again (nodes
// re-inject reorged-out transactions) and it becomes final. The read in
// flight describes a chain that is gone: acting on it would send a second
// claim, refused and paid for. It is dropped and the call read again.
func TestReorgStaleReadIsDropped(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	call, _ := ReadCall(t.Context(), w.client, calls[0])
	first, _, _ := call.ClaimWindow()
	gate := &gatedChain{reached: make(chan struct{}), release: make(chan struct{})}
	px, restore := w.viaProxy(t)
	j := &memJournal{}
	h := w.startClientWith(KeySigner{Key: w.executor}, always, j, func(_ *SenderConfig, c *SchedulerConfig) {
		gate.ClientChain, c.Chain = c.Chain, gate
	})
	restore()
	w.node.Pause()
	w.advance(first - 5)
	w.sealSent(addrOf(w.executor), "the claim", w.claimed(calls[0]))
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	claim, block := w.claimOf(calls[0], addrOf(w.executor), first-5)

	gate.armed.Store(true)
	px.down()
	w.forkBefore(block)
	w.node.Commit()
	px.up(t)
	select {
	case <-gate.reached: // the CallActor is rereading the call after the reorg
	case <-time.After(time.Minute):
		t.Fatal("the CallActor never reread the call after the reorg")
	}
	if err := w.client.SendTransaction(t.Context(), claim); err != nil && !isKnown(err) {
		t.Fatal(err)
	}
	claimed := func() float64 { return testutil.ToFloat64(h.metrics.claims.WithLabelValues("claimed")) }
	w.step("the claim's finality", func() bool { return claimed() >= 1 })
	close(gate.release)
	w.node.Resume()

	w.waitCalled(calls[0])
	waitAtLeast(t, "executions", func() float64 { return h.executed("executed") }, 1)
	if got := h.events("sent"); got != 2 {
		t.Errorf("%v transactions sent, want 2: one claim, one execute", got)
	}
	for o, want := range map[string]float64{"claimed": 1, "refused": 0, "failed": 0} {
		if got := testutil.ToFloat64(h.metrics.claims.WithLabelValues(o)); got != want {
			t.Errorf("claims %q = %v, want %v", o, got, want)
		}
	}
}

// faultyBackend is the sender's node with injected failures: receipt
// lookups that fail, or a block header the node cannot find, while every
// other request of the round answers.
type faultyBackend struct {
	TxBackend
	failReceipts atomic.Bool
	lostHeader   atomic.Uint64 // HeaderByNumber at this height answers "not found" (0: none)
	faults       atomic.Int64
}

func (f *faultyBackend) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	if f.failReceipts.Load() {
		f.faults.Add(1)
		return nil, errors.New("injected: 502 Bad Gateway")
	}
	return f.TxBackend.TransactionReceipt(ctx, h)
}

func (f *faultyBackend) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if n != nil && n.Uint64() == f.lostHeader.Load() {
		f.faults.Add(1)
		return nil, ethereum.NotFound
	}
	return f.TxBackend.HeaderByNumber(ctx, n)
}

// TestRPCFailureIsNotAReorg: while the client's execution waits for its
// confirmations, the node fails the receipt lookups, then cannot find the
// header of the receipt's block (a lagging backend). Neither is taken for
// a reorg: nothing is reported, resent or abandoned, and the execution
// becomes final once the node answers again.
func TestRPCFailureIsNotAReorg(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	call, _ := ReadCall(t.Context(), w.client, calls[0])
	fb := &faultyBackend{}
	h := w.startClientWith(KeySigner{Key: w.executor}, never, &memJournal{}, func(s *SenderConfig, _ *SchedulerConfig) {
		fb.TxBackend, s.Backend = s.Backend, fb
	})
	w.node.Pause()
	w.advance(call.Target - 8)
	w.sealSent(addrOf(w.executor), "the execution", w.called(calls[0]))
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	block := w.executions(calls[0])[0].block

	// The receipt's block header is missing; the head is one block later.
	w.node.Commit()
	fb.lostHeader.Store(block)
	n := fb.faults.Load()
	waitFor(t, "checks without the receipt's header", func() bool { return fb.faults.Load() >= n+3 })
	fb.lostHeader.Store(0)
	// Receipt lookups fail, while blocks that would confirm it come.
	fb.failReceipts.Store(true)
	n = fb.faults.Load()
	w.step("failed receipt lookups", func() bool {
		head, err := w.client.BlockNumber(t.Context())
		return err == nil && head >= block+testConfirmations && fb.faults.Load() >= n+3
	})
	if got := h.events("confirmed"); got != 0 {
		t.Fatalf("%v transactions confirmed without a receipt", got)
	}
	fb.failReceipts.Store(false)
	w.node.Resume()

	waitAtLeast(t, "executions", func() float64 { return h.executed("executed") }, 1)
	for e, want := range map[string]float64{"reorged": 0, "resent": 0, "abandoned": 0, "confirmed": 1} {
		if got := h.events(e); got != want {
			t.Errorf("transaction events %q = %v, want %v", e, got, want)
		}
	}
	if strings.Contains(h.logs.String(), "reorged out") {
		t.Error("the client logged a reorg")
	}
}

// executedThenForked schedules one call, lets the client (behind a proxy
// it can be cut off by) execute it in a block the test seals, then cuts
// the client off and forks the chain just before that block. From here
// the test seals every block, so nothing confirms the execution before
// the reorg; the caller builds the new branch, commits it and brings the
// proxy back up.
func executedThenForked(t *testing.T) (w *world, call common.Address, h *clientHarness, j *memJournal, px *proxy, first []*executedAt) {
	w = newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := ReadCall(t.Context(), w.client, calls[0])
	px, restore := w.viaProxy(t)
	j = &memJournal{}
	h = w.startClient(w.executor, never, j)
	restore()
	w.node.Pause()
	w.advance(c.Target - 8)
	w.sealSent(addrOf(w.executor), "the execution", w.called(calls[0]))
	first = w.executions(calls[0])
	if len(first) != 1 || first[0].executor != addrOf(w.executor) {
		t.Fatalf("executions %+v, want one by the client", first)
	}
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	px.down() // the client sees the new branch only once it is complete
	w.forkBefore(first[0].block)
	return w, calls[0], h, j, px, first
}
