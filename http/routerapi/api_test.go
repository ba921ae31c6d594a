package routerapi

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/actors/router"
	"github.com/actord/actord/actors/su"
	"github.com/actord/actord/actors/suremote"
	"github.com/actord/actord/http/server"
	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/store/routes"
)

// fakeSU is an SU behind a real su-remote actor: its HTTP handler records
// what it got and answers what the test says.
type fakeSU struct {
	url    string
	pid    *actor.PID
	mu     sync.Mutex
	has    map[string]bool // processes it has
	status int             // answer to POST / (0: 200)
	hang   bool            // never answer (a dead node)
	got    []*http.Request
}

func (f *fakeSU) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hang {
		f.mu.Unlock()
		<-r.Context().Done()
		f.mu.Lock()
		return
	}
	f.got = append(f.got, r)
	switch {
	case r.Method == http.MethodPost:
		if f.status != 0 {
			w.WriteHeader(f.status)
			return
		}
		body, _ := io.ReadAll(r.Body)
		it, _ := ans104.Parse(body)
		if typ, _ := it.Tag("Type"); typ == "Process" {
			f.has[it.ID()] = true
		}
		w.Header().Set("Connection", "close, X-Internal")
		w.Header().Set("X-Internal", "hop")
		w.Header().Set("X-SU", f.url)
		w.Write([]byte(`{"id":"` + it.ID() + `"}`))
	case strings.HasPrefix(r.URL.Path, "/processes/"):
		if !f.has[strings.TrimPrefix(r.URL.Path, "/processes/")] {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Write([]byte(`{}`))
	default:
		w.Header().Set("X-SU", f.url)
		w.Write([]byte("page from " + f.url))
	}
}

// fakeRegistry answers the Registry's messages from a table.
type fakeRegistry struct {
	mu   sync.Mutex
	sus  []*fakeSU
	live map[string]bool
	next int
}

func (r *fakeRegistry) Receive(ctx actor.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	target := func(f *fakeSU) router.Target { return router.Target{URL: f.url, PID: f.pid} }
	switch msg := ctx.Message().(type) {
	case *router.Pick:
		for range r.sus {
			f := r.sus[r.next%len(r.sus)]
			r.next++
			if r.live[f.url] {
				ctx.Respond(&router.Picked{Target: target(f), Reason: "load"})
				return
			}
		}
		ctx.Respond(&router.Picked{Err: router.ErrNoSU})
	case *router.Locate:
		for _, f := range r.sus {
			if f.url == msg.URL && r.live[f.url] {
				ctx.Respond(&router.Located{Target: target(f)})
				return
			}
		}
		ctx.Respond(&router.Located{Err: router.ErrSUDown})
	case *router.Live:
		var out router.LiveSUs
		for _, f := range r.sus {
			out = append(out, router.SUState{URL: f.url, Live: r.live[f.url]})
		}
		ctx.Respond(out)
	}
}

type world struct {
	t     *testing.T
	sus   []*fakeSU
	reg   *fakeRegistry
	store routes.Store
	api   *API
	base  string
}

