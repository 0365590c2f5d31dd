package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/views"
)

// TestFailingRenderGivesTheErrorPage renders a page and a fragment whose
// component fails halfway: the answer must be the error page (or alert)
// with 500, and nothing of what was written before the failure.
func TestFailingRenderGivesTheErrorPage(t *testing.T) {
	msgs, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{messages: msgs, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	app := fiber.New(fiber.Config{ErrorHandler: s.handleError})
	halfway := templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		if _, err := io.WriteString(w, `<p id="half">Half a plan</p>`); err != nil {
			return err
		}
		return errors.New("the plan could not be read")
	})
	app.Get("/page", func(c *fiber.Ctx) error { return s.renderPage(c, fiber.StatusOK, views.Page{Title: "Plan"}, halfway) })
	app.Get("/fragment", func(c *fiber.Ctx) error {
		return s.renderFragments(c, fiber.StatusOK, views.Alert(views.AlertOK, "Opgeslagen"), halfway)
	})

	tests := []struct {
		name, path string
		htmx       bool
		want       string // what the person sees
	}{
		{"page", "/page", false, "h1.utrecht-heading-1"},
		{"htmx fragment", "/fragment", true, "div.utrecht-alert--error[role='alert']"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", tt.path, nil)
			if tt.htmx {
				req.Header.Set(HeaderHXRequest, "true")
			}
			resp, err := app.Test(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != fiber.StatusInternalServerError {
				t.Errorf("status %d, want 500", resp.StatusCode)
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Find(tt.want).Length() == 0 {
				t.Errorf("no %s in %s", tt.want, body)
			}
			if doc.Find("#half").Length() != 0 || strings.Contains(string(body), "Opgeslagen") {
				t.Errorf("the answer holds what was rendered before the failure: %s", body)
			}
			if !strings.Contains(string(body), msgs.Translator("nl").Get("error.internal")) {
				t.Errorf("the answer does not say what went wrong in Dutch: %s", body)
			}
		})
	}
}
