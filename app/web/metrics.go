package web

import (
	"crypto/subtle"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"schakel/app/apperr"
)

// metrics counts and times requests per route pattern (never per raw path,
// which would make one series per id).
type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "schakel_http_requests_total", Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "schakel_http_request_duration_seconds", Help: "HTTP request duration by method and route.",
			Buckets: prometheus.DefBuckets,
		}, []string{"method", "route"}),
	}
	for _, c := range []prometheus.Collector{
		m.requests, m.duration,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// middleware counts the request once it is answered. Labels outlive the
// request, while Fiber's strings of a request (the method, the raw path)
// point into memory that fasthttp reuses for the next request: every
// label is therefore a constant or a copy, never such a string itself.
func (m *metrics) middleware(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	status := c.Response().StatusCode()
	if e, ok := apperr.As(err); ok {
		status = e.Status
	} else if fe, ok := err.(*fiber.Error); ok {
		status = fe.Code
	}
	method := methodLabel(c.Method())
	route := routeLabel(c)
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(method, route).Observe(time.Since(start).Seconds())
	return err
}

// methodLabel maps the request method to a constant: the known methods by
// name, anything else as "other", so that neither reused memory nor a
// made-up method becomes a series.
func methodLabel(method string) string {
	for _, known := range [...]string{
		http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions, http.MethodConnect, http.MethodTrace,
	} {
		if method == known {
			return known
		}
	}
	return "other"
}

// routeLabel is the route pattern that answered, copied. A request that
// matched no route (Fiber then reports its raw path) is counted as
// "unmatched", never under its path.
func routeLabel(c *fiber.Ctx) string {
	// Fiber's stand-in for a request no route took has no handlers.
	if r := c.Route(); r != nil && len(r.Handlers) > 0 {
		return strings.Clone(r.Path)
	}
	return "unmatched"
}

// MetricsHandler answers Prometheus's scrape. It is served on an address of
// its own (--metrics-addr), never beside the application's routes; when a
// token is configured (--metrics-token) it answers only a request that
// carries "Authorization: Bearer <token>".
func (s *Server) MetricsHandler() http.Handler {
	h := promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})
	token := s.cfg.MetricsToken
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if r.URL.Path != "/metrics" {
			http.NotFound(w, r)
			return
		}
		if token != "" {
			got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="schakel-metrics"`)
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
