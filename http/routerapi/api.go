package routerapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/actord/actord/actors/router"
	"github.com/actord/actord/actors/suremote"
	"github.com/actord/actord/http/server"
	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/messages"
	"github.com/actord/actord/store/routes"
)

// Config wires the API.
type Config struct {
	Client *router.Client
	Routes routes.Store
	// Redirect answers 307 to the owning SU instead of forwarding.
	Redirect bool
	// Timeout bounds one forwarded request.
	Timeout time.Duration
	Logger  *slog.Logger
}

// API is the router's HTTP API.
type API struct {
	cfg Config
}

// Register adds the router's routes to e and returns the API (for its
// Reconcile loop).
func Register(e *echo.Echo, cfg Config) *API {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	a := &API{cfg: cfg}
	e.POST("/", a.post)
	e.GET("/", a.anyOrProcess)
	e.GET("/timestamp", a.anyOrProcess)
	e.GET("/processes/:id", a.byPath)
	e.GET("/:id", a.byQueryOrPath)
	e.GET("/:id/latest", a.byPath)
	e.GET("/:id/raw", a.byQueryOrPath)
	e.GET("/router/sus", a.sus)
	return a
}

func unavailable(err error) error { return fmt.Errorf("%w: %w", server.ErrUnavailable, err) }

func notRouted() error {
	return fmt.Errorf("%w: Process scheduler not found", server.ErrNotFound)
}

// sus lists the SUs the router knows and whether each is live.
func (a *API) sus(c echo.Context) error {
	l, err := a.cfg.Client.Live(c.Request().Context())
	if err != nil {
		return unavailable(err)
	}
	return c.JSON(http.StatusOK, l)
}

// anyOrProcess routes GET / and /timestamp by process-id; without one,
// any live SU answers (they share one wallet, so their address is ours).
func (a *API) anyOrProcess(c echo.Context) error {
	if pid := c.QueryParam("process-id"); pid != "" {
		return a.toProcess(c, pid, nil)
	}
	return a.toAny(c, nil)
}

func (a *API) byPath(c echo.Context) error { return a.toProcess(c, c.Param("id"), nil) }

// byQueryOrPath routes GET /{id}: by process-id, else {id} is a process.
func (a *API) byQueryOrPath(c echo.Context) error {
	if pid := c.QueryParam("process-id"); pid != "" {
		return a.toProcess(c, pid, nil)
	}
	return a.toProcess(c, c.Param("id"), nil)
}

func (a *API) post(c echo.Context) error {
	q := c.QueryParams()
	if q.Has("assign") || q.Has("process-id") {
		if pid := q.Get("process-id"); pid != "" {
			return a.toProcess(c, pid, nil)
		}
		return a.toAny(c, nil) // the SU states what is missing
	}
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return err // the body limit's 413, or a broken connection
	}
	it, err := ans104.Parse(body)
	if err != nil {
		return a.toAny(c, body) // the SU explains what is wrong with it
	}
	if isProcess(it) {
		return a.spawn(c, it, body)
	}
	if len(it.Target) == 32 {
		return a.toProcess(c, ans104.Encode(it.Target), body)
	}
	return a.toAny(c, body)
}

// isProcess reads the Type tag as the SU does (first of "Type"/"type").
func isProcess(it *ans104.Item) bool {
	for _, t := range it.Tags {
		if t.Name == "Type" || t.Name == "type" {
			return t.Value == "Process"
		}
	}
	return false
}

// spawn places a new process, or sends a repeated spawn where the first went.
func (a *API) spawn(c echo.Context, it *ans104.Item, body []byte) error {
	ctx := c.Request().Context()
	pid := it.ID()
	route, ok, err := a.cfg.Routes.Get(ctx, pid)
	if err != nil {
		return unavailable(fmt.Errorf("route store: %w", err))
	}
	if !ok {
		t, reason, err := a.cfg.Client.Pick(ctx, it.OwnerAddress())
		if err != nil {
			return unavailable(err)
		}
		if route, err = a.cfg.Routes.Reserve(ctx, pid, t.URL); err != nil {
			return unavailable(fmt.Errorf("route store: %w", err))
		}
		a.cfg.Logger.Info("Placing process", "process", pid, "su", route.SU, "reason", reason)
	}
	t, err := a.cfg.Client.Locate(ctx, route.SU)
	if err != nil {
		return unavailable(err)
	}
	if a.cfg.Redirect {
		return a.redirect(c, t) // the reconciler confirms it later
	}
	res, err := a.forward(c, t, body)
	if err != nil {
		return unavailable(err) // outcome unknown: keep the reservation
	}
	if route.Pending {
		a.settle(ctx, pid, t.URL, int(res.Status))
	}
	return write(c, res)
}

