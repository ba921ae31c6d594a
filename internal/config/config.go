package config

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/joho/godotenv"

	"github.com/actord/actord/internal/wallet"
)

// Config is actord's resolved configuration.
type Config struct {
	Mode            string
	HTTPAddr        string
	LogFormat       string
	LogLevel        slog.Level
	ShutdownTimeout time.Duration
	PprofAddr       string

	SUWalletPath       string
	SUDataDir          string
	DatabaseURL        string
	DatabaseReadURL    string
	DBWriteConnections int
	DBReadConnections  int
	UseDisk            bool
	MigrationBatchSize int
	GatewayURL         string
	UploadNodeURL      string
	SchedulerListPath  string

	// Cluster membership and routing.
	ClusterProvider string
	ClusterName     string
	ClusterAddr     string
	ClusterSeeds    []string
	AutomanagedPort int
	EtcdEndpoints   []string
	PublicURL       string
	RouterRedirect  bool
	RouterTimeout   time.Duration

	RPCURL string
	// Alarm Clock client.
	AlarmAddress      string
	AlarmKeyFile      string
	AlarmKeystore     string
	AlarmPasswordFile string
	AlarmDataDir      string
	// AlarmConfirmations is how many blocks, the transaction's own
	// included, make an alarm transaction final.
	AlarmConfirmations uint64
}

// Source says where a setting's value came from.
type Source string

// Sources, lowest precedence first.
const (
	SourceDefault  Source = "default"
	SourceDotEnv   Source = ".env"
	SourceEnv      Source = "environment"
	SourceFlag     Source = "flag"
	SourceArgument Source = "argument"
)

type setting struct {
	env    string
	def    string
	usage  string
	secret bool
	set    func(c *Config, v string) error
}

