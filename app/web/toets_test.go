package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// matrixAssessment is the id of the workspace's open kinderrechtentoets,
// for the authorization matrix; a workspace without one gets one.
func matrixAssessment(t *testing.T, db *bun.DB, ws int64) string {
	t.Helper()
	ctx := context.Background()
	a, err := store.OpenAssessment(ctx, db, ws)
	if errors.Is(err, store.ErrNotFound) {
		var by int64
		if err := db.NewSelect().Table("memberships").Column("user_id").Where("workspace_id = ?", ws).
			Where("role = ?", model.RoleCoordinator).Limit(1).Scan(ctx, &by); err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		a = &model.Assessment{WorkspaceID: ws, Framework: model.FrameworkPillars, StartedBy: by, StartedAt: now, Version: 1, UpdatedAt: now}
		if err = store.CreateAssessment(ctx, db, a); err == nil {
			err = store.CreateAssessmentAnswers(ctx, db, []model.AssessmentAnswer{{
				WorkspaceID: ws, AssessmentID: a.ID, Theme: model.ThemePrevention, Question: "preventie.reach", Position: 1, Version: 1, UpdatedAt: now,
			}})
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return strconv.FormatInt(a.ID, 10)
}

// demoToetsen are Havenstad's demo assessments: the open one and the
// completed one.
func demoToetsen(t *testing.T, db *bun.DB, ws int64) (open, done model.Assessment) {
	t.Helper()
	list, err := store.Assessments(context.Background(), db, ws)
	if err != nil || len(list) != 2 || list[0].Completed() || !list[1].Completed() {
		t.Fatalf("Havenstad's demo assessments: %+v, %v", list, err)
	}
	return list[0], list[1]
}

// answerForm is the form of one question as the page holds it.
func answerForm(t *testing.T, r *testkit.Response, dom string) url.Values {
	t.Helper()
	f := r.Doc.Find("#" + dom + " form")
	if f.Length() != 1 {
		t.Fatalf("no form for %s: %s", dom, r.Text("main"))
	}
	v := url.Values{}
	f.Find("input[type=hidden]").Each(func(_ int, s *goquery.Selection) {
		v.Set(s.AttrOr("name", ""), s.AttrOr("value", ""))
	})
	if c := f.Find("input[type=radio]:checked"); c.Length() == 1 {
		v.Set("score", c.AttrOr("value", ""))
	}
	v.Set("note", f.Find("textarea").Text())
	return v
}

func TestToetsFromStartToComparison(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		open, _ := demoToetsen(t, db, ws)
		clients := map[string]*testkit.Client{}
		for _, who := range []string{coordinator, editor, contributor, viewer, reviewer, outsider} {
			clients[who] = env.Client(t)
			clients[who].SignIn(who)
		}
		anna, mo, sanne, youssef, lotte := clients[coordinator], clients[editor], clients[contributor], clients[viewer], clients[reviewer]
		list := wsPath(ws, "/toets")

		t.Run("one open assessment at a time", func(t *testing.T) {
			r := anna.Get(list)
			checkPage(t, list, r)
			if r.Doc.Find("#toets-start").Length() != 0 || r.Doc.Find("#toets-open-exists a").AttrOr("href", "") != wsPath(ws, "/toets/"+itoa(open.ID)) {
				t.Fatalf("with an open assessment the coordinator is offered a new one: %s", r.Text("main"))
			}
			if r.Doc.Find("#toets-list tbody tr").Length() != 2 {
				t.Fatalf("list: %s", r.Text("#toets-list"))
			}
			r = anna.Post(list, url.Values{"framework": {"pijlers"}})
			if r.Status != http.StatusConflict || !strings.Contains(r.Text("main"), "Er loopt al een toets") {
				t.Fatalf("second open assessment: %d %s", r.Status, r.Text("main"))
			}
			anna.Get(wsPath(ws, "/toets/"+itoa(open.ID)))
			r = anna.Post(wsPath(ws, "/toets/"+itoa(open.ID)+"/complete"), nil)
			if r.Status != http.StatusSeeOther || !strings.Contains(r.Location(), "notice=toets_completed") {
				t.Fatalf("complete: %d %q", r.Status, r.Location())
			}
		})

		var sheet, q string
		t.Run("the coordinator starts one on the themes she chooses", func(t *testing.T) {
			r := anna.Get(list)
			if got := r.Doc.Find("#f-framework option[selected]").AttrOr("value", ""); got != "pijlers" {
				t.Fatalf("the form does not offer the current plan's framework: %q", got)
			}
			if r := anna.Post(list, url.Values{"title": {"Meting 2027"}, "framework": {"alles"}}); r.Status != http.StatusUnprocessableEntity || r.Doc.Find("#f-framework-error").Length() != 1 {
				t.Fatalf("unknown framework: %d", r.Status)
			}
			r = anna.Post(list, url.Values{"title": {"Meting 2027"}, "framework": {"vng"}})
			if r.Status != http.StatusSeeOther || !strings.Contains(r.Location(), "notice=toets_started") {
				t.Fatalf("start: %d %q", r.Status, r.Location())
			}
			sheet = strings.SplitN(r.Location(), "?", 2)[0]
			page := anna.Get(r.Location())
			checkPage(t, sheet, page)
			if page.Text("h1") != "Meting 2027" || page.Doc.Find(".schakel-toets-theme").Length() != 5 ||
				page.Doc.Find("form.schakel-toets-form").Length() != 14 || !strings.Contains(page.Text("#toets-answered"), "0 van 14") {
				t.Fatalf("new assessment: %q, %d themes, %d forms, %q", page.Text("h1"), page.Doc.Find(".schakel-toets-theme").Length(),
					page.Doc.Find("form.schakel-toets-form").Length(), page.Text("#toets-answered"))
			}
			if hint := page.Text("#q-beleid-youth-note-hint"); !strings.Contains(hint, "Geen casusinformatie") {
				t.Fatalf("the note's hint does not warn against case material: %q", hint)
			}
			q = "q-beleid-youth"
		})

		t.Run("a chain partner answers without JavaScript", func(t *testing.T) {
			page := sanne.Get(sheet)
			f := answerForm(t, page, q)
			f.Set("score", "4")
			f.Set("note", "Jongerenraad denkt mee over het beleid.")
			r := sanne.Post(sheet+"/answers", f)
			if r.Status != http.StatusSeeOther || r.Location() != sheet+"?notice=toets_answer_saved#"+q {
				t.Fatalf("answer: %d %q", r.Status, r.Location())
			}
			page = sanne.Get(sheet)
			if page.Doc.Find("#"+q+"-score-4:checked").Length() != 1 || page.Doc.Find("#"+q+"-note").Text() != "Jongerenraad denkt mee over het beleid." ||
				!strings.Contains(page.Text("#"+q+" .schakel-toets-meta"), "Sanne Jansen") || !strings.Contains(page.Text("#toets-answered"), "1 van 14") {
				t.Fatalf("the answer as shown: %s", page.Text("#"+q))
			}
			if avg := page.Text("#toets-avg-beleid"); !strings.Contains(avg, "4,0") {
				t.Fatalf("theme average: %q", avg)
			}
		})

		t.Run("an editor who answered from the page before gets both answers", func(t *testing.T) {
			stale := url.Values{"question": {"beleid.youth"}, "version": {"1"}, "score": {"2"}, "note": {"Nog niet."}}
			r := mo.PostHTMX(sheet+"/answers", stale)
			if r.Status != http.StatusConflict {
				t.Fatalf("stale answer: %d %s", r.Status, r.Text("body"))
			}
			if msg := r.Text(".schakel-toets-conflict"); !strings.Contains(msg, "Sanne Jansen") || !strings.Contains(msg, "4 · volledig") {
				t.Fatalf("the conflict does not show theirs: %q", msg)
			}
			// The form holds Mo's answer, now over the version saved.
			f := answerForm(t, r, q)
			if f.Get("score") != "2" || f.Get("note") != "Nog niet." || f.Get("version") != "2" {
				t.Fatalf("the form after a conflict: %v", f)
			}
			cur, _ := store.AssessmentAnswer(context.Background(), db, ws, idOf(t, sheet), "beleid.youth")
			if cur.Score != 4 {
				t.Fatalf("the stale answer overwrote: %+v", cur)
			}
			// Saving Mine from there replaces theirs, knowingly.
			r = mo.PostHTMX(sheet+"/answers", f)
			if r.Status != http.StatusOK || r.Doc.Find("#"+q+"-score-2:checked").Length() != 1 || !strings.Contains(r.Text("#"+q), "Opgeslagen") {
				t.Fatalf("saving mine: %d %s", r.Status, r.Text("body"))
			}
			if r.Doc.Find(`#toets-answered[hx-swap-oob]`).Length() != 1 || !strings.Contains(r.Text("#toets-avg-beleid"), "2,0") {
				t.Fatalf("no updated count and average: %s", r.Body)
			}
		})

		t.Run("bad input is refused with a message in place", func(t *testing.T) {
			bad := []struct {
				name, score, note, error string
			}{
				{"a score outside 1 to 4", "7", "", "Kies een score van 1 tot en met 4."},
				{"a note too long", "3", strings.Repeat("n", 2001), "te lang"},
				{"a note that is not UTF-8", "3", "goed \xff geregeld", ""},
				{"a note with a phone number", "3", "Bel 06-12345678 voor de moeder.", "herkenbaar"},
			}
			for _, tt := range bad {
				t.Run(tt.name, func(t *testing.T) {
					f := answerForm(t, mo.Get(sheet), q)
					f.Set("score", tt.score)
					f.Set("note", tt.note)
					r := mo.PostHTMX(sheet+"/answers", f)
					if r.Status != http.StatusUnprocessableEntity || r.Doc.Find(".utrecht-form-field-error-message").Length() != 1 ||
						!strings.Contains(r.Text(".utrecht-form-field-error-message"), tt.error) {
						t.Fatalf("%d: %s", r.Status, r.Text("body"))
					}
					// Without JavaScript: the page, with the question as sent.
					r = mo.Post(sheet+"/answers", f)
					if r.Status != http.StatusUnprocessableEntity || r.Doc.Find("#"+q+" .utrecht-form-field-error-message").Length() != 1 || r.Doc.Find("h1").Length() != 1 {
						t.Fatalf("plain: %d", r.Status)
					}
				})
			}
			if cur, _ := store.AssessmentAnswer(context.Background(), db, ws, idOf(t, sheet), "beleid.youth"); cur.Score != 2 || cur.Version != 3 {
				t.Fatalf("refused input changed the answer: %+v", cur)
			}
		})

		t.Run("viewers and the reviewer read, and answer nothing", func(t *testing.T) {
			for name, c := range map[string]*testkit.Client{"viewer": youssef, "reviewer": lotte} {
				page := c.Get(sheet)
				checkPage(t, sheet, page)
				if page.Doc.Find("form.schakel-toets-form").Length() != 0 || page.Doc.Find("#toets-complete").Length() != 0 ||
					!strings.Contains(page.Text("#"+q), "2 · beperkt") || page.Doc.Find("#toets-note").Length() != 1 {
					t.Fatalf("%s sees: %s", name, page.Text("main"))
				}
				if r := c.Post(sheet+"/answers", url.Values{"question": {"beleid.youth"}, "score": {"1"}, "version": {"3"}}); r.Status != http.StatusForbidden {
					t.Fatalf("%s answers: %d", name, r.Status)
				}
				if r := c.Get(list); r.Status != http.StatusOK || r.Doc.Find("#toets-start").Length() != 0 {
					t.Fatalf("%s's list: %d", name, r.Status)
				}
			}
			if r := clients[outsider].Get(sheet); r.Status != http.StatusNotFound {
				t.Fatalf("a coordinator elsewhere: %d", r.Status)
			}
		})

		t.Run("completed with a date, then final", func(t *testing.T) {
			anna.Get(sheet)
			r := anna.Post(sheet+"/complete", nil)
			if r.Status != http.StatusSeeOther {
				t.Fatalf("complete: %d", r.Status)
			}
			page := anna.Get(sheet)
			today := strings.TrimSpace(page.Text("#toets-state"))
			if !strings.HasPrefix(today, "Afgerond op ") || page.Doc.Find("form.schakel-toets-form").Length() != 0 {
				t.Fatalf("completed: %q, %d forms", today, page.Doc.Find("form.schakel-toets-form").Length())
			}
			r = sanne.PostHTMX(sheet+"/answers", url.Values{"question": {"beleid.youth"}, "score": {"1"}, "version": {"3"}})
			if r.Status != http.StatusConflict || !strings.Contains(r.Text("body"), "afgerond") {
				t.Fatalf("answer after completion: %d %s", r.Status, r.Text("body"))
			}
			r = anna.Post(sheet+"/complete", nil)
			if r.Status != http.StatusConflict {
				t.Fatalf("completing twice: %d", r.Status)
			}
		})
	})
}

