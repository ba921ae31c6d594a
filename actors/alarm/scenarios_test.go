package alarm

import (
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/actord/actord/internal/devchain"
)

func never() uint64  { return 255 } // a roll nobody beats: never claims
func always() uint64 { return 0 }

// transact sends a call-contract transaction from key and waits for it.
func (w *world) transact(key *ecdsa.PrivateKey, call common.Address, data []byte, value *big.Int) *types.Receipt {
	w.t.Helper()
	opts := bind.NewKeyedTransactor(key, big.NewInt(devchain.ChainID))
	opts.Value, opts.GasLimit = value, 600_000
	tx, err := bind.Transact(callABI.Instance(w.client, call), opts, data)
	if err != nil {
		w.t.Fatal(err)
	}
	r, err := devchain.WaitMined(w.t.Context(), w.client, tx)
	if err != nil {
		w.t.Fatal(err)
	}
	return r
}

func (w *world) waitHead(n uint64) {
	w.t.Helper()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(5 * time.Millisecond) {
		if h, err := w.client.BlockNumber(w.t.Context()); err == nil && h >= n {
			return
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("the chain never reached block %d", n)
		}
	}
}

// executions returns the CallExecuted logs of a call.
func (w *world) executions(call common.Address) []*executedAt {
	w.t.Helper()
	topic := callABI.GetABI().Events["CallExecuted"].ID
	c, err := ReadCall(w.t.Context(), w.client, call)
	if err != nil {
		w.t.Fatal(err)
	}
	// Executions happen in [T, T+G]: a bounded range keeps eth_getLogs cheap.
	head, err := w.client.BlockNumber(w.t.Context())
	if err != nil {
		w.t.Fatal(err)
	}
	logs, err := w.client.FilterLogs(w.t.Context(), filterQuery(call, topic, c.Target, min(c.Last(), head)))
	if err != nil {
		w.t.Fatal(err)
	}
	var out []*executedAt
	for i := range logs {
		if ev, err := callABI.UnpackCallExecutedEvent(&logs[i]); err == nil {
			out = append(out, &executedAt{executor: ev.Executor, block: logs[i].BlockNumber, success: ev.Success})
		}
	}
	return out
}

type executedAt struct {
	executor common.Address
	block    uint64
	success  bool
}

func waitCount(t testing.TB, what string, get func() float64, want float64) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); get() != want; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s = %v, want %v", what, get(), want)
		}
	}
}

// waitAtLeast waits until get() >= want: for counters that extra work
// (a fee bump under load, a resend for want of an answer) may push
// higher without anything being wrong.
func waitAtLeast(t testing.TB, what string, get func() float64, want float64) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); get() < want; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s = %v, want at least %v", what, get(), want)
		}
	}
}

// waitFor waits until done holds.
func waitFor(t testing.TB, what string, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !done(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s never happened", what)
		}
	}
}

