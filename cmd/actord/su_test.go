package main

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/cucheck"
	"github.com/actord/actord/internal/fakeweave"
	"github.com/actord/actord/internal/pgtest"
	"github.com/actord/actord/internal/testvectors"
)

// suProcess is `actord su` running as a real OS process.
type suProcess struct {
	cmd  *exec.Cmd
	base string
	logs *bytes.Buffer
	mu   *sync.Mutex
	done chan struct{}
}

func startSU(t *testing.T, dataDir string, env ...string) *suProcess {
	t.Helper()
	return startSUOn(t, 0, dataDir, env...)
}

// startSUOn starts an SU on a given port (0 picks one).
func startSUOn(t *testing.T, port int, dataDir string, env ...string) *suProcess {
	t.Helper()
	p := startActord(t, []string{"su", fmt.Sprint(port), "--http-addr", "127.0.0.1:0", "--su-data-dir", dataDir}, env)
	// Ready for writes once the gateway has given a block height.
	p.waitFor(t, "a block height", func() bool {
		res, err := http.Get(p.base + "/timestamp")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == 200
	})
	return p
}

// startActord runs actord with args (JSON logs, no .env) and env as an
// OS process, and returns once its HTTP API listens.
func startActord(t *testing.T, args, env []string) *suProcess {
	t.Helper()
	cmd := actordCmd(t, append(args, "--log-format", "json", "--env-file", "/dev/null")...)
	cmd.Env = append(cmd.Env, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &suProcess{cmd: cmd, logs: &bytes.Buffer{}, mu: &sync.Mutex{}, done: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			p.mu.Lock()
			p.logs.Write(sc.Bytes())
			p.logs.WriteByte('\n')
			p.mu.Unlock()
			var rec struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "HTTP API listening" {
				addr <- rec.Addr
			}
		}
	}()
	select {
	case a := <-addr:
		p.base = "http://" + a
	case <-p.done:
		t.Fatalf("actord %s exited during start-up:\n%s", args[0], p.log())
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatalf("actord %s did not start:\n%s", args[0], p.log())
	}
	return p
}

// waitFor polls cond until it holds, failing the test after a minute.
func (p *suProcess) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("actord never got %s:\n%s", what, p.log())
		}
		select {
		case <-p.done:
			t.Fatalf("actord exited while waiting for %s:\n%s", what, p.log())
		default:
		}
	}
}

func (p *suProcess) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logs.String()
}

func (p *suProcess) kill() {
	p.cmd.Process.Signal(syscall.SIGKILL)
	p.cmd.Wait()
	<-p.done
}

func (p *suProcess) stop(t *testing.T) {
	t.Helper()
	p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("actord su exited with %v:\n%s", err, p.log())
	}
	<-p.done
}

