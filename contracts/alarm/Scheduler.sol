// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FutureBlockCall} from "./FutureBlockCall.sol";

/// @title Scheduler (Ethereum Alarm Clock v0.6 interface)
/// @notice Creates FutureBlockCall contracts and keeps every call, executed
/// or not, in one index ordered by target block (ties in scheduling order).
/// Clean-room implementation of the published v0.6 interface: a bitmap of
/// target blocks with per-block lists replaces v0.6's tree, so scheduling
/// costs the same whatever the number or order of targets.
/// A rejected scheduling refunds the endowment, logs CallRejected and
/// succeeds (status 1), as v0.6 does.
contract Scheduler {
    uint256 private constant CALL_WINDOW_SIZE = 16;
    uint256 private constant MINIMUM_GRACE_PERIOD = 4 * CALL_WINDOW_SIZE;
    uint256 private constant MINIMUM_CALL_GAS = 200000;
    uint256 private constant MAX_BLOCKS_IN_FUTURE = 40 + 10 + 255; // earliest target: block.number + 305
    uint256 private constant DEFAULT_PAYMENT = 1 ether;
    uint256 private constant DEFAULT_FEE = 0.1 ether; // 100 finney
    uint8 private constant DEFAULT_GRACE = 255;

    // The index: a bitmap of target blocks that have calls, and per block
    // a list of its calls in scheduling order. Scheduling is O(1) whatever
    // the number or order of targets; lookups scan the bitmap 256 blocks
    // per word (view functions, paid by nobody).
    mapping(uint256 => uint256) private blockWords;
    mapping(uint256 => address) private firstAt;
    mapping(uint256 => address) private lastAt;
    mapping(address => address) private nextInBlock;
    mapping(address => uint256) private targetOf;
    mapping(address => bool) private known;
    uint256 private maxTarget;

    event CallScheduled(address call_address);
    event CallRejected(address indexed schedulerAddress, bytes32 reason);

    // --- constants ---

    function getCallWindowSize() public pure returns (uint256) {
        return CALL_WINDOW_SIZE;
    }

    function getMinimumGracePeriod() public pure returns (uint256) {
        return MINIMUM_GRACE_PERIOD;
    }

    function getMinimumCallGas() public pure returns (uint256) {
        return MINIMUM_CALL_GAS;
    }

    function getDefaultPayment() public pure returns (uint256) {
        return DEFAULT_PAYMENT;
    }

    function getDefaultFee() public pure returns (uint256) {
        return DEFAULT_FEE;
    }

    function getMinimumCallCost() public view returns (uint256) {
        return getMinimumCallCost(DEFAULT_PAYMENT, DEFAULT_FEE);
    }

    function getMinimumCallCost(uint256 basePayment) public view returns (uint256) {
        return getMinimumCallCost(basePayment, DEFAULT_FEE);
    }

    function getMinimumCallCost(uint256 basePayment, uint256 baseFee) public view returns (uint256) {
        return 2 * (baseFee + basePayment) + MINIMUM_CALL_GAS * tx.gasprice;
    }

    // --- the index ---

    function isKnownCall(address callAddress) public view returns (bool) {
        return known[callAddress];
    }

    /// @notice The first call, in target-block order, whose target block is
    /// at or after blockNumber; address(0) if none.
    function getNextCall(uint256 blockNumber) public view returns (address) {
        (uint256 b, bool found) = _nextBlock(blockNumber);
        return found ? firstAt[b] : address(0);
    }

    /// @notice The call after callAddress in the index (its target block
    /// may be later); address(0) at the end or for an unknown call.
    function getNextCallSibling(address callAddress) public view returns (address) {
        if (!known[callAddress]) {
            return address(0);
        }
        address n = nextInBlock[callAddress];
        if (n != address(0)) {
            return n;
        }
        (uint256 b, bool found) = _nextBlock(targetOf[callAddress] + 1);
        return found ? firstAt[b] : address(0);
    }

    function _insert(address call, uint256 target) private {
        if (firstAt[target] == address(0)) {
            firstAt[target] = call;
            blockWords[target >> 8] |= uint256(1) << (target & 255);
        } else {
            nextInBlock[lastAt[target]] = call;
        }
        lastAt[target] = call;
        targetOf[call] = target;
        known[call] = true;
        if (target > maxTarget) {
            maxTarget = target;
        }
    }

    /// @dev The first block at or after from that has calls.
    function _nextBlock(uint256 from) private view returns (uint256, bool) {
        if (from > maxTarget) {
            return (0, false);
        }
        uint256 last = maxTarget >> 8;
        for (uint256 w = from >> 8; w <= last; w++) {
            uint256 bits = blockWords[w];
            if (w == from >> 8) {
                bits &= ~((uint256(1) << (from & 255)) - 1);
            }
            if (bits != 0) {
                return ((w << 8) + _lowestBit(bits), true);
            }
        }
        return (0, false);
    }

    function _lowestBit(uint256 x) private pure returns (uint256 r) {
        if (x & type(uint128).max == 0) { r += 128; x >>= 128; }
        if (x & type(uint64).max == 0) { r += 64; x >>= 64; }
        if (x & type(uint32).max == 0) { r += 32; x >>= 32; }
        if (x & type(uint16).max == 0) { r += 16; x >>= 16; }
        if (x & type(uint8).max == 0) { r += 8; x >>= 8; }
        if (x & 0xf == 0) { r += 4; x >>= 4; }
        if (x & 0x3 == 0) { r += 2; x >>= 2; }
        if (x & 0x1 == 0) { r += 1; }
    }

    // --- scheduling ---

    function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock)
        public
        payable
        returns (address)
    {
        return _schedule(contractAddress, abiSignature, targetBlock, 0, DEFAULT_GRACE, DEFAULT_PAYMENT, DEFAULT_FEE);
    }

    function scheduleCall(address contractAddress, bytes4 abiSignature, uint256 targetBlock, uint256 suggestedGas)
        public
        payable
        returns (address)
    {
        return _schedule(contractAddress, abiSignature, targetBlock, suggestedGas, DEFAULT_GRACE, DEFAULT_PAYMENT, DEFAULT_FEE);
    }

    function scheduleCall(
        address contractAddress,
        bytes4 abiSignature,
        uint256 targetBlock,
        uint256 suggestedGas,
        uint8 gracePeriod
    ) public payable returns (address) {
        return _schedule(contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod, DEFAULT_PAYMENT, DEFAULT_FEE);
    }

    function scheduleCall(
        address contractAddress,
        bytes4 abiSignature,
        uint256 targetBlock,
        uint256 suggestedGas,
        uint8 gracePeriod,
        uint256 basePayment
    ) public payable returns (address) {
        return _schedule(contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod, basePayment, DEFAULT_FEE);
    }

    function scheduleCall(
        address contractAddress,
        bytes4 abiSignature,
        uint256 targetBlock,
        uint256 suggestedGas,
        uint8 gracePeriod,
        uint256 basePayment,
        uint256 baseFee
    ) public payable returns (address) {
        return _schedule(contractAddress, abiSignature, targetBlock, suggestedGas, gracePeriod, basePayment, baseFee);
    }

    function _schedule(
        address contractAddress,
        bytes4 abiSignature,
        uint256 targetBlock,
        uint256 suggestedGas,
        uint8 gracePeriod,
        uint256 basePayment,
        uint256 baseFee
    ) private returns (address) {
        bytes32 reason;
        if (targetBlock < block.number + MAX_BLOCKS_IN_FUTURE) {
            reason = "TOO_SOON";
        } else if (gracePeriod < MINIMUM_GRACE_PERIOD) {
            reason = "GRACE_TOO_SHORT";
        } else if (msg.value < getMinimumCallCost(basePayment, baseFee)) {
            reason = "INSUFFICIENT_FUNDS";
        }
        if (reason != bytes32(0)) {
            emit CallRejected(msg.sender, reason);
            (bool refunded,) = msg.sender.call{value: msg.value}("");
            refunded; // a caller that refuses its refund keeps nothing here to steal: the value stays
            return address(0);
        }
        FutureBlockCall call = new FutureBlockCall{value: msg.value}(
            msg.sender, targetBlock, gracePeriod, contractAddress, abiSignature, suggestedGas, basePayment, baseFee
        );
        _insert(address(call), targetBlock);
        emit CallScheduled(address(call));
        return address(call);
    }
}
