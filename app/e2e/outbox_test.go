package e2e_test

import (
	"context"
	"testing"

	"github.com/a-h/templ"
	"github.com/uptrace/bun"

	"schakel/app/mail"
	"schakel/app/testkit"
)

// TestDevelopmentOutboxInTheBrowser: an administrator finds a message in
// the outgoing e-mail and reads it. Its HTML shows in a frame that the
// message's script cannot reach out of, and both pages pass axe.
func TestDevelopmentOutboxInTheBrowser(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	env := testkit.Start(t, testkit.NewDB(t, "sqlite"))
	m, err := mail.Compose(context.Background(), "invitation", "noor.peeters@zilverhaven.example", "Uitnodiging voor Havenstad",
		templ.Raw(`<h1>Welkom bij Schakel</h1><p>Je bent uitgenodigd.</p><script>parent.document.title = "gekaapt"</script>`+
			`<p><a href="`+env.URL+`/uitnodiging/abc">Accepteer de uitnodiging</a></p>`),
		templ.Raw("Welkom bij Schakel.\n\nAccepteer de uitnodiging: "+env.URL+"/uitnodiging/abc\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := env.DB.RunInTx(context.Background(), nil, func(ctx context.Context, tx bun.Tx) error {
		return env.Svc.Mail.Enqueue(ctx, tx, m)
	}); err != nil {
		t.Fatal(err)
	}
	p := b.open(env, "admin")
	p.signedIn(admin)

	p.goTo("/admin")
	p.click(`.schakel-subnav a[href="/admin/outbox"]`)
	p.waitText("#outbox-heading", nl("outbox.title"))
	p.checkAccessibility("outgoing e-mail")

	p.click(`#mail-` + itoa(m.ID) + ` a`)
	p.waitText("#mail-subject", "Uitnodiging voor Havenstad")
	p.waitText("#mail-text", "Accepteer de uitnodiging: "+env.URL+"/uitnodiging/abc")
	// The frame has an origin of its own: the page cannot look in, and
	// the message's script (which may not run at all) cannot look out.
	if eval[bool](p, `document.getElementById("mail-html").contentDocument !== null`) {
		t.Error("the message's frame shares the page's origin")
	}
	if title := eval[string](p, "document.title"); title == "gekaapt" {
		t.Error("the message's script reached the page")
	}
	p.checkAccessibility("one message in the outgoing e-mail")

}
