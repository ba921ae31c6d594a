// Package pgtest starts a throwaway PostgreSQL server for tests, from the
// binaries installed on the machine: initdb and pg_ctl in a fresh
// directory, on a free loopback port, stopped and removed at the end.
//
// When running as root it drops to the postgres OS user, because initdb
// refuses to run as root. Tests that cannot find the binaries skip with a
// message that says what to install; under CI (CI set) they fail instead,
// so a missing install step cannot pass unnoticed.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
)

// Server is a running throwaway PostgreSQL.
type Server struct {
	opts Options
	dir  string
	bin  string
	port int
	cred *syscall.Credential
	dbs  atomic.Int64
}

// ErrNoBinaries means initdb/pg_ctl were not found.
var ErrNoBinaries = errors.New("PostgreSQL server binaries (initdb, pg_ctl) not found; install them with 'apt-get install postgresql'")

// findBinaries returns the folder holding initdb and pg_ctl.
func findBinaries() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	for i := len(dirs) - 1; i >= 0; i-- { // newest major first
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	return "", ErrNoBinaries
}

// Start initialises and starts a server tuned for tests (no fsync). Stop
// it with Stop.
func Start() (*Server, error) { return StartWith(Options{}) }

// Options tune StartWith.
type Options struct {
	// Durable keeps fsync and full-page writes on, as in production, for
	// benchmarks whose numbers must include the WAL flush.
	Durable bool
}

// StartWith initialises and starts a server.
func StartWith(o Options) (*Server, error) {
	bin, err := findBinaries()
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin, opts: o}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root needs the postgres OS user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	}
	// Not t.TempDir(): as root its parents are 0700 and the postgres user
	// could not reach it.
	s.dir, err = os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, err
	}
	if s.cred != nil {
		if err := os.Chown(s.dir, int(s.cred.Uid), int(s.cred.Gid)); err != nil {
			os.RemoveAll(s.dir)
			return nil, err
		}
	}
	if err := s.pg("initdb", "-D", s.data(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync", "--no-instructions"); err != nil {
		os.RemoveAll(s.dir)
		return nil, err
	}
	// A free port can be taken between here and pg_ctl; retry a few times.
	for attempt := 0; ; attempt++ {
		s.port, err = freePort()
		if err != nil {
			break
		}
		err = s.pg("pg_ctl", "-D", s.data(), "-l", filepath.Join(s.dir, "log"), "-w", "-t", "60", "-o", s.serverOptions(), "start")
		if err == nil || attempt == 2 {
			break
		}
	}
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
		os.RemoveAll(s.dir)
		return nil, fmt.Errorf("%w\nserver log:\n%s", err, log)
	}
	return s, nil
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }

func (s *Server) pg(name string, args ...string) error {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	if s.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %w\n%s", name, err, strings.TrimSpace(string(out)))
	}
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Port returns the server's port on 127.0.0.1.
func (s *Server) Port() int { return s.port }

// DSN returns the connection string of database db.
func (s *Server) DSN(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, db)
}

// Stop stops the server immediately and removes its files.
func (s *Server) Stop() error {
	err := s.pg("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "stop")
	return errors.Join(err, os.RemoveAll(s.dir))
}

// Kill stops the server abruptly, for fault tests; Restart brings it back.
func (s *Server) Kill() error {
	return s.pg("pg_ctl", "-D", s.data(), "-m", "immediate", "-w", "stop")
}

// Restart starts a stopped server again on the same port and data.
func (s *Server) Restart() error {
	return s.pg("pg_ctl", "-D", s.data(), "-l", filepath.Join(s.dir, "log"), "-w", "-t", "60", "-o", s.serverOptions(), "start")
}

func (s *Server) serverOptions() string {
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c max_connections=200", s.port, s.dir)
	if !s.opts.Durable {
		opts += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
	}
	return opts
}

// NewDatabase creates an empty database and returns its DSN.
func (s *Server) NewDatabase(ctx context.Context) (string, error) {
	name := fmt.Sprintf("test_%d", s.dbs.Add(1))
	conn, err := pgx.Connect(ctx, s.DSN("postgres"))
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", fmt.Errorf("creating database %s: %w", name, err)
	}
	return s.DSN(name), nil
}

var (
	shared     *Server
	sharedErr  error
	sharedOnce sync.Once
)

// Database returns a DSN for a fresh database on a server shared by the
// whole test binary (call StopShared from TestMain), skipping the test
// when PostgreSQL is not installed outside CI.
func Database(t testing.TB) string {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = Start() })
	if sharedErr != nil {
		if errors.Is(sharedErr, ErrNoBinaries) && os.Getenv("CI") == "" {
			t.Skipf("skipping: %v", sharedErr)
		}
		t.Fatalf("starting PostgreSQL: %v", sharedErr)
	}
	dsn, err := shared.NewDatabase(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}

// StopShared stops the server Database started, if any. Call it from
// TestMain after m.Run.
func StopShared() {
	if shared != nil {
		shared.Stop()
	}
}
