package alarm

import (
	"cmp"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// TxBackend is what the sender needs from the node.
type TxBackend interface {
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
	ChainID(ctx context.Context) (*big.Int, error)
}

// JournalEntry records a transaction before it is broadcast, so that a
// restart resumes it instead of sending a fresh one.
type JournalEntry struct {
	Nonce  uint64
	Call   common.Address
	Action string // "claim", "execute", or "abandon" (an empty transfer that replaced one)
	Raw    []byte // the signed transaction
}

// Journal persists sent transactions until they are final.
type Journal interface {
	Put(e JournalEntry) error
	Done(nonce uint64) error
	Pending() ([]JournalEntry, error)
}

// SendTx asks the sender to send a transaction; the requester gets a
// TxDone when it is final (or fails for good), and a TxReorged if it
// drops out of the chain before that.
type SendTx struct {
	Call     common.Address
	Action   string
	To       common.Address
	Data     []byte
	Value    *big.Int
	GasLimit uint64
	// MaxFeeCap bounds the fee per gas the call can reimburse; nil = none.
	MaxFeeCap *big.Int
}

// TxDone reports a transaction's outcome to its requester, once: when the
// receipt has Confirmations blocks on top of it (or the transaction failed
// for good, Err).
type TxDone struct {
	Call    common.Address
	Action  string
	Nonce   uint64
	Hash    common.Hash
	Receipt *types.Receipt
	// Confirmations the receipt had when it was reported.
	Confirmations uint64
	// Abandoned: the requester had the transaction abandoned and the empty
	// transfer that replaced it is what was mined.
	Abandoned bool
	Err       error
}

// TxReorged tells the requester that its mined, not yet final transaction
// is no longer in the canonical chain. The sender holds it until the
// requester answers with ResendTx or AbandonTx (or, without an answer,
// resends it after DecideWithin; an AbandonTx that comes later is still
// honoured while no version is mined).
type TxReorged struct {
	Call   common.Address
	Action string
	Nonce  uint64
	Hash   common.Hash
	Block  uint64 // the block it was mined in
}

// ResendTx: broadcast the reorged-out transaction again, unchanged.
type ResendTx struct{ Nonce uint64 }

// AbandonTx: the reorged-out transaction is no longer wanted; replace it
// with an empty transfer to ourselves, so that its nonce is used without
// calling the contract. It is honoured whenever no version of the
// transaction is mined, also after the sender resent it for want of an
// answer.
type AbandonTx struct{ Nonce uint64 }

// Adopt asks the sender for the unfinished transactions of a call: a
// CallActor sends it when it starts (also after a restart, by its
// supervisor or of the whole process) and sends nothing to the sender
// before the answer. The sender answers with Adopted and makes the asker
// the requester of those transactions: their TxDone and TxReorged go to it
// from then on. A transaction that is reorged out and waiting for a
// decision is reported to the asker again with a TxReorged, after the
// Adopted.
type Adopt struct{ Call common.Address }

// Adopted answers Adopt.
type Adopted struct {
	Call common.Address
	// Txs are the call's claims and executes not yet final (an abandon
	// transfer that replaced one included), lowest nonce first; none if
	// empty. Each ends with one TxDone to the asker.
	Txs []AdoptedTx
}

// AdoptedTx is one unfinished transaction of an adopted call.
type AdoptedTx struct {
	Action string // "claim", "execute", or "abandon" (a resumed abandon transfer)
	// Nonce is valid if Journaled; otherwise the request is still
	// waiting for its fees or its signature.
	Nonce     uint64
	Journaled bool
}

// ErrNonceTaken: the nonce was used by a transaction the sender does not
// know (one sent before a restart and replaced since, or one sent by
// another program using the same account), so the outcome of this request
// cannot be read. The sender rereads the account's nonce afterwards.
var ErrNonceTaken = errors.New("the nonce was used by another version of the transaction")

// DefaultConfirmations is the default confirmation depth: the receipt's
// block and two more.
const DefaultConfirmations = 3

// SenderConfig configures the sender actor.
type SenderConfig struct {
	Backend TxBackend
	// Signer signs the transactions; if nil, Key signs locally.
	Signer  Signer
	Key     *ecdsa.PrivateKey
	Journal Journal
	Logger  *slog.Logger
	Metrics *Metrics
	// Confirmations is how many blocks, the receipt's included, make a
	// transaction final (default 3; 1 = final once mined). Until then it
	// stays in the journal, and a reorg that drops it is handled.
	Confirmations uint64
	// ReplaceAfter is how long a transaction may stay unmined before it is
	// replaced with ≥10% higher fees (default 30 s); a claim or execute
	// whose fees cannot rise (MaxFeeCap) is abandoned instead.
	ReplaceAfter time.Duration
	// DecideWithin is how long a reorged-out transaction waits for its
	// requester's ResendTx or AbandonTx before it is resent anyway
	// (default ReplaceAfter). An AbandonTx that comes later still counts
	// while no version is mined.
	DecideWithin time.Duration
	// Poll is how often pending transactions are checked (default 1 s).
	Poll time.Duration
}

type pendingTx struct {
	req    *SendTx
	from   *actor.PID
	tx     *types.Transaction
	hashes []common.Hash // every version sent with this nonce; any may be mined
	sentAt time.Time
	nonce  uint64
	// mined is the canonical receipt last seen (nil while not in a block).
	mined *types.Receipt
	// held: reorged out, waiting for the requester's ResendTx/AbandonTx.
	held   bool
	heldAt time.Time
	// reorged is what the requester was told when the transaction was
	// last reorged out; an adopter is told again while it is held.
	reorged *TxReorged
	// abandonFrom is the index in hashes of the first empty transfer that
	// replaced the request (every later version is one too); -1 if none.
	abandonFrom int
	// usedAt is the head at which the nonce was first seen used by a
	// version the sender does not know (0 = not seen).
	usedAt uint64
	// signing: a replacement or abandon transfer is being signed. One
	// signature per nonce at a time, so two can never both replace p.tx.
	signing bool
	// wantAbandon: the transaction is to be abandoned as soon as the
	// signature in flight (or a failed abandon) allows.
	wantAbandon bool
	// seen: the versions seen mined at some point.
	seen map[common.Hash]bool
	// resumed from the journal after a restart.
	resumed bool
}

// isAbandon reports whether h is one of the empty transfers that replaced
// the request.
func (p *pendingTx) isAbandon(h common.Hash) bool {
	if p.abandonFrom < 0 {
		return false
	}
	for _, a := range p.hashes[p.abandonFrom:] {
		if a == h {
			return true
		}
	}
	return false
}

func (p *pendingTx) state() string {
	if p.mined != nil {
		return "mined"
	}
	return "pending"
}

type sender struct {
	cfg     SenderConfig
	addr    common.Address
	chainID *big.Int
	nonce   uint64
	ready   bool
	queue   []*queued
	pending map[uint64]*pendingTx
	// requests are the requests accepted and not yet journaled (waiting
	// for fees or a signature) or failed: an adopter takes them over too.
	requests map[*queued]bool
	adopts   []adoptReq   // Adopts that came before the journal was read
	signing  bool         // a new transaction is being signed with s.nonce
	unsigned []*feesReady // new transactions waiting for the signer
	checking bool         // a check round is in flight
	timer    *time.Timer
}

type queued struct {
	req  *SendTx
	from *actor.PID
}

type adoptReq struct {
	call common.Address
	from *actor.PID
}

type senderReady struct {
	chainID *big.Int
	nonce   uint64
	resumed []JournalEntry
	err     error
}

type senderTick struct{}

type feesReady struct {
	q           *queued
	tip, feeCap *big.Int
	err         error
}

// signKind says what a signature was for.
type signKind int

const (
	signNew     signKind = iota // a new request, under the next nonce
	signReplace                 // a fee bump of a pending transaction
	signAbandon                 // an empty transfer replacing an abandoned one
)

type signed struct {
	kind  signKind
	nonce uint64
	f     *feesReady  // signNew
	base  common.Hash // signReplace, signAbandon: the version it replaces
	tx    *types.Transaction
	err   error
}

// broadcastRefused: the node refused a version with "nonce too low".
type broadcastRefused struct {
	nonce uint64
	hash  common.Hash
	err   error
}

// nonceRead is the account's pending nonce, reread because another
// sender may be using the account.
type nonceRead struct {
	nonce uint64
	why   string
	err   error
}

// txCheck is what a check round learned about one nonce.
type txCheck struct {
	nonce   uint64
	receipt *types.Receipt // a canonical receipt of one of its versions
	used    bool           // the account's nonce at the head is past it
	err     error
}

type checkedRound struct {
	head    uint64
	results []txCheck
	err     error
}

// NewSenderProps returns the props of the transaction sender for one
// account: it owns the account's nonces, journals every transaction before
// it is broadcast, replaces transactions that stay unmined, follows them
// until they have Confirmations blocks, and reports reorgs to the
// requester.
func NewSenderProps(cfg SenderConfig) *actor.Props {
	if cfg.ReplaceAfter <= 0 {
		cfg.ReplaceAfter = 30 * time.Second
	}
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	if cfg.DecideWithin <= 0 {
		cfg.DecideWithin = cfg.ReplaceAfter
	}
	if cfg.Confirmations == 0 {
		cfg.Confirmations = DefaultConfirmations
	}
	if cfg.Signer == nil {
		cfg.Signer = KeySigner{Key: cfg.Key}
	}
	return actor.PropsFromProducer(func() actor.Actor {
		return &sender{cfg: cfg, addr: cfg.Signer.Address(), pending: map[uint64]*pendingTx{}, requests: map[*queued]bool{}}
	})
}

func (s *sender) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		s.start(ctx)
	case *actor.Stopping:
		if s.timer != nil {
			s.timer.Stop()
		}
	case *senderReady:
		if msg.err != nil {
			s.cfg.Logger.Error("Transaction sender cannot start; retrying", "err", msg.err)
			s.after(ctx, 2*time.Second, &actor.Started{})
			return
		}
		s.chainID, s.nonce, s.ready = msg.chainID, msg.nonce, true
		for _, e := range msg.resumed {
			tx := new(types.Transaction)
			if err := tx.UnmarshalBinary(e.Raw); err != nil {
				s.cfg.Journal.Done(e.Nonce)
				continue
			}
			req := &SendTx{Call: e.Call, Action: e.Action}
			if e.Action == "execute" {
				// The journal does not keep what the call reimburses; the fee
				// cap it was signed with is within it, so bumps stop there
				// (and the execute is abandoned if it stays stuck).
				req.MaxFeeCap = tx.GasFeeCap()
			}
			p := &pendingTx{req: req, tx: tx, hashes: []common.Hash{tx.Hash()}, nonce: e.Nonce, sentAt: time.Now(), abandonFrom: -1, resumed: true}
			if e.Action == "abandon" {
				p.abandonFrom = 0
			}
			s.pending[e.Nonce] = p
			s.nonce = max(s.nonce, e.Nonce+1)
			s.cfg.Logger.Info("Resuming journaled transaction", "call", e.Call, "action", e.Action, "nonce", e.Nonce, "tx", tx.Hash())
			s.broadcast(ctx, e.Nonce, tx)
		}
		s.cfg.Logger.Info("Transaction sender ready", "account", s.addr, "nonce", s.nonce, "resumed", len(msg.resumed))
		s.gauges()
		for _, q := range s.queue {
			s.prepare(ctx, q)
		}
		s.queue = nil
		for _, a := range s.adopts {
			s.adopt(ctx, a.call, a.from)
		}
		s.adopts = nil
		s.after(ctx, s.cfg.Poll, &senderTick{})
	case *Adopt:
		if !s.ready {
			// The journal is not read yet: resumed transactions are unknown.
			s.adopts = append(s.adopts, adoptReq{call: msg.Call, from: ctx.Sender()})
			return
		}
		s.adopt(ctx, msg.Call, ctx.Sender())
	case *SendTx:
		q := &queued{req: msg, from: ctx.Sender()}
		s.requests[q] = true
		if !s.ready {
			s.queue = append(s.queue, q)
			return
		}
		s.prepare(ctx, q)
	case *feesReady:
		if msg.err != nil {
			delete(s.requests, msg.q)
			s.reply(ctx, msg.q.from, &TxDone{Call: msg.q.req.Call, Action: msg.q.req.Action, Err: msg.err})
			return
		}
		s.unsigned = append(s.unsigned, msg)
		s.signNext(ctx)
	case *signed:
		s.signedTx(ctx, msg)
	case *senderTick:
		s.check(ctx)
		s.after(ctx, s.cfg.Poll, &senderTick{})
	case *checkedRound:
		s.checking = false
		if msg.err != nil {
			s.cfg.Logger.Debug("Checking transactions failed; will retry", "err", msg.err)
			return
		}
		for _, r := range msg.results {
			s.checked(ctx, msg.head, r)
		}
		s.gauges()
	case *ResendTx:
		// Not held any more: it was resent already, for want of an answer.
		if p := s.pending[msg.Nonce]; p != nil && p.held {
			s.resend(ctx, p, "the requester still wants it")
		}
	case *AbandonTx:
		p := s.pending[msg.Nonce]
		switch {
		case p == nil || p.abandonFrom >= 0 || p.wantAbandon:
		case p.mined != nil:
			// Resent without an answer and mined again meanwhile: that
			// outcome is reported; a later reorg asks again.
			s.cfg.Logger.Info("Not abandoning a transaction: a version of it is mined", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "tx", p.mined.TxHash)
		default:
			// Also after a resend for want of an answer: a late decision
			// still keeps a dead claim or execute from being mined.
			s.abandonTx(ctx, p)
		}
	case *broadcastRefused:
		p := s.pending[msg.nonce]
		if p == nil || p.seen[msg.hash] {
			return // ours, mined: the check round follows it
		}
		log := s.cfg.Logger.Info // a Warn follows if another sender took nonces
		if p.resumed {
			log = s.cfg.Logger.Debug // possibly mined before the restart
		}
		log("The node refused a transaction: its nonce is used; rereading the account's nonce", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "tx", msg.hash, "err", msg.err)
		s.resyncNonce(ctx, "nonce too low")
	case *nonceRead:
		if msg.err != nil {
			s.cfg.Logger.Warn("Rereading the account's nonce failed", "why", msg.why, "err", msg.err)
			return
		}
		if msg.nonce > s.nonce {
			s.cfg.Logger.Warn("Skipping nonces used by another sender of this account", "from", s.nonce, "to", msg.nonce, "why", msg.why)
			s.nonce = msg.nonce
		}
	}
}

