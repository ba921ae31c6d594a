package schedule

import (
	"crypto/sha256"
	"fmt"
	"strconv"
)

// ID is a raw 32-byte id (process, message or assignment).
type ID = [32]byte

// FirstHashChain returns the hash chain of a process's first entry.
func FirstHashChain(pid ID) ID { return sha256.Sum256(pid[:]) }

// NextHashChain returns the hash chain of the entry after the one with
// assignment id prevAssignment and hash chain prevHashChain.
func NextHashChain(prevHashChain, prevAssignment ID) ID {
	var buf [64]byte
	copy(buf[:32], prevAssignment[:])
	copy(buf[32:], prevHashChain[:])
	return sha256.Sum256(buf[:])
}

// BlockHeight formats a height as the 12-digit Block-Height tag value.
func BlockHeight(h uint64) string {
	s := strconv.FormatUint(h, 10)
	if len(s) >= 12 {
		return s
	}
	return "000000000000"[len(s):] + s
}

// ParseNonce reads a Nonce tag value.
func ParseNonce(s string) (uint64, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("nonce %q is not a whole number", s)
	}
	return n, nil
}
