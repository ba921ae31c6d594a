package ans104

import (
	"encoding/binary"
	"fmt"
)

const (
	bundleCountSize  = 32
	bundleHeaderSize = 64
)

// ParseBundle reads an ANS-104 binary bundle: a 32-byte little-endian item
// count, a 64-byte header per item (32-byte size, 32-byte raw id), then the
// items back to back. Every header id must match its item, and the items
// must fill the buffer exactly. The items alias b.
func ParseBundle(b []byte) ([]*Item, error) {
	if len(b) < bundleCountSize {
		return nil, fmt.Errorf("%w: %d bytes is shorter than the item count", ErrMalformedBundle, len(b))
	}
	count, err := le256(b[:bundleCountSize])
	if err != nil {
		return nil, fmt.Errorf("%w: item count: %v", ErrMalformedBundle, err)
	}
	if count > uint64(len(b)-bundleCountSize)/bundleHeaderSize {
		return nil, fmt.Errorf("%w: %d items declared but only %d bytes follow", ErrMalformedBundle, count, len(b)-bundleCountSize)
	}
	offset := uint64(bundleCountSize + count*bundleHeaderSize)
	items := make([]*Item, 0, count)
	for i := uint64(0); i < count; i++ {
		h := b[bundleCountSize+i*bundleHeaderSize:][:bundleHeaderSize]
		size, err := le256(h[:32])
		if err != nil {
			return nil, fmt.Errorf("%w: item %d size: %v", ErrMalformedBundle, i, err)
		}
		if size > uint64(len(b))-offset {
			return nil, fmt.Errorf("%w: item %d of %d bytes runs past the end of the bundle", ErrMalformedBundle, i, size)
		}
		it, err := Parse(b[offset : offset+size : offset+size])
		if err != nil {
			return nil, fmt.Errorf("%w: item %d: %w", ErrMalformedBundle, i, err)
		}
		if id := it.RawID(); string(id[:]) != string(h[32:]) {
			return nil, fmt.Errorf("%w: item %d header id %s does not match the item id %s", ErrMalformedBundle, i, Encode(h[32:]), it.ID())
		}
		items = append(items, it)
		offset += size
	}
	if offset != uint64(len(b)) {
		return nil, fmt.Errorf("%w: %d bytes after the last item", ErrMalformedBundle, uint64(len(b))-offset)
	}
	return items, nil
}

// BundleBytes serializes items as an ANS-104 binary bundle.
func BundleBytes(items []*Item) []byte {
	size := bundleCountSize + len(items)*bundleHeaderSize
	for _, it := range items {
		size += it.Size()
	}
	b := make([]byte, bundleCountSize, size)
	binary.LittleEndian.PutUint64(b, uint64(len(items)))
	for _, it := range items {
		var h [bundleHeaderSize]byte
		binary.LittleEndian.PutUint64(h[:], uint64(it.Size()))
		id := it.RawID()
		copy(h[32:], id[:])
		b = append(b, h[:]...)
	}
	for _, it := range items {
		b = it.AppendBytes(b)
	}
	return b
}

// le256 reads a 32-byte little-endian number that must fit in 64 bits.
func le256(b []byte) (uint64, error) {
	for _, c := range b[8:] {
		if c != 0 {
			return 0, fmt.Errorf("value does not fit in 64 bits")
		}
	}
	return binary.LittleEndian.Uint64(b), nil
}