func post(base string, body []byte) (int, string, error) {
	res, err := http.Post(base+"/", "application/octet-stream", bytes.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var m struct{ ID string }
	json.Unmarshal(b, &m)
	if res.StatusCode != 200 {
		return res.StatusCode, string(b), nil
	}
	return 200, m.ID, nil
}

// edSigner signs client items with ed25519 (fast; the SU accepts it).
type edSigner struct{ key ed25519.PrivateKey }

func (s edSigner) SignatureType() ans104.SignatureType { return ans104.SigED25519 }
func (s edSigner) Owner() []byte                       { return s.key.Public().(ed25519.PublicKey) }
func (s edSigner) Sign(m []byte) ([]byte, error)       { return ed25519.Sign(s.key, m), nil }

func newClient() edSigner {
	_, k, _ := ed25519.GenerateKey(rand.Reader)
	return edSigner{k}
}

func (s edSigner) item(t testing.TB, target []byte, typ string, data string) (string, []byte) {
	tags := []ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Variant", Value: "ao.TN.1"}, {Name: "Type", Value: typ}}
	if typ == "Process" {
		tags = append(tags, ans104.Tag{Name: "Module", Value: strings.Repeat("m", 43)}, ans104.Tag{Name: "Scheduler", Value: strings.Repeat("s", 43)})
	}
	it, err := ans104.New(target, nil, tags, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := it.Sign(s); err != nil {
		t.Fatal(err)
	}
	return it.ID(), it.Bytes()
}

// TestSUProcessRestart runs the SU as an OS process: writes, a clean
// stop, a restart on the same data, and uploads to the bundler.
func TestSUProcessRestart(t *testing.T) {
	gw := fakeweave.New(1600000)
	defer gw.Close()
	dir := t.TempDir()
	env := []string{"GATEWAY_URL=" + gw.URL, "UPLOAD_NODE_URL=" + gw.URL}
	p := startSU(t, dir, env...)
	vec := filepath.Join("..", "..", "internal", "ans104", "testdata")
	if st, id, _ := post(p.base, testvectors.Read(t, vec, "fresh-process.bin")); st != 200 {
		t.Fatalf("spawn = %d %s\n%s", st, id, p.log())
	}
	exp := testvectors.LoadExpected(t, vec)
	pid := exp.Fresh.ProcessID
	if st, id, _ := post(p.base, testvectors.Read(t, vec, "fresh-arweave.bin")); st != 200 || id != exp.Items["fresh-arweave.bin"].ID {
		t.Fatalf("message = %d %s", st, id)
	}
	p.stop(t)
	if !strings.Contains(p.log(), `"msg":"actord stopped"`) {
		t.Fatalf("no clean stop:\n%s", p.log())
	}
	p = startSU(t, dir, env...)
	defer p.stop(t)
	if st, id, _ := post(p.base, testvectors.Read(t, vec, "fresh-ethereum.bin")); st != 200 {
		t.Fatalf("message after restart = %d %s", st, id)
	}
	s := walkVerified(t, p.base, pid, 100, 3)
	// Each item and each assignment reaches the bundler.
	waitUploads(t, gw, s)
}

func waitUploads(t *testing.T, gw *fakeweave.Server, s []cucheck.Scheduled) {
	t.Helper()
	deadline := time.Now().Add(time.Minute) // hang guard
	for {
		got := map[string]bool{}
		for _, id := range gw.Uploaded() {
			got[id] = true
		}
		missing := 0
		for _, e := range s {
			if !got[e.AssignmentID] || !e.IsAssignment && !got[e.ID] {
				missing++
			}
		}
		if missing == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d entries not uploaded", missing)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSUCrashRecovery kills the SU with SIGKILL at random moments while
// clients write concurrently, many times. After every restart, every
// acknowledged write is present, nonces are gap-free and the hash chain
// verifies; at the end the outbox delivers every item to the bundler.
func TestSUCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the crash test in -short mode")
	}
	t.Run("pebble", func(t *testing.T) { testSUCrashRecovery(t, nil) })
	t.Run("postgres", func(t *testing.T) { testSUCrashRecovery(t, []string{"DATABASE_URL=" + pgtest.Database(t)}) })
	t.Run("postgres+disk", func(t *testing.T) {
		testSUCrashRecovery(t, []string{"DATABASE_URL=" + pgtest.Database(t), "USE_DISK=true"})
	})
}

func testSUCrashRecovery(t *testing.T, storeEnv []string) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := mrand.New(mrand.NewPCG(uint64(seed), 0))
	gw := fakeweave.New(1600000)
	defer gw.Close()
	gw.SetDown(false)
	dir := t.TempDir()
	// Uploads go to a bundler that is down until the end, so that the
	// outbox must survive every crash.
	bundler := fakeweave.New(1)
	bundler.SetDown(true)
	defer bundler.Close()
	env := append([]string{"GATEWAY_URL=" + gw.URL, "UPLOAD_NODE_URL=" + bundler.URL}, storeEnv...)

	client := newClient()
	const procs = 3
	var pids []string
	var targets [][]byte
	acked := map[string]string{} // message id -> process id
	p := startSU(t, dir, env...)
	for i := 0; i < procs; i++ {
		id, raw := client.item(t, nil, "Process", fmt.Sprint(i))
		if st, got, _ := post(p.base, raw); st != 200 || got != id {
			t.Fatalf("spawn = %d %s", st, got)
		}
		b, _ := ans104.DecodeID(id)
		pids, targets = append(pids, id), append(targets, b[:])
	}
	var mu sync.Mutex
	rounds := 8
	for round := 0; round < rounds; round++ {
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := 0; w < 6; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; ; n++ {
					select {
					case <-stop:
						return
					default:
					}
					k := (w + n) % procs
					id, raw := client.item(t, targets[k], "Message", fmt.Sprintf("r%d w%d n%d", round, w, n))
					st, got, err := post(p.base, raw)
					if err != nil {
						return // the SU died under us: this write is not acknowledged
					}
					if st == 200 {
						if got != id {
							t.Errorf("acknowledged id %s, sent %s", got, id)
						}
						mu.Lock()
						acked[id] = pids[k]
						mu.Unlock()
					}
				}
			}()
		}
		time.Sleep(time.Duration(50+rng.IntN(400)) * time.Millisecond)
		p.kill()
		close(stop)
		wg.Wait()
		p = startSU(t, dir, env...)
		checkSchedules(t, p.base, pids, acked)
	}
	mu.Lock()
	n := len(acked)
	mu.Unlock()
	if n == 0 {
		t.Fatal("no write was acknowledged; the test exercised nothing")
	}
	t.Logf("%d rounds, %d acknowledged writes", rounds, n)
	bundler.SetDown(false)
	for _, pid := range pids {
		s, err := cucheck.Walk(t.Context(), http.DefaultClient, p.base, pid, 1000)
		if err != nil {
			t.Fatal(err)
		}
		waitUploads(t, bundler, s)
	}
	p.stop(t)
}

