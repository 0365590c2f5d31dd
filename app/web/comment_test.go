package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// demoPlan is the id of Havenstad's demo plan.
func demoPlan(t *testing.T, db *bun.DB, ws int64) int64 {
	t.Helper()
	plans, err := store.Plans(context.Background(), db, ws)
	if err != nil || len(plans) == 0 {
		t.Fatalf("plans: %v", err)
	}
	return plans[0].ID
}

func TestCommentsAndAdviceOnThePlanPage(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		pid := demoPlan(t, db, ws)
		planPage := wsPath(ws, "/plans/"+itoa(pid))
		list := "#comments-plan-" + itoa(pid) + "-list"

		lotte := env.Client(t)
		lotte.SignIn(reviewer)
		r := lotte.Get(planPage)
		checkPage(t, planPage, r)
		if r.Doc.Find("#comments-plan-"+itoa(pid)+"-advies-form").Length() != 1 {
			t.Fatal("the reviewer is offered no advice form")
		}
		if r.Doc.Find("#comments-plan-"+itoa(pid)+"-opmerking-form").Length() != 0 {
			t.Fatal("the reviewer is offered the members' comment form")
		}
		if r.Doc.Find("#plan-reviews form").Length() != 1 || !strings.Contains(r.Text("#plan-reviews"), "Lotte Visser") {
			t.Fatalf("the plan's review and its form: %q", r.Text("#plan-reviews"))
		}

		// The reviewer advises; the answer brings the thread out of band.
		r = lotte.PostHTMX(wsPath(ws, "/comments"), url.Values{"subject": {"plan"}, "subject_id": {itoa(pid)}, "kind": {"advies"},
			"body": {"Betrek de jongerenraad bij de evaluatie."}, "due_date": {"2027-02-01"}})
		if r.Status != http.StatusOK {
			t.Fatalf("advice: %d %s", r.Status, r.Text("[role=alert]"))
		}
		thread := r.Doc.Find("[hx-swap-oob='beforeend:" + list + "'] li.schakel-comment-thread--advice")
		if thread.Length() != 1 || !strings.Contains(thread.Text(), "Betrek de jongerenraad") || !strings.Contains(thread.Find(".schakel-advice-state").Text(), "Open") {
			t.Fatalf("the answer's thread: %q", thread.Text())
		}
		id, _ := thread.Attr("id")
		adviceID, _ := strconv.ParseInt(strings.TrimPrefix(id, "comment-"), 10, 64)

		// Bad input is told at the form and writes nothing.
		before := count(t, db, (*model.Comment)(nil))
		for _, tt := range []struct{ name, body, due, field string }{
			{"empty", " ", "", "advies-body-error"},
			{"too long", strings.Repeat("a", 4001), "", "advies-body-error"},
			{"not a date", "Advies", "morgen", "advies-due-error"},
		} {
			r = lotte.PostHTMX(wsPath(ws, "/comments"), url.Values{"subject": {"plan"}, "subject_id": {itoa(pid)}, "kind": {"advies"}, "body": {tt.body}, "due_date": {tt.due}})
			if r.Status != http.StatusUnprocessableEntity || r.Doc.Find("#comments-plan-"+itoa(pid)+"-"+tt.field).Length() != 1 {
				t.Errorf("%s: %d, message %q", tt.name, r.Status, r.Text(".utrecht-form-field-error-message"))
			}
		}
		if n := count(t, db, (*model.Comment)(nil)); n != before {
			t.Fatalf("bad input wrote %d comments", n-before)
		}

		// The coordinator answers with a plain form, and lands at her reply.
		anna := env.Client(t)
		anna.SignIn(coordinator)
		r = anna.Post(wsPath(ws, "/comments/"+itoa(adviceID)+"/replies"), url.Values{"body": {"We nodigen de jongerenraad uit."}})
		if r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), planPage+"#comment-") {
			t.Fatalf("reply: %d to %q", r.Status, r.Location())
		}
		r = anna.Get(planPage)
		checkPage(t, planPage, r)
		advice := r.Doc.Find("#comment-" + itoa(adviceID))
		if got := strings.TrimSpace(advice.Find("#comment-" + itoa(adviceID) + "-main .schakel-advice-state").Text()); got != "Beantwoord" {
			t.Fatalf("state after the answer: %q", got)
		}
		if !strings.Contains(advice.Find(".schakel-comment-replies").Text(), "We nodigen de jongerenraad uit.") {
			t.Fatal("the reply is not in the thread")
		}
		if advice.Find("form[action$='/close']").Length() != 1 {
			t.Fatal("the coordinator is not offered to close the advice")
		}

		// The workspace's advice list, by state, links to the advice.
		for _, tt := range []struct {
			state string
			rows  int
		}{{"open", 1}, {"beantwoord", 2}, {"gesloten", 0}, {"", 3}} {
			r = anna.Get(wsPath(ws, "/advice?state="+tt.state))
			if r.Status != http.StatusOK {
				t.Fatalf("advice list %q: %d", tt.state, r.Status)
			}
			if n := r.Doc.Find("tr.schakel-advice-row").Length(); n != tt.rows {
				t.Errorf("advice %q: %d rows, want %d", tt.state, n, tt.rows)
			}
		}
		r = anna.Get(wsPath(ws, "/advice?state=beantwoord"))
		checkPage(t, "advice list", r)
		if r.Doc.Find("a[href='"+planPage+"#comment-"+itoa(adviceID)+"']").Length() != 1 {
			t.Fatal("the list does not link to the advice on the plan")
		}
		if r = anna.Get(wsPath(ws, "/advice?state=misschien")); r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("unknown state: %d", r.Status)
		}

		// Closed, the advice takes no reply, with a clear message.
		if r = anna.PostHTMX(wsPath(ws, "/comments/"+itoa(adviceID)+"/close"), nil); r.Status != http.StatusOK || !strings.Contains(r.Text(".schakel-advice-state"), "Gesloten") {
			t.Fatalf("close: %d %q", r.Status, r.Text(".schakel-advice-state"))
		}
		before = count(t, db, (*model.Comment)(nil))
		r = anna.PostHTMX(wsPath(ws, "/comments/"+itoa(adviceID)+"/replies"), url.Values{"body": {"Nog een vraag"}})
		if r.Status != http.StatusConflict || !strings.Contains(r.Text("[role=alert]"), "gesloten") {
			t.Fatalf("reply to a closed advice: %d %q", r.Status, r.Text("[role=alert]"))
		}
		if count(t, db, (*model.Comment)(nil)) != before {
			t.Fatal("the refused reply was stored")
		}

		// A viewer reads the threads but is offered no form.
		yousef := env.Client(t)
		yousef.SignIn(viewer)
		r = yousef.Get(planPage)
		if !strings.Contains(r.Text(list), "Betrek de jongerenraad") || r.Doc.Find(".schakel-comments form").Length() != 0 {
			t.Fatalf("viewer: forms %d", r.Doc.Find(".schakel-comments form").Length())
		}
	})
}

