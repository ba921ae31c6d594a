package alarm

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
)

// v0.6 constants (eac-reference.md §1.5).
const (
	CallWindowSize      = 16
	ClaimWindowOpens    = 265 // blocks before the target
	ClaimGrowthBlocks   = 240
	LastClaimBefore     = 10 // T-10 is the last block a claim can be mined in
	MinimumGracePeriod  = 64
	ClaimGas            = 100_000 // the reference's estimate of a claim's cost
	ClaimGasLimit       = 500_000
	ExecuteOverheadGas  = 200_000 // added to suggestedGas
	DefaultExecuteGas   = 1_200_000
	LookBehind          = 255 // blocks behind the head still worth scanning (maximum grace)
	LookAhead           = 40
	ScheduleLead        = 305 // a call's target is at least this many blocks after its scheduling block
	ClaimDepositFactor  = 2   // a claim sends 2·basePayment
	ClaimBalanceReserve = 2   // ether kept back when claiming
)

// Call is what the client knows about one call contract.
type Call struct {
	Address        common.Address
	Target         uint64
	Grace          uint64
	BasePayment    *big.Int
	BaseFee        *big.Int
	AnchorGasPrice *big.Int
	SuggestedGas   uint64
	Claimer        common.Address
	ClaimAmount    *big.Int
	ClaimerDeposit *big.Int
	Balance        *big.Int
	Cancelled      bool
	Called         bool
}

// Last is the last block the call can execute in.
func (c *Call) Last() uint64 { return c.Target + c.Grace }

// Expired reports whether a transaction mined after head is too late.
func (c *Call) Expired(head uint64) bool { return head >= c.Last() }

// Claimed reports whether someone claimed the call.
func (c *Call) Claimed() bool { return c.Claimer != (common.Address{}) }

// ClaimWindow returns the first and last block a claim can be mined in.
func (c *Call) ClaimWindow() (first, last uint64, ok bool) {
	if c.Target < ClaimWindowOpens {
		return 0, 0, false
	}
	return c.Target - ClaimWindowOpens, c.Target - LastClaimBefore, true
}

// ClaimAmountAt is the payment a claim mined in block b would lock in.
func (c *Call) ClaimAmountAt(b uint64) *big.Int {
	first, _, ok := c.ClaimWindow()
	if !ok {
		return new(big.Int).Set(c.BasePayment)
	}
	if b < first {
		return new(big.Int)
	}
	x := b - first
	if x >= ClaimGrowthBlocks {
		return new(big.Int).Set(c.BasePayment)
	}
	v := new(big.Int).Mul(c.BasePayment, new(big.Int).SetUint64(x))
	return v.Div(v, big.NewInt(ClaimGrowthBlocks))
}