// idOf is the last number in a path.
func idOf(t *testing.T, path string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(path[strings.LastIndex(path, "/")+1:], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestToetsComparison(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		open, done := demoToetsen(t, db, ws)
		c := env.Client(t)
		c.SignIn(reviewer)
		path := wsPath(ws, "/toets/"+itoa(open.ID)+"/compare")
		r := c.Get(path)
		checkPage(t, path, r)
		// The demo's baseline and its newer assessment, averaged by hand:
		// preventie 5/3 → 3+2+2 = 7/3; signalering 5/3 → 5/2; opsporing
		// 5/3 → 5/2; zorg 4/3 → 2/1; all 19/12 → 19/8.
		want := map[string]string{
			"preventie":   "1,7|2,3|▲ hoger (+0,6)|up",
			"signalering": "1,7|2,5|▲ hoger (+0,8)|up",
			"opsporing":   "1,7|2,5|▲ hoger (+0,8)|up",
			"zorg":        "1,3|2,0|▲ hoger (+0,7)|up",
			"all":         "1,6|2,4|▲ hoger (+0,8)|up",
		}
		r.Doc.Find("#toets-summary tr[data-theme]").Each(func(_ int, s *goquery.Selection) {
			theme := s.AttrOr("data-theme", "")
			var cells []string
			s.Find("td").Each(func(_ int, td *goquery.Selection) {
				cells = append(cells, strings.Join(strings.Fields(td.Text()), " "))
			})
			got := strings.Join(append(cells, s.Find("td[data-change]").AttrOr("data-change", "")), "|")
			if got != want[theme] {
				t.Errorf("%s: %q, want %q", theme, got, want[theme])
			}
			delete(want, theme)
		})
		if len(want) > 0 {
			t.Errorf("rows missing: %v", want)
		}
		// Per question, the change in words beside its sign.
		for q, w := range map[string]string{
			"preventie.reach":     "2 · beperkt|3 · grotendeels|▲ hoger (+1)",
			"preventie.screening": "2 · beperkt|2 · beperkt|= gelijk",
			"zorg.guardian":       "2 · beperkt|niet beantwoord|– niet te vergelijken",
		} {
			var cells []string
			r.Doc.Find(`tr[data-question="` + q + `"] td`).Each(func(_ int, td *goquery.Selection) {
				cells = append(cells, strings.Join(strings.Fields(td.Text()), " "))
			})
			if got := strings.Join(cells, "|"); got != w {
				t.Errorf("%s: %q, want %q", q, got, w)
			}
		}
		if first := r.Doc.Find("#toets-summary thead th").Eq(1).Text(); first != done.Title {
			t.Errorf("the older assessment is not on the left: %q", first)
		}

		// Bad ids: another workspace's assessment is not found, either way.
		other := workspaceID(t, db, "Bergvliet")
		foreign := matrixAssessment(t, db, other)
		for name, p := range map[string]string{
			"compared with another workspace's": path + "?with=" + foreign,
			"another workspace's, here":         wsPath(ws, "/toets/"+foreign+"/compare"),
			"another workspace's page, here":    wsPath(ws, "/toets/"+foreign),
			"a with that is no id":              path + "?with=abc",
		} {
			if r := c.Get(p); r.Status != http.StatusNotFound {
				t.Errorf("%s: %d", name, r.Status)
			}
		}
		// Alone, there is nothing to compare with; a sentence says so.
		alone := wsPath(other, "/toets/"+foreign+"/compare")
		if r := c.Get(alone); r.Status != http.StatusOK || r.Doc.Find("#toets-compare-nothing").Length() != 1 {
			t.Errorf("a lone assessment's comparison: %d %s", r.Status, r.Text("main"))
		}
	})
}
