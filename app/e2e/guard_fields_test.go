package e2e_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/model"
)

// guardedInput is one free-text field as a person reaches it in the
// browser: the page, what to click to open its editor, the control, and
// how the text is sent.
type guardedInput struct {
	name string
	// who is signed in: "anna" (coordinator), "lotte" (reviewer) or
	// "beheer" (administrator).
	who string
	// page is where the field is; open, when set, is clicked first (a
	// selector) and control is the text box or area, both made from the
	// page as it is shown.
	page    func(t *testing.T, h *havenstad) string
	open    func(p *tab) string
	control func(p *tab) string
	// fill fills in the form's other required fields, as a person does
	// before sending.
	fill func(p *tab)
	// submit is clicked to send; "" presses Enter in the control.
	submit func(p *tab) string
	// strict fields (case notes) refuse a name too.
	strict bool
	// certain and probable are what is typed; "" for the default.
	certain, probable string
}

// firstItem is the first agenda item that is no case, and caseItem the
// first case, of the meeting page shown.
func firstItem(p *tab) string {
	return eval[string](p, `document.querySelector("li.schakel-agenda-item:not(.schakel-agenda-item--casus)").dataset.id`)
}

func caseItem(p *tab) string {
	return eval[string](p, `document.querySelector("li.schakel-agenda-item--casus").dataset.id`)
}

func fixed(s string) func(p *tab) string { return func(*tab) string { return s } }

var guardedInputs = []guardedInput{
	{name: "new action's title", who: "anna", page: planPage, control: fixed("#action-add #f-title")},
	{name: "action's title in place", who: "anna", page: planPage,
		open: func(p *tab) string {
			p.openRow(firstAction(p))
			return "#edit-" + itoa(firstAction(p)) + "-title"
		},
		control: func(p *tab) string { return "#f-" + itoa(firstAction(p)) + "-title" }},
	{name: "plan's title in place", who: "anna", page: planPage,
		open: fixed("#edit-plan-{plan}-title"), control: fixed("#f-plan-title")},
	{name: "reply to a comment", who: "anna", page: planPage,
		open: func(p *tab) string {
			return "#" + eval[string](p, `document.querySelector(".schakel-comment__reply").id`) + " summary"
		},
		control: func(p *tab) string {
			return "#" + eval[string](p, `document.querySelector(".schakel-comment__reply").id`) + "-body"
		},
		submit: func(p *tab) string {
			return "#" + eval[string](p, `document.querySelector(".schakel-comment__reply").id`) + " button[type=submit]:not([data-guard-choice])"
		}},
	{name: "action's description on its page", who: "anna",
		page:    func(t *testing.T, h *havenstad) string { return h.actionPath(h.actions[0].ID) },
		control: func(p *tab) string { return "textarea[id$=-description]" },
		submit:  func(p *tab) string { return "form[id$=-description] button[type=submit]" }},
	{name: "comment on the plan", who: "anna", page: planPage,
		control: fixed("#comments-plan-" + "{plan}" + "-opmerking-body"),
		submit:  fixed("#comments-plan-{plan}-opmerking-form button[type=submit]")},
	{name: "advice on the plan", who: "lotte", page: planPage,
		control: fixed("#comments-plan-{plan}-advies-body"),
		submit:  fixed("#comments-plan-{plan}-advies-form button[type=submit]")},
	{name: "plan review's summary", who: "lotte", page: planPage, open: fixed("details.schakel-plan-reviews__new > summary"),
		control: fixed("#f-summary"), fill: func(p *tab) { p.setValue("#f-reviewed_on", "2027-02-01") },
		submit: func(p *tab) string { return "form:has(#f-summary) button[type=submit]:not([data-guard-choice])" }},
	{name: "agenda item's title in place", who: "anna", page: meetingPage(model.MeetingCaseConf),
		open:    func(p *tab) string { return "#edit-item-" + firstItem(p) + "-title" },
		control: func(p *tab) string { return "#fi-" + firstItem(p) + "-title" }},
	{name: "minutes", who: "anna", page: meetingPage(model.MeetingCaseConf),
		open:    func(p *tab) string { return "#edit-item-" + firstItem(p) + "-notes" },
		control: func(p *tab) string { return "#fi-" + firstItem(p) + "-notes" },
		submit: func(p *tab) string {
			return "#item-" + firstItem(p) + "-notes .schakel-field__buttons button[type=submit]"
		}},
	{name: "case notes", who: "anna", page: meetingPage(model.MeetingCaseConf), strict: true,
		open:    func(p *tab) string { return "#edit-item-" + caseItem(p) + "-case_notes" },
		control: func(p *tab) string { return "#fi-" + caseItem(p) + "-case_notes" },
		submit: func(p *tab) string {
			return "#item-" + caseItem(p) + "-case_notes .schakel-field__buttons button[type=submit]"
		}},
	{name: "outcome", who: "anna", page: meetingPage(model.MeetingCaseConf),
		open:    func(p *tab) string { return "#item-" + firstItem(p) + "-outcomes details > summary" },
		control: func(p *tab) string { return "#o" + firstItem(p) + "-text" }},
	{name: "meeting's title in place", who: "anna", page: meetingPage(model.MeetingCaseConf),
		open:    fixed("[id^=edit-meeting-][id$=-title]"),
		control: fixed("[id^=fm-][id$=-title]")},
	{name: "meeting's location in place", who: "anna", page: meetingPage(model.MeetingCaseConf),
		open:    fixed("[id^=edit-meeting-][id$=-location]"),
		control: fixed("[id^=fm-][id$=-location]")},
	{name: "guest's organisation", who: "anna", page: meetingPage(model.MeetingCaseConf), control: fixed("#f-guest_organisation"),
		fill: func(p *tab) { p.setValue("#f-guest_name", "Iris Smit") }},
	{name: "agenda template's name", who: "anna", page: meetingPage(model.MeetingCaseConf), control: fixed("#template-name")},
	{name: "guest's name", who: "anna", page: meetingPage(model.MeetingCaseConf), control: fixed("#f-guest_name"),
		certain: "Iris Smit, 06-12345678", probable: "Moeder van Chantal (15)"},
	{name: "new meeting's title", who: "anna", page: func(t *testing.T, h *havenstad) string { return h.workspacePath() + "/meetings" },
		control: fixed("#f-title"), submit: fixed("form:has(#f-title) .schakel-form__actions button[type=submit]"),
		fill: func(p *tab) { p.setValue("#f-date", "2027-11-12"); p.setValue("#f-start_time", "13:00") }},
	{name: "signal's description", who: "anna",
		page: func(t *testing.T, h *havenstad) string {
			return h.workspacePath() + "/signals/new?source=action&id=" + itoa(h.actions[0].ID)
		},
		control: fixed("#f-description"), submit: fixed("form:has(#f-description) .schakel-form__actions button[type=submit]")},
	{name: "kinderrechtentoets note", who: "anna", page: openToets,
		control: fixed("form.schakel-toets-form textarea"),
		submit:  fixed("form.schakel-toets-form button[type=submit]:not([data-guard-choice])")},
	{name: "guide's explanation", who: "lotte", page: func(t *testing.T, h *havenstad) string { return "/guide/ivrk-12/nl/edit" },
		control: fixed("#guide-explanation"), submit: fixed("form:has(#guide-explanation) .schakel-form__actions button[type=submit]")},
	{name: "new workspace's description", who: "beheer", page: func(t *testing.T, h *havenstad) string { return "/admin/workspaces/new" },
		control: fixed("#f-description"), submit: fixed("form:has(#f-description) .schakel-form__actions button[type=submit]"),
		fill: func(p *tab) {
			p.setValue("#f-name", "Proefgemeente")
			p.setValue("#f-coordinator", "regisseur@proefgemeente.example")
		}},
}

