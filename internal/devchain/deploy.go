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
	inst := s.Instance(c, a.Scheduler)
	var sig [4]byte
	copy(sig[:], crypto.Keccak256([]byte("setBool()"))[:4])
	value := new(big.Int).Mul(big.NewInt(3), big.NewInt(params.Ether))
	var calls []common.Address
	for i := 0; i < n; i++ {
		target := head + max(lead, 360) + uint64(i)*spacing
		opts := transactor(key)
		opts.Value, opts.GasLimit = value, 3_000_000
		tx, err := bind.Transact(inst, opts, s.PackScheduleCall(a.TestTarget, sig, new(big.Int).SetUint64(target)))
		if err != nil {
			return calls, err
		}
		r, err := WaitMined(ctx, c, tx)
		if err != nil {
			return calls, err
		}
		found := false
		for _, l := range r.Logs {
			if ev, err := s.UnpackCallScheduledEvent(l); err == nil {
				calls = append(calls, ev.CallAddress)
				found = true
			}
		}
		if !found {
			return calls, fmt.Errorf("scheduling call %d was rejected", i)
		}
	}
	return calls, nil
}