func TestCommentsOnActionsMeetingsAndItems(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		meetings, err := store.Meetings(ctx, db, ws)
		if err != nil || len(meetings) == 0 {
			t.Fatal(err)
		}
		m := meetings[0]
		items, err := store.Items(ctx, db, ws, m.ID)
		if err != nil || len(items) == 0 {
			t.Fatal(err)
		}
		mo := env.Client(t)
		mo.SignIn(editor)
		r := mo.Post(wsPath(ws, "/comments"), url.Values{"subject": {"agenda_item"}, "subject_id": {itoa(items[0].ID)}, "kind": {"opmerking"}, "body": {"Zet de sheets in de map."}})
		if r.Status != http.StatusSeeOther || !strings.Contains(r.Location(), "/meetings/"+itoa(m.ID)+"#comment-") {
			t.Fatalf("comment on an item: %d %q", r.Status, r.Location())
		}
		meetingPage := wsPath(ws, "/meetings/"+itoa(m.ID))
		r = mo.Get(meetingPage)
		checkPage(t, meetingPage, r)
		item := r.Doc.Find("#item-" + itoa(items[0].ID) + " details.schakel-comments--compact")
		if !strings.Contains(item.Find("summary").Text(), "(1)") || !strings.Contains(item.Text(), "Zet de sheets in de map.") {
			t.Fatalf("the item's comments: %q", item.Text())
		}
		if r.Doc.Find("#comments-meeting-"+itoa(m.ID)).Length() != 1 {
			t.Fatal("the meeting has no comments section")
		}

		// A meeting's guest sees none of the workspace's comments.
		own := matrixIDs{":wid": itoa(ws), ":mid": itoa(m.ID)}
		addMatrixGuest(t, env, own)
		guest := env.Client(t)
		guest.SignIn(matrixGuest)
		r = guest.Get(meetingPage)
		if r.Status != http.StatusOK || r.Doc.Find(".schakel-comments").Length() != 0 || strings.Contains(r.Body, "Zet de sheets") {
			t.Fatalf("guest: %d, %d comment sections", r.Status, r.Doc.Find(".schakel-comments").Length())
		}
		if r.Doc.Find("a[href='/signals']").Length() != 0 {
			t.Fatal("a guest is offered the signals")
		}
		if r = guest.Post(wsPath(ws, "/comments"), url.Values{"subject": {"meeting"}, "subject_id": {itoa(m.ID)}, "kind": {"opmerking"}, "body": {"Hallo"}}); r.Status != http.StatusNotFound {
			t.Fatalf("a guest comments: %d", r.Status)
		}

		// The action page has its comments and offers to mark a signal.
		var aid int64
		if err := db.NewSelect().Table("actions").ColumnExpr("MIN(id)").Where("workspace_id = ? AND deleted_at IS NULL", ws).Scan(ctx, &aid); err != nil {
			t.Fatal(err)
		}
		actionPage := wsPath(ws, "/actions/"+itoa(aid))
		r = mo.Get(actionPage)
		checkPage(t, actionPage, r)
		if r.Doc.Find("#comments-action-"+itoa(aid)).Length() != 1 || r.Doc.Find("[ws-connect='"+actionPage+"/live']").Length() != 1 {
			t.Fatal("the action page has no live comments section")
		}
		if r.Doc.Find("a[href='"+wsPath(ws, "/signals/new?source=action&id="+itoa(aid))+"']").Length() != 1 {
			t.Fatal("the action page does not offer to mark a signal")
		}
	})
}

