package web_test

import (
	"context"
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

// planMeeting creates, through the form as Anna would, a training from the
// half-day template in Havenstad and returns its page path.
func planMeeting(t *testing.T, anna *testkit.Client, ws int64, form url.Values) string {
	t.Helper()
	anna.Get(wsPath(ws, "/meetings"))
	r := anna.Post(wsPath(ws, "/meetings"), form)
	if r.Status != http.StatusSeeOther {
		t.Fatalf("plan meeting: %d %s", r.Status, r.Text(".utrecht-form-field-error-message"))
	}
	loc := r.Header.Get("Location")
	return loc[:strings.Index(loc, "?")]
}

func trainingForm() url.Values {
	return url.Values{"title": {"Training signalen herkennen"}, "kind": {"training"}, "date": {"2026-12-10"},
		"start_time": {"09:00"}, "duration": {"180"}, "location": {"Stadhuis Havenstad"}, "template": {"training"}}
}

func TestMeetingFromTemplateToActions(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		page := planMeeting(t, anna, ws, trainingForm())

		r := anna.Get(page)
		if r.Status != http.StatusOK {
			t.Fatalf("meeting page: %d", r.Status)
		}
		items := r.Doc.Find("#agenda-items li.schakel-agenda-item")
		if items.Length() != 6 {
			t.Fatalf("agenda from the training template has %d items, want 6", items.Length())
		}
		if got := r.Text("#agenda-now"); !strings.Contains(got, "180") || !strings.Contains(got, "12:00") {
			t.Errorf("running total and end: %q", got)
		}
		if r.Doc.Find(".schakel-agenda-now--over").Length() != 0 {
			t.Error("an agenda that fits is flagged as too long")
		}
		if got := strings.TrimSpace(items.Eq(2).Find(".schakel-agenda-item__start").Text()); got != "09:45" {
			t.Errorf("third item starts at %q, want 09:45", got)
		}

		// One more item makes the agenda longer than the meeting.
		r = anna.PostHTMX(page+"/items", url.Values{"title": {"Evaluatie"}, "kind": {"informatie"}, "duration": {"20"}})
		if r.Status != http.StatusOK {
			t.Fatalf("add item: %d %s", r.Status, r.Body)
		}
		r = anna.Get(page)
		if got := r.Text(".schakel-agenda-now--over"); !strings.Contains(got, "20 minuten") {
			t.Errorf("overrun not flagged: %q", got)
		}

		// An action outcome creates an action in the plan, linked both ways.
		item := r.Doc.Find("#agenda-items li.schakel-agenda-item").Eq(4)
		itemID, _ := item.Attr("data-id")
		mo := userByEmail(t, db, editor)
		r = anna.PostHTMX(wsPath(ws, "/items/"+itemID+"/outcomes"), url.Values{
			"kind": {"actie"}, "text": {"Signaleringskaart verspreiden onder scholen"}, "theme": {"signalering"},
			"owner": {strconv.FormatInt(mo.ID, 10)}, "due_date": {"2027-02-01"}, "rights": {"34", "19"},
		})
		if r.Status != http.StatusOK {
			t.Fatalf("action outcome: %d %s", r.Status, r.Body)
		}
		if !strings.Contains(r.Text("#item-"+itemID+"-outcomes"), "Signaleringskaart verspreiden") {
			t.Error("the outcome is not listed under its item")
		}
		var a model.Action
		if err := db.NewSelect().Model(&a).Where("title = ?", "Signaleringskaart verspreiden onder scholen").Scan(context.Background()); err != nil {
			t.Fatalf("no action in the plan: %v", err)
		}
		if a.MeetingID == nil || a.AgendaItemID == nil || strconv.FormatInt(*a.AgendaItemID, 10) != itemID {
			t.Fatalf("action not linked to its meeting item: %+v", a)
		}
		if a.OwnerUserID == nil || *a.OwnerUserID != mo.ID || a.DueDate != "2027-02-01" || a.Rights != "19,34" {
			t.Errorf("action fields: owner %v due %q rights %q", a.OwnerUserID, a.DueDate, a.Rights)
		}
		r = anna.Get(wsPath(ws, "/actions/"+strconv.FormatInt(a.ID, 10)))
		if got := r.Text("#action-origin"); !strings.Contains(got, "Training signalen herkennen") || !strings.Contains(got, "Afspraken en acties") {
			t.Errorf("action page does not name the meeting and item it came from: %q", got)
		}
		r = anna.Get(page)
		if !strings.Contains(r.Text("#meeting-actions"), "Signaleringskaart verspreiden") {
			t.Error("the meeting's action list misses the action")
		}

		// Anna saves the agenda as a template; a new meeting starts from it.
		r = anna.Post(page+"/template", url.Values{"name": {"Training Havenstad"}})
		if r.Status != http.StatusSeeOther {
			t.Fatalf("save template: %d", r.Status)
		}
		tpls, err := store.Templates(context.Background(), db, ws)
		if err != nil || len(tpls) != 1 || len(tpls[0].Items) != 7 {
			t.Fatalf("saved templates %+v, %v", tpls, err)
		}
		form := trainingForm()
		form.Set("template", strconv.FormatInt(tpls[0].ID, 10))
		second := planMeeting(t, anna, ws, form)
		if n := anna.Get(second).Doc.Find("#agenda-items li.schakel-agenda-item").Length(); n != 7 {
			t.Errorf("meeting from the saved template has %d items, want 7", n)
		}
	})
}

