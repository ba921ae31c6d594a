package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/actors/arweave"
	"github.com/actord/actord/actors/node"
	"github.com/actord/actord/actors/su"
	"github.com/actord/actord/actors/suremote"
	"github.com/actord/actord/http/suapi"
	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/internal/gateway"
	"github.com/actord/actord/internal/wallet"
	"github.com/actord/actord/store/pebblestore"
	"github.com/actord/actord/store/pgstore"
)

// suRole is the ao Scheduler Unit on this node: its store, wallet, and
// the actors that sequence, track the gateway and upload.
type suRole struct {
	store    suStore
	reader   suapi.Reader
	wallet   *wallet.Wallet
	gateway  *gateway.Client
	children []node.Child
	sys      *actor.ActorSystem
}

const (
	suActor       = "su"
	gatewayActor  = "arweave-gateway"
	uploaderActor = "arweave-uploader"
)

func openSU(cfg config.Config, sys *actor.ActorSystem, logger *slog.Logger, reg prometheus.Registerer) (*suRole, error) {
	if err := os.MkdirAll(cfg.SUDataDir, 0o700); err != nil {
		return nil, fmt.Errorf("creating SU_DATA_DIR: %w", err)
	}
	w, err := loadOrCreateWallet(cfg, logger)
	if err != nil {
		return nil, err
	}
	store, reader, err := openStore(cfg, logger, reg)
	if err != nil {
		return nil, err
	}
	hc := &http.Client{Timeout: 30 * time.Second}
	r := &suRole{store: store, reader: reader, wallet: w, gateway: gateway.New(cfg.GatewayURL, hc), sys: sys}
	var uploads *gateway.Client
	if cfg.UploadNodeURL != "" {
		uploads = gateway.New(cfg.UploadNodeURL, &http.Client{Timeout: 2 * time.Minute})
	}
	suPID, uploaderPID := node.ChildPID(sys, suActor), node.ChildPID(sys, uploaderActor)
	root := sys.Root
	r.children = []node.Child{
		{Name: suActor, Props: su.NewSupervisorProps(su.Config{
			Store: store, Signer: w.Signer(), Logger: logger.With("actor", "su"), Metrics: reg,
			OnAppend: func() { root.Send(uploaderPID, &arweave.Kick{}) },
		})},
		{Name: gatewayActor, Props: arweave.NewGatewayProps(arweave.GatewayConfig{
			Client: r.gateway, Logger: logger.With("actor", "arweave-gateway"), Metrics: reg,
			OnHeight: func(h uint64) { root.Send(suPID, &su.HeightUpdate{Height: h}) },
		})},
		{Name: uploaderActor, Props: arweave.NewUploaderProps(arweave.UploaderConfig{
			Store: store, Client: uploads, Logger: logger.With("actor", "arweave-uploader"), Metrics: reg,
		})},
	}
	logger.Info("SU ready", "address", w.Address(), "data_dir", cfg.SUDataDir, "gateway", cfg.GatewayURL, "uploads", cfg.UploadNodeURL != "")
	return r, nil
}

// register adds the SU API to the HTTP server.
func (r *suRole) register(e *echo.Echo) {
	suapi.Register(e, suapi.Config{
		Scheduler: su.NewFacade(r.sys.Root, node.ChildPID(r.sys, suActor)),
		Reader:    r.reader,
		Primary:   r.store,
		Gateway:   r.gateway,
		Address:   r.wallet.Address(),
	})
}

func (r *suRole) close() error { return r.store.Close() }

// remoteProps returns the actor routers forward requests to; it serves
// them through h, the node's HTTP API.
func (r *suRole) remoteProps(h http.Handler, url string, logger *slog.Logger) *actor.Props {
	return suremote.NewProps(suremote.Config{
		Handler: h, Status: su.NewFacade(r.sys.Root, node.ChildPID(r.sys, suActor)).Status,
		URL: url, Address: r.wallet.Address(), Version: version, Logger: logger.With("actor", suremote.Name),
	})
}

// suStore is what the SU needs from a store.
type suStore interface {
	su.Store
	arweave.Outbox
	suapi.Reader // reads from the writer, for /latest
	Close() error
}

// openStore opens PostgreSQL when DATABASE_URL is set (reads from
// DATABASE_READ_URL), else the embedded Pebble store in SU_DATA_DIR.
func openStore(cfg config.Config, logger *slog.Logger, reg prometheus.Registerer) (suStore, suapi.Reader, error) {
	if cfg.DatabaseURL == "" {
		ps, err := pebblestore.Open(filepath.Join(cfg.SUDataDir, "su.pebble"), pebblestore.Options{Logger: logger.With("component", "pebble")})
		if err != nil {
			return nil, nil, err
		}
		return ps, ps, nil
	}
	var disk *pgstore.Disk
	opts := pgstore.Options{
		WriterURL: cfg.DatabaseURL, ReaderURL: cfg.DatabaseReadURL,
		WriteConnections: int32(cfg.DBWriteConnections), ReadConnections: int32(cfg.DBReadConnections),
		Logger: logger.With("component", "postgres"), Metrics: reg,
	}
	if cfg.UseDisk {
		var err error
		if disk, err = pgstore.OpenDisk(filepath.Join(cfg.SUDataDir, "bytes.pebble"), logger.With("component", "pebble")); err != nil {
			return nil, nil, err
		}
		opts.Disk = disk
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	ps, err := pgstore.Open(ctx, opts)
	if err != nil {
		if disk != nil {
			disk.Close()
		}
		return nil, nil, err
	}
	logger.Info("Using PostgreSQL", "replica", cfg.DatabaseReadURL != cfg.DatabaseURL, "use_disk", cfg.UseDisk)
	if disk == nil {
		return ps, ps.Reader(), nil
	}
	return pgWithDisk{ps, disk}, ps.Reader(), nil
}

// pgWithDisk closes the byte store after PostgreSQL.
type pgWithDisk struct {
	*pgstore.Store
	disk *pgstore.Disk
}

func (p pgWithDisk) Close() error { return errors.Join(p.Store.Close(), p.disk.Close()) }

// loadOrCreateWallet loads SU_WALLET_PATH, or the wallet in the data
// directory, creating that one on first run.
func loadOrCreateWallet(cfg config.Config, logger *slog.Logger) (*wallet.Wallet, error) {
	if cfg.SUWalletPath != "" {
		return wallet.Load(cfg.SUWalletPath)
	}
	path := filepath.Join(cfg.SUDataDir, "wallet.json")
	w, err := wallet.Load(path)
	if err == nil {
		return w, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	logger.Warn("SU_WALLET_PATH is not set: generating a wallet in the data directory; back it up, it signs every assignment", "path", path)
	return wallet.Generate(path)
}
