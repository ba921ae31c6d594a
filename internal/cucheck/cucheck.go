// Package cucheck reads an SU's schedule the way an ao compute unit does
// and applies the compute unit's rules to it: every node must map to a
// scheduled message (the fields mapNode reads, with their types), nonces
// must be contiguous, each Hash-Chain must follow from the previous
// assignment, and paging with from = last cursor must neither skip nor
// repeat an entry.
//
// It is an oracle for tests and for operators checking a live SU; it is
// written from the rules in ao-su-reference.md §2.8–2.9 and §4.3.
package cucheck

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
)

// Scheduled is one node as the CU maps it.
type Scheduled struct {
	Cursor       string
	Nonce        uint64
	Epoch        uint64
	Timestamp    int64
	BlockHeight  uint64
	HashChain    string
	AssignmentID string
	Process      string // the assignment's Process tag (the CU's Target)
	Exclude      []string
	IsAssignment bool   // message is null: an assigned transaction
	ID           string // message id, or the Message tag of an assignment
	Owner        string // message owner address
	Data         string
}

type tag struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type owner struct {
	Address string `json:"address"`
	Key     string `json:"key"`
}

type message struct {
	ID        string  `json:"id"`
	Owner     *owner  `json:"owner"`
	Data      *string `json:"data"`
	Tags      []tag   `json:"tags"`
	Signature string  `json:"signature"`
	Anchor    *string `json:"anchor"`
	Target    *string `json:"target"`
}

type assignment struct {
	ID        string  `json:"id"`
	Owner     *owner  `json:"owner"`
	Tags      []tag   `json:"tags"`
	Signature string  `json:"signature"`
	Anchor    *string `json:"anchor"`
	Target    *string `json:"target"`
}

// Node is the JSON shape of a schedule node.
type Node struct {
	Message    *message    `json:"message"`
	Assignment *assignment `json:"assignment"`
}

// Page is the JSON shape of a list response.
type Page struct {
	PageInfo *struct {
		HasNextPage *bool `json:"has_next_page"`
	} `json:"page_info"`
	Edges []struct {
		Node   *Node   `json:"node"`
		Cursor *string `json:"cursor"`
	} `json:"edges"`
}

// MapNode maps one node as the CU's mapNode does, failing where the CU
// would read a missing field or a value of the wrong type.
func MapNode(n *Node) (Scheduled, error) {
	var s Scheduled
	if n == nil || n.Assignment == nil {
		return s, errors.New("node has no assignment")
	}
	a := n.Assignment
	if a.ID == "" || a.Owner == nil || a.Signature == "" {
		return s, fmt.Errorf("assignment %q lacks id, owner or signature", a.ID)
	}
	s.AssignmentID = a.ID
	tags := map[string]string{}
	for _, t := range a.Tags {
		if t.Name == "Exclude" {
			s.Exclude = append(s.Exclude, t.Value)
			continue
		}
		tags[t.Name] = t.Value
	}
	var err error
	num := func(name string) uint64 {
		v, ok := tags[name]
		if !ok {
			err = errors.Join(err, fmt.Errorf("assignment %s has no %s tag", a.ID, name))
			return 0
		}
		n, perr := strconv.ParseUint(v, 10, 64)
		if perr != nil {
			err = errors.Join(err, fmt.Errorf("assignment %s: %s=%q is not a number", a.ID, name, v))
		}
		return n
	}
	s.Nonce, s.Epoch = num("Nonce"), num("Epoch")
	s.Timestamp, s.BlockHeight = int64(num("Timestamp")), num("Block-Height")
	s.HashChain, s.Process = tags["Hash-Chain"], tags["Process"]
	if s.HashChain == "" || s.Process == "" {
		err = errors.Join(err, fmt.Errorf("assignment %s lacks Hash-Chain or Process", a.ID))
	}
	if err != nil {
		return s, err
	}
	if n.Message == nil {
		s.IsAssignment = true
		s.ID = tags["Message"]
		if s.ID == "" {
			return s, fmt.Errorf("assignment-only node %s has no Message tag", a.ID)
		}
		return s, nil
	}
	m := n.Message
	if m.ID == "" || m.Owner == nil || m.Owner.Address == "" || m.Signature == "" || m.Tags == nil {
		return s, fmt.Errorf("message %q lacks id, owner, signature or tags", m.ID)
	}
	s.ID, s.Owner = m.ID, m.Owner.Address
	if m.Data != nil {
		s.Data = *m.Data
	}
	return s, nil
}