// resyncNonce rereads the account's pending nonce off the actor: another
// program may be sending from the account (a node account is often
// shared), and the next nonce must not be one it took.
func (s *sender) resyncNonce(ctx actor.Context, why string) {
	self, root, b, addr := ctx.Self(), ctx.ActorSystem().Root, s.cfg.Backend, s.addr
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		out := &nonceRead{why: why}
		out.nonce, out.err = b.PendingNonceAt(rctx, addr)
		root.Send(self, out)
	}()
}

// adopt makes from the requester of call's unfinished transactions and
// tells it which they are. A held (reorged-out) one is reported again, so
// that the adopter decides; it gets a full DecideWithin for it.
func (s *sender) adopt(ctx actor.Context, call common.Address, from *actor.PID) {
	out := &Adopted{Call: call}
	var held []*pendingTx
	for q := range s.requests {
		if q.req.Call == call {
			q.from = from
			out.Txs = append(out.Txs, AdoptedTx{Action: q.req.Action})
		}
	}
	for _, p := range s.pending {
		if p.req.Call != call {
			continue
		}
		p.from = from
		out.Txs = append(out.Txs, AdoptedTx{Action: p.req.Action, Nonce: p.nonce, Journaled: true})
		if p.held && p.reorged != nil {
			p.heldAt = time.Now()
			held = append(held, p)
		}
	}
	slices.SortFunc(out.Txs, func(a, b AdoptedTx) int {
		if a.Journaled != b.Journaled {
			if a.Journaled {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.Nonce, b.Nonce)
	})
	if len(out.Txs) > 0 {
		s.cfg.Logger.Info("Requester adopted its unfinished transactions", "call", call, "transactions", len(out.Txs), "requester", from)
	}
	s.reply(ctx, from, out)
	for _, p := range held {
		s.reply(ctx, from, p.reorged)
	}
}

func (s *sender) reply(ctx actor.Context, to *actor.PID, msg any) {
	if to != nil {
		ctx.Send(to, msg)
	}
}

func (s *sender) after(ctx actor.Context, d time.Duration, msg any) {
	self, root := ctx.Self(), ctx.ActorSystem().Root
	s.timer = time.AfterFunc(d, func() { root.Send(self, msg) })
}

func (s *sender) gauges() {
	n := map[string]int{}
	for _, p := range s.pending {
		n[p.state()]++
	}
	s.cfg.Metrics.transactions(n["pending"], n["mined"])
}

func (s *sender) start(ctx actor.Context) {
	self, root, cfg, addr := ctx.Self(), ctx.ActorSystem().Root, s.cfg, s.addr
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		r := &senderReady{}
		if r.chainID, r.err = cfg.Backend.ChainID(rctx); r.err == nil {
			if r.nonce, r.err = cfg.Backend.PendingNonceAt(rctx, addr); r.err == nil {
				r.resumed, r.err = cfg.Journal.Pending()
			}
		}
		root.Send(self, r)
	}()
}

