// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package alarm

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// TestTargetMetaData contains all meta data concerning the TestTarget contract.
var TestTargetMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"name\":\"calls\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"fail\",\"outputs\":[],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"loopForever\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"setBool\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"v\",\"type\":\"uint256\"}],\"name\":\"setUInt\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"v_bool\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"v_uint\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "TestTarget",
	Bin: "0x6080604052348015600e575f5ffd5b506101bd8061001c5f395ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c80639378a9e2116100585780639378a9e2146100c0578063a8dba670146100d3578063a9cc4718146100db578063e9bc6f61146100e3575f5ffd5b8063305f72b71461007e5780633edad4bc1461009a5780636f374a12146100b6575b5f5ffd5b61008760025481565b6040519081526020015b60405180910390f35b5f546100a69060ff1681565b6040519015158152602001610091565b6100be6100ec565b005b6100be6100ce366004610182565b61010d565b6100be610129565b6100be610143565b61008760015481565b5f805460ff19166001178155600280549161010683610199565b9190505550565b600181905560028054905f61012183610199565b919050555050565b60028054905f61013883610199565b91905055505b61013e565b60405162461bcd60e51b815260206004820152601060248201526f15195cdd15185c99d95d0e8819985a5b60821b604482015260640160405180910390fd5b5f60208284031215610192575f5ffd5b5035919050565b5f600182016101b657634e487b7160e01b5f52601160045260245ffd5b506001019056",
}

// TestTarget is an auto generated Go binding around an Ethereum contract.
type TestTarget struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *TestTarget) GetABI() abi.ABI {
	return c.abi
}

// NewTestTarget creates a new instance of TestTarget.
func NewTestTarget() *TestTarget {
	parsed, err := TestTargetMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &TestTarget{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *TestTarget) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackCalls is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x305f72b7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function calls() view returns(uint256)
func (testTarget *TestTarget) PackCalls() []byte {
	enc, err := testTarget.abi.Pack("calls")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCalls is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x305f72b7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function calls() view returns(uint256)
func (testTarget *TestTarget) TryPackCalls() ([]byte, error) {
	return testTarget.abi.Pack("calls")
}

// UnpackCalls is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x305f72b7.
//
// Solidity: function calls() view returns(uint256)
func (testTarget *TestTarget) UnpackCalls(data []byte) (*big.Int, error) {
	out, err := testTarget.abi.Unpack("calls", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFail is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9cc4718.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fail() pure returns()
func (testTarget *TestTarget) PackFail() []byte {
	enc, err := testTarget.abi.Pack("fail")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFail is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9cc4718.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fail() pure returns()
func (testTarget *TestTarget) TryPackFail() ([]byte, error) {
	return testTarget.abi.Pack("fail")
}

// PackLoopForever is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8dba670.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function loopForever() returns()
func (testTarget *TestTarget) PackLoopForever() []byte {
	enc, err := testTarget.abi.Pack("loopForever")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLoopForever is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa8dba670.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function loopForever() returns()
func (testTarget *TestTarget) TryPackLoopForever() ([]byte, error) {
	return testTarget.abi.Pack("loopForever")
}

// PackSetBool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f374a12.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setBool() returns()
func (testTarget *TestTarget) PackSetBool() []byte {
	enc, err := testTarget.abi.Pack("setBool")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetBool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f374a12.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setBool() returns()
func (testTarget *TestTarget) TryPackSetBool() ([]byte, error) {
	return testTarget.abi.Pack("setBool")
}

// PackSetUInt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9378a9e2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setUInt(uint256 v) returns()
func (testTarget *TestTarget) PackSetUInt(v *big.Int) []byte {
	enc, err := testTarget.abi.Pack("setUInt", v)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetUInt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9378a9e2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setUInt(uint256 v) returns()
func (testTarget *TestTarget) TryPackSetUInt(v *big.Int) ([]byte, error) {
	return testTarget.abi.Pack("setUInt", v)
}

// PackVBool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3edad4bc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function v_bool() view returns(bool)
func (testTarget *TestTarget) PackVBool() []byte {
	enc, err := testTarget.abi.Pack("v_bool")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVBool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3edad4bc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function v_bool() view returns(bool)
func (testTarget *TestTarget) TryPackVBool() ([]byte, error) {
	return testTarget.abi.Pack("v_bool")
}

// UnpackVBool is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3edad4bc.
//
// Solidity: function v_bool() view returns(bool)
func (testTarget *TestTarget) UnpackVBool(data []byte) (bool, error) {
	out, err := testTarget.abi.Unpack("v_bool", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackVUint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9bc6f61.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function v_uint() view returns(uint256)
func (testTarget *TestTarget) PackVUint() []byte {
	enc, err := testTarget.abi.Pack("v_uint")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackVUint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe9bc6f61.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function v_uint() view returns(uint256)
func (testTarget *TestTarget) TryPackVUint() ([]byte, error) {
	return testTarget.abi.Pack("v_uint")
}

// UnpackVUint is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe9bc6f61.
//
// Solidity: function v_uint() view returns(uint256)
func (testTarget *TestTarget) UnpackVUint(data []byte) (*big.Int, error) {
	out, err := testTarget.abi.Unpack("v_uint", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}