// settings lists every setting. Parsing happens in set; cross-setting
// checks happen in validate.
var settings = []setting{
	{env: "MODE", def: "su", usage: "role of this node: su (single node, default) or router",
		set: func(c *Config, v string) error { c.Mode = v; return oneOf(v, "su", "router") }},
	{env: "ACTORD_HTTP_ADDR", def: ":9000", usage: "listen address of the HTTP API",
		set: func(c *Config, v string) error { c.HTTPAddr = v; return checkAddr(v) }},
	{env: "ACTORD_LOG_FORMAT", def: "auto", usage: "log format: auto (text on a terminal, JSON otherwise), text or json",
		set: func(c *Config, v string) error { c.LogFormat = v; return oneOf(v, "auto", "text", "json") }},
	{env: "ACTORD_LOG_LEVEL", def: "info", usage: "log level: debug, info, warn or error",
		set: func(c *Config, v string) error { return c.LogLevel.UnmarshalText([]byte(v)) }},
	{env: "ACTORD_PPROF_ADDR", usage: "serve Go's /debug/pprof profiles on this address (keep it on loopback); empty: off",
		set: func(c *Config, v string) error {
			c.PprofAddr = v
			if v == "" {
				return nil
			}
			return checkAddr(v)
		}},
	{env: "ACTORD_SHUTDOWN_TIMEOUT", def: "15s", usage: "how long a graceful shutdown may take before actord exits anyway",
		set: func(c *Config, v string) (err error) { c.ShutdownTimeout, err = positiveDuration(v); return err }},
	{env: "SU_WALLET_PATH", usage: "Arweave JWK wallet (RSA-4096) that signs assignments; generated in SU_DATA_DIR when empty",
		set: func(c *Config, v string) error { c.SUWalletPath = v; return nil }},
	{env: "SU_DATA_DIR", def: "./data", usage: "directory of the embedded Pebble store and other local state",
		set: func(c *Config, v string) error { c.SUDataDir = v; return nonEmpty(v) }},
	{env: "DATABASE_URL", secret: true, usage: "PostgreSQL writer (postgres://...); empty keeps everything in Pebble",
		set: func(c *Config, v string) error { c.DatabaseURL = v; return checkPostgres(v) }},
	{env: "DATABASE_READ_URL", secret: true, usage: "PostgreSQL read replica; defaults to DATABASE_URL",
		set: func(c *Config, v string) error { c.DatabaseReadURL = v; return checkPostgres(v) }},
	{env: "DB_WRITE_CONNECTIONS", def: "10", usage: "size of the PostgreSQL writer pool",
		set: func(c *Config, v string) (err error) { c.DBWriteConnections, err = intIn(v, 1, 10000); return err }},
	{env: "DB_READ_CONNECTIONS", def: "10", usage: "size of the PostgreSQL reader pool",
		set: func(c *Config, v string) (err error) { c.DBReadConnections, err = intIn(v, 1, 10000); return err }},
	{env: "USE_DISK", def: "false", usage: "with DATABASE_URL: keep data item bytes in Pebble under SU_DATA_DIR, the index in PostgreSQL",
		set: func(c *Config, v string) (err error) { c.UseDisk, err = strconv.ParseBool(v); return err }},
	{env: "MIGRATION_BATCH_SIZE", def: "1000", usage: "rows per batch for actord mig",
		set: func(c *Config, v string) (err error) { c.MigrationBatchSize, err = intIn(v, 1, 1000000); return err }},
	{env: "GATEWAY_URL", def: "https://arweave.net", usage: "Arweave gateway for /info, transaction status and GraphQL",
		set: func(c *Config, v string) error { c.GatewayURL = v; return checkURL(v, "http", "https") }},
	{env: "UPLOAD_NODE_URL", usage: "bundler that receives uploads at {url}/tx/arweave; empty keeps items in the outbox",
		set: func(c *Config, v string) error { c.UploadNodeURL = v; return checkURL(v, "http", "https") }},
	{env: "SCHEDULER_LIST_PATH", usage: "router mode: JSON list of SUs ({url, no_route, wallets_to_route, wallets_only})",
		set: func(c *Config, v string) error { c.SchedulerListPath = v; return nil }},
	{env: "ACTORD_CLUSTER_PROVIDER", usage: "cluster membership: empty (no cluster), automanaged (static ACTORD_CLUSTER_SEEDS) or etcd",
		set: func(c *Config, v string) error { c.ClusterProvider = v; return oneOf(v, "", "automanaged", "etcd") }},
	{env: "ACTORD_CLUSTER_NAME", def: "actord", usage: "cluster name: nodes join only clusters of the same name",
		set: func(c *Config, v string) error { c.ClusterName = v; return nonEmpty(v) }},
	{env: "ACTORD_CLUSTER_ADDR", def: "127.0.0.1:0", usage: "host:port of protoactor remoting (gRPC); other nodes must reach this host",
		set: func(c *Config, v string) error { c.ClusterAddr = v; return checkAddr(v) }},
	{env: "ACTORD_CLUSTER_SEEDS", usage: "automanaged: comma-separated host:port of every node's membership port (ACTORD_AUTOMANAGED_PORT)",
		set: func(c *Config, v string) error { c.ClusterSeeds = splitList(v); return eachAddr(c.ClusterSeeds) }},
	{env: "ACTORD_AUTOMANAGED_PORT", def: "6330", usage: "automanaged: port this node serves its membership health on (all interfaces)",
		set: func(c *Config, v string) (err error) { c.AutomanagedPort, err = intIn(v, 1, 65535); return err }},
	{env: "ACTORD_ETCD_ENDPOINTS", def: "http://127.0.0.1:2379", usage: "etcd: comma-separated client URLs",
		set: func(c *Config, v string) error { c.EtcdEndpoints = splitList(v); return nil }},
	{env: "ACTORD_PUBLIC_URL", usage: "an SU's URL as clients and routers name it (SCHEDULER_LIST_PATH); default http://<http addr>",
		set: func(c *Config, v string) error {
			c.PublicURL = strings.TrimSuffix(v, "/")
			return checkURL(v, "http", "https")
		}},
	{env: "ACTORD_ROUTER_REDIRECT", def: "false", usage: "router: answer 307 to the owning SU (reference behaviour) instead of forwarding over remoting",
		set: func(c *Config, v string) (err error) { c.RouterRedirect, err = strconv.ParseBool(v); return err }},
	{env: "ACTORD_ROUTER_TIMEOUT", def: "30s", usage: "router: how long a forwarded request may take before the client gets 503",
		set: func(c *Config, v string) (err error) { c.RouterTimeout, err = positiveDuration(v); return err }},
	{env: "ACTORD_RPC_URL", usage: "Ethereum JSON-RPC endpoint (http, ws or an IPC path); when set the alarm client runs",
		set: func(c *Config, v string) error { c.RPCURL = v; return checkRPC(v) }},
	{env: "ACTORD_ALARM_ADDRESS", def: "0xe109ecb193841af9da3110c80fdd365d1c23be2a", usage: "address of the Alarm Scheduler contract (v0.6)",
		set: func(c *Config, v string) error { c.AlarmAddress = v; return checkAddress(v) }},
	{env: "ACTORD_ALARM_KEY_FILE", usage: "file with the executor's hex private key (signs locally)",
		set: func(c *Config, v string) error { c.AlarmKeyFile = v; return nil }},
	{env: "ACTORD_ALARM_KEYSTORE", usage: "go-ethereum keystore directory holding the executor's key (with ACTORD_ALARM_PASSWORD_FILE)",
		set: func(c *Config, v string) error { c.AlarmKeystore = v; return nil }},
	{env: "ACTORD_ALARM_PASSWORD_FILE", usage: "file with the keystore password",
		set: func(c *Config, v string) error { c.AlarmPasswordFile = v; return nil }},
	{env: "ACTORD_ALARM_DATA_DIR", def: "./data/alarm", usage: "directory of the alarm client's transaction journal",
		set: func(c *Config, v string) error { c.AlarmDataDir = v; return nonEmpty(v) }},
	{env: "ACTORD_ALARM_CONFIRMATIONS", def: "3", usage: "blocks, the transaction's own included, before an alarm transaction is final; until then a reorg that drops it is handled",
		set: func(c *Config, v string) error {
			n, err := intIn(v, 1, 1000)
			c.AlarmConfirmations = uint64(n)
			return err
		}},
}

