package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/uptrace/bun"

	"schakel/app/demo"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// auditRows reads the audit table of a log page: per row its event (as
// the page names it), person, object and detail.
type auditRow struct{ event, person, object, detail string }

func auditRows(r *testkit.Response) []auditRow {
	var rows []auditRow
	r.Doc.Find("tr[data-audit]").Each(func(_ int, s *goquery.Selection) {
		cell := func(col string) string { return strings.TrimSpace(s.Find(`[data-col="` + col + `"]`).Text()) }
		rows = append(rows, auditRow{cell("event"), cell("person"), cell("object"), cell("detail")})
	})
	return rows
}

func hasRow(rows []auditRow, want auditRow) bool {
	for _, r := range rows {
		if r.event == want.event && r.person == want.person &&
			(want.object == "" || r.object == want.object) && (want.detail == "" || r.detail == want.detail) {
			return true
		}
	}
	return false
}

// TestWorkspaceAuditLog has a coordinator work in Havenstad (members,
// case notes, an export) while things happen elsewhere, then read the
// workspace's log: it names who did what to which, in Dutch and English,
// filters by event and person, and holds nothing of other workspaces or
// of sign-ins.
func TestWorkspaceAuditLog(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)

		// Members: one added, its role changed, then removed.
		anna.Get(wsPath(ws, "/members"))
		if r := anna.Post(wsPath(ws, "/members"), url.Values{"email": {outsider}, "role": {"viewer"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("add member: %d", r.Status)
		}
		pieter := membershipID(t, db, ws, outsider)
		if r := anna.Post(wsPath(ws, "/members/"+itoa(pieter)+"/role"), url.Values{"role": {"editor"}}); r.Status != http.StatusSeeOther {
			t.Fatalf("change role: %d", r.Status)
		}
		if r := anna.Post(wsPath(ws, "/members/"+itoa(pieter)+"/delete"), nil); r.Status != http.StatusSeeOther {
			t.Fatalf("remove member: %d", r.Status)
		}
		// Case notes written and opened, and a document downloaded.
		page, item := casusMeeting(t, env, anna, ws, "2026-12-03")
		anna.Get(page)
		note := url.Values{"value": {"Meisje A. (15), zorgen over contact via sociale media."}, "version": {itemVersion(t, db, ws, item)}}
		if r := anna.PostHTMX(wsPath(ws, "/items/"+item+"/fields/case_notes"), note); r.Status != http.StatusOK {
			t.Fatalf("case note: %d", r.Status)
		}
		if r := anna.GetHTMX(wsPath(ws, "/items/"+item+"/case")); r.Status != http.StatusOK {
			t.Fatalf("open case notes: %d", r.Status)
		}
		if r := anna.Get(page + "/export/agenda.md"); r.Status != http.StatusOK {
			t.Fatalf("export: %d", r.Status)
		}
		// Elsewhere: Pieter works in his own workspace.
		pieterC := env.Client(t)
		pieterC.SignIn(outsider)
		lindendal := workspaceID(t, db, "Lindendal")
		meetings, err := store.Meetings(ctx, db, lindendal)
		if err != nil || len(meetings) == 0 {
			t.Fatalf("no meeting in Lindendal: %v", err)
		}
		if r := pieterC.Get(wsPath(lindendal, "/meetings/"+itoa(meetings[0].ID)+"/export/minutes")); r.Status != http.StatusOK {
			t.Fatalf("Lindendal export: %d", r.Status)
		}

		log := anna.Get(wsPath(ws, "/audit"))
		if log.Status != http.StatusOK {
			t.Fatalf("audit log: %d", log.Status)
		}
		if cc := log.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
			t.Errorf("Cache-Control %q, want no-store", cc)
		}
		rows := auditRows(log)
		annaName, pieterName := userByEmail(t, db, coordinator).Name, userByEmail(t, db, outsider).Name
		for _, want := range []auditRow{
			{"Lid toegevoegd", annaName, pieterName, "Lezer"},
			{"Rol gewijzigd", annaName, pieterName, "Lezer → Mederegisseur"},
			{"Lid verwijderd", annaName, pieterName, "Mederegisseur"},
			{"Casusnotities opgeslagen", annaName, "", ""},
			{"Casusnotities bekeken", annaName, "Agendapunt ‘Casus’ van Casusoverleg december (3 december 2026)", ""},
			{"Overlegdocument afgedrukt of gedownload", annaName, "Casusoverleg december (3 december 2026)", "Agenda, MD-bestand"},
		} {
			if !hasRow(rows, want) {
				t.Errorf("no line %+v in\n%+v", want, rows)
			}
		}
		for _, r := range rows {
			if r.person == pieterName || r.event == "Aangemeld" {
				t.Errorf("the workspace's log shows a line of elsewhere: %+v", r)
			}
		}
		if strings.Contains(log.Body, "sociale media") {
			t.Error("the audit log shows case text")
		}
		if r := anna.Get(wsPath(ws, "")); r.Doc.Find(`a[href="`+wsPath(ws, "/audit")+`"]`).Length() != 1 {
			t.Error("the workspace page does not lead its coordinator to the log")
		}

		t.Run("filtered by event", func(t *testing.T) {
			rows := auditRows(anna.Get(wsPath(ws, "/audit?event="+model.AuditCaseView)))
			if len(rows) != 1 || rows[0].event != "Casusnotities bekeken" {
				t.Fatalf("rows %+v, want the one view of case notes", rows)
			}
		})
		t.Run("filtered by person", func(t *testing.T) {
			mo := env.Client(t)
			mo.SignIn(editor)
			if r := mo.Get(page + "/export/minutes"); r.Status != http.StatusOK {
				t.Fatalf("export: %d", r.Status)
			}
			rows := auditRows(anna.Get(wsPath(ws, "/audit?person="+itoa(userByEmail(t, db, editor).ID))))
			if len(rows) != 1 || rows[0].detail != "Notulen, afdrukpagina" {
				t.Fatalf("rows %+v, want Mo's one print of the minutes", rows)
			}
		})
		t.Run("in English", func(t *testing.T) {
			en := env.Client(t)
			en.SignIn(coordinator)
			en.Post("/language", url.Values{"lang": {"en"}, "back": {"/workspaces"}})
			rows := auditRows(en.Get(wsPath(ws, "/audit")))
			if !hasRow(rows, auditRow{"Case notes viewed", annaName, "Agenda item ‘Casus’ of Casusoverleg december (3 December 2026)", ""}) {
				t.Fatalf("no English line for the view of case notes in %+v", rows)
			}
		})
	})
}

