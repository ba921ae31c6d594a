package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/asynkron/protoactor-go/cluster"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/actors/node"
	"github.com/actord/actord/actors/router"
	"github.com/actord/actord/http/routerapi"
	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/internal/membership"
	"github.com/actord/actord/store/routes"
)

func cmdRouter(args []string, stdout, stderr io.Writer) int {
	return daemon("router", "actord router PORT [flags]", args, stdout, stderr, 1, portMode("router", args))
}

const registryActor = "router-registry"

// routerRole is a router node: the route store, the Registry of live
// SUs, and the HTTP API that forwards to them.
type routerRole struct {
	cfg      config.Config
	store    routes.Store
	client   *router.Client
	children []node.Child
	api      *routerapi.API
	logger   *slog.Logger
}

func openRouter(cfg config.Config, sys *actor.ActorSystem, logger *slog.Logger, reg prometheus.Registerer) (*routerRole, error) {
	var list []config.SchedulerEntry
	if cfg.SchedulerListPath != "" {
		var err error
		if list, err = config.LoadSchedulerList(cfg.SchedulerListPath); err != nil {
			return nil, fmt.Errorf("SCHEDULER_LIST_PATH: %w", err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var store routes.Store
	if cfg.DatabaseURL != "" {
		pg, err := routes.OpenPostgres(ctx, cfg.DatabaseURL)
		if err != nil {
			return nil, err
		}
		store = pg
	} else {
		if err := os.MkdirAll(cfg.SUDataDir, 0o700); err != nil {
			return nil, fmt.Errorf("creating SU_DATA_DIR: %w", err)
		}
		pb, err := routes.OpenPebble(filepath.Join(cfg.SUDataDir, "router.pebble"), logger.With("component", "pebble"))
		if err != nil {
			return nil, err
		}
		store = pb
	}
	if err := store.SyncSchedulers(ctx, list); err != nil {
		store.Close()
		return nil, fmt.Errorf("recording the scheduler list: %w", err)
	}
	counts, err := store.Counts(ctx)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("reading process counts: %w", err)
	}
	r := &routerRole{cfg: cfg, store: store, logger: logger}
	r.client = router.NewClient(sys.Root, node.ChildPID(sys, registryActor), reg)
	r.children = []node.Child{{Name: registryActor, Props: router.NewRegistryProps(router.RegistryConfig{
		List: list, Counts: counts, Topology: membership.Watch(sys).Last, Logger: logger.With("actor", "router-registry"), Metrics: reg,
	})}}
	logger.Info("Router ready", "listed_sus", len(list), "postgres", cfg.DatabaseURL != "", "redirect", cfg.RouterRedirect)
	return r, nil
}

func (r *routerRole) register(e *echo.Echo) {
	r.api = routerapi.Register(e, routerapi.Config{
		Client: r.client, Routes: r.store, Redirect: r.cfg.RouterRedirect, Timeout: r.cfg.RouterTimeout,
		Logger: r.logger.With("component", "router"),
	})
}

// reconcile settles pending routes until ctx ends.
func (r *routerRole) reconcile(ctx context.Context) {
	grace := 2 * r.cfg.RouterTimeout
	if r.cfg.RouterRedirect {
		grace = 5 * time.Second // the router never sees the SU's answer
	}
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if n, err := r.api.Reconcile(ctx, grace); err != nil && ctx.Err() == nil {
			r.logger.Warn("Settling pending routes failed", "err", err)
		} else if n > 0 {
			r.logger.Info("Settled pending routes", "count", n)
		}
	}
}

func (r *routerRole) close() error { return r.store.Close() }

// joinCluster joins the configured cluster: SU nodes as members of
// membership.SUKind (after their remote API actor is up), routers as
// clients.
func joinCluster(cfg config.Config, sys *actor.ActorSystem, logger *slog.Logger, asSU bool) (*membership.Member, error) {
	var kinds []*cluster.Kind
	if asSU {
		// The kind only marks SU members; actord never activates grains.
		kinds = append(kinds, cluster.NewKind(membership.SUKind, actor.PropsFromFunc(func(actor.Context) {})))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return membership.Join(ctx, sys, membership.Config{
		Provider: cfg.ClusterProvider, Name: cfg.ClusterName, Addr: cfg.ClusterAddr,
		Seeds: cfg.ClusterSeeds, AutomanagedPort: cfg.AutomanagedPort, EtcdEndpoints: cfg.EtcdEndpoints,
		Kinds: kinds, Logger: logger,
	})
}
