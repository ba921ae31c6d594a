package router

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/messages"
)

// Client is what the router's HTTP handlers use: questions to the
// Registry, and forwarding to an SU, each within the caller's deadline.
type Client struct {
	root     *actor.RootContext
	registry *actor.PID
	forwards *prometheus.CounterVec
	duration prometheus.Histogram
}

// NewClient returns a Client for the Registry at registry.
func NewClient(root *actor.RootContext, registry *actor.PID, reg prometheus.Registerer) *Client {
	c := &Client{
		root: root, registry: registry,
		forwards: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "actord_router_forwards_total", Help: "Requests forwarded to SUs over remoting, by outcome (ok, unavailable, error).",
		}, []string{"outcome"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "actord_router_forward_duration_seconds", Help: "Time from forwarding a request to an SU until its answer arrived.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}),
	}
	for _, o := range []string{"ok", "unavailable", "error"} {
		c.forwards.WithLabelValues(o)
	}
	if reg != nil {
		reg.MustRegister(c.forwards, c.duration)
	}
	return c
}

func (c *Client) ask(ctx context.Context, msg any) (any, error) {
	timeout := 5 * time.Second
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < timeout {
		timeout = time.Until(dl)
	}
	if timeout <= 0 {
		return nil, context.DeadlineExceeded
	}
	return c.root.RequestFuture(c.registry, msg, timeout).Result()
}

// Pick places a new process owned by the wallet address owner.
func (c *Client) Pick(ctx context.Context, owner string) (Target, string, error) {
	res, err := c.ask(ctx, &Pick{Owner: owner})
	if err != nil {
		return Target{}, "", fmt.Errorf("asking the registry: %w", err)
	}
	p := res.(*Picked)
	return p.Target, p.Reason, p.Err
}

// Locate returns the live SU at url, or ErrSUDown.
func (c *Client) Locate(ctx context.Context, url string) (Target, error) {
	res, err := c.ask(ctx, &Locate{URL: url})
	if err != nil {
		return Target{}, fmt.Errorf("asking the registry: %w", err)
	}
	l := res.(*Located)
	return l.Target, l.Err
}

// Live returns every SU the Registry knows, live or not.
func (c *Client) Live(ctx context.Context) (LiveSUs, error) {
	res, err := c.ask(ctx, &Live{})
	if err != nil {
		return nil, fmt.Errorf("asking the registry: %w", err)
	}
	return res.(LiveSUs), nil
}

// Confirmed tells the Registry that a process was confirmed on url.
func (c *Client) Confirmed(url string) { c.root.Send(c.registry, &Confirmed{URL: url}) }

// Forward sends req to t and returns its answer. When no answer comes
// (the SU died, or the deadline passed) the error wraps ErrSUDown: the
// request may or may not have been applied, and a retry is safe because
// SU writes are idempotent by item id.
func (c *Client) Forward(ctx context.Context, t Target, req *messages.HTTPRequest) (*messages.HTTPResponse, error) {
	timeout := 30 * time.Second
	if dl, ok := ctx.Deadline(); ok {
		timeout = time.Until(dl)
	}
	start := time.Now()
	res, err := c.root.RequestFuture(t.PID, req, timeout).Result()
	c.duration.Observe(time.Since(start).Seconds())
	if err != nil {
		c.forwards.WithLabelValues("unavailable").Inc()
		if errors.Is(err, actor.ErrTimeout) || errors.Is(err, actor.ErrDeadLetter) {
			return nil, fmt.Errorf("%w (%s: %v)", ErrSUDown, t.URL, err)
		}
		return nil, fmt.Errorf("%w (%s: %w)", ErrSUDown, t.URL, err)
	}
	r, ok := res.(*messages.HTTPResponse)
	if !ok {
		c.forwards.WithLabelValues("error").Inc()
		return nil, fmt.Errorf("%w: %s answered %T", ErrSUDown, t.URL, res)
	}
	c.forwards.WithLabelValues("ok").Inc()
	return r, nil
}
