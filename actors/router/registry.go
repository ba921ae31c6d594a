package router

import (
	"errors"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/asynkron/protoactor-go/actor"
	"github.com/asynkron/protoactor-go/cluster"
	"github.com/asynkron/protoactor-go/eventstream"
	"github.com/asynkron/protoactor-go/scheduler"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/actord/actord/actors/suremote"
	"github.com/actord/actord/internal/config"
	"github.com/actord/actord/internal/membership"
	"github.com/actord/actord/messages"
)

// Errors of placement and lookup; the HTTP layer maps both to 503.
var (
	ErrNoSU       = errors.New("no live SU can take new processes")
	ErrSUDown     = errors.New("the SU that owns this process is unavailable")
	ErrWalletDown = errors.New("the SU this wallet is routed to is unavailable")
)

// RegistryConfig configures the Registry.
type RegistryConfig struct {
	List   []config.SchedulerEntry // SCHEDULER_LIST_PATH, may be empty
	Counts map[string]int          // confirmed processes per SU, from the route store
	// Poll is the info poll period; LiveFor how long an answer counts.
	Poll, LiveFor time.Duration
	// Topology returns the latest topology seen before the Registry
	// started (membership.Watcher.Last); may be nil.
	Topology func() *cluster.ClusterTopology
	Logger   *slog.Logger
	Metrics  prometheus.Registerer
}

// Target is a live SU.
type Target struct {
	URL string
	PID *actor.PID // its suremote actor
}

// Messages the Registry answers (by RequestFuture).
type (
	// Pick places a new process whose owner has this wallet address.
	Pick struct{ Owner string }
	// Locate finds the SU at URL.
	Locate struct{ URL string }
	// Live lists the live SUs.
	Live struct{}
	// Confirmed tells the Registry a process was confirmed on URL (no answer).
	Confirmed struct{ URL string }

	Picked struct {
		Target
		Reason string // "wallet" or "load"
		Err    error
	}
	Located struct {
		Target
		Err error
	}
	LiveSUs []SUState
)

// SUState is the Registry's view of one SU, for /health and tests.
type SUState struct {
	URL       string `json:"url"`
	Member    string `json:"member,omitempty"`
	Address   string `json:"address,omitempty"`
	Version   string `json:"version,omitempty"` // the SU's actord build, for mixed-version clusters
	Live      bool   `json:"live"`
	Active    int64  `json:"active"`
	Processes int    `json:"processes"`
	Listed    bool   `json:"listed"`
}

type tick struct{}

type infoResult struct {
	member string
	info   *messages.SUInfo
	err    error
	at     time.Time
}

type member struct {
	id, address string
	info        *messages.SUInfo
	lastOK      time.Time
	placed      int64 // placements since info
	polling     bool
}

type registry struct {
	cfg     RegistryConfig
	listed  map[string]config.SchedulerEntry
	order   []string // listed URLs, file order
	members map[string]*member
	counts  map[string]int
	sub     *eventstream.Subscription
	cancel  scheduler.CancelFunc
	m       *metrics
}

// NewRegistryProps returns the Registry's props.
func NewRegistryProps(cfg RegistryConfig) *actor.Props {
	m := newMetrics(cfg.Metrics)
	return actor.PropsFromProducer(func() actor.Actor { return newRegistry(cfg, m) })
}

func newRegistry(cfg RegistryConfig, m *metrics) *registry {
	if cfg.Poll <= 0 {
		cfg.Poll = time.Second
	}
	if cfg.LiveFor <= 0 {
		cfg.LiveFor = 3 * cfg.Poll
	}
	r := &registry{cfg: cfg, listed: map[string]config.SchedulerEntry{}, members: map[string]*member{}, counts: map[string]int{}, m: m}
	for _, e := range cfg.List {
		u := strings.TrimSuffix(e.URL, "/")
		r.listed[u] = e
		r.order = append(r.order, u)
	}
	for k, v := range cfg.Counts {
		r.counts[k] = v
	}
	return r
}

func (r *registry) Receive(ctx actor.Context) {
	switch msg := ctx.Message().(type) {
	case *actor.Started:
		self, root := ctx.Self(), ctx.ActorSystem().Root
		r.sub = ctx.ActorSystem().EventStream.Subscribe(func(ev any) {
			if t, ok := ev.(*cluster.ClusterTopology); ok {
				root.Send(self, t)
			}
		})
		if r.cfg.Topology != nil {
			if t := r.cfg.Topology(); t != nil {
				r.topology(ctx, t)
			}
		}
		r.cancel = scheduler.NewTimerScheduler(ctx).SendRepeatedly(r.cfg.Poll, r.cfg.Poll, self, &tick{})
	case *actor.Stopping:
		if r.sub != nil {
			ctx.ActorSystem().EventStream.Unsubscribe(r.sub)
		}
		if r.cancel != nil {
			r.cancel()
		}
	case *cluster.ClusterTopology:
		r.topology(ctx, msg)
	case *tick:
		r.poll(ctx)
	case *infoResult:
		r.infoResult(msg)
	case *Pick:
		ctx.Respond(r.pick(msg.Owner))
	case *Locate:
		ctx.Respond(r.locate(msg.URL))
	case *Confirmed:
		r.counts[msg.URL]++
	case *Live:
		ctx.Respond(r.snapshot())
	}
}

