package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/internal/fakeweave"
	"github.com/actord/actord/internal/pgtest"
)

// cmdBench runs `actord bench su`: a load test of the SU over HTTP on
// loopback, with fsync on and RSA-4096-signed items, against an SU it
// starts in-process (or --url). Items are signed before the clock starts.
func cmdBench(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "router" {
		return cmdBenchRouter(args[1:], stdout, stderr)
	}
	fs := newFlagSet("bench", "actord bench su [flags]", stderr)
	url := fs.String("url", "", "benchmark a running SU instead of starting one (it needs a reachable gateway)")
	hot := fs.Int("hot-writes", 1500, "messages to one process")
	procs := fs.Int("processes", 1000, "processes for the many-process run")
	many := fs.Int("many-writes", 2000, "messages spread over those processes")
	reads := fs.Int("reads", 3000, "page-of-100 reads")
	hotConc := fs.Int("hot-concurrency", 8, "concurrent HTTP clients writing to the hot process (its writes are sequential anyway)")
	conc := fs.Int("concurrency", 64, "concurrent HTTP clients for the many-process writes")
	readConc := fs.Int("read-concurrency", 4, "concurrent HTTP clients for reads")
	dbURL := fs.String("database-url", "", "run the in-process SU on this PostgreSQL database")
	throwawayPG := fs.Bool("postgres", false, "run the in-process SU on a throwaway PostgreSQL started from the installed binaries, fsync on")
	useDisk := fs.Bool("use-disk", false, "with PostgreSQL: keep item bytes in Pebble (USE_DISK)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the whole run (SU included when in-process) to this file")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "actord bench: %v\n", err)
			return exitFailure
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if len(pos) != 1 || pos[0] != "su" {
		fs.Usage()
		return exitUsage
	}
	b := &bench{out: stdout, conc: *conc, readConc: *readConc, hotConc: *hotConc, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *conc}}}
	base := *url
	if base == "" {
		if *throwawayPG {
			pg, err := pgtest.StartWith(pgtest.Options{Durable: true})
			if err != nil {
				fmt.Fprintf(stderr, "actord bench: %v\n", err)
				return exitFailure
			}
			defer pg.Stop()
			if *dbURL, err = pg.NewDatabase(context.Background()); err != nil {
				fmt.Fprintf(stderr, "actord bench: %v\n", err)
				return exitFailure
			}
		}
		b.dbURL, b.useDisk = *dbURL, *useDisk
		stop, addr, err := b.startSU(stderr)
		if err != nil {
			fmt.Fprintf(stderr, "actord bench: %v\n", err)
			return exitFailure
		}
		defer stop()
		base = "http://" + addr
	}
	b.base = base
	if err := b.run(*hot, *procs, *many, *reads); err != nil {
		fmt.Fprintf(stderr, "actord bench: %v\n", err)
		return exitFailure
	}
	return exitOK
}

type bench struct {
	dbURL    string
	useDisk  bool
	out      io.Writer
	base     string
	conc     int
	readConc int
	hotConc  int
	client   *http.Client
	signer   *ans104.RSASigner
}

