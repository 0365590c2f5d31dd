package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/casus"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// guardedField is one free-text field as a user fills it in.
type guardedField struct {
	name string
	// user writes it; field is the form field the text goes in.
	user, field string
	// request is the form that sends text, made afresh for every send
	// (versions move on); htmx sends it as htmx does, otherwise as a
	// browser without JavaScript.
	request func(t *testing.T, p *guardPlace, text string) (string, url.Values)
	htmx    bool
	// saved is the status of a send that is saved.
	saved int
	// live is the live address a member's page holds, "" for none.
	live func(p *guardPlace) string
	// object is what an audited confirmation names.
	object string
	// strict fields (case notes) refuse probable identifiers too.
	strict bool
	// noMembers says the text is written where nobody is a member yet (a
	// new workspace), so that a name is found only by what casus.Check
	// knows of names without a list.
	noMembers bool
}

// guardedFields are all of Schakel's free-text fields that others read.
var guardedFields = []guardedField{
	{name: "new plan's title", user: coordinator, field: "title", saved: http.StatusSeeOther, object: "plan",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/plans"), url.Values{"title": {text}, "framework": {"pijlers"}}
		}},
	{name: "plan's title in place", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, object: "plan", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/plans/"+itoa(p.plan.ID)+"/fields/title"), url.Values{"value": {text}, "version": {p.version(t, "plans", p.plan.ID)}}
		}},
	{name: "new action's title", user: coordinator, field: "title", htmx: true, saved: http.StatusOK, object: "action", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/plans/"+itoa(p.plan.ID)+"/actions"), url.Values{"title": {text}, "theme": {"preventie"}}
		}},
	{name: "action's title in place", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, object: "action", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/actions/"+itoa(p.action.ID)+"/fields/title"), url.Values{"value": {text}, "version": {p.version(t, "actions", p.action.ID)}}
		}},
	{name: "action's description", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, object: "action", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/actions/"+itoa(p.action.ID)+"/fields/description"), url.Values{"value": {text}, "version": {p.version(t, "actions", p.action.ID)}}
		}},
	{name: "action's description without JavaScript", user: coordinator, field: "value", saved: http.StatusSeeOther, object: "action",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/actions/"+itoa(p.action.ID)+"/fields/description"), url.Values{"value": {text}, "version": {p.version(t, "actions", p.action.ID)}}
		}},
	{name: "new meeting's title", user: coordinator, field: "title", saved: http.StatusSeeOther, object: "meeting",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings"), url.Values{"title": {text}, "kind": {"netwerkoverleg"}, "date": {"2027-11-12"}, "start_time": {"13:00"}, "duration": {"60"}}
		}},
	{name: "new meeting's location", user: coordinator, field: "location", saved: http.StatusSeeOther, object: "meeting",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings"), url.Values{"title": {"Netwerkoverleg"}, "kind": {"netwerkoverleg"}, "date": {"2027-11-12"}, "start_time": {"13:00"}, "duration": {"60"}, "location": {text}}
		}},
	{name: "meeting's title in place", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, object: "meeting", live: meetingLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings/"+itoa(p.meeting.ID)+"/fields/title"), url.Values{"value": {text}, "version": {p.version(t, "meetings", p.meeting.ID)}}
		}},
	{name: "meeting's location in place", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, object: "meeting", live: meetingLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings/"+itoa(p.meeting.ID)+"/fields/location"), url.Values{"value": {text}, "version": {p.version(t, "meetings", p.meeting.ID)}}
		}},
	{name: "new agenda item's title", user: coordinator, field: "title", htmx: true, saved: http.StatusOK, object: "agenda_item", live: meetingLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings/"+itoa(p.meeting.ID)+"/items"), url.Values{"title": {text}, "kind": {"bespreking"}, "duration": {"10"}}
		}},
	{name: "agenda item's title in place", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, object: "agenda_item", live: meetingLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/items/"+itoa(p.item.ID)+"/fields/title"), url.Values{"value": {text}, "version": {p.version(t, "agenda_items", p.item.ID)}}
		}},
	{name: "minutes of an agenda item", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, object: "agenda_item", live: meetingLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/items/"+itoa(p.item.ID)+"/fields/notes"), url.Values{"value": {text}, "version": {p.version(t, "agenda_items", p.item.ID)}}
		}},
	{name: "minutes without JavaScript", user: coordinator, field: "value", saved: http.StatusSeeOther, object: "agenda_item",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/items/"+itoa(p.item.ID)+"/fields/notes"), url.Values{"value": {text}, "version": {p.version(t, "agenda_items", p.item.ID)}}
		}},
	{name: "case notes", user: coordinator, field: "value", htmx: true, saved: http.StatusOK, strict: true,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/items/"+itoa(p.caseItem.ID)+"/fields/case_notes"), url.Values{"value": {text}, "version": {p.version(t, "agenda_items", p.caseItem.ID)}}
		}},
	{name: "outcome of an agenda item", user: coordinator, field: "text", htmx: true, saved: http.StatusOK, object: "outcome", live: meetingLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/items/"+itoa(p.item.ID)+"/outcomes"), url.Values{"kind": {"besluit"}, "text": {text}}
		}},
	{name: "outcome without JavaScript", user: coordinator, field: "text", saved: http.StatusSeeOther, object: "outcome",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/items/"+itoa(p.item.ID)+"/outcomes"), url.Values{"kind": {"besluit"}, "text": {text}}
		}},
	{name: "agenda template's name", user: coordinator, field: "name", saved: http.StatusSeeOther, object: "agenda_template",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings/"+itoa(p.meeting.ID)+"/template"), url.Values{"name": {text}}
		}},
	{name: "guest's name", user: coordinator, field: "guest_name", htmx: true, saved: http.StatusOK, object: "attendee", live: meetingLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings/"+itoa(p.meeting.ID)+"/attendees"), url.Values{"guest": {"1"}, "guest_name": {text}}
		}},
	{name: "guest's organisation", user: coordinator, field: "guest_organisation", saved: http.StatusSeeOther, object: "attendee",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/meetings/"+itoa(p.meeting.ID)+"/attendees"), url.Values{"guest": {"1"}, "guest_name": {"Iris Smit"}, "guest_organisation": {text}}
		}},
	{name: "comment", user: coordinator, field: "body", htmx: true, saved: http.StatusOK, object: "comment", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/comments"), url.Values{"subject": {"plan"}, "subject_id": {itoa(p.plan.ID)}, "kind": {"opmerking"}, "body": {text}}
		}},
	{name: "comment without JavaScript", user: coordinator, field: "body", saved: http.StatusSeeOther, object: "comment",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/comments"), url.Values{"subject": {"meeting"}, "subject_id": {itoa(p.meeting.ID)}, "kind": {"opmerking"}, "body": {text}}
		}},
	{name: "reply", user: coordinator, field: "body", htmx: true, saved: http.StatusOK, object: "comment", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/comments/"+itoa(p.comment.ID)+"/replies"), url.Values{"body": {text}}
		}},
	{name: "reply without JavaScript", user: coordinator, field: "body", saved: http.StatusSeeOther, object: "comment",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/comments/"+itoa(p.comment.ID)+"/replies"), url.Values{"body": {text}}
		}},
	{name: "comment changed", user: coordinator, field: "body", htmx: true, saved: http.StatusOK, object: "comment", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/comments/"+itoa(p.comment.ID)), url.Values{"body": {text}, "version": {p.version(t, "comments", p.comment.ID)}}
		}},
	{name: "advice", user: reviewer, field: "body", htmx: true, saved: http.StatusOK, object: "comment", live: planLive,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/comments"), url.Values{"subject": {"plan"}, "subject_id": {itoa(p.plan.ID)}, "kind": {"advies"}, "body": {text}}
		}},
	{name: "plan review's summary", user: reviewer, field: "summary", saved: http.StatusSeeOther, object: "plan_review",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/plans/"+itoa(p.plan.ID)+"/reviews"), url.Values{"reviewed_on": {"2027-02-01"}, "summary": {text}}
		}},
	{name: "signal's description", user: coordinator, field: "description", saved: http.StatusSeeOther, object: "signal",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			return wsPath(p.ws, "/signals"), url.Values{"source": {"action"}, "source_id": {itoa(p.action.ID)}, "bottleneck": {"regelgeving"}, "theme": {"preventie"}, "description": {text}}
		}},
	{name: "kinderrechtentoets note", user: coordinator, field: "note", htmx: true, saved: http.StatusOK, object: "assessment",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			a, ans := p.openAssessment(t)
			return wsPath(p.ws, "/toets/"+itoa(a.ID)+"/answers"), url.Values{"question": {ans.Question}, "score": {"2"}, "note": {text}, "version": {strconv.Itoa(ans.Version)}}
		}},
	{name: "kinderrechtentoets title", user: coordinator, field: "title", saved: http.StatusSeeOther, object: "assessment",
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			p.noOpenAssessment(t)
			return wsPath(p.ws, "/toets"), url.Values{"title": {text}, "framework": {"pijlers"}}
		}},
	{name: "guide's explanation", user: reviewer, field: "explanation", saved: http.StatusSeeOther, object: "guide_version", noMembers: true,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			cur, err := store.GuideText(context.Background(), p.db, "ivrk-12", "nl")
			if err != nil {
				t.Fatal(err)
			}
			form := url.Values{"version": {strconv.Itoa(cur.Version)}}
			for _, f := range model.GuideFields {
				form.Set(f, cur.Field(f))
			}
			form.Set("explanation", text)
			return "/guide/ivrk-12/nl", form
		}},
	{name: "workspace's description", user: admin, field: "description", saved: http.StatusSeeOther, object: "workspace", noMembers: true,
		request: func(t *testing.T, p *guardPlace, text string) (string, url.Values) {
			p.made++
			n := strconv.Itoa(p.made)
			return "/admin/workspaces", url.Values{
				"name": {"Proefgemeente " + n}, "kind": {"gemeente"}, "description": {text},
				"organisation": {itoa(p.org)}, "coordinator": {"regisseur" + n + "@proefgemeente.example"}, "language": {"nl"},
			}
		}},
}

