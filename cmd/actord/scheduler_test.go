package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/actord/actord/actors/alarm"
	"github.com/actord/actord/internal/devchain"
)

// schedulerChain is a dev node with the Alarm contracts and one call
// scheduled by owner; executor is funded too.
type schedulerChain struct {
	node     *devchain.Node
	client   *ethclient.Client
	alarm    devchain.Alarm
	call     common.Address
	executor *ecdsa.PrivateKey
}

// newSchedulerChain starts a node (adjusted by opt, which sees the
// executor key), deploys the contracts and schedules one call.
func newSchedulerChain(t *testing.T, opt func(c *devchain.NodeConfig, executor *ecdsa.PrivateKey)) *schedulerChain {
	t.Helper()
	owner, _ := crypto.GenerateKey()
	executor, _ := crypto.GenerateKey()
	funds := new(big.Int).Mul(big.NewInt(1000), big.NewInt(params.Ether))
	cfg := devchain.NodeConfig{HTTPAddr: "127.0.0.1:0", Pump: 20 * time.Millisecond, Alloc: devchain.Funded(funds, owner, executor)}
	if opt != nil {
		opt(&cfg, executor)
	}
	n, err := devchain.StartNode(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { n.Close() })
	ctx := context.Background()
	c, err := ethclient.DialContext(ctx, n.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	a, err := devchain.DeployAlarm(ctx, c, owner)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := devchain.ScheduleDemo(ctx, c, owner, a, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	return &schedulerChain{node: n, client: c, alarm: a, call: calls[0], executor: executor}
}

// schedulerProcess is `actord scheduler` running as a process, its log
// collected.
type schedulerProcess struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	logs []string
}

func startScheduler(t *testing.T, args ...string) *schedulerProcess {
	t.Helper()
	p := &schedulerProcess{cmd: actordCmd(t, append([]string{"scheduler"}, args...)...)}
	stderr, _ := p.cmd.StderrPipe()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.cmd.Process.Kill() })
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			p.mu.Lock()
			p.logs = append(p.logs, sc.Text())
			p.mu.Unlock()
		}
	}()
	return p
}

func (p *schedulerProcess) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return strings.Join(p.logs, "\n")
}

// waitExecuted waits until the call is executed on chain and the process
// logged it.
func (p *schedulerProcess) waitExecuted(t *testing.T, c *ethclient.Client, call common.Address) *alarm.Call {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute) // hang guard
	for {
		state, err := alarm.ReadCall(context.Background(), c, call)
		if err == nil && state.Called && strings.Contains(p.log(), "Call executed") {
			return state
		}
		if time.Now().After(deadline) {
			t.Fatalf("the call was not executed; log:\n%s", p.log())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop ends the process with SIGTERM; it must exit cleanly.
func (p *schedulerProcess) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("actord scheduler exited with %v; log:\n%s", err, p.log())
	}
}

// commonArgs are the flags every scheduler process in these tests takes.
func commonArgs(t *testing.T, scheduler common.Address) []string {
	return []string{"-a", scheduler.Hex(), "--data-dir", filepath.Join(t.TempDir(), "alarm"), "--http-addr", "127.0.0.1:0",
		"--log-format", "text", "--env-file", os.DevNull, "--confirmations", "2"}
}

// TestSchedulerCommand runs `actord scheduler` as a process against a dev
// node over HTTP JSON-RPC: it must claim and execute a scheduled call and
// log like the reference client.
func TestSchedulerCommand(t *testing.T) {
	ch := newSchedulerChain(t, nil)
	keyFile := filepath.Join(t.TempDir(), "key")
	os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(ch.executor))), 0o600)

	p := startScheduler(t, append(commonArgs(t, ch.alarm.Scheduler), "--rpc-url", ch.node.URL(), "--private-key-file", keyFile)...)
	p.waitExecuted(t, ch.client, ch.call)
	p.stop(t)
	all := p.log()
	for _, want := range []string{
		"BLOCKSAGE: INFO: ", "> Heartbeat: block #", "SCHEDULER: INFO: ", "Tracking call: " + ch.call.Hex(),
		"CALL-0X" + strings.ToUpper(ch.call.Hex()[2:]), "Sleeping until ", "Entering call loop", "Attempting to execute call", "Transaction accepted.",
		"confirmations=2", "Transaction confirmed",
	} {
		if !strings.Contains(strings.ToUpper(all), strings.ToUpper(want)) {
			t.Errorf("log has no %q:\n%s", want, all)
		}
	}
}