// walkVerified reads pid's whole schedule from base in pages as a compute
// unit does, checks it with the CU's rules, and wants want entries.
func walkVerified(t *testing.T, base, pid string, pageSize, want int) []cucheck.Scheduled {
	t.Helper()
	s := walkCU(t, base, pid, pageSize)
	if len(s) != want {
		t.Fatalf("schedule of %s on %s has %d entries, want %d", pid, base, len(s), want)
	}
	return s
}

// walkCU reads and checks pid's schedule as a compute unit does.
func walkCU(t *testing.T, base, pid string, pageSize int) []cucheck.Scheduled {
	t.Helper()
	s, err := cucheck.Walk(t.Context(), http.DefaultClient, base, pid, pageSize)
	if err != nil {
		t.Fatalf("walk %s on %s: %v", pid, base, err)
	}
	if err := cucheck.Verify(pid, s); err != nil {
		t.Fatalf("schedule of %s on %s: %v", pid, base, err)
	}
	return s
}

func checkSchedules(t *testing.T, base string, pids []string, acked map[string]string) {
	t.Helper()
	present := map[string]bool{}
	for _, pid := range pids {
		s, err := cucheck.Walk(t.Context(), http.DefaultClient, base, pid, 500)
		if err != nil {
			t.Fatalf("walk %s: %v", pid, err)
		}
		if err := cucheck.Verify(pid, s); err != nil {
			t.Fatalf("process %s after a crash: %v", pid, err)
		}
		for _, e := range s {
			present[e.ID] = true
		}
	}
	for id := range acked {
		if !present[id] {
			t.Fatalf("acknowledged write %s is missing after a crash", id)
		}
	}
}

