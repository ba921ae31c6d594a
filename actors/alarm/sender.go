package alarm

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// TxBackend is what the sender needs from the node.
type TxBackend interface {
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
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
	Action string // "claim" or "execute"
	Raw    []byte // the signed transaction
}

// Journal persists sent transactions until they are mined.
type Journal interface {
	Put(e JournalEntry) error
	Done(nonce uint64) error
	Pending() ([]JournalEntry, error)
}

// SendTx asks the sender to send a transaction; the requester gets a
// TxDone when it is mined (or fails for good).
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

// TxDone reports a transaction's outcome to its requester.
type TxDone struct {
	Call    common.Address
	Action  string
	Hash    common.Hash
	Receipt *types.Receipt
	Err     error
}

// SenderConfig configures the sender actor.
type SenderConfig struct {
	Backend TxBackend
	Key     *ecdsa.PrivateKey
	Journal Journal
	Logger  *slog.Logger
	// ReplaceAfter is how long a transaction may stay unmined before it is
	// replaced with ≥10% higher fees (default 30 s).
	ReplaceAfter time.Duration
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
}

type sender struct {
	cfg     SenderConfig
	addr    common.Address
	chainID *big.Int
	nonce   uint64
	ready   bool
	queue   []queued
	pending map[uint64]*pendingTx
	timer   *time.Timer
}

type queued struct {
	req  *SendTx
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
	q           queued
	tip, feeCap *big.Int
	err         error
}

type checked struct {
	nonce   uint64
	receipt *types.Receipt
}

// NewSenderProps returns the props of the transaction sender for one key:
// it owns the key's nonces, journals every transaction before it is
// broadcast, and replaces transactions that stay unmined.
func NewSenderProps(cfg SenderConfig) *actor.Props {
	if cfg.ReplaceAfter <= 0 {
		cfg.ReplaceAfter = 30 * time.Second
	}
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	return actor.PropsFromProducer(func() actor.Actor {
		return &sender{cfg: cfg, addr: crypto.PubkeyToAddress(cfg.Key.PublicKey), pending: map[uint64]*pendingTx{}}
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
			s.pending[e.Nonce] = &pendingTx{req: &SendTx{Call: e.Call, Action: e.Action}, tx: tx, hashes: []common.Hash{tx.Hash()}, nonce: e.Nonce, sentAt: time.Now()}
			s.nonce = max(s.nonce, e.Nonce+1)
			s.cfg.Logger.Info("Resuming journaled transaction", "call", e.Call, "action", e.Action, "nonce", e.Nonce, "tx", tx.Hash())
			s.broadcast(ctx, tx)
		}
		for _, q := range s.queue {
			s.prepare(ctx, q)
		}
		s.queue = nil
		s.after(ctx, s.cfg.Poll, &senderTick{})
	case *SendTx:
		q := queued{req: msg, from: ctx.Sender()}
		if !s.ready {
			s.queue = append(s.queue, q)
			return
		}
		s.prepare(ctx, q)
	case *feesReady:
		if msg.err != nil {
			s.reply(ctx, msg.q.from, &TxDone{Call: msg.q.req.Call, Action: msg.q.req.Action, Err: msg.err})
			return
		}
		s.send(ctx, msg)
	case *senderTick:
		s.check(ctx)
		s.after(ctx, s.cfg.Poll, &senderTick{})
	case *checked:
		p := s.pending[msg.nonce]
		if p == nil || msg.receipt == nil {
			if p != nil && time.Since(p.sentAt) > s.cfg.ReplaceAfter {
				s.replace(ctx, p)
			}
			return
		}
		delete(s.pending, msg.nonce)
		s.cfg.Journal.Done(msg.nonce)
		s.reply(ctx, p.from, &TxDone{Call: p.req.Call, Action: p.req.Action, Hash: msg.receipt.TxHash, Receipt: msg.receipt})
	}
}

func (s *sender) reply(ctx actor.Context, to *actor.PID, msg *TxDone) {
	if to != nil {
		ctx.Send(to, msg)
	}
}

func (s *sender) after(ctx actor.Context, d time.Duration, msg any) {
	self, root := ctx.Self(), ctx.ActorSystem().Root
	s.timer = time.AfterFunc(d, func() { root.Send(self, msg) })
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
func (s *sender) prepare(ctx actor.Context, q queued) {
	self, root, b := ctx.Self(), ctx.ActorSystem().Root, s.cfg.Backend
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		out := &feesReady{q: q}
		out.tip, out.feeCap, out.err = fees(rctx, b, q.req.MaxFeeCap)
		root.Send(self, out)
	}()
}

