package devchain

import (
	"context"
	"math/big"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
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