func TestMeetingBadInput(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		for _, tt := range []struct {
			name, field, value, errField string
		}{
			{"a duration of zero", "duration", "0", "duration"},
			{"a duration of days", "duration", "4320", "duration"},
			{"a negative duration (ending before it starts)", "duration", "-30", "duration"},
			{"a start that is no time", "start_time", "25:61", "start_time"},
			{"a date that does not exist", "date", "2026-02-30", "date"},
			{"an unknown kind", "kind", "feest", "kind"},
			{"a link that is not a web address", "online_url", "javascript:alert(1)", "online_url"},
			{"an unknown template", "template", "999999", "template"},
			{"a title of 100 kB", "title", strings.Repeat("x", 100_000), "title"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				form := trainingForm()
				form.Set(tt.field, tt.value)
				anna.Get(wsPath(ws, "/meetings"))
				r := anna.Post(wsPath(ws, "/meetings"), form)
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", r.Status)
				}
				if r.Doc.Find("#f-"+tt.errField+"-error").Length() == 0 {
					t.Errorf("no message at the %s field", tt.errField)
				}
			})
		}

		page := planMeeting(t, anna, ws, trainingForm())
		other := planMeeting(t, anna, ws, trainingForm())
		doc := anna.Get(page).Doc
		mine, _ := doc.Find("#agenda-items li").First().Attr("data-id")
		theirs, _ := anna.Get(other).Doc.Find("#agenda-items li").First().Attr("data-id")
		r := anna.PostHTMX(wsPath(ws, "/items/"+mine+"/move"), url.Values{"after": {theirs}})
		if r.Status != http.StatusNotFound {
			t.Errorf("moving an item after another meeting's item: %d, want 404", r.Status)
		}

		pieter := env.Client(t)
		pieter.SignIn(outsider)
		lindendal := workspaceID(t, db, "Lindendal")
		mid := page[strings.LastIndex(page, "/")+1:]
		for _, path := range []string{page, wsPath(lindendal, "/meetings/"+mid), wsPath(ws, "/items/"+mine+"/fields/title"), wsPath(ws, "/items/"+mine+"/case")} {
			if r := pieter.Get(path); r.Status != http.StatusNotFound {
				t.Errorf("another municipality's coordinator on %s: %d, want 404", path, r.Status)
			}
		}
	})
}

