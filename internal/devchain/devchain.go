// Package devchain builds local Ethereum chains for tests and actord
// devnet: go-ethereum's simulated backend pinned to mainnet (Osaka) rules.
//
// go-ethereum v1.17.10's dev chain config also enables Bogota (EIP-8037
// state-growth pricing), which makes new accounts and storage slots far
// more expensive than on mainnet and skews every gas figure the alarm
// client reasons about; OsakaConfig removes the forks after Osaka.
package devchain

import (
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"
)

// ChainID of the dev chains.
const ChainID = 1337

// OsakaConfig returns the dev chain config with every fork after Osaka
// switched off.
func OsakaConfig() *params.ChainConfig {
	c := *params.AllDevChainProtocolChanges
	c.AmsterdamTime = nil
	c.BogotaTime = nil
	return &c
}

// NewSimulated returns a simulated chain on Osaka rules with alloc funded.
// Blocks are mined only by Commit.
func NewSimulated(alloc types.GenesisAlloc, options ...func(*node.Config, *ethconfig.Config)) *simulated.Backend {
	opts := append([]func(*node.Config, *ethconfig.Config){func(_ *node.Config, ec *ethconfig.Config) {
		ec.Genesis.Config = OsakaConfig()
	}}, options...)
	return simulated.NewBackend(alloc, opts...)
}
