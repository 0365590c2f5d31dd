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
	"schakel/app/store"
	"schakel/app/testkit"
)

// guideForm is the edit form of an article as the page gives it, with
// the changes in set.
func guideForm(t *testing.T, c *testkit.Client, slug, lang string, set ...string) url.Values {
	t.Helper()
	r := c.Get("/guide/" + slug + "/" + lang + "/edit")
	if r.Status != http.StatusOK {
		t.Fatalf("edit form of %s (%s): %d", slug, lang, r.Status)
	}
	f := url.Values{}
	r.Doc.Find("form.schakel-guide-form input, form.schakel-guide-form textarea").Each(func(_ int, s *goquery.Selection) {
		name := s.AttrOr("name", "")
		if s.Is("textarea") {
			f.Set(name, s.Text())
		} else {
			f.Set(name, s.AttrOr("value", ""))
		}
	})
	for i := 0; i+1 < len(set); i += 2 {
		f.Set(set[i], set[i+1])
	}
	return f
}

func guideVersions(t *testing.T, db *bun.DB, slug, lang string) []model.GuideText {
	t.Helper()
	list, err := store.GuideVersions(context.Background(), db, slug, lang)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestGuideEditVersionsHistoryAndConflict(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		lotte, beheer := signedInAs(t, env, reviewer), signedInAs(t, env, admin)

		// Both open the Dutch text of art. 12 at version 1.
		first := guideForm(t, lotte, "ivrk-12", "nl", "title", "Mening van het kind (herzien)")
		second := guideForm(t, beheer, "ivrk-12", "nl", "explanation", "Een andere uitleg.")
		if first.Get("version") != "1" || first.Get("_csrf") == "" {
			t.Fatalf("the form starts from version %q", first.Get("version"))
		}

		r := lotte.Post("/guide/ivrk-12/nl", first)
		if r.Status != http.StatusSeeOther || r.Location() != "/guide/ivrk-12?notice=guide_saved" {
			t.Fatalf("save: %d to %q: %s", r.Status, r.Location(), r.Text("[role=alert]"))
		}
		page := lotte.Get(r.Location())
		if h1 := strings.Join(strings.Fields(page.Text("h1")), " "); h1 != "IVRK art. 12 Mening van het kind (herzien)" {
			t.Errorf("after saving the page reads %q", h1)
		}
		if !strings.Contains(page.Text("#alerts"), "opgeslagen als nieuwe versie") || !strings.Contains(page.Text(".schakel-guide-article__updated"), "Versie 2") {
			t.Errorf("after saving: notice %q, version line %q", page.Text("#alerts"), page.Text(".schakel-guide-article__updated"))
		}
		if en := lotte.Get("/guide/ivrk-12"); en.Status != http.StatusOK {
			t.Fatal(en.Status)
		}
		if v := guideVersions(t, db, "ivrk-12", "en"); len(v) != 1 {
			t.Errorf("the English text has %d versions after a Dutch save", len(v))
		}

		// The administrator saves from version 1 too: refused, nothing lost.
		r = beheer.Post("/guide/ivrk-12/nl", second)
		if r.Status != http.StatusConflict {
			t.Fatalf("stale save: %d, want 409", r.Status)
		}
		if msg := r.Text(".schakel-guide-conflict [role=alert]"); !strings.Contains(msg, "Lotte Visser") || !strings.Contains(msg, "versie 2") {
			t.Errorf("conflict message %q", msg)
		}
		if got := r.Doc.Find(`textarea[name="explanation"]`).Text(); got != "Een andere uitleg." {
			t.Errorf("the editor's text is not kept in the form: %q", got)
		}
		if got := r.Doc.Find(`input[name="title"]`).AttrOr("value", ""); got != "Mening van het kind (herzien)" {
			t.Errorf("the title only the other changed is not taken over in the form: %q", got)
		}
		if v := r.Doc.Find(`input[name="version"]`).AttrOr("value", ""); v != "2" {
			t.Errorf("after the conflict the form starts from version %q, want 2", v)
		}
		if diff := r.Text(".schakel-guide-conflict"); !strings.Contains(r.Text(".schakel-guide-conflict ins"), "andere uitleg") || r.Doc.Find("#diff-title").Length() != 0 || strings.Contains(diff, "Jullie veranderden allebei") {
			t.Errorf("the conflict shows %q (ins %q, title diffs %d)", diff, r.Text(".schakel-guide-conflict ins"), r.Doc.Find("#diff-title").Length())
		}
		if r.Doc.Find(".schakel-guide-conflict del.schakel-diff__del").Length() == 0 || r.Doc.Find(".schakel-guide-conflict ins.schakel-diff__ins").Length() == 0 {
			t.Error("the conflict shows no differences")
		}
		versions := guideVersions(t, db, "ivrk-12", "nl")
		if len(versions) != 2 || versions[0].Title != "Mening van het kind (herzien)" || versions[0].Explanation == "Een andere uitleg." {
			t.Fatalf("after the refused save: %d versions, newest %q", len(versions), versions[0].Title)
		}
		if versions[0].CreatedBy == nil || *versions[0].CreatedBy != userByEmail(t, db, reviewer).ID {
			t.Errorf("version 2 was saved by %v", versions[0].CreatedBy)
		}

		// Saving again from the form as it came back is deliberate.
		again := url.Values{}
		r.Doc.Find("form.schakel-guide-form input, form.schakel-guide-form textarea").Each(func(_ int, s *goquery.Selection) {
			if s.Is("textarea") {
				again.Set(s.AttrOr("name", ""), s.Text())
			} else {
				again.Set(s.AttrOr("name", ""), s.AttrOr("value", ""))
			}
		})
		if r := beheer.Post("/guide/ivrk-12/nl", again); r.Status != http.StatusSeeOther {
			t.Fatalf("save after the conflict: %d", r.Status)
		}
		// Saving the same text again adds no version.
		same := guideForm(t, lotte, "ivrk-12", "nl")
		if r := lotte.Post("/guide/ivrk-12/nl", same); r.Location() != "/guide/ivrk-12?notice=guide_unchanged" {
			t.Errorf("unchanged save leads to %q", r.Location())
		}
		if v := guideVersions(t, db, "ivrk-12", "nl"); len(v) != 3 || v[0].Title != "Mening van het kind (herzien)" || v[0].Explanation != "Een andere uitleg." {
			t.Errorf("%d versions, want 3 with both changes", len(v))
		}

		// Both change the title from version 3: the second keeps theirs
		// in the form and is told both changed it.
		mine := guideForm(t, lotte, "ivrk-12", "nl", "title", "Lotte's titel")
		if r := beheer.Post("/guide/ivrk-12/nl", guideForm(t, beheer, "ivrk-12", "nl", "title", "Titel van beheer")); r.Status != http.StatusSeeOther {
			t.Fatal(r.Status)
		}
		clash := lotte.Post("/guide/ivrk-12/nl", mine)
		if clash.Status != http.StatusConflict || !strings.Contains(clash.Text(".schakel-guide-conflict"), "Jullie veranderden allebei: Titel") {
			t.Errorf("clash: %d %q", clash.Status, clash.Text(".schakel-guide-conflict"))
		}
		if got := clash.Doc.Find(`input[name="title"]`).AttrOr("value", ""); got != "Lotte's titel" {
			t.Errorf("the clashing title in the form is %q", got)
		}
		if _, err := db.NewDelete().Model((*model.GuideText)(nil)).Where("article = ? AND version = 4", "ivrk-12").Exec(context.Background()); err != nil {
			t.Fatal(err)
		}

		// The history lists the three versions with who saved them and
		// shows what changed between two.
		h := lotte.Get("/guide/ivrk-12/history?lang=nl")
		if h.Status != http.StatusOK {
			t.Fatalf("history: %d", h.Status)
		}
		var rows [][]string
		h.Doc.Find(".schakel-guide-versions tbody tr").Each(func(_ int, tr *goquery.Selection) {
			rows = append(rows, texts(goquery.NewDocumentFromNode(tr.Nodes[0]), "th, td"))
		})
		if len(rows) != 3 || rows[0][0] != "3" || rows[0][1] != "Beheer Schakel" || rows[1][1] != "Lotte Visser" || rows[2][1] != "Eerste tekst van de leidraad" {
			t.Fatalf("history rows %q", rows)
		}
		if rows[1][3] != "Titel" || rows[0][3] != "Uitleg" || rows[2][3] != "Eerste versie" {
			t.Errorf("changed fields: %q / %q / %q", rows[0][3], rows[1][3], rows[2][3])
		}
		d := lotte.Get("/guide/ivrk-12/history?lang=nl&from=1&to=2")
		if got := d.Text("#guide-diff ins"); got != "Toegevoegd:  (herzien)" && got != "Toegevoegd: (herzien)" {
			t.Errorf("added text %q", got)
		}
		if d.Doc.Find("#guide-diff del").Length() != 0 || !strings.Contains(d.Text("#guide-diff"), "Ongewijzigd: Uitleg") {
			t.Errorf("diff of the title only: %q", d.Text("#guide-diff"))
		}
		d = lotte.Get("/guide/ivrk-12/history?lang=nl&from=2&to=3")
		if !strings.Contains(d.Text("#guide-diff ins"), "andere uitleg") || d.Doc.Find("#guide-diff del").Length() == 0 || d.Doc.Find("#diff-title").Length() != 0 {
			t.Errorf("diff of the explanation: %q", d.Text("#guide-diff"))
		}
		for _, path := range []string{"/guide/ivrk-12/history?lang=nl&from=1&to=9", "/guide/ivrk-12/history?lang=de", "/guide/ivrk-7/history"} {
			if r := lotte.Get(path); r.Status != http.StatusNotFound {
				t.Errorf("%s: %d, want 404", path, r.Status)
			}
		}
	})
}