func TestLiveCommentReachesOpenPlanPages(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		live, a, ws := livePlan(t, env)
		pid := a.PlanID
		list := "#comments-plan-" + itoa(pid) + "-list"

		anna := env.Client(t)
		anna.SignIn(coordinator)
		mo := env.Client(t)
		mo.SignIn(editor)
		yousef := env.Client(t)
		yousef.SignIn(viewer)
		moLive, _ := mo.DialLive(live)
		yLive, _ := yousef.DialLive(live)
		actionLive, status := mo.DialLive(wsPath(ws, "/actions/"+itoa(a.ID)+"/live"))
		if status != http.StatusSwitchingProtocols {
			t.Fatalf("action page live: %d", status)
		}
		pieter := env.Client(t)
		pieter.SignIn(outsider)
		if _, status := pieter.DialLive(wsPath(ws, "/actions/"+itoa(a.ID)+"/live")); status != http.StatusNotFound {
			t.Fatalf("an outsider follows the action: %d", status)
		}

		r := anna.PostHTMX(wsPath(ws, "/comments"), url.Values{"subject": {"plan"}, "subject_id": {itoa(pid)}, "kind": {"opmerking"}, "body": {"Wie neemt de training op zich?"}})
		if r.Status != http.StatusOK {
			t.Fatalf("comment: %d", r.Status)
		}
		doc := moLive.Await("[hx-swap-oob='beforeend:"+list+"'] .schakel-comment__body", "Wie neemt de training op zich?")
		if doc.Find(".schakel-comment__reply form").Length() != 1 {
			t.Error("an editor's push offers no reply")
		}
		if own := doc.Find(".schakel-comment__own"); own.Length() != 1 || !own.Is("[hidden]") {
			t.Error("the author's controls are not sent hidden")
		}
		if !strings.Contains(doc.Find("#comments-plan-"+itoa(pid)+"-count").Text(), "(1)") {
			t.Error("the count is not updated")
		}
		ydoc := yLive.Await(list+" .schakel-comment__body, [hx-swap-oob] .schakel-comment__body", "Wie neemt de training op zich?")
		if ydoc.Find("form").Length() != 0 {
			t.Error("a viewer's push offers forms")
		}
		actionLive.Quiet("Wie neemt de training op zich?")

		// A reply reaches the thread; a comment on the action its page.
		id, _ := doc.Find("li.schakel-comment-thread").Attr("id")
		r = mo.PostHTMX(wsPath(ws, "/comments/"+strings.TrimPrefix(id, "comment-")+"/replies"), url.Values{"body": {"Politie en Veilig Thuis samen."}})
		if r.Status != http.StatusOK {
			t.Fatalf("reply: %d", r.Status)
		}
		yLive.Await("[hx-swap-oob='beforeend:#"+id+"-replies'] .schakel-comment__body", "Politie en Veilig Thuis samen.")
		if r = anna.PostHTMX(wsPath(ws, "/comments"), url.Values{"subject": {"action"}, "subject_id": {itoa(a.ID)}, "kind": {"opmerking"}, "body": {"Start na de zomer."}}); r.Status != http.StatusOK {
			t.Fatalf("comment on the action: %d", r.Status)
		}
		actionLive.Await("[hx-swap-oob='beforeend:#comments-action-"+itoa(a.ID)+"-list'] .schakel-comment__body", "Start na de zomer.")
	})
}

