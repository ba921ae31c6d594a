package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/actord/actord/actors/actorkit"
	"github.com/actord/actord/actors/node"
	"github.com/actord/actord/actors/suremote"
	"github.com/actord/actord/http/server"
	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/internal/membership"
)

func cmdNode(args []string, stdout, stderr io.Writer) int {
	return daemon("actord", "actord [flags]", args, stdout, stderr, 0, nil)
}

func cmdSU(args []string, stdout, stderr io.Writer) int {
	return daemon("su", "actord su PORT [flags]", args, stdout, stderr, 1, portMode("su", args))
}

// portMode turns the PORT argument of `actord su|router PORT` into the
// MODE and listen address overrides. PORT replaces the port of
// ACTORD_HTTP_ADDR and keeps its host, so that --http-addr 127.0.0.1:0
// still binds loopback only.
func portMode(mode string, args []string) func([]string) ([]config.Override, error) {
	return func(pos []string) ([]config.Override, error) {
		if _, err := strconv.ParseUint(pos[0], 10, 16); err != nil {
			return nil, fmt.Errorf("PORT %q is not a port number", pos[0])
		}
		host := ""
		if v := lookupAddr(args); v != "" {
			host, _, _ = net.SplitHostPort(v)
		}
		return []config.Override{{Env: "MODE", Value: mode}, {Env: "ACTORD_HTTP_ADDR", Value: net.JoinHostPort(host, pos[0])}}, nil
	}
}

// lookupAddr finds the listen address a command line or the environment
// sets, before the full resolution.
func lookupAddr(args []string) string {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	flags := config.Register(fs)
	if _, err := parseArgs(fs, args); err != nil {
		return ""
	}
	r, _ := config.Resolve(flags, os.Environ())
	if r == nil {
		return ""
	}
	return r.HTTPAddr
}

// daemon parses a daemon command line (flags plus nPos positional
// arguments turned into overrides), then runs the node until a signal.
func daemon(name, usageLine string, args []string, stdout, stderr io.Writer, nPos int, overrides func([]string) ([]config.Override, error)) int {
	fs := newFlagSet(name, usageLine, stderr)
	flags := config.Register(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(pos) != nPos {
		fmt.Fprintf(stderr, "actord: %s takes %d argument(s), got %d\n\n", name, nPos, len(pos))
		fs.Usage()
		return exitUsage
	}
	var over []config.Override
	if overrides != nil {
		if over, err = overrides(pos); err != nil {
			fmt.Fprintf(stderr, "actord: %v\n", err)
			return exitUsage
		}
	}
	r, err := config.Resolve(flags, os.Environ(), over...)
	if printProblems(stderr, err) {
		return exitFailure
	}
	return runDaemon(r, roles{su: r.Mode == "su", router: r.Mode == "router", alarm: r.RPCURL != ""}, stdout, stderr)
}

// roles says which roles a node runs.
type roles struct{ su, router, alarm bool }

// runDaemon runs the node with its roles until SIGINT or SIGTERM.
func runDaemon(r *config.Resolved, ro roles, stdout, stderr io.Writer) int {
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
	if err := runNode(ctx, r, ro, logger, nil); err != nil {
		logger.Error("actord stopped with an error", "err", err)
		return exitFailure
	}
	return exitOK
}

// runNode runs the node until ctx ends, then shuts it down within
// cfg.ShutdownTimeout. ready, if set, receives the HTTP address once the
// node serves.
func runNode(ctx context.Context, r *config.Resolved, ro roles, logger *slog.Logger, ready chan<- string) error {
	cfg := r.Config
	logger.Info("actord starting", "version", version, "go", runtime.Version(), "su", ro.su, "router", ro.router, "alarm_client", ro.alarm, "env_file", r.EnvFile)

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
	var sur *suRole
	var rtr *routerRole
	var alr *alarmRole
	var children []node.Child
	closeRoles := func() error {
		var err error
		if sur != nil {
			err = sur.close()
		}
		if rtr != nil {
			err = errors.Join(err, rtr.close())
		}
		if alr != nil {
			err = errors.Join(err, alr.close())
		}
		return err
	}
	if ro.su {
		if sur, err = openSU(cfg, sys.ActorSystem, logger, reg); err != nil {
			return err
		}
		children = append(children, sur.children...)
	}
	if ro.router {
		if rtr, err = openRouter(cfg, sys.ActorSystem, logger, reg); err != nil {
			return errors.Join(err, closeRoles())
		}
		children = append(children, rtr.children...)
	}
	if ro.alarm {
		if alr, err = openAlarm(cfg, sys.ActorSystem, logger, reg); err != nil {
			return errors.Join(err, closeRoles())
		}
		children = append(children, alr.children...)
	}
	// Remoting starts before any actor: protoactor sets the system's
	// address when it starts, and running actors read it unlocked. Routers
	// see an SU once its remote API actor answers (below), not before.
	var cl *membership.Member
	if cfg.ClusterProvider != "" && (sur != nil || rtr != nil) {
		if cl, err = joinCluster(cfg, sys.ActorSystem, logger, sur != nil); err != nil {
			return errors.Join(err, closeRoles())
		}
	}
	nd, err := node.Start(sys.ActorSystem, logger, children...)
	if err != nil {
		if cl != nil {
			cl.Close(logger)
		}
		return errors.Join(err, closeRoles())
	}
	srv := server.New(logger, reg, nd)
	if sur != nil {
		sur.register(srv.Echo())
	}
	if rtr != nil {
		rtr.register(srv.Echo())
	}
	if err := srv.Listen(cfg.HTTPAddr); err != nil {
		if cl != nil {
			cl.Close(logger)
		}
		shutdownActors(context.Background(), nd, sys, logger)
		return errors.Join(err, closeRoles())
	}
	if sur != nil && cl != nil {
		url := cfg.PublicURL
		if url == "" {
			url = "http://" + reachable(srv.Addr().String())
		}
		if _, err := sys.Root.SpawnNamed(sur.remoteProps(srv.Echo(), url, logger), suremote.Name); err != nil {
			cl.Close(logger)
			shutdownActors(context.Background(), nd, sys, logger)
			return errors.Join(err, closeRoles())
		}
		logger.Info("SU serves the cluster", "url", url)
	}
	rctx, stopReconcile := context.WithCancel(context.Background())
	defer stopReconcile()
	if rtr != nil {
		go rtr.reconcile(rctx)
	}

	if cfg.PprofAddr != "" {
		stopPprof, err := servePprof(cfg.PprofAddr, logger)
		if err != nil {
			logger.Error("Profiling endpoint not started", "addr", cfg.PprofAddr, "err", err)
		} else {
			defer stopPprof()
		}
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
	stopReconcile()
	if sur != nil && cl != nil {
		// Leave first, so routers stop sending here while requests drain.
		cl.Deregister(logger)
	}
	if err := srv.Shutdown(sctx); err != nil {
		logger.Warn("HTTP requests were still running at the shutdown deadline", "err", err)
		runErr = errors.Join(runErr, err)
	}
	if cl != nil {
		cl.Close(logger)
	}
	if err := shutdownActors(sctx, nd, sys, logger); err != nil {
		runErr = errors.Join(runErr, err)
	}
	if err := closeRoles(); err != nil {
		runErr = errors.Join(runErr, fmt.Errorf("closing the SU store: %w", err))
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

// reachable turns a listen address into one a client can dial: an
// unspecified host becomes loopback.
func reachable(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
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
