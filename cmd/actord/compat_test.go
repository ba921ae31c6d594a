package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/fakeweave"
	"github.com/actord/actord/internal/pgtest"
)

// compatDir holds the npm project of the client compatibility test.
var compatDir = filepath.Join("..", "..", "test", "compat")

// npmDeps installs the pinned client packages (aoconnect, arbundles,
// arweave) unless they are already installed from the same lockfile.
func npmDeps(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is not installed", tool)
			}
			t.Skipf("skipping: %s is not installed (the client compatibility test runs the npm packages)", tool)
		}
	}
	lock, err := os.ReadFile(filepath.Join(compatDir, "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	stamp := filepath.Join(compatDir, "node_modules", ".actord-lock")
	if old, err := os.ReadFile(stamp); err == nil && bytes.Equal(old, lock) {
		return
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npm", "ci")
	cmd.Dir = compatDir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci: %v\n%s", err, out)
	}
	if err := os.WriteFile(stamp, lock, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestClientCompatibility runs aoconnect, arbundles and arweave-js against
// the SU process: spawn, concurrent RSA and Ethereum messages, assigns,
// the CU's paging and hash-chain rule, and every assignment's signature.
func TestClientCompatibility(t *testing.T) {
	npmDeps(t)
	t.Run("pebble", func(t *testing.T) { testClientCompatibility(t, nil) })
	t.Run("postgres", func(t *testing.T) { testClientCompatibility(t, []string{"DATABASE_URL=" + pgtest.Database(t)}) })
	// The same client run through a router (forwarding over remoting) in
	// front of two SUs: clients cannot tell.
	// Not through a redirecting router: aoconnect posting straight to one
	// fails ("Error while communicating with MU"); in production aoconnect
	// posts to an MU, which follows the SU router's 307 itself.
	t.Run("router", func(t *testing.T) {
		c := newTestCluster(t, 2)
		su1, su2 := c.su(0, t.TempDir()), c.su(1, t.TempDir())
		defer su1.stop(t)
		defer su2.stop(t)
		r := c.router(t.TempDir())
		defer r.stop(t)
		waitLive(t, r, su1.base, su2.base)
		runCompat(t, c.gw, r)
	})
}

func testClientCompatibility(t *testing.T, storeEnv []string) {
	gw := fakeweave.New(1600000)
	defer gw.Close()
	p := startSU(t, t.TempDir(), append([]string{"GATEWAY_URL=" + gw.URL}, storeEnv...)...)
	defer p.stop(t)
	runCompat(t, gw, p)
}

// runCompat runs compat.mjs against p (an SU or a router).
func runCompat(t *testing.T, gw *fakeweave.Server, p *suProcess) {
	tx := ans104.Encode(bytes.Repeat([]byte{0xa7}, 32))
	l1 := ans104.Encode(bytes.Repeat([]byte{0x5c}, 32))
	gw.AddTx(tx, 0)
	gw.AddTx(l1, 25)

	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "compat.mjs")
	cmd.Dir = compatDir
	cmd.Env = append(os.Environ(), "SU_URL="+p.base, "ASSIGN_TX="+tx, "ASSIGN_TX_L1="+l1, "MESSAGES=8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("compat.mjs: %v\n%s\nSU log:\n%s", err, out, p.log())
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var summary struct {
		OK      bool
		Entries int
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &summary); err != nil || !summary.OK || summary.Entries != 20 {
		t.Fatalf("summary %q: %+v %v", lines[len(lines)-1], summary, err)
	}
}
