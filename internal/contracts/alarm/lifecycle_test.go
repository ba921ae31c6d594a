package alarm_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/params"

	"github.com/actord/actord/internal/contracts/alarm"
	"github.com/actord/actord/internal/devchain"
)

// chain is a simulated Osaka chain with three funded keys.
type chain struct {
	t         *testing.T
	be        *simulated.Backend
	client    simulated.Client
	keys      map[string]*ecdsa.PrivateKey
	scheduler *bind.BoundContract
	schedAddr common.Address
	target    *bind.BoundContract
	targetAdr common.Address
}

var (
	sched = alarm.NewScheduler()
	fbc   = alarm.NewFutureBlockCall()
	tt    = alarm.NewTestTarget()
	ether = big.NewInt(params.Ether)
)

func eth(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), ether) }

func newChain(t *testing.T) *chain {
	t.Helper()
	c := &chain{t: t, keys: map[string]*ecdsa.PrivateKey{}}
	alloc := types.GenesisAlloc{}
	for _, name := range []string{"scheduler", "alice", "bob"} {
		k, _ := crypto.GenerateKey()
		c.keys[name] = k
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: eth(1000)}
	}
	c.be = devchain.NewSimulated(alloc)
	t.Cleanup(func() { c.be.Close() })
	c.client = c.be.Client()
	var err error
	c.schedAddr, _, err = bind.DeployContract(c.opts("scheduler", nil, 0), common.FromHex(alarm.SchedulerMetaData.Bin), c.client, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.targetAdr, _, err = bind.DeployContract(c.opts("scheduler", nil, 0), common.FromHex(alarm.TestTargetMetaData.Bin), c.client, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.be.Commit()
	c.scheduler = sched.Instance(c.client, c.schedAddr)
	c.target = tt.Instance(c.client, c.targetAdr)
	return c
}

func (c *chain) addr(name string) common.Address {
	return crypto.PubkeyToAddress(c.keys[name].PublicKey)
}

func (c *chain) opts(name string, value *big.Int, gas uint64) *bind.TransactOpts {
	o := bind.NewKeyedTransactor(c.keys[name], big.NewInt(devchain.ChainID))
	o.Value, o.GasLimit = value, gas
	return o
}

// send mines a transaction and returns its receipt.
func (c *chain) send(name string, inst *bind.BoundContract, data []byte, value *big.Int, gas uint64) *types.Receipt {
	c.t.Helper()
	tx, err := bind.Transact(inst, c.opts(name, value, gas), data)
	if err != nil {
		c.t.Fatalf("sending: %v", err)
	}
	c.be.Commit()
	r, err := c.client.TransactionReceipt(context.Background(), tx.Hash())
	if err != nil {
		c.t.Fatal(err)
	}
	return r
}

func (c *chain) head() uint64 {
	n, err := c.client.BlockNumber(context.Background())
	if err != nil {
		c.t.Fatal(err)
	}
	return n
}

// mineTo commits empty blocks until the head is n.
func (c *chain) mineTo(n uint64) {
	for c.head() < n {
		c.be.Commit()
	}
}

func call[T any](c *chain, inst *bind.BoundContract, data []byte, unpack func([]byte) (T, error)) T {
	c.t.Helper()
	v, err := bind.Call(inst, nil, data, unpack)
	if err != nil {
		c.t.Fatal(err)
	}
	return v
}

// schedule schedules setBool at target and returns the call contract.
func (c *chain) schedule(selector string, target uint64, value *big.Int) (common.Address, *types.Receipt) {
	var sig [4]byte
	copy(sig[:], crypto.Keccak256([]byte(selector))[:4])
	r := c.send("scheduler", c.scheduler, sched.PackScheduleCall(c.targetAdr, sig, new(big.Int).SetUint64(target)), value, 3_000_000)
	for _, l := range r.Logs {
		if ev, err := sched.UnpackCallScheduledEvent(l); err == nil {
			return ev.CallAddress, r
		}
	}
	return common.Address{}, r
}

func abortReason(r *types.Receipt) string {
	for _, l := range r.Logs {
		if ev, err := fbc.UnpackCallAbortedEvent(l); err == nil {
			return strings.TrimRight(string(ev.Reason[:]), "\x00")
		}
	}
	return ""
}

func executed(r *types.Receipt) *alarm.FutureBlockCallCallExecuted {
	for _, l := range r.Logs {
		if ev, err := fbc.UnpackCallExecutedEvent(l); err == nil {
			return ev
		}
	}
	return nil
}

// TestV6Lifecycle walks a call through the v0.6 windows on Osaka rules
// and checks the outcomes the original build produced (eac-reference §3.2).
func TestV6Lifecycle(t *testing.T) {
	c := newChain(t)
	// Too soon: refunded, status 1, CallRejected.
	before, _ := c.client.BalanceAt(context.Background(), c.addr("scheduler"), nil)
	addr, r := c.schedule("setBool()", c.head()+100, eth(3))
	if addr != (common.Address{}) || r.Status != 1 {
		t.Fatalf("too-soon schedule created %s (status %d)", addr, r.Status)
	}
	var rejected bool
	for _, l := range r.Logs {
		if ev, err := sched.UnpackCallRejectedEvent(l); err == nil && strings.TrimRight(string(ev.Reason[:]), "\x00") == "TOO_SOON" {
			rejected = true
		}
	}
	after, _ := c.client.BalanceAt(context.Background(), c.addr("scheduler"), nil)
	spent := new(big.Int).Sub(before, after)
	if !rejected || spent.Cmp(eth(1)) > 0 {
		t.Fatalf("too soon: rejected=%v, spent %s wei (the endowment must come back)", rejected, spent)
	}
	if _, r := c.schedule("setBool()", c.head()+400, big.NewInt(1)); r.Status != 1 || len(r.Logs) != 1 {
		t.Fatalf("insufficient funds: status %d, %d logs", r.Status, len(r.Logs))
	}

	T := c.head() + 400
	call1, _ := c.schedule("setBool()", T, eth(5))
	call2, _ := c.schedule("setBool()", T+10, eth(5))
	call0, _ := c.schedule("loopForever()", T, eth(5)) // same target: after call1
	if call1 == (common.Address{}) || call2 == (common.Address{}) || call0 == (common.Address{}) {
		t.Fatal("scheduling failed")
	}
	// The index: by target block, ties in scheduling order.
	first := call(c, c.scheduler, sched.PackGetNextCall(new(big.Int).SetUint64(T-5)), sched.UnpackGetNextCall)
	second := call(c, c.scheduler, sched.PackGetNextCallSibling(first), sched.UnpackGetNextCallSibling)
	third := call(c, c.scheduler, sched.PackGetNextCallSibling(second), sched.UnpackGetNextCallSibling)
	end := call(c, c.scheduler, sched.PackGetNextCallSibling(third), sched.UnpackGetNextCallSibling)
	if first != call1 || second != call0 || third != call2 || end != (common.Address{}) {
		t.Fatalf("index order %s %s %s %s, want %s %s %s 0x0", first, second, third, end, call1, call0, call2)
	}
	if got := call(c, c.scheduler, sched.PackGetNextCall(new(big.Int).SetUint64(T+1)), sched.UnpackGetNextCall); got != call2 {
		t.Fatalf("getNextCall(T+1) = %s, want %s", got, call2)
	}
	if !call(c, c.scheduler, sched.PackIsKnownCall(call1), sched.UnpackIsKnownCall) {
		t.Fatal("isKnownCall(call1) = false")
	}
	fc := fbc.Instance(c.client, call1)
	if g := call(c, fc, fbc.PackGracePeriod(), fbc.UnpackGracePeriod); g != 255 {
		t.Fatalf("gracePeriod = %d", g)
	}

	// Claim before the window: refunded, no claimer.
	c.send("alice", fc, fbc.PackClaim(), eth(2), 200_000)
	if cl := call(c, fc, fbc.PackClaimer(), fbc.UnpackClaimer); cl != (common.Address{}) {
		t.Fatalf("claim before the window recorded %s", cl)
	}
	// Claim at T-265+42: recorded, amount 42/240 of the base payment, and
	// (v0.6) the deposit comes straight back.
	c.mineTo(T - 265 + 41)
	balBefore, _ := c.client.BalanceAt(context.Background(), call1, nil)
	r = c.send("alice", fc, fbc.PackClaim(), eth(2), 200_000)
	balAfter, _ := c.client.BalanceAt(context.Background(), call1, nil)
	claimed := false
	for _, l := range r.Logs {
		if ev, err := fbc.UnpackClaimedEvent(l); err == nil && ev.Executor == c.addr("alice") {
			claimed = true
		}
	}
	if r.Status != 1 || !claimed {
		t.Fatalf("claim in the window: status %d, Claimed logged %v", r.Status, claimed)
	}
	if cl := call(c, fc, fbc.PackClaimer(), fbc.UnpackClaimer); cl != c.addr("alice") {
		t.Fatalf("claimer = %s, want alice", cl)
	}
	want := new(big.Int).Div(new(big.Int).Mul(eth(1), big.NewInt(42)), big.NewInt(240))
	if amt := call(c, fc, fbc.PackClaimAmount(), fbc.UnpackClaimAmount); amt.Cmp(want) != 0 {
		t.Fatalf("claimAmount = %s, want %s", amt, want)
	}
	if dep := call(c, fc, fbc.PackClaimerDeposit(), fbc.UnpackClaimerDeposit); dep.Cmp(eth(2)) != 0 || balAfter.Cmp(balBefore) != 0 {
		t.Fatalf("deposit %s recorded, call balance %s -> %s (v0.6 refunds it)", dep, balBefore, balAfter)
	}
	// A second claim is refused.
	c.send("bob", fc, fbc.PackClaim(), eth(2), 200_000)
	if cl := call(c, fc, fbc.PackClaimer(), fbc.UnpackClaimer); cl != c.addr("alice") {
		t.Fatal("a second claim replaced the claimer")
	}
	// Cancel inside the window reverts.
	if r := c.send("scheduler", fc, fbc.PackCancel(), nil, 200_000); r.Status != 0 {
		t.Fatal("cancel inside the claim window succeeded")
	}
	// Execute too early: _CallAborted, status 1.
	c.mineTo(T - 2)
	if r := c.send("alice", fc, fbc.PackExecute(), nil, 500_000); r.Status != 1 || abortReason(r) != "NOT_IN_CALL_WINDOW" {
		t.Fatalf("early execute: status %d, abort %q", r.Status, abortReason(r))
	}
	// checkExecutionAuthorization reverts outside the window.
	if _, err := bind.Call(fc, nil, fbc.PackCheckExecutionAuthorization(c.addr("alice"), new(big.Int).SetUint64(T-1)), fbc.UnpackCheckExecutionAuthorization); err == nil {
		t.Fatal("checkExecutionAuthorization outside the window did not revert")
	}
	// Bob is not the claimer: aborted in the reserved window.
	if r := c.send("bob", fc, fbc.PackExecute(), nil, 500_000); abortReason(r) != "NOT_AUTHORIZED" {
		t.Fatalf("non-claimer in the reserved window: abort %q", abortReason(r))
	}
	// Alice executes: the target runs, she is paid.
	aliceBefore, _ := c.client.BalanceAt(context.Background(), c.addr("alice"), nil)
	r = c.send("alice", fc, fbc.PackExecute(), nil, 500_000)
	ev := executed(r)
	if r.Status != 1 || ev == nil || !ev.Success || ev.Executor != c.addr("alice") {
		t.Fatalf("claimer execute: status %d, event %+v, abort %q", r.Status, ev, abortReason(r))
	}
	if !call(c, c.target, tt.PackVBool(), tt.UnpackVBool) {
		t.Fatal("the target was not called")
	}
	aliceAfter, _ := c.client.BalanceAt(context.Background(), c.addr("alice"), nil)
	if aliceAfter.Cmp(aliceBefore) <= 0 {
		t.Fatalf("the executor was not paid: %s -> %s", aliceBefore, aliceAfter)
	}
	if bal, _ := c.client.BalanceAt(context.Background(), call1, nil); bal.Sign() != 0 {
		t.Fatalf("%s wei left in the call after execution", bal)
	}
	if r := c.send("bob", fc, fbc.PackExecute(), nil, 500_000); abortReason(r) != "ALREADY_CALLED" {
		t.Fatalf("second execute: abort %q", abortReason(r))
	}

	// A looping target: the transaction succeeds with success=false.
	lc := fbc.Instance(c.client, call0)
	r = c.send("bob", lc, fbc.PackExecute(), nil, 400_000)
	if ev := executed(r); r.Status != 1 || ev == nil || ev.Success {
		t.Fatalf("looping target: status %d, event %+v", r.Status, ev)
	}

	// Call 2 is missed: after its grace period anyone may cancel it, and
	// the endowment goes back to the scheduler.
	c2 := fbc.Instance(c.client, call2)
	c.mineTo(T + 10 + 255 + 1)
	if r := c.send("bob", c2, fbc.PackExecute(), nil, 500_000); abortReason(r) != "NOT_IN_CALL_WINDOW" {
		t.Fatalf("execute after grace: abort %q", abortReason(r))
	}
	if r := c.send("bob", c2, fbc.PackCancel(), nil, 200_000); r.Status != 1 {
		t.Fatal("cancel of a missed call failed")
	}
	if !call(c, c2, fbc.PackIsCancelled(), fbc.UnpackIsCancelled) {
		t.Fatal("isCancelled = false after cancel")
	}
	if r := c.send("bob", c2, fbc.PackExecute(), nil, 500_000); r.Status != 0 {
		t.Fatal("execute of a cancelled call did not revert")
	}
}

// TestFreeForAll: in [T+16, T+G] anyone may execute a claimed call and
// also collects the claimer's recorded deposit.
func TestFreeForAll(t *testing.T) {
	c := newChain(t)
	T := c.head() + 320
	call1, _ := c.schedule("setBool()", T, eth(5))
	fc := fbc.Instance(c.client, call1)
	c.mineTo(T - 30)
	c.send("alice", fc, fbc.PackClaim(), eth(2), 200_000)
	c.mineTo(T + 15)
	r := c.send("bob", fc, fbc.PackExecute(), nil, 500_000)
	ev := executed(r)
	if ev == nil || ev.Executor != c.addr("bob") {
		t.Fatalf("free-for-all execute by bob: %+v, abort %q", ev, abortReason(r))
	}
	// payment = deposit (2) + base payment (1) · scalar, plus gas
	if ev.Payment.Cmp(eth(3)) < 0 {
		t.Fatalf("payment %s, want at least the deposit plus the base payment", ev.Payment)
	}
}

// TestSchedulingCostIsFlat: scheduling ahead of many later calls costs the
// same as scheduling into an empty index, and the index stays ordered.
func TestSchedulingCostIsFlat(t *testing.T) {
	c := newChain(t)
	T := c.head() + 2000
	for i := 0; i < 40; i++ {
		c.schedule("setBool()", T+uint64(i), eth(3))
	}
	near := c.head() + 400
	_, first := c.schedule("setBool()", near+1, eth(3))
	early, second := c.schedule("setBool()", near, eth(3))
	if first.GasUsed > 1_700_000 || second.GasUsed > first.GasUsed+50_000 {
		t.Fatalf("scheduling before 40 later calls used %d and %d gas", first.GasUsed, second.GasUsed)
	}
	if got := call(c, c.scheduler, sched.PackGetNextCall(big.NewInt(0)), sched.UnpackGetNextCall); got != early {
		t.Fatalf("getNextCall(0) = %s, want the earliest call %s", got, early)
	}
	// Walking the whole index visits every call once, in target order.
	n, prev := 0, uint64(0)
	for a := call(c, c.scheduler, sched.PackGetNextCall(big.NewInt(0)), sched.UnpackGetNextCall); a != (common.Address{}); a = call(c, c.scheduler, sched.PackGetNextCallSibling(a), sched.UnpackGetNextCallSibling) {
		tb := call(c, fbc.Instance(c.client, a), fbc.PackTargetBlock(), fbc.UnpackTargetBlock).Uint64()
		if tb < prev {
			t.Fatalf("index out of order: %d after %d", tb, prev)
		}
		prev = tb
		n++
	}
	if n != 42 {
		t.Fatalf("walked %d calls, want 42", n)
	}
}