func checkAddress(v string) error {
	if len(v) != 42 || !strings.HasPrefix(v, "0x") {
		return errors.New("is not a 0x-prefixed 20-byte address")
	}
	for _, c := range v[2:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return errors.New("is not a 0x-prefixed 20-byte address")
		}
	}
	return nil
}

// FlagName returns the flag that sets the environment variable env.
func FlagName(env string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(env, "ACTORD_")), "_", "-")
}

// Flags holds the flags registered on a FlagSet.
type Flags struct {
	fs      *flag.FlagSet
	values  map[string]*string
	envFile *string
}

// Register adds a flag for every setting, plus --env-file, to fs.
func Register(fs *flag.FlagSet) *Flags {
	f := &Flags{fs: fs, values: make(map[string]*string)}
	for _, s := range settings {
		usage := s.usage + " (env " + s.env + ")"
		f.values[s.env] = fs.String(FlagName(s.env), s.def, usage)
	}
	f.envFile = fs.String("env-file", "", "dotenv file to read (env ACTORD_ENV_FILE; default ./.env if it exists)")
	return f
}

// Value is one resolved setting, for display.
type Value struct {
	Env    string
	Flag   string
	Value  string // redacted when secret
	Source Source
	Usage  string
}

// Resolved is a resolved configuration with where each value came from.
type Resolved struct {
	Config
	Values   []Value
	EnvFile  string // the dotenv file that was read, if any
	Warnings []string
}

// Override sets a setting from a positional argument (for example the
// port of `actord su PORT`), which wins over every other source.
type Override struct {
	Env   string
	Value string
}

// Resolve computes the configuration from parsed flags, the process
// environment (environ, as os.Environ returns it) and the dotenv file. The
// returned error joins every problem found.
func Resolve(f *Flags, environ []string, overrides ...Override) (*Resolved, error) {
	env := make(map[string]string, len(environ))
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	flagSet := make(map[string]bool)
	if f.fs != nil {
		f.fs.Visit(func(fl *flag.Flag) { flagSet[fl.Name] = true })
	}
	var problems []error
	r := &Resolved{}

	dotenv, path, err := readDotEnv(*f.envFile, flagSet["env-file"], env)
	if err != nil {
		problems = append(problems, err)
	}
	r.EnvFile = path

	over := make(map[string]string)
	for _, o := range overrides {
		over[o.Env] = o.Value
	}
	for _, s := range settings {
		v, src := s.def, SourceDefault
		if dv, ok := dotenv[s.env]; ok {
			v, src = dv, SourceDotEnv
		}
		if ev, ok := env[s.env]; ok {
			v, src = ev, SourceEnv
		}
		if flagSet[FlagName(s.env)] {
			v, src = *f.values[s.env], SourceFlag
		}
		if ov, ok := over[s.env]; ok {
			v, src = ov, SourceArgument
		}
		v = strings.TrimSpace(v)
		if err := s.set(&r.Config, v); err != nil {
			problems = append(problems, fmt.Errorf("%s=%q (from %s): %w", s.env, redact(s, v), src, err))
		}
		r.Values = append(r.Values, Value{Env: s.env, Flag: FlagName(s.env), Value: redact(s, v), Source: src, Usage: s.usage})
	}
	problems = append(problems, r.validate()...)
	return r, errors.Join(problems...)
}