// settle confirms or releases a pending route after the SU answered a
// spawn with status.
func (a *API) settle(ctx context.Context, pid, su string, status int) {
	switch {
	case status < 300 || status == http.StatusConflict:
		if err := a.cfg.Routes.Confirm(ctx, pid, su); err != nil {
			// The SU has the process; a later reconcile retries.
			a.cfg.Logger.Error("Confirming a route failed", "process", pid, "su", su, "err", err)
			return
		}
		a.cfg.Client.Confirmed(su)
	case status >= 400 && status < 500:
		if err := a.cfg.Routes.Release(ctx, pid, su); err != nil {
			a.cfg.Logger.Warn("Releasing a rejected route failed", "process", pid, "su", su, "err", err)
		}
	}
}

// toProcess sends the request to the SU that owns pid.
func (a *API) toProcess(c echo.Context, pid string, body []byte) error {
	ctx := c.Request().Context()
	route, ok, err := a.cfg.Routes.Get(ctx, pid)
	if err != nil {
		return unavailable(fmt.Errorf("route store: %w", err))
	}
	if !ok {
		if route, err = a.find(ctx, pid); err != nil {
			return err
		}
	}
	t, err := a.cfg.Client.Locate(ctx, route.SU)
	if err != nil {
		return unavailable(err)
	}
	return a.send(c, t, body)
}

// send answers with t's answer to the request (body nil: not read yet),
// or with a redirect to t.
func (a *API) send(c echo.Context, t router.Target, body []byte) error {
	if a.cfg.Redirect {
		return a.redirect(c, t)
	}
	if body == nil {
		var err error
		if body, err = io.ReadAll(c.Request().Body); err != nil {
			return err
		}
	}
	res, err := a.forward(c, t, body)
	if err != nil {
		return unavailable(err)
	}
	return write(c, res)
}

