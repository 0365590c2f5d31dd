package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/testkit"
)

// guideGuest makes a guest of Havenstad's first meeting and returns a
// client signed in as that guest.
func guideGuest(t *testing.T, env *testkit.Env) *testkit.Client {
	t.Helper()
	ws := workspaceID(t, env.DB, "Havenstad")
	var meeting int64
	if err := env.DB.NewSelect().Table("meetings").ColumnExpr("MIN(id)").Where("workspace_id = ?", ws).Scan(context.Background(), &meeting); err != nil {
		t.Fatal(err)
	}
	addMatrixGuest(t, env, matrixIDs{":wid": itoa(ws), ":mid": itoa(meeting)})
	c := env.Client(t)
	c.SignIn(matrixGuest)
	return c
}

// texts lists the trimmed texts of the elements matching selector.
func texts(doc *goquery.Document, selector string) []string {
	var out []string
	doc.Find(selector).Each(func(_ int, s *goquery.Selection) { out = append(out, strings.Join(strings.Fields(s.Text()), " ")) })
	return out
}

func TestGuideIndexAndArticlesInBothLanguages(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		c.SignIn(viewer)

		r := c.Get("/guide")
		if r.Status != http.StatusOK {
			t.Fatalf("GET /guide: %d", r.Status)
		}
		if got := r.Doc.Find(`.schakel-nav a[href="/guide"][aria-current="page"]`).Text(); got != "Leidraad" {
			t.Errorf("main navigation: the guide's link reads %q, want Leidraad marked as the current page", got)
		}
		sections := texts(r.Doc, "main h2")
		want := []string{"De vier algemene beginselen", "Bescherming tegen geweld en uitbuiting", "EU-richtlijn mensenhandel (2011/36/EU)", "Verdrag van Lanzarote"}
		if strings.Join(sections, "|") != strings.Join(want, "|") {
			t.Errorf("sections %q, want %q", sections, want)
		}
		var links []string
		r.Doc.Find(".schakel-guide-list a").Each(func(_ int, s *goquery.Selection) { links = append(links, s.AttrOr("href", "")) })
		var slugs []string
		for _, a := range model.GuideArticles {
			slugs = append(slugs, "/guide/"+a.Slug)
		}
		if strings.Join(links, " ") != strings.Join(slugs, " ") {
			t.Errorf("index links\n %v\nwant\n %v", links, slugs)
		}
		if first := r.Text(".schakel-guide-list a"); !strings.Contains(first, "IVRK art. 2") || !strings.Contains(first, "Geen discriminatie") {
			t.Errorf("first article reads %q", first)
		}

		for _, tt := range []struct {
			name, lang, path, heading, pillar string
		}{
			{"Dutch principle", "nl", "/guide/ivrk-12", "IVRK art. 12 Mening van het kind", "Preventie"},
			{"English principle", "en", "/guide/ivrk-12", "CRC art. 12 Views of the child", "Prevention"},
			{"Dutch directive", "nl", "/guide/eu-15", "EU-richtlijn art. 15 Bescherming in het strafproces", "Opsporing en vervolging"},
			{"English convention", "en", "/guide/lanzarote", "Lanzarote Convention Protection from sexual exploitation and sexual abuse", "Care, shelter and aftercare"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c.Post("/language", url.Values{"lang": {tt.lang}, "back": {tt.path}})
				r := c.Get(tt.path)
				if r.Status != http.StatusOK {
					t.Fatalf("%s: %d", tt.path, r.Status)
				}
				if got := strings.Join(strings.Fields(r.Text("h1")), " "); got != tt.heading {
					t.Errorf("heading %q, want %q", got, tt.heading)
				}
				if got := texts(r.Doc, ".schakel-guide-pillar h3"); len(got) != 4 || !strings.Contains(strings.Join(got, "|"), tt.pillar) {
					t.Errorf("pillars %q, want four with %q", got, tt.pillar)
				}
				r.Doc.Find(".schakel-guide-pillar").Each(func(_ int, s *goquery.Selection) {
					if s.Find("li").Length() == 0 {
						t.Errorf("pillar %q has no questions", s.Find("h3").Text())
					}
				})
				if r.Doc.Find(`a[href$="/edit"]`).Length() != 0 {
					t.Error("a member is offered to edit the guide")
				}
			})
		}
		c.Post("/language", url.Values{"lang": {"nl"}, "back": {"/guide"}})

		for _, path := range []string{"/guide/ivrk-1", "/guide/nope", "/guide/eu-12", "/guide/IVRK-12"} {
			if r := c.Get(path); r.Status != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", path, r.Status)
			}
		}
		anonymous := env.Client(t)
		if r := anonymous.Get("/guide/ivrk-12"); r.Status != http.StatusSeeOther {
			t.Errorf("anonymous: %d, want a redirect to sign in", r.Status)
		}
	})
}

