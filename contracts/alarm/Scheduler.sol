// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FutureBlockCall} from "./FutureBlockCall.sol";

/// @title Scheduler (Ethereum Alarm Clock v0.6 interface)
/// @notice Creates FutureBlockCall contracts and keeps every call, executed
/// or not, in one index ordered by target block (ties in scheduling order).
/// Clean-room implementation of the published v0.6 interface: a doubly
/// linked list walked from its tail, so scheduling in increasing target
/// order and looking up recent blocks stay cheap, replaces v0.6's tree.
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

    struct Node {
        address prev;
        address next;
        uint256 target;
        bool known;
    }

    mapping(address => Node) private nodes;
    address private head;
    address private tail;

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
        return nodes[callAddress].known;
    }

    /// @notice The first call, in target-block order, whose target block is
    /// at or after blockNumber; address(0) if none.
    function getNextCall(uint256 blockNumber) public view returns (address) {
        address found = address(0);
        for (address c = tail; c != address(0) && nodes[c].target >= blockNumber; c = nodes[c].prev) {
            found = c;
        }
        return found;
    }

    /// @notice The call after callAddress in the index (its target block
    /// may be later); address(0) at the end or for an unknown call.
    function getNextCallSibling(address callAddress) public view returns (address) {
        return nodes[callAddress].next;
    }

    function _insert(address call, uint256 target) private {
        address after_ = tail;
        while (after_ != address(0) && nodes[after_].target > target) {
            after_ = nodes[after_].prev;
        }
        Node storage n = nodes[call];
        n.target = target;
        n.known = true;
        n.prev = after_;
        if (after_ == address(0)) {
            n.next = head;
            head = call;
        } else {
            n.next = nodes[after_].next;
            nodes[after_].next = call;
        }
        if (n.next == address(0)) {
            tail = call;
        } else {
            nodes[n.next].prev = call;
        }
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
