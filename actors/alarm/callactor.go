package alarm

import (
	"context"
	"log/slog"
	"math/big"
	"strings"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// callActor follows one call: it sleeps (costing no RPC) until the policy
// says something can happen, then rereads the call, claims or executes
// through the sender, reads the receipt's logs, and stops when the call is
// done, expired or cannot pay. Reads and simulations wait for a read slot
// from the Scheduler actor (its parent), which hands slots out by
// priority: the call's target block.
type callActor struct {
	cfg     SchedulerConfig
	addr    common.Address
	logger  *slog.Logger
	call    *Call
	price   *big.Int
	balance *big.Int
	head    uint64
	wakeAt  uint64
	hint    uint64 // the target block (or a lower bound) before the first read
	reading bool   // a read or simulation is queued or in flight
	next    func(actor.Context)
	// txs counts our claims and executes with the sender, not yet final
	// (at most one, unless adopted after a restart).
	txs int
	// adopting: the sender has not yet said which transactions of this
	// call it still has (Adopt, sent at every start). Until it has, the
	// actor reads but neither claims nor executes: a transaction sent
	// before a restart may still be in flight.
	adopting bool
	// reorg is set while a reorged-out transaction of ours waits for a
	// decision: the next read (and simulation) decides resend or abandon.
	reorg   *TxReorged
	sleptAt uint64
	inLoop  bool
	// epoch counts the sender's reports (TxReorged, TxDone). A read or
	// simulation started in an earlier epoch describes a chain the
	// sender has since moved past: its result is dropped and the call
	// read again.
	epoch uint64
}

// simulated is the result of checking an execute() before sending it.
type simulated struct {
	epoch  uint64
	ok     bool
	reason string
}

type callRead struct {
	epoch   uint64
	call    *Call
	price   *big.Int
	balance *big.Int
	head    uint64
	err     error
}

func newCallActor(cfg SchedulerConfig, addr common.Address, hint uint64) *callActor {
	return &callActor{cfg: cfg, addr: addr, hint: hint, logger: cfg.Logger.With("logger", "call-"+strings.ToLower(addr.Hex()))}
}

func (c *callActor) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		// Ask the sender before anything else: after a restart a claim or
		// execute of ours may still be in flight. (Without a sender, as
		// in read-only tests, nothing can be.)
		if c.cfg.Sender == nil {
			c.read(ctx)
			return
		}
		c.adopting = true
		ctx.Request(c.cfg.Sender, &Adopt{Call: c.addr})
	case *Adopted:
		if !c.adopting {
			return
		}
		c.adopting = false
		c.txs += len(msg.Txs)
		for _, t := range msg.Txs {
			c.logger.Info("Following a transaction sent before a restart", "action", t.Action, "nonce", t.Nonce, "journaled", t.Journaled)
		}
		c.read(ctx)
	case *Head:
		c.head = max(c.head, msg.Number)
		if !c.adopting && !c.reading && (c.reorg != nil || (c.txs == 0 && c.head >= c.wakeAt)) {
			c.read(ctx)
		}
	case *readGranted:
		op := c.next
		c.next = nil
		if op == nil {
			// A grant this instance did not ask for (the request was made
			// before a restart): give the slot back.
			ctx.Send(ctx.Parent(), &readDone{pid: ctx.Self()})
			return
		}
		op(ctx)
	case *callRead:
		c.reading = false
		if c.stale(ctx, msg.epoch) {
			return
		}
		if msg.err != nil {
			c.logger.Warn("Reading the call failed; will retry", "err", msg.err)
			c.wakeAt = c.head + 1
			return
		}
		c.call, c.price, c.balance = msg.call, msg.price, msg.balance
		if c.reorg != nil {
			// After a reorg the canonical head may be lower than the
			// highest one seen: decide on the chain as it is now.
			c.head = msg.head
			c.decide(ctx)
			return
		}
		c.head = max(c.head, msg.head)
		switch {
		case c.adopting:
		case c.txs > 0:
			c.logger.Info("Waiting for our transaction in flight to be final", "transactions", c.txs)
		default:
			c.act(ctx)
		}
	case *simulated:
		c.reading = false
		if c.stale(ctx, msg.epoch) {
			return
		}
		if c.reorg != nil {
			if msg.ok {
				c.resend(ctx, "the call still needs executing")
			} else {
				c.abandon(ctx, msg.reason)
			}
			return
		}
		if !msg.ok {
			c.logger.Info("Not executing yet: "+msg.reason, "reason", msg.reason)
			c.wakeAt = c.head + 1
			return
		}
		c.sendExecute(ctx)
	case *TxReorged:
		c.epoch++
		c.reorg = msg
		c.logger.Warn("Transaction reorged out; rechecking the call", "action", msg.Action, "tx", msg.Hash, "block", msg.Block)
		c.read(ctx) // or, with one in flight, again once it is back
	case *TxDone:
		c.epoch++
		if c.txs > 0 {
			c.txs--
		}
		if c.txs == 0 || (c.reorg != nil && c.reorg.Nonce == msg.Nonce) {
			c.reorg = nil
		}
		c.done(ctx, msg)
	}
}

