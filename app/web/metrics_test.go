package web_test

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"schakel/app/config"
	"schakel/app/testkit"
)

// scrape asks for /metrics as Prometheus does, with a bearer token when
// one is given.
func scrape(t *testing.T, address, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, address, nil)
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestMetricsNotPublic: the application's address has no /metrics; the
// metrics address has, behind its token when one is configured.
func TestMetricsNotPublic(t *testing.T) {
	db := testkit.NewDB(t, "sqlite")
	t.Run("off by default", func(t *testing.T) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(admin)
		if r := c.Get("/metrics"); r.Status != http.StatusNotFound {
			t.Fatalf("/metrics on the application's address: %d, want 404", r.Status)
		}
		if env.MetricsURL != "" {
			t.Fatalf("a metrics address without --metrics-addr: %s", env.MetricsURL)
		}
	})
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"), func(c *config.Config) {
		c.MetricsAddr = "127.0.0.1:0"
		c.MetricsToken = "scrape-secret-0123456789"
	})
	env.Client(t).Get("/login")
	tests := []struct {
		name  string
		token string
		want  int
	}{
		{"no token", "", http.StatusUnauthorized},
		{"wrong token", "scrape-secret-012345678x", http.StatusUnauthorized},
		{"the token", "scrape-secret-0123456789", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := scrape(t, env.MetricsURL, tt.token)
			if status != tt.want {
				t.Fatalf("status %d, want %d", status, tt.want)
			}
			if tt.want == http.StatusOK && !strings.Contains(body, `schakel_http_requests_total{method="GET",route="/login",status="200"} 1`) {
				t.Fatalf("the sign-in page's request is not counted:\n%s", body)
			}
			if tt.want != http.StatusOK && strings.Contains(body, "schakel_http_requests_total") {
				t.Fatal("metrics answered without the token")
			}
		})
	}
	if r := env.Client(t).Get("/metrics"); r.Status != http.StatusNotFound {
		t.Fatalf("/metrics on the application's address beside a metrics address: %d", r.Status)
	}
}

// TestMetricsUnderLoad: many requests at once, of several methods and
// routes, leave labels that are what was asked (fasthttp reuses the
// memory of a request's method), and the scrape answers 200.
func TestMetricsUnderLoad(t *testing.T) {
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"), func(c *config.Config) { c.MetricsAddr = "127.0.0.1:0" })
	c := env.Client(t)
	c.SignIn(coordinator)
	ws := workspaceID(t, env.DB, "Havenstad")
	paths := []string{"/workspaces", wsPath(ws, ""), wsPath(ws, "/members"), wsPath(ws, "/plans"), "/healthz", "/no-such-page"}
	methods := []string{http.MethodGet, http.MethodPost, http.MethodHead, http.MethodDelete, http.MethodOptions}
	const rounds = 40
	var wg sync.WaitGroup
	for i := 0; i < rounds; i++ {
		for j, p := range paths {
			wg.Add(1)
			go func(method, path string) {
				defer wg.Done()
				req, _ := http.NewRequest(method, env.URL+path, strings.NewReader(url.Values{"x": {"y"}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				resp, err := c.HTTP.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}(methods[(i+j)%len(methods)], p)
		}
		// Scrape while requests are under way, as Prometheus does.
		if i%10 == 0 {
			if status, body := scrape(t, env.MetricsURL, ""); status != http.StatusOK {
				t.Fatalf("scrape under load: %d\n%s", status, body)
			}
		}
	}
	wg.Wait()
	status, body := scrape(t, env.MetricsURL, "")
	if status != http.StatusOK {
		t.Fatalf("scrape: %d\n%s", status, body)
	}
	allowed := map[string]bool{"GET": true, "POST": true, "HEAD": true, "DELETE": true, "OPTIONS": true}
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`schakel_http_requests_total\{method="([^"]*)",route="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		if !allowed[m[1]] {
			t.Errorf("method label %q", m[1])
		}
		if strings.Contains(m[2], itoa(ws)) || strings.Contains(m[2], "no-such-page") {
			t.Errorf("route label is a raw path: %q", m[2])
		}
		seen[m[1]] = true
	}
	for m := range allowed {
		if !seen[m] {
			t.Errorf("no series for method %s", m)
		}
	}
	if t.Failed() {
		t.Log(body)
	}
}
