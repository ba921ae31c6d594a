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

// FutureBlockCallMetaData contains all meta data concerning the FutureBlockCall contract.
var FutureBlockCallMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"_schedulerAddress\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"_targetBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"_gracePeriod\",\"type\":\"uint8\"},{\"internalType\":\"address\",\"name\":\"_contractAddress\",\"type\":\"address\"},{\"internalType\":\"bytes4\",\"name\":\"_abiSignature\",\"type\":\"bytes4\"},{\"internalType\":\"uint256\",\"name\":\"_suggestedGas\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_basePayment\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"_baseFee\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"executor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"gasCost\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"payment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"fee\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"success\",\"type\":\"bool\"}],\"name\":\"CallExecuted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"cancelled_by\",\"type\":\"address\"}],\"name\":\"Cancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"executor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"claimAmount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"executor\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"reason\",\"type\":\"bytes32\"}],\"name\":\"_CallAborted\",\"type\":\"event\"},{\"stateMutability\":\"payable\",\"type\":\"fallback\"},{\"inputs\":[],\"name\":\"abiSignature\",\"outputs\":[{\"internalType\":\"bytes4\",\"name\":\"\",\"type\":\"bytes4\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"anchorGasPrice\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"baseFee\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"basePayment\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"executor\",\"type\":\"address\"}],\"name\":\"beforeExecute\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"callData\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancel\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"executor\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"}],\"name\":\"checkExecutionAuthorization\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claim\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimAmount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimer\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"claimerDeposit\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"contractAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"execute\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getClaimAmountForBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"}],\"name\":\"getClaimAmountForBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getExtraGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getOverhead\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"gracePeriod\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"isCancelled\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registerData\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"schedulerAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"suggestedGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"targetBlock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"wasCalled\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"wasSuccessful\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "FutureBlockCall",
	Bin: "0x6080604052604051611238380380611238833981016040819052610022916100ba565b5f80546001600160a01b03998a166001600160a01b03199091161790556001969096556002805460e09490941c600160a81b0263ffffffff60a81b1995909816610100026001600160a81b031990941660ff909616959095179290921792909216949094179091556003556004919091556005553a600655610147565b80516001600160a01b03811681146100b5575f5ffd5b919050565b5f5f5f5f5f5f5f5f610100898b0312156100d2575f5ffd5b6100db8961009f565b60208a015160408b0151919950975060ff811681146100f8575f5ffd5b955061010660608a0161009f565b60808a01519095506001600160e01b031981168114610123575f5ffd5b60a08a015160c08b015160e0909b0151999c989b5096999598909790945092505050565b6110e4806101545f395ff3fe608060405260043610610184575f3560e01c8063830953ab116100d0578063c680362211610089578063ea8a1af011610063578063ea8a1af014610444578063eec2b62814610458578063f556275314610477578063f6b4dfb4146104965761018b565b8063c6803622146103ce578063ca94692d146103ec578063d379be23146104255761018b565b8063830953ab1461031657806395ee12211461032b578063a06db7dc14610344578063ae45850b1461036f578063b0f07e44146103a5578063c6502da8146103b95761018b565b80634e417a981161013d578063614619541161011757806361461954146102c35780636560a307146102d757806367ce940d146102ec5780636ef25c3a146103015761018b565b80634e417a98146102865780634e71d92d146102a75780634f059a43146102af5761018b565b806309241200146101d15780630a16697a14610205578063137c638b14610228578063240328661461023d5780633233c6861461025c57806337f4c00e146102715761018b565b3661018b57005b5f546001600160a01b0316331480156101a357503615155b80156101bb5750600780546101b790610d88565b1590505b156101cf5760076101cd365f83610e27565b505b005b3480156101dc575f5ffd5b50600b546101f09062010000900460ff1681565b60405190151581526020015b60405180910390f35b348015610210575f5ffd5b5061021a60015481565b6040519081526020016101fc565b348015610233575f5ffd5b5062011d2861021a565b348015610248575f5ffd5b506101f0610257366004610efd565b6104ba565b348015610267575f5ffd5b5061021a600a5481565b34801561027c575f5ffd5b5061021a60065481565b348015610291575f5ffd5b5061029a61056c565b6040516101fc9190610f25565b6101f06105f8565b3480156102ba575f5ffd5b5061021a6106ff565b3480156102ce575f5ffd5b506101cf61070e565b3480156102e2575f5ffd5b5061021a60035481565b3480156102f7575f5ffd5b50620186a061021a565b34801561030c575f5ffd5b5061021a60055481565b348015610321575f5ffd5b5061021a60095481565b348015610336575f5ffd5b50600b546101f09060ff1681565b34801561034f575f5ffd5b5060025461035d9060ff1681565b60405160ff90911681526020016101fc565b34801561037a575f5ffd5b505f5461038d906001600160a01b031681565b6040516001600160a01b0390911681526020016101fc565b3480156103b0575f5ffd5b506101cf61095b565b3480156103c4575f5ffd5b5061021a60045481565b3480156103d9575f5ffd5b50600b546101f090610100900460ff1681565b3480156103f7575f5ffd5b5060025461040c90600160a81b900460e01b81565b6040516001600160e01b031990911681526020016101fc565b348015610430575f5ffd5b5060085461038d906001600160a01b031681565b34801561044f575f5ffd5b506101cf6109d8565b348015610463575f5ffd5b506101f0610472366004610f5a565b610afc565b348015610482575f5ffd5b5061021a610491366004610f73565b610c46565b3480156104a1575f5ffd5b5060025461038d9061010090046001600160a01b031681565b5f60015482101580156104df57506002546001546104db9160ff1690610f9e565b8211155b6105255760405162461bcd60e51b81526020600482015260126024820152716e6f7420696e2063616c6c2077696e646f7760701b60448201526064015b60405180910390fd5b6008546001600160a01b0316158061054a57506008546001600160a01b038481169116145b806105635750601060015461055f9190610f9e565b8210155b90505b92915050565b6007805461057990610d88565b80601f01602080910402602001604051908101604052809291908181526020018280546105a590610d88565b80156105f05780601f106105c7576101008083540402835291602001916105f0565b820191905f5260205f20905b8154815290600101906020018083116105d357829003601f168201915b505050505081565b600b545f9060ff161561061d5760405162461bcd60e51b815260040161051c90610fb1565b5f61010960015410158015610641575061010960015461063d9190610fd4565b4310155b80156106595750600154610656600a43610f9e565b11155b905080801561067157506008546001600160a01b0316155b801561068a5750600454610686906002610fe7565b3410155b156106ee57600880546001600160a01b031916331790556106aa43610c46565b600981905534600a556040805133815260208101929092527fd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a910160405180910390a15b6106f83334610cc0565b5f91505090565b5f61070943610c46565b905090565b600b5460ff16156107315760405162461bcd60e51b815260040161051c90610fb1565b5f5a905061073e33610afc565b6107455750565b600b805461ff0019166101001790555f5a90505f620186a08211610769575f610776565b610776620186a083610fd4565b6002546040519192505f916001600160a01b036101008304169184916107ac91600160a81b900460e01b90600790602001610ffe565b60408051601f19818403018152908290526107c691611088565b5f604051808303815f8787f1925050503d805f8114610800576040519150601f19603f3d011682016040523d82523d5f602084013e610805565b606091505b5050600b805462ff0000191662010000831515021790556006549091505f9061082e903a610d2c565b6008549091505f906001600160a01b0316331461084d57600454610851565b6009545b90505f60646108608484610fe7565b61086a919061109e565b600a546108779190610f9e565b90505f60648460055461088a9190610fe7565b610894919061109e565b90505f62011d285a6108a6908b610fd4565b6108b09190610f9e565b6108ba903a610fe7565b90506108c68184610f9e565b92506108d23384610cc0565b6108f073d3cda913deb6f67967b99d67acdfa1712c29360183610cc0565b6040805182815260208101859052908101839052861515606082015233907f4538b7ec91dae8fada01e66a052482086d3e690c3db5a80457fbcd55457b4ae19060800160405180910390a25f54610950906001600160a01b031647610cc0565b505050505050505050565b5f546001600160a01b03163314801561098057506007805461097c90610d88565b1590505b6109ba5760405162461bcd60e51b815260206004820152600b60248201526a1b9bdd08185b1b1bddd95960aa1b604482015260640161051c565b6109c7366004815f6110bd565b6007916109d5919083610e27565b50565b600b5460ff16156109fb5760405162461bcd60e51b815260040161051c90610fb1565b5f80546001600160a01b031633148015610a19575061010960015410155b8015610a335750610109600154610a309190610fd4565b43105b600b549091505f90610100900460ff16158015610a615750600254600154610a5e9160ff1690610f9e565b43115b90508180610a6c5750805b610aac5760405162461bcd60e51b815260206004820152601160248201527063616e6e6f742063616e63656c206e6f7760781b604482015260640161051c565b600b805460ff1916600117905560405133907f398bd6b21ae4164ec322fb0eb8c2eb6277f36fd41903fbbed594dfe125591281905f90a25f54610af8906001600160a01b031647610cc0565b5050565b600b545f90610100900460ff1615610b6857604080516001600160a01b03841681526d1053149150511657d0d05313115160921b60208201527f8d7218ca9288bf28867e50b2e471b91bd8247c09cdcf931336f93a49fdcaf18d91015b60405180910390a1505f919050565b600154431080610b895750600254600154610b869160ff1690610f9e565b43115b15610be157604080516001600160a01b0384168152714e4f545f494e5f43414c4c5f57494e444f5760701b60208201527f8d7218ca9288bf28867e50b2e471b91bd8247c09cdcf931336f93a49fdcaf18d9101610b59565b610beb82436104ba565b610c3e57604080516001600160a01b03841681526d1393d517d055551213d49256915160921b60208201527f8d7218ca9288bf28867e50b2e471b91bd8247c09cdcf931336f93a49fdcaf18d9101610b59565b506001919050565b5f6101096001541015610c5b57505060045490565b5f610109600154610c6c9190610fd4565b905080831015610c7e57505f92915050565b5f610c898285610fd4565b905060f08110610c9e57505060045492915050565b60f081600454610cae9190610fe7565b610cb8919061109e565b949350505050565b47811115610ccb5750475b805f03610cd6575050565b5f826001600160a01b0316826040515f6040518083038185875af1925050503d805f8114610d1f576040519150601f19603f3d011682016040523d82523d5f602084013e610d24565b606091505b505050505050565b5f82821115610d525781610d41846064610fe7565b610d4b919061109e565b9050610566565b81610d5e846002610fe7565b610d689190610fd4565b610d73846064610fe7565b610d7d919061109e565b6105639060c8610fd4565b600181811c90821680610d9c57607f821691505b602082108103610dba57634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b601f821115610e225782821115610e2257805f5260205f20601f840160051c6020851015610dff57505f5b90810190601f840160051c035f5b81811015610d24575f83820155600101610e0d565b505050565b67ffffffffffffffff831115610e3f57610e3f610dc0565b610e5383610e4d8354610d88565b83610dd4565b5f601f841160018114610e84575f8515610e6d5750838201355b5f19600387901b1c1916600186901b178355610edb565b5f83815260208120601f198716915b82811015610eb35786850135825560209485019460019092019101610e93565b5086821015610ecf575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b80356001600160a01b0381168114610ef8575f5ffd5b919050565b5f5f60408385031215610f0e575f5ffd5b610f1783610ee2565b946020939093013593505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f60208284031215610f6a575f5ffd5b61056382610ee2565b5f60208284031215610f83575f5ffd5b5035919050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561056657610566610f8a565b60208082526009908201526818d85b98d95b1b195960ba1b604082015260600190565b8181038181111561056657610566610f8a565b808202811582820484141761056657610566610f8a565b63ffffffff60e01b831681525f5f835461101781610d88565b60018216801561102e57600181146110495761107c565b60ff198316600487015260048215158302870101935061107c565b865f5260205f205f5b8381101561107157815488820160040152600190910190602001611052565b505060048287010193505b50919695505050505050565b5f82518060208501845e5f920191825250919050565b5f826110b857634e487b7160e01b5f52601260045260245ffd5b500490565b5f5f858511156110cb575f5ffd5b838611156110d7575f5ffd5b505082019391909203915056",
}

