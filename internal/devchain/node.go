package devchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"maps"
	"math/big"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/rpc"
)

// NodeConfig configures a dev node.
type NodeConfig struct {
	// HTTPAddr is where JSON-RPC (eth, net, web3, txpool, dev) is served,
	// for example 127.0.0.1:8545; port 0 picks a free one.
	HTTPAddr string
	// WS, if set, also serves JSON-RPC over WebSocket (subscriptions) on a
	// free port of the same host.
	WS bool
	// Period is the block time in seconds; 0 mines a block for every
	// transaction.
	Period uint64
	// Alloc funds accounts at genesis.
	Alloc types.GenesisAlloc
	// Pump, when set, replaces Period: the node seals a block every Pump
	// (and on Commit) and nothing else seals blocks. Tests use it to move
	// hundreds of blocks a second; go-ethereum's mine-on-transaction loop
	// is off because it would race with Commit.
	Pump time.Duration
	// IPCPath, if set, also serves JSON-RPC (every namespace, as geth
	// does) on this Unix socket.
	IPCPath string
	// Unlocked accounts are held by the node, unlocked, like the developer
	// account of `geth --dev`: eth_accounts lists them and
	// eth_signTransaction / eth_sendTransaction sign with them. Fund them
	// through Alloc.
	Unlocked []*ecdsa.PrivateKey
}

// Node is an in-process go-ethereum dev chain, the equivalent of
// `geth --dev` on Osaka rules, served over HTTP JSON-RPC.
type Node struct {
	ws     string
	stack  *node.Node
	beacon *catalyst.SimulatedBeacon
	url    string
	ipc    string
	mu     sync.Mutex // serializes sealing in Pump mode
	paused bool       // under mu: the pump seals nothing
	keyDir string     // keystore of the unlocked accounts, removed on Close
	stop   chan struct{}
	done   chan struct{}
}

// StartNode starts a dev node.
func StartNode(cfg NodeConfig) (*Node, error) {
	host, portStr, err := net.SplitHostPort(cfg.HTTPAddr)
	if err != nil {
		return nil, fmt.Errorf("dev node HTTP address: %w", err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("dev node HTTP port %q: %w", portStr, err)
	}
	if port == 0 {
		// node.Config needs a concrete port to report; take a free one.
		ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			return nil, err
		}
		port = ln.Addr().(*net.TCPAddr).Port
		ln.Close()
	}
	nc := node.DefaultConfig
	nc.DataDir = "" // in memory
	nc.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0, ListenAddr: ""}
	nc.HTTPHost, nc.HTTPPort = host, port
	nc.HTTPModules = []string{"eth", "net", "web3", "txpool", "dev"}
	nc.HTTPVirtualHosts = []string{"*"}
	nc.WSHost, nc.WSPort, nc.WSModules = "", 0, nil
	if cfg.WS {
		ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			return nil, err
		}
		wsPort := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		nc.WSHost, nc.WSPort, nc.WSModules, nc.WSOrigins = host, wsPort, []string{"eth", "net", "web3"}, []string{"*"}
	}
	nc.AuthPort = 0
	nc.IPCPath = cfg.IPCPath
	stack, err := node.New(&nc)
	if err != nil {
		return nil, err
	}
	keyDir, err := unlock(stack, cfg.Unlocked)
	if err != nil {
		stack.Close()
		return nil, err
	}
	alloc := core.SystemContractAllocs()
	maps.Copy(alloc, cfg.Alloc)
	ec := ethconfig.Defaults
	ec.Genesis = &core.Genesis{Config: OsakaConfig(), GasLimit: ethconfig.Defaults.Miner.GasCeil, Alloc: alloc}
	ec.SyncMode = ethconfig.FullSync
	ec.TxPool.NoLocals = true
	// No log index: eth_getLogs scans the (bounded) range directly instead
	// of waiting for an indexer that falls behind at hundreds of blocks a
	// second, as the simulated backend does.
	ec.LogNoHistory = true
	backend, err := eth.New(stack, &ec)
	if err != nil {
		stack.Close()
		os.RemoveAll(keyDir)
		return nil, err
	}
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
	beacon, err := catalyst.NewSimulatedBeacon(cfg.Period, common.Address{}, backend)
	if err != nil {
		stack.Close()
		os.RemoveAll(keyDir)
		return nil, err
	}
	if cfg.Pump == 0 {
		catalyst.RegisterSimulatedBeaconAPIs(stack, beacon)
		stack.RegisterLifecycle(beacon)
	}
	if err := stack.Start(); err != nil {
		stack.Close()
		os.RemoveAll(keyDir)
		return nil, err
	}
	n := &Node{stack: stack, beacon: beacon, url: stack.HTTPEndpoint(), keyDir: keyDir, stop: make(chan struct{}), done: make(chan struct{})}
	if cfg.WS {
		n.ws = stack.WSEndpoint()
	}
	if cfg.IPCPath != "" {
		n.ipc = stack.IPCEndpoint()
	}
	if cfg.Pump > 0 {
		go n.pump(cfg.Pump)
	} else {
		close(n.done)
	}
	return n, nil
}

