package ans104

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"strconv"
)

// AddressSize is the size of a target or an anchor.
const AddressSize = 32

// Item is one ANS-104 data item.
//
// Items returned by Parse share memory with the parsed buffer. RawTags is
// the tag block exactly as signed; it must stay the Avro encoding of Tags
// (New and SetTags keep it so).
type Item struct {
	SignatureType SignatureType
	Signature     []byte
	Owner         []byte
	Target        []byte // nil or AddressSize bytes
	Anchor        []byte // nil or AddressSize bytes
	Tags          []Tag
	RawTags       []byte
	Data          []byte
}

// New builds an unsigned item; Sign fills in the type, owner and
// signature. target and anchor must be empty or 32 bytes.
func New(target, anchor []byte, tags []Tag, data []byte) (*Item, error) {
	if len(target) != 0 && len(target) != AddressSize {
		return nil, fmt.Errorf("%w: target is %d bytes, want %d", ErrMalformed, len(target), AddressSize)
	}
	if len(anchor) != 0 && len(anchor) != AddressSize {
		return nil, fmt.Errorf("%w: anchor is %d bytes, want %d", ErrMalformed, len(anchor), AddressSize)
	}
	it := &Item{Data: data}
	if len(target) != 0 {
		it.Target = target
	}
	if len(anchor) != 0 {
		it.Anchor = anchor
	}
	it.SetTags(tags)
	return it, nil
}

// SetTags replaces the tags and their raw encoding. It invalidates any
// signature.
func (it *Item) SetTags(tags []Tag) {
	it.Tags = tags
	it.RawTags = EncodeTags(tags)
}

// Parse reads one data item that fills b exactly (the data runs to the end
// of b). The returned item aliases b.
func Parse(b []byte) (*Item, error) {
	r := reader{buf: b}
	st, err := r.u16("signature type")
	if err != nil {
		return nil, err
	}
	it := &Item{SignatureType: SignatureType(st)}
	sigLen, ownerLen, ok := it.SignatureType.Lengths()
	if !ok {
		return nil, fmt.Errorf("%w: unknown signature type %d", ErrMalformed, st)
	}
	if it.Signature, err = r.bytes(sigLen, "signature"); err != nil {
		return nil, err
	}
	if it.Owner, err = r.bytes(ownerLen, "owner"); err != nil {
		return nil, err
	}
	if it.Target, err = r.optional("target"); err != nil {
		return nil, err
	}
	if it.Anchor, err = r.optional("anchor"); err != nil {
		return nil, err
	}
	numTags, err := r.u64("tag count")
	if err != nil {
		return nil, err
	}
	tagsLen, err := r.u64("tag block length")
	if err != nil {
		return nil, err
	}
	if tagsLen > uint64(len(b)-r.pos) {
		return nil, fmt.Errorf("%w: tag block of %d bytes runs past the end of the item (%d bytes left)", ErrMalformed, tagsLen, len(b)-r.pos)
	}
	it.RawTags = b[r.pos : r.pos+int(tagsLen) : r.pos+int(tagsLen)]
	r.pos += int(tagsLen)
	if it.Tags, err = DecodeTags(it.RawTags, numTags); err != nil {
		return nil, err
	}
	if len(it.RawTags) == 0 {
		it.RawTags = nil
	}
	it.Data = b[r.pos:]
	return it, nil
}

// Size returns the length of the serialized item.
func (it *Item) Size() int {
	n := 2 + len(it.Signature) + len(it.Owner) + 2 + 16 + len(it.RawTags) + len(it.Data)
	return n + len(it.Target) + len(it.Anchor)
}

// Bytes serializes the item. For a parsed item the result equals the input.
func (it *Item) Bytes() []byte {
	return it.AppendBytes(make([]byte, 0, it.Size()))
}

