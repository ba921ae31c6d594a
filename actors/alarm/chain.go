package alarm

import (
	"context"
	"fmt"
	"math/big"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	alarmabi "github.com/actord/actord/internal/contracts/alarm"
)

// Chain is the part of an Ethereum client the alarm client reads with.
// ethclient.Client satisfies it.
type Chain interface {
	bind.ContractBackend
	BlockNumber(ctx context.Context) (uint64, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

var (
	schedulerABI = alarmabi.NewScheduler()
	callABI      = alarmabi.NewFutureBlockCall()
)

// Enumerate lists the calls whose target block lies in [left, right], in
// index order, by walking getNextCall(left) and getNextCallSibling: one
// eth_call per call, as the reference client does.
func Enumerate(ctx context.Context, c Chain, scheduler common.Address, left, right uint64) ([]common.Address, error) {
	fs, err := walk(ctx, c, scheduler, left, right)
	out := make([]common.Address, len(fs))
	for i, f := range fs {
		out[i] = f.addr
	}
	return out, err
}

// walk is Enumerate with the target block of each call.
func walk(ctx context.Context, c Chain, scheduler common.Address, left, right uint64) ([]found, error) {
	s := schedulerABI.Instance(c, scheduler)
	opts := &bind.CallOpts{Context: ctx}
	a, err := bind.Call(s, opts, schedulerABI.PackGetNextCall(new(big.Int).SetUint64(left)), schedulerABI.UnpackGetNextCall)
	if err != nil {
		return nil, fmt.Errorf("getNextCall(%d): %w", left, err)
	}
	var out []found
	for a != (common.Address{}) {
		target, err := bind.Call(callABI.Instance(c, a), opts, callABI.PackTargetBlock(), callABI.UnpackTargetBlock)
		if err != nil {
			return out, fmt.Errorf("targetBlock of %s: %w", a, err)
		}
		if !target.IsUint64() || target.Uint64() > right {
			break
		}
		out = append(out, found{addr: a, target: target.Uint64()})
		if a, err = bind.Call(s, opts, schedulerABI.PackGetNextCallSibling(a), schedulerABI.UnpackGetNextCallSibling); err != nil {
			return out, fmt.Errorf("getNextCallSibling: %w", err)
		}
	}
	return out, nil
}

// ReadCall reads everything the policy needs about a call contract: in
// one JSON-RPC batch when c is an ethclient.Client, else call by call.
func ReadCall(ctx context.Context, c Chain, addr common.Address) (*Call, error) {
	var out [][]byte
	var balance *big.Int
	var err error
	if rc, ok := c.(rpcClient); ok && rc.Client() != nil {
		out, balance, err = readBatch(ctx, rc.Client(), addr)
	} else {
		out, balance, err = readEach(ctx, c, addr)
	}
	if err != nil {
		return nil, fmt.Errorf("reading call %s: %w", addr, err)
	}
	return decodeCall(addr, out, balance)
}

// callGetters are the getters ReadCall reads, in the order decodeCall
// expects their answers.
func callGetters() [][]byte {
	return [][]byte{
		callABI.PackTargetBlock(), callABI.PackGracePeriod(), callABI.PackBasePayment(), callABI.PackBaseFee(),
		callABI.PackAnchorGasPrice(), callABI.PackSuggestedGas(), callABI.PackClaimAmount(), callABI.PackClaimerDeposit(),
		callABI.PackClaimer(), callABI.PackIsCancelled(), callABI.PackWasCalled(),
	}
}

// readEach reads the getters one eth_call at a time, for backends that
// cannot batch.
func readEach(ctx context.Context, c Chain, addr common.Address) ([][]byte, *big.Int, error) {
	getters := callGetters()
	out := make([][]byte, len(getters))
	for i, data := range getters {
		var err error
		if out[i], err = c.CallContract(ctx, ethereum.CallMsg{To: &addr, Data: data}, nil); err != nil {
			return nil, nil, err
		}
	}
	balance, err := c.BalanceAt(ctx, addr, nil)
	return out, balance, err
}

// decodeCall unpacks the getters' answers (see callGetters).
func decodeCall(addr common.Address, out [][]byte, balance *big.Int) (*Call, error) {
	var err error
	num := func(i int, unpack func([]byte) (*big.Int, error)) *big.Int {
		v, e := unpack(out[i])
		if e != nil && err == nil {
			err = e
		}
		if v == nil {
			v = new(big.Int)
		}
		return v
	}
	c := &Call{Address: addr, Balance: balance}
	target := num(0, callABI.UnpackTargetBlock)
	c.BasePayment = num(2, callABI.UnpackBasePayment)
	c.BaseFee = num(3, callABI.UnpackBaseFee)
	c.AnchorGasPrice = num(4, callABI.UnpackAnchorGasPrice)
	suggested := num(5, callABI.UnpackSuggestedGas)
	c.ClaimAmount = num(6, callABI.UnpackClaimAmount)
	c.ClaimerDeposit = num(7, callABI.UnpackClaimerDeposit)
	grace, e1 := callABI.UnpackGracePeriod(out[1])
	claimer, e2 := callABI.UnpackClaimer(out[8])
	cancelled, e3 := callABI.UnpackIsCancelled(out[9])
	called, e4 := callABI.UnpackWasCalled(out[10])
	for _, e := range []error{err, e1, e2, e3, e4} {
		if e != nil {
			return nil, fmt.Errorf("decoding call %s (is it a v0.6 call contract?): %w", addr, e)
		}
	}
	if !target.IsUint64() {
		return nil, fmt.Errorf("call %s: target block %s out of range", addr, target)
	}
	c.Target, c.Grace, c.Claimer, c.Cancelled, c.Called = target.Uint64(), uint64(grace), claimer, cancelled, called
	if suggested.IsUint64() {
		c.SuggestedGas = suggested.Uint64()
	}
	return c, nil
}
