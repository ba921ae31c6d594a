package node

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/asynkron/protoactor-go/actor"
)

// Ping asks the root actor to answer Pong.
type Ping struct{}

// Pong answers Ping.
type Pong struct{ Uptime time.Duration }

// Node is a handle on the running root actor.
type Node struct {
	root *actor.RootContext
	pid  *actor.PID
}

// Child is a role actor the root spawns, under its own name, when it
// starts. Children start in the order given.
type Child struct {
	Name  string
	Props *actor.Props
}

type rootActor struct {
	logger   *slog.Logger
	started  time.Time
	children []Child
}

func (a *rootActor) Receive(ctx actor.Context) {
	switch ctx.Message().(type) {
	case *actor.Started:
		a.started = time.Now()
		for _, c := range a.children {
			if _, err := ctx.SpawnNamed(c.Props, c.Name); err != nil {
				// Only a name clash can fail here: a programming error.
				panic(fmt.Errorf("spawning %s: %w", c.Name, err))
			}
		}
		a.logger.Info("Node started", "children", len(a.children))
	case *actor.Stopping:
		a.logger.Info("Node stopping")
	case *Ping:
		ctx.Respond(&Pong{Uptime: time.Since(a.started)})
	}
}

// supervisor restarts a failing child at most 10 times a minute; past
// that the failure is escalated and the node stops the child for good.
func supervisor(logger *slog.Logger) actor.SupervisorStrategy {
	return actor.NewOneForOneStrategy(10, time.Minute, func(reason any) actor.Directive {
		logger.Error("Child actor failed", "reason", fmt.Sprint(reason))
		return actor.RestartDirective
	})
}

// Start spawns the root actor under the name "node" with its children,
// and returns once they are all spawned.
func Start(sys *actor.ActorSystem, logger *slog.Logger, children ...Child) (*Node, error) {
	logger = logger.With("actor", "node")
	props := actor.PropsFromProducer(
		func() actor.Actor { return &rootActor{logger: logger, children: children} },
		actor.WithSupervisor(supervisor(logger)),
	)
	pid, err := sys.Root.SpawnNamed(props, "node")
	if err != nil {
		return nil, fmt.Errorf("spawning node actor: %w", err)
	}
	n := &Node{root: sys.Root, pid: pid}
	// The Ping is handled after Started, so its answer means every child
	// has been spawned.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := n.Healthy(ctx); err != nil {
		return nil, err
	}
	return n, nil
}

// PID returns the address of the child named name.
func (n *Node) PID(name string) *actor.PID {
	return actor.NewPID(n.pid.Address, n.pid.Id+"/"+name)
}

// ErrNotResponding means the root actor did not answer in time.
var ErrNotResponding = errors.New("node actor is not responding")

// Healthy asks the root actor for a Pong within ctx's deadline (1 s when
// ctx has none).
func (n *Node) Healthy(ctx context.Context) error {
	timeout := time.Second
	if dl, ok := ctx.Deadline(); ok {
		timeout = time.Until(dl)
	}
	if timeout <= 0 {
		return ErrNotResponding
	}
	res, err := n.root.RequestFuture(n.pid, &Ping{}, timeout).Result()
	if err != nil {
		return fmt.Errorf("%w: %v", ErrNotResponding, err)
	}
	if _, ok := res.(*Pong); !ok {
		return fmt.Errorf("%w: unexpected answer %T", ErrNotResponding, res)
	}
	return nil
}

// Stop stops the root actor and its children and waits for them, or until
// ctx ends.
func (n *Node) Stop(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- n.root.PoisonFuture(n.pid).Wait() }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return fmt.Errorf("stopping node actor: %w", ctx.Err())
	}
}

// ChildPID returns the address a child named name will have, for wiring
// callbacks before the node starts.
func ChildPID(sys *actor.ActorSystem, name string) *actor.PID {
	return actor.NewPID(sys.Address(), "node/"+name)
}
