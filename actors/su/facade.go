package su

import (
	"context"
	"fmt"
	"time"

	"github.com/asynkron/protoactor-go/actor"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/schedule"
)

// Facade is what the HTTP API calls: it turns requests into messages to
// the Supervisor and waits for the answer within the caller's deadline.
type Facade struct {
	root    *actor.RootContext
	pid     *actor.PID
	timeout time.Duration
}

// NewFacade returns a facade for the Supervisor at pid.
func NewFacade(root *actor.RootContext, pid *actor.PID) *Facade {
	return &Facade{root: root, pid: pid, timeout: 30 * time.Second}
}

// Spawn schedules a process item (its nonce-0 entry). A process that is
// already scheduled is returned as it is, with Existing set.
func (f *Facade) Spawn(ctx context.Context, item *ans104.Item, raw []byte) (schedule.Written, error) {
	return f.write(ctx, &write{kind: kindSpawn, process: item.RawID(), item: item, raw: raw})
}

// Send schedules a message on the process its target names.
func (f *Facade) Send(ctx context.Context, item *ans104.Item, raw []byte) (schedule.Written, error) {
	var pid schedule.ID
	if len(item.Target) != len(pid) {
		return schedule.Written{}, fmt.Errorf("%w: a message needs a target process", schedule.ErrInvalid)
	}
	copy(pid[:], item.Target)
	return f.write(ctx, &write{kind: kindMessage, process: pid, item: item, raw: raw})
}

// Assign schedules an existing transaction on a process.
func (f *Facade) Assign(ctx context.Context, process, tx schedule.ID, excludes []string) (schedule.Written, error) {
	return f.write(ctx, &write{kind: kindAssign, process: process, tx: tx, excludes: excludes})
}

// Height returns the block height writes are stamped with now.
func (f *Facade) Height(ctx context.Context) (uint64, bool, error) {
	res, err := f.request(ctx, &heightQuery{})
	if err != nil {
		return 0, false, err
	}
	r := res.(*heightReply)
	return r.height, r.ok, nil
}

// Status is what routers learn about this SU.
type Status struct {
	Ready      bool // a block height is known, so writes are accepted
	Sequencers int  // processes with a live sequencer
}

// Status returns the SU's readiness and load.
func (f *Facade) Status(ctx context.Context) (Status, error) {
	res, err := f.request(ctx, &heightQuery{})
	if err != nil {
		return Status{}, err
	}
	r := res.(*heightReply)
	return Status{Ready: r.ok, Sequencers: r.sequencers}, nil
}

func (f *Facade) write(ctx context.Context, w *write) (schedule.Written, error) {
	res, err := f.request(ctx, w)
	if err != nil {
		return schedule.Written{}, err
	}
	r, ok := res.(*writeReply)
	if !ok {
		return schedule.Written{}, fmt.Errorf("%w: unexpected answer %T", schedule.ErrUnavailable, res)
	}
	return r.res, r.err
}

func (f *Facade) request(ctx context.Context, msg any) (any, error) {
	timeout := f.timeout
	if dl, ok := ctx.Deadline(); ok {
		timeout = time.Until(dl)
	}
	if timeout <= 0 {
		return nil, fmt.Errorf("%w: request deadline already passed", schedule.ErrUnavailable)
	}
	res, err := f.root.RequestFuture(f.pid, msg, timeout).Result()
	if err != nil {
		// The write may still complete: a retry of the same item then
		// answers 409 (message) or the existing process (spawn).
		return nil, fmt.Errorf("%w: the sequencer did not answer: %v", schedule.ErrUnavailable, err)
	}
	return res, nil
}
