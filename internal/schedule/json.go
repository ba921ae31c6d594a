package schedule

import (
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"unicode/utf8"

	"github.com/actord/actord/internal/ans104"
)

// Edge is one entry of a schedule page.
type Edge struct {
	// Message is the scheduled item: a message, the process itself
	// (IsProcess), or nil for an assignment of an existing transaction.
	Message    *ans104.Item
	IsProcess  bool
	Assignment *ans104.Item
	Cursor     string
}

// RenderOptions tune the JSON.
type RenderOptions struct {
	// ShowAnchor writes an assignment anchor that is not valid UTF-8 as
	// b64url instead of null (the reference's show-anchor parameter).
	ShowAnchor bool
}

// renderer memoizes owner objects: on a page every assignment has the
// SU's owner and many messages share a sender, and the owner (a sha256
// and 683 characters of base64) is the costliest part of a node.
type renderer struct {
	o      RenderOptions
	owners map[string][]byte
}

func newRenderer(o RenderOptions) *renderer {
	return &renderer{o: o, owners: make(map[string][]byte, 4)}
}

// AppendNode writes {"message":…|null,"assignment":…}.
func AppendNode(b []byte, e *Edge, o RenderOptions) []byte {
	return newRenderer(o).node(b, e)
}

func (r *renderer) node(b []byte, e *Edge) []byte {
	b = append(b, `{"message":`...)
	if e.Message == nil {
		b = append(b, "null"...)
	} else {
		b = r.message(b, e.Message, e.IsProcess)
	}
	b = append(b, `,"assignment":`...)
	b = r.assignment(b, e.Assignment)
	return append(b, '}')
}

