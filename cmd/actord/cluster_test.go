package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/actord/actord/internal/fakeweave"
	"github.com/actord/actord/internal/pgtest"
	"github.com/actord/actord/internal/wallet"
)

// cluster is a test cluster of real actord processes on loopback.
type testCluster struct {
	t       *testing.T
	gw      *fakeweave.Server
	env     []string // shared by every node
	seeds   []string // automanaged ports, one per SU seat
	ports   []int    // HTTP ports, one per SU seat: an SU's URL is its identity
	remotes []int    // remoting ports, fixed per seat as in production
	raceDir string
}

func newTestCluster(t *testing.T, seats int) *testCluster {
	gw := fakeweave.New(1600000)
	t.Cleanup(gw.Close)
	w := filepath.Join(t.TempDir(), "wallet.json")
	if _, err := wallet.Generate(w); err != nil {
		t.Fatal(err)
	}
	c := &testCluster{t: t, gw: gw, raceDir: t.TempDir()}
	for range seats {
		c.seeds = append(c.seeds, fmt.Sprintf("127.0.0.1:%d", freePort(t)))
		c.ports = append(c.ports, freePort(t))
		c.remotes = append(c.remotes, freePort(t))
	}
	c.env = []string{
		"GATEWAY_URL=" + gw.URL, "SU_WALLET_PATH=" + w,
		"ACTORD_CLUSTER_PROVIDER=automanaged", "ACTORD_CLUSTER_NAME=test" + fmt.Sprint(time.Now().UnixNano()),
		"ACTORD_CLUSTER_SEEDS=" + strings.Join(c.seeds, ","),
		// Built with -race, the nodes would report protoactor's own
		// cluster races (stack.md) and exit 66; collect the reports and
		// fail only on races that are not upstream's.
		"GORACE=exitcode=0 log_path=" + filepath.Join(c.raceDir, "race"),
	}
	t.Cleanup(c.checkRaces)
	return c
}

func freePort(t *testing.T) int {
	p, err := freeLoopbackPort()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (c *testCluster) checkRaces() {
	files, _ := filepath.Glob(filepath.Join(c.raceDir, "race*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, report := range strings.Split(string(b), "WARNING: DATA RACE")[1:] {
			if !upstreamRace(report) {
				c.t.Errorf("a node reported a data race outside protoactor:\n%s", report)
			}
		}
	}
}

// upstreamRace reports whether both racing accesses happen in
// protoactor's own code (stack.md lists its known cluster and remoting
// races). For each access, the innermost frame that is either
// protoactor's or ours decides; runtime, library (gofun, grpc) and file
// lines are skipped, and our code may appear further out, as the caller.
func upstreamRace(report string) bool {
	lines := strings.Split(report, "\n")
	accesses := 0
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if !(strings.HasPrefix(l, "Read at") || strings.HasPrefix(l, "Write at") ||
			strings.HasPrefix(l, "Previous read at") || strings.HasPrefix(l, "Previous write at")) {
			continue
		}
		accesses++
		owner := ""
		for _, f := range lines[i+1:] {
			f = strings.TrimSpace(f)
			if f == "" {
				break
			}
			if strings.HasPrefix(f, "github.com/actord/") {
				owner = "actord"
				break
			}
			if strings.HasPrefix(f, "github.com/asynkron/protoactor-go/") {
				owner = "protoactor"
				break
			}
		}
		if owner != "protoactor" {
			return false
		}
	}
	return accesses >= 2
}

func TestUpstreamRaceFilter(t *testing.T) {
	ours := "Read at 0x1 by goroutine 1:\n  github.com/actord/actord/actors/router.(*registry).poll()\n      /x.go:1\n\nPrevious write at 0x1 by goroutine 2:\n  github.com/asynkron/protoactor-go/remote.(*BlockList).Block()\n"
	theirs := "Read at 0x1 by goroutine 1:\n  github.com/asynkron/gofun/set.(*ImmutableSet[...]).Contains()\n      /x.go:1\n  github.com/asynkron/protoactor-go/remote.(*BlockList).IsBlocked()\n\n" +
		"Previous write at 0x1 by goroutine 2:\n  runtime.mapassign_faststr()\n      /usr/local/go/src/x.go:1\n  github.com/asynkron/protoactor-go/cluster.NewMemberList.func1()\n  github.com/actord/actord/cmd/actord.runNode()\n"
	if upstreamRace(ours) || !upstreamRace(theirs) {
		t.Fatalf("filter: ours=%v theirs=%v, want false, true", upstreamRace(ours), upstreamRace(theirs))
	}
}