// TestSchedulerKeystoreOverIPC: the reference's --client ipc --ipcpath
// reaches the node over its Unix socket (where BlockSage subscribes to
// new heads), and the executor's key comes from a go-ethereum keystore
// opened with --keystore and --password-file.
func TestSchedulerKeystoreOverIPC(t *testing.T) {
	ipc := filepath.Join(t.TempDir(), "dev.ipc")
	ch := newSchedulerChain(t, func(c *devchain.NodeConfig, _ *ecdsa.PrivateKey) { c.IPCPath = ipc })
	dir := t.TempDir()
	ks := keystore.NewKeyStore(filepath.Join(dir, "keystore"), keystore.LightScryptN, keystore.LightScryptP)
	if _, err := ks.ImportECDSA(ch.executor, "correct horse"); err != nil {
		t.Fatal(err)
	}
	other, _ := crypto.GenerateKey()
	if _, err := ks.ImportECDSA(other, "another password"); err != nil { // a key the password does not open
		t.Fatal(err)
	}
	pwFile := filepath.Join(dir, "password")
	os.WriteFile(pwFile, []byte("correct horse\n"), 0o600)

	p := startScheduler(t, append(commonArgs(t, ch.alarm.Scheduler), "--client", "ipc", "--ipcpath", ch.node.IPCPath(),
		"--keystore", filepath.Join(dir, "keystore"), "--password-file", pwFile)...)
	state := p.waitExecuted(t, ch.client, ch.call)
	p.stop(t)
	me := crypto.PubkeyToAddress(ch.executor.PublicKey)
	if state.Claimer != me {
		t.Errorf("claimer %s, want the keystore's key %s", state.Claimer, me)
	}
	all := p.log()
	for _, want := range []string{"rpc=" + ch.node.IPCPath(), "executor=" + me.Hex(), "Following new heads by subscription"} {
		if !strings.Contains(all, want) {
			t.Errorf("log has no %q:\n%s", want, all)
		}
	}
}

// TestSchedulerNodeAccount: without a key, `actord scheduler` sends from
// the node's unlocked account, as the reference client does with
// eth_coinbase.
func TestSchedulerNodeAccount(t *testing.T) {
	ch := newSchedulerChain(t, func(c *devchain.NodeConfig, executor *ecdsa.PrivateKey) { c.Unlocked = []*ecdsa.PrivateKey{executor} })
	p := startScheduler(t, append(commonArgs(t, ch.alarm.Scheduler), "--rpc-url", ch.node.URL())...)
	state := p.waitExecuted(t, ch.client, ch.call)
	p.stop(t)
	me := crypto.PubkeyToAddress(ch.executor.PublicKey)
	if state.Claimer != me {
		t.Errorf("claimer %s, want the node's account %s", state.Claimer, me)
	}
	if want := "Sending through the node's unlocked account"; !strings.Contains(p.log(), want) {
		t.Errorf("log has no %q:\n%s", want, p.log())
	}
}

// TestSchedulerRefusals: start-up problems with the executor's key or
// the node's account end the process with a message that says what to do.
func TestSchedulerRefusals(t *testing.T) {
	ch := newSchedulerChain(t, nil) // the node holds no account
	dir := t.TempDir()
	ks := keystore.NewKeyStore(filepath.Join(dir, "keystore"), keystore.LightScryptN, keystore.LightScryptP)
	if _, err := ks.ImportECDSA(ch.executor, "right"); err != nil {
		t.Fatal(err)
	}
	pwFile := filepath.Join(dir, "password")
	os.WriteFile(pwFile, []byte("wrong\n"), 0o600)
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"no key and no node account": {[]string{"--rpc-url", ch.node.URL()}, "the node's account cannot be used"},
		"wrong keystore password":    {[]string{"--rpc-url", ch.node.URL(), "--keystore", filepath.Join(dir, "keystore"), "--password-file", pwFile}, "opens with the given password"},
		// The configuration checks --confirmations like its environment
		// variable: a configuration problem, exit code 1.
		"bad confirmations":          {[]string{"--rpc-url", ch.node.URL(), "--confirmations", "0"}, `ACTORD_ALARM_CONFIRMATIONS="0" (from argument): must be between 1 and 1000`},
		"confirmations not a number": {[]string{"--rpc-url", ch.node.URL(), "--confirmations", "three"}, `ACTORD_ALARM_CONFIRMATIONS="three" (from argument): is not a whole number`},
	} {
		t.Run(name, func(t *testing.T) {
			args := append(commonArgs(t, ch.alarm.Scheduler), tc.args...)
			cmd := actordCmd(t, append([]string{"scheduler"}, args...)...)
			out, err := cmd.CombinedOutput()
			if err == nil || !strings.Contains(string(out), tc.want) {
				t.Fatalf("actord scheduler %v = %v; want a failure saying %q:\n%s", tc.args, err, tc.want, out)
			}
			if code := cmd.ProcessState.ExitCode(); code != exitFailure {
				t.Errorf("actord scheduler %v exited with %d, want %d", tc.args, code, exitFailure)
			}
		})
	}
}
