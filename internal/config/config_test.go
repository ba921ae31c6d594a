package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func resolve(t *testing.T, args []string, environ []string, over ...Override) (*Resolved, error) {
	t.Helper()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	f := Register(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return Resolve(f, environ, over...)
}

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	envFile := filepath.Join(dir, "actord.env")
	os.WriteFile(envFile, []byte("# comment\nDB_WRITE_CONNECTIONS=3\nDB_READ_CONNECTIONS=4\nMIGRATION_BATCH_SIZE=5\nexport UPLOAD_NODE_URL=\"http://bundler:1\"\n"), 0o600)
	r, err := resolve(t,
		[]string{"--env-file", envFile, "--db-write-connections", "30", "--http-addr", "127.0.0.1:9100"},
		[]string{"DB_WRITE_CONNECTIONS=20", "DB_READ_CONNECTIONS=40"})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		got, want any
	}{
		"flag beats env and .env": {r.DBWriteConnections, 30},
		"env beats .env":          {r.DBReadConnections, 40},
		".env beats default":      {r.MigrationBatchSize, 5},
		"export and quotes":       {r.UploadNodeURL, "http://bundler:1"},
		"default":                 {r.ShutdownTimeout, 15 * time.Second},
		"flag":                    {r.HTTPAddr, "127.0.0.1:9100"},
		"env file recorded":       {r.EnvFile, envFile},
	}
	for name, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", name, tc.got, tc.want)
		}
	}
	sources := map[string]Source{}
	for _, v := range r.Values {
		sources[v.Env] = v.Source
	}
	want := map[string]Source{"DB_WRITE_CONNECTIONS": SourceFlag, "DB_READ_CONNECTIONS": SourceEnv, "MIGRATION_BATCH_SIZE": SourceDotEnv, "MODE": SourceDefault}
	for k, s := range want {
		if sources[k] != s {
			t.Errorf("source of %s = %s, want %s", k, sources[k], s)
		}
	}
}

func TestOverrideWins(t *testing.T) {
	r, err := resolve(t, []string{"--http-addr", ":1"}, []string{"ACTORD_HTTP_ADDR=:2"}, Override{"ACTORD_HTTP_ADDR", ":9001"}, Override{"MODE", "router"})
	if err == nil || !strings.Contains(err.Error(), "ACTORD_CLUSTER_PROVIDER") {
		t.Fatalf("router without a list: err = %v", err)
	}
	if r.HTTPAddr != ":9001" || r.Mode != "router" {
		t.Fatalf("overrides not applied: %+v", r.Config)
	}
}

func TestAllProblemsAtOnce(t *testing.T) {
	environ := []string{
		"MODE=leader",
		"DB_WRITE_CONNECTIONS=ten",
		"DB_READ_CONNECTIONS=0",
		"USE_DISK=maybe",
		"GATEWAY_URL=ftp://x",
		"UPLOAD_NODE_URL=not a url",
		"DATABASE_URL=postgres://u:hunter2@db:5432/su?sslmode=disable&connect_timeout=abc",
		"ACTORD_HTTP_ADDR=9000",
		"ACTORD_LOG_FORMAT=xml",
		"ACTORD_SHUTDOWN_TIMEOUT=-1s",
		"SU_WALLET_PATH=/nonexistent/wallet.json",
	}
	_, err := resolve(t, nil, environ)
	problems := Problems(err)
	wants := []string{"MODE", "DB_WRITE_CONNECTIONS", "DB_READ_CONNECTIONS", "USE_DISK", "GATEWAY_URL", "UPLOAD_NODE_URL",
		"DATABASE_URL", "ACTORD_HTTP_ADDR", "ACTORD_LOG_FORMAT", "ACTORD_SHUTDOWN_TIMEOUT", "SU_WALLET_PATH"}
	if len(problems) != len(wants) {
		t.Errorf("%d problems, want %d:\n%s", len(problems), len(wants), strings.Join(problems, "\n"))
	}
	all := strings.Join(problems, "\n")
	for _, w := range wants {
		if !strings.Contains(all, w) {
			t.Errorf("no problem mentions %s:\n%s", w, all)
		}
	}
	if strings.Contains(all, "hunter2") {
		t.Errorf("a problem shows the database password:\n%s", all)
	}
}