// stale drops the result of a read or simulation started before the
// sender's last report (a reorg, or a transaction final meanwhile: acting
// on it could resend a claim or execute on a chain that has moved on),
// and reads the call again.
func (c *callActor) stale(ctx actor.Context, epoch uint64) bool {
	if epoch == c.epoch {
		return false
	}
	c.logger.Debug("Dropping a read made before the last transaction report; reading again")
	c.read(ctx)
	return true
}

// withSlot runs op once the Scheduler actor grants a read slot; op's
// goroutine sends readDone to the parent when its I/O is over.
func (c *callActor) withSlot(ctx actor.Context, op func(actor.Context)) {
	c.reading, c.next = true, op
	prio := c.hint
	if c.call != nil {
		prio = c.call.Target
	}
	ctx.Send(ctx.Parent(), &readSlot{pid: ctx.Self(), priority: prio})
}

// decide handles a reorged-out claim or execute on the state of the new
// canonical chain: resend it if it is still wanted and still allowed,
// else abandon it (the sender replaces it with an empty transfer).
func (c *callActor) decide(ctx actor.Context) {
	p := c.call.NextStep(c.cfg.Executor, c.head, c.price)
	switch c.reorg.Action {
	case "execute":
		if p.Action == ActionExecute {
			c.simulate(ctx) // the simulation decides
			return
		}
		c.abandon(ctx, p.Reason)
	case "claim":
		switch {
		case p.Action != ActionClaim && p.Action != ActionExecute:
			c.abandon(ctx, p.Reason)
		case c.call.Claimed():
			c.abandon(ctx, "already claimed")
		case p.Action != ActionClaim:
			c.abandon(ctx, "outside the claim window")
		default:
			c.resend(ctx, "the call is still unclaimed")
		}
	default:
		c.resend(ctx, "")
	}
}

func (c *callActor) resend(ctx actor.Context, why string) {
	c.logger.Info("Resending the reorged-out transaction", "action", c.reorg.Action, "why", why)
	ctx.Send(c.cfg.Sender, &ResendTx{Nonce: c.reorg.Nonce})
	c.reorg = nil
}

func (c *callActor) abandon(ctx actor.Context, why string) {
	c.logger.Info("Abandoning the reorged-out transaction: "+why, "action", c.reorg.Action, "why", why)
	ctx.Send(c.cfg.Sender, &AbandonTx{Nonce: c.reorg.Nonce})
	c.reorg = nil
}

// simulate checks, before spending gas, that the node agrees the executor
// is authorized in the next block and that execute() does not revert.
func (c *callActor) simulate(ctx actor.Context) {
	c.withSlot(ctx, c.startSimulate)
}