// fees returns the tip and fee cap: tip as the node suggests, cap twice the
// base fee plus the tip, both bounded by what the call can reimburse.
func fees(ctx context.Context, b TxBackend, maxCap *big.Int) (tip, feeCap *big.Int, err error) {
	if tip, err = b.SuggestGasTipCap(ctx); err != nil {
		return nil, nil, err
	}
	head, err := b.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	base := head.BaseFee
	if base == nil {
		base = new(big.Int)
	}
	feeCap = new(big.Int).Add(new(big.Int).Mul(base, big.NewInt(2)), tip)
	if maxCap != nil && feeCap.Cmp(maxCap) > 0 {
		feeCap = new(big.Int).Set(maxCap)
		if tip.Cmp(feeCap) > 0 {
			tip = new(big.Int).Set(feeCap)
		}
		if feeCap.Cmp(base) < 0 {
			return nil, nil, fmt.Errorf("the call reimburses at most %s wei/gas, below the base fee %s", maxCap, base)
		}
	}
	return tip, feeCap, nil
}

// prepare fetches fees off the actor.
func (s *sender) prepare(ctx actor.Context, q *queued) {
	self, root, b, maxCap := ctx.Self(), ctx.ActorSystem().Root, s.cfg.Backend, q.req.MaxFeeCap
	out := &feesReady{q: q}
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		out.tip, out.feeCap, out.err = fees(rctx, b, maxCap)
		root.Send(self, out)
	}()
}