// FutureBlockCall is an auto generated Go binding around an Ethereum contract.
type FutureBlockCall struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *FutureBlockCall) GetABI() abi.ABI {
	return c.abi
}

// NewFutureBlockCall creates a new instance of FutureBlockCall.
func NewFutureBlockCall() *FutureBlockCall {
	parsed, err := FutureBlockCallMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &FutureBlockCall{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *FutureBlockCall) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address _schedulerAddress, uint256 _targetBlock, uint8 _gracePeriod, address _contractAddress, bytes4 _abiSignature, uint256 _suggestedGas, uint256 _basePayment, uint256 _baseFee) payable returns()
func (futureBlockCall *FutureBlockCall) PackConstructor(_schedulerAddress common.Address, _targetBlock *big.Int, _gracePeriod uint8, _contractAddress common.Address, _abiSignature [4]byte, _suggestedGas *big.Int, _basePayment *big.Int, _baseFee *big.Int) []byte {
	enc, err := futureBlockCall.abi.Pack("", _schedulerAddress, _targetBlock, _gracePeriod, _contractAddress, _abiSignature, _suggestedGas, _basePayment, _baseFee)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAbiSignature is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca94692d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function abiSignature() view returns(bytes4)
func (futureBlockCall *FutureBlockCall) PackAbiSignature() []byte {
	enc, err := futureBlockCall.abi.Pack("abiSignature")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAbiSignature is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xca94692d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function abiSignature() view returns(bytes4)
func (futureBlockCall *FutureBlockCall) TryPackAbiSignature() ([]byte, error) {
	return futureBlockCall.abi.Pack("abiSignature")
}

// UnpackAbiSignature is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xca94692d.
//
// Solidity: function abiSignature() view returns(bytes4)
func (futureBlockCall *FutureBlockCall) UnpackAbiSignature(data []byte) ([4]byte, error) {
	out, err := futureBlockCall.abi.Unpack("abiSignature", data)
	if err != nil {
		return *new([4]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([4]byte)).(*[4]byte)
	return out0, nil
}

// PackAnchorGasPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37f4c00e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function anchorGasPrice() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackAnchorGasPrice() []byte {
	enc, err := futureBlockCall.abi.Pack("anchorGasPrice")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnchorGasPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37f4c00e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function anchorGasPrice() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackAnchorGasPrice() ([]byte, error) {
	return futureBlockCall.abi.Pack("anchorGasPrice")
}

// UnpackAnchorGasPrice is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x37f4c00e.
//
// Solidity: function anchorGasPrice() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackAnchorGasPrice(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("anchorGasPrice", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBaseFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ef25c3a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function baseFee() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackBaseFee() []byte {
	enc, err := futureBlockCall.abi.Pack("baseFee")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBaseFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ef25c3a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function baseFee() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackBaseFee() ([]byte, error) {
	return futureBlockCall.abi.Pack("baseFee")
}

// UnpackBaseFee is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6ef25c3a.
//
// Solidity: function baseFee() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackBaseFee(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("baseFee", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBasePayment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6502da8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function basePayment() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackBasePayment() []byte {
	enc, err := futureBlockCall.abi.Pack("basePayment")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBasePayment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6502da8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function basePayment() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackBasePayment() ([]byte, error) {
	return futureBlockCall.abi.Pack("basePayment")
}

// UnpackBasePayment is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6502da8.
//
// Solidity: function basePayment() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackBasePayment(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("basePayment", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBeforeExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeec2b628.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function beforeExecute(address executor) returns(bool)
func (futureBlockCall *FutureBlockCall) PackBeforeExecute(executor common.Address) []byte {
	enc, err := futureBlockCall.abi.Pack("beforeExecute", executor)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBeforeExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeec2b628.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function beforeExecute(address executor) returns(bool)
func (futureBlockCall *FutureBlockCall) TryPackBeforeExecute(executor common.Address) ([]byte, error) {
	return futureBlockCall.abi.Pack("beforeExecute", executor)
}

// UnpackBeforeExecute is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeec2b628.
//
// Solidity: function beforeExecute(address executor) returns(bool)
func (futureBlockCall *FutureBlockCall) UnpackBeforeExecute(data []byte) (bool, error) {
	out, err := futureBlockCall.abi.Unpack("beforeExecute", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackCallData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e417a98.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function callData() view returns(bytes)
func (futureBlockCall *FutureBlockCall) PackCallData() []byte {
	enc, err := futureBlockCall.abi.Pack("callData")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCallData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e417a98.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function callData() view returns(bytes)
func (futureBlockCall *FutureBlockCall) TryPackCallData() ([]byte, error) {
	return futureBlockCall.abi.Pack("callData")
}

// UnpackCallData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4e417a98.
//
// Solidity: function callData() view returns(bytes)
func (futureBlockCall *FutureBlockCall) UnpackCallData(data []byte) ([]byte, error) {
	out, err := futureBlockCall.abi.Unpack("callData", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea8a1af0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancel() returns()
func (futureBlockCall *FutureBlockCall) PackCancel() []byte {
	enc, err := futureBlockCall.abi.Pack("cancel")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xea8a1af0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancel() returns()
func (futureBlockCall *FutureBlockCall) TryPackCancel() ([]byte, error) {
	return futureBlockCall.abi.Pack("cancel")
}

// PackCheckExecutionAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24032866.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function checkExecutionAuthorization(address executor, uint256 blockNumber) view returns(bool)
func (futureBlockCall *FutureBlockCall) PackCheckExecutionAuthorization(executor common.Address, blockNumber *big.Int) []byte {
	enc, err := futureBlockCall.abi.Pack("checkExecutionAuthorization", executor, blockNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCheckExecutionAuthorization is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24032866.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function checkExecutionAuthorization(address executor, uint256 blockNumber) view returns(bool)
func (futureBlockCall *FutureBlockCall) TryPackCheckExecutionAuthorization(executor common.Address, blockNumber *big.Int) ([]byte, error) {
	return futureBlockCall.abi.Pack("checkExecutionAuthorization", executor, blockNumber)
}

// UnpackCheckExecutionAuthorization is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x24032866.
//
// Solidity: function checkExecutionAuthorization(address executor, uint256 blockNumber) view returns(bool)
func (futureBlockCall *FutureBlockCall) UnpackCheckExecutionAuthorization(data []byte) (bool, error) {
	out, err := futureBlockCall.abi.Unpack("checkExecutionAuthorization", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e71d92d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim() payable returns(bool)
func (futureBlockCall *FutureBlockCall) PackClaim() []byte {
	enc, err := futureBlockCall.abi.Pack("claim")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4e71d92d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim() payable returns(bool)
func (futureBlockCall *FutureBlockCall) TryPackClaim() ([]byte, error) {
	return futureBlockCall.abi.Pack("claim")
}

// UnpackClaim is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4e71d92d.
//
// Solidity: function claim() payable returns(bool)
func (futureBlockCall *FutureBlockCall) UnpackClaim(data []byte) (bool, error) {
	out, err := futureBlockCall.abi.Unpack("claim", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackClaimAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x830953ab.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimAmount() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackClaimAmount() []byte {
	enc, err := futureBlockCall.abi.Pack("claimAmount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimAmount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x830953ab.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimAmount() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackClaimAmount() ([]byte, error) {
	return futureBlockCall.abi.Pack("claimAmount")
}

// UnpackClaimAmount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x830953ab.
//
// Solidity: function claimAmount() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackClaimAmount(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("claimAmount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackClaimer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd379be23.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimer() view returns(address)
func (futureBlockCall *FutureBlockCall) PackClaimer() []byte {
	enc, err := futureBlockCall.abi.Pack("claimer")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd379be23.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimer() view returns(address)
func (futureBlockCall *FutureBlockCall) TryPackClaimer() ([]byte, error) {
	return futureBlockCall.abi.Pack("claimer")
}

// UnpackClaimer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd379be23.
//
// Solidity: function claimer() view returns(address)
func (futureBlockCall *FutureBlockCall) UnpackClaimer(data []byte) (common.Address, error) {
	out, err := futureBlockCall.abi.Unpack("claimer", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackClaimerDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3233c686.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimerDeposit() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackClaimerDeposit() []byte {
	enc, err := futureBlockCall.abi.Pack("claimerDeposit")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimerDeposit is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3233c686.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimerDeposit() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackClaimerDeposit() ([]byte, error) {
	return futureBlockCall.abi.Pack("claimerDeposit")
}

// UnpackClaimerDeposit is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3233c686.
//
// Solidity: function claimerDeposit() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackClaimerDeposit(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("claimerDeposit", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf6b4dfb4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function contractAddress() view returns(address)
func (futureBlockCall *FutureBlockCall) PackContractAddress() []byte {
	enc, err := futureBlockCall.abi.Pack("contractAddress")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackContractAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf6b4dfb4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function contractAddress() view returns(address)
func (futureBlockCall *FutureBlockCall) TryPackContractAddress() ([]byte, error) {
	return futureBlockCall.abi.Pack("contractAddress")
}

// UnpackContractAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf6b4dfb4.
//
// Solidity: function contractAddress() view returns(address)
func (futureBlockCall *FutureBlockCall) UnpackContractAddress(data []byte) (common.Address, error) {
	out, err := futureBlockCall.abi.Unpack("contractAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61461954.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function execute() returns()
func (futureBlockCall *FutureBlockCall) PackExecute() []byte {
	enc, err := futureBlockCall.abi.Pack("execute")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExecute is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61461954.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function execute() returns()
func (futureBlockCall *FutureBlockCall) TryPackExecute() ([]byte, error) {
	return futureBlockCall.abi.Pack("execute")
}

// PackGetClaimAmountForBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f059a43.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getClaimAmountForBlock() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackGetClaimAmountForBlock() []byte {
	enc, err := futureBlockCall.abi.Pack("getClaimAmountForBlock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetClaimAmountForBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f059a43.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getClaimAmountForBlock() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackGetClaimAmountForBlock() ([]byte, error) {
	return futureBlockCall.abi.Pack("getClaimAmountForBlock")
}

// UnpackGetClaimAmountForBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4f059a43.
//
// Solidity: function getClaimAmountForBlock() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackGetClaimAmountForBlock(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("getClaimAmountForBlock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetClaimAmountForBlock0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5562753.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getClaimAmountForBlock(uint256 blockNumber) view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackGetClaimAmountForBlock0(blockNumber *big.Int) []byte {
	enc, err := futureBlockCall.abi.Pack("getClaimAmountForBlock0", blockNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetClaimAmountForBlock0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf5562753.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getClaimAmountForBlock(uint256 blockNumber) view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackGetClaimAmountForBlock0(blockNumber *big.Int) ([]byte, error) {
	return futureBlockCall.abi.Pack("getClaimAmountForBlock0", blockNumber)
}

// UnpackGetClaimAmountForBlock0 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf5562753.
//
// Solidity: function getClaimAmountForBlock(uint256 blockNumber) view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackGetClaimAmountForBlock0(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("getClaimAmountForBlock0", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetExtraGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x137c638b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getExtraGas() pure returns(uint256)
func (futureBlockCall *FutureBlockCall) PackGetExtraGas() []byte {
	enc, err := futureBlockCall.abi.Pack("getExtraGas")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetExtraGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x137c638b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getExtraGas() pure returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackGetExtraGas() ([]byte, error) {
	return futureBlockCall.abi.Pack("getExtraGas")
}

// UnpackGetExtraGas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x137c638b.
//
// Solidity: function getExtraGas() pure returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackGetExtraGas(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("getExtraGas", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetOverhead is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x67ce940d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getOverhead() pure returns(uint256)
func (futureBlockCall *FutureBlockCall) PackGetOverhead() []byte {
	enc, err := futureBlockCall.abi.Pack("getOverhead")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetOverhead is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x67ce940d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getOverhead() pure returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackGetOverhead() ([]byte, error) {
	return futureBlockCall.abi.Pack("getOverhead")
}

// UnpackGetOverhead is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x67ce940d.
//
// Solidity: function getOverhead() pure returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackGetOverhead(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("getOverhead", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa06db7dc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function gracePeriod() view returns(uint8)
func (futureBlockCall *FutureBlockCall) PackGracePeriod() []byte {
	enc, err := futureBlockCall.abi.Pack("gracePeriod")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa06db7dc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function gracePeriod() view returns(uint8)
func (futureBlockCall *FutureBlockCall) TryPackGracePeriod() ([]byte, error) {
	return futureBlockCall.abi.Pack("gracePeriod")
}

// UnpackGracePeriod is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa06db7dc.
//
// Solidity: function gracePeriod() view returns(uint8)
func (futureBlockCall *FutureBlockCall) UnpackGracePeriod(data []byte) (uint8, error) {
	out, err := futureBlockCall.abi.Unpack("gracePeriod", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackIsCancelled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95ee1221.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isCancelled() view returns(bool)
func (futureBlockCall *FutureBlockCall) PackIsCancelled() []byte {
	enc, err := futureBlockCall.abi.Pack("isCancelled")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsCancelled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95ee1221.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isCancelled() view returns(bool)
func (futureBlockCall *FutureBlockCall) TryPackIsCancelled() ([]byte, error) {
	return futureBlockCall.abi.Pack("isCancelled")
}

// UnpackIsCancelled is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95ee1221.
//
// Solidity: function isCancelled() view returns(bool)
func (futureBlockCall *FutureBlockCall) UnpackIsCancelled(data []byte) (bool, error) {
	out, err := futureBlockCall.abi.Unpack("isCancelled", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackRegisterData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb0f07e44.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerData() returns()
func (futureBlockCall *FutureBlockCall) PackRegisterData() []byte {
	enc, err := futureBlockCall.abi.Pack("registerData")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb0f07e44.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerData() returns()
func (futureBlockCall *FutureBlockCall) TryPackRegisterData() ([]byte, error) {
	return futureBlockCall.abi.Pack("registerData")
}

// PackSchedulerAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae45850b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function schedulerAddress() view returns(address)
func (futureBlockCall *FutureBlockCall) PackSchedulerAddress() []byte {
	enc, err := futureBlockCall.abi.Pack("schedulerAddress")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSchedulerAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xae45850b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function schedulerAddress() view returns(address)
func (futureBlockCall *FutureBlockCall) TryPackSchedulerAddress() ([]byte, error) {
	return futureBlockCall.abi.Pack("schedulerAddress")
}

// UnpackSchedulerAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xae45850b.
//
// Solidity: function schedulerAddress() view returns(address)
func (futureBlockCall *FutureBlockCall) UnpackSchedulerAddress(data []byte) (common.Address, error) {
	out, err := futureBlockCall.abi.Unpack("schedulerAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSuggestedGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6560a307.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function suggestedGas() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackSuggestedGas() []byte {
	enc, err := futureBlockCall.abi.Pack("suggestedGas")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSuggestedGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6560a307.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function suggestedGas() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackSuggestedGas() ([]byte, error) {
	return futureBlockCall.abi.Pack("suggestedGas")
}

// UnpackSuggestedGas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6560a307.
//
// Solidity: function suggestedGas() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackSuggestedGas(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("suggestedGas", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTargetBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a16697a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function targetBlock() view returns(uint256)
func (futureBlockCall *FutureBlockCall) PackTargetBlock() []byte {
	enc, err := futureBlockCall.abi.Pack("targetBlock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTargetBlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0a16697a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function targetBlock() view returns(uint256)
func (futureBlockCall *FutureBlockCall) TryPackTargetBlock() ([]byte, error) {
	return futureBlockCall.abi.Pack("targetBlock")
}

// UnpackTargetBlock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0a16697a.
//
// Solidity: function targetBlock() view returns(uint256)
func (futureBlockCall *FutureBlockCall) UnpackTargetBlock(data []byte) (*big.Int, error) {
	out, err := futureBlockCall.abi.Unpack("targetBlock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackWasCalled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6803622.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function wasCalled() view returns(bool)
func (futureBlockCall *FutureBlockCall) PackWasCalled() []byte {
	enc, err := futureBlockCall.abi.Pack("wasCalled")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWasCalled is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6803622.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function wasCalled() view returns(bool)
func (futureBlockCall *FutureBlockCall) TryPackWasCalled() ([]byte, error) {
	return futureBlockCall.abi.Pack("wasCalled")
}

// UnpackWasCalled is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6803622.
//
// Solidity: function wasCalled() view returns(bool)
func (futureBlockCall *FutureBlockCall) UnpackWasCalled(data []byte) (bool, error) {
	out, err := futureBlockCall.abi.Unpack("wasCalled", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackWasSuccessful is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09241200.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function wasSuccessful() view returns(bool)
func (futureBlockCall *FutureBlockCall) PackWasSuccessful() []byte {
	enc, err := futureBlockCall.abi.Pack("wasSuccessful")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWasSuccessful is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x09241200.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function wasSuccessful() view returns(bool)
func (futureBlockCall *FutureBlockCall) TryPackWasSuccessful() ([]byte, error) {
	return futureBlockCall.abi.Pack("wasSuccessful")
}

// UnpackWasSuccessful is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x09241200.
//
// Solidity: function wasSuccessful() view returns(bool)
func (futureBlockCall *FutureBlockCall) UnpackWasSuccessful(data []byte) (bool, error) {
	out, err := futureBlockCall.abi.Unpack("wasSuccessful", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// FutureBlockCallCallExecuted represents a CallExecuted event raised by the FutureBlockCall contract.
type FutureBlockCallCallExecuted struct {
	Executor common.Address
	GasCost  *big.Int
	Payment  *big.Int
	Fee      *big.Int
	Success  bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const FutureBlockCallCallExecutedEventName = "CallExecuted"

// ContractEventName returns the user-defined event name.
func (FutureBlockCallCallExecuted) ContractEventName() string {
	return FutureBlockCallCallExecutedEventName
}

// UnpackCallExecutedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CallExecuted(address indexed executor, uint256 gasCost, uint256 payment, uint256 fee, bool success)
func (futureBlockCall *FutureBlockCall) UnpackCallExecutedEvent(log *types.Log) (*FutureBlockCallCallExecuted, error) {
	event := "CallExecuted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != futureBlockCall.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FutureBlockCallCallExecuted)
	if len(log.Data) > 0 {
		if err := futureBlockCall.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range futureBlockCall.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// FutureBlockCallCancelled represents a Cancelled event raised by the FutureBlockCall contract.
type FutureBlockCallCancelled struct {
	CancelledBy common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const FutureBlockCallCancelledEventName = "Cancelled"

// ContractEventName returns the user-defined event name.
func (FutureBlockCallCancelled) ContractEventName() string {
	return FutureBlockCallCancelledEventName
}

// UnpackCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Cancelled(address indexed cancelled_by)
func (futureBlockCall *FutureBlockCall) UnpackCancelledEvent(log *types.Log) (*FutureBlockCallCancelled, error) {
	event := "Cancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != futureBlockCall.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FutureBlockCallCancelled)
	if len(log.Data) > 0 {
		if err := futureBlockCall.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range futureBlockCall.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// FutureBlockCallClaimed represents a Claimed event raised by the FutureBlockCall contract.
type FutureBlockCallClaimed struct {
	Executor    common.Address
	ClaimAmount *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const FutureBlockCallClaimedEventName = "Claimed"

// ContractEventName returns the user-defined event name.
func (FutureBlockCallClaimed) ContractEventName() string {
	return FutureBlockCallClaimedEventName
}

// UnpackClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Claimed(address executor, uint256 claimAmount)
func (futureBlockCall *FutureBlockCall) UnpackClaimedEvent(log *types.Log) (*FutureBlockCallClaimed, error) {
	event := "Claimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != futureBlockCall.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FutureBlockCallClaimed)
	if len(log.Data) > 0 {
		if err := futureBlockCall.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range futureBlockCall.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// FutureBlockCallCallAborted represents a _CallAborted event raised by the FutureBlockCall contract.
type FutureBlockCallCallAborted struct {
	Executor common.Address
	Reason   [32]byte
	Raw      *types.Log // Blockchain specific contextual infos
}

const FutureBlockCallCallAbortedEventName = "_CallAborted"

// ContractEventName returns the user-defined event name.
func (FutureBlockCallCallAborted) ContractEventName() string {
	return FutureBlockCallCallAbortedEventName
}

// UnpackCallAbortedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event _CallAborted(address executor, bytes32 reason)
func (futureBlockCall *FutureBlockCall) UnpackCallAbortedEvent(log *types.Log) (*FutureBlockCallCallAborted, error) {
	event := "_CallAborted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != futureBlockCall.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(FutureBlockCallCallAborted)
	if len(log.Data) > 0 {
		if err := futureBlockCall.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range futureBlockCall.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}