func addrOf(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// TestCompetingExecutors: two clients race for one call. One claims and
// executes; the other's claim is refused and it never executes.
func TestCompetingExecutors(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	a := w.startClient(w.executor, always, &memJournal{})
	b := w.startClient(w.owner, always, &memJournal{})
	w.waitCalled(calls[0])
	ex := w.executions(calls[0])
	if len(ex) != 1 {
		t.Fatalf("%d executions, want exactly 1", len(ex))
	}
	winner, loser := a, b
	if ex[0].executor == addrOf(w.owner) {
		winner, loser = b, a
	}
	waitCount(t, "winner executions", func() float64 { return testutil.ToFloat64(winner.metrics.executions.WithLabelValues("executed")) }, 1)
	if got := testutil.ToFloat64(loser.metrics.executions.WithLabelValues("executed")); got != 0 {
		t.Errorf("the losing client counted %v executions", got)
	}
	if claimed := testutil.ToFloat64(a.metrics.claims.WithLabelValues("claimed")) + testutil.ToFloat64(b.metrics.claims.WithLabelValues("claimed")); claimed != 1 {
		t.Errorf("%v successful claims between the two clients, want 1", claimed)
	}
}

// TestFreeForAllAfterAnotherClaimer: someone else claims and never
// executes; the client executes from T+16, not before.
func TestFreeForAllAfterAnotherClaimer(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := ReadCall(t.Context(), w.client, calls[0])
	w.waitHead(c.Target - 200)
	w.transact(w.owner, calls[0], callABI.PackClaim(), mul(ether, 2))
	h := w.startClient(w.executor, never, &memJournal{})
	w.waitCalled(calls[0])
	ex := w.executions(calls[0])
	if len(ex) != 1 || ex[0].executor != addrOf(w.executor) || ex[0].block < c.Target+CallWindowSize {
		t.Fatalf("executions %+v; want one by the client at or after T+16 (%d)", ex, c.Target+CallWindowSize)
	}
	waitCount(t, "executions", func() float64 { return testutil.ToFloat64(h.metrics.executions.WithLabelValues("executed")) }, 1)
}

// TestCancelledCallIsLeftAlone: a call its scheduler cancels before the
// claim window is dropped without any transaction.
func TestCancelledCallIsLeftAlone(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 600, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r := w.transact(w.owner, calls[0], callABI.PackCancel(), nil); r.Status != 1 {
		t.Fatal("cancel failed")
	}
	h := w.startClient(w.executor, always, &memJournal{})
	c, _ := ReadCall(t.Context(), w.client, calls[0])
	w.waitHead(c.Target + 20)
	time.Sleep(100 * time.Millisecond)
	if spent := testutil.ToFloat64(h.metrics.weiSpent); spent != 0 {
		t.Fatalf("the client spent %v wei on a cancelled call", spent)
	}
	if n := testutil.ToFloat64(h.metrics.tracked); n != 0 {
		t.Fatalf("%v calls still tracked", n)
	}
}

// TestLoopingTarget: a target that never returns still ends in a mined
// CallExecuted with success=false, and the client is reimbursed.
func TestLoopingTarget(t *testing.T) {
	w := newWorld(t)
	head, _ := w.client.BlockNumber(t.Context())
	var sig [4]byte
	copy(sig[:], crypto.Keccak256([]byte("loopForever()"))[:4])
	opts := bind.NewKeyedTransactor(w.owner, big.NewInt(devchain.ChainID))
	opts.Value, opts.GasLimit = mul(ether, 3), 3_000_000
	call, err := devchain.Schedule(t.Context(), w.client, w.alarm.Scheduler, opts, schedulerABI.PackScheduleCall0(w.alarm.TestTarget, sig, new(big.Int).SetUint64(head+400), big.NewInt(100_000), 255))
	if err != nil {
		t.Fatal(err)
	}
	h := w.startClient(w.executor, always, &memJournal{})
	w.waitCalled(call)
	ex := w.executions(call)
	if len(ex) != 1 || ex[0].success {
		t.Fatalf("executions %+v, want one with success=false", ex)
	}
	waitCount(t, "executions", func() float64 { return testutil.ToFloat64(h.metrics.executions.WithLabelValues("executed")) }, 1)
}

// sealUntilInPool seals a block every 50 ms (the pump is paused) until
// from has n transactions sent, the last of them waiting in the pool,
// unmined.
func (w *world) sealUntilInPool(from common.Address, n uint64, what string) {
	w.t.Helper()
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		pending, err := w.client.PendingNonceAt(w.t.Context(), from)
		if err == nil && pending >= n {
			if mined, err := w.client.NonceAt(w.t.Context(), from, nil); err == nil && mined < pending {
				return
			}
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("%s was never sent", what)
		}
		w.node.Commit()
	}
}

// restartInFlight stops h while its latest transaction (the n-th of the
// account) is in the pool, unmined, and starts a client on the same
// journal. It returns once the new client's CallActor knows about the
// transaction (it adopted it from the sender), or once the account sent
// another transaction (the bug: a second claim or execute).
func (w *world) restartInFlight(h *clientHarness, j *memJournal, n uint64) *clientHarness {
	w.t.Helper()
	h.stop()
	if p, _ := j.Pending(); len(p) != 1 {
		w.t.Fatalf("%d transactions in the journal at the restart, want 1", len(p))
	}
	next := w.startClient(w.executor, always, j)
	sent := func() uint64 {
		pending, err := w.client.PendingNonceAt(w.t.Context(), addrOf(w.executor))
		if err != nil {
			w.t.Fatal(err)
		}
		return pending
	}
	waitFor(w.t, "the restarted client to read the call, or to send another transaction", func() bool {
		return strings.Contains(next.logs.String(), "Waiting for our transaction in flight to be final") || sent() > n
	})
	if got := sent(); got != n {
		w.t.Fatalf("the restarted client sent another transaction (%d sent, want %d) while its own was in flight", got, n)
	}
	return next
}