func planPage(t *testing.T, h *havenstad) string { return h.planPath("") }

func meetingPage(kind model.MeetingKind) func(t *testing.T, h *havenstad) string {
	return func(t *testing.T, h *havenstad) string { return h.meetingPath(t, kind) }
}

// openToets is the page of Havenstad's kinderrechtentoets that is still
// open.
func openToets(t *testing.T, h *havenstad) string {
	var a model.Assessment
	if err := h.env.DB.NewSelect().Model(&a).Where("workspace_id = ?", h.workspace).Where("completed_at IS NULL").Limit(1).Scan(t.Context()); err != nil {
		t.Fatalf("an open kinderrechtentoets: %v", err)
	}
	return h.workspacePath() + "/toets/" + itoa(a.ID)
}

// firstAction is the first action on the plan board shown.
func firstAction(p *tab) int64 {
	return mustID(p.t, eval[string](p, `document.querySelector("[id^=open-]").id.slice(5)`))
}

// goToSettled loads a page and waits until it stands still: its scripts
// have run and, on a page that follows changes live, its live connection
// is up (the list of who is looking, which moves what is below it, shows
// oneself).
func (p *tab) goToSettled(path string) {
	p.t.Helper()
	p.goTo(path)
	p.until("the page's scripts and live connection",
		`document.readyState === "complete" && (!document.querySelector("[ws-connect]") || document.querySelector("#presence-viewers li"))`)
}

// focusEmpty puts the focus in the field sel and empties it, in one step
// of the page's own: a live update that redraws the field's part of the
// page (as the first catch-up after loading does) comes before it or
// after it, and after it keeps the field, which then has the focus.
func focusEmpty(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void]("(function () { var f = document.querySelector(" + js(sel) + "); f.focus(); f.value = ''; })()")
}

