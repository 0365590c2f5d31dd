package web_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// livePlan makes a plan with one action in Havenstad and returns the live
// path of the plan, the action, and the workspace id.
func livePlan(t *testing.T, env *testkit.Env) (string, *model.Action, int64) {
	t.Helper()
	ctx := context.Background()
	ws := workspaceID(t, env.DB, "Havenstad")
	anna := userByEmail(t, env.DB, coordinator)
	p, err := env.Svc.CreatePlan(ctx, anna, ws, service.PlanInput{Title: "Plan van aanpak 2027", Framework: model.FrameworkPillars})
	if err != nil {
		t.Fatal(err)
	}
	a, err := env.Svc.CreateAction(ctx, anna, ws, p.ID, service.ActionInput{Title: "Training signalen herkennen", Theme: model.ThemeSignalling})
	if err != nil {
		t.Fatal(err)
	}
	return wsPath(ws, "/plans/"+itoa(p.ID)+"/live"), a, ws
}

func editTitle(t *testing.T, c *testkit.Client, ws int64, a *model.Action, title string) {
	t.Helper()
	cur, err := store.Action(context.Background(), c.Env().DB, ws, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := c.PostHTMX(wsPath(ws, "/actions/"+itoa(a.ID)+"/fields/title"), url.Values{"value": {title}, "version": {strconv.Itoa(cur.Version)}})
	if r.Status != http.StatusOK {
		t.Fatalf("edit title: %d %s", r.Status, r.Text("[role=alert]"))
	}
}

func TestLiveEditsReachOtherMembersOnly(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		live, a, ws := livePlan(t, env)
		field := "#action-" + itoa(a.ID) + "-title"

		anna := env.Client(t)
		anna.SignIn(coordinator)
		mo := env.Client(t)
		mo.SignIn(editor)
		yousef := env.Client(t)
		yousef.SignIn(viewer)
		pieter := env.Client(t)
		pieter.SignIn(outsider)

		moLive, _ := mo.DialLive(live)
		yLive, _ := yousef.DialLive(live)
		lindendal := workspaceID(t, db, "Lindendal")
		for _, tt := range []struct{ name, path string }{
			{"through the plan's own workspace", live},
			{"through their own workspace", wsPath(lindendal, "/plans/"+live[len(wsPath(ws, "/plans/")):])},
		} {
			if _, status := pieter.DialLive(tt.path); status != http.StatusNotFound {
				t.Fatalf("member of another workspace %s: handshake %d, want 404", tt.name, status)
			}
		}
		if _, status := anna.DialLiveFrom(live, "http://evil.example"); status != http.StatusForbidden {
			t.Fatalf("foreign Origin: handshake %d, want 403", status)
		}
		// Pieter follows a plan of his own; Havenstad's edits must not reach him.
		own, err := env.Svc.CreatePlan(context.Background(), userByEmail(t, db, outsider), lindendal, service.PlanInput{Title: "Lindendal 2027", Framework: model.FrameworkVNG})
		if err != nil {
			t.Fatal(err)
		}
		pLive, status := pieter.DialLive(wsPath(lindendal, "/plans/"+itoa(own.ID)+"/live"))
		if status != http.StatusSwitchingProtocols {
			t.Fatalf("own plan: %d", status)
		}

		editTitle(t, anna, ws, a, "Training voor jongerenwerkers")
		doc := moLive.Await(field, "Training voor jongerenwerkers")
		if doc.Find("#edit-"+itoa(a.ID)+"-title[hx-get]").Length() == 0 {
			t.Error("an editor's fragment has no edit control")
		}
		ydoc := yLive.Await(field, "Training voor jongerenwerkers")
		if ydoc.Find(".schakel-field__edit, [id^=edit-]").Length() != 0 {
			t.Error("a viewer's fragment offers editing")
		}
		if ydoc.Find("#rollup-plan").Length() == 0 {
			t.Error("roll-ups not updated live")
		}
		pLive.Quiet("Training voor jongerenwerkers")

		// Presence names who edits which field, and who is looking.
		annaLive, _ := anna.DialLive(live)
		annaLive.Send(`{"type":"focus","id":` + itoa(a.ID) + `,"field":"description"}`)
		presence := moLive.Await("#presence-"+itoa(a.ID)+"-description", "Anna de Vries (Gemeente Havenstad)")
		if got := presence.Find("#presence-viewers").Text(); !strings.Contains(got, "Anna de Vries") || !strings.Contains(got, "Mo Bakker") {
			t.Fatalf("viewers %q", got)
		}

		// The plan's own fields too.
		annaLive.Send(`{"type":"focus","id":` + itoa(a.PlanID) + `,"field":"plan_title"}`)
		moLive.Await("#presence-"+itoa(a.PlanID)+"-plan_title", "Anna de Vries (Gemeente Havenstad)")

		// A malformed message closes that connection only.
		bad, _ := mo.DialLive(live)
		bad.Send(`{"type":"focus","id":1,"field":"password_hash"}`)
		if reason := bad.Closed(); reason != "malformed message: unknown field" {
			t.Fatalf("reason %q", reason)
		}
		editTitle(t, anna, ws, a, "Training, tweede ronde")
		yLive.Await(field, "Training, tweede ronde")

		// A removed member's connection ends.
		anna.Get(wsPath(ws, "/members"))
		r := anna.Post(wsPath(ws, "/members/"+itoa(membershipID(t, db, ws, viewer))+"/delete"), nil)
		if r.Status != http.StatusSeeOther {
			t.Fatalf("remove: %d", r.Status)
		}
		if reason := yLive.Closed(); reason != "access revoked" {
			t.Fatalf("reason %q", reason)
		}
	})
}

