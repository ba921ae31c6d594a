package suremote

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/asynkron/protoactor-go/actor"

	"github.com/actord/actord/actors/su"
	"github.com/actord/actord/messages"
)

// Name is the actor's name on every SU node: routers address it as
// actor.NewPID(memberAddress, Name).
const Name = "su-remote"

// StatusFunc reports the SU's readiness and load.
type StatusFunc func(ctx context.Context) (su.Status, error)

// Config wires the actor to its node.
type Config struct {
	Handler http.Handler // the node's HTTP API
	Status  StatusFunc
	URL     string // public URL, as SCHEDULER_LIST_PATH names this SU
	Address string // SU wallet address
	Version string
	// Timeout bounds one forwarded request on this side.
	Timeout time.Duration
	Logger  *slog.Logger
}

// NewProps returns the actor's props.
func NewProps(cfg Config) *actor.Props {
	if cfg.Timeout <= 0 {
		cfg.Timeout = time.Minute
	}
	return actor.PropsFromProducer(func() actor.Actor { return &remoteAPI{cfg: cfg} })
}

type remoteAPI struct {
	cfg Config
}

func (a *remoteAPI) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *messages.HTTPRequest:
		sender := ctx.Sender()
		if sender == nil {
			return
		}
		root := ctx.ActorSystem().Root
		go func() { root.Send(sender, a.serve(msg)) }()
	case *messages.SUInfoRequest:
		sender := ctx.Sender()
		if sender == nil {
			return
		}
		root := ctx.ActorSystem().Root
		go func() { root.Send(sender, a.info()) }()
	}
}

func (a *remoteAPI) info() *messages.SUInfo {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	info := &messages.SUInfo{Url: a.cfg.URL, Address: a.cfg.Address, Version: a.cfg.Version}
	st, err := a.cfg.Status(ctx)
	if err != nil {
		a.cfg.Logger.Warn("SU status unavailable", "err", err)
		return info // not ready: routers place nothing here until it answers
	}
	info.Ready, info.Active = st.Ready, int64(st.Sequencers)
	return info
}

// serve runs one forwarded request through the local handler.
func (a *remoteAPI) serve(m *messages.HTTPRequest) *messages.HTTPResponse {
	ctx, cancel := context.WithTimeout(context.Background(), a.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, m.Method, m.Uri, bytes.NewReader(m.Body))
	if err != nil {
		return plain(http.StatusBadRequest, `{"error":"the router forwarded a malformed request"}`)
	}
	req.RequestURI = m.Uri
	req.RemoteAddr = m.RemoteAddr
	req.ContentLength = int64(len(m.Body))
	for _, h := range m.Headers {
		if http.CanonicalHeaderKey(h.Name) == "Host" && len(h.Values) > 0 {
			req.Host = h.Values[0]
			continue
		}
		for _, v := range h.Values {
			req.Header.Add(h.Name, v)
		}
	}
	rec := &recorder{header: make(http.Header)}
	a.cfg.Handler.ServeHTTP(rec, req)
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return &messages.HTTPResponse{Status: int32(rec.status), Headers: ToHeaders(rec.header), Body: rec.body.Bytes()}
}

func plain(status int, body string) *messages.HTTPResponse {
	return &messages.HTTPResponse{
		Status:  int32(status),
		Headers: []*messages.Header{{Name: "Content-Type", Values: []string{"application/json"}}},
		Body:    []byte(body),
	}
}

// ToHeaders converts an http.Header for the wire.
func ToHeaders(h http.Header) []*messages.Header {
	out := make([]*messages.Header, 0, len(h))
	for k, v := range h {
		out = append(out, &messages.Header{Name: k, Values: v})
	}
	return out
}

// recorder is a ResponseWriter that keeps the answer in memory.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}

// Flush is a no-op: the whole answer goes back in one message.
func (r *recorder) Flush() {}
