package main

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/actors/alarm"
	"github.com/actord/actord/actors/node"
	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/store/txjournal"
)

// alarmRole is the Ethereum Alarm Clock execution client on this node.
type alarmRole struct {
	client   *ethclient.Client
	journal  *txjournal.Journal
	children []node.Child
}

const (
	blockSageActor  = "blocksage"
	alarmSchedActor = "alarm-scheduler"
	alarmSendActor  = "alarm-sender"
)

func openAlarm(cfg config.Config, sys *actor.ActorSystem, logger *slog.Logger, reg prometheus.Registerer) (*alarmRole, error) {
	confirmations := cfg.AlarmConfirmations
	key, err := loadExecutorKey(cfg)
	if err != nil && !errors.Is(err, errNoKey) {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client, err := ethclient.DialContext(ctx, cfg.RPCURL)
	if err != nil {
		return nil, fmt.Errorf("connecting to %s: %w", cfg.RPCURL, err)
	}
	scheduler := common.HexToAddress(cfg.AlarmAddress)
	// A wrong address, or a node still syncing, answers with no code: say
	// so instead of tracking nothing.
	if code, err := client.CodeAt(ctx, scheduler, nil); err != nil {
		logger.Warn("Cannot check the Scheduler contract yet", "address", scheduler, "err", err)
	} else if len(code) == 0 {
		client.Close()
		return nil, fmt.Errorf("no contract at the scheduler address %s on %s (wrong --address, or the node is not synced)", scheduler, cfg.RPCURL)
	}
	signer, err := executorSigner(ctx, client, key, logger)
	if err != nil {
		client.Close()
		return nil, err
	}
	if err := os.MkdirAll(cfg.AlarmDataDir, 0o700); err != nil {
		client.Close()
		return nil, err
	}
	me := signer.Address()
	journal, err := txjournal.Open(filepath.Join(cfg.AlarmDataDir, "journal.pebble"), me)
	if err != nil {
		client.Close()
		return nil, err
	}
	m := alarm.NewMetrics(reg)
	senderPID, schedPID := node.ChildPID(sys, alarmSendActor), node.ChildPID(sys, alarmSchedActor)
	r := &alarmRole{client: client, journal: journal}
	r.children = []node.Child{
		{Name: alarmSendActor, Props: alarm.NewSenderProps(alarm.SenderConfig{
			Backend: client, Signer: signer, Journal: journalAdapter{journal}, Logger: logger.With("logger", "sender"),
			Metrics: m, Confirmations: confirmations,
		})},
		{Name: alarmSchedActor, Props: alarm.NewSchedulerProps(alarm.SchedulerConfig{
			Chain: client, Scheduler: scheduler, Executor: me, Sender: senderPID, Logger: logger, Metrics: m,
		})},
		{Name: blockSageActor, Props: alarm.NewBlockSageProps(alarm.BlockSageConfig{
			Chain: client, Logger: logger.With("logger", "blocksage"), Notify: schedPID, Metrics: m,
		})},
	}
	logger.Info("Alarm client ready", "rpc", cfg.RPCURL, "scheduler", scheduler, "executor", me, "confirmations", confirmations)
	return r, nil
}

// executorSigner signs with key, or, without one, through the node's
// unlocked account as the reference client does.
func executorSigner(ctx context.Context, client *ethclient.Client, key *ecdsa.PrivateKey, logger *slog.Logger) (alarm.Signer, error) {
	if key != nil {
		return alarm.KeySigner{Key: key}, nil
	}
	chainID, err := client.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading the chain id: %w", err)
	}
	acct, err := alarm.NodeAccount(ctx, client.Client(), chainID)
	if err != nil {
		return nil, fmt.Errorf("no executor key given (--private-key-file, or --keystore with --password-file), "+
			"and the node's account cannot be used: %w", err)
	}
	logger.Info("Sending through the node's unlocked account", "account", acct)
	return alarm.NodeSigner{RPC: client.Client(), Account: acct}, nil
}

func (r *alarmRole) close() error {
	r.client.Close()
	return r.journal.Close()
}

// journalAdapter stores the sender's entries in txjournal.
type journalAdapter struct{ j *txjournal.Journal }

func (a journalAdapter) Put(e alarm.JournalEntry) error {
	return a.j.Put(txjournal.Entry{Nonce: e.Nonce, Call: e.Call, Action: e.Action, Raw: e.Raw})
}

func (a journalAdapter) Done(n uint64) error { return a.j.Done(n) }

func (a journalAdapter) Pending() ([]alarm.JournalEntry, error) {
	es, err := a.j.Pending()
	out := make([]alarm.JournalEntry, len(es))
	for i, e := range es {
		out[i] = alarm.JournalEntry{Nonce: e.Nonce, Call: e.Call, Action: e.Action, Raw: e.Raw}
	}
	return out, err
}

// errNoKey: no executor key is configured (the node's account is used).
var errNoKey = errors.New("no executor key configured")

