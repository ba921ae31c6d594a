package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/store/pgstore"
)

// cmdMig runs `actord mig RANGE`: it moves item bytes from PostgreSQL rows
// into the USE_DISK byte store in SU_DATA_DIR.
func cmdMig(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("mig", "actord mig RANGE   (0 = all rows, A-B = rows A up to B, A = row A to the end)", stderr)
	flags := config.Register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	rng, err := pgstore.ParseRange(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "actord mig: %v\n", err)
		return exitUsage
	}
	r, err := config.Resolve(flags, os.Environ())
	if printProblems(stderr, err) {
		return exitFailure
	}
	if r.DatabaseURL == "" {
		fmt.Fprintln(stderr, "actord mig: DATABASE_URL is not set: there is nothing to move")
		return exitFailure
	}
	logger := newLogger(stderr, r.LogFormat, r.LogLevel)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	store, err := pgstore.Open(ctx, pgstore.Options{WriterURL: r.DatabaseURL, WriteConnections: 2})
	if err != nil {
		logger.Error("Connecting to PostgreSQL failed", "err", err)
		return exitFailure
	}
	defer store.Close()
	if err := os.MkdirAll(r.SUDataDir, 0o700); err != nil {
		logger.Error("Creating SU_DATA_DIR failed", "err", err)
		return exitFailure
	}
	dir := filepath.Join(r.SUDataDir, "bytes.pebble")
	openDisk := func() (*pgstore.Disk, error) { return pgstore.OpenDisk(dir, nil) }
	bar := isTerminal(stderr)
	start, last := time.Now(), time.Time{}
	progress := func(done, total int64) {
		switch {
		case bar:
			width := 40
			filled := width
			if total > 0 {
				filled = int(int64(width) * done / total)
			}
			fmt.Fprintf(stderr, "\r[%s%s] %d/%d rows", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
		case done == 0 || done == total || time.Since(last) > 5*time.Second:
			logger.Info("Moving item bytes to disk", "range", pos[0], "done", done, "total", total)
			last = time.Now()
		}
	}
	n, err := pgstore.CopyToDisk(ctx, store.Pool(), openDisk, rng, r.MigrationBatchSize, progress)
	if bar {
		fmt.Fprintln(stderr)
	}
	if err != nil {
		logger.Error("actord mig stopped; run it again to resume", "moved", n, "err", err)
		return exitFailure
	}
	logger.Info("actord mig done", "range", pos[0], "moved", n, "took", time.Since(start).Round(time.Millisecond), "byte_store", dir)
	fmt.Fprintf(stdout, "moved %d rows to %s\n", n, dir)
	return exitOK
}