// find looks for a process the route store does not know on every live
// SU: a router that crashed between an SU's acceptance and its confirm,
// or a process spawned on an SU directly. A find that succeeds repairs
// the route.
func (a *API) find(ctx context.Context, pid string) (routes.Route, error) {
	sus, err := a.cfg.Client.Live(ctx)
	if err != nil {
		return routes.Route{}, unavailable(err)
	}
	var (
		mu    sync.Mutex
		found []string
		wg    sync.WaitGroup
		down  bool
	)
	for _, s := range sus {
		if !s.Live {
			down = true
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if a.has(ctx, s.URL, pid) {
				mu.Lock()
				found = append(found, s.URL)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	switch {
	case len(found) > 1:
		a.cfg.Logger.Error("Process found on several SUs", "process", pid, "sus", found)
		return routes.Route{}, fmt.Errorf("%w: process %s is on several SUs", server.ErrConflict, pid)
	case len(found) == 1:
		if err := a.cfg.Routes.Confirm(ctx, pid, found[0]); err != nil {
			return routes.Route{}, unavailable(fmt.Errorf("route store: %w", err))
		}
		a.cfg.Client.Confirmed(found[0])
		a.cfg.Logger.Warn("Route repaired from the SU", "process", pid, "su", found[0])
		return routes.Route{Process: pid, SU: found[0]}, nil
	case down:
		// The owner may be the SU that is down: never guess.
		return routes.Route{}, unavailable(router.ErrSUDown)
	}
	return routes.Route{}, notRouted()
}

// has asks the SU at url whether it has process pid.
func (a *API) has(ctx context.Context, url, pid string) bool {
	t, err := a.cfg.Client.Locate(ctx, url)
	if err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	res, err := a.cfg.Client.Forward(ctx, t, &messages.HTTPRequest{Method: http.MethodGet, Uri: "/processes/" + pid})
	return err == nil && res.Status == http.StatusOK
}

// toAny sends a request that names no process to any live SU.
func (a *API) toAny(c echo.Context, body []byte) error {
	ctx := c.Request().Context()
	sus, err := a.cfg.Client.Live(ctx)
	if err != nil {
		return unavailable(err)
	}
	for _, s := range sus {
		if !s.Live {
			continue
		}
		if t, err := a.cfg.Client.Locate(ctx, s.URL); err == nil {
			return a.send(c, t, body)
		}
	}
	return unavailable(router.ErrNoSU)
}

func (a *API) redirect(c echo.Context, t router.Target) error {
	return c.Redirect(http.StatusTemporaryRedirect, t.URL+c.Request().RequestURI)
}

// forward sends the request to t within the router's timeout.
func (a *API) forward(c echo.Context, t router.Target, body []byte) (*messages.HTTPResponse, error) {
	r := c.Request()
	ctx, cancel := context.WithTimeout(r.Context(), a.cfg.Timeout)
	defer cancel()
	h := r.Header.Clone()
	removeHopByHop(h)
	h.Set("Host", r.Host)
	if ip, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		if prior := h.Get("X-Forwarded-For"); prior != "" {
			ip = prior + ", " + ip
		}
		h.Set("X-Forwarded-For", ip)
	}
	return a.cfg.Client.Forward(ctx, t, &messages.HTTPRequest{
		Method: r.Method, Uri: r.RequestURI, Headers: suremote.ToHeaders(h), Body: body, RemoteAddr: r.RemoteAddr,
	})
}

// write sends the SU's answer to the client as it is.
func write(c echo.Context, res *messages.HTTPResponse) error {
	h := c.Response().Header()
	for _, x := range res.Headers {
		h[http.CanonicalHeaderKey(x.Name)] = x.Values
	}
	removeHopByHop(h)
	h.Set("Content-Length", strconv.Itoa(len(res.Body)))
	c.Response().WriteHeader(int(res.Status))
	if c.Request().Method == http.MethodHead {
		return nil
	}
	_, err := c.Response().Write(res.Body)
	return err
}

// hopByHop headers describe one connection, not the message (RFC 9110 §7.6.1).
var hopByHop = []string{"Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"}

func removeHopByHop(h http.Header) {
	for _, f := range h.Values("Connection") {
		for _, name := range strings.Split(f, ",") {
			h.Del(strings.TrimSpace(name))
		}
	}
	for _, k := range hopByHop {
		h.Del(k)
	}
}

// Reconcile settles pending routes older than grace: confirmed when
// their SU has the process, released when it answers that it has not
// (only after twice the forward timeout, so a spawn still in flight is
// never released). It returns how many it settled.
func (a *API) Reconcile(ctx context.Context, grace time.Duration) (int, error) {
	now := time.Now()
	pending, err := a.cfg.Routes.Pending(ctx, now.Add(-grace))
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range pending {
		t, err := a.cfg.Client.Locate(ctx, r.SU)
		if err != nil {
			continue // down: decide when it is back
		}
		fctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		res, err := a.cfg.Client.Forward(fctx, t, &messages.HTTPRequest{Method: http.MethodGet, Uri: "/processes/" + r.Process})
		cancel()
		switch {
		case err != nil:
		case res.Status == http.StatusOK:
			if err := a.cfg.Routes.Confirm(ctx, r.Process, r.SU); err != nil {
				if errors.Is(err, context.Canceled) {
					return n, err
				}
				continue
			}
			a.cfg.Client.Confirmed(r.SU)
			n++
		case res.Status == http.StatusNotFound && now.Sub(r.Placed) > 2*a.cfg.Timeout:
			if err := a.cfg.Routes.Release(ctx, r.Process, r.SU); err == nil {
				a.cfg.Logger.Info("Released a spawn the SU never got", "process", r.Process, "su", r.SU)
				n++
			}
		}
	}
	return n, nil
}