// setValue sets the value of a field that is not typed in (a date, a
// time) or that the test does not look at.
func (p *tab) setValue(sel, value string) {
	p.t.Helper()
	p.onElement("set "+sel, chromedp.SetValue(chromedp.CSS(sel), value))
}

// TestEveryFieldGuardsInTheBrowser: in every kind of field a person
// types in (an editor in place, a form, a comment, a case note, a guest's
// name …), a certain identifier is refused and a probable one held back
// with a warning, both read out by a screen reader with the field, the
// text as typed still in the field, and the ways on (pseudonymise,
// confirm) at hand; in case notes a name is refused too.
func TestEveryFieldGuardsInTheBrowser(t *testing.T) {
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		h := startHavenstad(t, db)
		b := newBrowser(t)
		tabs := map[string]*tab{}
		for _, who := range []string{"anna", "lotte", "beheer"} {
			p := b.open(h.env, who)
			p.signedIn(map[string]string{"anna": anna, "lotte": lotte, "beheer": admin}[who])
			tabs[who] = p
		}
		for _, f := range guardedInputs {
			t.Run(f.name, func(t *testing.T) {
				p := tabs[f.who].in(t)
				certain, probable := f.certain, f.probable
				if certain == "" {
					certain = "Moeder is bereikbaar op 06-12345678, na vijf uur."
				}
				if probable == "" {
					probable = "Gesprek met Chantal (15) over de aanpak."
				}
				for _, c := range []struct {
					tier, typed, message, kind string
					confirm                    bool
				}{
					{"certain", certain, "textguard.refused", "textguard.kind.phone", false},
					{"probable", probable, "textguard.warning", "textguard.kind.name", true},
				} {
					if f.strict {
						c.message, c.confirm = "textguard.refused_case", false
					}
					path := strings.ReplaceAll(f.page(t, h), "{plan}", itoa(h.plan.ID))
					p.goToSettled(path)
					if f.open != nil {
						p.click(strings.ReplaceAll(f.open(p), "{plan}", itoa(h.plan.ID)))
					}
					control := strings.ReplaceAll(f.control(p), "{plan}", itoa(h.plan.ID))
					p.waitVisible(control)
					if f.fill != nil {
						f.fill(p)
					}
					p.do("type the "+c.tier+" text", focusEmpty(control), chromedp.KeyEvent(c.typed))
					id := eval[string](p, "document.querySelector("+js(control)+").id")
					if f.submit == nil {
						p.press("\r")
					} else {
						p.click(strings.ReplaceAll(f.submit(p), "{plan}", itoa(h.plan.ID)))
					}
					guard := "#" + id + "-guard"
					if err := p.poll(textOf(guard+"[role=alert]") + ".includes(" + js(nl(c.message)) + ")"); err != nil {
						t.Fatalf("%s: no note of the guard %s after sending (%v); the page is %s, the focus on %s, and the field's form reads %q", c.tier, guard, err,
							p.path(), eval[string](p, `(document.activeElement.tagName + "#" + document.activeElement.id)`),
							eval[string](p, `(function () { var f = document.getElementById(`+js(id)+`); return f && f.form ? f.form.innerText : "(no such field)" })()`))
					}
					if got := p.text(guard); !strings.Contains(got, nl(c.kind)) {
						t.Errorf("%s: the note says %q, want it to name %q", c.tier, got, nl(c.kind))
					}
					if got := eval[string](p, "document.getElementById("+js(id)+").value"); got != c.typed {
						t.Errorf("%s: the field holds %q after the warning, want what was typed: %q", c.tier, got, c.typed)
					}
					if d := p.attr("#"+id, "aria-describedby"); !strings.Contains(d, id+"-guard") {
						t.Errorf("%s: the field is described by %q, not by the guard's note", c.tier, d)
					}
					if got := p.attr("#"+id, "aria-invalid"); got != "true" {
						t.Errorf("%s: aria-invalid = %q, want true", c.tier, got)
					}
					if has := p.exists("#" + id + "-confirm"); has != c.confirm {
						t.Errorf("%s: a confirmation to tick: %v, want %v", c.tier, has, c.confirm)
					}
					if !p.exists("form:has(" + guard + ") button[data-guard-choice]") {
						t.Errorf("%s: no button to pseudonymise", c.tier)
					}
					for _, secret := range []string{"06-12345678", "Chantal"} {
						if strings.Contains(c.typed, secret) && strings.Contains(p.text(guard), secret) {
							t.Errorf("%s: the note shows %q unmasked", c.tier, secret)
						}
					}
				}
			})
		}
	})
}
