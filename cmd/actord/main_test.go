package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/internal/pgtest"
)

// TestMain lets tests run the actord binary as a subprocess: the test
// binary re-executes itself with ACTORD_TEST_MAIN=1 and acts as actord.
func TestMain(m *testing.M) {
	if os.Getenv("ACTORD_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	code := m.Run()
	pgtest.StopShared()
	os.Exit(code)
}

func actordCmd(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ACTORD_TEST_MAIN=1")
	cmd.Dir = t.TempDir()
	return cmd
}

func runCapture(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestCommandLineErrors(t *testing.T) {
	// A router without cluster membership says what it needs.
	code, _, stderr := runCapture("router", "9000", "--env-file", "/dev/null", "--su-data-dir", t.TempDir())
	if code != exitFailure || !strings.Contains(stderr, "ACTORD_CLUSTER_PROVIDER") {
		t.Errorf("actord router 9000 = %d %q, want 1 and the missing setting", code, stderr)
	}
	for _, args := range [][]string{{"router"}, {"router", "http"}, {"bench", "router", "extra"}, {"check-config", "extra"}, {"devnet", "extra"}, {"scheduler", "extra"}} {
		if code, _, stderr := runCapture(args...); code != exitUsage {
			t.Errorf("actord %v = %d %q, want 2", args, code, stderr)
		}
	}
	if code, _, _ := runCapture("frobnicate"); code != exitUsage {
		t.Errorf("unknown command exit = %d, want 2", code)
	}
	for _, args := range [][]string{{"su"}, {"su", "http"}, {"su", "1", "2"}} {
		if code, _, stderr := runCapture(args...); code != exitUsage {
			t.Errorf("actord %v = %d %q, want 2", args, code, stderr)
		}
	}
	if code, out, _ := runCapture("version"); code != 0 || !strings.HasPrefix(out, "actord ") {
		t.Errorf("version = %d %q", code, out)
	}
}

func TestWalletGenerateCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.json")
	code, out, stderr := runCapture("wallet", "generate", path)
	if code != 0 || len(strings.TrimSpace(out)) != 43 {
		t.Fatalf("wallet generate = %d %q %q", code, out, stderr)
	}
	if code, _, stderr := runCapture("wallet", "generate", path); code != exitFailure || !strings.Contains(stderr, "refusing to overwrite") {
		t.Fatalf("second wallet generate = %d %q", code, stderr)
	}
	// The generated wallet passes check-config.
	t.Setenv("SU_WALLET_PATH", path)
	t.Setenv("SU_DATA_DIR", t.TempDir())
	if code, out, stderr := runCapture("check-config", "--env-file", os.DevNull); code != 0 || !strings.Contains(out, "configuration OK") {
		t.Fatalf("check-config with the generated wallet = %d\n%s\n%s", code, out, stderr)
	}
}

func TestCheckConfigReportsEverything(t *testing.T) {
	t.Setenv("DATABASE_URL", "postgres://su:topsecret@db:5432/su?connect_timeout=x")
	t.Setenv("DB_READ_CONNECTIONS", "lots")
	t.Setenv("MODE", "router")
	code, out, stderr := runCapture("check-config", "--env-file", os.DevNull, "--gateway-url", "gopher://x")
	if code != exitFailure {
		t.Fatalf("exit = %d, want 1", code)
	}
	for _, want := range []string{"DATABASE_URL", "DB_READ_CONNECTIONS", "ACTORD_CLUSTER_PROVIDER", "GATEWAY_URL", "4 configuration problem(s)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not mention %s:\n%s", want, stderr)
		}
	}
	if strings.Contains(out+stderr, "topsecret") {
		t.Errorf("check-config printed the database password:\n%s\n%s", out, stderr)
	}
	if !strings.Contains(out, "GATEWAY_URL") || !strings.Contains(out, "flag") {
		t.Errorf("effective settings table missing:\n%s", out)
	}
}

// TestNodeServesHealthAndMetrics runs the node in-process and checks what
// `make run` promises: /health and /metrics with Go and protoactor series.
func TestNodeServesHealthAndMetrics(t *testing.T) {
	fs := newFlagSet("t", "t", io.Discard)
	flags := config.Register(fs)
	if err := fs.Parse([]string{"--http-addr", "127.0.0.1:0", "--env-file", os.DevNull, "--su-data-dir", t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	r, err := config.Resolve(flags, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	logger := slog.New(slog.NewTextHandler(t.Output(), nil))
	go func() { done <- runNode(ctx, r, roles{su: true}, logger, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("node stopped early: %v", err)
	}
	base := "http://" + addr
	res, err := http.Get(base + "/health")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("/health = %d", res.StatusCode)
	}
	res, err = http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, want := range []string{"go_goroutines", "process_resident_memory_bytes", "protoactor_actor_spawn_count_total", "actord_build_info", `actord_http_requests_total{code="200",method="GET",route="/health"} 1`} {
		if !bytes.Contains(body, []byte(want)) {
			t.Errorf("/metrics has no %s", want)
		}
	}
	res, err = http.Get(base + "/no/such/route")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 404 || res.Header.Get("Content-Type") != "application/json" || !json.Valid(body) {
		t.Errorf("unknown route = %d %q %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("runNode: %v", err)
	}
}

// TestSIGTERMShutsDownGracefully runs actord as a process and stops it the
// way an operator or systemd does.
func TestSIGTERMShutsDownGracefully(t *testing.T) {
	cmd := actordCmd(t, "--http-addr", "127.0.0.1:0", "--log-format", "json")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	var addr string
	var logs []string
	for addr == "" && lines.Scan() {
		logs = append(logs, lines.Text())
		var rec struct{ Msg, Addr string }
		if json.Unmarshal(lines.Bytes(), &rec) == nil && rec.Msg == "HTTP API listening" {
			addr = rec.Addr
		}
	}
	if addr == "" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("actord never listened; log:\n%s", strings.Join(logs, "\n"))
	}
	if res, err := http.Get("http://" + addr + "/health"); err != nil || res.StatusCode != 200 {
		t.Fatalf("/health: %v", err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() {
		logs = append(logs, lines.Text())
	}
	waitErr := make(chan error, 1)
	go func() { waitErr <- cmd.Wait() }()
	select {
	case err := <-waitErr:
		if err != nil {
			t.Fatalf("actord exited with %v; log:\n%s", err, strings.Join(logs, "\n"))
		}
	case <-time.After(time.Minute): // a hang guard, not a timing assertion
		cmd.Process.Kill()
		t.Fatal("actord did not exit after SIGTERM")
	}
	if !strings.Contains(strings.Join(logs, "\n"), `"msg":"actord stopped"`) {
		t.Errorf("no clean stop in the log:\n%s", strings.Join(logs, "\n"))
	}
	if _, err := http.Get("http://" + addr + "/health"); err == nil {
		t.Errorf("actord still answers after shutdown")
	}
}

func TestBusyPortFailsStartup(t *testing.T) {
	ln, err := (&net.ListenConfig{}).Listen(t.Context(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cmd := actordCmd(t, "--http-addr", ln.Addr().String(), "--log-format", "json")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailure || !bytes.Contains(out, []byte("address already in use")) {
		t.Fatalf("actord on a busy port: %v\n%s", err, out)
	}
}
