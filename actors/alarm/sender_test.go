package alarm

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// fakeNode is a node for the sender alone, in memory: the test decides
// what is mined, when blocks come, what reorgs and what fails. It serves
// one account.
type fakeNode struct {
	mu        sync.Mutex
	headers   []*types.Header                // the canonical chain, by number
	receipts  map[common.Hash]*types.Receipt // receipts in canonical blocks
	nonces    map[common.Hash]uint64         // nonce of every transaction broadcast
	sent      []*types.Transaction           // every broadcast, in order
	others    uint64                         // nonces used by another program sending from the account
	salt      byte                           // makes blocks of a new branch differ from the old ones
	lost      uint64                         // HeaderByNumber(lost) answers "not found" (0: none)
	faults    int                            // requests answered with an injected failure
	heads     int                            // HeaderByNumber(nil) requests
	nonceReqs int                            // PendingNonceAt requests
	onHead    func()                         // runs before the next HeaderByNumber(nil) is answered, once
	onReceipt func()                         // runs before the next TransactionReceipt is answered, once
}

func newFakeNode() *fakeNode {
	f := &fakeNode{receipts: map[common.Hash]*types.Receipt{}, nonces: map[common.Hash]uint64{}}
	f.headers = []*types.Header{{Number: new(big.Int), BaseFee: gwei, Difficulty: new(big.Int)}}
	return f
}

// block appends a block with txs to the canonical chain (f.mu held).
func (f *fakeNode) block(txs ...common.Hash) {
	parent := f.headers[len(f.headers)-1]
	h := &types.Header{ParentHash: parent.Hash(), Number: big.NewInt(int64(len(f.headers))), BaseFee: gwei, Difficulty: new(big.Int), Extra: []byte{f.salt}}
	f.headers = append(f.headers, h)
	for i, tx := range txs {
		f.receipts[tx] = &types.Receipt{Status: types.ReceiptStatusSuccessful, TxHash: tx, BlockHash: h.Hash(), BlockNumber: h.Number, TransactionIndex: uint(i)}
	}
}

// mine seals a block with the given transactions (broadcast or not).
func (f *fakeNode) mine(txs ...*types.Transaction) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var hs []common.Hash
	for _, tx := range txs {
		f.nonces[tx.Hash()] = tx.Nonce()
		hs = append(hs, tx.Hash())
	}
	f.block(hs...)
}

// advance seals n empty blocks.
func (f *fakeNode) advance(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for range n {
		f.block()
	}
}

// reorg makes block to the head: every block above it, and the
// transactions in them, leave the canonical chain; the next blocks are a
// new branch.
func (f *fakeNode) reorg(to uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.headers = f.headers[:to+1]
	for h, r := range f.receipts {
		if r.BlockNumber.Uint64() > to {
			delete(f.receipts, h)
		}
	}
	f.salt++
}

func (f *fakeNode) head() uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return uint64(len(f.headers) - 1)
}

func (f *fakeNode) header(n uint64) *types.Header {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.headers[n]
}

// useNonces makes another program's transactions use the account's
// nonces below n.
func (f *fakeNode) useNonces(n uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.others = n
}

func (f *fakeNode) setLost(n uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lost = n
}

func (f *fakeNode) counts() (faults, heads int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.faults, f.heads
}

func (f *fakeNode) setOnHead(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.onHead = fn
}

func (f *fakeNode) setOnReceipt(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.onReceipt = fn
}

// once takes a one-shot hook (f.mu held).
func once(fn *func()) func() {
	h := *fn
	*fn = nil
	return h
}

// broadcasts returns the transactions broadcast for which match holds.
func (f *fakeNode) broadcasts(match func(*types.Transaction) bool) []*types.Transaction {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*types.Transaction
	for _, tx := range f.sent {
		if match(tx) {
			out = append(out, tx)
		}
	}
	return out
}

// nonceAt is the account's nonce after block n (f.mu held).
func (f *fakeNode) nonceAt(n uint64) uint64 {
	next := f.others
	for h, r := range f.receipts {
		if nonce, ok := f.nonces[h]; ok && r.BlockNumber.Uint64() <= n {
			next = max(next, nonce+1)
		}
	}
	return next
}

