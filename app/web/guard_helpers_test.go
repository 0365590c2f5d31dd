package web_test

import (
	"context"
	"errors"
	"net/http"
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

// guardPlace is what the free-text fields of the table below live on.
type guardPlace struct {
	env      *testkit.Env
	db       *bun.DB
	ws       int64
	plan     *model.Plan
	action   *model.Action
	meeting  *model.Meeting
	item     *model.AgendaItem
	caseItem *model.AgendaItem
	comment  *model.Comment
	org      int64
	made     int
}

func newGuardPlace(t *testing.T, env *testkit.Env) *guardPlace {
	t.Helper()
	ctx := context.Background()
	db := env.DB
	p := &guardPlace{env: env, db: db, ws: workspaceID(t, db, "Havenstad")}
	anna := userByEmail(t, db, coordinator)
	var err error
	if p.plan, err = env.Svc.CreatePlan(ctx, anna, p.ws, service.PlanInput{Title: "Plan van aanpak 2027", Framework: model.FrameworkPillars}); err != nil {
		t.Fatal(err)
	}
	if p.action, err = env.Svc.CreateAction(ctx, anna, p.ws, p.plan.ID, service.ActionInput{Title: "Training signalen herkennen", Theme: model.ThemePrevention}); err != nil {
		t.Fatal(err)
	}
	if p.meeting, err = env.Svc.CreateMeeting(ctx, anna, p.ws, service.MeetingInput{
		Title: "Casusoverleg december", Kind: model.MeetingCaseConf, Date: "2027-12-03", StartTime: "10:00", Duration: "90",
		PlanID: itoa(p.plan.ID),
	}); err != nil {
		t.Fatal(err)
	}
	if p.item, err = env.Svc.CreateItem(ctx, anna, p.ws, p.meeting.ID, service.ItemInput{Title: "Signalen uit de wijk", Kind: model.ItemDiscussion, Duration: "20"}); err != nil {
		t.Fatal(err)
	}
	if p.caseItem, err = env.Svc.CreateItem(ctx, anna, p.ws, p.meeting.ID, service.ItemInput{Title: "Casus A", Kind: model.ItemCase, Duration: "20"}); err != nil {
		t.Fatal(err)
	}
	if p.comment, err = env.Svc.AddComment(ctx, anna, p.ws, service.CommentInput{Subject: model.SubjectPlan, SubjectID: p.plan.ID, Kind: model.CommentRemark, Body: "Goed plan."}); err != nil {
		t.Fatal(err)
	}
	orgs, err := store.Organisations(ctx, db)
	if err != nil || len(orgs) == 0 {
		t.Fatal(err)
	}
	p.org = orgs[0].ID
	return p
}

// version is the stored version of a row of table.
func (p *guardPlace) version(t *testing.T, table string, id int64) string {
	t.Helper()
	var v int
	if err := p.db.NewSelect().Table(table).Column("version").Where("id = ?", id).Scan(context.Background(), &v); err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(v)
}

// openAssessment is the workspace's open kinderrechtentoets, started when
// there is none, and its first question.
func (p *guardPlace) openAssessment(t *testing.T) (*model.Assessment, *model.AssessmentAnswer) {
	t.Helper()
	ctx := context.Background()
	a, err := store.OpenAssessment(ctx, p.db, p.ws)
	if errors.Is(err, store.ErrNotFound) {
		a, err = p.env.Svc.StartAssessment(ctx, userByEmail(t, p.db, coordinator), p.ws, service.AssessmentInput{Framework: model.FrameworkPillars})
	}
	if err != nil {
		t.Fatal(err)
	}
	var ans model.AssessmentAnswer
	if err := p.db.NewSelect().Model(&ans).Where("assessment_id = ?", a.ID).Order("position").Limit(1).Scan(ctx); err != nil {
		t.Fatal(err)
	}
	return a, &ans
}

// noOpenAssessment completes the open kinderrechtentoets, if any, so that
// a new one can start; it answers a question first, for an assessment
// without answers cannot be completed.
func (p *guardPlace) noOpenAssessment(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	a, err := store.OpenAssessment(ctx, p.db, p.ws)
	if errors.Is(err, store.ErrNotFound) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	anna := userByEmail(t, p.db, coordinator)
	_, ans := p.openAssessment(t)
	if _, err := p.env.Svc.SaveAnswer(ctx, anna, p.ws, a.ID, service.AnswerInput{Question: ans.Question, Score: "3", Version: ans.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.env.Svc.CompleteAssessment(ctx, anna, p.ws, a.ID); err != nil {
		t.Fatal(err)
	}
}

// textColumns are where Schakel keeps what people type, and where it
// could leak to: the change history, the audit log, the outbox.
var textColumns = []struct{ table, column string }{
	{"plans", "title"}, {"actions", "title"}, {"actions", "description"}, {"meetings", "title"}, {"meetings", "location"},
	{"agenda_items", "title"}, {"agenda_items", "notes"}, {"agenda_items", "case_notes"}, {"outcomes", "text"},
	{"agenda_templates", "name"}, {"agenda_templates", "items"}, {"attendees", "guest_name"}, {"attendees", "guest_organisation"},
	{"comments", "body"}, {"plan_reviews", "summary"}, {"signals", "description"}, {"assessments", "title"},
	{"assessment_answers", "note"}, {"workspaces", "description"}, {"changes", "old_value"}, {"changes", "new_value"},
	{"audit_log", "detail"}, {"mail_outbox", "subject"}, {"mail_outbox", "text_body"}, {"mail_outbox", "html_body"},
	{"guide_versions", "title"}, {"guide_versions", "explanation"}, {"guide_versions", "prevention"},
}

// storedAt names the columns of the database that hold s.
func storedAt(t *testing.T, db *bun.DB, s string) []string {
	t.Helper()
	var at []string
	for _, c := range textColumns {
		n, err := db.NewSelect().Table(c.table).Where("? LIKE ?", bun.Ident(c.column), "%"+s+"%").Count(context.Background())
		if err != nil {
			t.Fatalf("%s.%s: %v", c.table, c.column, err)
		}
		if n > 0 {
			at = append(at, c.table+"."+c.column)
		}
	}
	return at
}

// guardNote finds the guard's note on the field of a form sent back, and
// checks that the control it is on points at it and is marked invalid
// unless it only asks for a review.
func guardNote(t *testing.T, r *testkit.Response, field string) *goquery.Selection {
	t.Helper()
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422: %s", r.Status, r.Text("[role=alert]"))
	}
	var control *goquery.Selection
	r.Doc.Find(`textarea[name="` + field + `"], input[name="` + field + `"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.Contains(s.AttrOr("aria-describedby", ""), "-guard") {
			control = s
			return false
		}
		return true
	})
	if control == nil {
		t.Fatalf("no %q control points at a guard's note: %s", field, r.Body)
	}
	var note *goquery.Selection
	for _, id := range strings.Fields(control.AttrOr("aria-describedby", "")) {
		if strings.HasSuffix(id, "-guard") {
			note = r.Doc.Find("#" + id)
		}
	}
	if note == nil || note.Length() != 1 {
		t.Fatalf("the guard's note of %q is missing", field)
	}
	if role := note.AttrOr("role", ""); role != "alert" && role != "status" {
		t.Errorf("the guard's note is read by no screen reader: role %q", role)
	}
	if role := note.AttrOr("role", ""); (role == "alert") != (control.AttrOr("aria-invalid", "") == "true") {
		t.Errorf("a control with a warning is not marked invalid, or one under review is")
	}
	return note
}

// controlValue is what the field's control holds in a form sent back.
func controlValue(r *testkit.Response, field string) string {
	if ta := r.Doc.Find(`textarea[name="` + field + `"][aria-describedby*="-guard"]`); ta.Length() > 0 {
		return ta.First().Text()
	}
	return r.Doc.Find(`input[name="`+field+`"][aria-describedby*="-guard"]`).First().AttrOr("value", "")
}