func TestGuideEditRefusesBadInput(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := signedInAs(t, env, reviewer)
		for _, tt := range []struct {
			name, path string
			set        []string
			status     int
			field      string // the field whose error shows
		}{
			{"empty title", "/guide/ivrk-3/nl", []string{"title", "  "}, http.StatusUnprocessableEntity, "title"},
			{"questions of a pillar left empty", "/guide/ivrk-3/nl", []string{"care", "\n \n"}, http.StatusUnprocessableEntity, "care"},
			{"over-long explanation", "/guide/ivrk-3/en", []string{"explanation", strings.Repeat("a", 8001)}, http.StatusUnprocessableEntity, "explanation"},
			{"over-long title", "/guide/ivrk-3/en", []string{"title", strings.Repeat("t", 201)}, http.StatusUnprocessableEntity, "title"},
			{"invalid UTF-8", "/guide/ivrk-3/nl", []string{"prevention", "Vraag \xff?"}, http.StatusUnprocessableEntity, "prevention"},
			{"unknown article", "/guide/ivrk-4/nl", nil, http.StatusNotFound, ""},
			{"unknown language", "/guide/ivrk-3/de", nil, http.StatusNotFound, ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				f := guideForm(t, c, "ivrk-3", "nl", tt.set...)
				r := c.Post(tt.path, f)
				if r.Status != tt.status {
					t.Fatalf("%d, want %d", r.Status, tt.status)
				}
				if tt.field != "" {
					if msg := r.Text("#guide-" + tt.field + "-error"); msg == "" {
						t.Errorf("no error at %s", tt.field)
					}
					if r.Doc.Find("#guide-"+tt.field).AttrOr("aria-invalid", "") != "true" {
						t.Errorf("%s is not marked invalid", tt.field)
					}
				}
				for _, lang := range []string{"nl", "en"} {
					if v := guideVersions(t, db, "ivrk-3", lang); len(v) != 1 {
						t.Errorf("%s: %d versions after a refused save", lang, len(v))
					}
				}
			})
		}
		if r := c.Get("/guide/nope/nl/edit"); r.Status != http.StatusNotFound {
			t.Errorf("edit form of an unknown article: %d", r.Status)
		}
	})
}