func (b *bench) startSU(stderr io.Writer) (func(), string, error) {
	gw := fakeweave.New(1600000)
	dir, err := os.MkdirTemp("", "actord-bench-")
	if err != nil {
		return nil, "", err
	}
	fs := newFlagSet("x", "x", io.Discard)
	flags := config.Register(fs)
	args := []string{"--http-addr", "127.0.0.1:0", "--su-data-dir", dir, "--gateway-url", gw.URL, "--env-file", os.DevNull, "--mode", "su"}
	if b.dbURL != "" {
		args = append(args, "--database-url", b.dbURL, "--use-disk="+strconv.FormatBool(b.useDisk), "--db-write-connections", "16")
	}
	fs.Parse(args)
	r, err := config.Resolve(flags, nil)
	if err != nil {
		return nil, "", err
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	go func() { done <- runNode(ctx, r, roles{su: true}, logger, ready) }()
	select {
	case addr := <-ready:
		return func() { cancel(); <-done; gw.Close(); os.RemoveAll(dir) }, addr, nil
	case err := <-done:
		cancel()
		return nil, "", err
	}
}

func (b *bench) run(hot, procs, many, reads int) error {
	store := "Pebble"
	if b.dbURL != "" {
		store = "PostgreSQL"
		if b.useDisk {
			store += " + USE_DISK"
		}
	}
	fmt.Fprintf(b.out, "actord bench su: %s on %s, %d CPUs, %s; all items RSA-4096-signed, fsync on\n\n", b.base, store, runtime.NumCPU(), runtime.Version())
	for deadline := time.Now().Add(30 * time.Second); ; {
		res, err := b.client.Get(b.base + "/timestamp")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the SU never got a block height")
		}
		time.Sleep(50 * time.Millisecond)
	}
	key, err := rsa.GenerateKey(rand.Reader, 4096)
	if err != nil {
		return err
	}
	if b.signer, err = ans104.NewRSASigner(key); err != nil {
		return err
	}
	serial, parallel := b.signBound()
	fmt.Fprintf(b.out, "RSA-4096 sign bound: %.0f/s on one core, %.0f/s on all cores\n\n", serial, parallel)
	fmt.Fprintf(b.out, "| run | requests | per second | p50 | p99 |\n|---|---|---|---|---|\n")

	// One hot process.
	hotPID, err := b.spawn(0)
	if err != nil {
		return err
	}
	items := b.sign(hot, func(i int) ([]byte, []ans104.Tag) { return hotPID[:], msgTags(i) })
	snap := b.serverStats()
	b.conc, b.hotConc = b.hotConc, b.conc
	r, err := b.load(fmt.Sprintf("one hot process, %d clients", b.conc), items, b.post)
	b.conc, b.hotConc = b.hotConc, b.conc
	if err != nil {
		return err
	}
	now := b.serverStats()
	fmt.Fprintf(b.out, "%s %.0f%% of the one-core bound; in the SU: %s\n", r, 100*r.rate/serial, serverSplit(snap, now))

	// Many processes.
	spawns := b.sign(procs, func(i int) ([]byte, []ans104.Tag) { return nil, procTags(i + 1) })
	pids := make([][]byte, len(spawns))
	for i, s := range spawns {
		it, _ := ans104.Parse(s)
		id := it.RawID()
		pids[i] = id[:]
	}
	r, err = b.load(fmt.Sprintf("spawn %d processes, %d clients", procs, b.conc), spawns, b.post)
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "%s\n", r)
	msgs := b.sign(many, func(i int) ([]byte, []ans104.Tag) { return pids[i%len(pids)], msgTags(i) })
	snap = b.serverStats()
	r, err = b.load(fmt.Sprintf("messages over %d processes, %d clients", procs, b.conc), msgs, b.post)
	if err != nil {
		return err
	}
	now = b.serverStats()
	fmt.Fprintf(b.out, "%s %.0f%% of the all-core bound; in the SU: %s\n", r, 100*r.rate/parallel, serverSplit(snap, now))

	// Page reads.
	pid := ans104.Encode(hotPID[:])
	paths := make([][]byte, reads)
	for i := range paths {
		from := (i * 37) % max(hot-100, 1)
		paths[i] = []byte(fmt.Sprintf("/%s?process-id=%s&from-nonce=%d&limit=100", pid, pid, from))
	}
	b.conc, b.readConc = b.readConc, b.conc
	r, err = b.load(fmt.Sprintf("page-of-100 reads, %d clients", b.conc), paths, b.get)
	b.conc, b.readConc = b.readConc, b.conc
	if err != nil {
		return err
	}
	fmt.Fprintf(b.out, "%s\n", r)
	return nil
}

