package alarm

import (
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

var (
	gwei  = big.NewInt(1e9)
	ether = big.NewInt(1e18)
	me    = common.HexToAddress("0x1111111111111111111111111111111111111111")
	other = common.HexToAddress("0x2222222222222222222222222222222222222222")
)

func mul(a *big.Int, n int64) *big.Int { return new(big.Int).Mul(a, big.NewInt(n)) }

// call returns a fresh unclaimed call with target 1000 and grace 255.
func call(mutate ...func(*Call)) *Call {
	c := &Call{Target: 1000, Grace: 255, BasePayment: new(big.Int).Set(ether), BaseFee: new(big.Int).Div(ether, big.NewInt(10)),
		AnchorGasPrice: mul(gwei, 10), Balance: mul(ether, 5), ClaimerDeposit: new(big.Int)}
	for _, m := range mutate {
		m(c)
	}
	return c
}

func TestClaimAmountAt(t *testing.T) {
	c := call()
	tests := map[uint64]*big.Int{
		734: new(big.Int),                   // before T-265
		735: new(big.Int),                   // T-265
		777: big.NewInt(175000000000000000), // 42/240
		855: new(big.Int).Div(ether, big.NewInt(2)),
		975: ether, // x = 240
		990: ether, // T-10
	}
	for b, want := range tests {
		if got := c.ClaimAmountAt(b); got.Cmp(want) != 0 {
			t.Errorf("ClaimAmountAt(%d) = %s, want %s", b, got, want)
		}
	}
}

func TestFirstProfitableClaimBlock(t *testing.T) {
	c := call()
	tests := map[int64]uint64{
		10:      735 + 1,   // 100000·10 gwei·240 / 1 ether = 0.24 → 1
		1000:    735 + 24,  // 24
		1000000: 735 + 240, // capped
	}
	for price, want := range tests {
		if got := c.FirstProfitableClaimBlock(mul(gwei, price)); got != want {
			t.Errorf("at %d gwei: %d, want %d", price, got, want)
		}
	}
}

func TestDecideClaim(t *testing.T) {
	rich := mul(ether, 100)
	tests := map[string]struct {
		c       *Call
		next    uint64
		balance *big.Int
		roll    uint64
		want    bool
		reason  string
	}{
		"cancelled":            {call(func(c *Call) { c.Cancelled = true }), 800, rich, 0, false, "cancelled"},
		"claimed":              {call(func(c *Call) { c.Claimer = other }), 800, rich, 0, false, "already claimed"},
		"before the window":    {call(), 734, rich, 0, false, "outside"},
		"after T-10":           {call(), 991, rich, 0, false, "outside"},
		"not yet profitable":   {call(), 740, rich, 0, false, "not yet profitable"}, // at 1000 gwei: from 759
		"keeps the reserve":    {call(), 900, mul(ether, 3), 0, false, "insufficient funds"},
		"roll lost":            {call(), 800, rich, 65, false, "roll lost"}, // x = 65, needs x > N
		"roll won":             {call(), 800, rich, 64, true, "roll won"},
		"last block, any roll": {call(), 990, rich, 254, true, "roll won"}, // x = 255 > 254
	}
	for name, tc := range tests {
		d := tc.c.DecideClaim(tc.next, mul(gwei, 1000), tc.balance, tc.roll)
		if d.Claim != tc.want || !strings.Contains(d.Reason, tc.reason) {
			t.Errorf("%s: %+v, want claim=%v (%s)", name, d, tc.want, tc.reason)
		}
	}
}

func TestAuthorized(t *testing.T) {
	claimed := call(func(c *Call) { c.Claimer = me })
	tests := []struct {
		c    *Call
		who  common.Address
		b    uint64
		want bool
	}{
		{call(), other, 999, false},
		{call(), other, 1000, true},
		{call(), other, 1255, true},
		{call(), other, 1256, false},
		{claimed, me, 1000, true},
		{claimed, other, 1000, false},
		{claimed, other, 1015, false},
		{claimed, other, 1016, true},
	}
	for _, tc := range tests {
		if got := tc.c.Authorized(tc.who, tc.b); got != tc.want {
			t.Errorf("Authorized(%s, %d) claimer %s = %v, want %v", tc.who, tc.b, tc.c.Claimer, got, tc.want)
		}
	}
}

func TestGasScalarAndReward(t *testing.T) {
	a := mul(gwei, 10)
	tests := map[int64]int64{10: 100, 20: 50, 0: 150, 5: 134, 40: 25}
	for p, want := range tests {
		if got := GasScalar(a, mul(gwei, p)); got.Int64() != want {
			t.Errorf("GasScalar(10 gwei, %d gwei) = %s, want %d", p, got, want)
		}
	}
	c := call(func(c *Call) {
		c.Claimer, c.ClaimAmount, c.ClaimerDeposit = me, new(big.Int).Div(ether, big.NewInt(4)), mul(ether, 2)
	})
	// The claimer is paid its claim amount; anyone else the base payment;
	// both get the recorded deposit.
	if got, want := c.Reward(me, a), new(big.Int).Add(mul(ether, 2), new(big.Int).Div(ether, big.NewInt(4))); got.Cmp(want) != 0 {
		t.Errorf("claimer reward %s, want %s", got, want)
	}
	if got, want := c.Reward(other, a), mul(ether, 3); got.Cmp(want) != 0 {
		t.Errorf("free-for-all reward %s, want %s", got, want)
	}
}

func TestNextStep(t *testing.T) {
	price := mul(gwei, 10)
	tests := map[string]struct {
		c      *Call
		head   uint64
		action Action
		until  uint64
	}{
		"cancelled":                {call(func(c *Call) { c.Cancelled = true }), 500, ActionDone, 0},
		"called":                   {call(func(c *Call) { c.Called = true }), 1001, ActionDone, 0},
		"expired":                  {call(), 1255, ActionDone, 0},
		"cannot pay":               {call(func(c *Call) { c.Balance = ether }), 500, ActionDone, 0},
		"before the claim window":  {call(), 500, ActionWait, 734},
		"in the claim window":      {call(), 800, ActionClaim, 0},
		"after the claim window":   {call(), 995, ActionWait, 998},
		"unclaimed, one before T":  {call(), 999, ActionExecute, 0},
		"claimed by me":            {call(func(c *Call) { c.Claimer = me }), 999, ActionExecute, 0},
		"claimed by me, early":     {call(func(c *Call) { c.Claimer = me }), 800, ActionWait, 998},
		"claimed by another":       {call(func(c *Call) { c.Claimer = other }), 1000, ActionWait, 1014},
		"free-for-all":             {call(func(c *Call) { c.Claimer = other }), 1015, ActionExecute, 0},
		"last block of the window": {call(), 1254, ActionExecute, 0},
	}
	for name, tc := range tests {
		p := tc.c.NextStep(me, tc.head, price)
		if p.Action != tc.action || tc.action == ActionWait && p.Until != tc.until {
			t.Errorf("%s: %+v, want action %d until %d", name, p, tc.action, tc.until)
		}
	}
}

func TestGasLimitAndCanPay(t *testing.T) {
	if got := call().GasLimit(); got != DefaultExecuteGas {
		t.Errorf("GasLimit without a suggestion = %d", got)
	}
	if got := call(func(c *Call) { c.SuggestedGas = 50000 }).GasLimit(); got != 250000 {
		t.Errorf("GasLimit with 50000 suggested = %d", got)
	}
	c := call(func(c *Call) { c.Balance = mul(new(big.Int).Div(ether, big.NewInt(10)), 23) }) // 2.3 ether
	if !c.CanPay(1_200_000, mul(gwei, 10)) {
		t.Error("2.3 ether cannot pay 2.2 ether + 0.012 ether of gas")
	}
	if c.CanPay(1_200_000, mul(gwei, 100000)) {
		t.Error("2.3 ether pays 120 ether of gas")
	}
}
