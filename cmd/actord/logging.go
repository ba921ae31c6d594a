package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"
)

// newLogger builds the process logger: human-readable text on a terminal,
// JSON otherwise (or as --log-format says).
func newLogger(w io.Writer, format string, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if format == "auto" {
		format = "json"
		if isTerminal(w) {
			format = "text"
		}
	}
	if format == "text" {
		return slog.New(&textHandler{w: w, level: level, mu: &sync.Mutex{}})
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// textHandler writes lines the way the reference alarm client did,
// `NAME: LEVEL: <time> message`, where NAME is the record's "logger"
// attribute (BLOCKSAGE, SCHEDULER, CALL-0X…; ACTORD otherwise), followed
// by the remaining attributes as key=value.
type textHandler struct {
	w     io.Writer
	level slog.Level
	attrs []slog.Attr
	mu    *sync.Mutex
}

func (h *textHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *textHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append(append([]slog.Attr(nil), h.attrs...), as...)
	return &c
}

// WithGroup flattens groups: actord does not use them.
func (h *textHandler) WithGroup(string) slog.Handler { return h }

func (h *textHandler) Handle(_ context.Context, r slog.Record) error {
	name := "ACTORD"
	var rest []slog.Attr
	take := func(a slog.Attr) bool {
		if a.Key == "logger" {
			name = strings.ToUpper(a.Value.String())
		} else {
			rest = append(rest, a)
		}
		return true
	}
	for _, a := range h.attrs {
		take(a)
	}
	r.Attrs(take)
	var b strings.Builder
	b.WriteString(name)
	b.WriteString(": ")
	b.WriteString(r.Level.String())
	b.WriteString(": ")
	b.WriteString(r.Time.Format(time.DateTime))
	b.WriteString(" ")
	b.WriteString(r.Message)
	for _, a := range rest {
		b.WriteString(" ")
		b.WriteString(a.Key)
		b.WriteString("=")
		v := a.Value.String()
		if strings.ContainsAny(v, " \t\"=") {
			v = `"` + strings.ReplaceAll(v, `"`, `\\"`) + `"`
		}
		b.WriteString(v)
	}
	b.WriteString("\n")
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}