func (r *registry) topology(ctx actor.Context, t *cluster.ClusterTopology) {
	seen := map[string]bool{}
	for _, m := range t.Members {
		if !hasKind(m.Kinds, membership.SUKind) {
			continue
		}
		seen[m.Id] = true
		if _, ok := r.members[m.Id]; !ok {
			r.members[m.Id] = &member{id: m.Id, address: m.Address()}
			r.cfg.Logger.Info("SU node joined", "member", m.Id, "address", m.Address())
		}
	}
	for id, m := range r.members {
		if !seen[id] {
			delete(r.members, id)
			url := ""
			if m.info != nil {
				url = m.info.Url
			}
			r.cfg.Logger.Warn("SU node left", "member", id, "address", m.address, "url", url)
		}
	}
	r.poll(ctx)
}

func hasKind(kinds []string, k string) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// poll asks every member for its info; answers come back as infoResult.
func (r *registry) poll(ctx actor.Context) {
	self, root := ctx.Self(), ctx.ActorSystem().Root
	for _, m := range r.members {
		if m.polling {
			continue
		}
		m.polling = true
		f := root.RequestFuture(actor.NewPID(m.address, suremote.Name), &messages.SUInfoRequest{}, r.cfg.LiveFor)
		id := m.id
		go func() {
			res, err := f.Result()
			ir := &infoResult{member: id, err: err, at: time.Now()}
			if err == nil {
				if info, ok := res.(*messages.SUInfo); ok {
					ir.info = info
				} else {
					ir.err = errors.New("unexpected answer to SUInfoRequest")
				}
			}
			root.Send(self, ir)
		}()
	}
	r.m.live.Set(float64(len(r.live(time.Now()))))
}

func (r *registry) infoResult(res *infoResult) {
	m, ok := r.members[res.member]
	if !ok {
		return
	}
	m.polling = false
	if res.err != nil {
		if !m.lastOK.IsZero() && res.at.Sub(m.lastOK) > r.cfg.LiveFor {
			r.cfg.Logger.Debug("SU info poll failed", "member", m.id, "err", res.err)
		}
		return
	}
	res.info.Url = strings.TrimSuffix(res.info.Url, "/")
	if m.info == nil || m.info.Url != res.info.Url || m.info.Ready != res.info.Ready {
		r.cfg.Logger.Info("SU node reported", "member", m.id, "url", res.info.Url, "ready", res.info.Ready, "listed", r.isListed(res.info.Url))
	}
	m.info, m.lastOK, m.placed = res.info, res.at, 0
}

func (r *registry) isListed(url string) bool { _, ok := r.listed[url]; return ok }

// live returns the live members by URL. If two members claim one URL
// (an SU restarted and its old member has not expired), the freshest wins.
func (r *registry) live(now time.Time) map[string]*member {
	out := map[string]*member{}
	for _, m := range r.members {
		if m.info == nil || !m.info.Ready || now.Sub(m.lastOK) > r.cfg.LiveFor {
			continue
		}
		if o, ok := out[m.info.Url]; !ok || m.lastOK.After(o.lastOK) {
			out[m.info.Url] = m
		}
	}
	return out
}

func target(m *member) Target {
	return Target{URL: m.info.Url, PID: actor.NewPID(m.address, suremote.Name)}
}

func (r *registry) pick(owner string) *Picked {
	live := r.live(time.Now())
	// Wallet routing: the operator pinned this wallet; falling back to
	// another SU would defeat the pin, so a down pinned SU is a 503.
	pinned := false
	for _, u := range r.order {
		e := r.listed[u]
		if e.NoRoute || !listsWallet(e.WalletsToRoute, owner) {
			continue
		}
		pinned = true
		if m, ok := live[u]; ok {
			m.placed++
			r.m.placements.WithLabelValues("wallet").Inc()
			return &Picked{Target: target(m), Reason: "wallet"}
		}
	}
	if pinned {
		return &Picked{Err: ErrWalletDown}
	}
	var best *member
	for u, m := range live {
		if e, ok := r.listed[u]; ok && (e.NoRoute || e.WalletsOnly) {
			continue
		}
		if best == nil || r.less(m, best) {
			best = m
		}
	}
	if best == nil {
		return &Picked{Err: ErrNoSU}
	}
	best.placed++
	r.m.placements.WithLabelValues("load").Inc()
	return &Picked{Target: target(best), Reason: "load"}
}

// less orders SUs for placement: load, then confirmed processes, then URL.
func (r *registry) less(a, b *member) bool {
	la, lb := a.info.Active+a.placed, b.info.Active+b.placed
	if la != lb {
		return la < lb
	}
	ca, cb := r.counts[a.info.Url], r.counts[b.info.Url]
	if ca != cb {
		return ca < cb
	}
	return a.info.Url < b.info.Url
}

func listsWallet(list, owner string) bool {
	if owner == "" {
		return false
	}
	for _, w := range strings.Split(list, ",") {
		if strings.TrimSpace(w) == owner {
			return true
		}
	}
	return false
}

func (r *registry) locate(url string) *Located {
	if m, ok := r.live(time.Now())[strings.TrimSuffix(url, "/")]; ok {
		return &Located{Target: target(m)}
	}
	return &Located{Err: ErrSUDown}
}

func (r *registry) snapshot() LiveSUs {
	now := time.Now()
	live := r.live(now)
	byURL := map[string]*SUState{}
	for _, u := range r.order {
		byURL[u] = &SUState{URL: u, Listed: true}
	}
	for _, m := range r.members {
		if m.info == nil {
			continue
		}
		s, ok := byURL[m.info.Url]
		if !ok {
			s = &SUState{URL: m.info.Url}
			byURL[m.info.Url] = s
		}
		if lm, ok := live[m.info.Url]; ok && lm == m {
			s.Live, s.Member, s.Address, s.Active, s.Version = true, m.id, m.info.Address, m.info.Active, m.info.Version
		}
	}
	out := make(LiveSUs, 0, len(byURL))
	for _, s := range byURL {
		s.Processes = r.counts[s.URL]
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}