func (f *fakeNode) ChainID(context.Context) (*big.Int, error) { return big.NewInt(1337), nil }

func (f *fakeNode) PendingNonceAt(context.Context, common.Address) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.nonceReqs++
	return f.nonceAt(uint64(len(f.headers) - 1)), nil
}

func (f *fakeNode) NonceAt(_ context.Context, _ common.Address, n *big.Int) (uint64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	head := uint64(len(f.headers) - 1)
	if n == nil {
		return f.nonceAt(head), nil
	}
	if n.Uint64() > head {
		return 0, errors.New("header not found")
	}
	return f.nonceAt(n.Uint64()), nil
}

func (f *fakeNode) SuggestGasTipCap(context.Context) (*big.Int, error) { return gwei, nil }

func (f *fakeNode) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	f.mu.Lock()
	if n == nil {
		f.heads++
		if fn := once(&f.onHead); fn != nil {
			f.mu.Unlock()
			fn()
			f.mu.Lock()
		}
		defer f.mu.Unlock()
		return f.headers[len(f.headers)-1], nil
	}
	defer f.mu.Unlock()
	if f.lost != 0 && n.Uint64() == f.lost {
		f.faults++
		return nil, ethereum.NotFound
	}
	if n.Uint64() >= uint64(len(f.headers)) {
		return nil, ethereum.NotFound
	}
	return f.headers[n.Uint64()], nil
}

func (f *fakeNode) SendTransaction(_ context.Context, tx *types.Transaction) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, tx)
	f.nonces[tx.Hash()] = tx.Nonce()
	if _, mined := f.receipts[tx.Hash()]; !mined {
		if next := f.nonceAt(uint64(len(f.headers) - 1)); tx.Nonce() < next {
			return fmt.Errorf("nonce too low: next nonce %d, tx nonce %d", next, tx.Nonce())
		}
	}
	return nil
}

func (f *fakeNode) TransactionReceipt(_ context.Context, h common.Hash) (*types.Receipt, error) {
	f.mu.Lock()
	if fn := once(&f.onReceipt); fn != nil {
		f.mu.Unlock()
		fn()
		f.mu.Lock()
	}
	defer f.mu.Unlock()
	r, ok := f.receipts[h]
	if !ok {
		return nil, ethereum.NotFound
	}
	cp := *r
	return &cp, nil
}

// probeActor stands in for a CallActor: it passes requests to the sender
// (so that the sender answers it) and hands the answers to the test.
type probeActor struct {
	sender *actor.PID
	got    chan<- any
}

func (p *probeActor) Receive(ctx actor.Context) {
	switch m := ctx.Message().(type) {
	case *SendTx, *Adopt:
		ctx.Request(p.sender, m)
	case *TxDone, *TxReorged, *Adopted:
		p.got <- m
	}
}

type senderHarness struct {
	sys     *actor.ActorSystem
	sender  *actor.PID
	probe   *actor.PID
	got     chan any
	logs    *logBuffer
	metrics *Metrics
	addr    common.Address
}

var testCall = common.HexToAddress("0xca11")

