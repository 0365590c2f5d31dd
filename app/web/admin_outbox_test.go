package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"
	"github.com/uptrace/bun"

	"schakel/app/mail"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/testkit"
)

// queueMail writes a message to the outbox as a service does, in a
// transaction of its own.
func queueMail(t *testing.T, env *testkit.Env, to, subject, html, text string) *mail.Message {
	t.Helper()
	m, err := mail.Compose(context.Background(), "invitation", to, subject, templ.Raw(html), templ.Raw(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.RunInTx(context.Background(), nil, func(ctx context.Context, tx bun.Tx) error {
		return env.Svc.Mail.Enqueue(ctx, tx, m)
	}); err != nil {
		t.Fatal(err)
	}
	return m
}

// awaitMail waits until the message's delivery has reached a state that ok
// accepts, as the background sender records it.
func awaitMail(t *testing.T, env *testkit.Env, id int64, what string, ok func(*mail.Message) bool) *mail.Message {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		m, err := env.Svc.Mail.Message(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if ok(m) {
			return m
		}
		if time.Now().After(deadline) {
			t.Fatalf("message %d never reached %s: %s, %d attempts, %q", id, what, m.Status(), m.Attempts, m.LastError)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func mailRow(r *testkit.Response, id int64) string {
	return strings.Join(strings.Fields(r.Text("#mail-"+itoa(id))), " ")
}

func TestOutboxIsForAdministratorsOnly(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		m := queueMail(t, env, "noor@zilverhaven.example", "Uitnodiging", "<p>Hallo</p>", "Hallo")
		if _, err := db.NewUpdate().Model((*mail.Message)(nil)).Set("failed_at = ?", time.Now().UTC()).Set("attempts = 12").
			Where("id = ?", m.ID).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name, email string
			want        int
		}{
			{"administrator", admin, http.StatusOK},
			{"reviewer", reviewer, http.StatusForbidden},
			{"coordinator", coordinator, http.StatusForbidden},
			{"editor", editor, http.StatusForbidden},
			{"viewer", viewer, http.StatusForbidden},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				for _, p := range []string{"/admin/outbox", "/admin/outbox/" + itoa(m.ID)} {
					r := c.Get(p)
					if r.Status != tt.want {
						t.Errorf("GET %s: %d, want %d", p, r.Status, tt.want)
					}
					if tt.want != http.StatusOK && strings.Contains(r.Body, "noor@zilverhaven.example") {
						t.Errorf("GET %s shows the recipient to a %s", p, tt.name)
					}
				}
				if tt.want == http.StatusOK {
					return
				}
				if r := c.Post("/admin/outbox/"+itoa(m.ID)+"/retry", nil); r.Status != http.StatusForbidden {
					t.Errorf("retry: %d, want 403", r.Status)
				}
				if after, _ := env.Svc.Mail.Message(context.Background(), m.ID); after.Status() != mail.StatusFailed {
					t.Errorf("a %s had the message retried", tt.name)
				}
			})
		}
		t.Run("signed out", func(t *testing.T) {
			c := env.Client(t)
			c.Get("/login")
			if r := c.Get("/admin/outbox"); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), "/login") {
				t.Errorf("GET: %d to %q, want a redirect to sign in", r.Status, r.Location())
			}
			if r := c.Post("/admin/outbox/"+itoa(m.ID)+"/retry", nil); r.Status != http.StatusUnauthorized {
				t.Errorf("retry: %d, want 401", r.Status)
			}
		})
		t.Run("a message that does not exist", func(t *testing.T) {
			c := env.Client(t)
			c.SignIn(admin)
			for _, p := range []string{"/admin/outbox/999999", "/admin/outbox/abc"} {
				if r := c.Get(p); r.Status != http.StatusNotFound {
					t.Errorf("GET %s: %d, want 404", p, r.Status)
				}
			}
		})
	})
}