// casusMeeting plans a case conference in Havenstad with Anna and Mo as
// attendees and returns the page and the id of its case item.
func casusMeeting(t *testing.T, env *testkit.Env, anna *testkit.Client, ws int64, date string) (string, string) {
	t.Helper()
	form := url.Values{"title": {"Casusoverleg december"}, "kind": {"casusoverleg"}, "date": {date},
		"start_time": {"13:00"}, "duration": {"80"}, "template": {"casusoverleg"}}
	page := planMeeting(t, anna, ws, form)
	doc := anna.Get(page).Doc
	item, _ := doc.Find("li.schakel-agenda-item--casus").First().Attr("data-id")
	if item == "" {
		t.Fatal("no case item on the case conference's agenda")
	}
	mo := userByEmail(t, env.DB, editor)
	r := anna.PostHTMX(page+"/attendees", url.Values{"user": {strconv.FormatInt(mo.ID, 10)}})
	if r.Status != http.StatusOK {
		t.Fatalf("invite Mo: %d", r.Status)
	}
	return page, item
}

func itemVersion(t *testing.T, db *bun.DB, ws int64, id string) string {
	t.Helper()
	n, _ := strconv.ParseInt(id, 10, 64)
	it, err := store.Item(context.Background(), db, ws, n)
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(it.Version)
}

func TestCaseNotes(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		page, item := casusMeeting(t, env, anna, ws, "2026-12-03")
		save := wsPath(ws, "/items/"+item+"/fields/case_notes")
		anna.Get(page)

		for _, tt := range []struct {
			name, note, names string
		}{
			{"a BSN", "Meisje (15), BSN 111222333, verblijft bij een tante.", "een BSN"},
			{"a date of birth", "Jongen, geboren 12-03-2011, spijbelt sinds de zomer.", "een geboortedatum"},
			{"a postcode with house number", "Woont op 1234 AB 12 bij haar moeder.", "een adres of postcode met huisnummer"},
			{"a phone number", "Contact met de jongen via 06-12345678.", "een telefoonnummer"},
			{"an e-mail address", "Mailde vanaf lisa.jansen2011@example.nl naar de mentor.", "een e-mailadres"},
			{"an IBAN", "Geld ging naar NL91ABNA0417164300.", "(IBAN)"},
			{"a licence plate", "Werd opgehaald in een auto met kenteken 12-ABC-3.", "een kenteken"},
			{"the name of a member", "Mo Bakker heeft het meisje gesproken.", "een naam"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				r := anna.PostHTMX(save, url.Values{"value": {tt.note}, "version": {itemVersion(t, db, ws, item)}})
				if r.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", r.Status)
				}
				if msg := r.Text("[role=alert]"); !strings.Contains(msg, tt.names) {
					t.Errorf("the refusal %q does not name %q", msg, tt.names)
				}
				if r.Doc.Find("textarea").Text() != tt.note {
					t.Error("the refused text is not kept in the editor")
				}
			})
		}
		var stored model.AgendaItem
		if err := db.NewSelect().Model(&stored).Where("id = ?", item).Scan(context.Background()); err != nil || stored.CaseNotes != "" {
			t.Fatalf("a refused note was stored: %q %v", stored.CaseNotes, err)
		}

		note := "Meisje A. (15), school in de regio, contact met loverboy via sociale media; Veilig Thuis (0800-2000) is ingeschakeld."
		r := anna.PostHTMX(save, url.Values{"value": {note}, "version": {itemVersion(t, db, ws, item)}})
		if r.Status != http.StatusOK || !strings.Contains(r.Text(".schakel-case"), "Meisje A. (15)") {
			t.Fatalf("pseudonymised note: %d %s", r.Status, r.Body)
		}

		// Who sees it: attendees whose role allows case material.
		for _, tt := range []struct {
			name, email string
			status      int
		}{
			{"the coordinator who attends", coordinator, http.StatusOK},
			{"an invited partner", editor, http.StatusOK},
			{"a member who is not invited", contributor, http.StatusNotFound},
			{"a viewer", viewer, http.StatusNotFound},
			{"a Defence for Children reviewer", reviewer, http.StatusNotFound},
			{"the administrator", admin, http.StatusNotFound},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				r := c.GetHTMX(wsPath(ws, "/items/"+item+"/case"))
				if r.Status != tt.status {
					t.Fatalf("case notes: %d, want %d", r.Status, tt.status)
				}
				if got := strings.Contains(r.Body, "loverboy"); got != (tt.status == http.StatusOK) {
					t.Errorf("note shown: %v", got)
				}
				if p := c.Get(page); strings.Contains(p.Body, "loverboy") {
					t.Error("the meeting page shows case material without asking")
				}
			})
		}

		// A guest attendee has no account, so nothing to open it with; the
		// history keeps that the note changed, never what it said.
		var changes []model.Change
		if err := db.NewSelect().Model(&changes).Where("entity = ?", model.EntityItem).Where("field = ?", "case_notes").Scan(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, ch := range changes {
			if ch.OldValue != "" || ch.NewValue != "" {
				t.Errorf("the change history holds case material: %+v", ch)
			}
		}

		// Every view and write is in the audit log, and the log cannot be changed.
		var views, writes int
		log, err := store.AuditLog(context.Background(), db, ws, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range log {
			switch e.Event {
			case model.AuditCaseView:
				views++
			case model.AuditCaseWrite:
				writes++
			}
		}
		if views != 2 || writes != 1 {
			t.Errorf("audit log: %d views, %d writes; want 2 and 1", views, writes)
		}
		if _, err := db.NewUpdate().Model((*model.AuditEntry)(nil)).Set("event = 'x'").Where("1 = 1").Exec(context.Background()); err == nil {
			t.Error("an audit line could be changed")
		}
		if _, err := db.NewDelete().Model((*model.AuditEntry)(nil)).Where("1 = 1").Exec(context.Background()); err == nil {
			t.Error("an audit line could be deleted")
		}
	})
}

