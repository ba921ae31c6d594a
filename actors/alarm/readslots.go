package alarm

import (
	"container/heap"

	"github.com/asynkron/protoactor-go/actor"
)

// readSlot asks the Scheduler actor for a read slot; priority is the
// call's target block (lower goes first).
type readSlot struct {
	pid      *actor.PID
	priority uint64
}

// readGranted hands a read slot to a CallActor.
type readGranted struct{}

// readDone returns a read slot (sent by the goroutine that did the read).
type readDone struct{ pid *actor.PID }

// readSlots bounds the call reads in flight and orders the waiting ones by
// how soon the call needs action: with thousands of calls read at start,
// one due in a few blocks must not wait behind calls due next month. It
// is state of the Scheduler actor, used only in its Receive.
type readSlots struct {
	limit   int
	inUse   int
	held    map[string]int // slots granted per CallActor and not returned
	queue   slotQueue
	arrived uint64 // keeps equal priorities first come, first served
}

func newReadSlots(limit int) readSlots {
	return readSlots{limit: limit, held: map[string]int{}}
}

func (r *readSlots) wait(pid *actor.PID, priority uint64) {
	r.arrived++
	heap.Push(&r.queue, slotWaiter{pid: pid, priority: priority, seq: r.arrived})
}

// grant takes free slots for the most urgent waiters and returns them.
func (r *readSlots) grant() []*actor.PID {
	var out []*actor.PID
	for r.inUse < r.limit && r.queue.Len() > 0 {
		w := heap.Pop(&r.queue).(slotWaiter)
		r.inUse++
		r.held[w.pid.Id]++
		out = append(out, w.pid)
	}
	return out
}

func (r *readSlots) done(pid *actor.PID) {
	if r.held[pid.Id] == 0 {
		return // already reclaimed when the actor stopped
	}
	r.held[pid.Id]--
	if r.held[pid.Id] == 0 {
		delete(r.held, pid.Id)
	}
	r.inUse--
}

// forget drops a stopped CallActor's requests and reclaims its slots
// (a grant sent to it as it stopped would otherwise be lost).
func (r *readSlots) forget(pid *actor.PID) {
	r.inUse -= r.held[pid.Id]
	delete(r.held, pid.Id)
	kept := r.queue[:0]
	for _, w := range r.queue {
		if w.pid.Id != pid.Id {
			kept = append(kept, w)
		}
	}
	r.queue = kept
	heap.Init(&r.queue)
}

func (r *readSlots) waiting() int { return r.queue.Len() }

type slotWaiter struct {
	pid      *actor.PID
	priority uint64
	seq      uint64
}

// slotQueue is a min-heap by (priority, arrival).
type slotQueue []slotWaiter

func (q slotQueue) Len() int { return len(q) }
func (q slotQueue) Less(i, j int) bool {
	if q[i].priority != q[j].priority {
		return q[i].priority < q[j].priority
	}
	return q[i].seq < q[j].seq
}
func (q slotQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *slotQueue) Push(x any)   { *q = append(*q, x.(slotWaiter)) }
func (q *slotQueue) Pop() any {
	old := *q
	w := old[len(old)-1]
	*q = old[:len(old)-1]
	return w
}