// FirstProfitableClaimBlock is the first block whose claim amount covers
// a claim's gas at gasPrice: (T-265) + min(240, ⌈100000·price·240/base⌉).
func (c *Call) FirstProfitableClaimBlock(gasPrice *big.Int) uint64 {
	first, _, _ := c.ClaimWindow()
	if c.BasePayment.Sign() == 0 {
		return first + ClaimGrowthBlocks
	}
	num := new(big.Int).Mul(big.NewInt(ClaimGas*ClaimGrowthBlocks), gasPrice)
	q, r := new(big.Int).QuoRem(num, c.BasePayment, new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	if q.Cmp(big.NewInt(ClaimGrowthBlocks)) > 0 {
		return first + ClaimGrowthBlocks
	}
	return first + q.Uint64()
}

// ClaimDecision explains why a claim is or is not sent.
type ClaimDecision struct {
	Claim  bool
	Reason string
	Roll   uint64 // the random N the claim had to beat
	Needed uint64 // x = block − (T−265)
}

// DecideClaim applies the reference client's rule for a claim mined in
// block next (the head + 1): inside the window, unclaimed, profitable, a
// balance that keeps the reserve after the deposit, and x > N for a roll
// N uniform in [0, 255].
func (c *Call) DecideClaim(next uint64, gasPrice, balance *big.Int, roll uint64) ClaimDecision {
	first, last, ok := c.ClaimWindow()
	switch {
	case c.Cancelled:
		return ClaimDecision{Reason: "cancelled"}
	case c.Called:
		return ClaimDecision{Reason: "already called"}
	case c.Claimed():
		return ClaimDecision{Reason: "already claimed"}
	case !ok || next < first || next > last:
		return ClaimDecision{Reason: "outside the claim window"}
	case next < c.FirstProfitableClaimBlock(gasPrice):
		return ClaimDecision{Reason: "not yet profitable"}
	}
	deposit := new(big.Int).Mul(c.BasePayment, big.NewInt(ClaimDepositFactor))
	reserve := new(big.Int).Mul(big.NewInt(ClaimBalanceReserve), big.NewInt(1e18))
	if new(big.Int).Sub(balance, deposit).Cmp(reserve) < 0 {
		return ClaimDecision{Reason: "insufficient funds to claim"}
	}
	x := next - first
	d := ClaimDecision{Roll: roll, Needed: x}
	if x > roll {
		d.Claim, d.Reason = true, "roll won"
	} else {
		d.Reason = "roll lost"
	}
	return d
}

// Authorized reports whether executor may execute in block b, as
// checkExecutionAuthorization would, without the revert outside the window.
func (c *Call) Authorized(executor common.Address, b uint64) bool {
	if b < c.Target || b > c.Last() {
		return false
	}
	return !c.Claimed() || c.Claimer == executor || b >= c.Target+CallWindowSize
}

// ExecutionStart is the first block executor may execute in.
func (c *Call) ExecutionStart(executor common.Address) uint64 {
	if c.Claimed() && c.Claimer != executor {
		return c.Target + CallWindowSize
	}
	return c.Target
}

// GasLimit is the gas limit the client sends execute() with: the
// suggestion plus overhead, or the reference's default. A modest limit
// matters: v0.6 reimburses retained gas, so a huge limit drains the
// scheduler's endowment.
func (c *Call) GasLimit() uint64 {
	if c.SuggestedGas == 0 {
		return DefaultExecuteGas
	}
	return c.SuggestedGas + ExecuteOverheadGas
}

// GasScalar is the percentage v0.6 applies to payments at effective gas
// price p against the anchor price a.
func GasScalar(a, p *big.Int) *big.Int {
	hundred := big.NewInt(100)
	if p.Cmp(a) > 0 {
		return new(big.Int).Div(new(big.Int).Mul(hundred, a), p)
	}
	den := new(big.Int).Sub(new(big.Int).Mul(a, big.NewInt(2)), p)
	if den.Sign() == 0 {
		return big.NewInt(100)
	}
	return new(big.Int).Sub(big.NewInt(200), new(big.Int).Div(new(big.Int).Mul(hundred, a), den))
}

// Reward is what execute() pays executor at effective gas price p,
// excluding the gas reimbursement: deposit + base·scalar/100, where base
// is the claim amount for the claimer and the base payment for others.
func (c *Call) Reward(executor common.Address, p *big.Int) *big.Int {
	base := c.BasePayment
	if c.Claimed() && executor == c.Claimer && c.ClaimAmount != nil {
		base = c.ClaimAmount
	}
	v := new(big.Int).Mul(base, GasScalar(c.AnchorGasPrice, p))
	v.Div(v, big.NewInt(100))
	if c.ClaimerDeposit != nil {
		v.Add(v, c.ClaimerDeposit)
	}
	return v
}

// CanPay reports whether the call's balance covers a transaction of
// gasLimit at gasPrice plus what it owes (the reference's
// scheduler_can_pay: gas·price + 2·basePayment + 2·baseFee < balance).
func (c *Call) CanPay(gasLimit uint64, gasPrice *big.Int) bool {
	need := new(big.Int).Mul(new(big.Int).SetUint64(gasLimit), gasPrice)
	need.Add(need, new(big.Int).Mul(c.BasePayment, big.NewInt(2)))
	need.Add(need, new(big.Int).Mul(c.BaseFee, big.NewInt(2)))
	return need.Cmp(c.Balance) < 0
}

// Action is what a CallActor should do next.
type Action int

// Actions.
const (
	ActionWait    Action = iota // nothing to do before block Until
	ActionClaim                 // consider a claim (DecideClaim) in the next block
	ActionExecute               // send execute() now: the next block is in the executor's window
	ActionDone                  // finished: called, cancelled, expired or unpayable
)

// Plan is the next step for a call.
type Plan struct {
	Action Action
	Until  uint64 // for ActionWait: the head to wake up at
	Reason string
}

// NextStep plans for executor with the chain at head (the next block
// mined is head+1) and transactions of gasLimit at gasPrice.
func (c *Call) NextStep(executor common.Address, head uint64, gasPrice *big.Int) Plan {
	next := head + 1
	switch {
	case c.Cancelled:
		return Plan{Action: ActionDone, Reason: "cancelled"}
	case c.Called:
		return Plan{Action: ActionDone, Reason: "already called"}
	case next > c.Last():
		return Plan{Action: ActionDone, Reason: "call window expired"}
	case !c.CanPay(c.GasLimit(), gasPrice):
		return Plan{Action: ActionDone, Reason: "the call cannot pay for its execution"}
	}
	start := c.ExecutionStart(executor)
	if next >= start {
		return Plan{Action: ActionExecute, Reason: "in the execution window"}
	}
	if first, last, ok := c.ClaimWindow(); ok && !c.Claimed() && next >= first && next <= last {
		return Plan{Action: ActionClaim, Reason: "in the claim window"}
	}
	if first, _, ok := c.ClaimWindow(); ok && !c.Claimed() && next < first {
		return Plan{Action: ActionWait, Until: first - 1, Reason: "waiting for the claim window"}
	}
	// Sleep until two blocks before the window, as the reference does,
	// so the execute() lands in its first block.
	until := start - 1
	if start >= 2 {
		until = start - 2
	}
	return Plan{Action: ActionWait, Until: max(until, head), Reason: "sleeping until the execution window"}
}