func (c *callActor) startSimulate(ctx actor.Context) {
	self, parent, root, cfg, addr, next := ctx.Self(), ctx.Parent(), ctx.ActorSystem().Root, c.cfg, c.addr, c.head+1
	out := &simulated{epoch: c.epoch, ok: true}
	go func() {
		defer root.Send(parent, &readDone{pid: self})
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		defer func() { root.Send(self, out) }()
		inst := callABI.Instance(cfg.Chain, addr)
		ok, err := bind.Call(inst, &bind.CallOpts{Context: rctx, From: cfg.Executor}, callABI.PackCheckExecutionAuthorization(cfg.Executor, new(big.Int).SetUint64(next)), callABI.UnpackCheckExecutionAuthorization)
		if err != nil || !ok {
			// v0.6 reverts outside the window: treat any error as "not allowed".
			out.ok, out.reason = false, "not authorized in the next block"
			return
		}
		to := addr
		if _, err := cfg.Chain.CallContract(rctx, ethereum.CallMsg{From: cfg.Executor, To: &to, Data: callABI.PackExecute(), Gas: 2_000_000}, nil); err != nil {
			out.ok, out.reason = false, "execute() would revert: "+err.Error()
		}
	}()
}

func (c *callActor) read(ctx actor.Context) {
	if c.reading {
		return // the read in flight brings fresh state
	}
	c.withSlot(ctx, c.startRead)
}

func (c *callActor) startRead(ctx actor.Context) {
	self, parent, root, cfg, addr := ctx.Self(), ctx.Parent(), ctx.ActorSystem().Root, c.cfg, c.addr
	out := &callRead{epoch: c.epoch}
	go func() {
		defer root.Send(parent, &readDone{pid: self})
		rctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		defer func() { root.Send(self, out) }()
		if out.head, out.err = cfg.Chain.BlockNumber(rctx); out.err != nil {
			return
		}
		if out.call, out.err = ReadCall(rctx, cfg.Chain, addr); out.err != nil {
			return
		}
		if out.price, out.err = cfg.Chain.SuggestGasPrice(rctx); out.err != nil {
			return
		}
		out.balance, out.err = cfg.Chain.BalanceAt(rctx, cfg.Executor, nil)
	}()
}

func (c *callActor) act(ctx actor.Context) {
	p := c.call.NextStep(c.cfg.Executor, c.head, c.price)
	switch p.Action {
	case ActionDone:
		switch p.Reason {
		case "already called":
			c.logger.Info("Call has already been executed")
		case "call window expired":
			c.logger.Error("Call window expired")
		case "cancelled":
			c.logger.Info("Call was cancelled")
		default:
			c.logger.Warn("Scheduler cannot pay for the call", "balance", c.call.Balance, "gas", c.call.GasLimit(), "gas_price", c.price,
				"owed", new(big.Int).Mul(new(big.Int).Add(c.call.BasePayment, c.call.BaseFee), big.NewInt(2)))
		}
		ctx.Stop(ctx.Self())
	case ActionWait:
		c.wakeAt = p.Until
		if c.sleptAt != p.Until {
			c.logger.Info("Sleeping until "+itoa(p.Until), "until", p.Until, "reason", p.Reason)
			c.sleptAt = p.Until
		}
	case ActionClaim:
		d := c.call.DecideClaim(c.head+1, c.price, c.balance, c.cfg.Roll())
		c.wakeAt = c.head + 1
		if !d.Claim {
			c.logger.Debug("Not claiming", "reason", d.Reason, "roll", d.Roll, "needed", d.Needed)
			return
		}
		c.logger.Info("Claiming roll for "+c.addr.Hex()+", Rolled "+itoa(d.Roll)+": Needed: "+itoa(d.Needed), "roll", d.Roll, "needed", d.Needed)
		c.txs++
		ctx.Request(c.cfg.Sender, &SendTx{
			Call: c.addr, Action: "claim", To: c.addr, Data: callABI.PackClaim(),
			Value: new(big.Int).Mul(c.call.BasePayment, big.NewInt(ClaimDepositFactor)), GasLimit: ClaimGasLimit,
		})
	case ActionExecute:
		if !c.inLoop {
			c.logger.Info("Entering call loop")
			c.inLoop = true
		}
		c.simulate(ctx)
	}
}

