package alarm

import (
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

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
	waitCount(t, "executions", func() float64 { return testutil.ToFloat64(h.metrics.executions.WithLabelValues("executed")) }, 1)
	// Both transactions went through the journal, with the sender's nonces.
	if got := j.nonces(); len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Fatalf("journaled nonces %v, want [0 1]", got)
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
