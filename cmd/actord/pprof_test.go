package main

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

func TestPprofServesProfiles(t *testing.T) {
	logs := &strings.Builder{}
	stop, err := servePprof("127.0.0.1:0", slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if _, err := servePprof("not an address", slog.New(slog.DiscardHandler)); err == nil {
		t.Fatal("a bad address was accepted")
	}
	addr := strings.TrimSpace(strings.SplitN(strings.SplitN(logs.String(), "addr=", 2)[1], " ", 2)[0])
	res, err := http.Get("http://" + addr + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(b), "goroutine profile") {
		t.Fatalf("pprof = %d %.100s", res.StatusCode, b)
	}
}
