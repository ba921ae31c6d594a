package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// MaxBodyBytes is the largest request body accepted (10 MiB, the
// reference SU's limit).
const MaxBodyBytes = 10 << 20

// RetryAfterSeconds is the Retry-After of every 503.
const RetryAfterSeconds = "5"

// HealthChecker reports whether the node can serve.
type HealthChecker interface {
	Healthy(ctx context.Context) error
}

// Server is the HTTP listener with its echo router.
type Server struct {
	echo   *echo.Echo
	http   *http.Server
	ln     net.Listener
	logger *slog.Logger
}

// New builds the server and its operational routes. reg is served on
// /metrics and receives the HTTP request metrics.
func New(logger *slog.Logger, reg *prometheus.Registry, health HealthChecker) *Server {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{echo: e, logger: logger}
	m := newMetrics(reg)

	e.HTTPErrorHandler = s.handleError
	e.Use(s.recoverMiddleware)
	e.Use(m.middleware(logger))
	e.Use(middleware.CORS())
	e.Use(middleware.BodyLimit(strconv.Itoa(MaxBodyBytes)))

	e.GET("/health", func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
		defer cancel()
		if err := health.Healthy(ctx); err != nil {
			return fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
		return c.NoContent(http.StatusOK)
	})
	e.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		Registry:          reg,
		EnableOpenMetrics: true,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelError),
	})))
	s.http = &http.Server{
		Handler:           e,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	return s
}

// Echo returns the router, for role APIs to add their routes.
func (s *Server) Echo() *echo.Echo { return s.echo }

// Listen binds addr. It is separate from Serve so that a busy port fails
// start-up before anything else runs.
func (s *Server) Listen(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	s.ln = ln
	return nil
}

// Addr returns the bound address.
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// Serve serves until Shutdown; it returns nil after a clean shutdown.
func (s *Server) Serve() error {
	err := s.http.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections and waits for in-flight requests
// until ctx ends; then it closes the remaining connections.
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.http.Shutdown(ctx)
	if err != nil {
		s.http.Close()
	}
	return err
}

func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status := StatusOf(err)
	switch {
	case status == http.StatusInternalServerError:
		s.logger.Error("Request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "status", status, "err", err)
	case status >= 500:
		// 503s have a cause that its owner (store, gateway actor) logs.
		s.logger.Debug("Request refused", "method", c.Request().Method, "path", c.Request().URL.Path, "status", status, "err", err)
	}
	if status == http.StatusServiceUnavailable && c.Response().Header().Get("Retry-After") == "" {
		// Every 503 here is transient (store, gateway, an SU behind a
		// router); tell clients when to come back.
		c.Response().Header().Set("Retry-After", RetryAfterSeconds)
	}
	if c.Request().Method == http.MethodHead {
		err = c.NoContent(status)
	} else {
		err = c.JSON(status, errorBody{Error: message(err, status)})
	}
	if err != nil {
		s.logger.Warn("Writing error response failed", "err", err)
	}
}

// recoverMiddleware turns a handler panic into a 500 and a log line with
// the stack, so one bad request cannot take the listener down.
func (s *Server) recoverMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				s.logger.Error("Handler panicked", "path", c.Request().URL.Path, "panic", fmt.Sprint(r), "stack", string(stack()))
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		return next(c)
	}
}
