package e2e_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// goToMeeting loads a meeting's page and waits until its live connection
// is up, which shows as this person among who is looking.
func (p *tab) goToMeeting(path string) {
	p.t.Helper()
	p.goTo(path)
	p.until("the meeting's live connection (oneself among who is looking)",
		`document.querySelector('#presence-viewers li[data-user="' + document.getElementById("meeting-board").dataset.user + '"]')`)
}

// meetingPath is the path of Havenstad's demo meeting of the given kind.
func (h *havenstad) meetingPath(t *testing.T, kind model.MeetingKind) string {
	t.Helper()
	meetings, err := store.Meetings(context.Background(), h.env.DB, h.workspace)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range meetings {
		if m.Kind == kind {
			return h.workspacePath() + "/meetings/" + itoa(m.ID)
		}
	}
	t.Fatalf("Havenstad has no demo meeting of kind %s", kind)
	return ""
}

// itemIDs lists the agenda's item ids in the order the page shows them.
func (p *tab) itemIDs() []string {
	p.t.Helper()
	return eval[[]string](p, `Array.from(document.querySelectorAll("#agenda-items li[data-id]")).map(li => li.dataset.id)`)
}

// TestMeetingFromTemplateToActions follows a training from planning to the
// actions it agreed: Anna plans it from the half-day template, Mo follows
// the agenda live, both take minutes, the chair moves through the items,
// and an action outcome appears in the plan.
func TestMeetingFromTemplateToActions(t *testing.T) {
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		h := startHavenstad(t, db)
		b := newBrowser(t)
		annaPage, moPage := b.open(h.env, "anna"), b.open(h.env, "mo")
		annaPage.signedIn(anna)
		moPage.signedIn(mo)

		// Planning, with a mistake first: the form says what is wrong.
		annaPage.goTo(h.workspacePath() + "/meetings")
		annaPage.fill("#f-title", "Training signalen herkennen")
		annaPage.fill("#f-duration", "0")
		annaPage.do("leave the date empty", chromedp.Evaluate[chromedp.Void](`document.getElementById("f-date").removeAttribute("required")`))
		annaPage.click(`form[action$="/meetings"] button[type=submit]`)
		annaPage.waitVisible("#f-duration-error")
		annaPage.waitVisible("#f-date-error")
		annaPage.checkAccessibility("meeting form with errors")
		annaPage.do("fill the date", chromedp.SetValue(chromedp.CSS("#f-date"), "2026-12-10"))
		annaPage.fill("#f-duration", "180")
		annaPage.click(`form[action$="/meetings"] button[type=submit]`)
		annaPage.until("the new meeting's page", `location.pathname.includes("/meetings/")`)
		path := annaPage.path()
		path = path[:strings.Index(path+"?", "?")]
		annaPage.goToMeeting(path)
		items := annaPage.itemIDs()
		if len(items) != 6 {
			t.Fatalf("the training template gave %d items, want 6", len(items))
		}
		annaPage.waitText("#agenda-now", "180")
		annaPage.checkAccessibility("meeting page, live")

		// Mo follows along; Anna's edit of an item reaches him.
		moPage.goToMeeting(path)
		annaPage.waitText("#presence-viewers", nameOf(t, h, mo))
		first := items[0]
		annaPage.click("#edit-item-" + first + "-title")
		annaPage.waitVisible("#fi-" + first + "-title")
		annaPage.fill("#fi-"+first+"-title", "Opening door de wethouder")
		annaPage.press("\r")
		moPage.waitText("#item-"+first+"-title", "Opening door de wethouder")

		// The chair starts the first item; Mo's page follows.
		annaPage.click("#item-" + first + ` form[action$="/current"] button`)
		moPage.until("the first item marked current", `document.querySelector("#item-`+first+`.schakel-agenda-item--current")`)
		moPage.waitText("#agenda-now", "Opening door de wethouder")

		// Minutes: Mo types notes while Anna looks.
		moPage.click("#edit-item-" + first + "-notes")
		moPage.waitVisible("#fi-" + first + "-notes")
		moPage.do("type notes", chromedp.Focus(chromedp.CSS("#fi-"+first+"-notes")), chromedp.KeyEvent("Welkom door de wethouder; doelen van vandaag."))
		moPage.click("#item-" + first + "-notes button[type=submit]")
		annaPage.waitText("#item-"+first+"-notes", "Welkom door de wethouder")

		// Keyboard: Anna moves the last item up; both pages show the new order.
		last := items[5]
		annaPage.click("#move-up-item-" + last)
		want := strings.Join(append(append(append([]string{}, items[:4]...), last), items[4]), ",")
		annaPage.until("the new order", `Array.from(document.querySelectorAll("#agenda-items li[data-id]")).map(li => li.dataset.id).join(",") === `+js(want))
		moPage.until("the new order on Mo's page", `Array.from(document.querySelectorAll("#agenda-items li[data-id]")).map(li => li.dataset.id).join(",") === `+js(want))

		// An action outcome on "Afspraken en acties" becomes an action in
		// the plan, on both pages at once.
		agree := items[4]
		form := "#item-" + agree + "-outcomes"
		// By keyboard, which no layout shift around it can send astray.
		annaPage.do("focus the outcome form's summary", chromedp.Focus(chromedp.CSS(form+" summary")))
		annaPage.press("\r")
		annaPage.until("the outcome form open", `document.querySelector(`+js(form+" details")+`).open`)
		annaPage.do("choose an action outcome", chromedp.SetValue(chromedp.CSS(form+` select[name="kind"]`), "actie"))
		annaPage.fill(form+` input[name="text"]`, "Signalenkaart uitdelen op alle scholen")
		annaPage.do("choose the theme", chromedp.SetValue(chromedp.CSS(form+` select[name="theme"]`), string(model.ThemeSignalling)))
		annaPage.checkAccessibility("outcome form open")
		annaPage.click(form + ` button[type=submit]`)
		annaPage.waitText(form, "Signalenkaart uitdelen op alle scholen")
		moPage.waitText("#meeting-actions", "Signalenkaart uitdelen op alle scholen")

		var a model.Action
		if err := db.NewSelect().Model(&a).Where("title = ?", "Signalenkaart uitdelen op alle scholen").Scan(context.Background()); err != nil {
			t.Fatalf("the action is not in the plan: %v", err)
		}
		annaPage.goToPlan(h.planPath(""))
		annaPage.waitText("#action-"+itoa(a.ID)+"-title", "Signalenkaart uitdelen op alle scholen")
		annaPage.goTo(h.actionPath(a.ID))
		annaPage.waitText("#action-origin", "Training signalen herkennen")

		// The printable action list and meeting mode pass axe too.
		annaPage.goTo(path + "/export/actions")
		annaPage.waitText("main", "Signalenkaart uitdelen op alle scholen")
		annaPage.checkAccessibility("printable action list")
		annaPage.goToMeeting(path + "?mode=present")
		annaPage.checkAccessibility("meeting mode")
		annaPage.goTo(h.workspacePath() + "/meetings")
		annaPage.checkAccessibility("meeting list")
		for _, doc := range []string{"agenda", "minutes?outcomes=1", "decisions"} {
			annaPage.goTo(path + "/export/" + doc)
			annaPage.checkAccessibility("printable " + doc)
		}
		annaPage.goTo("/calendar")
		annaPage.checkAccessibility("calendar address")
	})
}