func TestCaseNotesArePurged(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		oldPage, oldItem := casusMeeting(t, env, anna, ws, "2026-10-01")
		_, newItem := casusMeeting(t, env, anna, ws, "2026-11-20")
		for _, id := range []string{oldItem, newItem} {
			anna.Get(oldPage)
			r := anna.PostHTMX(wsPath(ws, "/items/"+id+"/fields/case_notes"), url.Values{"value": {"Jongen B. (14), zorgen over uitbuiting."}, "version": {itemVersion(t, db, ws, id)}})
			if r.Status != http.StatusOK {
				t.Fatalf("note: %d", r.Status)
			}
		}
		now, _ := time.Parse(time.DateOnly, "2026-11-28")
		n, err := env.Svc.PurgeCase(context.Background(), now, 30)
		if err != nil || n != 1 {
			t.Fatalf("purged %d items, %v; want 1", n, err)
		}
		for _, tt := range []struct {
			name, id string
			purged   bool
		}{{"a meeting of 58 days ago", oldItem, true}, {"a meeting of 8 days ago", newItem, false}} {
			t.Run(tt.name, func(t *testing.T) {
				var it model.AgendaItem
				if err := db.NewSelect().Model(&it).Where("id = ?", tt.id).Scan(context.Background()); err != nil {
					t.Fatal(err)
				}
				if (it.CaseNotes == "") != tt.purged || (it.CasePurgedAt != nil) != tt.purged {
					t.Fatalf("notes %q purged at %v", it.CaseNotes, it.CasePurgedAt)
				}
				r := anna.GetHTMX(wsPath(ws, "/items/"+tt.id+"/case"))
				if tt.purged && !strings.Contains(r.Text(".schakel-field__value"), "verwijderd op") {
					t.Errorf("no note that the notes were purged: %q", r.Text(".schakel-field__value"))
				}
			})
		}
		log, err := store.AuditLog(context.Background(), db, ws, 100)
		if err != nil {
			t.Fatal(err)
		}
		purges := 0
		for _, e := range log {
			if e.Event == model.AuditCasePurge {
				purges++
			}
		}
		if purges != 1 {
			t.Errorf("%d purges in the audit log, want 1", purges)
		}
		if again, _ := env.Svc.PurgeCase(context.Background(), now, 30); again != 0 {
			t.Errorf("a second purge purged %d items again", again)
		}
	})
}

