package suapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/gateway"
	"github.com/actord/actord/internal/schedule"
)

// Scheduler sequences writes (actors/su.Facade).
type Scheduler interface {
	Spawn(ctx context.Context, item *ans104.Item, raw []byte) (schedule.Written, error)
	Send(ctx context.Context, item *ans104.Item, raw []byte) (schedule.Written, error)
	Assign(ctx context.Context, process, tx schedule.ID, excludes []string) (schedule.Written, error)
	Height(ctx context.Context) (uint64, bool, error)
}

// Reader reads schedules (a store).
type Reader interface {
	Head(pid schedule.ID) (schedule.Head, bool, error)
	Entry(pid schedule.ID, nonce uint64) (*schedule.Entry, error)
	Range(pid schedule.ID, from, to uint64, limit int) ([]*schedule.Entry, bool, error)
	NonceAfter(pid schedule.ID, ts int64) (uint64, bool, error)
	LastNonceAtOrBefore(pid schedule.ID, ts int64) (uint64, bool, error)
	Lookup(id schedule.ID) ([]schedule.Location, error)
}

// Gateway checks transactions named by assigns.
type Gateway interface {
	TxStatus(ctx context.Context, id string) (uint64, error)
	TxExists(ctx context.Context, id string) error
}

// Config is what the API needs.
type Config struct {
	Scheduler Scheduler
	Reader    Reader
	// Primary serves /latest, which must not lag behind an acknowledged
	// write (the writer when Reader is a replica); defaults to Reader.
	Primary Reader
	Gateway Gateway
	Address string // the SU wallet's address
	// DefaultLimit and MaxLimit bound list pages (defaults 100 and 5000).
	DefaultLimit, MaxLimit int
	Now                    func() time.Time
}

// DefaultSettlementDepth is the confirmations a base-layer assign needs
// when the process has no Settlement-Depth tag.
const DefaultSettlementDepth = 20

type api struct{ Config }

// Register adds the SU routes to e.
func Register(e *echo.Echo, cfg Config) {
	if cfg.DefaultLimit <= 0 {
		cfg.DefaultLimit = 100
	}
	if cfg.MaxLimit <= 0 {
		cfg.MaxLimit = 5000
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Primary == nil {
		cfg.Primary = cfg.Reader
	}
	a := &api{cfg}
	e.GET("/", a.info)
	e.POST("/", a.post)
	e.GET("/timestamp", a.timestamp)
	e.GET("/processes/:id", a.process)
	e.GET("/:id", a.get)
	e.GET("/:id/latest", a.latest)
	e.GET("/:id/raw", a.raw)
}

func jsonBlob(c echo.Context, b []byte) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, b)
}

// info answers GET /: the SU's address, which scheduler-utils reads.
func (a *api) info(c echo.Context) error {
	b := append([]byte(`{"address":`), schedule.AppendString(nil, a.Address)...)
	b = append(b, `,"timestamp":"`...)
	b = strconv.AppendInt(b, a.Now().UnixMilli(), 10)
	return jsonBlob(c, append(b, `"}`...))
}

// timestamp answers GET /timestamp, which the CU reads for cron messages.
func (a *api) timestamp(c echo.Context) error {
	h, ok, err := a.Scheduler.Height(c.Request().Context())
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: no Arweave block height yet (the gateway has not answered)", schedule.ErrUnavailable)
	}
	b := append([]byte(`{"block_height":"`), schedule.BlockHeight(h)...)
	b = append(b, `","timestamp":"`...)
	b = strconv.AppendInt(b, a.Now().UnixMilli(), 10)
	return jsonBlob(c, append(b, `"}`...))
}

// written is the POST answer the MU validates: {id: string, timestamp: number}.
func written(c echo.Context, w schedule.Written) error {
	b := append([]byte(`{"id":`), schedule.AppendString(nil, w.ID)...)
	b = append(b, `,"timestamp":`...)
	b = strconv.AppendInt(b, w.Timestamp, 10)
	return jsonBlob(c, append(b, '}'))
}

