package main

import (
	"bufio"
	"context"
	"encoding/hex"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/actord/actord/actors/alarm"
	"github.com/actord/actord/internal/devchain"
)

// TestSchedulerCommand runs `actord scheduler` as a process against a dev
// node over HTTP JSON-RPC: it must claim and execute a scheduled call and
// log like the reference client.
func TestSchedulerCommand(t *testing.T) {
	owner, _ := crypto.GenerateKey()
	executor, _ := crypto.GenerateKey()
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
	n, err := devchain.StartNode(devchain.NodeConfig{HTTPAddr: "127.0.0.1:0", Pump: 20 * time.Millisecond, Alloc: devchain.Funded(funds, owner, executor)})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	ctx := context.Background()
	c, err := ethclient.DialContext(ctx, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	a, err := devchain.DeployAlarm(ctx, c, owner)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := devchain.ScheduleDemo(ctx, c, owner, a, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key")
	os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(executor))), 0o600)

	cmd := actordCmd(t, "scheduler", "--rpc-url", n.URL(), "-a", a.Scheduler.Hex(), "--private-key-file", keyFile,
		"--data-dir", filepath.Join(dir, "alarm"), "--http-addr", "127.0.0.1:0", "--log-format", "text", "--env-file", os.DevNull)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var mu sync.Mutex
	var logs []string
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			mu.Lock()
			logs = append(logs, sc.Text())
			mu.Unlock()
		}
	}()
	deadline := time.Now().Add(2 * time.Minute) // hang guard
	for {
		call, err := alarm.ReadCall(ctx, c, calls[0])
		mu.Lock()
		accepted := strings.Contains(strings.Join(logs, "\n"), "Call executed")
		mu.Unlock()
		if err == nil && call.Called && accepted {
			break
		}
		if time.Now().After(deadline) {
			mu.Lock()
			t.Fatalf("the call was not executed; log:\n%s", strings.Join(logs, "\n"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("actord scheduler exited with %v", err)
	}
	mu.Lock()
	all := strings.Join(logs, "\n")
	mu.Unlock()
	for _, want := range []string{
		"BLOCKSAGE: INFO: ", "> Heartbeat: block #", "SCHEDULER: INFO: ", "Tracking call: " + calls[0].Hex(),
		"CALL-0X" + strings.ToUpper(calls[0].Hex()[2:]), "Sleeping until ", "Entering call loop", "Attempting to execute call", "Transaction accepted.",
	} {
		if !strings.Contains(strings.ToUpper(all), strings.ToUpper(want)) {
			t.Errorf("log has no %q:\n%s", want, all)
		}
	}
}