// su starts SU seat i with its own data directory.
func (c *testCluster) su(i int, dataDir string, extra ...string) *suProcess {
	c.t.Helper()
	_, port, _ := net.SplitHostPort(c.seeds[i])
	env := append(append([]string{}, c.env...), "ACTORD_AUTOMANAGED_PORT="+port, fmt.Sprintf("ACTORD_CLUSTER_ADDR=127.0.0.1:%d", c.remotes[i]))
	return startSUOn(c.t, c.ports[i], dataDir, append(env, extra...)...)
}

func (c *testCluster) router(dataDir string, extra ...string) *suProcess {
	c.t.Helper()
	return startActord(c.t, []string{"router", "0", "--http-addr", "127.0.0.1:0", "--su-data-dir", dataDir}, append(c.env, extra...))
}

type suState struct {
	URL  string
	Live bool
}

// waitLive waits until the router sees exactly the SUs at urls as live.
func waitLive(t *testing.T, r *suProcess, urls ...string) {
	t.Helper()
	want := strings.Join(urls, " ")
	r.waitFor(t, "live SUs "+want, func() bool {
		var l []suState
		if getJSON(r.base+"/router/sus", &l) != 200 {
			return false
		}
		var live []string
		for _, s := range l {
			if s.Live {
				live = append(live, s.URL)
			}
		}
		return sameSet(live, urls)
	})
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]bool{}
	for _, x := range a {
		m[x] = true
	}
	for _, x := range b {
		if !m[x] {
			return false
		}
	}
	return true
}

func getJSON(url string, v any) int {
	res, err := http.Get(url)
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	json.Unmarshal(b, v)
	return res.StatusCode
}

func get(t *testing.T, url string) (int, http.Header, []byte) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, b
}

// owner returns which of sus has process pid, asking each directly.
func owner(t *testing.T, pid string, sus ...*suProcess) *suProcess {
	t.Helper()
	var found *suProcess
	for _, s := range sus {
		if st, _, _ := get(t, s.base+"/processes/"+pid); st == 200 {
			if found != nil {
				t.Fatalf("process %s is on two SUs: %s and %s", pid, found.base, s.base)
			}
			found = s
		}
	}
	if found == nil {
		t.Fatalf("process %s is on no SU", pid)
	}
	return found
}