// TestAuditLogPages: the newest lines come first, fifty to a page, and
// the pages keep the filter.
func TestAuditLogPages(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		anna := env.Client(t)
		anna.SignIn(coordinator)
		meetings, err := store.Meetings(context.Background(), db, ws)
		if err != nil || len(meetings) == 0 {
			t.Fatal("no meeting in Havenstad")
		}
		export := wsPath(ws, "/meetings/"+itoa(meetings[0].ID)+"/export/")
		for i := range service.AuditPageSize + 5 {
			doc := "agenda"
			if i == service.AuditPageSize+4 {
				doc = "actions" // the newest
			}
			if r := anna.Get(export + doc); r.Status != http.StatusOK {
				t.Fatalf("export %d: %d", i, r.Status)
			}
		}
		first := anna.Get(wsPath(ws, "/audit?event="+model.AuditMeetingExport))
		rows := auditRows(first)
		if len(rows) != service.AuditPageSize || rows[0].detail != "Actielijst, afdrukpagina" {
			t.Fatalf("first page: %d rows, first %+v; want %d, the newest first", len(rows), rows[0], service.AuditPageSize)
		}
		older, ok := first.Doc.Find(`a[rel="next"]`).Attr("href")
		if !ok || !strings.Contains(older, "event="+model.AuditMeetingExport) || !strings.Contains(older, "page=2") {
			t.Fatalf("link to older lines %q", older)
		}
		second := anna.Get(older)
		if rows := auditRows(second); len(rows) != 5 {
			t.Fatalf("second page: %d rows, want 5", len(rows))
		}
		if second.Doc.Find(`a[rel="next"]`).Length() != 0 || second.Doc.Find(`a[rel="prev"]`).Length() != 1 {
			t.Error("the last page offers older lines, or no way back")
		}
	})
}