// loadExecutorKey reads the executor's key from a hex file or a keystore;
// errNoKey if neither is configured.
func loadExecutorKey(cfg config.Config) (*ecdsa.PrivateKey, error) {
	switch {
	case cfg.AlarmKeyFile != "":
		b, err := os.ReadFile(cfg.AlarmKeyFile)
		if err != nil {
			return nil, fmt.Errorf("reading the private key file: %w", err)
		}
		k, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(b)), "0x"))
		if err != nil {
			return nil, fmt.Errorf("private key file %s: %w", cfg.AlarmKeyFile, err)
		}
		return k, nil
	case cfg.AlarmKeystore != "":
		pw, err := os.ReadFile(cfg.AlarmPasswordFile)
		if err != nil {
			return nil, fmt.Errorf("reading the password file: %w", err)
		}
		files, _ := filepath.Glob(filepath.Join(cfg.AlarmKeystore, "*"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			k, err := keystore.DecryptKey(b, strings.TrimRight(string(pw), "\r\n"))
			if err == nil {
				return k.PrivateKey, nil
			}
		}
		return nil, fmt.Errorf("no key in %s opens with the given password", cfg.AlarmKeystore)
	}
	return nil, errNoKey
}

// cmdScheduler runs `actord scheduler`: the alarm client alone, with the
// reference client's flags.
func cmdScheduler(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("scheduler", "actord scheduler [flags]", stderr)
	flags := config.Register(fs)
	var address, client, rpchost, rpcport, ipcpath, keyFile, keystoreDir, passwordFile, dataDir, confirmations string
	for _, n := range []string{"address", "a"} {
		fs.StringVar(&address, n, "", "Alarm Scheduler contract address (reference flag; env ACTORD_ALARM_ADDRESS)")
	}
	for _, n := range []string{"client", "c"} {
		fs.StringVar(&client, n, "rpc", "how to reach the node: rpc or ipc (reference flag)")
	}
	for _, n := range []string{"rpchost", "r"} {
		fs.StringVar(&rpchost, n, "127.0.0.1", "JSON-RPC host (reference flag)")
	}
	for _, n := range []string{"rpcport", "p"} {
		fs.StringVar(&rpcport, n, "8545", "JSON-RPC port (reference flag)")
	}
	for _, n := range []string{"ipcpath", "i"} {
		fs.StringVar(&ipcpath, n, "", "IPC socket path (reference flag)")
	}
	fs.StringVar(&keyFile, "private-key-file", "", "file with the executor's hex private key (env ACTORD_ALARM_KEY_FILE)")
	fs.StringVar(&keystoreDir, "keystore", "", "keystore directory (env ACTORD_ALARM_KEYSTORE)")
	fs.StringVar(&passwordFile, "password-file", "", "keystore password file (env ACTORD_ALARM_PASSWORD_FILE)")
	fs.StringVar(&dataDir, "data-dir", "", "journal directory (env ACTORD_ALARM_DATA_DIR)")
	fs.StringVar(&confirmations, "confirmations", "", "blocks, the transaction's own included, before a transaction is final; "+
		"until then a reorg that drops it is handled (env ACTORD_ALARM_CONFIRMATIONS; default 3)")
	if code, ok := parseNoArgs(fs, args); !ok {
		return code
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var over []config.Override
	add := func(env, v string, ok bool) {
		if ok {
			over = append(over, config.Override{Env: env, Value: v})
		}
	}
	add("ACTORD_ALARM_ADDRESS", address, address != "")
	add("ACTORD_ALARM_KEY_FILE", keyFile, keyFile != "")
	add("ACTORD_ALARM_KEYSTORE", keystoreDir, keystoreDir != "")
	add("ACTORD_ALARM_PASSWORD_FILE", passwordFile, passwordFile != "")
	add("ACTORD_ALARM_DATA_DIR", dataDir, dataDir != "")
	// config.Resolve validates it, with every other setting.
	add("ACTORD_ALARM_CONFIRMATIONS", confirmations, confirmations != "")
	// The endpoint: --rpc-url (or ACTORD_RPC_URL) wins; otherwise the
	// reference's -c/-r/-p/-i, whose defaults give http://127.0.0.1:8545.
	refFlags := set["client"] || set["c"] || set["rpchost"] || set["r"] || set["rpcport"] || set["p"] || set["ipcpath"] || set["i"]
	if !set["rpc-url"] && (refFlags || os.Getenv("ACTORD_RPC_URL") == "") {
		switch client {
		case "ipc":
			if ipcpath == "" {
				fmt.Fprintln(stderr, "actord scheduler: --client ipc needs --ipcpath")
				return exitUsage
			}
			add("ACTORD_RPC_URL", ipcpath, true)
		case "rpc":
			add("ACTORD_RPC_URL", "http://"+rpchost+":"+rpcport, true)
		default:
			fmt.Fprintf(stderr, "actord scheduler: --client is rpc or ipc, not %q\n", client)
			return exitUsage
		}
	}
	r, err := config.Resolve(flags, os.Environ(), over...)
	if printProblems(stderr, err) {
		return exitFailure
	}
	return runDaemon(r, roles{alarm: true}, stdout, stderr)
}
