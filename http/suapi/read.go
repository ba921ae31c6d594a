package suapi

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/schedule"
)

func parseID(s, what string) (schedule.ID, error) {
	id, err := ans104.DecodeID(s)
	if err != nil {
		return id, invalid(what + ": " + err.Error())
	}
	return id, nil
}

// edge loads an entry's items for rendering.
func edge(e *schedule.Entry, cursor string) (schedule.Edge, error) {
	asg, err := ans104.Parse(e.Assignment)
	if err != nil {
		return schedule.Edge{}, fmt.Errorf("stored assignment at nonce %d: %w", e.Nonce, err)
	}
	ed := schedule.Edge{Assignment: asg, Cursor: cursor, IsProcess: e.Kind == schedule.KindProcess}
	if e.Item != nil {
		if ed.Message, err = ans104.Parse(e.Item); err != nil {
			return schedule.Edge{}, fmt.Errorf("stored item at nonce %d: %w", e.Nonce, err)
		}
	}
	return ed, nil
}

// find picks the entry GET /{id} and /{id}/raw answer with, or nil. With
// a process id the search stays inside that process. Ids of processes
// themselves are left to the list (and, for raw, allowed with allowProcess).
func (a *api) find(id schedule.ID, scope *schedule.ID, allowProcess bool) (*schedule.Location, error) {
	locs, err := a.Reader.Lookup(id)
	if err != nil {
		return nil, err
	}
	var best *schedule.Location
	for i := range locs {
		l := &locs[i]
		if scope != nil && l.Process != *scope {
			continue
		}
		isProcessItem := l.Role == schedule.RoleItem && l.Nonce == 0 && l.Process == id
		if isProcessItem && !allowProcess {
			continue
		}
		// Assigning a process's own id to it must not hide its list
		// (reference issue #732).
		if l.Role == schedule.RoleAssigned && !allowProcess {
			if _, isProcess, err := a.Reader.Head(id); err != nil {
				return nil, err
			} else if isProcess {
				continue
			}
		}
		if best == nil || l.Role < best.Role || l.Role == best.Role && l.Nonce < best.Nonce {
			best = l
		}
	}
	return best, nil
}

func (a *api) scope(c echo.Context) (*schedule.ID, error) {
	p := c.QueryParam("process-id")
	if p == "" {
		return nil, nil
	}
	pid, err := parseID(p, "process-id")
	return &pid, err
}

// locate reads the {id} path parameter and the optional process-id scope
// and finds the entry the id names (nil if none).
func (a *api) locate(c echo.Context, allowProcess bool) (schedule.ID, *schedule.Location, error) {
	id, err := parseID(c.Param("id"), "id")
	if err != nil {
		return id, nil, err
	}
	scope, err := a.scope(c)
	if err != nil {
		return id, nil, err
	}
	loc, err := a.find(id, scope, allowProcess)
	return id, loc, err
}

// get answers GET /{id}: one node, or the process's schedule page.
func (a *api) get(c echo.Context) error {
	id, loc, err := a.locate(c, false)
	if err != nil {
		return err
	}
	if loc != nil {
		e, err := a.Reader.Entry(loc.Process, loc.Nonce)
		if err != nil {
			return err
		}
		ed, err := edge(e, "")
		if err != nil {
			return err
		}
		return jsonBlob(c, schedule.AppendNode(nil, &ed, renderOptions(c)))
	}
	head, ok, err := a.Reader.Head(id)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("Message or Process not found")
	}
	return a.list(c, id, head)
}

func renderOptions(c echo.Context) schedule.RenderOptions {
	return schedule.RenderOptions{ShowAnchor: c.QueryParams().Has("show-anchor")}
}

func intParam(c echo.Context, name string) (int64, bool, error) {
	if !c.QueryParams().Has(name) {
		return 0, false, nil
	}
	v, err := strconv.ParseInt(c.QueryParam(name), 10, 64)
	if err != nil {
		return 0, true, invalid(name + " must be a whole number")
	}
	return v, true, nil
}