// serverStats reads the SU's histogram sums and counts from /metrics.
func (b *bench) serverStats() map[string]float64 {
	vals := map[string]float64{}
	res, err := b.client.Get(b.base + "/metrics")
	if err != nil {
		return vals
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	for _, line := range strings.Split(string(body), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && !strings.HasPrefix(line, "#") {
			v, err := strconv.ParseFloat(f[1], 64)
			if err == nil {
				vals[f[0]] += v
			}
		}
	}
	return vals
}

// serverSplit says how the writes between two snapshots spent their time
// inside the SU: signing, the fsynced append, the whole sequencer turn.
func serverSplit(before, after map[string]float64) string {
	avg := func(name string) float64 {
		var sum, count float64
		for k, v := range after {
			if strings.HasPrefix(k, name+"_sum") {
				sum += v - before[k]
			}
			if strings.HasPrefix(k, name+"_count") {
				count += v - before[k]
			}
		}
		if count == 0 {
			return 0
		}
		return 1000 * sum / count
	}
	out := fmt.Sprintf("sign %.2f ms, append %.2f ms, sequencer %.2f ms",
		avg("actord_su_sign_duration_seconds"), avg("actord_su_append_duration_seconds"), avg("actord_su_write_duration_seconds"))
	if per := avg("actord_su_pg_appends_per_commit") / 1000; per > 0 {
		out += fmt.Sprintf(", %.1f appends per PostgreSQL commit (%.2f ms each)", per, avg("actord_su_pg_commit_duration_seconds"))
	}
	return out
}

func msgTags(i int) []ans104.Tag {
	return []ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Variant", Value: "ao.TN.1"}, {Name: "Type", Value: "Message"}, {Name: "Action", Value: "Bench"}, {Name: "I", Value: strconv.Itoa(i)}}
}

func procTags(i int) []ans104.Tag {
	return []ans104.Tag{{Name: "Data-Protocol", Value: "ao"}, {Name: "Variant", Value: "ao.TN.1"}, {Name: "Type", Value: "Process"},
		{Name: "Module", Value: "Isk_GYo30Tyf5nLbVI6zEJIfFpiXQJd58IKcIkTu4no"}, {Name: "Scheduler", Value: "fcoN_xJeisVsPXA-trzVAuIiqO3ydLQxM-L4XbrQKzY"}, {Name: "I", Value: strconv.Itoa(i)}}
}

func (b *bench) spawn(i int) ([32]byte, error) {
	raw := b.sign(1, func(int) ([]byte, []ans104.Tag) { return nil, procTags(i) })[0]
	if _, err := b.post(raw); err != nil {
		return [32]byte{}, err
	}
	it, _ := ans104.Parse(raw)
	return it.RawID(), nil
}

// sign builds n items in parallel, before any timing.
func (b *bench) sign(n int, spec func(i int) ([]byte, []ans104.Tag)) [][]byte {
	out := make([][]byte, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				target, tags := spec(i)
				it, _ := ans104.New(target, nil, tags, []byte("bench payload "+strconv.Itoa(i)))
				if err := it.Sign(b.signer); err != nil {
					panic(err)
				}
				out[i] = it.Bytes()
			}
		}()
	}
	wg.Wait()
	return out
}

func (b *bench) signBound() (serial, parallel float64) {
	it, _ := ans104.New(nil, nil, msgTags(0), nil)
	const n = 200
	start := time.Now()
	for range n {
		it.Sign(b.signer)
	}
	serial = n / time.Since(start).Seconds()
	start = time.Now()
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x, _ := ans104.New(nil, nil, msgTags(0), nil)
			for range n / 2 {
				x.Sign(b.signer)
			}
		}()
	}
	wg.Wait()
	parallel = float64(runtime.NumCPU()*(n/2)) / time.Since(start).Seconds()
	return serial, parallel
}

func (b *bench) post(body []byte) (time.Duration, error) {
	start := time.Now()
	res, err := b.client.Post(b.base+"/", "application/octet-stream", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	msg, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		return 0, fmt.Errorf("POST: %d %s", res.StatusCode, msg)
	}
	return time.Since(start), nil
}

func (b *bench) get(path []byte) (time.Duration, error) {
	start := time.Now()
	res, err := b.client.Get(b.base + string(path))
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		return 0, fmt.Errorf("GET %s: %d", path, res.StatusCode)
	}
	return time.Since(start), nil
}

type result struct {
	name     string
	n        int
	rate     float64
	p50, p99 time.Duration
}

func (r result) String() string {
	return fmt.Sprintf("| %s | %d | %.0f | %.1f ms | %.1f ms |", r.name, r.n, r.rate, float64(r.p50.Microseconds())/1000, float64(r.p99.Microseconds())/1000)
}

// load sends every request with b.conc workers and measures.
func (b *bench) load(name string, reqs [][]byte, do func([]byte) (time.Duration, error)) (result, error) {
	lat := make([]time.Duration, len(reqs))
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for range b.conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(reqs); i = int(next.Add(1) - 1) {
				d, err := do(reqs[i])
				if err != nil {
					failed.Store(err)
					return
				}
				lat[i] = d
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if err, _ := failed.Load().(error); err != nil {
		return result{}, fmt.Errorf("%s: %w", name, err)
	}
	slices.Sort(lat)
	return result{name: name, n: len(reqs), rate: float64(len(reqs)) / elapsed.Seconds(), p50: lat[len(lat)/2], p99: lat[len(lat)*99/100]}, nil
}
