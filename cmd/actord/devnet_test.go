package main

import (
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/actord/actord/internal/contracts/alarm"
)

// TestDevnet runs actord devnet as a process, reads the file it writes,
// and checks the chain over JSON-RPC: contracts deployed, key funded,
// demo calls known to the Scheduler.
func TestDevnet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "devnet.json")
	cmd := actordCmd(t, "devnet", "--http-addr", "127.0.0.1:0", "--period", "0", "--demo-calls", "2", "--out", out, "--log-format", "json")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var info devnetInfo
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(out); err == nil && json.Unmarshal(b, &info) == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("actord devnet never wrote its info file")
		}
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("info file mode %v, want 0600 (it holds a private key)", fi.Mode().Perm())
	}
	c, err := ethclient.DialContext(t.Context(), info.RPCURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if bal, err := c.BalanceAt(t.Context(), common.HexToAddress(info.Address), nil); err != nil || bal.Sign() <= 0 {
		t.Fatalf("funded key balance %v %v", bal, err)
	}
	s := alarm.NewScheduler()
	sched := common.HexToAddress(info.Scheduler)
	if len(info.DemoCalls) != 2 {
		t.Fatalf("%d demo calls, want 2", len(info.DemoCalls))
	}
	for _, dc := range info.DemoCalls {
		out, err := c.CallContract(t.Context(), ethereum.CallMsg{To: &sched, Data: s.PackIsKnownCall(common.HexToAddress(dc))}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if known, _ := s.UnpackIsKnownCall(out); !known {
			t.Fatalf("demo call %s unknown to the Scheduler", dc)
		}
	}
	if id, _ := c.ChainID(t.Context()); id.Cmp(big.NewInt(1337)) != 0 {
		t.Fatalf("chain id %v", id)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("actord devnet exited with %v", err)
	}
}