// unlock imports keys into a keystore the node holds, unlocked; it
// returns the keystore's directory ("" without keys).
func unlock(stack *node.Node, keys []*ecdsa.PrivateKey) (string, error) {
	if len(keys) == 0 {
		return "", nil
	}
	dir, err := os.MkdirTemp("", "devchain-keystore-")
	if err != nil {
		return "", err
	}
	ks := keystore.NewKeyStore(dir, keystore.LightScryptN, keystore.LightScryptP)
	for _, k := range keys {
		acct, err := ks.ImportECDSA(k, "")
		if err == nil {
			err = ks.Unlock(acct, "")
		}
		if err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("unlocking a dev account: %w", err)
		}
	}
	stack.AccountManager().AddBackend(ks)
	return dir, nil
}

func (n *Node) pump(every time.Duration) {
	defer close(n.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-n.stop:
			return
		case <-t.C:
			n.mu.Lock()
			if !n.paused {
				n.beacon.Commit()
			}
			n.mu.Unlock()
		}
	}
}

// Pause stops the pump: until Resume, blocks are sealed only by Commit.
// Reorg tests pause the chain so that a transaction stays unconfirmed
// while they build a competing branch.
func (n *Node) Pause() {
	n.mu.Lock()
	n.paused = true
	n.mu.Unlock()
}

// Resume restarts the pump after Pause.
func (n *Node) Resume() {
	n.mu.Lock()
	n.paused = false
	n.mu.Unlock()
}

// Commit seals a block now. Use it only in Pump mode (or with Period 0
// and no transactions in flight): go-ethereum's own sealing is not
// synchronized with it.
func (n *Node) Commit() common.Hash {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.beacon.Commit()
}

// Fork rewinds the chain to parent, for reorg tests: the next Commit
// builds a sibling of the old head. The transaction pool must be empty.
// The transactions of the blocks dropped return to the pool (as on a
// real node), unless DropPending follows.
func (n *Node) Fork(parent common.Hash) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.beacon.Fork(parent)
}

// DropPending empties the transaction pool, after waiting for it to
// take in the latest head (so a Fork's reinjected transactions go too):
// with Fork it builds a branch on which a transaction mined before has
// vanished, as when the nodes that saw it are not the ones that build
// the new branch.
func (n *Node) DropPending() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.beacon.Rollback() // TxPool().Clear(), which first syncs the pool with the head
}

// URL is the HTTP JSON-RPC endpoint.
func (n *Node) URL() string { return n.url }

// WSURL is the WebSocket JSON-RPC endpoint ("" unless NodeConfig.WS).
func (n *Node) WSURL() string { return n.ws }

// IPCPath is the IPC endpoint ("" unless NodeConfig.IPCPath).
func (n *Node) IPCPath() string { return n.ipc }

// Client returns an in-process client.
func (n *Node) Client() *ethclient.Client { return ethclient.NewClient(n.stack.Attach()) }

// Close stops the node.
func (n *Node) Close() error {
	select {
	case <-n.stop:
	default:
		close(n.stop)
	}
	<-n.done
	err := n.stack.Close()
	if n.keyDir != "" {
		os.RemoveAll(n.keyDir)
	}
	return err
}

// Funded returns a genesis alloc giving each key balance wei.
func Funded(balance *big.Int, keys ...*ecdsa.PrivateKey) types.GenesisAlloc {
	alloc := types.GenesisAlloc{}
	for _, k := range keys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = types.Account{Balance: balance}
	}
	return alloc
}

// WaitMined waits for a transaction's receipt.
func WaitMined(ctx context.Context, c *ethclient.Client, tx *types.Transaction) (*types.Receipt, error) {
	for {
		r, err := c.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			return r, nil
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
	}
}
