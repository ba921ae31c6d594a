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

// SchedulerMetaData contains all meta data concerning the Scheduler contract.
var SchedulerMetaData = bind.MetaData{
	ABI: "[{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"schedulerAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"reason\",\"type\":\"bytes32\"}],\"name\":\"CallRejected\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"address\",\"name\":\"call_address\",\"type\":\"address\"}],\"name\":\"CallScheduled\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"getCallWindowSize\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getDefaultFee\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getDefaultPayment\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"basePayment\",\"type\":\"uint256\"}],\"name\":\"getMinimumCallCost\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getMinimumCallCost\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"basePayment\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"baseFee\",\"type\":\"uint256\"}],\"name\":\"getMinimumCallCost\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getMinimumCallGas\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"getMinimumGracePeriod\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"blockNumber\",\"type\":\"uint256\"}],\"name\":\"getNextCall\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"callAddress\",\"type\":\"address\"}],\"name\":\"getNextCallSibling\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"callAddress\",\"type\":\"address\"}],\"name\":\"isKnownCall\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"contractAddress\",\"type\":\"address\"},{\"internalType\":\"bytes4\",\"name\":\"abiSignature\",\"type\":\"bytes4\"},{\"internalType\":\"uint256\",\"name\":\"targetBlock\",\"type\":\"uint256\"}],\"name\":\"scheduleCall\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"contractAddress\",\"type\":\"address\"},{\"internalType\":\"bytes4\",\"name\":\"abiSignature\",\"type\":\"bytes4\"},{\"internalType\":\"uint256\",\"name\":\"targetBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"suggestedGas\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"gracePeriod\",\"type\":\"uint8\"}],\"name\":\"scheduleCall\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"contractAddress\",\"type\":\"address\"},{\"internalType\":\"bytes4\",\"name\":\"abiSignature\",\"type\":\"bytes4\"},{\"internalType\":\"uint256\",\"name\":\"targetBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"suggestedGas\",\"type\":\"uint256\"}],\"name\":\"scheduleCall\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"contractAddress\",\"type\":\"address\"},{\"internalType\":\"bytes4\",\"name\":\"abiSignature\",\"type\":\"bytes4\"},{\"internalType\":\"uint256\",\"name\":\"targetBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"suggestedGas\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"gracePeriod\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"basePayment\",\"type\":\"uint256\"}],\"name\":\"scheduleCall\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"contractAddress\",\"type\":\"address\"},{\"internalType\":\"bytes4\",\"name\":\"abiSignature\",\"type\":\"bytes4\"},{\"internalType\":\"uint256\",\"name\":\"targetBlock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"suggestedGas\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"gracePeriod\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"basePayment\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"baseFee\",\"type\":\"uint256\"}],\"name\":\"scheduleCall\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"payable\",\"type\":\"function\"}]",
	ID:  "Scheduler",
	Bin: "0x6080604052348015600e575f5ffd5b50611e338061001c5f395ff3fe6080604052600436106100ef575f3560e01c8063684024601161008757806398c9cdf41161005757806398c9cdf41461026557806398e00e541461027a5780639f927be71461028d578063c0f68859146102ac575f5ffd5b8063684024601461020c57806375c589a01461021f5780638b676ae81461023357806396cff3df14610246575f5ffd5b8063480b70bd116100c2578063480b70bd146101745780634810784314610187578063523ccfa8146101a65780636822abae146101ed575f5ffd5b806301991313146100f3578063049ae7341461012357806308f235ec1461013657806321bacf281461015a575b5f5ffd5b6101066101013660046109a2565b6102c0565b6040516001600160a01b0390911681526020015b60405180910390f35b6101066101313660046109ec565b6102e9565b348015610141575f5ffd5b50670de0b6b3a76400005b60405190815260200161011a565b348015610165575f5ffd5b5067016345785d8a000061014c565b610106610182366004610a3f565b610313565b348015610192575f5ffd5b506101066101a1366004610a7e565b61033d565b3480156101b1575f5ffd5b506101dd6101c0366004610a7e565b6001600160a01b03165f9081526005602052604090205460ff1690565b604051901515815260200161011a565b3480156101f8575f5ffd5b5061014c610207366004610a97565b6103e5565b61010661021a366004610aae565b6103fe565b34801561022a575f5ffd5b5061014c610421565b610106610241366004610b0b565b610441565b348015610251575f5ffd5b5061014c610260366004610b71565b61045d565b348015610270575f5ffd5b5062030d4061014c565b348015610285575f5ffd5b50601061014c565b348015610298575f5ffd5b506101066102a7366004610a97565b610491565b3480156102b7575f5ffd5b5061014c6104ca565b5f6102e18484845f60ff670de0b6b3a764000067016345785d8a00006104d7565b949350505050565b5f6103098686868686670de0b6b3a764000067016345785d8a00006104d7565b9695505050505050565b5f6103348585858560ff670de0b6b3a764000067016345785d8a00006104d7565b95945050505050565b6001600160a01b0381165f9081526005602052604081205460ff1661036357505f919050565b6001600160a01b038083165f908152600360205260409020541680156103895792915050565b6001600160a01b0383165f9081526004602052604081205481906103b7906103b2906001610ba5565b6106ba565b91509150806103c6575f610334565b505f908152600160205260409020546001600160a01b03169392505050565b5f6103f88267016345785d8a000061045d565b92915050565b5f61041687878787878767016345785d8a00006104d7565b979650505050505050565b5f61043c670de0b6b3a764000067016345785d8a000061045d565b905090565b5f610451888888888888886104d7565b98975050505050505050565b5f61046b3a62030d40610bb8565b6104758484610ba5565b610480906002610bb8565b61048a9190610ba5565b9392505050565b5f5f5f61049d846106ba565b91509150806104ac575f6102e1565b505f908152600160205260409020546001600160a01b031692915050565b5f61043c60106004610bb8565b5f806104e561013143610ba5565b8710156104fe5750672a27a7afa9a7a7a760c11b610556565b61050a60106004610bb8565b8560ff16101561052d57506e11d49050d157d513d3d7d4d213d495608a1b610556565b610537848461045d565b341015610556575071494e53554646494349454e545f46554e445360701b5b80156105e35760405181815233907f513485fc54ef019ef1bc1ea683ef7d5d522f2865224ae10871ff992749c0ba4f9060200160405180910390a26040515f90339034908381818185875af1925050503d805f81146105d0576040519150601f19603f3d011682016040523d82523d5f602084013e6105d5565b606091505b505090505f92505050610416565b5f343389888d8d8c8b8b6040516105f990610968565b6001600160a01b039889168152602081019790975260ff90951660408701529590921660608501526001600160e01b031916608084015260a083015260c082019290925260e0810191909152610100016040518091039082f0905080158015610664573d5f5f3e3d5ffd5b509050610671818961075a565b6040516001600160a01b03821681527f2b05d346f0b0b9fd470024751c52d3b5dac5c37796f077c1a66241f2eada44b79060200160405180910390a19998505050505050505050565b5f5f6006548311156106d057505f928392509050565b600654600890811c9084901c5b81811161074e575f81815260208190526040902054600886901c82036107115761070e600160ff881681901b610bcf565b19165b801561073b576107208161085a565b61072e90600884901b610ba5565b9660019650945050505050565b508061074681610be2565b9150506106dd565b505f9485945092505050565b5f818152600160205260409020546001600160a01b03166107c0575f81815260016020818152604080842080546001600160a01b0319166001600160a01b038816179055600885901c845290839052909120805460ff84169290921b90911790556107fc565b5f818152600260209081526040808320546001600160a01b039081168452600390925290912080546001600160a01b0319169184169190911790555b5f81815260026020908152604080832080546001600160a01b0319166001600160a01b03871690811790915583526004825280832084905560059091529020805460ff191660011790556006548111156108565760068190555b5050565b5f6fffffffffffffffffffffffffffffffff821681036108895761087f608082610ba5565b9050608082901c91505b67ffffffffffffffff82165f036108af576108a5604082610ba5565b9050604082901c91505b63ffffffff82165f036108d1576108c7602082610ba5565b9050602082901c91505b61ffff82165f036108f1576108e7601082610ba5565b9050601082901c91505b60ff82165f0361091057610906600882610ba5565b9050600882901c91505b81600f165f0361092f57610925600482610ba5565b9050600482901c91505b816003165f0361094e57610944600282610ba5565b9050600282901c91505b816001165f03610963576103f8600182610ba5565b919050565b61123880610bfb83390190565b80356001600160a01b0381168114610963575f5ffd5b80356001600160e01b031981168114610963575f5ffd5b5f5f5f606084860312156109b4575f5ffd5b6109bd84610975565b92506109cb6020850161098b565b929592945050506040919091013590565b803560ff81168114610963575f5ffd5b5f5f5f5f5f60a08688031215610a00575f5ffd5b610a0986610975565b9450610a176020870161098b565b93506040860135925060608601359150610a33608087016109dc565b90509295509295909350565b5f5f5f5f60808587031215610a52575f5ffd5b610a5b85610975565b9350610a696020860161098b565b93969395505050506040820135916060013590565b5f60208284031215610a8e575f5ffd5b61048a82610975565b5f60208284031215610aa7575f5ffd5b5035919050565b5f5f5f5f5f5f60c08789031215610ac3575f5ffd5b610acc87610975565b9550610ada6020880161098b565b94506040870135935060608701359250610af6608088016109dc565b9598949750929591949360a090920135925050565b5f5f5f5f5f5f5f60e0888a031215610b21575f5ffd5b610b2a88610975565b9650610b386020890161098b565b95506040880135945060608801359350610b54608089016109dc565b9699959850939692959460a0840135945060c09093013592915050565b5f5f60408385031215610b82575f5ffd5b50508035926020909101359150565b634e487b7160e01b5f52601160045260245ffd5b808201808211156103f8576103f8610b91565b80820281158282048414176103f8576103f8610b91565b818103818111156103f8576103f8610b91565b5f60018201610bf357610bf3610b91565b506001019056fe6080604052604051611238380380611238833981016040819052610022916100ba565b5f80546001600160a01b03998a166001600160a01b03199091161790556001969096556002805460e09490941c600160a81b0263ffffffff60a81b1995909816610100026001600160a81b031990941660ff909616959095179290921792909216949094179091556003556004919091556005553a600655610147565b80516001600160a01b03811681146100b5575f5ffd5b919050565b5f5f5f5f5f5f5f5f610100898b0312156100d2575f5ffd5b6100db8961009f565b60208a015160408b0151919950975060ff811681146100f8575f5ffd5b955061010660608a0161009f565b60808a01519095506001600160e01b031981168114610123575f5ffd5b60a08a015160c08b015160e0909b0151999c989b5096999598909790945092505050565b6110e4806101545f395ff3fe608060405260043610610184575f3560e01c8063830953ab116100d0578063c680362211610089578063ea8a1af011610063578063ea8a1af014610444578063eec2b62814610458578063f556275314610477578063f6b4dfb4146104965761018b565b8063c6803622146103ce578063ca94692d146103ec578063d379be23146104255761018b565b8063830953ab1461031657806395ee12211461032b578063a06db7dc14610344578063ae45850b1461036f578063b0f07e44146103a5578063c6502da8146103b95761018b565b80634e417a981161013d578063614619541161011757806361461954146102c35780636560a307146102d757806367ce940d146102ec5780636ef25c3a146103015761018b565b80634e417a98146102865780634e71d92d146102a75780634f059a43146102af5761018b565b806309241200146101d15780630a16697a14610205578063137c638b14610228578063240328661461023d5780633233c6861461025c57806337f4c00e146102715761018b565b3661018b57005b5f546001600160a01b0316331480156101a357503615155b80156101bb5750600780546101b790610d88565b1590505b156101cf5760076101cd365f83610e27565b505b005b3480156101dc575f5ffd5b50600b546101f09062010000900460ff1681565b60405190151581526020015b60405180910390f35b348015610210575f5ffd5b5061021a60015481565b6040519081526020016101fc565b348015610233575f5ffd5b5062011d2861021a565b348015610248575f5ffd5b506101f0610257366004610efd565b6104ba565b348015610267575f5ffd5b5061021a600a5481565b34801561027c575f5ffd5b5061021a60065481565b348015610291575f5ffd5b5061029a61056c565b6040516101fc9190610f25565b6101f06105f8565b3480156102ba575f5ffd5b5061021a6106ff565b3480156102ce575f5ffd5b506101cf61070e565b3480156102e2575f5ffd5b5061021a60035481565b3480156102f7575f5ffd5b50620186a061021a565b34801561030c575f5ffd5b5061021a60055481565b348015610321575f5ffd5b5061021a60095481565b348015610336575f5ffd5b50600b546101f09060ff1681565b34801561034f575f5ffd5b5060025461035d9060ff1681565b60405160ff90911681526020016101fc565b34801561037a575f5ffd5b505f5461038d906001600160a01b031681565b6040516001600160a01b0390911681526020016101fc565b3480156103b0575f5ffd5b506101cf61095b565b3480156103c4575f5ffd5b5061021a60045481565b3480156103d9575f5ffd5b50600b546101f090610100900460ff1681565b3480156103f7575f5ffd5b5060025461040c90600160a81b900460e01b81565b6040516001600160e01b031990911681526020016101fc565b348015610430575f5ffd5b5060085461038d906001600160a01b031681565b34801561044f575f5ffd5b506101cf6109d8565b348015610463575f5ffd5b506101f0610472366004610f5a565b610afc565b348015610482575f5ffd5b5061021a610491366004610f73565b610c46565b3480156104a1575f5ffd5b5060025461038d9061010090046001600160a01b031681565b5f60015482101580156104df57506002546001546104db9160ff1690610f9e565b8211155b6105255760405162461bcd60e51b81526020600482015260126024820152716e6f7420696e2063616c6c2077696e646f7760701b60448201526064015b60405180910390fd5b6008546001600160a01b0316158061054a57506008546001600160a01b038481169116145b806105635750601060015461055f9190610f9e565b8210155b90505b92915050565b6007805461057990610d88565b80601f01602080910402602001604051908101604052809291908181526020018280546105a590610d88565b80156105f05780601f106105c7576101008083540402835291602001916105f0565b820191905f5260205f20905b8154815290600101906020018083116105d357829003601f168201915b505050505081565b600b545f9060ff161561061d5760405162461bcd60e51b815260040161051c90610fb1565b5f61010960015410158015610641575061010960015461063d9190610fd4565b4310155b80156106595750600154610656600a43610f9e565b11155b905080801561067157506008546001600160a01b0316155b801561068a5750600454610686906002610fe7565b3410155b156106ee57600880546001600160a01b031916331790556106aa43610c46565b600981905534600a556040805133815260208101929092527fd8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a910160405180910390a15b6106f83334610cc0565b5f91505090565b5f61070943610c46565b905090565b600b5460ff16156107315760405162461bcd60e51b815260040161051c90610fb1565b5f5a905061073e33610afc565b6107455750565b600b805461ff0019166101001790555f5a90505f620186a08211610769575f610776565b610776620186a083610fd4565b6002546040519192505f916001600160a01b036101008304169184916107ac91600160a81b900460e01b90600790602001610ffe565b60408051601f19818403018152908290526107c691611088565b5f604051808303815f8787f1925050503d805f8114610800576040519150601f19603f3d011682016040523d82523d5f602084013e610805565b606091505b5050600b805462ff0000191662010000831515021790556006549091505f9061082e903a610d2c565b6008549091505f906001600160a01b0316331461084d57600454610851565b6009545b90505f60646108608484610fe7565b61086a919061109e565b600a546108779190610f9e565b90505f60648460055461088a9190610fe7565b610894919061109e565b90505f62011d285a6108a6908b610fd4565b6108b09190610f9e565b6108ba903a610fe7565b90506108c68184610f9e565b92506108d23384610cc0565b6108f073d3cda913deb6f67967b99d67acdfa1712c29360183610cc0565b6040805182815260208101859052908101839052861515606082015233907f4538b7ec91dae8fada01e66a052482086d3e690c3db5a80457fbcd55457b4ae19060800160405180910390a25f54610950906001600160a01b031647610cc0565b505050505050505050565b5f546001600160a01b03163314801561098057506007805461097c90610d88565b1590505b6109ba5760405162461bcd60e51b815260206004820152600b60248201526a1b9bdd08185b1b1bddd95960aa1b604482015260640161051c565b6109c7366004815f6110bd565b6007916109d5919083610e27565b50565b600b5460ff16156109fb5760405162461bcd60e51b815260040161051c90610fb1565b5f80546001600160a01b031633148015610a19575061010960015410155b8015610a335750610109600154610a309190610fd4565b43105b600b549091505f90610100900460ff16158015610a615750600254600154610a5e9160ff1690610f9e565b43115b90508180610a6c5750805b610aac5760405162461bcd60e51b815260206004820152601160248201527063616e6e6f742063616e63656c206e6f7760781b604482015260640161051c565b600b805460ff1916600117905560405133907f398bd6b21ae4164ec322fb0eb8c2eb6277f36fd41903fbbed594dfe125591281905f90a25f54610af8906001600160a01b031647610cc0565b5050565b600b545f90610100900460ff1615610b6857604080516001600160a01b03841681526d1053149150511657d0d05313115160921b60208201527f8d7218ca9288bf28867e50b2e471b91bd8247c09cdcf931336f93a49fdcaf18d91015b60405180910390a1505f919050565b600154431080610b895750600254600154610b869160ff1690610f9e565b43115b15610be157604080516001600160a01b0384168152714e4f545f494e5f43414c4c5f57494e444f5760701b60208201527f8d7218ca9288bf28867e50b2e471b91bd8247c09cdcf931336f93a49fdcaf18d9101610b59565b610beb82436104ba565b610c3e57604080516001600160a01b03841681526d1393d517d055551213d49256915160921b60208201527f8d7218ca9288bf28867e50b2e471b91bd8247c09cdcf931336f93a49fdcaf18d9101610b59565b506001919050565b5f6101096001541015610c5b57505060045490565b5f610109600154610c6c9190610fd4565b905080831015610c7e57505f92915050565b5f610c898285610fd4565b905060f08110610c9e57505060045492915050565b60f081600454610cae9190610fe7565b610cb8919061109e565b949350505050565b47811115610ccb5750475b805f03610cd6575050565b5f826001600160a01b0316826040515f6040518083038185875af1925050503d805f8114610d1f576040519150601f19603f3d011682016040523d82523d5f602084013e610d24565b606091505b505050505050565b5f82821115610d525781610d41846064610fe7565b610d4b919061109e565b9050610566565b81610d5e846002610fe7565b610d689190610fd4565b610d73846064610fe7565b610d7d919061109e565b6105639060c8610fd4565b600181811c90821680610d9c57607f821691505b602082108103610dba57634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b601f821115610e225782821115610e2257805f5260205f20601f840160051c6020851015610dff57505f5b90810190601f840160051c035f5b81811015610d24575f83820155600101610e0d565b505050565b67ffffffffffffffff831115610e3f57610e3f610dc0565b610e5383610e4d8354610d88565b83610dd4565b5f601f841160018114610e84575f8515610e6d5750838201355b5f19600387901b1c1916600186901b178355610edb565b5f83815260208120601f198716915b82811015610eb35786850135825560209485019460019092019101610e93565b5086821015610ecf575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b80356001600160a01b0381168114610ef8575f5ffd5b919050565b5f5f60408385031215610f0e575f5ffd5b610f1783610ee2565b946020939093013593505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b5f60208284031215610f6a575f5ffd5b61056382610ee2565b5f60208284031215610f83575f5ffd5b5035919050565b634e487b7160e01b5f52601160045260245ffd5b8082018082111561056657610566610f8a565b60208082526009908201526818d85b98d95b1b195960ba1b604082015260600190565b8181038181111561056657610566610f8a565b808202811582820484141761056657610566610f8a565b63ffffffff60e01b831681525f5f835461101781610d88565b60018216801561102e57600181146110495761107c565b60ff198316600487015260048215158302870101935061107c565b865f5260205f205f5b8381101561107157815488820160040152600190910190602001611052565b505060048287010193505b50919695505050505050565b5f82518060208501845e5f920191825250919050565b5f826110b857634e487b7160e01b5f52601260045260245ffd5b500490565b5f5f858511156110cb575f5ffd5b838611156110d7575f5ffd5b505082019391909203915056",
}