func TestLiveAgenda(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		page, caseItem := casusMeeting(t, env, anna, ws, "2026-12-03")
		live := page + "/live"
		mo := env.Client(t)
		mo.SignIn(editor)
		moLive, status := mo.DialLive(live)
		if status != http.StatusSwitchingProtocols {
			t.Fatalf("Mo's handshake: %d", status)
		}
		yLive, _ := func() (*testkit.Live, int) { c := env.Client(t); c.SignIn(viewer); return c.DialLive(live) }()
		pieter := env.Client(t)
		pieter.SignIn(outsider)
		if _, status := pieter.DialLive(live); status != http.StatusNotFound {
			t.Fatalf("another municipality's coordinator: handshake %d, want 404", status)
		}

		doc := anna.Get(page).Doc
		first, _ := doc.Find("#agenda-items li").First().Attr("data-id")
		r := anna.PostHTMX(wsPath(ws, "/items/"+first+"/fields/title"), url.Values{"value": {"Opening door de wethouder"}, "version": {itemVersion(t, db, ws, first)}})
		if r.Status != http.StatusOK {
			t.Fatalf("edit title: %d", r.Status)
		}
		got := moLive.Await("#item-"+first+"-title", "Opening door de wethouder")
		if news := got.Find("#live-news").Text(); !strings.Contains(news, "Anna de Vries") || !strings.Contains(news, "Opening door de wethouder") {
			t.Errorf("no news for screen readers of Anna's edit: %q", news)
		}
		if got.Find("#item-"+first+"-title [hx-get]").Length() == 0 {
			t.Error("an editor's fragment has no edit control")
		}
		if yLive.Await("#item-"+first+"-title", "Opening door de wethouder").Find("#item-"+first+"-title [hx-get]").Length() != 0 {
			t.Error("a viewer's fragment offers editing")
		}

		// Notes typed at the same time by two people both survive.
		anna.PostHTMX(wsPath(ws, "/items/"+first+"/fields/notes"), url.Values{"value": {"Aanvang 9.00 uur."}, "version": {itemVersion(t, db, ws, first)}})
		base := itemVersion(t, db, ws, first)
		mo.Get(page)
		anna.PostHTMX(wsPath(ws, "/items/"+first+"/fields/notes"), url.Values{"value": {"Welkom door de wethouder.\nAanvang 9.00 uur."}, "version": {base}})
		r = mo.PostHTMX(wsPath(ws, "/items/"+first+"/fields/notes"), url.Values{"value": {"Aanvang 9.00 uur.\nDoelen: signalen herkennen."}, "version": {base}})
		if r.Status != http.StatusOK {
			t.Fatalf("Mo's notes after Anna's: %d %s", r.Status, r.Text("[role=alert]"))
		}
		notes := moLive.Await("#item-"+first+"-notes", "Doelen: signalen herkennen.")
		if !strings.Contains(notes.Find("#item-"+first+"-notes").Text(), "Welkom door de wethouder.") {
			t.Errorf("Anna's notes were lost: %q", notes.Find("#item-"+first+"-notes").Text())
		}

		// Moving an item tells everyone the new order.
		anna.PostHTMX(wsPath(ws, "/items/"+first+"/move"), url.Values{"direction": {"down"}})
		order := moLive.AwaitDoc("the new agenda order", func(d *goquery.Document) bool {
			o, _ := d.Find("#live-order").Attr("data-order")
			return strings.HasPrefix(o, "agenda-items=") && !strings.HasPrefix(o, "agenda-items="+first+",")
		})
		if o, _ := order.Find("#live-order").Attr("data-order"); !strings.Contains(o, ","+first+",") {
			t.Errorf("order %q", o)
		}

		// The chair marks the current item; everyone's page follows.
		anna.PostHTMX(page+"/current", url.Values{"item": {caseItem}})
		now := moLive.AwaitDoc("the current item", func(d *goquery.Document) bool {
			c, _ := d.Find("#agenda-now").Attr("data-current")
			return c == caseItem
		})
		if news := now.Find("#live-news").Text(); news != "Nu aan de orde: Casus" {
			t.Errorf("the current item is not told to screen readers: %q", news)
		}

		// Case notes never travel over the websocket, not even to attendees.
		r = anna.PostHTMX(wsPath(ws, "/items/"+caseItem+"/fields/case_notes"), url.Values{"value": {"Meisje C. (16), contact via sociale media."}, "version": {itemVersion(t, db, ws, caseItem)}})
		if r.Status != http.StatusOK {
			t.Fatalf("case note: %d", r.Status)
		}
		moLive.AwaitDoc("the case notes' closed field", func(d *goquery.Document) bool {
			return d.Find("#item-"+caseItem+"-case_notes .schakel-case-reveal").Length() == 1
		})
		moLive.Quiet("Meisje C.")
		yLive.Quiet("Meisje C.")

		// The meeting's actions are tracked live from the plan.
		r = anna.PostHTMX(wsPath(ws, "/items/"+caseItem+"/outcomes"), url.Values{"kind": {"actie"}, "text": {"Veiligheidsplan opstellen"}, "theme": {"zorg"}})
		if r.Status != http.StatusOK {
			t.Fatalf("action outcome: %d %s", r.Status, r.Text(".utrecht-form-field-error-message"))
		}
		moLive.Await("#meeting-actions", "Veiligheidsplan opstellen")
		var a model.Action
		if err := db.NewSelect().Model(&a).Where("title = ?", "Veiligheidsplan opstellen").Scan(context.Background()); err != nil {
			t.Fatal(err)
		}
		r = anna.PostHTMX(wsPath(ws, "/actions/"+strconv.FormatInt(a.ID, 10)+"/fields/status"), url.Values{"value": {"bezig"}, "version": {strconv.Itoa(a.Version)}})
		if r.Status != http.StatusOK {
			t.Fatalf("status in the plan: %d", r.Status)
		}
		moLive.Await("#meeting-actions", "Bezig")

		// A page that was away catches up on what changed meanwhile.
		held := itemVersion(t, db, ws, first)
		anna.PostHTMX(wsPath(ws, "/items/"+first+"/fields/title"), url.Values{"value": {"Opening, tweede versie"}, "version": {held}})
		back, _ := mo.DialLive(live)
		back.Send(`{"type":"hello","versions":{"` + first + `":` + held + `}}`)
		back.Await("#item-"+first+"-title", "Opening, tweede versie")
	})
}