// TestCaseNotesInTheBrowser: a note that gives a child away is refused in
// place, with the text kept; a pseudonymised one is saved and shown.
func TestCaseNotesInTheBrowser(t *testing.T) {
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		h := startHavenstad(t, db)
		b := newBrowser(t)
		p := b.open(h.env, "anna")
		p.signedIn(anna)
		p.goToMeeting(h.meetingPath(t, model.MeetingCaseConf))
		item := eval[string](p, `document.querySelector("li.schakel-agenda-item--casus").dataset.id`)
		p.click("#edit-item-" + item + "-case_notes")
		p.waitVisible("#fi-" + item + "-case_notes")
		p.do("type a note with a phone number", chromedp.Focus(chromedp.CSS("#fi-"+item+"-case_notes")),
			chromedp.KeyEvent("Meisje (15), bereikbaar op 06-12345678."))
		p.click("#item-" + item + "-case_notes .schakel-field__buttons button[type=submit]")
		p.waitVisible("#item-" + item + "-case_notes [role=alert]")
		p.waitText("#item-"+item+"-case_notes [role=alert]", nl("casus.kind.phone"))
		if v := eval[string](p, `document.getElementById("fi-`+item+`-case_notes").value`); !strings.Contains(v, "06-12345678") {
			t.Errorf("the refused text was not kept in the editor: %q", v)
		}
		p.checkAccessibility("a refused case note")
		p.do("replace the note", chromedp.SetValue(chromedp.CSS("#fi-"+item+"-case_notes"), "Meisje A. (15), contact via sociale media; school en Veilig Thuis betrokken."))
		p.click("#item-" + item + "-case_notes .schakel-field__buttons button[type=submit]")
		p.waitText("#item-"+item+"-case_notes .schakel-case", "Meisje A. (15)")
	})
}
