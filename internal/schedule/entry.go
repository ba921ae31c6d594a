package schedule

import "errors"

// Kind is what a schedule entry schedules.
type Kind uint8

// Entry kinds.
const (
	KindProcess Kind = 1 // the process's own item, at nonce 0
	KindMessage Kind = 2 // a message item sent to the process
	KindAssign  Kind = 3 // an existing transaction assigned to the process (no item bytes)
)

// Role is what an id is in the entry an index points to.
type Role uint8

// Roles of an id.
const (
	RoleItem       Role = 1 // the entry's message or process item
	RoleAssignment Role = 2 // the entry's assignment
	RoleAssigned   Role = 3 // the transaction an assign entry schedules
)

// Part names one item of an entry to upload.
type Part uint8

// Parts of an entry.
const (
	PartItem       Part = 1
	PartAssignment Part = 2
)

// Entry is one scheduled item of a process, as stores keep it.
type Entry struct {
	Process      ID
	Nonce        uint64
	Timestamp    int64 // unix ms, the assignment's Timestamp tag
	Kind         Kind
	HashChain    ID
	AssignmentID ID
	MessageID    ID     // the item id (process or message), or the assigned transaction's id
	Assignment   []byte // the signed assignment item
	Item         []byte // the message or process item as received; nil for KindAssign
}

// Head is the state of a process after its last entry.
type Head struct {
	Nonce        uint64
	Timestamp    int64
	HashChain    ID
	AssignmentID ID
}

// Location is an entry an id appears in.
type Location struct {
	Process ID
	Nonce   uint64
	Role    Role
}

// OutboxRecord is one item waiting to be uploaded.
type OutboxRecord struct {
	Seq     uint64
	Process ID
	Nonce   uint64
	Part    Part
}

// Written is the result of a successful write.
type Written struct {
	ID        string // message id, process id, or assignment id for assigns
	Nonce     uint64
	Timestamp int64
	// Existing is set when a spawn found its process already scheduled:
	// nothing new was written.
	Existing bool
}

// Errors shared by stores, the sequencer and the HTTP API. The API maps
// them to status codes in one table.
var (
	ErrNotFound       = errors.New("not found")
	ErrUnknownProcess = errors.New("process not found")
	ErrDuplicate      = errors.New("message already scheduled")
	ErrConflict       = errors.New("schedule head changed: another writer appended first")
	ErrInvalid        = errors.New("invalid request")
	ErrUnavailable    = errors.New("temporarily unavailable")
)