// TestRestartBetweenClaimAndExecution restarts the client three times
// with the same key and journal: while its claim is in the pool (sent,
// not mined), after the claim is final, and while its execute is in the
// pool. Each restarted client adopts the transaction in flight instead of
// sending another: the account sends exactly one claim and one execute,
// each outcome is counted once, and the journal ends empty.
func TestRestartBetweenClaimAndExecution(t *testing.T) {
	w := newWorld(t)
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.node.Pause()
	call, _ := ReadCall(t.Context(), w.client, calls[0])
	first, _, _ := call.ClaimWindow()
	me := addrOf(w.executor)
	j := &memJournal{}
	var clients []*clientHarness
	claimed := func(o string) float64 {
		n := 0.0
		for _, c := range clients {
			n += testutil.ToFloat64(c.metrics.claims.WithLabelValues(o))
		}
		return n
	}
	executed := func(o string) float64 {
		n := 0.0
		for _, c := range clients {
			n += c.executed(o)
		}
		return n
	}

	// 1. Restart while the claim is in the pool.
	clients = append(clients, w.startClient(w.executor, always, j))
	w.advance(first - 5)
	w.sealUntilInPool(me, 1, "the claim")
	clients = append(clients, w.restartInFlight(clients[0], j, 1))
	w.node.Resume()
	waitCount(t, "claims", func() float64 { return claimed("claimed") }, 1)

	// 2. Restart after the claim is final (nothing in flight).
	w.node.Pause()
	clients[1].stop()
	clients = append(clients, w.startClient(w.executor, always, j))

	// 3. Restart while the execute is in the pool.
	w.advance(call.Target - 1)
	w.sealUntilInPool(me, 2, "the execute")
	clients = append(clients, w.restartInFlight(clients[2], j, 2))
	w.node.Resume()

	w.waitCalled(calls[0])
	ex := w.executions(calls[0])
	if len(ex) != 1 || ex[0].executor != me {
		t.Fatalf("executions %+v, want one by the client", ex)
	}
	waitCount(t, "executions", func() float64 { return executed("executed") }, 1)
	waitFor(t, "the journal to empty", func() bool { p, _ := j.Pending(); return len(p) == 0 })
	if n, err := w.client.NonceAt(t.Context(), me, nil); err != nil || n != 2 {
		t.Errorf("the account sent %d transactions (%v), want 2: one claim and one execute", n, err)
	}
	if n := claimed("claimed") + claimed("refused") + claimed("failed"); n != 1 {
		t.Errorf("%v claims counted, want 1", n)
	}
	if n := executed("executed") + executed("aborted") + executed("failed"); n != 1 {
		t.Errorf("%v executions counted, want 1", n)
	}
	if n := w.aborts(calls[0], me); n != 0 {
		t.Errorf("%d aborted executions by the client", n)
	}
}

// TestCallThatCannotPay: a call endowed with just the Scheduler's minimum
// (2·(payment+fee) + 200000·gas price) cannot cover an execution at the
// node's suggested gas price (the reference's scheduler_can_pay). The
// client neither claims nor executes it, says why, and stops tracking it;
// the call is left uncalled through its whole window.
func TestCallThatCannotPay(t *testing.T) {
	w := newWorld(t)
	// The dev chain starts at a 1 gwei base fee that halves every few empty
	// blocks down to 7 wei; the node's suggested price (tip + base fee)
	// falls with it. Endow the call at the price the client will see.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if h, err := w.client.HeaderByNumber(t.Context(), nil); err == nil && h.BaseFee.Cmp(big.NewInt(1000)) < 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the base fee never fell")
		}
	}
	price, err := w.client.SuggestGasPrice(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	head, _ := w.client.BlockNumber(t.Context())
	var sig [4]byte
	copy(sig[:], crypto.Keccak256([]byte("setBool()"))[:4])
	opts := bind.NewKeyedTransactor(w.owner, big.NewInt(devchain.ChainID))
	opts.GasPrice, opts.GasLimit = price, 3_000_000 // a legacy transaction: tx.gasprice is exactly price
	opts.Value = new(big.Int).Add(mul(ether, 2), mul(new(big.Int).Div(ether, big.NewInt(10)), 2))
	opts.Value.Add(opts.Value, new(big.Int).Mul(big.NewInt(200_000), price))
	call, err := devchain.Schedule(t.Context(), w.client, w.alarm.Scheduler, opts, schedulerABI.PackScheduleCall(w.alarm.TestTarget, sig, new(big.Int).SetUint64(head+400)))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := ReadCall(t.Context(), w.client, call)
	if now, _ := w.client.SuggestGasPrice(t.Context()); c.CanPay(c.GasLimit(), now) {
		t.Fatalf("the call can pay at %s wei/gas; the test needs one that cannot", now)
	}

	h := w.startClient(w.executor, always, &memJournal{})
	waitCount(t, "logged refusals", func() float64 { return float64(strings.Count(h.logs.String(), "Scheduler cannot pay for the call")) }, 1)
	waitCount(t, "tracked calls", func() float64 { return testutil.ToFloat64(h.metrics.tracked) }, 0)
	w.waitHead(c.Last() + 1) // past the whole window
	after, _ := ReadCall(t.Context(), w.client, call)
	if after.Called || after.Claimed() || after.Balance.Cmp(c.Balance) != 0 {
		t.Fatalf("the call was touched: %+v", after)
	}
	if n, _ := w.client.PendingNonceAt(t.Context(), addrOf(w.executor)); n != 0 {
		t.Fatalf("the client sent %d transactions", n)
	}
	if got := h.events("sent"); got != 0 {
		t.Fatalf("%v transactions counted as sent", got)
	}
	if !strings.Contains(h.logs.String(), "Removing finished call: "+call.Hex()) {
		t.Error("the scheduler did not stop tracking the call")
	}
}