func newWorld(t *testing.T, redirect bool, urls ...string) *world {
	sys := actor.NewActorSystem()
	w := &world{t: t, reg: &fakeRegistry{live: map[string]bool{}}}
	for _, u := range urls {
		f := &fakeSU{url: u, has: map[string]bool{}}
		status := func(context.Context) (su.Status, error) { return su.Status{Ready: true}, nil }
		f.pid = sys.Root.Spawn(suremote.NewProps(suremote.Config{Handler: f, Status: status, URL: u, Logger: slog.New(slog.DiscardHandler)}))
		w.sus = append(w.sus, f)
		w.reg.sus = append(w.reg.sus, f)
		w.reg.live[u] = true
	}
	regPID := sys.Root.Spawn(actor.PropsFromProducer(func() actor.Actor { return w.reg }))
	store, err := routes.OpenPebble(filepath.Join(t.TempDir(), "routes"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	w.store = store
	srv := server.New(slog.New(slog.DiscardHandler), prometheus.NewRegistry(), nil)
	w.api = Register(srv.Echo(), Config{
		Client: router.NewClient(sys.Root, regPID, nil), Routes: store, Redirect: redirect,
		Timeout: 500 * time.Millisecond, Logger: slog.New(slog.DiscardHandler),
	})
	hs := httptest.NewServer(srv.Echo())
	w.base = hs.URL
	t.Cleanup(func() { hs.Close(); store.Close(); sys.Shutdown() })
	return w
}

var signer = func() ans104.Signer {
	_, k, _ := ed25519.GenerateKey(rand.Reader)
	return edSigner{k}
}()

type edSigner struct{ key ed25519.PrivateKey }

func (s edSigner) SignatureType() ans104.SignatureType { return ans104.SigED25519 }
func (s edSigner) Owner() []byte                       { return s.key.Public().(ed25519.PublicKey) }
func (s edSigner) Sign(m []byte) ([]byte, error)       { return ed25519.Sign(s.key, m), nil }

func item(t *testing.T, typ string, target []byte, data string) (string, []byte) {
	it, err := ans104.New(target, nil, []ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Type", Value: typ}}, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := it.Sign(signer); err != nil {
		t.Fatal(err)
	}
	return it.ID(), it.Bytes()
}

func (w *world) do(method, path string, body []byte) *http.Response {
	w.t.Helper()
	req, _ := http.NewRequest(method, w.base+path, bytes.NewReader(body))
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	res.Body = io.NopCloser(bytes.NewReader(b))
	return res
}

func bodyOf(r *http.Response) string { b, _ := io.ReadAll(r.Body); return string(b) }

func (w *world) route(pid string) (routes.Route, bool) {
	r, ok, err := w.store.Get(context.Background(), pid)
	if err != nil {
		w.t.Fatal(err)
	}
	return r, ok
}

func TestSpawnConfirmsAfterAcceptance(t *testing.T) {
	w := newWorld(t, false, "http://su1", "http://su2")
	pid, raw := item(t, "Process", nil, "p")
	res := w.do("POST", "/", raw)
	if res.StatusCode != 200 || res.Header.Get("X-SU") != "http://su1" || res.Header.Get("X-Internal") != "" || res.Header.Get("Connection") != "" {
		t.Fatalf("spawn = %d %v", res.StatusCode, res.Header)
	}
	if r, ok := w.route(pid); !ok || r.Pending || r.SU != "http://su1" {
		t.Fatalf("route after an accepted spawn = %+v %v", r, ok)
	}
	// Messages and reads follow the route; the client's headers reach the SU.
	_, msg := item(t, "Message", mustDecode(t, pid), "m")
	if res := w.do("POST", "/", msg); res.StatusCode != 200 || res.Header.Get("X-SU") != "http://su1" {
		t.Fatalf("message = %d %v", res.StatusCode, res.Header)
	}
	if res := w.do("GET", "/"+pid+"?process-id="+pid, nil); bodyOf(res) != "page from http://su1" {
		t.Fatalf("read went elsewhere")
	}
	w.sus[0].mu.Lock()
	last := w.sus[0].got[len(w.sus[0].got)-1]
	w.sus[0].mu.Unlock()
	if last.Header.Get("X-Forwarded-For") != "127.0.0.1" || !strings.HasPrefix(last.Host, "127.0.0.1:") {
		t.Fatalf("forwarded request: host %q, X-Forwarded-For %q", last.Host, last.Header.Get("X-Forwarded-For"))
	}
}

func TestRejectedSpawnReleasesItsRoute(t *testing.T) {
	w := newWorld(t, false, "http://su1")
	w.sus[0].status = http.StatusBadRequest
	pid, raw := item(t, "Process", nil, "p")
	if res := w.do("POST", "/", raw); res.StatusCode != 400 {
		t.Fatalf("spawn = %d", res.StatusCode)
	}
	if r, ok := w.route(pid); ok {
		t.Fatalf("a rejected spawn kept its route: %+v", r)
	}
}

func TestUnansweredSpawnKeepsItsReservation(t *testing.T) {
	w := newWorld(t, false, "http://su1", "http://su2")
	w.sus[0].mu.Lock()
	w.sus[0].hang = true
	w.sus[0].mu.Unlock()
	pid, raw := item(t, "Process", nil, "p")
	res := w.do("POST", "/", raw)
	if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" {
		t.Fatalf("spawn to a silent SU = %d %v", res.StatusCode, res.Header)
	}
	r, ok := w.route(pid)
	if !ok || !r.Pending || r.SU != "http://su1" {
		t.Fatalf("route = %+v %v, want pending on su1", r, ok)
	}
	// The retry goes to the same SU, never to su2, even though su2 is next.
	w.sus[0].mu.Lock()
	w.sus[0].hang = false
	w.sus[0].mu.Unlock()
	if res := w.do("POST", "/", raw); res.StatusCode != 200 || res.Header.Get("X-SU") != "http://su1" {
		t.Fatalf("retried spawn = %d %v", res.StatusCode, res.Header)
	}
	if r, _ := w.route(pid); r.Pending {
		t.Fatal("route still pending after the SU accepted the retry")
	}
}

func TestDownSUsProcessesGet503(t *testing.T) {
	w := newWorld(t, false, "http://su1", "http://su2")
	pid, raw := item(t, "Process", nil, "p")
	w.do("POST", "/", raw)
	w.reg.mu.Lock()
	w.reg.live["http://su1"] = false
	w.reg.mu.Unlock()
	_, msg := item(t, "Message", mustDecode(t, pid), "m")
	if res := w.do("POST", "/", msg); res.StatusCode != 503 || res.Header.Get("Retry-After") == "" {
		t.Fatalf("message to a down SU's process = %d", res.StatusCode)
	}
	w.sus[1].mu.Lock()
	if len(w.sus[1].got) != 0 {
		t.Fatalf("su2 got %d requests for su1's process", len(w.sus[1].got))
	}
	w.sus[1].mu.Unlock()
	// An unknown process while an SU is down: 503, not 404 (it may be there).
	if res := w.do("GET", "/processes/"+strings.Repeat("x", 43), nil); res.StatusCode != 503 {
		t.Fatalf("unknown process with an SU down = %d", res.StatusCode)
	}
}

func TestLookupMissRepairsOrAnswers404(t *testing.T) {
	w := newWorld(t, false, "http://su1", "http://su2")
	w.sus[1].has["known-elsewhere"] = true
	if res := w.do("GET", "/processes/known-elsewhere", nil); res.StatusCode != 200 {
		t.Fatalf("process on su2 the router did not know = %d", res.StatusCode)
	}
	if r, ok := w.route("known-elsewhere"); !ok || r.Pending || r.SU != "http://su2" {
		t.Fatalf("repaired route = %+v %v", r, ok)
	}
	res := w.do("GET", "/processes/nowhere", nil)
	if res.StatusCode != 404 || !strings.Contains(bodyOf(res), "Process scheduler not found") {
		t.Fatalf("unknown process = %d", res.StatusCode)
	}
}

func TestRedirectModeAndReconcile(t *testing.T) {
	w := newWorld(t, true, "http://su1")
	pid, raw := item(t, "Process", nil, "p")
	res := w.do("POST", "/?x=1", raw)
	if res.StatusCode != 307 || res.Header.Get("Location") != "http://su1/?x=1" {
		t.Fatalf("redirected spawn = %d %q", res.StatusCode, res.Header.Get("Location"))
	}
	if r, _ := w.route(pid); !r.Pending {
		t.Fatal("a redirected spawn's route must stay pending until the SU is seen to have it")
	}
	// The client followed the redirect and the SU took it: reconcile confirms.
	w.sus[0].mu.Lock()
	w.sus[0].has[pid] = true
	w.sus[0].mu.Unlock()
	// A second reservation the SU never got is released, but only once old.
	other, otherRaw := item(t, "Process", nil, "q")
	w.do("POST", "/", otherRaw)
	n, err := w.api.Reconcile(context.Background(), -time.Hour) // every pending route is "old enough" to check
	if err != nil || n != 1 {
		t.Fatalf("Reconcile = %d, %v; want the accepted one confirmed", n, err)
	}
	if r, _ := w.route(pid); r.Pending {
		t.Fatal("not confirmed")
	}
	if _, ok := w.route(other); !ok {
		t.Fatal("a young pending route was released while its spawn may be in flight")
	}
}

func mustDecode(t *testing.T, id string) []byte {
	b, err := ans104.Decode(id)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
