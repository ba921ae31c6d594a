package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/internal/ans104"
)

type fakeHealth struct{ err error }

func (f fakeHealth) Healthy(context.Context) error { return f.err }

func start(t *testing.T, health HealthChecker) (*Server, string) {
	t.Helper()
	s := New(slog.New(slog.NewTextHandler(t.Output(), nil)), prometheus.NewRegistry(), health)
	if err := s.Listen("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	go s.Serve()
	t.Cleanup(func() { s.Shutdown(context.Background()) })
	return s, "http://" + s.Addr().String()
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

func TestErrorTable(t *testing.T) {
	s, base := start(t, fakeHealth{})
	errs := map[string]error{
		"malformed": fmt.Errorf("reading item: %w", ans104.ErrMalformed),
		"sig":       fmt.Errorf("checking item: %w", ans104.ErrInvalidSignature),
		"notfound":  fmt.Errorf("%w: process abc", ErrNotFound),
		"conflict":  fmt.Errorf("%w: message exists", ErrConflict),
		"busy":      fmt.Errorf("%w: warming up", ErrUnavailable),
		"internal":  errors.New("disk on fire at /var/secret/path"),
		"panic":     nil,
	}
	for name, err := range errs {
		s.Echo().GET("/t/"+name, func(c echo.Context) error {
			if name == "panic" {
				panic("boom")
			}
			return err
		})
	}
	want := map[string]struct {
		status int
		body   string
	}{
		"malformed": {400, `{"error":"reading item: malformed data item"}`},
		"sig":       {400, `{"error":"checking item: signature verification failed"}`},
		"notfound":  {404, `{"error":"not found: process abc"}`},
		"conflict":  {409, `{"error":"conflict: message exists"}`},
		"busy":      {503, `{"error":"service unavailable: warming up"}`},
		"internal":  {500, `{"error":"internal error"}`},
		"panic":     {500, `{"error":"internal error"}`},
	}
	for name, w := range want {
		status, body, h := get(t, base+"/t/"+name)
		if status != w.status || strings.TrimSpace(body) != w.body || h.Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %s (%s), want %d %s", name, status, body, h.Get("Content-Type"), w.status, w.body)
		}
	}
	if status, _, _ := get(t, base+"/health"); status != 200 {
		t.Errorf("/health after a panic = %d; the listener must survive", status)
	}
}

func TestHealthUnavailable(t *testing.T) {
	_, base := start(t, fakeHealth{errors.New("actor system stalled")})
	status, body, _ := get(t, base+"/health")
	if status != 503 || !strings.Contains(body, "actor system stalled") {
		t.Fatalf("/health = %d %s, want 503", status, body)
	}
}

func TestBodyLimitAndCORS(t *testing.T) {
	s, base := start(t, fakeHealth{})
	s.Echo().POST("/", func(c echo.Context) error {
		b, err := io.ReadAll(c.Request().Body)
		if err != nil {
			return err
		}
		return c.String(200, fmt.Sprint(len(b)))
	})
	res, err := http.Post(base+"/", "application/octet-stream", bytes.NewReader(make([]byte, MaxBodyBytes+1)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("11 MiB body = %d, want 413", res.StatusCode)
	}
	res, err = http.Post(base+"/", "application/octet-stream", bytes.NewReader(make([]byte, MaxBodyBytes)))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("10 MiB body = %d, want 200", res.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodOptions, base+"/", nil)
	req.Header.Set("Origin", "https://app.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("CORS preflight: Allow-Origin = %q, want *", res.Header.Get("Access-Control-Allow-Origin"))
	}
}

// TestShutdownDrainsInFlight checks that a request that started before
// Shutdown completes, and that new connections are refused.
func TestShutdownDrainsInFlight(t *testing.T) {
	s, base := start(t, fakeHealth{})
	entered, release := make(chan struct{}), make(chan struct{})
	s.Echo().GET("/slow", func(c echo.Context) error {
		close(entered)
		<-release
		return c.String(200, "done")
	})
	result := make(chan string, 1)
	go func() {
		_, body, _ := get(t, base+"/slow")
		result <- body
	}()
	<-entered
	shut := make(chan error, 1)
	go func() { shut <- s.Shutdown(context.Background()) }()
	// Shutdown closes the listener first; wait until new requests fail.
	for i := 0; ; i++ {
		if _, err := http.Get(base + "/health"); err != nil {
			break
		}
		if i > 500 {
			t.Fatal("server still accepts connections during shutdown")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned %v while a request was in flight", err)
	default:
	}
	close(release)
	if body := <-result; body != "done" {
		t.Fatalf("in-flight request got %q", body)
	}
	if err := <-shut; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
}

func TestShutdownDeadline(t *testing.T) {
	s, base := start(t, fakeHealth{})
	entered, returned := make(chan struct{}), make(chan struct{})
	s.Echo().GET("/stuck", func(c echo.Context) error {
		defer close(returned)
		close(entered)
		<-c.Request().Context().Done()
		return c.Request().Context().Err()
	})
	go http.Get(base + "/stuck")
	<-entered
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := s.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Shutdown with a stuck request = %v, want DeadlineExceeded", err)
	}
	<-returned // past the deadline the connection is closed and the handler sees it
}
