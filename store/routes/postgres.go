package routes

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/store/pgstore"
)

// Postgres is the mapping in the reference router's tables, shared by
// any number of routers.
type Postgres struct {
	pool *pgxpool.Pool
}

// OpenPostgres connects to url and applies actord's migrations.
func OpenPostgres(ctx context.Context, url string) (*Postgres, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, errors.New("DATABASE_URL is not a PostgreSQL connection string")
	}
	// Durable before the router answers, whatever the server's default.
	cfg.ConnConfig.RuntimeParams["synchronous_commit"] = "on"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connecting to PostgreSQL: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connecting to PostgreSQL: %w", err)
	}
	if _, err := pgstore.Migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrating: %w", err)
	}
	return &Postgres{pool: pool}, nil
}

// SyncSchedulers implements Store: insert new rows, overwrite the flags.
func (p *Postgres) SyncSchedulers(ctx context.Context, list []config.SchedulerEntry) error {
	return pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		for _, e := range list {
			_, err := tx.Exec(ctx, `INSERT INTO schedulers (url, no_route, wallets_to_route, wallets_only) VALUES ($1, $2, $3, $4)
				ON CONFLICT (url) DO UPDATE SET no_route = $2, wallets_to_route = $3, wallets_only = $4`,
				e.URL, e.NoRoute, e.WalletsToRoute, e.WalletsOnly)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

const selectRoute = `SELECT s.url, p.pending, p.placed_at FROM process_schedulers p JOIN schedulers s ON s.row_id = p.scheduler_row_id WHERE p.process_id = $1`

// Get implements Store.
func (p *Postgres) Get(ctx context.Context, process string) (Route, bool, error) {
	r := Route{Process: process}
	err := p.pool.QueryRow(ctx, selectRoute, process).Scan(&r.SU, &r.Pending, &r.Placed)
	if errors.Is(err, pgx.ErrNoRows) {
		return Route{}, false, nil
	}
	return r, err == nil, err
}

// schedulerRow returns the row id of su, adding the SU (learned from
// membership) if the list did not name it.
func schedulerRow(ctx context.Context, tx pgx.Tx, su string) (int, error) {
	var id int
	err := tx.QueryRow(ctx, `INSERT INTO schedulers (url) VALUES ($1) ON CONFLICT (url) DO UPDATE SET url = EXCLUDED.url RETURNING row_id`, su).Scan(&id)
	return id, err
}

// Reserve implements Store.
func (p *Postgres) Reserve(ctx context.Context, process, su string) (Route, error) {
	var r Route
	err := pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		id, err := schedulerRow(ctx, tx, su)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO process_schedulers (process_id, scheduler_row_id, pending) VALUES ($1, $2, true)
			ON CONFLICT (process_id) DO NOTHING`, process, id); err != nil {
			return err
		}
		r = Route{Process: process}
		return tx.QueryRow(ctx, selectRoute, process).Scan(&r.SU, &r.Pending, &r.Placed)
	})
	return r, err
}

// Confirm implements Store.
func (p *Postgres) Confirm(ctx context.Context, process, su string) error {
	return pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		id, err := schedulerRow(ctx, tx, su)
		if err != nil {
			return err
		}
		var owner int
		var pending bool
		err = tx.QueryRow(ctx, `INSERT INTO process_schedulers (process_id, scheduler_row_id, pending) VALUES ($1, $2, true)
			ON CONFLICT (process_id) DO UPDATE SET process_id = EXCLUDED.process_id
			RETURNING scheduler_row_id, pending`, process, id).Scan(&owner, &pending)
		if err != nil {
			return err
		}
		if owner != id {
			return fmt.Errorf("%w: %s is on another SU than %s", ErrConflict, process, su)
		}
		if !pending {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE process_schedulers SET pending = false WHERE process_id = $1`, process); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE schedulers SET process_count = process_count + 1 WHERE row_id = $1`, id)
		return err
	})
}

// Release implements Store.
func (p *Postgres) Release(ctx context.Context, process, su string) error {
	_, err := p.pool.Exec(ctx, `DELETE FROM process_schedulers p USING schedulers s
		WHERE p.process_id = $1 AND p.pending AND s.row_id = p.scheduler_row_id AND s.url = $2`, process, su)
	return err
}

// Pending implements Store.
func (p *Postgres) Pending(ctx context.Context, before time.Time) ([]Route, error) {
	rows, err := p.pool.Query(ctx, `SELECT p.process_id, s.url, p.placed_at FROM process_schedulers p
		JOIN schedulers s ON s.row_id = p.scheduler_row_id WHERE p.pending AND p.placed_at < $1 ORDER BY p.placed_at LIMIT 1000`, before)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (Route, error) {
		r := Route{Pending: true}
		return r, row.Scan(&r.Process, &r.SU, &r.Placed)
	})
}

// Counts implements Store.
func (p *Postgres) Counts(ctx context.Context) (map[string]int, error) {
	rows, err := p.pool.Query(ctx, `SELECT url, process_count FROM schedulers`)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int)
	_, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (struct{}, error) {
		var url string
		var n int
		err := row.Scan(&url, &n)
		out[url] = n
		return struct{}{}, err
	})
	return out, err
}

// Close implements Store.
func (p *Postgres) Close() error { p.pool.Close(); return nil }