// TestRouterCluster runs a router and SUs as OS processes: placement,
// forwarding equal to direct reads, an SU killed under traffic, an SU
// joining at runtime, an SU and the router restarting.
func TestRouterCluster(t *testing.T) {
	c := newTestCluster(t, 3)
	su1Dir, su2Dir := t.TempDir(), t.TempDir()
	su1, su2 := c.su(0, su1Dir), c.su(1, su2Dir)
	defer func() { su1.stop(t) }()
	routerDir := t.TempDir()
	r := c.router(routerDir)
	defer func() { r.stop(t) }()
	waitLive(t, r, su1.base, su2.base)

	// Spawns through the router spread over both SUs.
	client := newClient()
	var pids []string
	onSU := map[string][]string{}
	for i := range 6 {
		pid, item := client.item(t, nil, "Process", fmt.Sprint("p", i))
		if st, body, err := post(r.base, item); st != 200 || body != pid {
			t.Fatalf("spawn %d through the router = %d %s %v\n%s", i, st, body, err, r.log())
		}
		pids = append(pids, pid)
		o := owner(t, pid, su1, su2)
		onSU[o.base] = append(onSU[o.base], pid)
	}
	if len(onSU[su1.base]) < 2 || len(onSU[su2.base]) < 2 {
		t.Fatalf("placement did not spread 6 spawns over 2 idle SUs: %v", onSU)
	}
	// A repeated spawn (same signed item) goes where the first went and
	// changes nothing.
	first := owner(t, pids[0], su1, su2)
	_, again := client.item(t, nil, "Process", "p0")
	if st, body, _ := post(r.base, again); st != 200 || body != pids[0] || owner(t, pids[0], su1, su2) != first {
		t.Fatalf("repeated spawn = %d %s", st, body)
	}

	// Messages through the router; reads through the router equal direct
	// reads from the owning SU, byte for byte, and pass the CU's checks.
	for _, pid := range pids {
		target, _ := decodeID(pid)
		for j := range 3 {
			if st, body, _ := post(r.base, mustItem(t, client, target, fmt.Sprint("m", j))); st != 200 {
				t.Fatalf("message through the router = %d %s", st, body)
			}
		}
	}
	for _, pid := range pids {
		o := owner(t, pid, su1, su2)
		for _, path := range []string{"/" + pid + "?process-id=" + pid + "&limit=100", "/processes/" + pid, "/" + pid + "/latest"} {
			stR, hR, bR := get(t, r.base+path)
			stD, hD, bD := get(t, o.base+path)
			if stR != stD || string(bR) != string(bD) || hR.Get("Content-Type") != hD.Get("Content-Type") {
				t.Fatalf("GET %s: router %d %q %s, SU %d %q %s", path, stR, hR.Get("Content-Type"), bR, stD, hD.Get("Content-Type"), bD)
			}
		}
		walkVerified(t, r.base, pid, 2, 4)
	}
	// GET / and /timestamp are routed by process-id (or go to any SU).
	for _, path := range []string{"/?process-id=" + pids[0], "/timestamp?process-id=" + pids[0], "/", "/timestamp"} {
		var viaRouter, direct map[string]any
		if getJSON(r.base+path, &viaRouter) != 200 || getJSON(su1.base+path, &direct) != 200 {
			t.Fatalf("GET %s through the router failed", path)
		}
		if viaRouter["address"] != direct["address"] || viaRouter["block_height"] != direct["block_height"] {
			t.Fatalf("GET %s: router %v, SU %v", path, viaRouter, direct)
		}
	}
	// Errors come from the SU unchanged: an unknown process, a bad item.
	if st, _, body := get(t, r.base+"/"+strings.Repeat("x", 43)+"?process-id="+strings.Repeat("x", 43)); st != 404 {
		t.Fatalf("unknown process through the router = %d %s", st, body)
	}
	if st, body, _ := post(r.base, []byte("not a data item")); st != 400 || !strings.Contains(body, "error") {
		t.Fatalf("garbage through the router = %d %s", st, body)
	}

	// A redirecting router (its own, empty route store) finds the owner,
	// repairs its route, and answers 307 to the SU.
	rr := c.router(t.TempDir(), "ACTORD_ROUTER_REDIRECT=true")
	waitLive(t, rr, su1.base, su2.base)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noFollow.Get(rr.base + "/processes/" + pids[0])
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if o := owner(t, pids[0], su1, su2); res.StatusCode != 307 || res.Header.Get("Location") != o.base+"/processes/"+pids[0] {
		t.Fatalf("redirecting router = %d %q, want 307 to %s", res.StatusCode, res.Header.Get("Location"), o.base)
	}
	rr.stop(t)

	// SIGKILL one SU while writes flow to processes on both.
	var (
		wg      sync.WaitGroup
		stop    atomic.Bool
		mu      sync.Mutex
		acked   = map[string]int{}
		refused = map[string]int{}
	)
	for _, pid := range pids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target, _ := decodeID(pid)
			for n := 0; !stop.Load(); n++ {
				res, err := http.Post(r.base+"/", "application/octet-stream", strings.NewReader(string(mustItem(t, client, target, fmt.Sprint("load", n)))))
				if err != nil {
					t.Errorf("router connection failed: %v", err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				mu.Lock()
				switch {
				case res.StatusCode == 200:
					acked[pid]++
				case res.StatusCode == 503 && res.Header.Get("Retry-After") != "":
					refused[pid]++
				default:
					t.Errorf("write during the kill = %d", res.StatusCode)
				}
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)
	su2.kill()
	waitLive(t, r, su1.base)
	time.Sleep(300 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	for _, pid := range onSU[su1.base] {
		if refused[pid] > 0 {
			t.Errorf("process %s on the surviving SU got %d refusals", pid, refused[pid])
		}
	}
	// The dead SU's processes: 503 with Retry-After, never moved.
	pid2 := onSU[su2.base][0]
	target2, _ := decodeID(pid2)
	st, body, _ := post(r.base, mustItem(t, client, target2, "while down"))
	if st != 503 {
		t.Fatalf("write to a process of the dead SU = %d %s", st, body)
	}
	if st, _, _ := get(t, su1.base+"/processes/"+pid2); st != 404 {
		t.Fatalf("the dead SU's process appeared on the other SU: %d", st)
	}

	// A third SU joins at runtime and gets the next spawn (it has no load).
	su3 := c.su(2, t.TempDir())
	defer func() { su3.stop(t) }()
	waitLive(t, r, su1.base, su3.base)
	pid, item := client.item(t, nil, "Process", "after join")
	if st, body, _ := post(r.base, item); st != 200 {
		t.Fatalf("spawn after the join = %d %s", st, body)
	}
	if o := owner(t, pid, su1, su3); o != su3 {
		t.Fatalf("spawn after the join went to %s, want the new SU %s", o.base, su3.base)
	}

	// The killed SU restarts on its data: its processes resume, gap-free.
	su2 = c.su(1, su2Dir)
	defer func() { su2.stop(t) }()
	waitLive(t, r, su1.base, su2.base, su3.base)
	if st, body, _ := post(r.base, mustItem(t, client, target2, "after restart")); st != 200 {
		t.Fatalf("write after the SU restarted = %d %s", st, body)
	}

	// The router restarts: nothing is lost.
	r.stop(t)
	r = c.router(routerDir)
	waitLive(t, r, su1.base, su2.base, su3.base)
	acked[pid2]++ // the write after its SU restarted
	for _, p := range append(pids, pid) {
		want := 1 + acked[p] // every acknowledged write, at least
		if p != pid {
			want += 3
		}
		if s := walkCU(t, r.base, p, 100); len(s) < want {
			t.Fatalf("process %s has %d entries after the restarts, want at least the %d acked", p, len(s), want)
		}
	}
}

func decodeID(id string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(id) }

func mustItem(t *testing.T, c edSigner, target []byte, data string) []byte {
	_, b := c.item(t, target, "Message", data)
	return b
}

// startEtcd runs a throwaway etcd server and returns its client URL; the
// test skips when etcd is not installed (CI installs etcd-server).
func startEtcd(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("etcd")
	if err != nil {
		t.Skip("etcd is not installed (apt-get install etcd-server); skipping the etcd membership test")
	}
	client := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
	peer := fmt.Sprintf("http://127.0.0.1:%d", freePort(t))
	cmd := exec.Command(bin, "--data-dir", t.TempDir(), "--name", "default",
		"--listen-client-urls", client, "--advertise-client-urls", client,
		"--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", "default="+peer)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(50 * time.Millisecond) {
		var h struct{ Health string }
		if getJSON(client+"/health", &h) == 200 && h.Health == "true" {
			return client
		}
		if time.Now().After(deadline) {
			t.Fatalf("etcd did not become healthy:\n%s", logs.String())
		}
	}
}

// TestRouterClusterEtcd: membership through etcd (the production
// provider) and the router's routes in PostgreSQL. An SU that no file
// or seed list names joins at runtime and takes new processes; an SU
// that leaves cleanly is dropped at once and its processes get 503.
func TestRouterClusterEtcd(t *testing.T) {
	etcd := startEtcd(t)
	c := newTestCluster(t, 2)
	c.env = append(c.env, "ACTORD_CLUSTER_PROVIDER=etcd", "ACTORD_ETCD_ENDPOINTS="+etcd, "ACTORD_CLUSTER_SEEDS=")
	// su1 names its public URL (with a trailing slash, which is dropped):
	// routers, the list and the route table know it by that name. su2
	// uses the default, http://<its listen address>.
	su1URL := fmt.Sprintf("http://localhost:%d", c.ports[0])
	su1 := c.su(0, t.TempDir(), "ACTORD_PUBLIC_URL="+su1URL+"/")
	defer func() { su1.stop(t) }()
	// A scheduler list that names only su1.
	list := filepath.Join(t.TempDir(), "schedulers.json")
	os.WriteFile(list, []byte(`[{"url":"`+su1URL+`"}]`), 0o600)
	dsn := pgtest.Database(t)
	r := c.router(t.TempDir(), "SCHEDULER_LIST_PATH="+list, "DATABASE_URL="+dsn)
	defer func() { r.stop(t) }()
	waitLive(t, r, su1URL)

	client := newClient()
	spawn := func(name string) string {
		pid, item := client.item(t, nil, "Process", name)
		if st, body, _ := post(r.base, item); st != 200 {
			t.Fatalf("spawn %s = %d %s\n%s", name, st, body, r.log())
		}
		return pid
	}
	p1 := spawn("on su1")

	su2Dir := t.TempDir()
	su2 := c.su(1, su2Dir)
	waitLive(t, r, su1URL, su2.base)
	p2 := spawn("on su2")
	if owner(t, p2, su1, su2) != su2 {
		t.Fatal("the SU that joined at runtime did not get the next spawn")
	}
	target2, _ := decodeID(p2)
	if st, body, _ := post(r.base, mustItem(t, client, target2, "m")); st != 200 {
		t.Fatalf("message to su2's process = %d %s", st, body)
	}

	// su2 stops cleanly: it leaves etcd, the router drops it, its
	// processes get 503 with Retry-After, su1's are unaffected.
	su2.stop(t)
	waitLive(t, r, su1URL)
	res, err := http.Post(r.base+"/", "application/octet-stream", strings.NewReader(string(mustItem(t, client, target2, "while away"))))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 503 || res.Header.Get("Retry-After") == "" {
		t.Fatalf("write to a stopped SU's process = %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	target1, _ := decodeID(p1)
	if st, body, _ := post(r.base, mustItem(t, client, target1, "m")); st != 200 {
		t.Fatalf("message to su1's process = %d %s", st, body)
	}

	// The routes are in PostgreSQL, in the reference router's tables.
	db, err := pgx.Connect(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(t.Context())
	var n int
	if err := db.QueryRow(t.Context(), `SELECT count(*) FROM process_schedulers p JOIN schedulers s ON s.row_id = p.scheduler_row_id
		WHERE NOT p.pending AND ((p.process_id = $1 AND s.url = $2) OR (p.process_id = $3 AND s.url = $4))`, p1, su1URL, p2, su2.base).Scan(&n); err != nil || n != 2 {
		t.Fatalf("confirmed routes in PostgreSQL = %d, %v", n, err)
	}

	// su2 comes back (same URL, same data): its process resumes.
	su2 = c.su(1, su2Dir)
	defer func() { su2.stop(t) }()
	waitLive(t, r, su1URL, su2.base)
	if st, body, _ := post(r.base, mustItem(t, client, target2, "back")); st != 200 {
		t.Fatalf("message after su2 came back = %d %s", st, body)
	}
	walkVerified(t, r.base, p2, 100, 3)
}

// TestBenchRouterRuns keeps `actord bench router` working (tiny sizes;
// the numbers are recorded in docs/BENCHMARKS.md, never asserted).
func TestBenchRouterRuns(t *testing.T) {
	code, out, stderr := runCapture("bench", "router", "--writes", "20", "--reads", "20", "--small", "20", "--concurrency", "2")
	if code != exitOK {
		t.Fatalf("bench router = %d\n%s\n%s", code, out, stderr)
	}
	for _, want := range []string{"| GET /processes/{id} | SU direct | 20 |", "| page-of-100 reads | through router | 20 |"} {
		if !strings.Contains(out, want) {
			t.Fatalf("bench output lacks %q:\n%s", want, out)
		}
	}
}

// TestTwoRoutersNeverSplitAProcess: two routers share one PostgreSQL
// route table; the same spawns sent to both at once land each on exactly
// one SU, and both routers then agree where every process is.
func TestTwoRoutersNeverSplitAProcess(t *testing.T) {
	c := newTestCluster(t, 2)
	su1, su2 := c.su(0, t.TempDir()), c.su(1, t.TempDir())
	defer su1.stop(t)
	defer su2.stop(t)
	dsn := pgtest.Database(t)
	ra, rb := c.router(t.TempDir(), "DATABASE_URL="+dsn), c.router(t.TempDir(), "DATABASE_URL="+dsn)
	defer ra.stop(t)
	defer rb.stop(t)
	waitLive(t, ra, su1.base, su2.base)
	waitLive(t, rb, su1.base, su2.base)

	client := newClient()
	var pids []string
	var wg sync.WaitGroup
	for i := range 12 {
		pid, item := client.item(t, nil, "Process", fmt.Sprint("race", i))
		pids = append(pids, pid)
		for _, r := range []*suProcess{ra, rb} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if st, body, err := post(r.base, item); st != 200 || body != pid {
					t.Errorf("spawn %d via %s = %d %s %v", i, r.base, st, body, err)
				}
			}()
		}
	}
	wg.Wait()
	for _, pid := range pids {
		o := owner(t, pid, su1, su2) // fails if a process is on both SUs
		for _, r := range []*suProcess{ra, rb} {
			res, err := noRedirect.Get(r.base + "/processes/" + pid)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != 200 {
				t.Fatalf("router %s cannot find %s on %s: %d", r.base, pid, o.base, res.StatusCode)
			}
		}
	}
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
