package alarm

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/rpc"
)

// rpcClient is implemented by ethclient.Client: with it a call's state is
// read in one JSON-RPC batch (one HTTP request) instead of twelve.
type rpcClient interface {
	Client() *rpc.Client
}

type callArgs struct {
	To   common.Address `json:"to"`
	Data hexutil.Bytes  `json:"data"`
}

// readCallBatch reads a call with one batch request.
func readCallBatch(ctx context.Context, rc *rpc.Client, addr common.Address) (*Call, error) {
	calls := [][]byte{
		callABI.PackTargetBlock(), callABI.PackGracePeriod(), callABI.PackBasePayment(), callABI.PackBaseFee(),
		callABI.PackAnchorGasPrice(), callABI.PackSuggestedGas(), callABI.PackClaimAmount(), callABI.PackClaimerDeposit(),
		callABI.PackClaimer(), callABI.PackIsCancelled(), callABI.PackWasCalled(),
	}
	out := make([]hexutil.Bytes, len(calls))
	var balance hexutil.Big
	batch := make([]rpc.BatchElem, 0, len(calls)+1)
	for i, data := range calls {
		batch = append(batch, rpc.BatchElem{Method: "eth_call", Args: []any{callArgs{To: addr, Data: data}, "latest"}, Result: &out[i]})
	}
	batch = append(batch, rpc.BatchElem{Method: "eth_getBalance", Args: []any{addr, "latest"}, Result: &balance})
	if err := rc.BatchCallContext(ctx, batch); err != nil {
		return nil, fmt.Errorf("reading call %s: %w", addr, err)
	}
	for _, e := range batch {
		if e.Error != nil {
			return nil, fmt.Errorf("reading call %s: %w", addr, e.Error)
		}
	}
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
	c := &Call{Address: addr}
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
	c.Balance = balance.ToInt()
	return c, nil
}
