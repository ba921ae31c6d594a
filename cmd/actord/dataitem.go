package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/actord/actord/internal/ans104"
)

// inspected is one line of `actord dataitem inspect`.
type inspected struct {
	ID            string       `json:"id"`
	SignatureType int          `json:"signature_type"`
	OwnerAddress  string       `json:"owner_address"`
	Target        *string      `json:"target"`
	Anchor        *string      `json:"anchor"`
	Tags          []ans104.Tag `json:"tags"`
	DataSize      int          `json:"data_size"`
	Valid         bool         `json:"valid"`
	Error         string       `json:"error,omitempty"`
	Parent        string       `json:"parent,omitempty"` // with --unbundle: the item whose data held this one
}

func cmdDataItem(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("dataitem", "actord dataitem inspect [--unbundle] FILE...", stderr)
	unbundle := fs.Bool("unbundle", false, "also list the items inside items tagged Bundle-Format=binary")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) < 2 || pos[0] != "inspect" {
		fs.Usage()
		return exitUsage
	}
	return inspectFiles(pos[1:], *unbundle, stdout, stderr)
}

// inspectFiles prints every item of every file and returns 1 if any item
// failed to parse or verify. A file may hold one binary data item, a
// binary bundle, or b64url-encoded items one per line (.b64).
func inspectFiles(files []string, unbundle bool, stdout, stderr io.Writer) int {
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	code := exitOK
	fail := func(format string, a ...any) {
		fmt.Fprintf(stderr, "actord: "+format+"\n", a...)
		code = exitFailure
	}
	var emit func(it *ansItem, parent string)
	emit = func(it *ansItem, parent string) {
		out := describe(it.Item)
		out.Parent = parent
		if !out.Valid {
			code = exitFailure
		}
		if err := enc.Encode(out); err != nil {
			fail("writing output: %v", err)
		}
		if !unbundle {
			return
		}
		if v, _ := it.Tag("Bundle-Format"); v != "binary" {
			return
		}
		inner, err := ans104.ParseBundle(it.Data)
		if err != nil {
			fail("%s: item %s: %v", it.source, out.ID, err)
			return
		}
		for _, in := range inner {
			emit(&ansItem{Item: in, source: it.source}, out.ID)
		}
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			fail("%v", err)
			continue
		}
		items, errs := readItems(name, b)
		for _, err := range errs {
			fail("%s: %v", name, err)
		}
		for _, it := range items {
			emit(it, "")
		}
	}
	return code
}

type ansItem struct {
	*ans104.Item
	source string
}

// readItems splits a file into items, returning what it could parse and
// an error for each part it could not.
func readItems(name string, b []byte) ([]*ansItem, []error) {
	if strings.HasSuffix(name, ".b64") || looksBase64(b) {
		var items []*ansItem
		var errs []error
		for i, line := range bytes.Split(b, []byte("\n")) {
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue
			}
			raw, err := ans104.Decode(string(line))
			if err != nil {
				errs = append(errs, fmt.Errorf("line %d: not base64url: %w", i+1, err))
				continue
			}
			it, err := ans104.Parse(raw)
			if err != nil {
				errs = append(errs, fmt.Errorf("line %d: %w", i+1, err))
				continue
			}
			items = append(items, &ansItem{Item: it, source: fmt.Sprintf("%s:%d", filepath.Base(name), i+1)})
		}
		return items, errs
	}
	if inner, err := ans104.ParseBundle(b); err == nil {
		items := make([]*ansItem, len(inner))
		for i, it := range inner {
			items[i] = &ansItem{Item: it, source: fmt.Sprintf("%s#%d", filepath.Base(name), i)}
		}
		return items, nil
	}
	it, err := ans104.Parse(b)
	if err != nil {
		return nil, []error{err}
	}
	return []*ansItem{{Item: it, source: filepath.Base(name)}}, nil
}

// looksBase64 reports whether b is text made only of b64url characters and
// line breaks, which a binary item (starting with a small u16) never is.
func looksBase64(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_', c == '\n', c == '\r':
		default:
			return false
		}
	}
	return true
}

func describe(it *ans104.Item) inspected {
	opt := func(b []byte) *string {
		if b == nil {
			return nil
		}
		s := ans104.Encode(b)
		return &s
	}
	out := inspected{
		ID:            it.ID(),
		SignatureType: int(it.SignatureType),
		OwnerAddress:  it.OwnerAddress(),
		Target:        opt(it.Target),
		Anchor:        opt(it.Anchor),
		Tags:          it.Tags,
		DataSize:      len(it.Data),
		Valid:         true,
	}
	if out.Tags == nil {
		out.Tags = []ans104.Tag{}
	}
	if err := it.Verify(); err != nil {
		out.Valid, out.Error = false, err.Error()
	}
	return out
}
