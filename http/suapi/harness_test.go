package suapi_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/actors/su"
	"github.com/actord/actord/http/server"
	"github.com/actord/actord/http/suapi"
	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/fakeweave"
	"github.com/actord/actord/internal/gateway"
	"github.com/actord/actord/internal/pgtest"
	"github.com/actord/actord/internal/schedule"
	"github.com/actord/actord/internal/testvectors"
	"github.com/actord/actord/store/pebblestore"
	"github.com/actord/actord/store/pgstore"
)

var (
	keyOnce sync.Once
	suKey   *ans104.RSASigner
	userKey *ans104.RSASigner
)

func keys() (*ans104.RSASigner, *ans104.RSASigner) {
	keyOnce.Do(func() {
		for _, s := range []**ans104.RSASigner{&suKey, &userKey} {
			k, err := rsa.GenerateKey(rand.Reader, 4096)
			if err != nil {
				panic(err)
			}
			*s, _ = ans104.NewRSASigner(k)
		}
	})
	return suKey, userKey
}

// env is an SU served over real HTTP on loopback, with a fake gateway.
type env struct {
	t       testing.TB
	base    string
	store   appender
	gw      *fakeweave.Server
	address string
	sys     *actor.ActorSystem
	handler http.Handler
}

// appender is the write side tests need besides the API.
type appender interface {
	su.Store
	Close() error
}

// backends are the stores every API test runs against.
var backends = []string{"pebble", "postgres"}

// eachBackend runs f once per store.
func eachBackend(t *testing.T, f func(t *testing.T, backend string)) {
	for _, b := range backends {
		t.Run(b, func(t *testing.T) { f(t, b) })
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

func newEnv(t testing.TB) *env { return newEnvOn(t, "pebble") }

func newEnvOn(t testing.TB, backend string) *env {
	t.Helper()
	signer, _ := keys()
	var store appender
	var reader suapi.Reader
	switch backend {
	case "pebble":
		ps, err := pebblestore.Open("", pebblestore.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		store, reader = ps, ps
	case "postgres":
		ps, err := pgstore.Open(context.Background(), pgstore.Options{WriterURL: pgtest.Database(t)})
		if err != nil {
			t.Fatal(err)
		}
		store, reader = ps, ps.Reader()
	}
	gw := fakeweave.New(1522898)
	t.Cleanup(gw.Close)
	sys := actor.NewActorSystem(actor.WithLoggerFactory(func(*actor.ActorSystem) *slog.Logger { return slog.New(slog.DiscardHandler) }))
	logger := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	reg := prometheus.NewRegistry()
	pid := sys.Root.Spawn(su.NewSupervisorProps(su.Config{Store: store, Signer: signer, Logger: logger, Metrics: reg}))
	sys.Root.Send(pid, &su.HeightUpdate{Height: 1522898})
	srv := server.New(logger, reg, nodeHealth{})
	owner := signer.Owner()
	addr := (&ans104.Item{Owner: owner}).OwnerAddress()
	suapi.Register(srv.Echo(), suapi.Config{
		Scheduler: su.NewFacade(sys.Root, pid),
		Reader:    reader,
		Gateway:   gateway.New(gw.URL, nil),
		Address:   addr,
	})
	hs := httptest.NewServer(srv.Echo())
	t.Cleanup(func() {
		hs.Close()
		sys.Shutdown()
		store.Close()
	})
	return &env{t: t, base: hs.URL, store: store, gw: gw, address: addr, sys: sys, handler: srv.Echo()}
}

type nodeHealth struct{}

func (nodeHealth) Healthy(ctx context.Context) error { return nil }

// do sends a request and returns status and body.
func (e *env) do(method, path string, body []byte) (int, []byte) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.base+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

func (e *env) post(item []byte) (int, map[string]any) {
	e.t.Helper()
	status, b := e.do(http.MethodPost, "/", item)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		e.t.Fatalf("POST answer is not JSON: %s", b)
	}
	return status, m
}

// postQuery POSTs an empty body (an assignment) and decodes whatever JSON
// the answer carries; m is nil when it carries none.
func (e *env) postQuery(path string) (int, map[string]any) {
	e.t.Helper()
	status, b := e.do(http.MethodPost, path, nil)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return status, m
}

func (e *env) getJSON(path string, into any) int {
	e.t.Helper()
	status, b := e.do(http.MethodGet, path, nil)
	if into != nil && status == 200 {
		if err := json.Unmarshal(b, into); err != nil {
			e.t.Fatalf("GET %s: %v\n%s", path, err, b)
		}
	}
	return status
}

// importSchedule loads a reference SU schedule vector into the store.
func (e *env) importSchedule(dir, file string) {
	e.t.Helper()
	for _, line := range testvectors.Lines(e.t, dir, file) {
		raw, err := ans104.Decode(string(line))
		if err != nil {
			e.t.Fatal(err)
		}
		outer, err := ans104.Parse(raw)
		if err != nil {
			e.t.Fatal(err)
		}
		entry, err := schedule.EntryFromBundle(outer)
		if err != nil {
			e.t.Fatal(err)
		}
		if err := e.store.Append(entry); err != nil {
			e.t.Fatalf("importing nonce %d: %v", entry.Nonce, err)
		}
	}
}

// newItem signs an item with the user key.
func newItem(t *testing.T, target []byte, tags []ans104.Tag, data string) []byte {
	t.Helper()
	_, user := keys()
	it, err := ans104.New(target, nil, tags, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := it.Sign(user); err != nil {
		t.Fatal(err)
	}
	return it.Bytes()
}

func processTags(extra ...ans104.Tag) []ans104.Tag {
	return append([]ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Variant", Value: "ao.TN.1"}, {Name: "Type", Value: "Process"},
		{Name: "Module", Value: strings.Repeat("M", 43)}, {Name: "Scheduler", Value: strings.Repeat("S", 43)}}, extra...)
}

func messageTags(extra ...ans104.Tag) []ans104.Tag {
	return append([]ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Variant", Value: "ao.TN.1"}, {Name: "Type", Value: "Message"}}, extra...)
}
