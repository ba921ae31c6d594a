package alarm

import (
	"context"
	"fmt"
	"math/big"

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
	s := schedulerABI.Instance(c, scheduler)
	opts := &bind.CallOpts{Context: ctx}
	a, err := bind.Call(s, opts, schedulerABI.PackGetNextCall(new(big.Int).SetUint64(left)), schedulerABI.UnpackGetNextCall)
	if err != nil {
		return nil, fmt.Errorf("getNextCall(%d): %w", left, err)
	}
	var out []common.Address
	for a != (common.Address{}) {
		target, err := bind.Call(callABI.Instance(c, a), opts, callABI.PackTargetBlock(), callABI.UnpackTargetBlock)
		if err != nil {
			return out, fmt.Errorf("targetBlock of %s: %w", a, err)
		}
		if !target.IsUint64() || target.Uint64() > right {
			break
		}
		out = append(out, a)
		if a, err = bind.Call(s, opts, schedulerABI.PackGetNextCallSibling(a), schedulerABI.UnpackGetNextCallSibling); err != nil {
			return out, fmt.Errorf("getNextCallSibling: %w", err)
		}
	}
	return out, nil
}

// ReadCall reads everything the policy needs about a call contract: in
// one JSON-RPC batch when c is an ethclient.Client, else call by call.
func ReadCall(ctx context.Context, c Chain, addr common.Address) (*Call, error) {
	if rc, ok := c.(rpcClient); ok && rc.Client() != nil {
		return readCallBatch(ctx, rc.Client(), addr)
	}
	inst := callABI.Instance(c, addr)
	opts := &bind.CallOpts{Context: ctx}
	var firstErr error
	num := func(data []byte, unpack func([]byte) (*big.Int, error)) *big.Int {
		v, err := bind.Call(inst, opts, data, unpack)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if v == nil {
			v = new(big.Int)
		}
		return v
	}
	call := &Call{Address: addr}
	target := num(callABI.PackTargetBlock(), callABI.UnpackTargetBlock)
	call.BasePayment = num(callABI.PackBasePayment(), callABI.UnpackBasePayment)
	call.BaseFee = num(callABI.PackBaseFee(), callABI.UnpackBaseFee)
	call.AnchorGasPrice = num(callABI.PackAnchorGasPrice(), callABI.UnpackAnchorGasPrice)
	suggested := num(callABI.PackSuggestedGas(), callABI.UnpackSuggestedGas)
	call.ClaimAmount = num(callABI.PackClaimAmount(), callABI.UnpackClaimAmount)
	call.ClaimerDeposit = num(callABI.PackClaimerDeposit(), callABI.UnpackClaimerDeposit)
	grace, err := bind.Call(inst, opts, callABI.PackGracePeriod(), callABI.UnpackGracePeriod)
	if err != nil && firstErr == nil {
		firstErr = err
	}
	if call.Claimer, err = bind.Call(inst, opts, callABI.PackClaimer(), callABI.UnpackClaimer); err != nil && firstErr == nil {
		firstErr = err
	}
	if call.Cancelled, err = bind.Call(inst, opts, callABI.PackIsCancelled(), callABI.UnpackIsCancelled); err != nil && firstErr == nil {
		firstErr = err
	}
	if call.Called, err = bind.Call(inst, opts, callABI.PackWasCalled(), callABI.UnpackWasCalled); err != nil && firstErr == nil {
		firstErr = err
	}
	if firstErr != nil {
		return nil, fmt.Errorf("reading call %s: %w", addr, firstErr)
	}
	if !target.IsUint64() {
		return nil, fmt.Errorf("call %s: target block %s out of range", addr, target)
	}
	call.Target, call.Grace = target.Uint64(), uint64(grace)
	if suggested.IsUint64() {
		call.SuggestedGas = suggested.Uint64()
	}
	if call.Balance, err = c.BalanceAt(ctx, addr, nil); err != nil {
		return nil, fmt.Errorf("reading the balance of %s: %w", addr, err)
	}
	return call, nil
}