func (a *api) post(c echo.Context) error {
	q := c.QueryParams()
	if q.Has("process-id") != q.Has("assign") {
		return invalid("If sending assign or process-id, you must send both.")
	}
	if q.Has("assign") {
		return a.assign(c, q.Get("process-id"), q.Get("assign"), q.Has("base-layer"), q.Get("exclude"))
	}
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return err // the body limit's 413, or a broken connection
	}
	if len(body) == 0 {
		return invalid("empty body: POST / takes a signed ANS-104 data item")
	}
	it, err := ans104.Parse(body)
	if err != nil {
		return err
	}
	if err := it.Verify(); err != nil {
		return err
	}
	typ, err := checkItem(it)
	if err != nil {
		return err
	}
	var w schedule.Written
	if typ == "Process" {
		w, err = a.Scheduler.Spawn(c.Request().Context(), it, body)
	} else {
		w, err = a.Scheduler.Send(c.Request().Context(), it, body)
	}
	if err != nil {
		return err
	}
	return written(c, w)
}

// checkItem applies the reference SU's item rules (§3.8) and returns the
// Type tag's value.
func checkItem(it *ans104.Item) (string, error) {
	typ, hasType, hasProtocol := "", false, false
	hasModule, hasScheduler := false, false
	for _, t := range it.Tags {
		switch t.Name {
		case "Type", "type":
			if !hasType {
				typ, hasType = t.Value, true
			}
		case "Data-Protocol", "data-protocol":
			hasProtocol = true
		case "Module":
			hasModule = true
		case "Scheduler":
			hasScheduler = true
		}
		if strings.HasSuffix(t.Name, "+link") || strings.HasSuffix(t.Value, "+link") {
			return "", invalid("Tag " + t.Name + " cannot contain +link")
		}
	}
	switch {
	case !hasType:
		return "", invalid("Type tag not present")
	case typ != "Process" && typ != "Message":
		return "", invalid("Unsupported Type tag value: " + typ + " (want Process or Message)")
	case !hasProtocol:
		return "", invalid("Data-Protocol tag not present")
	case typ == "Process" && (!hasModule || !hasScheduler):
		return "", invalid("Required Module and Scheduler tags for Process type not present")
	case typ == "Message" && it.Target == nil:
		return "", invalid("Message has no target process")
	}
	return typ, nil
}

func (a *api) assign(c echo.Context, pidParam, txParam string, baseLayer bool, exclude string) error {
	if len(txParam) != 43 {
		return invalid("assign param must be 43 characters")
	}
	tx, err := ans104.DecodeID(txParam)
	if err != nil {
		return invalid(err.Error())
	}
	pid, err := ans104.DecodeID(pidParam)
	if err != nil {
		return invalid("process-id: " + err.Error())
	}
	if _, ok, err := a.Reader.Head(pid); err != nil {
		return err
	} else if !ok {
		return &apiError{schedule.ErrUnknownProcess, "Process not found"}
	}
	var excludes []string
	for _, x := range strings.Split(exclude, ",") {
		if x = strings.TrimSpace(x); x != "" {
			excludes = append(excludes, x)
		}
	}
	ctx := c.Request().Context()
	if baseLayer {
		depth, err := a.settlementDepth(pid)
		if err != nil {
			return err
		}
		conf, err := a.Gateway.TxStatus(ctx, txParam)
		switch {
		case errors.Is(err, gateway.ErrTxNotFound):
			return invalid("Transaction " + txParam + " not found on the gateway")
		case err != nil:
			return fmt.Errorf("%w: checking confirmations: %v", schedule.ErrUnavailable, err)
		case conf < depth:
			return invalid(fmt.Sprintf("Not enough confirmations to assign: %d of %d", conf, depth))
		}
	} else {
		err := a.Gateway.TxExists(ctx, txParam)
		switch {
		case errors.Is(err, gateway.ErrTxNotFound):
			return invalid("Transaction " + txParam + " not found on the gateway")
		case err != nil:
			return fmt.Errorf("%w: looking up the transaction: %v", schedule.ErrUnavailable, err)
		}
	}
	w, err := a.Scheduler.Assign(ctx, pid, tx, excludes)
	if err != nil {
		return err
	}
	return written(c, w)
}

// settlementDepth reads the process's Settlement-Depth tag.
func (a *api) settlementDepth(pid schedule.ID) (uint64, error) {
	e, err := a.Reader.Entry(pid, 0)
	if err != nil {
		return 0, err
	}
	proc, err := ans104.Parse(e.Item)
	if err != nil {
		return 0, fmt.Errorf("stored process item: %w", err)
	}
	if v, ok := proc.Tag("Settlement-Depth"); ok {
		if d, err := strconv.ParseUint(v, 10, 64); err == nil {
			return d, nil
		}
	}
	return DefaultSettlementDepth, nil
}