// send takes the next nonce, signs, journals, then broadcasts. Nonces are
// taken only here, after everything that can fail before signing, so a
// key's transactions never leave a gap; the journal write comes before
// the broadcast so a crash cannot lose a transaction the network has.
func (s *sender) send(ctx actor.Context, f *feesReady) {
	q := f.q
	to := q.req.To
	tx, err := types.SignNewTx(s.cfg.Key, types.LatestSignerForChainID(s.chainID), &types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: s.nonce, GasTipCap: f.tip, GasFeeCap: f.feeCap, Gas: q.req.GasLimit, To: &to, Value: q.req.Value, Data: q.req.Data,
	})
	if err == nil {
		raw, _ := tx.MarshalBinary()
		err = s.cfg.Journal.Put(JournalEntry{Nonce: s.nonce, Call: q.req.Call, Action: q.req.Action, Raw: raw})
	}
	if err != nil {
		s.reply(ctx, q.from, &TxDone{Call: q.req.Call, Action: q.req.Action, Err: err})
		return
	}
	s.pending[s.nonce] = &pendingTx{req: q.req, from: q.from, tx: tx, hashes: []common.Hash{tx.Hash()}, nonce: s.nonce, sentAt: time.Now()}
	s.nonce++
	s.broadcast(ctx, tx)
}

func (s *sender) broadcast(ctx actor.Context, tx *types.Transaction) {
	b, logger := s.cfg.Backend, s.cfg.Logger
	go func() {
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := b.SendTransaction(rctx, tx); err != nil && !isKnown(err) {
			logger.Debug("Rebroadcast failed", "tx", tx.Hash(), "err", err)
		}
	}()
}

// isKnown reports a send the node already has (or already mined): over
// JSON-RPC these arrive as plain messages, not typed errors.
func isKnown(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "already known") || strings.Contains(msg, "nonce too low")
}

// check asks for the receipts of pending transactions (and of the
// replacements journaled under the same nonce).
func (s *sender) check(ctx actor.Context) {
	self, root, b := ctx.Self(), ctx.ActorSystem().Root, s.cfg.Backend
	for n, p := range s.pending {
		hashes := append([]common.Hash(nil), p.hashes...)
		go func() {
			rctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			var found *types.Receipt
			for _, h := range hashes {
				if r, err := b.TransactionReceipt(rctx, h); err == nil {
					found = r
					break
				}
			}
			root.Send(self, &checked{nonce: n, receipt: found})
		}()
	}
}

// replace re-signs a stuck transaction with the same nonce and fees raised
// by 12.5% (nodes require at least 10%).
func (s *sender) replace(ctx actor.Context, p *pendingTx) {
	old := p.tx
	bump := func(v *big.Int) *big.Int {
		b := new(big.Int).Mul(v, big.NewInt(1125))
		return b.Div(b, big.NewInt(1000)).Add(b, big.NewInt(1))
	}
	tip, feeCap := bump(old.GasTipCap()), bump(old.GasFeeCap())
	if p.req.MaxFeeCap != nil && feeCap.Cmp(p.req.MaxFeeCap) > 0 {
		s.cfg.Logger.Warn("Not replacing a stuck transaction: the call would not reimburse higher fees", "call", p.req.Call, "nonce", p.nonce)
		p.sentAt = time.Now()
		return
	}
	tx, err := types.SignNewTx(s.cfg.Key, types.LatestSignerForChainID(s.chainID), &types.DynamicFeeTx{
		ChainID: s.chainID, Nonce: old.Nonce(), GasTipCap: tip, GasFeeCap: feeCap, Gas: old.Gas(), To: old.To(), Value: old.Value(), Data: old.Data(),
	})
	if err != nil {
		return
	}
	raw, _ := tx.MarshalBinary()
	if err := s.cfg.Journal.Put(JournalEntry{Nonce: p.nonce, Call: p.req.Call, Action: p.req.Action, Raw: raw}); err != nil {
		return
	}
	s.cfg.Logger.Info("Replacing a stuck transaction", "call", p.req.Call, "action", p.req.Action, "nonce", p.nonce, "old", old.Hash(), "new", tx.Hash())
	p.tx, p.sentAt = tx, time.Now()
	p.hashes = append(p.hashes, tx.Hash())
	s.broadcast(ctx, tx)
}
