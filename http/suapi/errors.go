package suapi

import "github.com/actord/actord/internal/schedule"

// apiError shows msg to the client and wraps kind for the status table.
type apiError struct {
	kind error
	msg  string
}

func (e *apiError) Error() string { return e.msg }
func (e *apiError) Unwrap() error { return e.kind }

func invalid(msg string) error  { return &apiError{schedule.ErrInvalid, msg} }
func notFound(msg string) error { return &apiError{schedule.ErrNotFound, msg} }