// Scheduler is an auto generated Go binding around an Ethereum contract.
type Scheduler struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Scheduler) GetABI() abi.ABI {
	return c.abi
}

// NewScheduler creates a new instance of Scheduler.
func NewScheduler() *Scheduler {
	parsed, err := SchedulerMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Scheduler{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Scheduler) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackGetCallWindowSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98e00e54.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getCallWindowSize() pure returns(uint256)
func (scheduler *Scheduler) PackGetCallWindowSize() []byte {
	enc, err := scheduler.abi.Pack("getCallWindowSize")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetCallWindowSize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98e00e54.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getCallWindowSize() pure returns(uint256)
func (scheduler *Scheduler) TryPackGetCallWindowSize() ([]byte, error) {
	return scheduler.abi.Pack("getCallWindowSize")
}

// UnpackGetCallWindowSize is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x98e00e54.
//
// Solidity: function getCallWindowSize() pure returns(uint256)
func (scheduler *Scheduler) UnpackGetCallWindowSize(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getCallWindowSize", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetDefaultFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21bacf28.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getDefaultFee() pure returns(uint256)
func (scheduler *Scheduler) PackGetDefaultFee() []byte {
	enc, err := scheduler.abi.Pack("getDefaultFee")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetDefaultFee is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x21bacf28.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getDefaultFee() pure returns(uint256)
func (scheduler *Scheduler) TryPackGetDefaultFee() ([]byte, error) {
	return scheduler.abi.Pack("getDefaultFee")
}

// UnpackGetDefaultFee is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x21bacf28.
//
// Solidity: function getDefaultFee() pure returns(uint256)
func (scheduler *Scheduler) UnpackGetDefaultFee(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getDefaultFee", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetDefaultPayment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x08f235ec.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getDefaultPayment() pure returns(uint256)
func (scheduler *Scheduler) PackGetDefaultPayment() []byte {
	enc, err := scheduler.abi.Pack("getDefaultPayment")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetDefaultPayment is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x08f235ec.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getDefaultPayment() pure returns(uint256)
func (scheduler *Scheduler) TryPackGetDefaultPayment() ([]byte, error) {
	return scheduler.abi.Pack("getDefaultPayment")
}

// UnpackGetDefaultPayment is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x08f235ec.
//
// Solidity: function getDefaultPayment() pure returns(uint256)
func (scheduler *Scheduler) UnpackGetDefaultPayment(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getDefaultPayment", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetMinimumCallCost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6822abae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMinimumCallCost(uint256 basePayment) view returns(uint256)
func (scheduler *Scheduler) PackGetMinimumCallCost(basePayment *big.Int) []byte {
	enc, err := scheduler.abi.Pack("getMinimumCallCost", basePayment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMinimumCallCost is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6822abae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMinimumCallCost(uint256 basePayment) view returns(uint256)
func (scheduler *Scheduler) TryPackGetMinimumCallCost(basePayment *big.Int) ([]byte, error) {
	return scheduler.abi.Pack("getMinimumCallCost", basePayment)
}

// UnpackGetMinimumCallCost is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6822abae.
//
// Solidity: function getMinimumCallCost(uint256 basePayment) view returns(uint256)
func (scheduler *Scheduler) UnpackGetMinimumCallCost(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getMinimumCallCost", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetMinimumCallCost0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75c589a0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMinimumCallCost() view returns(uint256)
func (scheduler *Scheduler) PackGetMinimumCallCost0() []byte {
	enc, err := scheduler.abi.Pack("getMinimumCallCost0")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMinimumCallCost0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x75c589a0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMinimumCallCost() view returns(uint256)
func (scheduler *Scheduler) TryPackGetMinimumCallCost0() ([]byte, error) {
	return scheduler.abi.Pack("getMinimumCallCost0")
}

// UnpackGetMinimumCallCost0 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x75c589a0.
//
// Solidity: function getMinimumCallCost() view returns(uint256)
func (scheduler *Scheduler) UnpackGetMinimumCallCost0(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getMinimumCallCost0", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetMinimumCallCost1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x96cff3df.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMinimumCallCost(uint256 basePayment, uint256 baseFee) view returns(uint256)
func (scheduler *Scheduler) PackGetMinimumCallCost1(basePayment *big.Int, baseFee *big.Int) []byte {
	enc, err := scheduler.abi.Pack("getMinimumCallCost1", basePayment, baseFee)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMinimumCallCost1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x96cff3df.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMinimumCallCost(uint256 basePayment, uint256 baseFee) view returns(uint256)
func (scheduler *Scheduler) TryPackGetMinimumCallCost1(basePayment *big.Int, baseFee *big.Int) ([]byte, error) {
	return scheduler.abi.Pack("getMinimumCallCost1", basePayment, baseFee)
}

// UnpackGetMinimumCallCost1 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x96cff3df.
//
// Solidity: function getMinimumCallCost(uint256 basePayment, uint256 baseFee) view returns(uint256)
func (scheduler *Scheduler) UnpackGetMinimumCallCost1(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getMinimumCallCost1", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetMinimumCallGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98c9cdf4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMinimumCallGas() pure returns(uint256)
func (scheduler *Scheduler) PackGetMinimumCallGas() []byte {
	enc, err := scheduler.abi.Pack("getMinimumCallGas")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMinimumCallGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x98c9cdf4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMinimumCallGas() pure returns(uint256)
func (scheduler *Scheduler) TryPackGetMinimumCallGas() ([]byte, error) {
	return scheduler.abi.Pack("getMinimumCallGas")
}

// UnpackGetMinimumCallGas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x98c9cdf4.
//
// Solidity: function getMinimumCallGas() pure returns(uint256)
func (scheduler *Scheduler) UnpackGetMinimumCallGas(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getMinimumCallGas", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetMinimumGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc0f68859.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getMinimumGracePeriod() pure returns(uint256)
func (scheduler *Scheduler) PackGetMinimumGracePeriod() []byte {
	enc, err := scheduler.abi.Pack("getMinimumGracePeriod")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetMinimumGracePeriod is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc0f68859.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getMinimumGracePeriod() pure returns(uint256)
func (scheduler *Scheduler) TryPackGetMinimumGracePeriod() ([]byte, error) {
	return scheduler.abi.Pack("getMinimumGracePeriod")
}

// UnpackGetMinimumGracePeriod is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc0f68859.
//
// Solidity: function getMinimumGracePeriod() pure returns(uint256)
func (scheduler *Scheduler) UnpackGetMinimumGracePeriod(data []byte) (*big.Int, error) {
	out, err := scheduler.abi.Unpack("getMinimumGracePeriod", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetNextCall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f927be7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getNextCall(uint256 blockNumber) view returns(address)
func (scheduler *Scheduler) PackGetNextCall(blockNumber *big.Int) []byte {
	enc, err := scheduler.abi.Pack("getNextCall", blockNumber)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetNextCall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9f927be7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getNextCall(uint256 blockNumber) view returns(address)
func (scheduler *Scheduler) TryPackGetNextCall(blockNumber *big.Int) ([]byte, error) {
	return scheduler.abi.Pack("getNextCall", blockNumber)
}

// UnpackGetNextCall is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9f927be7.
//
// Solidity: function getNextCall(uint256 blockNumber) view returns(address)
func (scheduler *Scheduler) UnpackGetNextCall(data []byte) (common.Address, error) {
	out, err := scheduler.abi.Unpack("getNextCall", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackGetNextCallSibling is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48107843.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getNextCallSibling(address callAddress) view returns(address)
func (scheduler *Scheduler) PackGetNextCallSibling(callAddress common.Address) []byte {
	enc, err := scheduler.abi.Pack("getNextCallSibling", callAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetNextCallSibling is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x48107843.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getNextCallSibling(address callAddress) view returns(address)
func (scheduler *Scheduler) TryPackGetNextCallSibling(callAddress common.Address) ([]byte, error) {
	return scheduler.abi.Pack("getNextCallSibling", callAddress)
}

// UnpackGetNextCallSibling is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x48107843.
//
// Solidity: function getNextCallSibling(address callAddress) view returns(address)
func (scheduler *Scheduler) UnpackGetNextCallSibling(data []byte) (common.Address, error) {
	out, err := scheduler.abi.Unpack("getNextCallSibling", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackIsKnownCall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x523ccfa8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isKnownCall(address callAddress) view returns(bool)
func (scheduler *Scheduler) PackIsKnownCall(callAddress common.Address) []byte {
	enc, err := scheduler.abi.Pack("isKnownCall", callAddress)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsKnownCall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x523ccfa8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isKnownCall(address callAddress) view returns(bool)
func (scheduler *Scheduler) TryPackIsKnownCall(callAddress common.Address) ([]byte, error) {
	return scheduler.abi.Pack("isKnownCall", callAddress)
}

// UnpackIsKnownCall is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x523ccfa8.
//
// Solidity: function isKnownCall(address callAddress) view returns(bool)
func (scheduler *Scheduler) UnpackIsKnownCall(data []byte) (bool, error) {
	out, err := scheduler.abi.Unpack("isKnownCall", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackScheduleCall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01991313.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock) payable returns(address)
func (scheduler *Scheduler) PackScheduleCall(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int) []byte {
	enc, err := scheduler.abi.Pack("scheduleCall", contractAddress, abiSignature, targetBlock)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackScheduleCall is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01991313.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock) payable returns(address)
func (scheduler *Scheduler) TryPackScheduleCall(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int) ([]byte, error) {
	return scheduler.abi.Pack("scheduleCall", contractAddress, abiSignature, targetBlock)
}

// UnpackScheduleCall is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01991313.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock) payable returns(address)
func (scheduler *Scheduler) UnpackScheduleCall(data []byte) (common.Address, error) {
	out, err := scheduler.abi.Unpack("scheduleCall", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackScheduleCall0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x049ae734.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod) payable returns(address)
func (scheduler *Scheduler) PackScheduleCall0(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int, gracePeriod uint8) []byte {
	enc, err := scheduler.abi.Pack("scheduleCall0", contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackScheduleCall0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x049ae734.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod) payable returns(address)
func (scheduler *Scheduler) TryPackScheduleCall0(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int, gracePeriod uint8) ([]byte, error) {
	return scheduler.abi.Pack("scheduleCall0", contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod)
}

// UnpackScheduleCall0 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x049ae734.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod) payable returns(address)
func (scheduler *Scheduler) UnpackScheduleCall0(data []byte) (common.Address, error) {
	out, err := scheduler.abi.Unpack("scheduleCall0", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackScheduleCall1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x480b70bd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas) payable returns(address)
func (scheduler *Scheduler) PackScheduleCall1(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int) []byte {
	enc, err := scheduler.abi.Pack("scheduleCall1", contractAddress, abiSignature, targetBlock, suggestedGas)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackScheduleCall1 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x480b70bd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas) payable returns(address)
func (scheduler *Scheduler) TryPackScheduleCall1(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int) ([]byte, error) {
	return scheduler.abi.Pack("scheduleCall1", contractAddress, abiSignature, targetBlock, suggestedGas)
}

// UnpackScheduleCall1 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x480b70bd.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas) payable returns(address)
func (scheduler *Scheduler) UnpackScheduleCall1(data []byte) (common.Address, error) {
	out, err := scheduler.abi.Unpack("scheduleCall1", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackScheduleCall2 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68402460.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod, uint256 basePayment) payable returns(address)
func (scheduler *Scheduler) PackScheduleCall2(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int, gracePeriod uint8, basePayment *big.Int) []byte {
	enc, err := scheduler.abi.Pack("scheduleCall2", contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod, basePayment)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackScheduleCall2 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x68402460.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod, uint256 basePayment) payable returns(address)
func (scheduler *Scheduler) TryPackScheduleCall2(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int, gracePeriod uint8, basePayment *big.Int) ([]byte, error) {
	return scheduler.abi.Pack("scheduleCall2", contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod, basePayment)
}

// UnpackScheduleCall2 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x68402460.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod, uint256 basePayment) payable returns(address)
func (scheduler *Scheduler) UnpackScheduleCall2(data []byte) (common.Address, error) {
	out, err := scheduler.abi.Unpack("scheduleCall2", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackScheduleCall3 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b676ae8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod, uint256 basePayment, uint256 baseFee) payable returns(address)
func (scheduler *Scheduler) PackScheduleCall3(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int, gracePeriod uint8, basePayment *big.Int, baseFee *big.Int) []byte {
	enc, err := scheduler.abi.Pack("scheduleCall3", contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod, basePayment, baseFee)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackScheduleCall3 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8b676ae8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod, uint256 basePayment, uint256 baseFee) payable returns(address)
func (scheduler *Scheduler) TryPackScheduleCall3(contractAddress common.Address, abiSignature [4]byte, targetBlock *big.Int, suggestedGas *big.Int, gracePeriod uint8, basePayment *big.Int, baseFee *big.Int) ([]byte, error) {
	return scheduler.abi.Pack("scheduleCall3", contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod, basePayment, baseFee)
}

// UnpackScheduleCall3 is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8b676ae8.
//
// Solidity: function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas, uint8 gracePeriod, uint256 basePayment, uint256 baseFee) payable returns(address)
func (scheduler *Scheduler) UnpackScheduleCall3(data []byte) (common.Address, error) {
	out, err := scheduler.abi.Unpack("scheduleCall3", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// SchedulerCallRejected represents a CallRejected event raised by the Scheduler contract.
type SchedulerCallRejected struct {
	SchedulerAddress common.Address
	Reason           [32]byte
	Raw              *types.Log // Blockchain specific contextual infos
}

const SchedulerCallRejectedEventName = "CallRejected"

// ContractEventName returns the user-defined event name.
func (SchedulerCallRejected) ContractEventName() string {
	return SchedulerCallRejectedEventName
}

// UnpackCallRejectedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CallRejected(address indexed schedulerAddress, bytes32 reason)
func (scheduler *Scheduler) UnpackCallRejectedEvent(log *types.Log) (*SchedulerCallRejected, error) {
	event := "CallRejected"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != scheduler.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SchedulerCallRejected)
	if len(log.Data) > 0 {
		if err := scheduler.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range scheduler.abi.Events[event].Inputs {
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

// SchedulerCallScheduled represents a CallScheduled event raised by the Scheduler contract.
type SchedulerCallScheduled struct {
	CallAddress common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const SchedulerCallScheduledEventName = "CallScheduled"

// ContractEventName returns the user-defined event name.
func (SchedulerCallScheduled) ContractEventName() string {
	return SchedulerCallScheduledEventName
}

// UnpackCallScheduledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event CallScheduled(address call_address)
func (scheduler *Scheduler) UnpackCallScheduledEvent(log *types.Log) (*SchedulerCallScheduled, error) {
	event := "CallScheduled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != scheduler.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(SchedulerCallScheduled)
	if len(log.Data) > 0 {
		if err := scheduler.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range scheduler.abi.Events[event].Inputs {
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
