package devchain

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/params"

	"github.com/actord/actord/internal/contracts/alarm"
)

// Alarm is a deployment of the Alarm contracts.
type Alarm struct {
	Scheduler  common.Address
	TestTarget common.Address
}

func transactor(key *ecdsa.PrivateKey) *bind.TransactOpts {
	return bind.NewKeyedTransactor(key, big.NewInt(ChainID))
}

// DeployAlarm deploys the Scheduler and a TestTarget from key and waits
// for both.
func DeployAlarm(ctx context.Context, c *ethclient.Client, key *ecdsa.PrivateKey) (Alarm, error) {
	var a Alarm
	var txs []*types.Transaction
	for _, d := range []struct {
		bin  string
		addr *common.Address
	}{{alarm.SchedulerMetaData.Bin, &a.Scheduler}, {alarm.TestTargetMetaData.Bin, &a.TestTarget}} {
		addr, tx, err := bind.DeployContract(transactor(key), common.FromHex(d.bin), c, nil)
		if err != nil {
			return a, fmt.Errorf("deploying: %w", err)
		}
		*d.addr = addr
		txs = append(txs, tx)
	}
	for _, tx := range txs {
		r, err := WaitMined(ctx, c, tx)
		if err != nil {
			return a, err
		}
		if r.Status != types.ReceiptStatusSuccessful {
			return a, fmt.Errorf("deployment %s failed", tx.Hash())
		}
	}
	return a, nil
}

// ScheduleDemo schedules n calls of TestTarget.setBool through the
// Scheduler from key: targets start lead blocks ahead (at least 360: the
// Scheduler requires 305, and fast test chains move on while the
// transactions are in flight) and are spread spacing blocks apart. Each
// call is endowed with 3 ether. It returns the call contract addresses.
func ScheduleDemo(ctx context.Context, c *ethclient.Client, key *ecdsa.PrivateKey, a Alarm, n int, lead, spacing uint64) ([]common.Address, error) {
	head, err := c.BlockNumber(ctx)
	if err != nil {
		return nil, err
	}
	s := alarm.NewScheduler()
	var sig [4]byte
	copy(sig[:], crypto.Keccak256([]byte("setBool()"))[:4])
	value := new(big.Int).Mul(big.NewInt(3), big.NewInt(params.Ether))
	var calls []common.Address
	for i := 0; i < n; i++ {
		target := head + max(lead, 360) + uint64(i)*spacing
		opts := transactor(key)
		opts.Value, opts.GasLimit = value, 3_000_000
		call, err := Schedule(ctx, c, a.Scheduler, opts, s.PackScheduleCall(a.TestTarget, sig, new(big.Int).SetUint64(target)))
		if err != nil {
			return calls, fmt.Errorf("scheduling call %d: %w", i, err)
		}
		calls = append(calls, call)
	}
	return calls, nil
}

// Schedule sends calldata (one of the scheduleCall overloads) to the
// Scheduler with opts, waits for it to be mined and returns the call
// contract it created.
func Schedule(ctx context.Context, c *ethclient.Client, scheduler common.Address, opts *bind.TransactOpts, calldata []byte) (common.Address, error) {
	tx, err := bind.Transact(alarm.NewScheduler().Instance(c, scheduler), opts, calldata)
	if err != nil {
		return common.Address{}, err
	}
	r, err := WaitMined(ctx, c, tx)
	if err != nil {
		return common.Address{}, err
	}
	call, ok := ScheduledCall(r)
	if !ok {
		return common.Address{}, fmt.Errorf("the Scheduler rejected the call (transaction %s)", tx.Hash())
	}
	return call, nil
}

// ScheduledCall returns the call contract a scheduling transaction's
// receipt announces (CallScheduled), if any.
func ScheduledCall(r *types.Receipt) (common.Address, bool) {
	s := alarm.NewScheduler()
	for _, l := range r.Logs {
		if ev, err := s.UnpackCallScheduledEvent(l); err == nil {
			return ev.CallAddress, true
		}
	}
	return common.Address{}, false
}
