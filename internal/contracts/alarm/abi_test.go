package alarm

import (
	"encoding/hex"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
)

// TestV6Interface checks every selector, return type and event topic the
// v0.6 interface defines (eac-reference.md §1.2–1.4) against the ABIs.
func TestV6Interface(t *testing.T) {
	type fn struct{ selector, returns string }
	scheduler := map[string]fn{
		"getNextCall(uint256)":                                               {"9f927be7", "address"},
		"getNextCallSibling(address)":                                        {"48107843", "address"},
		"getMinimumGracePeriod()":                                            {"c0f68859", "uint256"},
		"getCallWindowSize()":                                                {"98e00e54", "uint256"},
		"getMinimumCallGas()":                                                {"98c9cdf4", "uint256"},
		"getDefaultPayment()":                                                {"08f235ec", "uint256"},
		"getDefaultFee()":                                                    {"21bacf28", "uint256"},
		"getMinimumCallCost()":                                               {"75c589a0", "uint256"},
		"getMinimumCallCost(uint256)":                                        {"6822abae", "uint256"},
		"getMinimumCallCost(uint256,uint256)":                                {"96cff3df", "uint256"},
		"isKnownCall(address)":                                               {"523ccfa8", "bool"},
		"scheduleCall(address,bytes4,uint256)":                               {"01991313", "address"},
		"scheduleCall(address,bytes4,uint256,uint256)":                       {"480b70bd", "address"},
		"scheduleCall(address,bytes4,uint256,uint256,uint8)":                 {"049ae734", "address"},
		"scheduleCall(address,bytes4,uint256,uint256,uint8,uint256)":         {"68402460", "address"},
		"scheduleCall(address,bytes4,uint256,uint256,uint8,uint256,uint256)": {"8b676ae8", "address"},
	}
	call := map[string]fn{
		"targetBlock()":                   {"0a16697a", "uint256"},
		"gracePeriod()":                   {"a06db7dc", "uint8"},
		"basePayment()":                   {"c6502da8", "uint256"},
		"baseFee()":                       {"6ef25c3a", "uint256"},
		"anchorGasPrice()":                {"37f4c00e", "uint256"},
		"suggestedGas()":                  {"6560a307", "uint256"},
		"schedulerAddress()":              {"ae45850b", "address"},
		"contractAddress()":               {"f6b4dfb4", "address"},
		"abiSignature()":                  {"ca94692d", "bytes4"},
		"callData()":                      {"4e417a98", "bytes"},
		"claimer()":                       {"d379be23", "address"},
		"claimAmount()":                   {"830953ab", "uint256"},
		"claimerDeposit()":                {"3233c686", "uint256"},
		"isCancelled()":                   {"95ee1221", "bool"},
		"wasCalled()":                     {"c6803622", "bool"},
		"wasSuccessful()":                 {"09241200", "bool"},
		"getClaimAmountForBlock()":        {"4f059a43", "uint256"},
		"getClaimAmountForBlock(uint256)": {"f5562753", "uint256"},
		"checkExecutionAuthorization(address,uint256)": {"24032866", "bool"},
		"getOverhead()":          {"67ce940d", "uint256"},
		"getExtraGas()":          {"137c638b", "uint256"},
		"claim()":                {"4e71d92d", "bool"},
		"execute()":              {"61461954", ""},
		"cancel()":               {"ea8a1af0", ""},
		"registerData()":         {"b0f07e44", ""},
		"beforeExecute(address)": {"eec2b628", "bool"},
	}
	events := map[string]string{
		"CallScheduled": "2b05d346f0b0b9fd470024751c52d3b5dac5c37796f077c1a66241f2eada44b7",
		"CallRejected":  "513485fc54ef019ef1bc1ea683ef7d5d522f2865224ae10871ff992749c0ba4f",
		"CallExecuted":  "4538b7ec91dae8fada01e66a052482086d3e690c3db5a80457fbcd55457b4ae1",
		"_CallAborted":  "8d7218ca9288bf28867e50b2e471b91bd8247c09cdcf931336f93a49fdcaf18d",
		"Claimed":       "d8138f8a3f377c5259ca548e70e4c2de94f129f5a11036a15b69513cba2b426a",
		"Cancelled":     "398bd6b21ae4164ec322fb0eb8c2eb6277f36fd41903fbbed594dfe125591281",
	}
	check := func(name string, a abi.ABI, want map[string]fn) {
		got := map[string]abi.Method{}
		for _, m := range a.Methods {
			got[m.Sig] = m
		}
		for sig, w := range want {
			m, ok := got[sig]
			if !ok {
				t.Errorf("%s lacks %s", name, sig)
				continue
			}
			if hex.EncodeToString(m.ID) != w.selector {
				t.Errorf("%s.%s selector %x, want %s", name, sig, m.ID, w.selector)
			}
			ret := ""
			if len(m.Outputs) == 1 {
				ret = m.Outputs[0].Type.String()
			}
			if ret != w.returns {
				t.Errorf("%s.%s returns %q, want %q", name, sig, ret, w.returns)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s has %d functions, the v0.6 interface %d", name, len(got), len(want))
		}
	}
	sa, fa := NewScheduler().GetABI(), NewFutureBlockCall().GetABI()
	check("Scheduler", sa, scheduler)
	check("FutureBlockCall", fa, call)
	if !fa.HasFallback() || !fa.HasReceive() {
		t.Errorf("FutureBlockCall must accept ether and data through its fallback")
	}
	for name, topic := range events {
		ev, ok := sa.Events[name]
		if !ok {
			ev, ok = fa.Events[name]
		}
		if !ok || hex.EncodeToString(ev.ID[:]) != topic {
			t.Errorf("event %s: topic %x, want %s", name, ev.ID, topic)
		}
	}
}
