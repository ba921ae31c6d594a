package suremote

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/asynkron/protoactor-go/actor"

	"github.com/actord/actord/actors/su"
	"github.com/actord/actord/messages"
)

func TestServesThroughTheHandler(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Seen", r.Method+" "+r.URL.Path+"?"+r.URL.RawQuery+" host="+r.Host+" from="+r.RemoteAddr+" ct="+r.Header.Get("Content-Type"))
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		w.WriteHeader(http.StatusConflict)
		w.Write(append([]byte("echo:"), b...))
	})
	status := func(context.Context) (su.Status, error) { return su.Status{Ready: true, Sequencers: 7}, nil }
	sys := actor.NewActorSystem()
	pid := sys.Root.Spawn(NewProps(Config{Handler: h, Status: status, URL: "http://su1:9000", Address: "addr", Logger: slog.New(slog.DiscardHandler)}))
	defer sys.Root.Stop(pid)

	res, err := sys.Root.RequestFuture(pid, &messages.HTTPRequest{
		Method: "POST", Uri: "/x?process-id=p", Body: []byte("item"), RemoteAddr: "10.0.0.1:5",
		Headers: []*messages.Header{{Name: "Host", Values: []string{"router:9000"}}, {Name: "Content-Type", Values: []string{"application/octet-stream"}}},
	}, 5*time.Second).Result()
	if err != nil {
		t.Fatal(err)
	}
	r := res.(*messages.HTTPResponse)
	hdr := http.Header{}
	for _, x := range r.Headers {
		hdr[x.Name] = x.Values
	}
	if r.Status != 409 || string(r.Body) != "echo:item" || len(hdr.Values("Set-Cookie")) != 2 ||
		hdr.Get("X-Seen") != "POST /x?process-id=p host=router:9000 from=10.0.0.1:5 ct=application/octet-stream" {
		t.Fatalf("answer = %d %q %v", r.Status, r.Body, hdr)
	}

	res, err = sys.Root.RequestFuture(pid, &messages.SUInfoRequest{}, 5*time.Second).Result()
	if info, ok := res.(*messages.SUInfo); err != nil || !ok || info.Url != "http://su1:9000" || !info.Ready || info.Active != 7 || info.Address != "addr" {
		t.Fatalf("info = %v, %v", res, err)
	}
}

func TestNotReadyWhenStatusFails(t *testing.T) {
	status := func(context.Context) (su.Status, error) { return su.Status{}, errors.New("supervisor gone") }
	sys := actor.NewActorSystem()
	pid := sys.Root.Spawn(NewProps(Config{Handler: http.NotFoundHandler(), Status: status, URL: "http://su1", Logger: slog.New(slog.DiscardHandler)}))
	defer sys.Root.Stop(pid)
	res, err := sys.Root.RequestFuture(pid, &messages.SUInfoRequest{}, 5*time.Second).Result()
	if info, ok := res.(*messages.SUInfo); err != nil || !ok || info.Ready {
		t.Fatalf("info = %v, %v; want not ready", res, err)
	}
	// A malformed forwarded request gets a 400, not a panic.
	res, err = sys.Root.RequestFuture(pid, &messages.HTTPRequest{Method: "BAD METHOD", Uri: "/"}, 5*time.Second).Result()
	if r, ok := res.(*messages.HTTPResponse); err != nil || !ok || r.Status != 400 {
		t.Fatalf("malformed = %v, %v", res, err)
	}
}
