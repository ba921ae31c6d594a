package ans104

import (
	"fmt"
	"unicode/utf8"
)

// Tag is one name/value pair of a data item. Order and duplicates matter:
// both are covered by the signature.
type Tag struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// EncodeTags returns the Avro encoding of tags as ANS-104 writes it: one
// positive block followed by the terminating zero block. No tags encode as
// zero bytes, which is what arbundles and the reference SU write.
func EncodeTags(tags []Tag) []byte {
	if len(tags) == 0 {
		return nil
	}
	size := 2 * binaryMaxVarintLen
	for _, t := range tags {
		size += len(t.Name) + len(t.Value) + 2*binaryMaxVarintLen
	}
	b := make([]byte, 0, size)
	b = appendLong(b, int64(len(tags)))
	for _, t := range tags {
		b = appendLong(b, int64(len(t.Name)))
		b = append(b, t.Name...)
		b = appendLong(b, int64(len(t.Value)))
		b = append(b, t.Value...)
	}
	return appendLong(b, 0)
}

// DecodeTags decodes an Avro tag block that must hold exactly want tags and
// nothing after its terminating block. Negative block counts (followed by a
// block byte size) are accepted, as Avro allows.
func DecodeTags(raw []byte, want uint64) ([]Tag, error) {
	if len(raw) == 0 {
		if want != 0 {
			return nil, fmt.Errorf("%w: invalid tag encoding: %d tags declared but the tag block is empty", ErrMalformed, want)
		}
		return nil, nil
	}
	// Every tag takes at least two bytes (two zero lengths), which bounds
	// the allocation for a hostile declared count.
	if want > uint64(len(raw)/2) {
		return nil, fmt.Errorf("%w: invalid tag encoding: %d tags declared in %d bytes", ErrMalformed, want, len(raw))
	}
	tags := make([]Tag, 0, want)
	d := avroReader{buf: raw}
	for {
		count, err := d.long()
		if err != nil {
			return nil, fmt.Errorf("%w: invalid tag encoding: block count: %v", ErrMalformed, err)
		}
		if count == 0 {
			break
		}
		if count < 0 {
			if count == minLong {
				return nil, fmt.Errorf("%w: invalid tag encoding: block count out of range", ErrMalformed)
			}
			count = -count
			size, err := d.long()
			if err != nil {
				return nil, fmt.Errorf("%w: invalid tag encoding: block size: %v", ErrMalformed, err)
			}
			if size < 0 {
				return nil, fmt.Errorf("%w: invalid tag encoding: negative block size %d", ErrMalformed, size)
			}
		}
		if uint64(count) > want-uint64(len(tags)) {
			return nil, fmt.Errorf("%w: invalid tag encoding: more tags than the %d declared", ErrMalformed, want)
		}
		for i := int64(0); i < count; i++ {
			name, err := d.str()
			if err != nil {
				return nil, fmt.Errorf("%w: invalid tag encoding: tag %d name: %v", ErrMalformed, len(tags), err)
			}
			value, err := d.str()
			if err != nil {
				return nil, fmt.Errorf("%w: invalid tag encoding: tag %d value: %v", ErrMalformed, len(tags), err)
			}
			tags = append(tags, Tag{Name: name, Value: value})
		}
	}
	if d.pos != len(raw) {
		return nil, fmt.Errorf("%w: invalid tag encoding: %d bytes after the last block", ErrMalformed, len(raw)-d.pos)
	}
	if uint64(len(tags)) != want {
		return nil, fmt.Errorf("%w: invalid tag encoding: %d tags declared, %d encoded", ErrMalformed, want, len(tags))
	}
	return tags, nil
}

const (
	binaryMaxVarintLen = 10
	minLong            = -1 << 63
)

func appendLong(b []byte, v int64) []byte {
	u := uint64(v<<1) ^ uint64(v>>63) // zig-zag
	for u >= 0x80 {
		b = append(b, byte(u)|0x80)
		u >>= 7
	}
	return append(b, byte(u))
}

type avroReader struct {
	buf []byte
	pos int
}

func (r *avroReader) long() (int64, error) {
	var u uint64
	for shift := uint(0); ; shift += 7 {
		if shift >= 64 {
			return 0, fmt.Errorf("varint longer than %d bytes", binaryMaxVarintLen)
		}
		if r.pos >= len(r.buf) {
			return 0, fmt.Errorf("truncated varint at byte %d", r.pos)
		}
		c := r.buf[r.pos]
		r.pos++
		if shift == 63 && c > 1 {
			return 0, fmt.Errorf("varint overflows 64 bits")
		}
		u |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	return int64(u>>1) ^ -int64(u&1), nil
}

func (r *avroReader) str() (string, error) {
	n, err := r.long()
	if err != nil {
		return "", err
	}
	if n < 0 {
		return "", fmt.Errorf("negative length %d", n)
	}
	if n > int64(len(r.buf)-r.pos) {
		return "", fmt.Errorf("length %d runs past the tag block", n)
	}
	s := r.buf[r.pos : r.pos+int(n)]
	r.pos += int(n)
	if !utf8.Valid(s) {
		return "", fmt.Errorf("not valid UTF-8")
	}
	return string(s), nil
}