// TestMeetingPageByRole: what each role is offered on a meeting's page.
func TestMeetingPageByRole(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		meetings, err := store.Meetings(context.Background(), db, ws)
		if err != nil || len(meetings) == 0 {
			t.Fatalf("demo meetings: %v", err)
		}
		page := wsPath(ws, "/meetings/"+strconv.FormatInt(meetings[0].ID, 10))
		for _, tt := range []struct {
			name                        string
			email                       string
			status                      int
			edit, manage, invite, case_ bool
		}{
			{"coordinator", coordinator, http.StatusOK, true, true, true, true},
			{"editor", editor, http.StatusOK, true, true, true, true},
			{"contributor", contributor, http.StatusOK, true, false, false, true},
			{"viewer", viewer, http.StatusOK, false, false, false, false},
			{"reviewer", reviewer, http.StatusOK, false, false, false, false},
			{"coordinator of another municipality", outsider, http.StatusNotFound, false, false, false, false},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				r := c.Get(page)
				if r.Status != tt.status {
					t.Fatalf("status %d, want %d", r.Status, tt.status)
				}
				if r.Status != http.StatusOK {
					return
				}
				checks := []struct {
					what string
					sel  string
					want bool
				}{
					{"edit links on agenda items", `a[id^="edit-item-"][id$="-title"]`, tt.edit},
					{"the form for a new item", "#item-add", tt.edit},
					{"edit links on the meeting's details", `a[id^="edit-meeting-"]`, tt.manage},
					{"the chair's buttons", `form[action$="/current"]`, tt.manage},
					{"the invitation form", `select#invite-user`, tt.invite},
					{"a visible button to open case notes", `.schakel-case-reveal:not([hidden])`, tt.case_},
				}
				for _, ch := range checks {
					if got := r.Doc.Find(ch.sel).Length() > 0; got != ch.want {
						t.Errorf("%s: %v, want %v", ch.what, got, ch.want)
					}
				}
				if strings.Contains(r.Body, "Fictieve casus") {
					t.Error("the page shows case material without asking")
				}
			})
		}
	})
}