// sign signs tx off the actor (a node signer does I/O). base is the
// version a replacement or abandon transfer replaces.
func (s *sender) sign(ctx actor.Context, kind signKind, f *feesReady, base common.Hash, tx *types.DynamicFeeTx) {
	self, root, signer, chainID := ctx.Self(), ctx.ActorSystem().Root, s.cfg.Signer, s.chainID
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		out := &signed{kind: kind, nonce: tx.Nonce, f: f, base: base}
		defer func() {
			// A signer that panics (a bug, or a node's odd answer) fails
			// this signature, not the process.
			if r := recover(); r != nil {
				out.tx, out.err = nil, fmt.Errorf("the signer panicked: %v", r)
			}
			root.Send(self, out)
		}()
		out.tx, out.err = signer.SignTx(rctx, chainID, tx)
	}()
}

// signNext signs the next new transaction with the next nonce. One new
// transaction is signed at a time, so a signature that fails leaves no
// gap: the nonce is taken only once the signed transaction is journaled.
func (s *sender) signNext(ctx actor.Context) {
	if s.signing || len(s.unsigned) == 0 {
		return
	}
	f := s.unsigned[0]
	s.unsigned = s.unsigned[1:]
	s.signing = true
	to := f.q.req.To
	s.sign(ctx, signNew, f, common.Hash{}, &types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: s.nonce, GasTipCap: f.tip, GasFeeCap: f.feeCap, Gas: f.q.req.GasLimit, To: &to, Value: f.q.req.Value, Data: f.q.req.Data,
	})
}