func TestSignalsPage(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ctx := context.Background()
		ws := workspaceID(t, db, "Havenstad")
		var aid int64
		if err := db.NewSelect().Table("actions").ColumnExpr("MAX(id)").Where("workspace_id = ? AND deleted_at IS NULL", ws).Scan(ctx, &aid); err != nil {
			t.Fatal(err)
		}
		sanne := env.Client(t)
		sanne.SignIn(contributor)
		form := wsPath(ws, "/signals/new?source=action&id="+itoa(aid))
		r := sanne.Get(form)
		checkPage(t, form, r)
		if r = sanne.Get(wsPath(ws, "/signals/new?source=casus&id="+itoa(aid))); r.Status != http.StatusNotFound {
			t.Fatalf("unknown source: %d", r.Status)
		}
		lindendal := workspaceID(t, db, "Lindendal")
		if r = sanne.Get(wsPath(lindendal, "/signals/new?source=action&id="+itoa(aid))); r.Status != http.StatusNotFound {
			t.Fatalf("another workspace: %d", r.Status)
		}
		r = sanne.Post(wsPath(ws, "/signals"), url.Values{"source": {"action"}, "source_id": {itoa(aid)}, "bottleneck": {"regelgeving"}, "theme": {"preventie"}, "description": {""}})
		if r.Status != http.StatusUnprocessableEntity || r.Doc.Find("#f-description-error").Length() != 1 {
			t.Fatalf("empty description: %d", r.Status)
		}
		r = sanne.Post(wsPath(ws, "/signals"), url.Values{"source": {"action"}, "source_id": {itoa(aid)}, "bottleneck": {"regelgeving"}, "theme": {"preventie"}, "description": {"De meldcode past niet bij uitbuiting buiten het gezin."}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("signal: %d %s", r.Status, r.Text("[role=alert]"))
		}

		lotte := env.Client(t)
		lotte.SignIn(reviewer)
		r = lotte.Get("/signals")
		checkPage(t, "/signals", r)
		if r.Doc.Find("nav a[href='/signals'][aria-current=page]").Length() != 1 {
			t.Error("the menu does not lead to the signals")
		}
		prevention := r.Doc.Find("#signals-preventie")
		if !strings.Contains(prevention.Find("h2").Text(), "Preventie") || !strings.Contains(prevention.Text(), "De meldcode past niet") {
			t.Fatalf("prevention: %q", prevention.Text())
		}
		sig := prevention.Find("li.schakel-signal").First()
		if !strings.Contains(sig.Find(".schakel-signal__workspace").Text(), "Havenstad") || sig.Find("a[href='"+wsPath(ws, "/actions/"+itoa(aid))+"']").Length() != 1 {
			t.Fatalf("signal: %q", sig.Text())
		}
		if sig.Find("form").Length() != 0 {
			t.Error("the reviewer is offered to withdraw")
		}
		if n := r.Doc.Find("li.schakel-signal").Length(); n != 3 { // the demo's two and this one
			t.Fatalf("%d signals, want 3", n)
		}
		r = lotte.Get("/signals?bottleneck=regelgeving")
		if n := r.Doc.Find("li.schakel-signal").Length(); n != 1 {
			t.Fatalf("filtered: %d signals", n)
		}
		if r = lotte.Get("/signals?bottleneck=geld"); r.Status != http.StatusUnprocessableEntity {
			t.Fatalf("unknown bottleneck: %d", r.Status)
		}
		pieter := env.Client(t)
		pieter.SignIn(outsider)
		if r = pieter.Get("/signals"); r.Doc.Find("li.schakel-signal").Length() != 0 || strings.Contains(r.Body, "Havenstad") {
			t.Fatal("a member of another workspace sees Havenstad's signals")
		}
		if r = pieter.Get("/signals?workspace=" + itoa(ws)); r.Status != http.StatusNotFound {
			t.Fatalf("filter by a foreign workspace: %d", r.Status)
		}

		// Members withdraw a signal.
		r = sanne.Get("/signals?bottleneck=regelgeving")
		withdraw, ok := r.Doc.Find("li.schakel-signal form").Attr("action")
		if !ok {
			t.Fatal("a member is not offered to withdraw")
		}
		if r = sanne.Post(withdraw, nil); r.Status != http.StatusSeeOther {
			t.Fatalf("withdraw: %d", r.Status)
		}
		if r = lotte.Get("/signals?bottleneck=regelgeving"); r.Doc.Find("li.schakel-signal").Length() != 0 {
			t.Fatal("a withdrawn signal is listed")
		}
	})
}

