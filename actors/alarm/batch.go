package alarm

import (
	"context"
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

// readBatch reads the getters (see callGetters) and the balance with one
// batch request.
func readBatch(ctx context.Context, rc *rpc.Client, addr common.Address) ([][]byte, *big.Int, error) {
	getters := callGetters()
	out := make([]hexutil.Bytes, len(getters))
	var balance hexutil.Big
	batch := make([]rpc.BatchElem, 0, len(getters)+1)
	for i, data := range getters {
		batch = append(batch, rpc.BatchElem{Method: "eth_call", Args: []any{callArgs{To: addr, Data: data}, "latest"}, Result: &out[i]})
	}
	batch = append(batch, rpc.BatchElem{Method: "eth_getBalance", Args: []any{addr, "latest"}, Result: &balance})
	if err := rc.BatchCallContext(ctx, batch); err != nil {
		return nil, nil, err
	}
	for _, e := range batch {
		if e.Error != nil {
			return nil, nil, e.Error
		}
	}
	raw := make([][]byte, len(out))
	for i, b := range out {
		raw[i] = b
	}
	return raw, balance.ToInt(), nil
}