// startSender runs a sender for key against f, checking every 5 ms, with
// 3 confirmations and (unless opts say otherwise) no fee bumps.
func startSender(t *testing.T, f *fakeNode, key *ecdsa.PrivateKey, j Journal, opts ...func(*SenderConfig)) *senderHarness {
	t.Helper()
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	h := &senderHarness{sys: sys, got: make(chan any, 100), logs: &logBuffer{}, metrics: NewMetrics(prometheus.NewRegistry()), addr: addrOf(key)}
	logger := slog.New(slog.NewTextHandler(io.MultiWriter(t.Output(), h.logs), &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg := SenderConfig{Backend: f, Key: key, Journal: j, Logger: logger, Metrics: h.metrics, Confirmations: 3, Poll: 5 * time.Millisecond, ReplaceAfter: time.Hour}
	for _, o := range opts {
		o(&cfg)
	}
	h.sender = sys.Root.Spawn(NewSenderProps(cfg))
	h.probe = sys.Root.Spawn(actor.PropsFromProducer(func() actor.Actor { return &probeActor{sender: h.sender, got: h.got} }))
	t.Cleanup(func() {
		sys.Root.PoisonFuture(h.sender).Wait()
		sys.Root.PoisonFuture(h.probe).Wait()
		sys.Shutdown()
	})
	return h
}

func (h *senderHarness) request(r *SendTx) { h.sys.Root.Send(h.probe, r) }

func (h *senderHarness) events(e string) float64 {
	return testutil.ToFloat64(h.metrics.txEvents.WithLabelValues(e))
}

// claimReq is a claim of testCall.
func claimReq() *SendTx {
	return &SendTx{Call: testCall, Action: "claim", To: testCall, Data: []byte{0x4e, 0x71, 0xd9, 0x2d}, Value: new(big.Int), GasLimit: 100_000}
}

// expect returns the sender's next answer to the probe, which must be a T.
func expect[T any](t *testing.T, h *senderHarness) T {
	t.Helper()
	select {
	case m := <-h.got:
		v, ok := m.(T)
		if !ok {
			t.Fatalf("the requester got %T %+v, want a %T", m, m, v)
		}
		return v
	case <-time.After(time.Minute):
		var zero T
		t.Fatalf("the requester never got a %T", zero)
		return zero
	}
}

// doneWhileSealing seals a block every 10 ms until the requester gets a
// TxDone, and returns it.
func doneWhileSealing(t *testing.T, h *senderHarness, f *fakeNode) *TxDone {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); {
		select {
		case m := <-h.got:
			d, ok := m.(*TxDone)
			if !ok {
				t.Fatalf("the requester got %T %+v, want a TxDone", m, m)
			}
			return d
		case <-time.After(10 * time.Millisecond):
			f.advance(1)
		}
	}
	t.Fatal("the requester never got a TxDone")
	return nil
}

// noAnswer checks that the requester got nothing.
func noAnswer(t *testing.T, h *senderHarness) {
	t.Helper()
	select {
	case m := <-h.got:
		t.Fatalf("the requester got %T %+v, want nothing yet", m, m)
	default:
	}
}

func toCall(tx *types.Transaction) bool { return tx.To() != nil && *tx.To() == testCall }

// transferTo matches an abandon transfer: empty, to ourselves.
func transferTo(addr common.Address) func(*types.Transaction) bool {
	return func(tx *types.Transaction) bool {
		return tx.To() != nil && *tx.To() == addr && len(tx.Data()) == 0 && tx.Value().Sign() == 0 && tx.Gas() == 21000
	}
}

// firstSent waits for the first broadcast matching match.
func firstSent(t *testing.T, f *fakeNode, what string, match func(*types.Transaction) bool) *types.Transaction {
	t.Helper()
	var tx *types.Transaction
	waitFor(t, what, func() bool {
		if txs := f.broadcasts(match); len(txs) > 0 {
			tx = txs[0]
		}
		return tx != nil
	})
	return tx
}

// journaled returns the journal's entry for nonce.
func journaled(t *testing.T, j *memJournal, nonce uint64) (JournalEntry, *types.Transaction) {
	t.Helper()
	j.mu.Lock()
	e, ok := j.m[nonce]
	j.mu.Unlock()
	if !ok {
		t.Fatalf("no journal entry for nonce %d", nonce)
	}
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(e.Raw); err != nil {
		t.Fatal(err)
	}
	return e, tx
}

// TestSenderHonoursALateAbandon: the requester decides to abandon a
// reorged-out claim only after the sender resent it for want of an
// answer. The claim is not mined yet, so the decision still counts: the
// nonce goes to an empty transfer (and a fee bump of that transfer is
// journaled as an abandon transfer too), instead of the dead claim being
// mined for its gas.
func TestSenderHonoursALateAbandon(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	j := &memJournal{}
	h := startSender(t, f, key, j, func(c *SenderConfig) { c.ReplaceAfter, c.DecideWithin = 100*time.Millisecond, 20*time.Millisecond })
	h.request(claimReq())
	claim := firstSent(t, f, "the claim", toCall)
	f.mine(claim)
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	f.reorg(f.head() - 1)
	expect[*TxReorged](t, h)
	waitAtLeast(t, "resent transactions", func() float64 { return h.events("resent") }, 1)

	h.sys.Root.Send(h.sender, &AbandonTx{Nonce: 0})
	transfer := firstSent(t, f, "the abandon transfer", transferTo(h.addr))
	if transfer.Nonce() != 0 || transfer.GasFeeCap().Cmp(claim.GasFeeCap()) <= 0 {
		t.Fatalf("abandon transfer nonce %d fee cap %s; want nonce 0 above the claim's %s", transfer.Nonce(), transfer.GasFeeCap(), claim.GasFeeCap())
	}
	waitFor(t, "a fee bump of the abandon transfer", func() bool { return len(f.broadcasts(transferTo(h.addr))) >= 2 })
	if e, tx := journaled(t, j, 0); e.Action != "abandon" || !transferTo(h.addr)(tx) {
		t.Fatalf("journal entry %q for %s; want the abandon transfer, as \"abandon\"", e.Action, tx.To())
	}
	last := f.broadcasts(transferTo(h.addr))
	f.mine(last[len(last)-1])
	f.advance(2)
	if d := expect[*TxDone](t, h); d.Err != nil || !d.Abandoned || d.Action != "claim" || d.Nonce != 0 {
		t.Fatalf("TxDone %+v; want the claim reported abandoned", d)
	}
}

// gatedSigner signs locally, but holds the signatures hold picks until
// release is closed; entered receives one value per held signature.
type gatedSigner struct {
	KeySigner
	hold    func(*types.DynamicFeeTx) bool
	entered chan struct{}
	release chan struct{}
}

func newGatedSigner(key *ecdsa.PrivateKey, hold func(*types.DynamicFeeTx) bool) *gatedSigner {
	return &gatedSigner{KeySigner: KeySigner{Key: key}, hold: hold, entered: make(chan struct{}, 10), release: make(chan struct{})}
}

func (g *gatedSigner) SignTx(ctx context.Context, chainID *big.Int, tx *types.DynamicFeeTx) (*types.Transaction, error) {
	if g.hold(tx) {
		g.entered <- struct{}{}
		<-g.release
	}
	return g.KeySigner.SignTx(ctx, chainID, tx)
}

func (g *gatedSigner) waitEntered(t *testing.T, what string) {
	t.Helper()
	select {
	case <-g.entered:
	case <-time.After(time.Minute):
		t.Fatalf("%s was never signed", what)
	}
}

// secondClaimSignature holds the claim's first fee bump.
func secondClaimSignature() func(*types.DynamicFeeTx) bool {
	var n atomic.Int32
	return func(tx *types.DynamicFeeTx) bool { return *tx.To == testCall && n.Add(1) == 2 }
}

// claimReorgedWhileBumping: a claim is sent, a fee bump of it is being
// signed (held at the gate) when the claim is mined and then reorged out;
// the requester has been told (TxReorged).
func claimReorgedWhileBumping(t *testing.T) (*fakeNode, *memJournal, *gatedSigner, *senderHarness, *types.Transaction) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	j := &memJournal{}
	sig := newGatedSigner(key, secondClaimSignature())
	h := startSender(t, f, key, j, func(c *SenderConfig) {
		c.Signer, c.ReplaceAfter, c.DecideWithin = sig, 20*time.Millisecond, time.Hour
	})
	h.request(claimReq())
	claim := firstSent(t, f, "the claim", toCall)
	sig.waitEntered(t, "the fee bump")
	f.mine(claim)
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	f.reorg(f.head() - 1)
	expect[*TxReorged](t, h)
	return f, j, sig, h, claim
}