func (c *callActor) sendExecute(ctx actor.Context) {
	c.logger.Info("Attempting to execute call")
	gas := c.call.GasLimit()
	// Never bid more per gas than the call can reimburse.
	spare := new(big.Int).Sub(c.call.Balance, new(big.Int).Mul(c.call.BasePayment, big.NewInt(2)))
	spare.Sub(spare, new(big.Int).Mul(c.call.BaseFee, big.NewInt(2)))
	maxFee := new(big.Int).Div(spare, new(big.Int).SetUint64(gas))
	c.txs++
	ctx.Request(c.cfg.Sender, &SendTx{Call: c.addr, Action: "execute", To: c.addr, Data: callABI.PackExecute(), Value: new(big.Int), GasLimit: gas, MaxFeeCap: maxFee})
}

// done handles a final (or failed) claim or execute: it arrives once per
// transaction, after the confirmations, so each outcome is counted once.
func (c *callActor) done(ctx actor.Context, d *TxDone) {
	m := c.cfg.Metrics
	if d.Err != nil {
		c.logger.Error("Transaction failed", "action", d.Action, "err", d.Err)
		if m != nil {
			c.count(d.Action, "failed")
		}
		c.wakeAt = c.head + 1
		return
	}
	if m != nil && d.Receipt != nil && d.Receipt.EffectiveGasPrice != nil {
		m.weiSpent.Add(weiFloat(new(big.Int).Mul(d.Receipt.EffectiveGasPrice, new(big.Int).SetUint64(d.Receipt.GasUsed))))
	}
	if d.Abandoned {
		c.logger.Info("The abandoned transaction's replacement is final", "action", d.Action, "tx", d.Hash, "block", d.Receipt.BlockNumber)
		c.wakeAt = c.head + 1
		c.read(ctx)
		return
	}
	c.logger.Info("Transaction accepted.", "action", d.Action, "tx", d.Hash, "block", d.Receipt.BlockNumber, "confirmations", d.Confirmations)
	switch d.Action {
	case "claim":
		claimed := false
		for _, l := range d.Receipt.Logs {
			if ev, err := callABI.UnpackClaimedEvent(l); err == nil && ev.Executor == c.cfg.Executor {
				claimed = true
				c.logger.Info("Call "+c.addr.Hex()+" claimed with txn "+d.Hash.Hex(), "claim_amount", ev.ClaimAmount)
			}
		}
		if claimed {
			c.count("claim", "claimed")
		} else {
			c.logger.Info("Claim was refused (someone else claimed first, or the window moved)")
			c.count("claim", "refused")
		}
	case "execute":
		if ev := executedEvent(d.Receipt); ev != nil {
			c.logger.Info("Call executed", "success", ev.Success, "payment", ev.Payment, "gas_cost", ev.GasCost, "tx", d.Hash)
			c.count("execute", "executed")
			if m != nil {
				m.weiEarned.Add(weiFloat(ev.Payment))
			}
			ctx.Stop(ctx.Self())
			return
		}
		reason := abortedReason(d.Receipt)
		c.logger.Warn("Execution aborted: "+reason, "reason", reason, "tx", d.Hash)
		c.count("execute", "aborted")
	}
	// Reread and replan at the next block.
	c.wakeAt = c.head + 1
	c.read(ctx)
}

func (c *callActor) count(action, outcome string) {
	if c.cfg.Metrics == nil {
		return
	}
	if action == "claim" {
		c.cfg.Metrics.claims.WithLabelValues(outcome).Inc()
	} else {
		c.cfg.Metrics.executions.WithLabelValues(outcome).Inc()
	}
}

type executedLog struct {
	Success          bool
	Payment, GasCost *big.Int
}

func executedEvent(r *types.Receipt) *executedLog {
	for _, l := range r.Logs {
		if ev, err := callABI.UnpackCallExecutedEvent(l); err == nil {
			return &executedLog{Success: ev.Success, Payment: ev.Payment, GasCost: ev.GasCost}
		}
	}
	return nil
}

func abortedReason(r *types.Receipt) string {
	for _, l := range r.Logs {
		if ev, err := callABI.UnpackCallAbortedEvent(l); err == nil {
			return strings.TrimRight(string(ev.Reason[:]), "\x00")
		}
	}
	if r.Status == types.ReceiptStatusFailed {
		return "REVERTED"
	}
	return "UNKNOWN"
}

func weiFloat(v *big.Int) float64 {
	f, _ := new(big.Float).SetInt(v).Float64()
	return f
}
