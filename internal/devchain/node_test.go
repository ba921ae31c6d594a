package devchain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/actord/actord/internal/contracts/alarm"
)

// TestDevNodeOverHTTP starts the dev node, reaches it over HTTP JSON-RPC
// like an external client, deploys the Alarm contracts and schedules calls.
func TestDevNodeOverHTTP(t *testing.T) {
	key, _ := crypto.GenerateKey()
	n, err := StartNode(NodeConfig{HTTPAddr: "127.0.0.1:0", Alloc: Funded(new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether)), key)})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	c, err := ethclient.DialContext(ctx, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if id, err := c.ChainID(ctx); err != nil || id.Int64() != ChainID {
		t.Fatalf("chain id %v %v", id, err)
	}
	a, err := DeployAlarm(ctx, c, key)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := ScheduleDemo(ctx, c, key, a, 2, 310, 3)
	if err != nil || len(calls) != 2 {
		t.Fatalf("ScheduleDemo = %v, %v", calls, err)
	}
	s := alarm.NewScheduler()
	head, _ := c.BlockNumber(ctx)
	first, err := s.UnpackGetNextCall(mustCall(t, c, a.Scheduler, s.PackGetNextCall(new(big.Int).SetUint64(head))))
	if err != nil || first != calls[0] {
		t.Fatalf("getNextCall over HTTP = %s %v, want %s", first, err, calls[0])
	}
}

func mustCall(t *testing.T, c *ethclient.Client, to [20]byte, data []byte) []byte {
	t.Helper()
	addr := to
	out, err := c.CallContract(t.Context(), callMsg(addr, data), nil)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func callMsg(to common.Address, data []byte) ethereum.CallMsg {
	return ethereum.CallMsg{To: &to, Data: data}
}

// TestDevNodeReorg: Fork rewinds the chain, a transaction of the dropped
// block returns to the pool and is mined again, unless DropPending
// removes it; then its receipt is gone for good.
func TestDevNodeReorg(t *testing.T) {
	key, _ := crypto.GenerateKey()
	n, err := StartNode(NodeConfig{HTTPAddr: "127.0.0.1:0", Pump: time.Hour, Alloc: Funded(big.NewInt(params.Ether), key)})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	c := n.Client()
	defer c.Close()
	ctx := t.Context()
	transfer := func(nonce uint64) *types.Transaction {
		tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(ChainID)), &types.DynamicFeeTx{
			ChainID: big.NewInt(ChainID), Nonce: nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(10e9), Gas: 21000, To: &common.Address{1}, Value: big.NewInt(1),
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		return tx
	}
	mined := func(tx *types.Transaction) *types.Receipt {
		r, err := c.TransactionReceipt(ctx, tx.Hash())
		if err != nil && !errors.Is(err, ethereum.NotFound) {
			t.Fatal(err)
		}
		return r
	}

	tx := transfer(0)
	n.Commit()
	first := mined(tx)
	if first == nil {
		t.Fatal("the transfer was not mined")
	}
	parent, _ := c.HeaderByNumber(ctx, new(big.Int).Sub(first.BlockNumber, big.NewInt(1)))
	if err := n.Fork(parent.Hash()); err != nil {
		t.Fatal(err)
	}
	n.Commit()
	again := mined(tx)
	if again == nil || again.BlockHash == first.BlockHash || again.BlockNumber.Cmp(first.BlockNumber) != 0 {
		t.Fatalf("after a Fork the transfer should be mined again in a sibling block: %+v (first in %s)", again, first.BlockHash)
	}
	if err := n.Fork(parent.Hash()); err != nil {
		t.Fatal(err)
	}
	n.DropPending()
	n.Commit()
	if r := mined(tx); r != nil {
		t.Fatalf("after Fork and DropPending the transfer is still mined in %s", r.BlockHash)
	}
	if head, _ := c.BlockNumber(ctx); head != first.BlockNumber.Uint64() {
		t.Fatalf("head %d, want %d (one block on the new branch)", head, first.BlockNumber)
	}
}

// TestDevNodeIPCAndUnlockedAccount: the node serves JSON-RPC on a Unix
// socket and holds an unlocked account, like `geth --dev`, which signs
// transactions for its callers.
func TestDevNodeIPCAndUnlockedAccount(t *testing.T) {
	dev, _ := crypto.GenerateKey()
	devAddr := crypto.PubkeyToAddress(dev.PublicKey)
	ipc := filepath.Join(t.TempDir(), "dev.ipc")
	n, err := StartNode(NodeConfig{HTTPAddr: "127.0.0.1:0", IPCPath: ipc, Pump: 5 * time.Millisecond, Unlocked: []*ecdsa.PrivateKey{dev},
		Alloc: Funded(big.NewInt(params.Ether), dev)})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if n.IPCPath() != ipc {
		t.Fatalf("IPCPath = %q, want %q", n.IPCPath(), ipc)
	}
	ctx := t.Context()
	c, err := ethclient.DialContext(ctx, n.IPCPath())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if id, err := c.ChainID(ctx); err != nil || id.Int64() != ChainID {
		t.Fatalf("chain id over IPC %v %v", id, err)
	}
	var accounts []common.Address
	if err := c.Client().CallContext(ctx, &accounts, "eth_accounts"); err != nil || len(accounts) != 1 || accounts[0] != devAddr {
		t.Fatalf("eth_accounts = %v, %v; want [%s]", accounts, err, devAddr)
	}
	var hash common.Hash
	args := map[string]any{"from": devAddr, "to": common.Address{2}, "value": (*hexutil.Big)(big.NewInt(7)), "gas": hexutil.Uint64(21000)}
	if err := c.Client().CallContext(ctx, &hash, "eth_sendTransaction", args); err != nil {
		t.Fatal(err)
	}
	tx, _, err := c.TransactionByHash(ctx, hash)
	if err != nil {
		t.Fatal(err)
	}
	r, err := WaitMined(ctx, c, tx)
	if err != nil || r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("eth_sendTransaction from the unlocked account: %+v, %v", r, err)
	}
}