func TestRedaction(t *testing.T) {
	r, err := resolve(t, nil, []string{"DATABASE_URL=postgres://su:s3cret@db:5432/su", "DATABASE_READ_URL=host=replica user=su password=s3cret dbname=su"})
	if err != nil {
		t.Fatal(err)
	}
	if r.DatabaseURL != "postgres://su:s3cret@db:5432/su" {
		t.Fatalf("the config itself must keep the secret, got %q", r.DatabaseURL)
	}
	for _, v := range r.Values {
		if strings.Contains(v.Value, "s3cret") {
			t.Errorf("%s shows the password: %s", v.Env, v.Value)
		}
	}
}

func TestEnvFileErrors(t *testing.T) {
	_, err := resolve(t, []string{"--env-file", filepath.Join(t.TempDir(), "missing.env")}, nil)
	if err == nil || !strings.Contains(err.Error(), "reading env file") {
		t.Fatalf("explicit missing env file: %v", err)
	}
	// An absent ./.env is fine: it is optional.
	t.Chdir(t.TempDir())
	if _, err := resolve(t, nil, nil); err != nil {
		t.Fatalf("no .env: %v", err)
	}
}

func TestSchedulerList(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(`[{"url":"http://su1:9000"},{"url":"http://su2:9000","no_route":true,"wallets_to_route":"a,b","wallets_only":false}]`), 0o600)
	list, err := LoadSchedulerList(good)
	if err != nil || len(list) != 2 || !list[1].NoRoute || list[1].WalletsToRoute != "a,b" {
		t.Fatalf("LoadSchedulerList = %+v, %v", list, err)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"url":"su1"},{"url":"http://x"},{"url":"http://x"}]`), 0o600)
	_, err = LoadSchedulerList(bad)
	if p := Problems(err); len(p) != 2 {
		t.Fatalf("problems = %q, want 2", p)
	}
	if _, err := resolve(t, nil, []string{"MODE=router", "ACTORD_CLUSTER_PROVIDER=etcd", "SCHEDULER_LIST_PATH=" + good}); err != nil {
		t.Fatalf("router with a good list: %v", err)
	}
}

func TestClusterSettings(t *testing.T) {
	for name, tc := range map[string]struct {
		env     []string
		problem string // "" = valid
	}{
		"no cluster":              {nil, ""},
		"automanaged with seeds":  {[]string{"ACTORD_CLUSTER_PROVIDER=automanaged", "ACTORD_CLUSTER_SEEDS=127.0.0.1:6330, 127.0.0.1:6331"}, ""},
		"automanaged, no seeds":   {[]string{"ACTORD_CLUSTER_PROVIDER=automanaged"}, "needs ACTORD_CLUSTER_SEEDS"},
		"bad seed":                {[]string{"ACTORD_CLUSTER_PROVIDER=automanaged", "ACTORD_CLUSTER_SEEDS=su1"}, "ACTORD_CLUSTER_SEEDS"},
		"unknown provider":        {[]string{"ACTORD_CLUSTER_PROVIDER=consul"}, "must be one of"},
		"unreachable remote host": {[]string{"ACTORD_CLUSTER_PROVIDER=etcd", "ACTORD_CLUSTER_ADDR=0.0.0.0:8090"}, "name a host other nodes can reach"},
		"router needs membership": {[]string{"MODE=router"}, "MODE=router needs ACTORD_CLUSTER_PROVIDER"},
		"router on etcd":          {[]string{"MODE=router", "ACTORD_CLUSTER_PROVIDER=etcd", "ACTORD_ETCD_ENDPOINTS=http://e1:2379,http://e2:2379"}, ""},
		"public url":              {[]string{"ACTORD_PUBLIC_URL=su1:9000"}, "ACTORD_PUBLIC_URL"},
	} {
		t.Run(name, func(t *testing.T) {
			r, err := resolve(t, nil, tc.env)
			switch {
			case tc.problem == "" && err != nil:
				t.Fatalf("unexpected problem: %v", err)
			case tc.problem != "" && (err == nil || !strings.Contains(err.Error(), tc.problem)):
				t.Fatalf("err = %v, want one containing %q", err, tc.problem)
			}
			if name == "router on etcd" && len(r.EtcdEndpoints) != 2 {
				t.Fatalf("endpoints = %q", r.EtcdEndpoints)
			}
		})
	}
}

func TestFlagName(t *testing.T) {
	for env, want := range map[string]string{"SU_WALLET_PATH": "su-wallet-path", "ACTORD_HTTP_ADDR": "http-addr", "MODE": "mode"} {
		if got := FlagName(env); got != want {
			t.Errorf("FlagName(%s) = %s, want %s", env, got, want)
		}
	}
}