// TestSUSurvivesPostgresRestart stops PostgreSQL while clients write: the
// SU answers 503 (never 500, never a hang), loses no acknowledged write,
// and serves again once the database is back.
func TestSUSurvivesPostgresRestart(t *testing.T) {
	pg, err := pgtest.Start()
	if err != nil {
		if errors.Is(err, pgtest.ErrNoBinaries) && os.Getenv("CI") == "" {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	defer pg.Stop()
	dsn, err := pg.NewDatabase(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	gw := fakeweave.New(1600000)
	defer gw.Close()
	p := startSU(t, t.TempDir(), "GATEWAY_URL="+gw.URL, "DATABASE_URL="+dsn)
	defer p.stop(t)
	client := newClient()
	pid, raw := client.item(t, nil, "Process", "pg")
	if st, got, _ := post(p.base, raw); st != 200 {
		t.Fatalf("spawn = %d %s", st, got)
	}
	target, _ := ans104.DecodeID(pid)

	var mu sync.Mutex
	acked := map[string]string{}
	statuses := map[int]int{}
	phase := 0 // 0 before the outage, 1 during, 2 after
	okAfter := 0
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				id, body := client.item(t, target[:], "Message", fmt.Sprintf("w%d n%d", w, n))
				st, got, err := post(p.base, body)
				if err != nil {
					t.Errorf("POST failed at the HTTP level: %v", err)
					return
				}
				mu.Lock()
				statuses[st]++
				if st == 200 {
					acked[id] = pid
					if phase == 2 {
						okAfter++
					}
				} else if st != 503 {
					t.Errorf("POST = %d %s, want 200 or 503", st, got)
				}
				mu.Unlock()
				time.Sleep(2 * time.Millisecond)
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	if err := pg.Kill(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	phase = 1
	mu.Unlock()
	time.Sleep(700 * time.Millisecond)
	if err := pg.Restart(); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	phase = 2
	mu.Unlock()
	deadline := time.Now().Add(time.Minute) // hang guard
	for {
		mu.Lock()
		n := okAfter
		mu.Unlock()
		if n >= 20 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	t.Logf("statuses %v, %d writes acknowledged after the restart", statuses, okAfter)
	if statuses[503] == 0 {
		t.Errorf("no 503 while PostgreSQL was down")
	}
	if okAfter < 20 {
		t.Fatalf("only %d writes succeeded after PostgreSQL came back", okAfter)
	}
	checkSchedules(t, p.base, []string{pid}, acked)
}

// TestMigToUseDisk runs the SU on PostgreSQL, moves its bytes with actord
// mig in two ranges, and restarts it with USE_DISK=true: the schedule
// reads back the same, raw bytes included.
func TestMigToUseDisk(t *testing.T) {
	dsn := pgtest.Database(t)
	gw := fakeweave.New(1600000)
	defer gw.Close()
	dir := t.TempDir()
	env := []string{"GATEWAY_URL=" + gw.URL, "DATABASE_URL=" + dsn}
	p := startSU(t, dir, env...)
	client := newClient()
	pid, raw := client.item(t, nil, "Process", "mig")
	if st, got, _ := post(p.base, raw); st != 200 {
		t.Fatalf("spawn = %d %s", st, got)
	}
	target, _ := ans104.DecodeID(pid)
	items := map[string][]byte{pid: raw}
	for i := 0; i < 12; i++ {
		id, body := client.item(t, target[:], "Message", fmt.Sprint("m", i))
		if st, got, _ := post(p.base, body); st != 200 {
			t.Fatalf("message = %d %s", st, got)
		}
		items[id] = body
	}
	p.stop(t)
	for _, rng := range []string{"0-5", "5"} {
		cmd := actordCmd(t, "mig", rng, "--su-data-dir", dir, "--env-file", os.DevNull, "--migration-batch-size", "4")
		cmd.Env = append(cmd.Env, "DATABASE_URL="+dsn)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "moved") {
			t.Fatalf("actord mig %s: %v\n%s", rng, err, out)
		}
	}
	p = startSU(t, dir, append(env, "USE_DISK=true")...)
	defer p.stop(t)
	walkVerified(t, p.base, pid, 5, 13)
	for id, want := range items {
		res, err := http.Get(p.base + "/" + id + "/raw?process-id=" + pid)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !bytes.Equal(got, want) {
			t.Fatalf("raw %s after mig = %d, bytes differ", id, res.StatusCode)
		}
	}
	// New writes go to disk as well.
	id, body := client.item(t, target[:], "Message", "after")
	if st, got, _ := post(p.base, body); st != 200 || got != id {
		t.Fatalf("write with USE_DISK = %d %s", st, got)
	}
}