// TestSenderDropsAFeeBumpSignedBeforeAReorg: a fee bump of a claim is
// being signed when the claim is mined and then reorged out. The
// signature comes back while the sender waits for the requester's
// decision: it is dropped, not broadcast (that would send the claim again
// before anyone decided it is still wanted).
func TestSenderDropsAFeeBumpSignedBeforeAReorg(t *testing.T) {
	f, j, sig, h, claim := claimReorgedWhileBumping(t)

	close(sig.release)
	others := func(tx *types.Transaction) bool { return toCall(tx) && tx.Hash() != claim.Hash() }
	waitFor(t, "the fee bump's signature to come back", func() bool {
		return strings.Contains(h.logs.String(), "Dropping a signature made for an older state") || len(f.broadcasts(others)) > 0
	})
	if bumps := f.broadcasts(others); len(bumps) != 0 {
		t.Fatalf("a fee bump of the reorged-out claim was broadcast (%s) before the requester decided", bumps[0].Hash())
	}
	if e, tx := journaled(t, j, 0); e.Action != "claim" || tx.Hash() != claim.Hash() {
		t.Fatalf("journal entry %q %s; want the claim %s", e.Action, tx.Hash(), claim.Hash())
	}
	// The requester still wants it: the claim itself goes out again.
	h.sys.Root.Send(h.sender, &ResendTx{Nonce: 0})
	waitAtLeast(t, "resent transactions", func() float64 { return h.events("resent") }, 1)
}

