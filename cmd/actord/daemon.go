package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/actord/actord/actors/actorkit"
	"github.com/actord/actord/actors/node"
	"github.com/actord/actord/http/server"
	"github.com/actord/actord/internal/config"
)

func cmdNode(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("actord", "actord [flags]", stderr)
	flags := config.Register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != 0 {
		fmt.Fprintf(stderr, "actord: unexpected argument %q\n\n", pos[0])
		usage(stderr)
		return exitUsage
	}
	r, err := config.Resolve(flags, os.Environ())
	if printProblems(stderr, err) {
		return exitFailure
	}
	if r.Mode == "router" {
		return notLanded("router mode", "#6")(nil, stdout, stderr)
	}
	logger := newLogger(stderr, r.LogFormat, r.LogLevel)
	for _, w := range r.Warnings {
		logger.Warn("Configuration warning", "warning", w)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first signal, restore the default handling so that a
		// second one ends the process at once.
		<-ctx.Done()
		stop()
	}()
	if err := runNode(ctx, r, logger, nil); err != nil {
		logger.Error("actord stopped with an error", "err", err)
		return exitFailure
	}
	return exitOK
}

// runNode runs the node until ctx ends, then shuts it down within
// cfg.ShutdownTimeout. ready, if set, receives the HTTP address once the
// node serves.
func runNode(ctx context.Context, r *config.Resolved, logger *slog.Logger, ready chan<- string) error {
	cfg := r.Config
	logger.Info("actord starting", "version", version, "go", runtime.Version(), "mode", cfg.Mode, "env_file", r.EnvFile)

	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		buildInfo(),
	)
	sys, err := actorkit.NewSystem(logger, reg)
	if err != nil {
		return err
	}
	nd, err := node.Start(sys.ActorSystem, logger)
	if err != nil {
		return err
	}
	srv := server.New(logger, reg, nd)
	if err := srv.Listen(cfg.HTTPAddr); err != nil {
		shutdownActors(context.Background(), nd, sys, logger)
		return err
	}
	// Roles that are configured but not in this build are named, not faked.
	logger.Warn("The ao SU API is not in this build yet; serving /health and /metrics only", "issue", "#3")
	if cfg.RPCURL != "" {
		logger.Warn("ACTORD_RPC_URL is set but the alarm client is not in this build yet", "issue", "#5")
	}

	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve() }()
	logger.Info("HTTP API listening", "addr", srv.Addr().String())
	if ready != nil {
		ready <- srv.Addr().String()
	}

	var runErr error
	select {
	case <-ctx.Done():
		logger.Info("Shutting down", "timeout", cfg.ShutdownTimeout)
	case err := <-serveErr:
		runErr = fmt.Errorf("HTTP server: %w", err)
	}

	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		logger.Warn("HTTP requests were still running at the shutdown deadline", "err", err)
		runErr = errors.Join(runErr, err)
	}
	if err := shutdownActors(sctx, nd, sys, logger); err != nil {
		runErr = errors.Join(runErr, err)
	}
	logger.Info("actord stopped")
	return runErr
}

// shutdownActors stops the actor tree, then the system, in that order.
func shutdownActors(ctx context.Context, nd *node.Node, sys *actorkit.System, logger *slog.Logger) error {
	err := nd.Stop(ctx)
	if err != nil {
		logger.Warn("Actors did not stop before the shutdown deadline", "err", err)
	}
	return errors.Join(err, sys.Shutdown(ctx))
}

func buildInfo() prometheus.Collector {
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "actord_build_info",
		Help:        "Always 1; the labels say which actord build is running.",
		ConstLabels: prometheus.Labels{"version": version, "goversion": runtime.Version()},
	})
	g.Set(1)
	return g
}