func TestGuideArticleListsActionsOfReadableWorkspacesOnly(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		haven := newPlan(t, env, workspaceID(t, db, "Havenstad"), coordinator, "Plan Havenstad leidraad", model.FrameworkPillars)
		linden := newPlan(t, env, workspaceID(t, db, "Lindendal"), outsider, "Plan Lindendal leidraad", model.FrameworkPillars)
		addAction(t, env, haven, "Havenstad hoort jongeren", model.ThemePrevention, "rights", "12", "status", "bezig")
		addAction(t, env, linden, "Lindendal hoort jongeren", model.ThemeCare, "rights", "3,12", "status", "gereed")
		addAction(t, env, haven, "Havenstad privacy in het verhoor", model.ThemeInvestigation, "rights", "16")
		gone := addAction(t, env, haven, "Havenstad verwijderde actie", model.ThemePrevention, "rights", "12")
		if _, err := env.Svc.DeleteAction(context.Background(), userByEmail(t, db, coordinator), haven.WorkspaceID, gone.ID); err != nil {
			t.Fatal(err)
		}

		guest := guideGuest(t, env)
		coord, other, rev := signedInAs(t, env, coordinator), signedInAs(t, env, outsider), signedInAs(t, env, reviewer)
		for _, tt := range []struct {
			name   string
			client *testkit.Client
			path   string
			want   []string // the titles of our actions listed, in order
			absent []string
		}{
			{"coordinator sees her own workspace", coord, "/guide/ivrk-12", []string{"Havenstad hoort jongeren"}, []string{"Lindendal hoort jongeren", "Havenstad verwijderde actie"}},
			{"coordinator elsewhere sees his", other, "/guide/ivrk-12", []string{"Lindendal hoort jongeren"}, []string{"Havenstad hoort jongeren"}},
			{"reviewer sees every workspace", rev, "/guide/ivrk-12", []string{"Havenstad hoort jongeren", "Lindendal hoort jongeren"}, []string{"Havenstad verwijderde actie"}},
			{"a directive's article lists the CRC articles it works out", rev, "/guide/eu-15", []string{"Havenstad hoort jongeren", "Havenstad privacy in het verhoor", "Lindendal hoort jongeren"}, nil},
			{"an article no action serves", rev, "/guide/ivrk-32", nil, []string{"Havenstad hoort jongeren"}},
			{"guest sees none", guest, "/guide/ivrk-12", nil, []string{"Havenstad hoort jongeren", "Lindendal hoort jongeren"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				r := tt.client.Get(tt.path)
				if r.Status != http.StatusOK {
					t.Fatalf("%s: %d", tt.path, r.Status)
				}
				var got []string
				r.Doc.Find(".schakel-guide-actions__item > a").Each(func(_ int, s *goquery.Selection) {
					title := s.Text()
					if strings.HasPrefix(title, "Havenstad ") || strings.HasPrefix(title, "Lindendal ") {
						got = append(got, title)
						if !strings.HasPrefix(s.AttrOr("href", ""), "/workspaces/") {
							t.Errorf("%q links to %q, not to the action", title, s.AttrOr("href", ""))
						}
					}
				})
				if strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("actions listed %q, want %q", got, tt.want)
				}
				for _, a := range tt.absent {
					if strings.Contains(r.Body, a) {
						t.Errorf("the page shows %q", a)
					}
				}
				if len(tt.want) == 0 && strings.Contains(tt.name, "guest") && !strings.Contains(r.Text("#guide-actions ~ p"), "nog geen acties") {
					t.Errorf("a guest is not told there are no actions: %q", r.Text("#guide-actions ~ p"))
				}
			})
		}
		// Grouped by workspace, each with its status.
		r := rev.Get("/guide/ivrk-12")
		item := r.Doc.Find(`.schakel-guide-actions__item:contains("Lindendal hoort jongeren")`)
		if ws := item.Closest(".schakel-guide-workspace").Find("h3").Text(); ws != "Lindendal" {
			t.Errorf("Lindendal's action is listed under %q", ws)
		}
		if st := item.Find(".schakel-status").Text(); st != "Gereed" {
			t.Errorf("Lindendal's action shows status %q", st)
		}
		if note := r.Text(".schakel-guide-note"); note != "" {
			t.Errorf("a CRC article says it works out others: %q", note)
		}
		if note := rev.Get("/guide/eu-15").Text(".schakel-guide-note"); !strings.Contains(note, "IVRK art. 12") || !strings.Contains(note, "IVRK art. 16") || !strings.Contains(note, "IVRK art. 39") {
			t.Errorf("the directive's page does not say whose actions it lists: %q", note)
		}
	})
}

// signedInAs returns a client signed in as email.
func signedInAs(t *testing.T, env *testkit.Env, email string) *testkit.Client {
	t.Helper()
	c := env.Client(t)
	c.SignIn(email)
	return c
}

func TestTrainingMeetingLinksToTheGuide(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		c := env.Client(t)
		c.SignIn(coordinator)
		for _, tt := range []struct {
			kind model.MeetingKind
			link bool
		}{{model.MeetingTraining, true}, {model.MeetingCaseConf, false}} {
			var meeting int64
			if err := db.NewSelect().Table("meetings").ColumnExpr("MIN(id)").Where("workspace_id = ? AND kind = ?", ws, tt.kind).Scan(context.Background(), &meeting); err != nil || meeting == 0 {
				t.Fatalf("no %s in Havenstad: %v", tt.kind, err)
			}
			r := c.Get(wsPath(ws, "/meetings/"+itoa(meeting)))
			links := r.Doc.Find(".schakel-guide-training a")
			if !tt.link {
				if links.Length() != 0 {
					t.Errorf("a %s links to the guide", tt.kind)
				}
				continue
			}
			var hrefs []string
			links.Each(func(_ int, s *goquery.Selection) { hrefs = append(hrefs, s.AttrOr("href", "")) })
			if want := "/guide /guide/ivrk-2 /guide/ivrk-3 /guide/ivrk-6 /guide/ivrk-12"; strings.Join(hrefs, " ") != want {
				t.Errorf("training links %q, want %q", hrefs, want)
			}
		}
	})
}