// TestSenderAbandonOvertakesAFeeBump: the requester abandons a reorged-out
// claim while a fee bump of it is being signed. One signature per nonce:
// the abandon transfer is signed once the bump is back, the bump is
// dropped, and the journal keeps the abandon transfer (before, both
// replaced the claim, and the later one, the bumped claim, won).
func TestSenderAbandonOvertakesAFeeBump(t *testing.T) {
	f, j, sig, h, claim := claimReorgedWhileBumping(t)

	h.sys.Root.Send(h.sender, &AbandonTx{Nonce: 0})
	close(sig.release)
	firstSent(t, f, "the abandon transfer", transferTo(h.addr))
	others := func(tx *types.Transaction) bool { return toCall(tx) && tx.Hash() != claim.Hash() }
	waitFor(t, "the fee bump's signature to come back", func() bool {
		return strings.Contains(h.logs.String(), "Dropping a signature made for an older state") || len(f.broadcasts(others)) > 0
	})
	if bumps := f.broadcasts(others); len(bumps) != 0 {
		t.Fatalf("the abandoned claim was broadcast again with higher fees (%s)", bumps[0].Hash())
	}
	if e, tx := journaled(t, j, 0); e.Action != "abandon" || !transferTo(h.addr)(tx) {
		t.Fatalf("journal entry %q to %s; want the abandon transfer", e.Action, tx.To())
	}
	last := f.broadcasts(transferTo(h.addr))
	f.mine(last[len(last)-1])
	f.advance(2)
	if d := expect[*TxDone](t, h); d.Err != nil || !d.Abandoned {
		t.Fatalf("TxDone %+v; want the claim reported abandoned", d)
	}
}

// TestSenderRereadsTheNonce: another program sends from the account (a
// node account is often shared). A transaction refused with "nonce too
// low", or a nonce found taken by an unknown transaction, makes the
// sender reread the account's nonce, so the next request does not pick a
// nonce that is gone too.
func TestSenderRereadsTheNonce(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	h := startSender(t, f, key, &memJournal{})
	waitFor(t, "the sender's start", func() bool { f.mu.Lock(); defer f.mu.Unlock(); return f.nonceReqs > 0 }) // it starts at nonce 0
	moved := func() int { return strings.Count(h.logs.String(), "Skipping nonces used by another sender") }

	f.useNonces(3) // nonces 0, 1 and 2 are mined, sent by someone else
	f.advance(1)
	h.request(claimReq())
	refused := firstSent(t, f, "the first claim", toCall)
	if refused.Nonce() != 0 {
		t.Fatalf("first claim nonce %d, want 0", refused.Nonce())
	}
	waitFor(t, "the nonce reread after \"nonce too low\"", func() bool { return moved() >= 1 })
	h.request(claimReq())
	next := firstSent(t, f, "the second claim", func(tx *types.Transaction) bool { return toCall(tx) && tx.Hash() != refused.Hash() })
	if next.Nonce() != 3 {
		t.Fatalf("second claim nonce %d, want 3: nonces 1 and 2 are taken too", next.Nonce())
	}
	f.mine(next)
	for range 2 {
		switch d := doneWhileSealing(t, h, f); d.Nonce {
		case 0:
			if !errors.Is(d.Err, ErrNonceTaken) {
				t.Fatalf("nonce 0: %+v, want ErrNonceTaken", d)
			}
		case 3:
			if d.Err != nil || d.Receipt == nil {
				t.Fatalf("nonce 3: %+v, want confirmed", d)
			}
		default:
			t.Fatalf("unexpected TxDone %+v", d)
		}
	}

	// A transaction the node accepted, whose nonce someone else's
	// transaction took (with the next one) before it was mined.
	h.request(claimReq())
	pooled := firstSent(t, f, "the third claim", func(tx *types.Transaction) bool { return toCall(tx) && tx.Nonce() == 4 })
	f.useNonces(6)
	if d := doneWhileSealing(t, h, f); d.Nonce != 4 || !errors.Is(d.Err, ErrNonceTaken) {
		t.Fatalf("TxDone %+v; want nonce 4 taken", d)
	}
	waitFor(t, "the nonce reread after ErrNonceTaken", func() bool { return moved() >= 2 })
	h.request(claimReq())
	last := firstSent(t, f, "the fourth claim", func(tx *types.Transaction) bool { return toCall(tx) && tx.Nonce() > pooled.Nonce() })
	if last.Nonce() != 6 {
		t.Fatalf("fourth claim nonce %d, want 6", last.Nonce())
	}
}

