package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/actord/actord/internal/ans104"
	"github.com/actord/actord/internal/schedule"
)

// Sentinel errors that handlers wrap to pick a status.
var (
	ErrBadRequest  = errors.New("bad request")
	ErrNotFound    = errors.New("not found")
	ErrConflict    = errors.New("conflict")
	ErrTooLarge    = errors.New("request body too large")
	ErrUnavailable = errors.New("service unavailable")
)

// statusTable maps errors (matched with errors.Is, first match wins) to
// HTTP status codes. It is the only place that does.
var statusTable = []struct {
	err    error
	status int
}{
	{ErrBadRequest, http.StatusBadRequest},
	{schedule.ErrInvalid, http.StatusBadRequest},
	{schedule.ErrUnknownProcess, http.StatusNotFound},
	{schedule.ErrNotFound, http.StatusNotFound},
	{schedule.ErrDuplicate, http.StatusConflict},
	{schedule.ErrUnavailable, http.StatusServiceUnavailable},
	{schedule.ErrConflict, http.StatusServiceUnavailable},
	{ans104.ErrMalformed, http.StatusBadRequest},
	{ans104.ErrMalformedBundle, http.StatusBadRequest},
	{ans104.ErrInvalidSignature, http.StatusBadRequest},
	{ans104.ErrUnsupportedSignature, http.StatusBadRequest},
	{ErrNotFound, http.StatusNotFound},
	{ErrConflict, http.StatusConflict},
	{ErrTooLarge, http.StatusRequestEntityTooLarge},
	{ErrUnavailable, http.StatusServiceUnavailable},
	// The request's own context ended: the client left or the server is
	// shutting down. Nothing failed on our side.
	{context.Canceled, http.StatusServiceUnavailable},
	{context.DeadlineExceeded, http.StatusServiceUnavailable},
}

// StatusOf returns the HTTP status for err: the table's, echo's own for
// its errors (unknown route, method not allowed, body limit), else 500.
func StatusOf(err error) int {
	for _, row := range statusTable {
		if errors.Is(err, row.err) {
			return row.status
		}
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		return he.Code
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON body of every error response, as the reference SU
// writes it.
type errorBody struct {
	Error string `json:"error"`
}

// message returns the text clients see. Internal errors are not echoed:
// they may carry paths or addresses; the log has them.
func message(err error, status int) string {
	var he *echo.HTTPError
	if errors.As(err, &he) {
		if m, ok := he.Message.(string); ok {
			return m
		}
		return http.StatusText(he.Code)
	}
	if status == http.StatusInternalServerError {
		return "internal error"
	}
	return err.Error()
}
