package alarm

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/actord/actord/internal/devchain"
)

// TestEnumerateAndRead schedules calls on a dev node over HTTP and reads
// them back as the client will.
func TestEnumerateAndRead(t *testing.T) {
	key, _ := crypto.GenerateKey()
	n, err := devchain.StartNode(devchain.NodeConfig{HTTPAddr: "127.0.0.1:0", Pump: 5 * time.Millisecond, Alloc: devchain.Funded(mul(ether, 1000), key)})
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
	a, err := devchain.DeployAlarm(ctx, c, key)
	if err != nil {
		t.Fatal(err)
	}
	calls, err := devchain.ScheduleDemo(ctx, c, key, a, 3, 310, 5)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := c.BlockNumber(ctx)
	got, err := Enumerate(ctx, c, a.Scheduler, head, head+400)
	if err != nil || len(got) != 3 || got[0] != calls[0] || got[2] != calls[2] {
		t.Fatalf("Enumerate = %v, %v; want %v", got, err, calls)
	}
	first, _ := ReadCall(ctx, c, calls[0])
	// A window that ends before the second call's target lists only the first.
	if got, _ := Enumerate(ctx, c, a.Scheduler, head, first.Target+1); len(got) != 1 {
		t.Fatalf("Enumerate up to the first target = %v", got)
	}
	call, err := ReadCall(ctx, c, calls[1])
	if err != nil {
		t.Fatal(err)
	}
	if call.Target != first.Target+5 || call.Grace != 255 || call.BasePayment.Cmp(ether) != 0 || call.Balance.Cmp(mul(ether, 3)) != 0 || call.Claimed() || call.Called || call.Cancelled {
		t.Fatalf("ReadCall = %+v", call)
	}
	if call.AnchorGasPrice.Sign() <= 0 {
		t.Fatalf("anchor gas price %s", call.AnchorGasPrice)
	}
	// The policy agrees: far from the claim window, the call waits.
	if p := call.NextStep(crypto.PubkeyToAddress(key.PublicKey), head, big.NewInt(1e9)); p.Action != ActionWait {
		t.Fatalf("NextStep = %+v", p)
	}
}