// list answers a schedule page (§2.7–2.8), in nonce order.
func (a *api) list(c echo.Context, pid schedule.ID, head schedule.Head) error {
	limit := int64(a.DefaultLimit)
	if v, ok, err := intParam(c, "limit"); err != nil {
		return err
	} else if ok {
		if v <= 0 {
			return invalid("limit must be positive")
		}
		limit = min(v, int64(a.MaxLimit))
	}
	from, hasFrom, err := intParam(c, "from")
	if err != nil {
		return err
	}
	to, hasTo, err := intParam(c, "to")
	if err != nil {
		return err
	}
	fromNonce, hasFromNonce, err := intParam(c, "from-nonce")
	if err != nil {
		return err
	}
	toNonce, hasToNonce, err := intParam(c, "to-nonce")
	if err != nil {
		return err
	}
	nonceMode := hasFromNonce || hasToNonce
	lo, hi, empty := uint64(0), head.Nonce, false
	if nonceMode {
		if hasFromNonce && fromNonce >= 0 {
			lo = uint64(fromNonce) + 1 // exclusive; -1 includes the process
		}
		if hasToNonce {
			if toNonce < 0 {
				empty = true
			} else {
				hi = min(hi, uint64(toNonce))
			}
		}
	} else {
		if hasFrom {
			n, ok, err := a.Reader.NonceAfter(pid, from)
			if err != nil {
				return err
			}
			lo, empty = n, !ok
		}
		if hasTo {
			n, ok, err := a.Reader.LastNonceAtOrBefore(pid, to)
			if err != nil {
				return err
			}
			if ok {
				hi = min(hi, n)
			} else {
				empty = true
			}
		}
	}
	var entries []*schedule.Entry
	more := false
	if !empty && lo <= hi {
		entries, more, err = a.Reader.Range(pid, lo, hi, int(limit))
		if err != nil {
			return err
		}
	}
	edges := make([]schedule.Edge, 0, len(entries))
	for _, e := range entries {
		cursor := strconv.FormatInt(e.Timestamp, 10)
		if nonceMode {
			cursor = strconv.FormatUint(e.Nonce, 10)
		}
		ed, err := edge(e, cursor)
		if err != nil {
			return err
		}
		edges = append(edges, ed)
	}
	return jsonBlob(c, schedule.AppendPage(make([]byte, 0, 4096*len(edges)+64), edges, more, renderOptions(c)))
}

// process answers GET /processes/{id}.
func (a *api) process(c echo.Context) error {
	pid, err := parseID(c.Param("id"), "process id")
	if err != nil {
		return err
	}
	e, err := a.Reader.Entry(pid, 0)
	if errors.Is(err, schedule.ErrNotFound) || err == nil && e.Kind != schedule.KindProcess {
		return notFound("Process not found")
	}
	if err != nil {
		return err
	}
	ed, err := edge(e, "")
	if err != nil {
		return err
	}
	f, err := schedule.ReadAssignment(ed.Assignment)
	if err != nil {
		return err
	}
	return jsonBlob(c, schedule.AppendProcess(nil, ed.Message, f.BlockHeight, f.Timestamp))
}

// latest answers GET /{id}/latest: the process's last node.
func (a *api) latest(c echo.Context) error {
	pid, err := parseID(c.Param("id"), "process id")
	if err != nil {
		return err
	}
	head, ok, err := a.Primary.Head(pid)
	if err != nil {
		return err
	}
	if !ok {
		return notFound("Process not found")
	}
	if head.Nonce == 0 {
		return notFound("Latest message not available: the process has no messages yet")
	}
	e, err := a.Primary.Entry(pid, head.Nonce)
	if err != nil {
		return err
	}
	ed, err := edge(e, "")
	if err != nil {
		return err
	}
	return jsonBlob(c, schedule.AppendNode(nil, &ed, renderOptions(c)))
}

// raw answers GET /{id}/raw: the stored data item bytes, unchanged.
func (a *api) raw(c echo.Context) error {
	_, loc, err := a.locate(c, true)
	if err != nil {
		return err
	}
	if loc == nil {
		return notFound("Message not found")
	}
	e, err := a.Reader.Entry(loc.Process, loc.Nonce)
	if err != nil {
		return err
	}
	b := e.Item
	switch loc.Role {
	case schedule.RoleAssignment:
		b = e.Assignment
	case schedule.RoleAssigned:
		return notFound("No data item is stored for " + c.Param("id") + ": it is an assigned transaction; fetch it from the gateway")
	}
	return c.Blob(http.StatusOK, echo.MIMEOctetStream, b)
}