// TestDevelopmentOutbox: without a mail server, administrators read every
// message in the outbox, in Dutch and in English, and the HTML of a
// message never becomes part of the page.
func TestDevelopmentOutbox(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		link := env.URL + "/uitnodiging/abc123"
		m := queueMail(t, env, "noor.peeters@zilverhaven.example", "Uitnodiging voor Havenstad",
			`<p>Welkom!</p><script>document.title="gekaapt"</script><a href="`+link+`">Accepteer de uitnodiging</a>`,
			"Welkom!\nAccepteer de uitnodiging: "+link+"\n")
		if got := env.MailLink(t, "Noor.Peeters@zilverhaven.example"); got != "/uitnodiging/abc123" {
			t.Fatalf("MailLink: %q", got)
		}

		c := env.Client(t)
		c.SignIn(admin)
		for _, tt := range []struct {
			lang, heading, mode, status string
		}{
			{"nl", "Uitgaande e-mail", "Er is geen mailserver ingesteld", "Wacht"},
			{"en", "Outgoing e-mail", "No mail server is configured", "Waiting"},
		} {
			t.Run(tt.lang, func(t *testing.T) {
				c.Post("/language", url.Values{"lang": {tt.lang}})
				list := c.Get("/admin/outbox")
				checkPage(t, "/admin/outbox", list)
				if got := list.Text("#outbox-heading"); got != tt.heading {
					t.Errorf("heading %q, want %q", got, tt.heading)
				}
				if got := list.Text(`.schakel-subnav a[aria-current="page"]`); got != tt.heading {
					t.Errorf("administration menu marks %q, want %q", got, tt.heading)
				}
				if !strings.Contains(list.Text("#outbox-mode"), tt.mode) {
					t.Errorf("mode %q, want it to say %q", list.Text("#outbox-mode"), tt.mode)
				}
				row := mailRow(list, m.ID)
				for _, want := range []string{"Uitnodiging voor Havenstad", "noor.peeters@zilverhaven.example", tt.status} {
					if !strings.Contains(row, want) {
						t.Errorf("row %q lacks %q", row, want)
					}
				}
				page := c.Get("/admin/outbox/" + itoa(m.ID))
				checkPage(t, "message", page)
				if got := page.Text("#mail-text"); !strings.Contains(got, "Accepteer de uitnodiging: "+link) {
					t.Errorf("text body %q", got)
				}
				frame := page.Doc.Find("iframe#mail-html")
				if sandbox, ok := frame.Attr("sandbox"); !ok || sandbox != "" {
					t.Errorf("the HTML frame is not fully sandboxed: %q, %v", sandbox, ok)
				}
				if doc, _ := frame.Attr("srcdoc"); !strings.Contains(doc, `<a href="`+link+`">`) {
					t.Errorf("srcdoc %q", doc)
				}
				if !strings.Contains(page.Text("#mail-html-source"), "<script>") {
					t.Error("the HTML source is not shown as text")
				}
				// The message's markup is not the page's: no script of it runs
				// and its link is no link of the page.
				if page.Doc.Find("script:not([src])").Length() != 0 || page.Doc.Find(`a[href="`+link+`"]`).Length() != 0 {
					t.Error("the message's HTML became part of the page")
				}
			})
		}
	})
}

