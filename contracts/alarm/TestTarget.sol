// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title TestTarget
/// @notice A call target for tests: functions that set state, revert, or
/// never return.
contract TestTarget {
    bool public v_bool;
    uint256 public v_uint;
    uint256 public calls;

    function setBool() public {
        v_bool = true;
        calls++;
    }

    function setUInt(uint256 v) public {
        v_uint = v;
        calls++;
    }

    function fail() public pure {
        revert("TestTarget: fail");
    }

    function loopForever() public {
        calls++;
        while (true) {}
    }
}
