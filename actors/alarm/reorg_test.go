package alarm

import (
	"crypto/ecdsa"
	"math/big"
	"net/url"
	"testing"
	"time"

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
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	call, _ := ReadCall(t.Context(), w.client, calls[0])
	j := &memJournal{}
	h := w.startClient(w.executor, never, j)
	w.waitHead(call.Target - 8)
	w.node.Pause()
	w.step("the execution", func() bool { c, err := ReadCall(t.Context(), w.client, calls[0]); return err == nil && c.Called })
	first := w.executions(calls[0])
	if len(first) != 1 || first[0].executor != addrOf(w.executor) {
		t.Fatalf("executions %+v, want one by the client", first)
	}
	waitCount(t, "mined transactions", func() float64 { return h.events("mined") }, 1)

	w.forkBefore(first[0].block)
	w.node.Commit()
	if c, _ := ReadCall(t.Context(), w.client, calls[0]); c.Called {
		t.Fatal("the execution survived the reorg")
	}
	waitCount(t, "reorged transactions", func() float64 { return h.events("reorged") }, 1)
	waitCount(t, "resent transactions", func() float64 { return h.events("resent") }, 1)
	w.node.Resume()

	w.waitCalled(calls[0])
	waitCount(t, "executions", func() float64 { return h.executed("executed") }, 1)
	ex := w.executions(calls[0])
	if len(ex) != 1 || ex[0].executor != addrOf(w.executor) {
		t.Fatalf("executions on the new branch %+v, want one by the client", ex)
	}
	if ex[0].block <= first[0].block-1 {
		t.Fatalf("re-executed in block %d, not after the fork point %d", ex[0].block, first[0].block-1)
	}
	if p, _ := j.Pending(); len(p) != 0 {
		t.Errorf("%d transactions left in the journal", len(p))
	}
	for e, want := range map[string]float64{"sent": 1, "mined": 2, "reorged": 1, "resent": 1, "confirmed": 1, "abandoned": 0} {
		if got := h.events(e); got != want {
			t.Errorf("transaction events %q = %v, want %v", e, got, want)
		}
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
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	call, _ := ReadCall(t.Context(), w.client, calls[0])
	px, restore := w.viaProxy(t)
	j := &memJournal{}
	h := w.startClient(w.executor, never, j)
	restore()
	w.waitHead(call.Target - 8)
	w.node.Pause()
	w.step("the execution", func() bool { c, err := ReadCall(t.Context(), w.client, calls[0]); return err == nil && c.Called })
	first := w.executions(calls[0])
	if len(first) != 1 || first[0].executor != addrOf(w.executor) {
		t.Fatalf("executions %+v, want one by the client", first)
	}
	waitCount(t, "mined transactions", func() float64 { return h.events("mined") }, 1)

	// The client sees the new branch only once it is complete.
	px.down()
	w.forkBefore(first[0].block)
	other := w.sendNow(w.owner, calls[0], callABI.PackExecute(), nil)
	w.node.Commit()
	if r, err := devchain.WaitMined(t.Context(), w.client, other); err != nil || executedEvent(r) == nil {
		t.Fatalf("the other execution: %+v, %v", r, err)
	}
	px.up(t)
	waitCount(t, "abandoned transactions", func() float64 { return h.events("abandoned") }, 1)
	w.node.Resume()

	waitCount(t, "confirmed transactions", func() float64 { return h.events("confirmed") }, 1)
	waitCount(t, "tracked calls", func() float64 { return testutil.ToFloat64(h.metrics.tracked) }, 0)
	ex := w.executions(calls[0])
	if len(ex) != 1 || ex[0].executor != addrOf(w.owner) {
		t.Fatalf("executions %+v, want only the other executor's", ex)
	}
	if n := w.aborts(calls[0], addrOf(w.executor)); n != 0 {
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
	h := w.startClient(w.executor, always, &memJournal{})
	restore()
	w.waitHead(first - 5)
	w.node.Pause()
	w.step("the claim", func() bool { c, err := ReadCall(t.Context(), w.client, calls[0]); return err == nil && c.Claimed() })
	waitCount(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	head, _ := w.client.BlockNumber(t.Context())

	px.down()
	w.forkBefore(head)
	other := w.sendNow(w.owner, calls[0], callABI.PackClaim(), mul(ether, 2))
	w.node.Commit()
	if _, err := devchain.WaitMined(t.Context(), w.client, other); err != nil {
		t.Fatal(err)
	}
	if c, _ := ReadCall(t.Context(), w.client, calls[0]); c.Claimer != addrOf(w.owner) {
		t.Fatalf("claimer on the new branch %s, want the other account", c.Claimer)
	}
	px.up(t)
	waitCount(t, "abandoned transactions", func() float64 { return h.events("abandoned") }, 1)
	w.node.Resume()

	w.waitCalled(calls[0])
	waitCount(t, "executions", func() float64 { return h.executed("executed") }, 1)
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