func TestWorkspacePageLeadsToOpenAdvice(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		for _, who := range []string{coordinator, viewer, reviewer} {
			c := env.Client(t)
			c.SignIn(who)
			r := c.Get(wsPath(ws, ""))
			link := r.Doc.Find("#ws-advice-open")
			if href, _ := link.Attr("href"); href != wsPath(ws, "/advice?state=open") || !strings.Contains(link.Text(), "1 open") {
				t.Errorf("%s: open advice link %q %q", who, href, link.Text())
			}
			if r.Doc.Find("nav a[href='/signals']").Length() != 1 {
				t.Errorf("%s: no signals in the menu", who)
			}
		}
	})
}

func TestPlanReview(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		pid := demoPlan(t, db, ws)
		reviews := wsPath(ws, "/plans/"+itoa(pid)+"/reviews")
		lotte := env.Client(t)
		lotte.SignIn(reviewer)
		before := count(t, db, (*model.PlanReview)(nil))
		for _, tt := range []struct{ name, on, summary, field string }{
			{"no date", "", "Goed plan.", "#f-reviewed_on-error"},
			{"not a date", "gisteren", "Goed plan.", "#f-reviewed_on-error"},
			{"no summary", "2026-11-30", " ", "#f-summary-error"},
			{"invalid UTF-8", "2026-11-30", "goed \xff plan", "#f-summary-error"},
		} {
			r := lotte.Post(reviews, url.Values{"reviewed_on": {tt.on}, "summary": {tt.summary}})
			if r.Status != http.StatusUnprocessableEntity || r.Doc.Find(tt.field).Length() != 1 || r.Doc.Find("#plan-reviews details[open] form").Length() != 1 {
				t.Errorf("%s: %d, %q", tt.name, r.Status, r.Text(".utrecht-form-field-error-message"))
			}
		}
		if count(t, db, (*model.PlanReview)(nil)) != before {
			t.Fatal("a refused review was stored")
		}
		r := lotte.Post(reviews, url.Values{"reviewed_on": {"2026-12-01"}, "summary": {"Art. 12 is nu goed geregeld."}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("review: %d", r.Status)
		}
		anna := env.Client(t)
		anna.SignIn(coordinator)
		r = anna.Get(wsPath(ws, "/plans/"+itoa(pid)))
		latest := r.Doc.Find("#plan-reviews .schakel-plan-review--latest")
		if !strings.Contains(latest.Text(), "Art. 12 is nu goed geregeld.") || !strings.Contains(latest.Text(), "1 december 2026") {
			t.Fatalf("newest review: %q", latest.Text())
		}
		if got := r.Text("#plan-reviews details.schakel-plan-reviews__history summary"); !strings.Contains(got, "(1)") {
			t.Fatalf("history: %q", got)
		}
		if r.Doc.Find("#plan-reviews form").Length() != 0 {
			t.Fatal("a coordinator is offered to review")
		}
		if r = anna.Post(reviews, url.Values{"reviewed_on": {"2026-12-01"}, "summary": {"Zelf beoordeeld"}}); r.Status != http.StatusForbidden {
			t.Fatalf("a coordinator reviews: %d", r.Status)
		}
	})
}