// AppendPage writes {"page_info":{"has_next_page":…},"edges":[{"node","cursor"}…]}.
func AppendPage(b []byte, edges []Edge, hasNext bool, o RenderOptions) []byte {
	b = append(b, `{"page_info":{"has_next_page":`...)
	b = strconv.AppendBool(b, hasNext)
	b = append(b, `},"edges":[`...)
	r := newRenderer(o)
	for i := range edges {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"node":`...)
		b = r.node(b, &edges[i])
		b = append(b, `,"cursor":`...)
		b = AppendString(b, edges[i].Cursor)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// AppendProcess writes GET /processes/{id}: the process item with the
// block height and timestamp of its assignment.
func AppendProcess(b []byte, proc *ans104.Item, blockHeight string, timestamp int64) []byte {
	b = append(b, `{"process_id":`...)
	b = appendID(b, proc)
	b = append(b, `,"block":`...)
	b = AppendString(b, blockHeight)
	b = append(b, `,"owner":`...)
	b = newRenderer(RenderOptions{}).owner(b, proc)
	b = append(b, `,"tags":`...)
	b = appendTags(b, proc.Tags)
	b = append(b, `,"timestamp":`...)
	b = strconv.AppendInt(b, timestamp, 10)
	b = append(b, `,"data":`...)
	b = appendStrictString(b, proc.Data)
	b = append(b, `,"anchor":`...)
	b = appendStrictString(b, proc.Anchor)
	b = append(b, `,"signature":`...)
	b = appendB64(b, proc.Signature)
	b = append(b, `,"target":`...)
	b = appendOptionalID(b, proc.Target)
	return append(b, '}')
}

func (r *renderer) message(b []byte, it *ans104.Item, isProcess bool) []byte {
	b = append(b, `{"id":`...)
	b = appendID(b, it)
	b = append(b, `,"owner":`...)
	b = r.owner(b, it)
	b = append(b, `,"data":`...)
	if isProcess {
		b = appendStrictString(b, it.Data)
	} else {
		b = AppendLossyString(b, it.Data)
	}
	b = append(b, `,"tags":`...)
	b = appendTags(b, it.Tags)
	b = append(b, `,"signature":`...)
	b = appendB64(b, it.Signature)
	b = append(b, `,"anchor":`...)
	b = appendStrictString(b, it.Anchor)
	b = append(b, `,"target":`...)
	if isProcess {
		b = appendOptionalID(b, it.Target)
	} else {
		b = appendB64(b, it.Target)
	}
	return append(b, '}')
}

func (r *renderer) assignment(b []byte, it *ans104.Item) []byte {
	b = append(b, `{"id":`...)
	b = appendID(b, it)
	b = append(b, `,"owner":`...)
	b = r.owner(b, it)
	b = append(b, `,"tags":`...)
	b = appendTags(b, it.Tags)
	b = append(b, `,"signature":`...)
	b = appendB64(b, it.Signature)
	b = append(b, `,"anchor":`...)
	if r.o.ShowAnchor && it.Anchor != nil && !utf8.Valid(it.Anchor) {
		b = appendB64(b, it.Anchor)
	} else {
		b = appendStrictString(b, it.Anchor)
	}
	return append(b, `,"target":""}`...)
}

func (r *renderer) owner(b []byte, it *ans104.Item) []byte {
	if o, ok := r.owners[string(it.Owner)]; ok {
		return append(b, o...)
	}
	start := len(b)
	b = append(b, `{"address":"`...)
	h := sha256.Sum256(it.Owner)
	b = base64.RawURLEncoding.AppendEncode(b, h[:])
	b = append(b, `","key":`...)
	b = appendB64(b, it.Owner)
	b = append(b, '}')
	r.owners[string(it.Owner)] = b[start:len(b):len(b)]
	return b
}

// appendB64 writes b64url(v) as a JSON string; the alphabet needs no
// escaping.
func appendB64(b, v []byte) []byte {
	b = append(b, '"')
	b = base64.RawURLEncoding.AppendEncode(b, v)
	return append(b, '"')
}

func appendID(b []byte, it *ans104.Item) []byte {
	id := it.RawID()
	return appendB64(b, id[:])
}

func appendTags(b []byte, tags []ans104.Tag) []byte {
	b = append(b, '[')
	for i, t := range tags {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = AppendString(b, t.Name)
		b = append(b, `,"value":`...)
		b = AppendString(b, t.Value)
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendOptionalID(b []byte, id []byte) []byte {
	if id == nil {
		return append(b, "null"...)
	}
	return appendB64(b, id)
}

// appendStrictString writes bytes as a string if present and valid UTF-8,
// else null.
func appendStrictString(b []byte, s []byte) []byte {
	if s == nil || !utf8.Valid(s) {
		return append(b, "null"...)
	}
	return appendEscaped(b, s)
}

// AppendString writes a JSON string with serde_json's escaping: only '"',
// '\' and control characters below 0x20 are escaped. s must be valid UTF-8.
func AppendString(b []byte, s string) []byte {
	return appendEscaped(b, []byte(s))
}

const hexDigits = "0123456789abcdef"

func appendEscaped(b []byte, s []byte) []byte {
	b = append(b, '"')
	start := 0
	for i, c := range s {
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, `\"`...)
		case '\\':
			b = append(b, `\\`...)
		case '\b':
			b = append(b, `\b`...)
		case '\f':
			b = append(b, `\f`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// AppendLossyString writes bytes as a JSON string, replacing each maximal
// invalid UTF-8 subsequence with U+FFFD, as Rust's String::from_utf8_lossy
// and the WHATWG decoder do. (Go's strings.ToValidUTF8 would merge runs.)
func AppendLossyString(b []byte, s []byte) []byte {
	if utf8.Valid(s) {
		return appendEscaped(b, s)
	}
	return appendEscaped(b, Lossy(s))
}

// Lossy returns s with every maximal invalid subsequence replaced by
// U+FFFD (Unicode §3.9 "substitution of maximal subparts").
func Lossy(s []byte) []byte {
	out := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		n, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			n = 1
		case c == 0xE0:
			n, lo = 2, 0xA0
		case c >= 0xE1 && c <= 0xEC, c == 0xEE, c == 0xEF:
			n = 2
		case c == 0xED:
			n, hi = 2, 0x9F
		case c == 0xF0:
			n, lo = 3, 0x90
		case c >= 0xF1 && c <= 0xF3:
			n = 3
		case c == 0xF4:
			n, hi = 3, 0x8F
		default: // 0x80–0xC1, 0xF5–0xFF never start a sequence
			out = append(out, "\uFFFD"...)
			i++
			continue
		}
		j := i + 1
		for k := 0; k < n; k++ {
			if j >= len(s) || s[j] < lo || s[j] > hi {
				break
			}
			lo, hi = 0x80, 0xBF
			j++
		}
		if j-i == n+1 {
			out = append(out, s[i:j]...)
		} else {
			out = append(out, "\uFFFD"...)
		}
		i = j
	}
	return out
}

// AppendInt writes a decimal integer.
func AppendInt(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }
