package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/testkit"
)

// caseMarker is case material written straight into the database: no
// export may ever show it.
const caseMarker = "VERTROUWELIJK-CASUS-4711 meisje van 14 uit Havenstad-Noord"

// exportFixture is a Havenstad case conference on 3 December 2026 at 09:30
// with minutes, a presenter, outcomes of every kind and a case note.
type exportFixture struct {
	ws      int64
	meeting *model.Meeting
	items   []model.AgendaItem
	action  *model.Action
}

func (f exportFixture) path(rest string) string {
	return wsPath(f.ws, "/meetings/"+itoa(f.meeting.ID)+rest)
}

func newExportFixture(t *testing.T, env *testkit.Env) exportFixture {
	t.Helper()
	ctx := context.Background()
	anna := userByEmail(t, env.DB, coordinator)
	mo := userByEmail(t, env.DB, editor)
	ws := workspaceID(t, env.DB, "Havenstad")
	m, err := env.Svc.CreateMeeting(ctx, anna, ws, service.MeetingInput{
		Title: "Casusoverleg Havenstad", Kind: model.MeetingCaseConf, Date: "2026-12-03",
		StartTime: "09:30", Duration: "90", Location: "Stadhuis, zaal 2", Template: "casusoverleg",
	})
	if err != nil {
		t.Fatalf("meeting: %v", err)
	}
	items, err := env.Svc.Items(ctx, anna, ws, m.ID)
	if err != nil || len(items) != 5 {
		t.Fatalf("agenda: %d items, %v", len(items), err)
	}
	set := func(i int, field, value string) {
		t.Helper()
		it, err := env.Svc.UpdateItemField(ctx, anna, ws, items[i].ID, field, value, items[i].Version)
		if err != nil {
			t.Fatalf("item %d %s: %v", i, field, err)
		}
		items[i] = *it
	}
	set(1, "presenter", itoa(mo.ID))
	set(1, "notes", "Actie 3 is afgerond.\nDe folder voor scholen is besproken.")
	add := func(i int, in service.OutcomeInput) {
		t.Helper()
		if _, err := env.Svc.AddOutcome(ctx, anna, ws, items[i].ID, in); err != nil {
			t.Fatalf("outcome %q: %v", in.Text, err)
		}
	}
	add(3, service.OutcomeInput{Kind: model.OutcomeDecision, Text: "De signalenkaart wordt in januari herzien."})
	add(3, service.OutcomeInput{Kind: model.OutcomeInformation, Text: "Veilig Thuis meldt een nieuwe werkwijze."})
	add(3, service.OutcomeInput{Kind: model.OutcomeAction, Text: "Training meldcode voor scholen",
		Theme: string(model.ThemeSignalling), OwnerOrganisation: itoa(organisationID(t, env.DB, "Veilig Thuis Kustland")),
		Owner: itoa(mo.ID), DueDate: "2027-02-15"})
	actions, err := env.Svc.MeetingActions(ctx, anna, ws, m.ID)
	if err != nil || len(actions) != 1 {
		t.Fatalf("actions: %d, %v", len(actions), err)
	}
	// Case material as it would be after a case discussion, bypassing the
	// service's checks on purpose: whatever is in the column stays out.
	if _, err := env.DB.NewUpdate().Model((*model.AgendaItem)(nil)).Set("case_notes = ?", caseMarker).
		Where("meeting_id = ?", m.ID).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	return exportFixture{ws: ws, meeting: m, items: items, action: &actions[0]}
}

// dutch is the Dutch translator, for the words of enums.
func dutch(t *testing.T) *i18n.Translator {
	t.Helper()
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b.Translator("nl")
}

// cellTexts returns the trimmed texts of the cells of each row matched.
func cellTexts(doc *goquery.Document, rows string) [][]string {
	var out [][]string
	doc.Find(rows).Each(func(_ int, row *goquery.Selection) {
		var cells []string
		row.Find("th, td").Each(func(_ int, c *goquery.Selection) {
			cells = append(cells, strings.Join(strings.Fields(c.Text()), " "))
		})
		out = append(out, cells)
	})
	return out
}

func TestMeetingExportPages(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		f := newExportFixture(t, env)
		c := env.Client(t)
		c.SignIn(coordinator)
		kind := func(k model.ItemKind) string { return dutch(t).Enum("item_kind", k) }
		outcome := func(k model.OutcomeKind) string { return dutch(t).Enum("outcome_kind", k) }

		tests := []struct {
			name  string
			path  string
			check func(t *testing.T, r *testkit.Response)
		}{
			{"agenda lists items with their start times", "/export/agenda", func(t *testing.T, r *testkit.Response) {
				want := [][]string{
					{"09:30", "1", "Opening en vaststellen agenda", kind(model.ItemInformation), "", "5 min."},
					{"09:35", "2", "Actielijst vorig overleg", kind(model.ItemDiscussion), "Mo Bakker", "15 min."},
					{"09:50", "3", "Casus", kind(model.ItemCase), "", "40 min."},
					{"10:30", "4", "Afspraken en acties", kind(model.ItemDecision), "", "15 min."},
					{"10:45", "5", "Rondvraag en sluiting", kind(model.ItemInformation), "", "5 min."},
				}
				got := cellTexts(r.Doc, ".schakel-export tbody tr[data-item]")
				if len(got) != len(want) {
					t.Fatalf("rows %q, want %q", got, want)
				}
				for i := range want {
					if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
						t.Errorf("row %d: %q, want %q", i+1, got[i], want[i])
					}
				}
				if got := r.Text(".schakel-export__meta"); !strings.Contains(got, "09:30–11:00") || !strings.Contains(got, "3 december 2026") {
					t.Errorf("meeting details %q lack the date or the time", got)
				}
			}},
			{"minutes show notes, not outcomes", "/export/minutes", func(t *testing.T, r *testkit.Response) {
				if got := r.Text(`[data-item="2"] .schakel-prose`); !strings.Contains(got, "De folder voor scholen is besproken.") {
					t.Errorf("notes of item 2: %q", got)
				}
				if n := r.Doc.Find("[data-outcome]").Length(); n != 0 {
					t.Errorf("%d outcomes in minutes without outcomes", n)
				}
				if got := r.Text(`[data-item="3"]`); !strings.Contains(got, "vertrouwelijk") {
					t.Errorf("case item %q does not say its content is left out", got)
				}
				if got := r.Text(".schakel-export__attendance"); !strings.Contains(got, "Anna de Vries") {
					t.Errorf("attendance %q lacks the meeting's maker", got)
				}
			}},
			{"minutes with outcomes show them per item, and the action list", "/export/minutes?outcomes=1", func(t *testing.T, r *testkit.Response) {
				var outcomes []string
				r.Doc.Find(`[data-item="4"] [data-outcome]`).Each(func(_ int, s *goquery.Selection) {
					outcomes = append(outcomes, strings.Join(strings.Fields(s.Text()), " "))
				})
				want := []string{
					outcome(model.OutcomeDecision) + ": De signalenkaart wordt in januari herzien.",
					outcome(model.OutcomeInformation) + ": Veilig Thuis meldt een nieuwe werkwijze.",
					outcome(model.OutcomeAction) + ": Training meldcode voor scholen bijgewerkt (Veilig Thuis Kustland, Mo Bakker, 15 februari 2027, Bezig)",
				}
				if strings.Join(outcomes, "\n") != strings.Join(want, "\n") {
					t.Errorf("outcomes of item 4:\n%s\nwant\n%s", strings.Join(outcomes, "\n"), strings.Join(want, "\n"))
				}
				if r.Doc.Find("tr[data-action]").Length() != 1 {
					t.Error("no action list after the minutes")
				}
			}},
			{"decision list holds decisions only", "/export/decisions", func(t *testing.T, r *testkit.Response) {
				got := cellTexts(r.Doc, ".schakel-export tbody tr")
				want := "B1|De signalenkaart wordt in januari herzien.|4. Afspraken en acties"
				if len(got) != 1 || strings.Join(got[0], "|") != want {
					t.Errorf("decisions %q, want %q", got, want)
				}
			}},
			{"action list shows the action as the plan has it now", "/export/actions", func(t *testing.T, r *testkit.Response) {
				got := cellTexts(r.Doc, ".schakel-export tbody tr[data-action]")
				want := "1|Training meldcode voor scholen bijgewerkt|Veilig Thuis Kustland|Mo Bakker|15 februari 2027|Bezig|4. Afspraken en acties"
				if len(got) != 1 || strings.Join(got[0], "|") != want {
					t.Errorf("actions %q, want %q", got, want)
				}
			}},
		}
		// The action list reads the plan: a change there shows in the export.
		ctx := context.Background()
		anna := userByEmail(t, db, coordinator)
		a := f.action
		a, err := env.Svc.UpdateActionField(ctx, anna, f.ws, a.ID, "title", a.Title+" bijgewerkt", a.Version)
		if err == nil {
			_, err = env.Svc.UpdateActionField(ctx, anna, f.ws, a.ID, "status", string(model.ActionInProgress), a.Version)
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := c.Get(f.path(tt.path))
				checkPage(t, tt.path, r)
				if r.Doc.Find("button[data-print]").Length() != 1 {
					t.Error("no Print button")
				}
				md, ok := r.Doc.Find(`a[download]`).Attr("href")
				if !ok || !strings.Contains(md, ".md") {
					t.Errorf("no Markdown link (%q)", md)
				}
				tt.check(t, r)
			})
		}
	})
}

func TestMeetingExportMarkdown(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		f := newExportFixture(t, env)
		c := env.Client(t)
		c.SignIn(editor)

		tests := []struct {
			name     string
			path     string
			file     string
			contains []string
			absent   []string
		}{
			{"agenda", "/export/agenda.md", "2026-12-03-casusoverleg-havenstad-agenda.md",
				[]string{"# Agenda · Casusoverleg Havenstad", "| 09:35 | 2 | Actielijst vorig overleg | Bespreking | Mo Bakker | 15 min. |", "- **Tijd:** 09:30–11:00"},
				[]string{"Actie 3 is afgerond"}},
			{"minutes", "/export/minutes.md", "2026-12-03-casusoverleg-havenstad-notulen.md",
				[]string{"### 2. Actielijst vorig overleg", "Actie 3 is afgerond.  \nDe folder voor scholen is besproken."},
				[]string{"De signalenkaart", "Training meldcode"}},
			{"minutes with outcomes", "/export/minutes.md?outcomes=1", "2026-12-03-casusoverleg-havenstad-notulen.md",
				[]string{":** De signalenkaart wordt in januari herzien.\n", ":** Training meldcode voor scholen (Veilig Thuis Kustland, Mo Bakker, 15 februari 2027, Gepland)", "## Actielijst"},
				nil},
			{"decisions", "/export/decisions.md", "2026-12-03-casusoverleg-havenstad-besluitenlijst.md",
				[]string{"| B1 | De signalenkaart wordt in januari herzien. | 4\\. Afspraken en acties |"},
				[]string{"Training meldcode"}},
			{"actions", "/export/actions.md", "2026-12-03-casusoverleg-havenstad-actielijst.md",
				[]string{"| 1 | Training meldcode voor scholen | Veilig Thuis Kustland | Mo Bakker | 15 februari 2027 | Gepland | 4\\. Afspraken en acties |"},
				[]string{"De signalenkaart"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := c.Get(f.path(tt.path))
				if r.Status != http.StatusOK {
					t.Fatalf("status %d", r.Status)
				}
				if ct := r.Header.Get("Content-Type"); ct != "text/markdown; charset=utf-8" {
					t.Errorf("Content-Type %q", ct)
				}
				if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="`+tt.file+`"` {
					t.Errorf("Content-Disposition %q, want file %s", cd, tt.file)
				}
				for _, s := range tt.contains {
					if !strings.Contains(r.Body, s) {
						t.Errorf("missing %q in:\n%s", s, r.Body)
					}
				}
				for _, s := range tt.absent {
					if strings.Contains(r.Body, s) {
						t.Errorf("%q should not be in:\n%s", s, r.Body)
					}
				}
			})
		}
	})
}

// TestExportsNeverShowCaseNotes asks for every export, as every role that
// may read the meeting, and looks for the case note in each.
func TestExportsNeverShowCaseNotes(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		f := newExportFixture(t, env)
		paths := []string{"/invite.ics"}
		for _, doc := range []string{"agenda", "minutes", "decisions", "actions"} {
			paths = append(paths, "/export/"+doc, "/export/"+doc+"?outcomes=1", "/export/"+doc+".md", "/export/"+doc+".md?outcomes=1")
		}
		for _, who := range []string{coordinator, editor, viewer, reviewer} {
			t.Run(who, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(who)
				for _, p := range paths {
					r := c.Get(f.path(p))
					if r.Status != http.StatusOK {
						t.Errorf("%s: status %d", p, r.Status)
					}
					if strings.Contains(r.Body, "VERTROUWELIJK-CASUS") || strings.Contains(r.Body, "Havenstad-Noord") {
						t.Errorf("%s shows the case note", p)
					}
				}
			})
		}
	})
}

func TestMeetingExportAccess(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		f := newExportFixture(t, env)
		lindendal := workspaceID(t, db, "Lindendal")
		foreign := wsPath(lindendal, "/meetings/"+itoa(f.meeting.ID))
		tests := []struct {
			name   string
			who    string // "" for signed out
			path   string
			status int
		}{
			{"coordinator", coordinator, f.path("/export/agenda"), http.StatusOK},
			{"editor", editor, f.path("/export/minutes.md"), http.StatusOK},
			{"reviewer", reviewer, f.path("/export/actions"), http.StatusOK},
			{"reviewer invite", reviewer, f.path("/invite.ics"), http.StatusOK},
			{"coordinator of another workspace", outsider, f.path("/export/agenda"), http.StatusNotFound},
			{"coordinator of another workspace, Markdown", outsider, f.path("/export/decisions.md"), http.StatusNotFound},
			{"coordinator of another workspace, invite", outsider, f.path("/invite.ics"), http.StatusNotFound},
			{"meeting asked for through another workspace", outsider, foreign + "/export/agenda", http.StatusNotFound},
			{"meeting asked for through another workspace, Markdown", outsider, foreign + "/export/agenda.md", http.StatusNotFound},
			{"meeting asked for through another workspace, invite", outsider, foreign + "/invite.ics", http.StatusNotFound},
			{"unknown document", coordinator, f.path("/export/casus"), http.StatusNotFound},
			{"unknown document, Markdown", coordinator, f.path("/export/casus.md"), http.StatusNotFound},
			{"unknown meeting", coordinator, wsPath(f.ws, "/meetings/999999/export/agenda"), http.StatusNotFound},
			{"signed out", "", f.path("/export/agenda.md"), http.StatusSeeOther},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				if tt.who != "" {
					c.SignIn(tt.who)
				} else {
					c.Get("/login")
				}
				r := c.Get(tt.path)
				if r.Status != tt.status {
					t.Fatalf("%s: status %d, want %d", tt.path, r.Status, tt.status)
				}
				if tt.status != http.StatusOK && strings.Contains(r.Body, "Casusoverleg Havenstad") {
					t.Error("a refused export names the meeting")
				}
			})
		}
	})
}
