package alarm

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
)

// Signer signs the sender's transactions. The sender chooses every field,
// the nonce included; the signer only signs. It is called off the actor
// (it may do I/O).
type Signer interface {
	Address() common.Address
	SignTx(ctx context.Context, chainID *big.Int, tx *types.DynamicFeeTx) (*types.Transaction, error)
}

// KeySigner signs with a private key held by actord.
type KeySigner struct{ Key *ecdsa.PrivateKey }

// Address is the key's address.
func (s KeySigner) Address() common.Address { return crypto.PubkeyToAddress(s.Key.PublicKey) }

// SignTx signs tx locally.
func (s KeySigner) SignTx(_ context.Context, chainID *big.Int, tx *types.DynamicFeeTx) (*types.Transaction, error) {
	return types.SignNewTx(s.Key, types.LatestSignerForChainID(chainID), tx)
}

// NodeSigner signs with an account the node holds unlocked (the reference
// client sends from the node's eth_coinbase). It asks the node for a
// signature only (eth_signTransaction), never for a broadcast: the sender
// still assigns the nonce and journals the signed bytes before it
// broadcasts them, exactly as with a local key. eth_sendTransaction would
// broadcast before actord could journal, and a crash in between would
// lose track of a transaction the network has.
type NodeSigner struct {
	RPC     *rpc.Client
	Account common.Address
}

// Address is the node account's address.
func (s NodeSigner) Address() common.Address { return s.Account }

// signArgs are eth_signTransaction's arguments; every field is given, so
// the node fills in nothing.
type signArgs struct {
	From                 common.Address  `json:"from"`
	To                   *common.Address `json:"to"`
	Gas                  hexutil.Uint64  `json:"gas"`
	MaxFeePerGas         *hexutil.Big    `json:"maxFeePerGas"`
	MaxPriorityFeePerGas *hexutil.Big    `json:"maxPriorityFeePerGas"`
	Value                *hexutil.Big    `json:"value"`
	Nonce                hexutil.Uint64  `json:"nonce"`
	Data                 hexutil.Bytes   `json:"data"`
	ChainID              *hexutil.Big    `json:"chainId"`
}

// SignTx has the node sign tx with its account and checks that the node
// signed exactly what was asked, from that account.
func (s NodeSigner) SignTx(ctx context.Context, chainID *big.Int, tx *types.DynamicFeeTx) (*types.Transaction, error) {
	value := tx.Value
	if value == nil {
		value = new(big.Int)
	}
	args := signArgs{
		From: s.Account, To: tx.To, Gas: hexutil.Uint64(tx.Gas), MaxFeePerGas: (*hexutil.Big)(tx.GasFeeCap),
		MaxPriorityFeePerGas: (*hexutil.Big)(tx.GasTipCap), Value: (*hexutil.Big)(value), Nonce: hexutil.Uint64(tx.Nonce),
		Data: tx.Data, ChainID: (*hexutil.Big)(chainID),
	}
	var res struct {
		Raw hexutil.Bytes `json:"raw"`
	}
	if err := s.RPC.CallContext(ctx, &res, "eth_signTransaction", args); err != nil {
		return nil, fmt.Errorf("eth_signTransaction from %s: %w", s.Account, err)
	}
	signed := new(types.Transaction)
	if err := signed.UnmarshalBinary(res.Raw); err != nil {
		return nil, fmt.Errorf("eth_signTransaction returned an undecodable transaction: %w", err)
	}
	// The node answers with whatever it signed: a legacy or access-list
	// transaction, or a contract creation (no recipient), is not what was
	// asked for, even if the fields compared below agree.
	if signed.Type() != types.DynamicFeeTxType || signed.To() == nil || tx.To == nil {
		return nil, fmt.Errorf("eth_signTransaction signed a transaction of type %d to %v, not the EIP-1559 transaction asked for", signed.Type(), signed.To())
	}
	if signed.ChainId().Cmp(chainID) != 0 {
		return nil, fmt.Errorf("eth_signTransaction signed for chain %s, not %s", signed.ChainId(), chainID)
	}
	from, err := types.Sender(types.LatestSignerForChainID(chainID), signed)
	if err != nil {
		return nil, fmt.Errorf("eth_signTransaction returned a bad signature: %w", err)
	}
	if from != s.Account || signed.Nonce() != tx.Nonce || signed.Gas() != tx.Gas || signed.GasFeeCap().Cmp(tx.GasFeeCap) != 0 ||
		signed.GasTipCap().Cmp(tx.GasTipCap) != 0 || signed.Value().Cmp(value) != 0 || *signed.To() != *tx.To || string(signed.Data()) != string(tx.Data) ||
		len(signed.AccessList()) != 0 {
		return nil, errors.New("eth_signTransaction signed something other than the transaction asked for")
	}
	return signed, nil
}

// ErrNoNodeAccount: the node offers no account to send from.
var ErrNoNodeAccount = errors.New("the node has no account to send from (eth_coinbase and eth_accounts are empty)")

// NodeAccount finds the account the reference client would send from:
// eth_coinbase, or, on nodes that dropped it (go-ethereum since 1.14),
// the first of eth_accounts — the developer account of `geth --dev`. It
// then checks with a throwaway signature (nothing is broadcast) that the
// node will sign for it, so that a locked account is reported at start
// and not at the first claim.
func NodeAccount(ctx context.Context, rc *rpc.Client, chainID *big.Int) (common.Address, error) {
	var acct common.Address
	if err := rc.CallContext(ctx, &acct, "eth_coinbase"); err != nil || acct == (common.Address{}) {
		var accounts []common.Address
		if err := rc.CallContext(ctx, &accounts, "eth_accounts"); err != nil {
			return common.Address{}, fmt.Errorf("eth_accounts: %w", err)
		}
		if len(accounts) == 0 {
			return common.Address{}, ErrNoNodeAccount
		}
		acct = accounts[0]
	}
	probe := &types.DynamicFeeTx{ChainID: chainID, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1), Gas: 21000, To: &acct, Value: new(big.Int)}
	if _, err := (NodeSigner{RPC: rc, Account: acct}).SignTx(ctx, chainID, probe); err != nil {
		return common.Address{}, fmt.Errorf("the node will not sign for %s (is it unlocked?): %w", acct, err)
	}
	return acct, nil
}