// AppendBytes appends the serialized item to b.
func (it *Item) AppendBytes(b []byte) []byte {
	b = binary.LittleEndian.AppendUint16(b, uint16(it.SignatureType))
	b = append(b, it.Signature...)
	b = append(b, it.Owner...)
	for _, opt := range [][]byte{it.Target, it.Anchor} {
		if len(opt) == 0 {
			b = append(b, 0)
		} else {
			b = append(append(b, 1), opt...)
		}
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(len(it.Tags)))
	b = binary.LittleEndian.AppendUint64(b, uint64(len(it.RawTags)))
	b = append(b, it.RawTags...)
	return append(b, it.Data...)
}

// RawID returns sha256(signature), the id as bundle headers store it.
func (it *Item) RawID() [32]byte { return sha256.Sum256(it.Signature) }

// ID returns the item id, b64url(sha256(signature)).
func (it *Item) ID() string {
	id := it.RawID()
	return Encode(id[:])
}

// OwnerAddress returns b64url(sha256(owner)), the Arweave address of the
// owner (also for non-Arweave owners, as the SU reports them).
func (it *Item) OwnerAddress() string {
	h := sha256.Sum256(it.Owner)
	return Encode(h[:])
}

// SignatureData returns the deep hash that the signature covers.
func (it *Item) SignatureData() [DeepHashSize]byte {
	return DeepHash(
		[]byte("dataitem"),
		[]byte("1"),
		strconv.AppendUint(nil, uint64(it.SignatureType), 10),
		it.Owner,
		it.Target,
		it.Anchor,
		it.RawTags,
		it.Data,
	)
}

// Tag returns the value of the first tag named name.
func (it *Item) Tag(name string) (string, bool) {
	for _, t := range it.Tags {
		if t.Name == name {
			return t.Value, true
		}
	}
	return "", false
}

// Encode returns b64url without padding, the encoding of ids and keys.
func Encode(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// Decode reads b64url without padding.
func Decode(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }

// DecodeID reads a 43-character id into its 32 bytes.
func DecodeID(s string) ([32]byte, error) {
	var id [32]byte
	if len(s) != 43 {
		return id, fmt.Errorf("id %q is %d characters, want 43", s, len(s))
	}
	// Strict: an id has exactly one spelling, so non-zero padding bits in
	// the last character are an error, not another name for the same id.
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return id, fmt.Errorf("id %q is not base64url: %w", s, err)
	}
	copy(id[:], b)
	return id, nil
}

type reader struct {
	buf []byte
	pos int
}

func (r *reader) need(n int, what string) error {
	if n > len(r.buf)-r.pos {
		return fmt.Errorf("%w: buffer ends before the %s (need %d bytes at offset %d, have %d)", ErrMalformed, what, n, r.pos, len(r.buf)-r.pos)
	}
	return nil
}

func (r *reader) u16(what string) (uint16, error) {
	if err := r.need(2, what); err != nil {
		return 0, err
	}
	v := binary.LittleEndian.Uint16(r.buf[r.pos:])
	r.pos += 2
	return v, nil
}

func (r *reader) u64(what string) (uint64, error) {
	if err := r.need(8, what); err != nil {
		return 0, err
	}
	v := binary.LittleEndian.Uint64(r.buf[r.pos:])
	r.pos += 8
	return v, nil
}

func (r *reader) bytes(n int, what string) ([]byte, error) {
	if err := r.need(n, what); err != nil {
		return nil, err
	}
	b := r.buf[r.pos : r.pos+n : r.pos+n]
	r.pos += n
	return b, nil
}

// optional reads a presence byte and, when it is 1, 32 bytes.
func (r *reader) optional(what string) ([]byte, error) {
	if err := r.need(1, what+" presence byte"); err != nil {
		return nil, err
	}
	p := r.buf[r.pos]
	r.pos++
	switch p {
	case 0:
		return nil, nil
	case 1:
		return r.bytes(AddressSize, what)
	default:
		return nil, fmt.Errorf("%w: %s presence byte is %d, want 0 or 1", ErrMalformed, what, p)
	}
}
