package alarm

import (
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/actord/actord/internal/devchain"
)

// TestClientSendsThroughNodeAccount: with no key of its own the client
// sends from the node's unlocked account (the reference's eth_coinbase;
// on go-ethereum 1.17, which has no eth_coinbase, the first of
// eth_accounts, the developer account of `geth --dev`). The node only
// signs; nonces and the journal stay with the sender.
func TestClientSendsThroughNodeAccount(t *testing.T) {
	w := newWorldWith(t, func(w *world, c *devchain.NodeConfig) { c.Unlocked = []*ecdsa.PrivateKey{w.executor} })
	acct, err := NodeAccount(t.Context(), w.client.Client(), big.NewInt(devchain.ChainID))
	if err != nil || acct != addrOf(w.executor) {
		t.Fatalf("NodeAccount = %s, %v; want the unlocked %s", acct, err, addrOf(w.executor))
	}
	calls, err := devchain.ScheduleDemo(t.Context(), w.client, w.owner, w.alarm, 1, 320, 0)
	if err != nil {
		t.Fatal(err)
	}
	j := &journalRecorder{}
	h := w.startClientWith(NodeSigner{RPC: w.client.Client(), Account: acct}, always, j)
	c := w.waitCalled(calls[0])
	if c.Claimer != acct {
		t.Fatalf("claimer %s, want the node's account %s", c.Claimer, acct)
	}
	ex := w.executions(calls[0])
	if len(ex) != 1 || ex[0].executor != acct {
		t.Fatalf("executions %+v, want one from the node's account", ex)
	}
	waitAtLeast(t, "executions", func() float64 { return testutil.ToFloat64(h.metrics.executions.WithLabelValues("executed")) }, 1)
	// Both transactions went through the journal, with the sender's nonces
	// (a fee bump under load journals a nonce again).
	if got := j.nonces(); len(got) < 2 || got[0] != 0 || got[len(got)-1] != 1 || !slices.IsSorted(got) {
		t.Fatalf("journaled nonces %v, want 0 (claim), then 1 (execute)", got)
	}
	if p, _ := j.Pending(); len(p) != 0 {
		t.Errorf("%d transactions left in the journal", len(p))
	}
}

// journalRecorder is a memJournal that also remembers every nonce put.
type journalRecorder struct {
	memJournal
	put []uint64
}

func (j *journalRecorder) Put(e JournalEntry) error {
	j.mu.Lock()
	j.put = append(j.put, e.Nonce)
	j.mu.Unlock()
	return j.memJournal.Put(e)
}

func (j *journalRecorder) nonces() []uint64 {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]uint64(nil), j.put...)
}

// TestNodeAccountNone: a node holding no account is a clear error at
// start, not a failure at the first claim.
func TestNodeAccountNone(t *testing.T) {
	n, err := devchain.StartNode(devchain.NodeConfig{HTTPAddr: "127.0.0.1:0", Pump: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	c := n.Client()
	defer c.Close()
	if _, err := NodeAccount(t.Context(), c.Client(), big.NewInt(devchain.ChainID)); !errors.Is(err, ErrNoNodeAccount) {
		t.Fatalf("NodeAccount on a node without accounts = %v, want ErrNoNodeAccount", err)
	}
}

// signingNode answers eth_signTransaction with whatever the test wants a
// node to sign instead of what it was asked.
type signingNode struct {
	key  *ecdsa.PrivateKey
	sign func(args signArgs) types.TxData
}

func (n *signingNode) SignTransaction(args json.RawMessage) (map[string]hexutil.Bytes, error) {
	var a signArgs
	if err := json.Unmarshal(args, &a); err != nil {
		return nil, err
	}
	data := n.sign(a)
	chainID := (*big.Int)(a.ChainID)
	if d, ok := data.(*types.DynamicFeeTx); ok {
		chainID = d.ChainID
	}
	tx, err := types.SignNewTx(n.key, types.LatestSignerForChainID(chainID), data)
	if err != nil {
		return nil, err
	}
	raw, err := tx.MarshalBinary()
	return map[string]hexutil.Bytes{"raw": raw}, err
}

// TestNodeSignerChecksWhatWasSigned: a node that signs something else
// than the EIP-1559 transaction asked for (a contract creation, which has
// no recipient, or a legacy transaction whose fields all agree) gets an
// error, not a panic (the signature is made in a goroutine; a panic there
// ends the process).
func TestNodeSignerChecksWhatWasSigned(t *testing.T) {
	key, _ := crypto.GenerateKey()
	chainID := big.NewInt(devchain.ChainID)
	to := common.HexToAddress("0xca11")
	ask := &types.DynamicFeeTx{ChainID: chainID, Nonce: 7, GasTipCap: big.NewInt(5), GasFeeCap: big.NewInt(5), Gas: 50_000, To: &to, Value: big.NewInt(1), Data: []byte{1, 2}}
	for name, tc := range map[string]struct {
		sign func(a signArgs) types.TxData
		want string // "" = accepted
	}{
		"as asked": {func(a signArgs) types.TxData {
			return &types.DynamicFeeTx{ChainID: chainID, Nonce: uint64(a.Nonce), GasTipCap: a.MaxPriorityFeePerGas.ToInt(), GasFeeCap: a.MaxFeePerGas.ToInt(), Gas: uint64(a.Gas), To: a.To, Value: a.Value.ToInt(), Data: a.Data}
		}, ""},
		"contract creation": {func(a signArgs) types.TxData {
			return &types.DynamicFeeTx{ChainID: chainID, Nonce: uint64(a.Nonce), GasTipCap: a.MaxPriorityFeePerGas.ToInt(), GasFeeCap: a.MaxFeePerGas.ToInt(), Gas: uint64(a.Gas), Value: a.Value.ToInt(), Data: a.Data}
		}, "not the EIP-1559 transaction asked for"},
		"legacy": {func(a signArgs) types.TxData {
			return &types.LegacyTx{Nonce: uint64(a.Nonce), GasPrice: a.MaxFeePerGas.ToInt(), Gas: uint64(a.Gas), To: a.To, Value: a.Value.ToInt(), Data: a.Data}
		}, "not the EIP-1559 transaction asked for"},
		"other chain": {func(a signArgs) types.TxData {
			return &types.DynamicFeeTx{ChainID: big.NewInt(1), Nonce: uint64(a.Nonce), GasTipCap: a.MaxPriorityFeePerGas.ToInt(), GasFeeCap: a.MaxFeePerGas.ToInt(), Gas: uint64(a.Gas), To: a.To, Value: a.Value.ToInt(), Data: a.Data}
		}, "signed for chain 1"},
	} {
		t.Run(name, func(t *testing.T) {
			srv := rpc.NewServer()
			defer srv.Stop()
			if err := srv.RegisterName("eth", &signingNode{key: key, sign: tc.sign}); err != nil {
				t.Fatal(err)
			}
			rc := rpc.DialInProc(srv)
			defer rc.Close()
			tx, err := NodeSigner{RPC: rc, Account: addrOf(key)}.SignTx(t.Context(), chainID, ask)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("SignTx = %v, want the signed transaction", err)
			case tc.want == "" && (tx.To() == nil || *tx.To() != to || tx.Nonce() != 7):
				t.Fatalf("SignTx = %+v, want the transaction asked for", tx)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("SignTx = %v, %v; want an error saying %q", tx, err, tc.want)
			}
		})
	}
}