// TestAuditLogAccess: a workspace's log is for its coordinators; other
// roles are refused, other workspaces' coordinators find nothing, and the
// whole log is for administrators.
func TestAuditLogAccess(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		for _, tt := range []struct {
			name                string
			email               string
			workspace, platform int
		}{
			{"coordinator", coordinator, http.StatusOK, http.StatusForbidden},
			{"editor", editor, http.StatusForbidden, http.StatusForbidden},
			{"contributor", contributor, http.StatusForbidden, http.StatusForbidden},
			{"viewer", viewer, http.StatusForbidden, http.StatusForbidden},
			{"coordinator of another workspace", outsider, http.StatusNotFound, http.StatusForbidden},
			{"reviewer", reviewer, http.StatusForbidden, http.StatusForbidden},
			{"administrator", admin, http.StatusForbidden, http.StatusOK},
		} {
			t.Run(tt.name, func(t *testing.T) {
				c := env.Client(t)
				c.SignIn(tt.email)
				for _, p := range []struct {
					path string
					want int
				}{
					{wsPath(ws, "/audit"), tt.workspace}, {wsPath(ws, "/audit.csv"), tt.workspace},
					{"/admin/audit", tt.platform}, {"/admin/audit.csv", tt.platform},
				} {
					if r := c.Get(p.path); r.Status != p.want {
						t.Errorf("GET %s: %d, want %d", p.path, r.Status, p.want)
					}
				}
				if r := c.Get(wsPath(ws, "")); r.Status == http.StatusOK {
					link := r.Doc.Find(`a[href="` + wsPath(ws, "/audit") + `"]`).Length()
					if (link == 1) != (tt.workspace == http.StatusOK) {
						t.Errorf("the workspace page shows %d links to the log", link)
					}
				}
			})
		}
		t.Run("signed out", func(t *testing.T) {
			c := env.Client(t)
			for _, p := range []string{wsPath(ws, "/audit"), "/admin/audit.csv"} {
				if r := c.Get(p); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Location(), "/login") {
					t.Errorf("GET %s signed out: %d to %q", p, r.Status, r.Location())
				}
			}
		})
	})
}

// TestSignInsAreAudited: sign-ins, refused ones and sign-outs are on the
// administrators' log; a refused one names the account when the address
// has one, and the address typed is never kept, nor any password.
func TestSignInsAreAudited(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		const typo, wrong = "anna.devires@havenstad.example", "het-verkeerde-wachtwoord"
		c := env.Client(t)
		c.Get("/login")
		c.Post("/login", url.Values{"email": {typo}, "password": {demo.Password}})
		c.Post("/login", url.Values{"email": {coordinator}, "password": {wrong}})
		c.SignIn(coordinator)
		c.Post("/logout", nil)

		boss := env.Client(t)
		boss.SignIn(admin)
		rows := auditRows(boss.Get("/admin/audit?workspace=none"))
		anna := userByEmail(t, db, coordinator).Name
		for _, want := range []auditRow{
			{"Aanmelden mislukt", "Onbekend", "", "Onbekend e-mailadres (niet bewaard)"},
			{"Aanmelden mislukt", anna, "", "Verkeerd wachtwoord"},
			{"Aangemeld", anna, "", ""},
			{"Afgemeld", anna, "", ""},
		} {
			if !hasRow(rows, want) {
				t.Errorf("no line %+v in\n%+v", want, rows)
			}
		}
		var lines []model.AuditEntry
		if err := db.NewSelect().Model(&lines).Scan(context.Background()); err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			for _, secret := range []string{typo, wrong, demo.Password, coordinator} {
				if strings.Contains(l.Detail+l.Object+l.Event, secret) {
					t.Errorf("line %d keeps %q", l.ID, secret)
				}
			}
		}
	})
}

