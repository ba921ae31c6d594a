package alarm

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/actord/actord/internal/devchain"
)

// TestEnumerateAndRead schedules calls on a dev node over HTTP and reads
// them back as the client will.
func TestEnumerateAndRead(t *testing.T) {
	w := newWorld(t)
	ctx, c, a, key := t.Context(), w.client, w.alarm, w.owner
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
	// A backend that cannot batch (it hides ethclient's Client) reads the
	// same call one eth_call at a time.
	each, err := ReadCall(ctx, struct{ Chain }{c}, calls[1])
	if err != nil || fmt.Sprintf("%+v", each) != fmt.Sprintf("%+v", call) {
		t.Fatalf("ReadCall without batching = %+v, %v; want %+v", each, err, call)
	}
	// Something that is not a call contract is a clear error, not a zero call.
	if _, err := ReadCall(ctx, c, a.TestTarget); err == nil {
		t.Fatal("ReadCall of the test target succeeded")
	}
	// The policy agrees: far from the claim window, the call waits.
	if p := call.NextStep(crypto.PubkeyToAddress(key.PublicKey), head, big.NewInt(1e9)); p.Action != ActionWait {
		t.Fatalf("NextStep = %+v", p)
	}
}