func planLive(p *guardPlace) string { return wsPath(p.ws, "/plans/"+itoa(p.plan.ID)+"/live") }

func meetingLive(p *guardPlace) string { return wsPath(p.ws, "/meetings/"+itoa(p.meeting.ID)+"/live") }

// TestEveryFieldGuardsWhatItIsTyped: every free-text field refuses a
// certain identifier and holds back a probable one with a warning that
// shows it masked; a confirmation that it identifies nobody saves it and
// is audited by kind, and the pseudonymised text saves as it is. Nothing
// refused or held back is stored, logged, kept in the history or pushed
// to a live page.
func TestEveryFieldGuardsWhatItIsTyped(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		p := newGuardPlace(t, env)
		clients := map[string]*testkit.Client{}
		client := func(email string) *testkit.Client {
			if c, ok := clients[email]; ok {
				return c
			}
			c := env.Client(t)
			c.SignIn(email)
			c.Get("/workspaces")
			clients[email] = c
			return c
		}
		watcher := client(editor)
		for i, f := range guardedFields {
			t.Run(f.name, func(t *testing.T) {
				c := client(f.user)
				send := func(text string, extra url.Values) *testkit.Response {
					path, form := f.request(t, p, text)
					for k, v := range extra {
						form[k] = v
					}
					if f.htmx {
						return c.PostHTMX(path, form)
					}
					return c.Post(path, form)
				}
				mark := func(what string) string { return "kenmerk " + what + " " + strconv.Itoa(i) }
				var live *testkit.Live
				if f.live != nil {
					var status int
					if live, status = watcher.DialLive(f.live(p)); status != http.StatusSwitchingProtocols {
						t.Fatalf("live: %d", status)
					}
				}

				// A certain identifier: refused, named and masked.
				certain := "Overleg over 123456782, " + mark("zeker")
				note := guardNote(t, send(certain, nil), f.field)
				if got := note.Text(); !strings.Contains(got, "een BSN") || !strings.Contains(got, "1•••••••2") || strings.Contains(got, "123456782") {
					t.Errorf("the refusal %q does not name the BSN masked", got)
				}
				form := note.Closest("form")
				if form.Find(`input[name="confirm_`+f.field+`"]`).Length() != 0 {
					t.Error("a certain identifier can be confirmed")
				}
				if form.Find(`button[name="pseudonymise"][value="`+f.field+`"]`).Length() != 1 {
					t.Error("no way to pseudonymise the refused text")
				}

				// A probable one: held back until confirmed.
				held := "Overleg met Sanne Jansen, " + mark("eerste poging")
				if f.noMembers && len(casus.Check(held, nil)) == 0 {
					t.Log("no member's name to find here: only certain identifiers are checked")
					return
				}
				r := send(held, nil)
				note = guardNote(t, r, f.field)
				if got := note.Text(); !strings.Contains(got, "een naam") || !strings.Contains(got, "S••••••••••n") || strings.Contains(got, "Sanne") {
					t.Errorf("the warning %q does not name the name masked", got)
				}
				confirm := note.Closest("form").Find(`input[type=checkbox][name="confirm_` + f.field + `"]`)
				if f.strict != (confirm.Length() == 0) {
					t.Fatalf("strict %v, but %d confirmations offered", f.strict, confirm.Length())
				}
				if controlValue(r, f.field) != held {
					t.Errorf("the text is not kept in the form: %q", controlValue(r, f.field))
				}
				token := confirm.AttrOr("value", "forged")

				// The confirmation covers what was shown, nothing more.
				more := "Overleg met Sanne Jansen en Chantal (15), " + mark("meer")
				if r := send(more, url.Values{"confirm_" + f.field: {token}}); !strings.Contains(guardNote(t, r, f.field).Text(), "C•••••l") {
					t.Error("a name the warning did not show was saved with its confirmation")
				}

				// "Pseudonymise for me" gives the text back to review.
				r = send(held, url.Values{"pseudonymise": {f.field}})
				note = guardNote(t, r, f.field)
				pseudonymised := controlValue(r, f.field)
				if note.AttrOr("role", "") != "status" || !strings.Contains(pseudonymised, "jongere A") || strings.Contains(pseudonymised, "Sanne") {
					t.Fatalf("pseudonymised for review: %q (%s)", pseudonymised, note.Text())
				}

				for _, refused := range []string{"123456782", mark("zeker"), mark("eerste poging"), mark("meer")} {
					if at := storedAt(t, db, refused); len(at) > 0 {
						t.Errorf("refused text %q is stored in %v", refused, at)
					}
					if strings.Contains(env.Logs(), refused) {
						t.Errorf("refused text %q is in the log", refused)
					}
				}

				if f.strict {
					if r := send("Overleg met Sanne Jansen, "+mark("bevestigd"), url.Values{"confirm_" + f.field: {token}}); r.Status != http.StatusUnprocessableEntity {
						t.Fatalf("case notes took a name with a confirmation: %d", r.Status)
					}
				} else {
					confirmed := "Overleg met Sanne Jansen, " + mark("bevestigd")
					if r := send(confirmed, url.Values{"confirm_" + f.field: {token}}); r.Status != f.saved {
						t.Fatalf("confirmed: %d, want %d: %s", r.Status, f.saved, r.Text("[role=alert]"))
					}
					if len(storedAt(t, db, mark("bevestigd"))) == 0 {
						t.Fatal("the confirmed text was not stored")
					}
					var audit []model.AuditEntry
					if err := db.NewSelect().Model(&audit).Where("event = ?", model.AuditGuardConfirmed).Where("object = ?", f.object).
						Where("user_id = ?", userByEmail(t, db, f.user).ID).Scan(context.Background()); err != nil {
						t.Fatal(err)
					}
					if len(audit) == 0 || audit[len(audit)-1].Detail != "name" {
						t.Fatalf("the confirmation is not audited by kind: %+v", audit)
					}
					if live != nil {
						live.AwaitDoc("the confirmed text", func(doc *goquery.Document) bool {
							h, _ := doc.Html()
							for _, refused := range []string{"123456782", mark("eerste poging"), mark("meer")} {
								if strings.Contains(h, refused) {
									t.Errorf("a live page was sent refused text %q", refused)
								}
							}
							return strings.Contains(h, mark("bevestigd"))
						})
					}
				}

				// The pseudonymised text is saved as it stands.
				reviewed := strings.Replace(pseudonymised, mark("eerste poging"), mark("nagelezen"), 1)
				if r := send(reviewed, nil); r.Status != f.saved {
					t.Fatalf("pseudonymised text: %d, want %d: %s", r.Status, f.saved, r.Text("[role=alert]"))
				}
				if len(storedAt(t, db, mark("nagelezen"))) == 0 {
					t.Fatal("the pseudonymised text was not stored")
				}
			})
		}

		t.Run("the audit log says who confirmed what kind", func(t *testing.T) {
			r := client(coordinator).Get(wsPath(p.ws, "/audit?event="+model.AuditGuardConfirmed))
			rows := r.Doc.Find("table.schakel-audit tbody tr")
			if r.Status != http.StatusOK || rows.Length() == 0 {
				t.Fatalf("audit log: %d, %d lines", r.Status, rows.Length())
			}
			got := rows.First().Text()
			for _, want := range []string{"Tekst bevestigd als niet herkenbaar", "Bevestigd: een naam", "Anna de Vries"} {
				if !strings.Contains(got, want) {
					t.Errorf("the line %q does not say %q", got, want)
				}
			}
			var details []string
			if err := db.NewSelect().Model((*model.AuditEntry)(nil)).Column("detail").Where("event = ?", model.AuditGuardConfirmed).Scan(context.Background(), &details); err != nil {
				t.Fatal(err)
			}
			for _, d := range details {
				if d != "name" {
					t.Errorf("a confirmation is logged as %q, want its kind alone", d)
				}
			}
		})
	})
}