// TestOutboxShowsDeliveryTroubles: with the mail server down, the
// administrator sees the attempts and the error; a failed message is tried
// again at the administrator's request and delivered.
func TestOutboxShowsDeliveryTroubles(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		smtp := testkit.StartSMTP(t)
		smtp.Down(t)
		env := testkit.Start(t, db, smtp.Configure)
		m := queueMail(t, env, "noor.peeters@zilverhaven.example", "Wachtwoord opnieuw instellen", "<p>Hallo</p>", "Hallo")
		awaitMail(t, env, m.ID, "a failed first attempt", func(m *mail.Message) bool { return m.Attempts == 1 && m.LastError != "" })

		c := env.Client(t)
		c.SignIn(admin)
		list := c.Get("/admin/outbox")
		row := mailRow(list, m.ID)
		for _, want := range []string{"Wacht", "1 poging mislukt, volgende poging op", "Laatste fout: mail server 127.0.0.1:" + smtp.Port() + " unreachable"} {
			if !strings.Contains(row, want) {
				t.Errorf("row %q lacks %q", row, want)
			}
		}
		if !strings.Contains(list.Text("#outbox-mode"), "via de mailserver 127.0.0.1") {
			t.Errorf("mode %q", list.Text("#outbox-mode"))
		}
		page := c.Get("/admin/outbox/" + itoa(m.ID))
		checkPage(t, "message", page)
		if page.Doc.Find("#mail-text, #mail-html, #mail-html-source").Length() != 0 || strings.Contains(page.Body, "<p>Hallo</p>") {
			t.Error("the body of a message is shown while e-mail is really sent")
		}

		// The sender keeps trying on its schedule until it gives up.
		at := time.Now()
		for i := 1; i < mail.MaxAttempts; i++ {
			at = at.Add(mail.Backoff[i-1] + time.Second)
			if _, err := env.Mail.DeliverDue(context.Background(), at); err != nil {
				t.Fatal(err)
			}
		}
		awaitMail(t, env, m.ID, "failed", func(m *mail.Message) bool { return m.Status() == mail.StatusFailed })
		list = c.Get("/admin/outbox")
		if row := mailRow(list, m.ID); !strings.Contains(row, "Mislukt na 12 pogingen") || !strings.Contains(row, "unreachable") {
			t.Errorf("failed row %q", row)
		}
		if list.Doc.Find(`#mail-`+itoa(m.ID)+` form[action="/admin/outbox/`+itoa(m.ID)+`/retry"] button`).Length() != 1 {
			t.Fatal("no retry button on a failed message")
		}

		smtp.Up(t)
		r := c.Post("/admin/outbox/"+itoa(m.ID)+"/retry", nil)
		if r.Status != http.StatusSeeOther || r.Location() != "/admin/outbox/"+itoa(m.ID)+"?notice=mail_retried" {
			t.Fatalf("retry: %d to %q", r.Status, r.Location())
		}
		if got := smtp.WaitFor(t, 1)[0]; got.Subject != "Wachtwoord opnieuw instellen" {
			t.Fatalf("delivered %q", got.Subject)
		}
		awaitMail(t, env, m.ID, "sent", func(m *mail.Message) bool { return m.Status() == mail.StatusSent })
		if row := mailRow(c.Get("/admin/outbox"), m.ID); !strings.Contains(row, "Verzonden") || strings.Contains(row, "Laatste fout") {
			t.Errorf("sent row %q", row)
		}
		var audit []model.AuditEntry
		if err := db.NewSelect().Model(&audit).Where("event = ?", service.AuditMailRetry).Scan(context.Background()); err != nil ||
			len(audit) != 1 || audit[0].ObjectID != m.ID || audit[0].UserID == nil || *audit[0].UserID != userByEmail(t, db, admin).ID {
			t.Fatalf("audit of the retry: %+v, %v", audit, err)
		}

		// A second click on the old page changes nothing and says why.
		r = c.Post("/admin/outbox/"+itoa(m.ID)+"/retry", nil)
		if r.Status != http.StatusConflict || !strings.Contains(r.Text("[role=alert]"), "niet mislukt") {
			t.Fatalf("retry of a sent message: %d %q", r.Status, r.Text("[role=alert]"))
		}
		if len(smtp.Received()) != 1 {
			t.Fatal("a sent message went out again")
		}
	})
}

// TestMailSurvivesARestart: messages waiting in the outbox, never tried or
// tried and failed, are delivered by the server that comes after.
func TestMailSurvivesARestart(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		smtp := testkit.StartSMTP(t)
		env := testkit.Start(t, db, smtp.Configure)

		smtp.Down(t)
		tried := queueMail(t, env, "noor.peeters@zilverhaven.example", "Eerder geprobeerd", "<p>1</p>", "1")
		awaitMail(t, env, tried.ID, "a failed first attempt", func(m *mail.Message) bool { return m.Attempts == 1 })
		env.Stop(t)
		untried := queueMail(t, env, "pieter@lindendal.example", "Geschreven terwijl de server stilstond", "<p>2</p>", "2")

		smtp.Up(t)
		env.Restart(t)
		if got := smtp.WaitFor(t, 1)[0]; got.Subject != "Geschreven terwijl de server stilstond" {
			t.Fatalf("first delivered after the restart: %q", got.Subject)
		}
		// The one tried before is due when its backoff has passed.
		if _, err := env.Mail.DeliverDue(context.Background(), time.Now().Add(2*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got := smtp.WaitFor(t, 2)[1]; got.Subject != "Eerder geprobeerd" {
			t.Fatalf("second delivered after the restart: %q", got.Subject)
		}
		for _, m := range []*mail.Message{tried, untried} {
			awaitMail(t, env, m.ID, "sent", func(m *mail.Message) bool { return m.Status() == mail.StatusSent })
		}
	})
}