// FetchPage gets one page of a process's schedule.
func FetchPage(ctx context.Context, hc *http.Client, base, pid string, params url.Values) (*Page, error) {
	params.Set("process-id", pid)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/"+pid+"?"+params.Encode(), nil)
	if err != nil {
		return nil, err
	}
	res, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %d %s", req.URL, res.StatusCode, body)
	}
	var p Page
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, fmt.Errorf("page is not JSON: %w", err)
	}
	if p.PageInfo == nil || p.PageInfo.HasNextPage == nil || p.Edges == nil {
		return nil, fmt.Errorf("page lacks page_info.has_next_page or edges: %.200s", body)
	}
	return &p, nil
}

// Walk pages through a process's whole schedule as the CU does: limit
// pageSize, from = the last edge's cursor while has_next_page.
func Walk(ctx context.Context, hc *http.Client, base, pid string, pageSize int) ([]Scheduled, error) {
	var out []Scheduled
	from := ""
	for pages := 0; ; pages++ {
		params := url.Values{"limit": {strconv.Itoa(pageSize)}}
		if from != "" {
			params.Set("from", from)
		}
		p, err := FetchPage(ctx, hc, base, pid, params)
		if err != nil {
			return out, err
		}
		if len(p.Edges) > pageSize {
			return out, fmt.Errorf("page %d has %d edges, limit was %d", pages, len(p.Edges), pageSize)
		}
		for _, e := range p.Edges {
			if e.Cursor == nil {
				return out, fmt.Errorf("page %d: an edge has no string cursor", pages)
			}
			s, err := MapNode(e.Node)
			if err != nil {
				return out, fmt.Errorf("page %d: %w", pages, err)
			}
			s.Cursor = *e.Cursor
			out = append(out, s)
		}
		if !*p.PageInfo.HasNextPage {
			return out, nil
		}
		if len(p.Edges) == 0 {
			return out, fmt.Errorf("page %d is empty but has_next_page is true", pages)
		}
		from = *p.Edges[len(p.Edges)-1].Cursor
	}
}

// Verify checks a whole schedule, starting at nonce 0: contiguous nonces,
// epoch 0, the Process tag, the hash chain, non-decreasing timestamps,
// and cursors equal to timestamps (timestamp mode).
func Verify(pid string, s []Scheduled) error {
	if len(s) == 0 {
		return errors.New("empty schedule")
	}
	raw, err := base64.RawURLEncoding.DecodeString(pid)
	if err != nil || len(raw) != 32 {
		return fmt.Errorf("process id %q is not a 43-character id", pid)
	}
	want := sha256.Sum256(raw)
	seen := map[string]bool{}
	for i, e := range s {
		switch {
		case e.Nonce != uint64(i):
			return fmt.Errorf("entry %d has nonce %d: nonces must be contiguous from 0", i, e.Nonce)
		case e.Epoch != 0:
			return fmt.Errorf("nonce %d has epoch %d", e.Nonce, e.Epoch)
		case e.Process != pid:
			return fmt.Errorf("nonce %d belongs to process %s", e.Nonce, e.Process)
		case seen[e.AssignmentID]:
			return fmt.Errorf("assignment %s appears twice", e.AssignmentID)
		case e.Cursor != strconv.FormatInt(e.Timestamp, 10):
			return fmt.Errorf("nonce %d: cursor %q is not its Timestamp %d", e.Nonce, e.Cursor, e.Timestamp)
		}
		seen[e.AssignmentID] = true
		if i > 0 {
			prev := s[i-1]
			if e.Timestamp < prev.Timestamp {
				return fmt.Errorf("nonce %d: timestamp %d goes back from %d", e.Nonce, e.Timestamp, prev.Timestamp)
			}
			aid, err1 := base64.RawURLEncoding.DecodeString(prev.AssignmentID)
			hc, err2 := base64.RawURLEncoding.DecodeString(prev.HashChain)
			if err1 != nil || err2 != nil || len(aid) != 32 || len(hc) != 32 {
				return fmt.Errorf("nonce %d: previous assignment id or hash chain is not 32 bytes", e.Nonce)
			}
			want = sha256.Sum256(append(aid, hc...))
		}
		if got := base64.RawURLEncoding.EncodeToString(want[:]); e.HashChain != got {
			return fmt.Errorf("nonce %d: Hash-Chain %s, want %s", e.Nonce, e.HashChain, got)
		}
	}
	return nil
}