// A status change tells filtered boards what they filter on, so that the
// action can leave one board and come into another; the page fetches an
// action that came into its filter as one list item.
func TestLiveChangeCarriesWhatBoardsFilterOn(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		live, a, ws := livePlan(t, env)
		anna := env.Client(t)
		anna.SignIn(coordinator)
		mo := env.Client(t)
		mo.SignIn(editor)
		moLive, _ := mo.DialLive(live)

		r := anna.PostHTMX(wsPath(ws, "/actions/"+itoa(a.ID)+"/fields/status"), url.Values{"value": {"geblokkeerd"}, "version": {strconv.Itoa(a.Version)}})
		if r.Status != http.StatusOK {
			t.Fatalf("status change: %d %s", r.Status, r.Text("[role=alert]"))
		}
		doc := moLive.AwaitDoc("a version marker with the new status", func(doc *goquery.Document) bool {
			return doc.Find(`#live-version[data-status="geblokkeerd"]`).Length() == 1
		})
		item, _ := doc.Find("#live-version").Attr("data-item")
		if want := wsPath(ws, "/actions/"+itoa(a.ID)+"/item"); item != want {
			t.Fatalf("item path %q, want %q", item, want)
		}
		for _, tt := range []struct {
			name   string
			email  string
			status int
		}{
			{"a partner of the workspace", editor, http.StatusOK},
			{"a coordinator of another municipality", outsider, http.StatusNotFound},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				r := c.GetHTMX(item)
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d", r.Status, tt.status)
				}
				if tt.status == http.StatusOK && r.Doc.Find(`li#action-`+itoa(a.ID)+`[data-status="geblokkeerd"]`).Length() != 1 {
					t.Fatalf("no list item with the new status: %s", r.Body)
				}
			})
		}
	})
}

func TestLiveCatchUpAfterReconnect(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		live, a, ws := livePlan(t, env)
		anna := env.Client(t)
		anna.SignIn(coordinator)
		mo := env.Client(t)
		mo.SignIn(editor)

		held := a.Version
		editTitle(t, anna, ws, a, "Gewijzigd terwijl Mo weg was")
		added, err := env.Svc.CreateAction(context.Background(), userByEmail(t, db, coordinator), ws, a.PlanID, service.ActionInput{Title: "Nieuw terwijl Mo weg was", Theme: model.ThemeCare})
		if err != nil {
			t.Fatal(err)
		}
		_ = added
		back, _ := mo.DialLive(live)
		back.Send(`{"type":"hello","versions":{"` + itoa(a.ID) + `":` + strconv.Itoa(held) + `}}`)
		doc := back.Await("#action-"+itoa(a.ID)+"-title", "Gewijzigd terwijl Mo weg was")
		if doc.Find(`[hx-swap-oob="beforeend:#theme-zorg-actions"] li`).Length() != 1 {
			t.Fatal("the action added meanwhile was not sent")
		}
	})
}

func TestLiveAcrossTwoInstances(t *testing.T) {
	if os.Getenv(testkit.PostgresURLEnv) == "" {
		t.Skipf("two instances share PostgreSQL; set %s (CI does)", testkit.PostgresURLEnv)
	}
	db := testkit.NewDB(t, "postgres")
	one := testkit.Start(t, db)
	two := testkit.Start(t, db)
	live, a, ws := livePlan(t, one)
	anna := one.Client(t)
	anna.SignIn(coordinator)
	mo := two.Client(t)
	mo.SignIn(editor)
	moLive, status := mo.DialLive(live)
	if status != http.StatusSwitchingProtocols {
		t.Fatalf("dial the second instance: %d", status)
	}
	editTitle(t, anna, ws, a, "Via de eerste server")
	moLive.Await("#action-"+itoa(a.ID)+"-title", "Via de eerste server")

	// People on different instances see each other.
	annaLive, status := anna.DialLive(live)
	if status != http.StatusSwitchingProtocols {
		t.Fatalf("dial the first instance: %d", status)
	}
	annaLive.Send(`{"type":"focus","id":` + itoa(a.ID) + `,"field":"title"}`)
	doc := moLive.Await("#presence-"+itoa(a.ID)+"-title", "Anna de Vries (Gemeente Havenstad)")
	if got := doc.Find("#presence-viewers").Text(); !strings.Contains(got, "Anna de Vries") || !strings.Contains(got, "Mo Bakker") {
		t.Fatalf("viewers across instances %q", got)
	}
	annaLive.Conn.Close()
	defer func() {
		// A membership ended on one instance ends the subscription on the other.
		anna.Get(wsPath(ws, "/members"))
		if r := anna.Post(wsPath(ws, "/members/"+itoa(membershipID(t, db, ws, editor))+"/delete"), nil); r.Status != http.StatusSeeOther {
			t.Fatalf("remove: %d", r.Status)
		}
		if reason := moLive.Closed(); reason != "access revoked" {
			t.Fatalf("reason %q", reason)
		}
	}()
	moLive.AwaitDoc("a viewers list without Anna", func(doc *goquery.Document) bool {
		v := doc.Find("#presence-viewers")
		return v.Length() > 0 && !strings.Contains(v.Text(), "Anna de Vries") && strings.Contains(v.Text(), "Mo Bakker")
	})
}
