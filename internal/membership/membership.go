package membership

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/asynkron/protoactor-go/cluster"
	"github.com/asynkron/protoactor-go/cluster/clusterproviders/automanaged"
	"github.com/asynkron/protoactor-go/cluster/clusterproviders/etcd"
	"github.com/asynkron/protoactor-go/cluster/identitylookup/disthash"
	"github.com/asynkron/protoactor-go/remote"
	clientv3 "go.etcd.io/etcd/client/v3"
	"google.golang.org/grpc"
)

// SUKind is the cluster kind SU nodes register: routers treat members
// that list it as SUs.
const SUKind = "actord-su"

// MaxMessageBytes bounds one remote message: a forwarded request body
// (at most 10 MiB) or a schedule page, with room for the envelope.
const MaxMessageBytes = 64 << 20

// Config says how to join.
type Config struct {
	Provider        string // "automanaged" or "etcd"
	Name            string // cluster name
	Addr            string // remoting host:port (port 0 picks one)
	Seeds           []string
	AutomanagedPort int
	EtcdEndpoints   []string
	// Kinds this node hosts; SU nodes pass SUKind. A node with none joins
	// as a client: it sees the members but is not one.
	Kinds  []*cluster.Kind
	Logger *slog.Logger
}

// Join starts remoting and membership on sys. It returns once this node
// has joined (or failed to).
func Join(ctx context.Context, sys *actor.ActorSystem, cfg Config) (m *Member, err error) {
	host, portStr, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("cluster address %q: %w", cfg.Addr, err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil {
		return nil, fmt.Errorf("cluster address %q: bad port", cfg.Addr)
	}
	var provider cluster.ClusterProvider
	switch cfg.Provider {
	case "automanaged":
		provider = automanaged.NewWithConfig(time.Second, cfg.AutomanagedPort, cfg.Seeds...)
	case "etcd":
		provider = &lazyEtcd{endpoints: cfg.EtcdEndpoints}
	default:
		return nil, fmt.Errorf("unknown cluster provider %q", cfg.Provider)
	}
	rc := remote.Configure(host, port,
		remote.WithServerOptions(grpc.MaxRecvMsgSize(MaxMessageBytes), grpc.MaxSendMsgSize(MaxMessageBytes)),
		remote.WithDialOptions(grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(MaxMessageBytes), grpc.MaxCallSendMsgSize(MaxMessageBytes))),
	)
	// WithDialOptions replaces the defaults, which include the insecure
	// transport credentials remoting needs; put them back.
	rc.DialOptions = append(rc.DialOptions, insecureCreds())
	c := cluster.New(sys, cluster.Configure(cfg.Name, provider, disthash.New(), rc, cluster.WithKinds(cfg.Kinds...)))
	// protoactor panics when remoting cannot listen or the provider
	// cannot register; turn that into an error for the operator.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("joining the cluster: %v", r)
		}
	}()
	if len(cfg.Kinds) == 0 {
		c.StartClient()
	} else {
		c.StartMember()
	}
	if cfg.Logger != nil {
		cfg.Logger.Info("Joined cluster", "cluster", cfg.Name, "provider", cfg.Provider, "address", sys.Address(), "member", len(cfg.Kinds) > 0)
	}
	return &Member{c: c}, nil
}

// lazyEtcd creates the etcd provider (and its gRPC client) only when the
// cluster starts it, after remoting started: protoactor's Remote.Start
// replaces gRPC's global logger, which a running gRPC client reads
// unsynchronised (a data race that -race reports).
type lazyEtcd struct {
	endpoints []string
	p         *etcd.Provider
}

func (l *lazyEtcd) provider() (*etcd.Provider, error) {
	if l.p == nil {
		p, err := etcd.NewWithConfig("/actord", clientv3.Config{Endpoints: l.endpoints, DialTimeout: 5 * time.Second},
			etcd.WithKeepAliveTTL(3*time.Second))
		if err != nil {
			return nil, fmt.Errorf("etcd %v: %w", l.endpoints, err)
		}
		l.p = p
	}
	return l.p, nil
}

func (l *lazyEtcd) StartMember(c *cluster.Cluster) error {
	p, err := l.provider()
	if err != nil {
		return err
	}
	return p.StartMember(c)
}

func (l *lazyEtcd) StartClient(c *cluster.Cluster) error {
	p, err := l.provider()
	if err != nil {
		return err
	}
	return p.StartClient(c)
}

func (l *lazyEtcd) Shutdown(graceful bool) error {
	if l.p == nil {
		return nil
	}
	return l.p.Shutdown(graceful)
}

// Member is this node's place in the cluster.
type Member struct {
	c    *cluster.Cluster
	left bool
}

// Deregister takes this node out of membership, so that routers stop
// sending to it; remoting keeps serving until Close.
func (m *Member) Deregister(logger *slog.Logger) {
	if m.left {
		return
	}
	m.left = true
	defer func() {
		// The automanaged provider of a client has nothing to close and
		// panics on Shutdown.
		if r := recover(); r != nil {
			logger.Debug("Cluster provider shutdown panicked", "panic", fmt.Sprint(r))
		}
	}()
	if err := m.c.Config.ClusterProvider.Shutdown(true); err != nil {
		logger.Warn("Leaving the cluster failed", "err", err)
	}
}

// Close deregisters (if not done yet) and stops remoting.
func (m *Member) Close(logger *slog.Logger) {
	m.Deregister(logger)
	m.c.Remote.Shutdown(true)
	logger.Info("Left cluster")
}

// Watcher remembers the latest cluster topology. Start it before Join:
// providers publish a topology only when it changes, so an actor that
// subscribes later reads the current one here.
type Watcher struct {
	mu   sync.Mutex
	last *cluster.ClusterTopology
}

// Watch subscribes a Watcher to sys's event stream.
func Watch(sys *actor.ActorSystem) *Watcher {
	w := &Watcher{}
	sys.EventStream.Subscribe(func(ev any) {
		if t, ok := ev.(*cluster.ClusterTopology); ok {
			w.mu.Lock()
			w.last = t
			w.mu.Unlock()
		}
	})
	return w
}

// Last returns the latest topology, or nil before the first.
func (w *Watcher) Last() *cluster.ClusterTopology {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.last
}