// executeReq is an execute of testCall that may pay at most maxFee per
// gas.
func executeReq(maxFee *big.Int) *SendTx {
	return &SendTx{Call: testCall, Action: "execute", To: testCall, Data: []byte{0x61, 0x46, 0x19, 0x54}, Value: new(big.Int), GasLimit: 300_000, MaxFeeCap: maxFee}
}

// TestSenderAbandonsWhatItCannotBump: an execute stuck at the highest fee
// its call reimburses cannot be replaced with higher fees. Left alone it
// would hold every later nonce of the account; it is abandoned, and the
// requester hears so once the transfer is final.
func TestSenderAbandonsWhatItCannotBump(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	j := &memJournal{}
	h := startSender(t, f, key, j, func(c *SenderConfig) { c.ReplaceAfter = 20 * time.Millisecond })
	h.request(executeReq(new(big.Int).Mul(gwei, big.NewInt(3)))) // 2·base + tip: exactly the fee cap fees() picks
	exec := firstSent(t, f, "the execute", toCall)
	transfer := firstSent(t, f, "the abandon transfer", transferTo(h.addr))
	if bumped := f.broadcasts(func(tx *types.Transaction) bool { return toCall(tx) && tx.Hash() != exec.Hash() }); len(bumped) != 0 {
		t.Fatalf("the execute was bumped to %s wei/gas, above what the call reimburses", bumped[0].GasFeeCap())
	}
	if e, _ := journaled(t, j, 0); e.Action != "abandon" {
		t.Fatalf("journal entry %q, want abandon", e.Action)
	}
	f.mine(transfer)
	f.advance(2)
	if d := expect[*TxDone](t, h); d.Err != nil || !d.Abandoned || d.Action != "execute" {
		t.Fatalf("TxDone %+v; want the execute reported abandoned", d)
	}
}

// TestSenderResumedExecuteKeepsItsFeeBound: after a restart the journal
// does not say what the call reimburses. A resumed execute is not bumped
// above the fee cap it was signed with (which was within the bound); if
// it stays stuck it is abandoned.
func TestSenderResumedExecuteKeepsItsFeeBound(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	to := testCall
	exec, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(1337)), &types.DynamicFeeTx{
		ChainID: big.NewInt(1337), Nonce: 0, GasTipCap: gwei, GasFeeCap: new(big.Int).Mul(gwei, big.NewInt(3)), Gas: 300_000, To: &to, Value: new(big.Int),
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := exec.MarshalBinary()
	j := &memJournal{}
	j.Put(JournalEntry{Nonce: 0, Call: testCall, Action: "execute", Raw: raw})
	startSender(t, f, key, j, func(c *SenderConfig) { c.ReplaceAfter = 20 * time.Millisecond })
	firstSent(t, f, "the resumed execute", func(tx *types.Transaction) bool { return tx.Hash() == exec.Hash() })
	next := firstSent(t, f, "a replacement", func(tx *types.Transaction) bool { return tx.Hash() != exec.Hash() })
	if !transferTo(addrOf(key))(next) {
		t.Fatalf("the resumed execute was replaced by a transaction to %s at %s wei/gas; want an abandon transfer", next.To(), next.GasFeeCap())
	}
}