// TestAdministratorsAuditLog: what administrators do is on the log, which
// they can narrow to one workspace or to the lines of none.
func TestAdministratorsAuditLog(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		boss := env.Client(t)
		boss.SignIn(admin)
		boss.Get("/admin/organisations")
		boss.Post("/admin/organisations", url.Values{"name": {"GGD Kustland-Noord"}, "kind": {"ggd"}})
		boss.Get("/admin/workspaces")
		org := userByEmail(t, db, viewer).OrganisationID
		if r := boss.Post("/admin/workspaces", url.Values{"name": {"Zeedorp"}, "kind": {"gemeente"}, "organisation": {itoa(org)}, "coordinator": {viewer}}); r.Status != http.StatusSeeOther {
			t.Fatalf("new workspace: %d %s", r.Status, r.Text(".utrecht-form-field-error-message"))
		}
		boss.Get("/admin/accounts")
		boss.Post("/admin/accounts", url.Values{"name": {"Kees Nieuw"}, "email": {"kees@kustland.example"}, "organisation": {itoa(org)}, "platform_role": {""}, "password": {"een-lang-wachtwoord"}})
		kees := userByEmail(t, db, "kees@kustland.example")
		boss.Post("/admin/accounts/"+itoa(kees.ID)+"/disable", nil)
		boss.Post("/admin/accounts/"+itoa(kees.ID)+"/enable", nil)

		me := userByEmail(t, db, admin).Name
		all := auditRows(boss.Get("/admin/audit"))
		for _, want := range []auditRow{
			{"Organisatie aangemaakt", me, "GGD Kustland-Noord", "GGD"},
			{"Werkruimte aangemaakt", me, "Zeedorp", "Regisseur: " + viewer},
			{"Account aangemaakt", me, "Kees Nieuw", ""},
			{"Account geblokkeerd", me, "Kees Nieuw", ""},
			{"Account gedeblokkeerd", me, "Kees Nieuw", ""},
		} {
			if !hasRow(all, want) {
				t.Errorf("no line %+v in\n%+v", want, all)
			}
		}
		zeedorp := workspaceID(t, db, "Zeedorp")
		one := auditRows(boss.Get("/admin/audit?workspace=" + itoa(zeedorp)))
		if len(one) != 1 {
			t.Errorf("Zeedorp's lines: %+v, want its creation", one)
		}
		for _, r := range auditRows(boss.Get("/admin/audit?workspace=none")) {
			if r.event == "Werkruimte aangemaakt" {
				t.Errorf("a workspace's line among those of no workspace: %+v", r)
			}
		}
		// The new coordinator finds the workspace's beginning in its log.
		y := env.Client(t)
		y.SignIn(viewer)
		if rows := auditRows(y.Get(wsPath(zeedorp, "/audit"))); !hasRow(rows, auditRow{"Werkruimte aangemaakt", me, "Zeedorp", ""}) {
			t.Errorf("Zeedorp's coordinator sees %+v", rows)
		}
		// After all of it, the chain holds.
		if chain, err := store.VerifyAuditChain(context.Background(), db); err != nil || chain.Break != nil {
			t.Fatalf("the chain breaks: %+v %v", chain.Break, err)
		}
	})
}

// TestAuditLogCSV downloads the log as CSV: the lines the page's filters
// keep, with hashes, its own download among them, and names that a
// spreadsheet would run as formulas defused.
func TestAuditLogCSV(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		env := testkit.Start(t, db)
		ws := workspaceID(t, db, "Havenstad")
		boss := env.Svc
		adminUser := userByEmail(t, db, admin)
		org := userByEmail(t, db, viewer).OrganisationID
		sly, err := boss.CreateAccount(ctx, adminUser, service.AccountInput{Name: "=HYPERLINK(\"http://x.example\")", Email: "sly@kustland.example", OrganisationID: org, Password: "een-lang-wachtwoord"})
		if err != nil {
			t.Fatal(err)
		}
		anna := env.Client(t)
		anna.SignIn(coordinator)
		anna.Get(wsPath(ws, "/members"))
		anna.Post(wsPath(ws, "/members"), url.Values{"email": {sly.Email}, "role": {"viewer"}})

		r := anna.Get(wsPath(ws, "/audit.csv?event="+model.AuditMemberAdd))
		if r.Status != http.StatusOK {
			t.Fatalf("CSV: %d", r.Status)
		}
		for header, want := range map[string]string{
			"Content-Type":        "text/csv; charset=utf-8",
			"Content-Disposition": `attachment; filename="logboek-havenstad-`,
			"Cache-Control":       "no-store",
		} {
			if got := r.Header.Get(header); !strings.Contains(got, want) {
				t.Errorf("%s %q, want %q", header, got, want)
			}
		}
		body, ok := strings.CutPrefix(r.Body, "\uFEFF")
		if !ok {
			t.Error("no byte order mark")
		}
		records, err := csv.NewReader(strings.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(records) != 2 || records[0][1] != "Tijdstip" || records[0][4] != "Gebeurtenis" {
			t.Fatalf("records %q, want the header and the one member added", records)
		}
		line := records[1]
		if line[4] != "Lid toegevoegd" || line[5] != model.AuditMemberAdd || line[6] != `'=HYPERLINK("http://x.example")` {
			t.Errorf("line %q", line)
		}
		if len(line[len(line)-1]) != 64 || len(line[len(line)-2]) != 64 {
			t.Errorf("no hashes in %q", line)
		}

		// The download is on the log, with its filter, and the chain holds.
		rows := auditRows(anna.Get(wsPath(ws, "/audit?event="+model.AuditLogExport)))
		if !hasRow(rows, auditRow{"Logboek gedownload", userByEmail(t, db, coordinator).Name, "", "event=member_add workspace=" + itoa(ws)}) {
			t.Errorf("the download is not on the log: %+v", rows)
		}
		all := env.Client(t)
		all.SignIn(admin)
		whole := all.Get("/admin/audit.csv")
		records, err = csv.NewReader(bytes.NewReader([]byte(strings.TrimPrefix(whole.Body, "\uFEFF")))).ReadAll()
		if err != nil || len(records) < 5 || records[0][8] != "Werkruimte" {
			t.Fatalf("the whole log: %v, %d records, header %q", err, len(records), records[0])
		}
		chain, err := store.VerifyAuditChain(ctx, db)
		if err != nil || chain.Break != nil || chain.Entries != len(records)-1 {
			t.Fatalf("chain of %d lines (break %+v, %v); the file has %d", chain.Entries, chain.Break, err, len(records)-1)
		}
	})
}