// signedTx journals a signed transaction, then broadcasts it: the journal
// write comes first so that a crash cannot lose a transaction the network
// has.
func (s *sender) signedTx(ctx actor.Context, m *signed) {
	if m.kind == signNew {
		s.signing = false
		defer s.signNext(ctx)
		q := m.f.q
		err := m.err
		if err == nil && m.nonce < s.nonce {
			// The account's nonce was reread meanwhile (another sender took
			// this one): nothing is journaled yet, so sign again.
			s.unsigned = append([]*feesReady{m.f}, s.unsigned...)
			return
		}
		if err == nil {
			raw, _ := m.tx.MarshalBinary()
			err = s.cfg.Journal.Put(JournalEntry{Nonce: m.nonce, Call: q.req.Call, Action: q.req.Action, Raw: raw})
		}
		delete(s.requests, q)
		if err != nil {
			s.reply(ctx, q.from, &TxDone{Call: q.req.Call, Action: q.req.Action, Err: err})
			return
		}
		s.pending[m.nonce] = &pendingTx{req: q.req, from: q.from, tx: m.tx, hashes: []common.Hash{m.tx.Hash()}, nonce: m.nonce, sentAt: time.Now(), abandonFrom: -1}
		s.nonce = max(s.nonce, m.nonce+1)
		s.cfg.Metrics.txEvent("sent")
		s.cfg.Logger.Debug("Transaction sent", "call", q.req.Call, "action", q.req.Action, "nonce", m.nonce, "tx", m.tx.Hash())
		s.gauges()
		s.broadcast(ctx, m.nonce, m.tx)
		return
	}
	p := s.pending[m.nonce]
	if p == nil {
		return // final meanwhile: nothing to replace
	}
	p.signing = false
	if m.err != nil {
		s.cfg.Logger.Warn("Signing a replacement failed; will retry", "call", p.req.Call, "nonce", p.nonce, "err", m.err)
		return
	}
	// A signature is made from one version in one state; drop it if that
	// changed: mined or reorged out (held: the requester decides, nothing
	// may be broadcast), replaced meanwhile, or a fee bump overtaken by a
	// decision to abandon.
	if p.mined != nil || p.held || p.tx.Hash() != m.base || (p.wantAbandon && m.kind != signAbandon) {
		s.cfg.Logger.Debug("Dropping a signature made for an older state", "call", p.req.Call, "nonce", p.nonce, "tx", m.tx.Hash(), "base", m.base,
			"mined", p.mined != nil, "held", p.held, "abandon", p.wantAbandon)
		if p.wantAbandon && p.mined == nil && !p.held {
			s.abandonTx(ctx, p)
		}
		return
	}
	action := p.req.Action
	if m.kind == signAbandon || p.abandonFrom >= 0 {
		action = "abandon" // an abandon transfer, or a fee bump of one
	}
	raw, _ := m.tx.MarshalBinary()
	if err := s.cfg.Journal.Put(JournalEntry{Nonce: p.nonce, Call: p.req.Call, Action: action, Raw: raw}); err != nil {
		s.cfg.Logger.Error("Journaling a replacement failed", "call", p.req.Call, "nonce", p.nonce, "err", err)
		return
	}
	if m.kind == signAbandon {
		p.abandonFrom, p.wantAbandon = len(p.hashes), false
		s.cfg.Metrics.txEvent("abandoned")
		s.cfg.Logger.Info("Abandoning a transaction: replacing it with an empty transfer", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "old", p.tx.Hash(), "new", m.tx.Hash())
	} else {
		s.cfg.Metrics.txEvent("replaced")
		s.cfg.Logger.Info("Replacing a stuck transaction", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "old", p.tx.Hash(), "new", m.tx.Hash())
	}
	p.tx, p.sentAt = m.tx, time.Now()
	p.hashes = append(p.hashes, m.tx.Hash())
	s.broadcast(ctx, p.nonce, m.tx)
}