// TestSenderHeaderNotFoundIsNotAReorg: the node has the receipt but not
// (yet) the header at its height, as a backend behind a load balancer
// that lags the one that answered. That is a failed check, retried; the
// transaction is not taken for reorged out, and once the header is there
// it becomes final as usual.
func TestSenderHeaderNotFoundIsNotAReorg(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	h := startSender(t, f, key, &memJournal{})
	h.request(claimReq())
	claim := firstSent(t, f, "the claim", toCall)
	f.mine(claim)
	block := f.head()
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)

	f.setLost(block)
	f.advance(2) // final, if the check could see it
	faults, _ := f.counts()
	waitFor(t, "checks without the header", func() bool { n, _ := f.counts(); return n >= faults+3 })
	if got := h.events("reorged"); got != 0 {
		t.Fatalf("%v reorgs counted for a header the node could not find", got)
	}
	if got := h.events("confirmed"); got != 0 {
		t.Fatalf("%v confirmations counted without checking the receipt's block", got)
	}
	noAnswer(t, h)
	f.setLost(0)
	if d := expect[*TxDone](t, h); d.Err != nil || d.Hash != claim.Hash() || d.Receipt.BlockHash != f.header(block).Hash() {
		t.Fatalf("TxDone %+v; want the claim confirmed in block %d", d, block)
	}
}

// TestSenderRoundSeesOneChain: a reorg happens between the sender's
// reading of the head and of the receipts. The head it read (where the
// transaction would have its 3 confirmations) is gone, and on the new
// branch the transaction is mined again at the same height, with 1
// confirmation. Counting from the old head would report it final two
// blocks early; the round is retried instead.
func TestSenderRoundSeesOneChain(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	h := startSender(t, f, key, &memJournal{})
	h.request(claimReq())
	claim := firstSent(t, f, "the claim", toCall)
	f.mine(claim)
	block := f.head()
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	f.advance(1)

	f.setOnHead(func() {
		f.advance(1) // the head this round reads: 3 blocks on the claim
		f.setOnReceipt(func() {
			f.reorg(block - 1)
			f.mine(claim) // the new branch: the claim at the same height, nothing above
		})
	})
	_, heads := f.counts()
	waitFor(t, "checks after the reorg", func() bool { _, n := f.counts(); return n >= heads+4 || h.events("confirmed") > 0 })
	if got := h.events("confirmed"); got != 0 {
		t.Fatalf("the claim was reported final with 1 confirmation on the canonical chain")
	}
	noAnswer(t, h)
	f.advance(2)
	d := expect[*TxDone](t, h)
	if d.Err != nil || d.Receipt.BlockHash != f.header(block).Hash() || d.Confirmations != 3 {
		t.Fatalf("TxDone %+v; want the claim in the new block %d with 3 confirmations", d, block)
	}
}

// newProbe starts another requester on h's sender: a CallActor restarted
// under a new PID. Its answers go to the returned harness's got.
func (h *senderHarness) newProbe(t *testing.T) *senderHarness {
	t.Helper()
	o := *h
	o.got = make(chan any, 100)
	o.probe = h.sys.Root.Spawn(actor.PropsFromProducer(func() actor.Actor { return &probeActor{sender: h.sender, got: o.got} }))
	t.Cleanup(func() { h.sys.Root.PoisonFuture(o.probe).Wait() })
	return &o
}

// adopt asks the sender, as a restarted CallActor does, for testCall's
// unfinished transactions, and returns the answer.
func (h *senderHarness) adopt(t *testing.T) *Adopted {
	t.Helper()
	h.sys.Root.Send(h.probe, &Adopt{Call: testCall})
	a := expect[*Adopted](t, h)
	if a.Call != testCall {
		t.Fatalf("Adopted for %s, want %s", a.Call, testCall)
	}
	return a
}

// TestSenderAdoptedClaimReportsToTheAdopter: a claim is pending when its
// requester is replaced (a CallActor restarted under a new PID). The new
// requester adopts it: it learns the claim's nonce, and the claim's
// TxDone goes to it, not to the old one.
func TestSenderAdoptedClaimReportsToTheAdopter(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	h := startSender(t, f, key, &memJournal{})
	h.request(claimReq())
	claim := firstSent(t, f, "the claim", toCall)

	second := h.newProbe(t)
	if a := second.adopt(t); len(a.Txs) != 1 || a.Txs[0] != (AdoptedTx{Action: "claim", Nonce: 0, Journaled: true}) {
		t.Fatalf("Adopted %+v; want the pending claim, nonce 0", a.Txs)
	}
	f.mine(claim)
	if d := doneWhileSealing(t, second, f); d.Err != nil || d.Action != "claim" || d.Nonce != 0 || d.Hash != claim.Hash() {
		t.Fatalf("TxDone %+v; want the claim, final", d)
	}
	noAnswer(t, h)
	if a := second.adopt(t); len(a.Txs) != 0 {
		t.Fatalf("Adopted %+v after the claim was final; want none", a.Txs)
	}
}