func TestGuideOnlyReviewersAndAdministratorsEdit(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		valid := url.Values{"version": {"1"}, "title": {"Overgenomen"}, "explanation": {"Uitleg."}, "prevention": {"Vraag?"}, "signalling": {"Vraag?"}, "investigation": {"Vraag?"}, "care": {"Vraag?"}}
		for _, tt := range []struct {
			who    string
			client func() *testkit.Client
			edits  bool
			offer  bool
		}{
			{"reviewer", func() *testkit.Client { return signedInAs(t, env, reviewer) }, true, true},
			{"administrator", func() *testkit.Client { return signedInAs(t, env, admin) }, true, true},
			{"coordinator", func() *testkit.Client { return signedInAs(t, env, coordinator) }, false, false},
			{"viewer", func() *testkit.Client { return signedInAs(t, env, viewer) }, false, false},
			{"guest", func() *testkit.Client { return guideGuest(t, env) }, false, false},
		} {
			t.Run(tt.who, func(t *testing.T) {
				c := tt.client()
				page := c.Get("/guide/ivrk-6")
				if page.Status != http.StatusOK {
					t.Fatalf("reading: %d", page.Status)
				}
				if offered := page.Doc.Find(`a[href="/guide/ivrk-6/nl/edit"]`).Length() == 1; offered != tt.offer {
					t.Errorf("edit offered: %v", offered)
				}
				want := http.StatusForbidden
				if tt.edits {
					want = http.StatusOK
				}
				for _, path := range []string{"/guide/ivrk-6/nl/edit", "/guide/ivrk-6/history"} {
					if r := c.Get(path); r.Status != want {
						t.Errorf("GET %s: %d, want %d", path, r.Status, want)
					}
				}
				f := url.Values{}
				for k, v := range valid {
					f[k] = v
				}
				r := c.Post("/guide/ivrk-6/nl", f)
				if tt.edits {
					if r.Status != http.StatusSeeOther {
						t.Errorf("save: %d", r.Status)
					}
					// The next one starts from the new version.
					if _, err := db.NewDelete().Model((*model.GuideText)(nil)).Where("article = ? AND version > 1", "ivrk-6").Exec(context.Background()); err != nil {
						t.Fatal(err)
					}
					return
				}
				if r.Status != http.StatusForbidden {
					t.Errorf("save: %d, want 403", r.Status)
				}
				if v := guideVersions(t, db, "ivrk-6", "nl"); len(v) != 1 || v[0].Title == "Overgenomen" {
					t.Errorf("a %s changed the guide", tt.who)
				}
			})
		}
	})
}