// TestTwoFactorSignInsAreAudited: a sign-in is logged when its session
// starts, saying whether two-factor was used or put off; a wrong code and
// a code used before are refused sign-ins of the account.
func TestTwoFactorSignInsAreAudited(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		env := testkit.Start(t, db)
		c := env.Client(t)
		setupAt := time.Now()
		secret, recovery := c.SignInSettingUpTwoFactor(coordinator, demo.Password)
		c.Post("/logout", nil)
		secondStep := func(code string) *testkit.Response {
			c.Get("/login")
			if r := c.Post("/login", url.Values{"email": {coordinator}, "password": {demo.Password}}); r.Location() != "/login/two-factor" {
				t.Fatalf("password step: %d to %q: %s", r.Status, r.Location(), r.Text("[role=alert]"))
			}
			c.Get("/login/two-factor")
			return c.Post("/login/two-factor", url.Values{"code": {code}})
		}
		// A wrong code, then a recovery code.
		secondStep(testkit.TOTPCode(secret, setupAt.Add(10*time.Minute)))
		if r := c.Post("/login/two-factor", url.Values{"code": {recovery[0]}}); r.Status != http.StatusSeeOther {
			t.Fatalf("recovery code: %d", r.Status)
		}
		c.Get("/workspaces")
		c.Post("/logout", nil)
		// The code that confirmed the set-up, once more.
		if r := secondStep(testkit.TOTPCode(secret, setupAt)); r.Status == http.StatusSeeOther {
			t.Fatal("a code was let in twice")
		}

		boss := env.Client(t)
		boss.SignIn(admin)
		anna := userByEmail(t, db, coordinator)
		rows := auditRows(boss.Get("/admin/audit?person=" + itoa(anna.ID)))
		want := []auditRow{
			{"Aanmelden mislukt", anna.Name, "", "Code al eerder gebruikt"},
			{"Afgemeld", anna.Name, "", ""},
			{"Aangemeld", anna.Name, "", "Met tweestapsverificatie"},
			{"Herstelcode gebruikt", anna.Name, "", ""},
			{"Aanmelden mislukt", anna.Name, "", "Verkeerde code"},
			{"Afgemeld", anna.Name, "", ""},
			{"Aangemeld", anna.Name, "", "Met tweestapsverificatie"},
			{"Tweestapsverificatie aangezet", anna.Name, "", ""},
		}
		if len(rows) != len(want) {
			t.Fatalf("Anna's lines:\n%+v\nwant\n%+v", rows, want)
		}
		for i, w := range want {
			if r := rows[i]; r.event != w.event || r.detail != w.detail || r.person != w.person {
				t.Errorf("line %d: %+v, want %+v", i+1, r, w)
			}
		}
		mine := auditRows(boss.Get("/admin/audit?event=sign_in&person=" + itoa(userByEmail(t, db, admin).ID)))
		if len(mine) != 1 || mine[0].detail != "Tweestapsverificatie uitgesteld (demo)" {
			t.Errorf("the administrator's sign-in: %+v, want two-factor put off", mine)
		}
	})
}