// broadcast sends tx off the actor. A "nonce too low" comes back as a
// message: unless that version was mined, the nonce was taken by someone
// else.
func (s *sender) broadcast(ctx actor.Context, nonce uint64, tx *types.Transaction) {
	self, root, b, logger := ctx.Self(), ctx.ActorSystem().Root, s.cfg.Backend, s.cfg.Logger
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		err := b.SendTransaction(rctx, tx)
		switch {
		case err == nil || isKnown(err):
		case isNonceTooLow(err):
			root.Send(self, &broadcastRefused{nonce: nonce, hash: tx.Hash(), err: err})
		default:
			logger.Debug("Broadcast failed", "tx", tx.Hash(), "err", err)
		}
	}()
}

// isKnown reports a send the node already has: over JSON-RPC these
// arrive as plain messages, not typed errors.
func isKnown(err error) bool {
	return err != nil && strings.Contains(err.Error(), "already known")
}

// isNonceTooLow reports a send whose nonce the account already used.
func isNonceTooLow(err error) bool {
	return err != nil && strings.Contains(err.Error(), "nonce too low")
}

// check starts a check round: the head, the account's nonce at the head,
// and for each pending nonce a canonical receipt of any version sent under
// it.
func (s *sender) check(ctx actor.Context) {
	if s.checking || len(s.pending) == 0 {
		return
	}
	s.checking = true
	type job struct {
		nonce  uint64
		hashes []common.Hash
	}
	jobs := make([]job, 0, len(s.pending))
	for n, p := range s.pending {
		jobs = append(jobs, job{n, append([]common.Hash(nil), p.hashes...)})
	}
	self, root, b, addr := ctx.Self(), ctx.ActorSystem().Root, s.cfg.Backend, s.addr
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		out := &checkedRound{}
		defer func() { root.Send(self, out) }()
		top, err := b.HeaderByNumber(rctx, nil)
		if err != nil {
			out.err = fmt.Errorf("reading the head: %w", err)
			return
		}
		out.head = top.Number.Uint64()
		used, err := b.NonceAt(rctx, addr, top.Number)
		if err != nil {
			out.err = fmt.Errorf("reading the account's nonce at %d: %w", out.head, err)
			return
		}
		for _, j := range jobs {
			r := txCheck{nonce: j.nonce, used: used > j.nonce}
			r.receipt, r.err = canonicalReceipt(rctx, b, out.head, j.hashes)
			out.results = append(out.results, r)
		}
		// Confirmations are counted from the head read first: if that block
		// left the canonical chain while the receipts were read, the round
		// mixed two chains. Retry it.
		again, err := b.HeaderByNumber(rctx, top.Number)
		if err != nil {
			out.err = fmt.Errorf("rereading block %d: %w", out.head, err)
			return
		}
		if again.Hash() != top.Hash() {
			out.err = fmt.Errorf("block %d changed during the check (a reorg)", out.head)
		}
	}()
}

