package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/fakeweave"
	"github.com/actord/actord/internal/wallet"
)

// cmdBenchRouter measures what the router adds: the same requests sent
// to an SU directly and through a router in front of it, both running
// as separate actord processes on loopback.
func cmdBenchRouter(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bench router", "actord bench router [flags]", stderr)
	writes := fs.Int("writes", 1000, "messages to one process, per target")
	reads := fs.Int("reads", 4000, "page-of-100 reads, per target")
	small := fs.Int("small", 4000, "GET /processes/{id} (a small answer: the router's overhead shows most), per target")
	conc := fs.Int("concurrency", 8, "concurrent HTTP clients")
	if code, ok := parseNoArgs(fs, args); !ok {
		return code
	}
	if err := benchRouter(stdout, stderr, *writes, *reads, *small, *conc); err != nil {
		fmt.Fprintf(stderr, "actord bench router: %v\n", err)
		return exitFailure
	}
	return exitOK
}

func benchRouter(out, stderr io.Writer, writes, reads, small, conc int) error {
	dir, err := os.MkdirTemp("", "actord-bench-router-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	gw := fakeweave.New(1600000)
	defer gw.Close()
	walletPath := filepath.Join(dir, "wallet.json")
	if _, err := wallet.Generate(walletPath); err != nil {
		return err
	}
	amPort, err := freeLoopbackPort()
	if err != nil {
		return err
	}
	env := []string{"GATEWAY_URL=" + gw.URL, "SU_WALLET_PATH=" + walletPath, "ACTORD_CLUSTER_PROVIDER=automanaged",
		fmt.Sprintf("ACTORD_CLUSTER_SEEDS=127.0.0.1:%d", amPort), fmt.Sprintf("ACTORD_AUTOMANAGED_PORT=%d", amPort),
		"ACTORD_CLUSTER_NAME=bench"}
	stderr = &lockedWriter{w: stderr} // both children report to it
	ctx, cancel := context.WithCancel(context.Background())
	var children sync.WaitGroup
	defer func() { cancel(); children.Wait() }() // children stop and stop writing to stderr before we return
	suBase, err := startChild(ctx, &children, stderr, []string{"su", "0", "--http-addr", "127.0.0.1:0", "--su-data-dir", filepath.Join(dir, "su")}, env)
	if err != nil {
		return err
	}
	routerBase, err := startChild(ctx, &children, stderr, []string{"router", "0", "--http-addr", "127.0.0.1:0", "--su-data-dir", filepath.Join(dir, "router")}, env)
	if err != nil {
		return err
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc}}
	if err := waitHTTP(client, routerBase+"/timestamp", time.Minute); err != nil {
		return fmt.Errorf("the router never saw the SU live: %w", err)
	}
	b := &bench{out: out, conc: conc, client: client, base: routerBase}
	key, err := rsa.GenerateKey(rand.Reader, 4096)
	if err != nil {
		return err
	}
	if b.signer, err = ans104.NewRSASigner(key); err != nil {
		return err
	}
	hot, err := b.spawn(0) // through the router: it places and confirms the route
	if err != nil {
		return err
	}
	pid := ans104.Encode(hot[:])
	fmt.Fprintf(out, "actord bench router: SU %s, router %s (separate processes, automanaged membership), %d CPUs, %s, %d clients\n\n",
		suBase, routerBase, runtime.NumCPU(), runtime.Version(), conc)
	fmt.Fprintf(out, "| run | target | requests | per second | p50 | p99 |\n|---|---|---|---|---|---|\n")
	targets := []struct{ name, base string }{{"SU direct", suBase}, {"through router", routerBase}}
	// Warm both paths (connections, remoting endpoints) before measuring.
	for _, t := range targets {
		b.base = t.base
		if _, err := b.load("warm-up", repeat([]byte("/processes/"+pid), 200), b.get); err != nil {
			return err
		}
	}
	runs := []struct {
		name string
		reqs func() [][]byte
		do   func([]byte) (time.Duration, error)
	}{
		{"GET /processes/{id}", func() [][]byte { return repeat([]byte("/processes/"+pid), small) }, b.get},
		{"messages to one process (RSA-signed, fsync)", func() [][]byte {
			return b.sign(writes, func(i int) ([]byte, []ans104.Tag) { return hot[:], msgTags(i) })
		}, b.post},
		{"page-of-100 reads", func() [][]byte {
			paths := make([][]byte, reads)
			for i := range paths {
				paths[i] = []byte(fmt.Sprintf("/%s?process-id=%s&from-nonce=%d&limit=100", pid, pid, (i*37)%max(writes-100, 1)))
			}
			return paths
		}, b.get},
	}
	for _, r := range runs {
		for _, t := range targets {
			reqs := r.reqs() // signed before timing; fresh items per target
			b.base = t.base
			res, err := b.load(r.name, reqs, r.do)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "| %s | %s | %d | %.0f | %.2f ms | %.2f ms |\n", r.name, t.name, res.n, res.rate,
				float64(res.p50.Microseconds())/1000, float64(res.p99.Microseconds())/1000)
		}
	}
	return nil
}

func repeat(b []byte, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = b
	}
	return out
}

func freeLoopbackPort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func waitHTTP(c *http.Client, url string, within time.Duration) error {
	var last error
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		res, err := c.Get(url)
		if err != nil {
			last = err
			continue
		}
		res.Body.Close()
		if res.StatusCode == 200 {
			return nil
		}
		last = fmt.Errorf("%s answered %d", url, res.StatusCode)
	}
	return last
}

// startChild runs this executable with args as a child that lives until
// ctx ends, and returns its HTTP base URL once it listens; wg is done when
// the child has exited and its output is read.
func startChild(ctx context.Context, wg *sync.WaitGroup, stderr io.Writer, args, env []string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	cmd := exec.CommandContext(ctx, exe, append(args, "--log-format", "json", "--env-file", os.DevNull)...)
	cmd.Env = append(append(os.Environ(), env...), "ACTORD_TEST_MAIN=1") // lets a test binary act as actord
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 30 * time.Second
	pipe, err := cmd.StderrPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	addr := make(chan string, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer cmd.Wait() // after the pipe is drained, as os/exec requires
		sc := bufio.NewScanner(pipe)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var rec struct{ Msg, Addr, Level string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "HTTP API listening" {
				addr <- rec.Addr
			} else if rec.Level == "ERROR" || !strings.HasPrefix(sc.Text(), "{") {
				fmt.Fprintf(stderr, "%s: %s\n", args[0], sc.Text())
			}
		}
	}()
	select {
	case a := <-addr:
		return "http://" + a, nil
	case <-time.After(time.Minute):
		return "", fmt.Errorf("actord %s did not start", args[0])
	}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}