// validate checks what depends on several settings or on files.
func (r *Resolved) validate() []error {
	var problems []error
	c := &r.Config
	if c.DatabaseReadURL == "" {
		c.DatabaseReadURL = c.DatabaseURL
	}
	if c.DatabaseReadURL != "" && c.DatabaseURL == "" {
		problems = append(problems, errors.New("DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs a writer"))
	}
	if c.UseDisk && c.DatabaseURL == "" {
		r.Warnings = append(r.Warnings, "USE_DISK=true has no effect without DATABASE_URL: the embedded store keeps all bytes in SU_DATA_DIR already")
	}
	if c.SUWalletPath != "" {
		if _, err := wallet.Load(c.SUWalletPath); err != nil {
			problems = append(problems, fmt.Errorf("SU_WALLET_PATH: %w", err))
		}
	}
	if fi, err := os.Stat(c.SUDataDir); err == nil && !fi.IsDir() {
		problems = append(problems, fmt.Errorf("SU_DATA_DIR=%q is a file, not a directory", c.SUDataDir))
	}
	if c.AlarmKeystore != "" && c.AlarmPasswordFile == "" {
		problems = append(problems, errors.New("ACTORD_ALARM_KEYSTORE needs ACTORD_ALARM_PASSWORD_FILE"))
	}
	if c.AlarmKeyFile != "" && c.AlarmKeystore != "" {
		problems = append(problems, errors.New("set ACTORD_ALARM_KEY_FILE or ACTORD_ALARM_KEYSTORE, not both"))
	}
	if c.Mode == "router" && c.ClusterProvider == "" {
		problems = append(problems, errors.New("MODE=router needs ACTORD_CLUSTER_PROVIDER (automanaged or etcd): the router learns live SUs from cluster membership"))
	}
	if c.ClusterProvider == "automanaged" && len(c.ClusterSeeds) == 0 {
		problems = append(problems, errors.New("ACTORD_CLUSTER_PROVIDER=automanaged needs ACTORD_CLUSTER_SEEDS, the membership ports of the SU nodes"))
	}
	if c.ClusterProvider == "etcd" && len(c.EtcdEndpoints) == 0 {
		problems = append(problems, errors.New("ACTORD_CLUSTER_PROVIDER=etcd needs ACTORD_ETCD_ENDPOINTS"))
	}
	if c.ClusterProvider != "" {
		if host, _, _ := net.SplitHostPort(c.ClusterAddr); host == "" || net.ParseIP(host).IsUnspecified() {
			problems = append(problems, fmt.Errorf("ACTORD_CLUSTER_ADDR=%q: name a host other nodes can reach, not an unspecified address", c.ClusterAddr))
		}
	}
	if c.SchedulerListPath != "" {
		if err := checkSchedulerList(c.SchedulerListPath); err != nil {
			problems = append(problems, fmt.Errorf("SCHEDULER_LIST_PATH: %w", err))
		}
	}
	return problems
}

// Problems splits an error returned by Resolve into its problems.
func Problems(err error) []string {
	if err == nil {
		return nil
	}
	var out []string
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, e.Error())
		}
		return out
	}
	return []string{err.Error()}
}