// TestSenderAdoptsARequestBeingSigned: the requester is replaced while its
// claim waits for its signature (not journaled yet). The adopter is told
// about it, and gets its TxDone.
func TestSenderAdoptsARequestBeingSigned(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	sig := newGatedSigner(key, func(tx *types.DynamicFeeTx) bool { return *tx.To == testCall })
	h := startSender(t, f, key, &memJournal{}, func(c *SenderConfig) { c.Signer = sig })
	h.request(claimReq())
	sig.waitEntered(t, "the claim")

	second := h.newProbe(t)
	if a := second.adopt(t); len(a.Txs) != 1 || a.Txs[0] != (AdoptedTx{Action: "claim"}) {
		t.Fatalf("Adopted %+v; want the claim being signed", a.Txs)
	}
	close(sig.release)
	claim := firstSent(t, f, "the claim", toCall)
	f.mine(claim)
	if d := doneWhileSealing(t, second, f); d.Err != nil || d.Action != "claim" || d.Hash != claim.Hash() {
		t.Fatalf("TxDone %+v; want the claim, final", d)
	}
	noAnswer(t, h)
}

// TestSenderAdoptsResumedAndHeld: after a process restart a journaled
// claim has no requester until one adopts it. Adopted, a claim that is
// then reorged out waits for the adopter's decision instead of being
// resent blindly; a new adopter (another restart) is told again.
func TestSenderAdoptsResumedAndHeld(t *testing.T) {
	f := newFakeNode()
	key, _ := crypto.GenerateKey()
	to := testCall
	claim, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(1337)), &types.DynamicFeeTx{
		ChainID: big.NewInt(1337), Nonce: 0, GasTipCap: gwei, GasFeeCap: new(big.Int).Mul(gwei, big.NewInt(3)), Gas: 100_000, To: &to, Value: new(big.Int),
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := claim.MarshalBinary()
	j := &memJournal{}
	j.Put(JournalEntry{Nonce: 0, Call: testCall, Action: "claim", Raw: raw})
	h := startSender(t, f, key, j, func(c *SenderConfig) { c.DecideWithin = time.Hour })
	if a := h.adopt(t); len(a.Txs) != 1 || a.Txs[0] != (AdoptedTx{Action: "claim", Nonce: 0, Journaled: true}) {
		t.Fatalf("Adopted %+v; want the resumed claim", a.Txs)
	}
	firstSent(t, f, "the resumed claim", toCall)
	f.mine(claim)
	waitAtLeast(t, "mined transactions", func() float64 { return h.events("mined") }, 1)
	f.reorg(f.head() - 1)
	if r := expect[*TxReorged](t, h); r.Nonce != 0 || r.Hash != claim.Hash() {
		t.Fatalf("TxReorged %+v; want the claim", r)
	}
	second := h.newProbe(t)
	if a := second.adopt(t); len(a.Txs) != 1 {
		t.Fatalf("Adopted %+v; want the held claim", a.Txs)
	}
	if r := expect[*TxReorged](t, second); r.Nonce != 0 || r.Hash != claim.Hash() {
		t.Fatalf("TxReorged %+v to the adopter; want the held claim", r)
	}
	if got := h.events("resent"); got != 0 {
		t.Fatalf("%v resends of a claim its requester decides", got)
	}
	h.sys.Root.Send(h.sender, &ResendTx{Nonce: 0})
	waitAtLeast(t, "resent transactions", func() float64 { return h.events("resent") }, 1)
	f.mine(claim)
	if d := doneWhileSealing(t, second, f); d.Err != nil || d.Hash != claim.Hash() {
		t.Fatalf("TxDone %+v; want the claim, final", d)
	}
	noAnswer(t, h)
}
