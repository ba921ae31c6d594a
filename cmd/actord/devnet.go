package main

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/actord/actord/internal/devchain"
)

// devnetInfo is what actord devnet writes for the other commands and for
// people: where the chain is, the funded key, the contract addresses.
type devnetInfo struct {
	RPCURL     string   `json:"rpc_url"`
	ChainID    int64    `json:"chain_id"`
	Address    string   `json:"address"`
	PrivateKey string   `json:"private_key"`
	Scheduler  string   `json:"scheduler"`
	TestTarget string   `json:"test_target"`
	DemoCalls  []string `json:"demo_calls"`
}

func cmdDevnet(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("devnet", "actord devnet [flags]", stderr)
	addr := fs.String("http-addr", "127.0.0.1:8545", "HTTP JSON-RPC listen address")
	period := fs.Uint64("period", 1, "seconds between blocks (0: a block per transaction)")
	keyFile := fs.String("key-file", "", "hex private key to fund (default: a new key, written to --out)")
	out := fs.String("out", "devnet.json", "file to write the RPC URL, key and contract addresses to (mode 0600)")
	demo := fs.Int("demo-calls", 0, "schedule this many demo calls on the Scheduler")
	logFormat := fs.String("log-format", "auto", "auto, text or json")
	if code, ok := parseNoArgs(fs, args); !ok {
		return code
	}
	logger := newLogger(stderr, *logFormat, 0)
	var key *ecdsa.PrivateKey
	var err error
	if *keyFile != "" {
		var b []byte
		b, err = os.ReadFile(*keyFile)
		if err == nil {
			key, err = crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(b)), "0x"))
		}
		if err != nil {
			fmt.Fprintf(stderr, "actord devnet: key file: %v\n", err)
			return exitFailure
		}
	} else if key, err = crypto.GenerateKey(); err != nil {
		fmt.Fprintf(stderr, "actord devnet: %v\n", err)
		return exitFailure
	}
	balance := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	n, err := devchain.StartNode(devchain.NodeConfig{HTTPAddr: *addr, Period: *period, Alloc: devchain.Funded(balance, key)})
	if err != nil {
		fmt.Fprintf(stderr, "actord devnet: starting the dev chain: %v\n", err)
		return exitFailure
	}
	defer n.Close()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	c, err := ethclient.DialContext(ctx, n.URL())
	if err != nil {
		fmt.Fprintf(stderr, "actord devnet: %v\n", err)
		return exitFailure
	}
	defer c.Close()
	a, err := devchain.DeployAlarm(ctx, c, key)
	if err != nil {
		fmt.Fprintf(stderr, "actord devnet: deploying the Alarm contracts: %v\n", err)
		return exitFailure
	}
	info := devnetInfo{
		RPCURL: n.URL(), ChainID: devchain.ChainID, Address: crypto.PubkeyToAddress(key.PublicKey).Hex(),
		PrivateKey: hex.EncodeToString(crypto.FromECDSA(key)), Scheduler: a.Scheduler.Hex(), TestTarget: a.TestTarget.Hex(),
	}
	if *demo > 0 {
		calls, err := devchain.ScheduleDemo(ctx, c, key, a, *demo, 310, 2)
		if err != nil {
			fmt.Fprintf(stderr, "actord devnet: scheduling demo calls: %v\n", err)
			return exitFailure
		}
		for _, call := range calls {
			info.DemoCalls = append(info.DemoCalls, call.Hex())
		}
	}
	b, _ := json.MarshalIndent(info, "", "  ")
	if err := os.WriteFile(*out, append(b, '\n'), 0o600); err != nil {
		fmt.Fprintf(stderr, "actord devnet: %v\n", err)
		return exitFailure
	}
	logger.Info("Dev chain ready", "rpc", n.URL(), "chain_id", devchain.ChainID, "scheduler", info.Scheduler,
		"funded", info.Address, "demo_calls", len(info.DemoCalls), "info_file", *out, "period_s", *period)
	fmt.Fprintf(stdout, "dev chain on %s (chain id %d); Scheduler %s; key and addresses in %s\n", n.URL(), devchain.ChainID, info.Scheduler, *out)

	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			logger.Info("Dev chain stopping")
			return exitOK
		case <-tick.C:
			if h, err := c.BlockNumber(ctx); err == nil {
				logger.Info("Dev chain", "head", h)
			}
		}
	}
}