func readDotEnv(flagPath string, flagSet bool, env map[string]string) (map[string]string, string, error) {
	path, explicit := flagPath, flagSet
	if !explicit {
		if p, ok := env["ACTORD_ENV_FILE"]; ok && p != "" {
			path, explicit = p, true
		} else {
			path = ".env"
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return nil, "", nil
		}
		return nil, path, fmt.Errorf("reading env file: %w", err)
	}
	m, err := godotenv.UnmarshalBytes(b)
	if err != nil {
		return nil, path, fmt.Errorf("env file %s: %w", path, err)
	}
	return m, path, nil
}

func redact(s setting, v string) string {
	if !s.secret || v == "" {
		return v
	}
	if u, err := url.Parse(v); err == nil && u.Scheme != "" {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	// keyword=value form: hide the password field.
	fields := strings.Fields(v)
	for i, fld := range fields {
		if strings.HasPrefix(fld, "password=") {
			fields[i] = "password=xxxxx"
		}
	}
	return strings.Join(fields, " ")
}

func oneOf(v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("must be one of %s", strings.Join(allowed, ", "))
}

func nonEmpty(v string) error {
	if v == "" {
		return errors.New("must not be empty")
	}
	return nil
}

func intIn(v string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, errors.New("is not a whole number")
	}
	if n < lo || n > hi {
		return 0, fmt.Errorf("must be between %d and %d", lo, hi)
	}
	return n, nil
}

func positiveDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, errors.New("is not a duration like 15s or 1m")
	}
	if d <= 0 {
		return 0, errors.New("must be positive")
	}
	return d, nil
}

func checkAddr(v string) error {
	_, port, err := net.SplitHostPort(v)
	if err != nil {
		return fmt.Errorf("is not host:port: %w", err)
	}
	if _, err := intIn(port, 0, 65535); err != nil {
		return fmt.Errorf("port %q %w", port, err)
	}
	return nil
}

func checkURL(v string, schemes ...string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil {
		return fmt.Errorf("is not a URL: %w", err)
	}
	if oneOf(u.Scheme, schemes...) != nil || u.Host == "" {
		return fmt.Errorf("must be an absolute %s URL", strings.Join(schemes, " or "))
	}
	return nil
}

func splitList(v string) []string {
	var out []string
	for _, f := range strings.Split(v, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func eachAddr(addrs []string) error {
	for _, a := range addrs {
		if err := checkAddr(a); err != nil {
			return fmt.Errorf("%q %w", a, err)
		}
	}
	return nil
}

func checkRPC(v string) error {
	if v == "" || strings.HasPrefix(v, "/") || strings.HasSuffix(v, ".ipc") {
		return nil
	}
	return checkURL(v, "http", "https", "ws", "wss")
}

func checkPostgres(v string) error {
	if v == "" {
		return nil
	}
	if _, err := pgconn.ParseConfig(v); err != nil {
		// pgconn's error can quote the DSN; keep only its kind.
		return errors.New("is not a PostgreSQL connection string (postgres://user:pass@host:5432/db)")
	}
	return nil
}

// SchedulerEntry is one SU in the router's scheduler list, in the
// reference SU's format.
type SchedulerEntry struct {
	URL            string `json:"url"`
	NoRoute        bool   `json:"no_route,omitempty"`
	WalletsToRoute string `json:"wallets_to_route,omitempty"`
	WalletsOnly    bool   `json:"wallets_only,omitempty"`
}

// LoadSchedulerList reads and checks a scheduler list file.
func LoadSchedulerList(path string) ([]SchedulerEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list []SchedulerEntry
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%s is not a JSON list of {url, ...}: %w", path, err)
	}
	var problems []error
	seen := make(map[string]bool)
	for i, e := range list {
		if err := checkURL(e.URL, "http", "https"); err != nil || e.URL == "" {
			problems = append(problems, fmt.Errorf("entry %d: url %q must be an absolute http or https URL", i, e.URL))
		}
		if seen[e.URL] {
			problems = append(problems, fmt.Errorf("entry %d: url %q is listed twice", i, e.URL))
		}
		seen[e.URL] = true
	}
	return list, errors.Join(problems...)
}

func checkSchedulerList(path string) error {
	_, err := LoadSchedulerList(path)
	return err
}

// Sorted returns the values ordered by environment name.
func (r *Resolved) Sorted() []Value {
	out := append([]Value(nil), r.Values...)
	sort.Slice(out, func(i, j int) bool { return out[i].Env < out[j].Env })
	return out
}
