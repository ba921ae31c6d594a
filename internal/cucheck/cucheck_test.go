package cucheck

import (
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"testing"
)

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// chain builds a valid schedule of n entries for pid.
func chain(pid string, n int) []Scheduled {
	raw, _ := base64.RawURLEncoding.DecodeString(pid)
	hc := sha256.Sum256(raw)
	var out []Scheduled
	for i := 0; i < n; i++ {
		aid := sha256.Sum256([]byte{byte(i), 0xaa})
		ts := int64(1000 + i)
		out = append(out, Scheduled{Nonce: uint64(i), Timestamp: ts, Cursor: strconv.FormatInt(ts, 10), HashChain: b64(hc[:]), AssignmentID: b64(aid[:]), Process: pid})
		hc = sha256.Sum256(append(aid[:], hc[:]...))
	}
	return out
}

// TestVerifyCatches makes sure the oracle fails on each defect it claims
// to find.
func TestVerifyCatches(t *testing.T) {
	pid := b64(make([]byte, 32))
	if err := Verify(pid, chain(pid, 5)); err != nil {
		t.Fatalf("valid chain: %v", err)
	}
	tests := map[string]struct {
		mutate func(s []Scheduled) []Scheduled
		want   string
	}{
		"gap":             {func(s []Scheduled) []Scheduled { return append(s[:2], s[3:]...) }, "contiguous"},
		"repeat":          {func(s []Scheduled) []Scheduled { return append(s[:3], s[2:]...) }, "contiguous"},
		"broken link":     {func(s []Scheduled) []Scheduled { s[3].HashChain = s[2].HashChain; return s }, "Hash-Chain"},
		"wrong first":     {func(s []Scheduled) []Scheduled { s[0].HashChain = s[1].HashChain; return s }, "Hash-Chain"},
		"other process":   {func(s []Scheduled) []Scheduled { s[1].Process = "another-process"; return s }, "belongs to"},
		"time goes back":  {func(s []Scheduled) []Scheduled { s[2].Timestamp, s[2].Cursor = 900, "900"; return s }, "goes back"},
		"cursor mismatch": {func(s []Scheduled) []Scheduled { s[1].Cursor = "1"; return s }, "cursor"},
		"epoch":           {func(s []Scheduled) []Scheduled { s[1].Epoch = 1; return s }, "epoch"},
		"same assignment": {func(s []Scheduled) []Scheduled { s[2].AssignmentID = s[1].AssignmentID; return s }, "twice"},
		"empty":           {func(s []Scheduled) []Scheduled { return nil }, "empty"},
	}
	for name, tc := range tests {
		err := Verify(pid, tc.mutate(chain(pid, 5)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Verify = %v, want an error about %q", name, err, tc.want)
		}
	}
}

func TestMapNodeRejectsMissingFields(t *testing.T) {
	tests := map[string]*Node{
		"nil":                    nil,
		"no assignment":          {},
		"no nonce":               {Assignment: &assignment{ID: "a", Owner: &owner{Address: "x"}, Signature: "s", Tags: []tag{{"Process", "p"}, {"Epoch", "0"}, {"Timestamp", "1"}, {"Block-Height", "1"}, {"Hash-Chain", "h"}, {"Message", "m"}}}},
		"bad number":             {Assignment: &assignment{ID: "a", Owner: &owner{Address: "x"}, Signature: "s", Tags: []tag{{"Process", "p"}, {"Epoch", "0"}, {"Nonce", "x"}, {"Timestamp", "1"}, {"Block-Height", "1"}, {"Hash-Chain", "h"}}}},
		"assign without Message": {Assignment: &assignment{ID: "a", Owner: &owner{Address: "x"}, Signature: "s", Tags: []tag{{"Process", "p"}, {"Epoch", "0"}, {"Nonce", "1"}, {"Timestamp", "1"}, {"Block-Height", "1"}, {"Hash-Chain", "h"}}}},
	}
	for name, n := range tests {
		if _, err := MapNode(n); err == nil {
			t.Errorf("%s: MapNode accepted it", name)
		}
	}
}
