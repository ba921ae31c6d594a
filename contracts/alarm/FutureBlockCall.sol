// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title FutureBlockCall (Ethereum Alarm Clock v0.6 interface)
/// @notice One scheduled call. Clean-room implementation written from the
/// published v0.6 interface (names, argument and return types, events,
/// windows and payment rules); it reproduces the behaviours an execution
/// client depends on:
///  - execute() never reverts for a bad time, executor or a second call: it
///    logs _CallAborted and returns;
///  - claim() outside its window, without enough deposit or when already
///    claimed refunds and returns false;
///  - a successful claim records the claimer, logs Claimed, and (as v0.6
///    did) still refunds the deposit and returns false, while claimerDeposit
///    keeps the amount, which execute() later pays out of the endowment;
///  - checkExecutionAuthorization reverts outside the call window;
///  - cancel() reverts unless the scheduler cancels before the claim window
///    or anyone cancels a missed call.
/// Windows, relative to the target block T and grace period G:
///   claim window [T-265, T-10], claim amount grows over 240 blocks;
///   reserved window [T, T+15] for the claimer; free-for-all [T+16, T+G].
contract FutureBlockCall {
    uint256 private constant CALL_WINDOW_SIZE = 16;
    uint256 private constant CLAIM_WINDOW_OPENS = 265; // blocks before T
    uint256 private constant CLAIM_GROWTH_BLOCKS = 240;
    uint256 private constant LAST_CLAIM_BEFORE = 10; // T-10 is the last block a claim succeeds in
    uint256 private constant GAS_OVERHEAD = 100000;
    uint256 private constant EXTRA_GAS = 73000;
    address private constant CREATOR = 0xd3CdA913deB6f67967B99D67aCDFa1712C293601;

    address public schedulerAddress;
    uint256 public targetBlock;
    uint8 public gracePeriod;
    address public contractAddress;
    bytes4 public abiSignature;
    uint256 public suggestedGas;
    uint256 public basePayment;
    uint256 public baseFee;
    uint256 public anchorGasPrice;
    bytes public callData;

    address public claimer;
    uint256 public claimAmount;
    uint256 public claimerDeposit;

    bool public isCancelled;
    bool public wasCalled;
    bool public wasSuccessful;

    event CallExecuted(address indexed executor, uint256 gasCost, uint256 payment, uint256 fee, bool success);
    event _CallAborted(address executor, bytes32 reason);
    event Claimed(address executor, uint256 claimAmount);
    event Cancelled(address indexed cancelled_by);

    constructor(
        address _schedulerAddress,
        uint256 _targetBlock,
        uint8 _gracePeriod,
        address _contractAddress,
        bytes4 _abiSignature,
        uint256 _suggestedGas,
        uint256 _basePayment,
        uint256 _baseFee
    ) payable {
        schedulerAddress = _schedulerAddress;
        targetBlock = _targetBlock;
        gracePeriod = _gracePeriod;
        contractAddress = _contractAddress;
        abiSignature = _abiSignature;
        suggestedGas = _suggestedGas;
        basePayment = _basePayment;
        baseFee = _baseFee;
        anchorGasPrice = tx.gasprice;
    }

    modifier notCancelled() {
        require(!isCancelled, "cancelled");
        _;
    }

    // --- claiming ---

    function getClaimAmountForBlock() public view returns (uint256) {
        return getClaimAmountForBlock(block.number);
    }

    function getClaimAmountForBlock(uint256 blockNumber) public view returns (uint256) {
        if (targetBlock < CLAIM_WINDOW_OPENS) {
            return basePayment;
        }
        uint256 opens = targetBlock - CLAIM_WINDOW_OPENS;
        if (blockNumber < opens) {
            return 0;
        }
        uint256 x = blockNumber - opens;
        if (x >= CLAIM_GROWTH_BLOCKS) {
            return basePayment;
        }
        return (basePayment * x) / CLAIM_GROWTH_BLOCKS;
    }

    function claim() public payable notCancelled returns (bool) {
        bool inWindow = targetBlock >= CLAIM_WINDOW_OPENS && block.number >= targetBlock - CLAIM_WINDOW_OPENS
            && block.number + LAST_CLAIM_BEFORE <= targetBlock;
        if (inWindow && claimer == address(0) && msg.value >= 2 * basePayment) {
            claimer = msg.sender;
            claimAmount = getClaimAmountForBlock(block.number);
            claimerDeposit = msg.value;
            emit Claimed(msg.sender, claimAmount);
        }
        // v0.6 reports every claim as failed and returns the deposit, even
        // a recorded one (its claim routine lacked a return value).
        _send(msg.sender, msg.value);
        return false;
    }

    // --- execution ---

    function getOverhead() public pure returns (uint256) {
        return GAS_OVERHEAD;
    }

    function getExtraGas() public pure returns (uint256) {
        return EXTRA_GAS;
    }

    function checkExecutionAuthorization(address executor, uint256 blockNumber) public view returns (bool) {
        require(blockNumber >= targetBlock && blockNumber <= targetBlock + gracePeriod, "not in call window");
        return claimer == address(0) || claimer == executor || blockNumber >= targetBlock + CALL_WINDOW_SIZE;
    }

    /// @notice The pre-execution checks, public as in v0.6. On failure it
    /// logs _CallAborted and returns false; it changes no other state.
    function beforeExecute(address executor) public returns (bool) {
        if (wasCalled) {
            emit _CallAborted(executor, "ALREADY_CALLED");
            return false;
        }
        if (block.number < targetBlock || block.number > targetBlock + gracePeriod) {
            emit _CallAborted(executor, "NOT_IN_CALL_WINDOW");
            return false;
        }
        if (!checkExecutionAuthorization(executor, block.number)) {
            emit _CallAborted(executor, "NOT_AUTHORIZED");
            return false;
        }
        return true;
    }

    function execute() public notCancelled {
        uint256 startGas = gasleft();
        if (!beforeExecute(msg.sender)) {
            return;
        }
        wasCalled = true;
        uint256 available = gasleft();
        uint256 forward = available > GAS_OVERHEAD ? available - GAS_OVERHEAD : 0;
        (bool ok,) = contractAddress.call{gas: forward}(abi.encodePacked(abiSignature, callData));
        wasSuccessful = ok;

        uint256 scalar = _gasScalar(anchorGasPrice, tx.gasprice);
        uint256 base = msg.sender == claimer ? claimAmount : basePayment;
        uint256 payment = claimerDeposit + (base * scalar) / 100;
        uint256 fee = (baseFee * scalar) / 100;
        uint256 gasCost = tx.gasprice * (startGas - gasleft() + EXTRA_GAS);
        payment += gasCost;

        _send(msg.sender, payment);
        _send(CREATOR, fee);
        emit CallExecuted(msg.sender, gasCost, payment, fee, ok);
        _send(schedulerAddress, address(this).balance);
    }

    /// @dev 100·a/p when the executor pays more than the anchor price a,
    /// else 200 − 100·a/(2a − p): between 100 and 150 percent.
    function _gasScalar(uint256 anchor, uint256 price) private pure returns (uint256) {
        if (price > anchor) {
            return (100 * anchor) / price;
        }
        return 200 - (100 * anchor) / (2 * anchor - price);
    }

    // --- cancelling and call data ---

    function cancel() public notCancelled {
        bool byScheduler = msg.sender == schedulerAddress && targetBlock >= CLAIM_WINDOW_OPENS
            && block.number < targetBlock - CLAIM_WINDOW_OPENS;
        bool missed = !wasCalled && block.number > targetBlock + gracePeriod;
        require(byScheduler || missed, "cannot cancel now");
        isCancelled = true;
        emit Cancelled(msg.sender);
        _send(schedulerAddress, address(this).balance);
    }

    /// @notice Stores the bytes after the selector as the call's arguments.
    function registerData() public {
        require(msg.sender == schedulerAddress && callData.length == 0, "not allowed");
        callData = msg.data[4:];
    }

    fallback() external payable {
        if (msg.sender == schedulerAddress && msg.data.length > 0 && callData.length == 0) {
            callData = msg.data;
        }
    }

    receive() external payable {}

    /// @dev Sends up to the balance; a recipient that refuses is skipped so
    /// that no payment can block execution.
    function _send(address to, uint256 amount) private {
        if (amount > address(this).balance) {
            amount = address(this).balance;
        }
        if (amount == 0) {
            return;
        }
        (bool ok,) = to.call{value: amount}("");
        ok; // a failed send leaves the value with the call; it ends with the scheduler
    }
}
