package pebblestore

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/actord/actord/internal/schedule"
)

// ID is a raw 32-byte id.
type ID = schedule.ID

const (
	prefixHead    = 'h'
	prefixEntry   = 'e'
	prefixTime    = 't'
	prefixIndex   = 'i'
	prefixOutbox  = 'o'
	prefixMeta    = 'm'
	entryVersion  = 1
	headSize      = 8 + 8 + 32 + 32
	entryHdrSize  = 1 + 1 + 8 + 8 + 32 + 32 + 32
	outboxRecSize = 32 + 8 + 1
)

func headKey(pid ID) []byte {
	return append([]byte{prefixHead}, pid[:]...)
}

func entryKey(pid ID, nonce uint64) []byte {
	k := make([]byte, 0, 41)
	k = append(append(k, prefixEntry), pid[:]...)
	return binary.BigEndian.AppendUint64(k, nonce)
}

func timeKey(pid ID, ts int64, nonce uint64) []byte {
	k := make([]byte, 0, 49)
	k = append(append(k, prefixTime), pid[:]...)
	k = binary.BigEndian.AppendUint64(k, uint64(ts))
	return binary.BigEndian.AppendUint64(k, nonce)
}

func indexKey(id, pid ID, nonce uint64) []byte {
	k := make([]byte, 0, 73)
	k = append(append(append(k, prefixIndex), id[:]...), pid[:]...)
	return binary.BigEndian.AppendUint64(k, nonce)
}

func outboxKey(seq uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{prefixOutbox}, seq)
}

func metaKey(name string) []byte { return append([]byte{prefixMeta}, name...) }

// prefixEnd returns the smallest key greater than every key with prefix p.
func prefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		end[i]++
		if end[i] != 0 {
			return end[:i+1]
		}
	}
	return nil
}

func encodeHead(h Head) []byte {
	b := make([]byte, 0, headSize)
	b = binary.BigEndian.AppendUint64(b, h.Nonce)
	b = binary.BigEndian.AppendUint64(b, uint64(h.Timestamp))
	b = append(b, h.HashChain[:]...)
	return append(b, h.AssignmentID[:]...)
}

var errCorrupt = errors.New("corrupt record")

func decodeHead(b []byte) (Head, error) {
	var h Head
	if len(b) != headSize {
		return h, fmt.Errorf("%w: head is %d bytes", errCorrupt, len(b))
	}
	h.Nonce = binary.BigEndian.Uint64(b)
	h.Timestamp = int64(binary.BigEndian.Uint64(b[8:]))
	copy(h.HashChain[:], b[16:48])
	copy(h.AssignmentID[:], b[48:80])
	return h, nil
}

func encodeEntry(e *Entry) []byte {
	b := make([]byte, 0, entryHdrSize+8+len(e.Assignment)+len(e.Item))
	b = append(b, entryVersion, byte(e.Kind))
	b = binary.BigEndian.AppendUint64(b, e.Nonce)
	b = binary.BigEndian.AppendUint64(b, uint64(e.Timestamp))
	b = append(b, e.HashChain[:]...)
	b = append(b, e.AssignmentID[:]...)
	b = append(b, e.MessageID[:]...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(e.Assignment)))
	b = append(b, e.Assignment...)
	b = binary.BigEndian.AppendUint32(b, uint32(len(e.Item)))
	return append(b, e.Item...)
}

func decodeEntry(pid ID, b []byte) (*Entry, error) {
	if len(b) < entryHdrSize+8 || b[0] != entryVersion {
		return nil, fmt.Errorf("%w: entry header", errCorrupt)
	}
	e := &Entry{Process: pid, Kind: Kind(b[1])}
	e.Nonce = binary.BigEndian.Uint64(b[2:])
	e.Timestamp = int64(binary.BigEndian.Uint64(b[10:]))
	copy(e.HashChain[:], b[18:50])
	copy(e.AssignmentID[:], b[50:82])
	copy(e.MessageID[:], b[82:114])
	rest := b[entryHdrSize:]
	n := int(binary.BigEndian.Uint32(rest))
	if n > len(rest)-4 {
		return nil, fmt.Errorf("%w: assignment length", errCorrupt)
	}
	e.Assignment = rest[4 : 4+n : 4+n]
	rest = rest[4+n:]
	if len(rest) < 4 {
		return nil, fmt.Errorf("%w: item length", errCorrupt)
	}
	m := int(binary.BigEndian.Uint32(rest))
	if m != len(rest)-4 {
		return nil, fmt.Errorf("%w: item length", errCorrupt)
	}
	if m > 0 || e.Kind != KindAssign {
		e.Item = rest[4:]
	}
	return e, nil
}