// canonicalReceipt returns the receipt of whichever of hashes is in the
// canonical chain at or below head, or nil if none is. Only a receipt
// "not found", or one whose block is not the canonical block at its height,
// means not mined: a failed request, a receipt above the head read, or a
// block header the node cannot find (a backend that lags behind the one
// that answered the receipt) is an error, never taken for a reorg.
func canonicalReceipt(ctx context.Context, b TxBackend, head uint64, hashes []common.Hash) (*types.Receipt, error) {
	for _, h := range hashes {
		r, err := b.TransactionReceipt(ctx, h)
		if errors.Is(err, ethereum.NotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if r.BlockNumber == nil || r.BlockNumber.Uint64() > head {
			return nil, fmt.Errorf("the receipt of %s is in block %v, above the head %d", h, r.BlockNumber, head)
		}
		// A node answers from its canonical index, but an answer cached or
		// load-balanced from elsewhere may not be: compare with the
		// canonical block at that height.
		hdr, err := b.HeaderByNumber(ctx, r.BlockNumber)
		if err != nil {
			return nil, fmt.Errorf("reading block %d for the receipt of %s: %w", r.BlockNumber, h, err)
		}
		if hdr.Hash() == r.BlockHash {
			return r, nil
		}
	}
	return nil, nil
}

// checked applies one nonce's check: first inclusion, confirmations,
// finality, a reorg that dropped or moved it, or a stuck transaction.
func (s *sender) checked(ctx actor.Context, head uint64, r txCheck) {
	p := s.pending[r.nonce]
	if p == nil || r.err != nil {
		return
	}
	log := s.cfg.Logger.With("call", p.req.Call, "action", p.req.Action, "nonce", p.nonce)
	switch {
	case r.receipt != nil:
		p.usedAt, p.wantAbandon = 0, false
		if p.seen == nil {
			p.seen = map[common.Hash]bool{}
		}
		p.seen[r.receipt.TxHash] = true
		if p.mined == nil || p.mined.BlockHash != r.receipt.BlockHash {
			if p.mined != nil {
				s.cfg.Metrics.txEvent("reorged")
				log.Warn("Transaction reorged into another block", "tx", r.receipt.TxHash, "old_block", p.mined.BlockNumber, "block", r.receipt.BlockNumber)
			}
			p.mined, p.held = r.receipt, false
			s.cfg.Metrics.txEvent("mined")
			log.Info("Transaction mined; waiting for confirmations", "tx", r.receipt.TxHash, "block", r.receipt.BlockNumber, "needed", s.cfg.Confirmations)
		}
		if n := r.receipt.BlockNumber.Uint64(); head >= n && head-n+1 >= s.cfg.Confirmations {
			s.final(ctx, p, r.receipt, head-n+1, nil)
		}
	case p.mined != nil:
		s.reorgedOut(ctx, p)
	case r.used:
		// A version this sender does not know took the nonce (one sent
		// before a restart, then replaced, or another program's): once that
		// is final, give up.
		if p.usedAt == 0 {
			p.usedAt = head
		} else if head+1 >= p.usedAt+s.cfg.Confirmations {
			s.final(ctx, p, nil, 0, ErrNonceTaken)
		}
	case p.held:
		if p.from == nil || time.Since(p.heldAt) > s.cfg.DecideWithin {
			s.resend(ctx, p, "no decision from the requester")
		}
	default:
		p.usedAt = 0
		switch {
		case p.signing:
		case p.wantAbandon:
			s.abandonTx(ctx, p) // the abandon transfer's signature failed: again
		case time.Since(p.sentAt) > s.cfg.ReplaceAfter:
			s.replace(ctx, p)
		}
	}
}

// final ends a nonce: the journal entry goes and the requester hears the
// outcome, once.
func (s *sender) final(ctx actor.Context, p *pendingTx, r *types.Receipt, confirmations uint64, err error) {
	delete(s.pending, p.nonce)
	s.cfg.Journal.Done(p.nonce)
	done := &TxDone{Call: p.req.Call, Action: p.req.Action, Nonce: p.nonce, Receipt: r, Confirmations: confirmations, Err: err}
	if r != nil {
		done.Hash, done.Abandoned = r.TxHash, p.isAbandon(r.TxHash)
		s.cfg.Metrics.txEvent("confirmed")
		s.cfg.Logger.Info("Transaction confirmed", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "tx", r.TxHash, "block", r.BlockNumber, "confirmations", confirmations)
	} else {
		s.cfg.Logger.Warn("Transaction superseded by an unknown version", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "err", err)
		if errors.Is(err, ErrNonceTaken) {
			s.resyncNonce(ctx, "a nonce was taken by an unknown transaction")
		}
	}
	s.reply(ctx, p.from, done)
}

// reorgedOut handles a mined transaction whose receipt is gone from the
// canonical chain. The requester decides (the call may have changed on
// the new branch); a transaction nobody waits for is resent.
func (s *sender) reorgedOut(ctx actor.Context, p *pendingTx) {
	old := p.mined
	p.mined = nil
	s.cfg.Metrics.txEvent("reorged")
	s.cfg.Logger.Warn("Transaction reorged out", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "tx", old.TxHash, "block", old.BlockNumber)
	if p.from == nil || p.isAbandon(old.TxHash) {
		s.resend(ctx, p, "nobody else decides")
		return
	}
	p.held, p.heldAt = true, time.Now()
	p.reorged = &TxReorged{Call: p.req.Call, Action: p.req.Action, Nonce: p.nonce, Hash: old.TxHash, Block: old.BlockNumber.Uint64()}
	ctx.Send(p.from, p.reorged)
}

// resend broadcasts the latest version again.
func (s *sender) resend(ctx actor.Context, p *pendingTx, why string) {
	p.held, p.sentAt = false, time.Now()
	s.cfg.Metrics.txEvent("resent")
	s.cfg.Logger.Info("Resending a reorged-out transaction", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "tx", p.tx.Hash(), "why", why)
	s.broadcast(ctx, p.nonce, p.tx)
}

// bump raises a fee by 12.5% (nodes require at least 10% to replace).
func bump(v *big.Int) *big.Int {
	b := new(big.Int).Mul(v, big.NewInt(1125))
	return b.Div(b, big.NewInt(1000)).Add(b, big.NewInt(1))
}

// replace re-signs a stuck transaction with the same nonce and higher
// fees. A claim or execute whose call would not reimburse higher fees is
// abandoned instead: left in the pool it would hold up every later nonce
// of the account, and the requester replans once the transfer is final.
func (s *sender) replace(ctx actor.Context, p *pendingTx) {
	old := p.tx
	tip, feeCap := bump(old.GasTipCap()), bump(old.GasFeeCap())
	if p.abandonFrom < 0 && p.req.MaxFeeCap != nil && feeCap.Cmp(p.req.MaxFeeCap) > 0 {
		s.cfg.Logger.Warn("Abandoning a stuck transaction: the call would not reimburse higher fees", "call", p.req.Call, "action", p.req.Action,
			"nonce", p.nonce, "tx", old.Hash(), "fee_cap", old.GasFeeCap(), "max_fee_cap", p.req.MaxFeeCap)
		s.abandonTx(ctx, p)
		return
	}
	p.sentAt, p.signing = time.Now(), true
	s.sign(ctx, signReplace, nil, old.Hash(), &types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: old.Nonce(), GasTipCap: tip, GasFeeCap: feeCap, Gas: old.Gas(), To: old.To(), Value: old.Value(), Data: old.Data(),
	})
}

// abandonTx replaces a claim or execute that is no longer wanted with an
// empty transfer to ourselves at the same nonce and higher fees: nodes
// that still hold the original drop it for the replacement, and the nonce
// is used without touching the call (a claim or execute that can no longer
// succeed would burn gas, all of it if the call was cancelled). With a
// signature for this nonce in flight, the transfer is signed once it is
// back (and the other signature is dropped).
func (s *sender) abandonTx(ctx actor.Context, p *pendingTx) {
	p.held, p.wantAbandon = false, true
	if p.signing {
		return
	}
	p.sentAt, p.signing = time.Now(), true
	old := p.tx
	to := s.addr
	s.sign(ctx, signAbandon, nil, old.Hash(), &types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: old.Nonce(), GasTipCap: bump(old.GasTipCap()), GasFeeCap: bump(old.GasFeeCap()), Gas: 21000, To: &to, Value: new(big.Int),
	})
}
