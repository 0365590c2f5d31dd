package demo

import (
	"context"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// demoAnswer is one answer of a demo assessment: a score (0 for none) and
// a note about the approach, never about a child.
type demoAnswer struct {
	score int
	note  string
	by    string
}

// demoAssessment is a kinderrechtentoets of the demo: started daysAgo
// before seeding, completed completedAgo days before it (0: still open).
type demoAssessment struct {
	title                 string
	daysAgo, completedAgo int
	answers               map[string]demoAnswer
}

const (
	toetsAnna  = "anna.devries@havenstad.example"
	toetsMo    = "mo.bakker@veiligthuis-kustland.example"
	toetsSanne = "sanne.jansen@politie-kustland.example"
	toetsEsra  = "esra.yilmaz@debrug.example"
)

// havenstadToetsen are Havenstad's two assessments on the four pillars: a
// baseline, completed, and a newer one its partners are filling in, so
// that the comparison shows what changed.
var havenstadToetsen = []demoAssessment{
	{"Nulmeting (voorbeeld)", 240, 225, map[string]demoAnswer{
		"preventie.reach":        {2, "Voorlichting op de reguliere middelbare scholen; speciaal onderwijs en jeugdzorg doen nog niet mee.", toetsEsra},
		"preventie.views":        {1, "", toetsAnna},
		"preventie.screening":    {2, "VOG gevraagd bij sportclubs, training nog niet.", toetsAnna},
		"signalering.signs":      {2, "", toetsMo},
		"signalering.route":      {2, "De route naar de zorgcoördinator is niet overal bekend.", toetsMo},
		"signalering.heard":      {1, "", toetsMo},
		"opsporing.interview":    {2, "Kindvriendelijke verhoorstudio in de regio, maar wachttijd.", toetsSanne},
		"opsporing.age":          {2, "", toetsSanne},
		"opsporing.victim_first": {1, "Nog geen afspraak met het Openbaar Ministerie hierover.", toetsSanne},
		"zorg.shelter":           {1, "Geen eigen opvangplek in de regio.", toetsAnna},
		"zorg.guardian":          {2, "", toetsAnna},
		"zorg.after18":           {1, "", toetsAnna},
	}},
	{"Tussenmeting (voorbeeld)", 12, 0, map[string]demoAnswer{
		"preventie.reach":     {3, "Sinds dit schooljaar ook twee scholen voor speciaal onderwijs.", toetsEsra},
		"preventie.views":     {2, "Jongerenraad gaf advies over de lessen.", toetsAnna},
		"preventie.screening": {2, "", toetsAnna},
		"signalering.signs":   {3, "Signalenkaart verspreid onder alle partners.", toetsMo},
		"signalering.route":   {2, "", toetsMo},
		"opsporing.interview": {2, "", toetsSanne},
		"opsporing.age":       {3, "Werkafspraak vastgelegd met de vreemdelingenpolitie.", toetsSanne},
		"zorg.shelter":        {2, "Twee plekken in de regio in onderzoek.", toetsAnna},
	}},
}

// seedAssessments gives Havenstad its demo assessments, unless it has
// assessments already.
func seedAssessments(ctx context.Context, tx bun.Tx, w *model.Workspace, userIDs map[string]int64, now time.Time) error {
	if w.Name != "Havenstad" {
		return nil
	}
	existing, err := store.Assessments(ctx, tx, w.ID)
	if err != nil || len(existing) > 0 {
		return err
	}
	for _, d := range havenstadToetsen {
		started := now.AddDate(0, 0, -d.daysAgo)
		a := &model.Assessment{
			WorkspaceID: w.ID, Title: d.title, Framework: model.FrameworkPillars,
			StartedBy: userIDs[toetsAnna], StartedAt: started, Version: 1, UpdatedAt: started,
		}
		history := []model.Change{}
		if d.completedAgo > 0 {
			done := now.AddDate(0, 0, -d.completedAgo)
			by := userIDs[toetsAnna]
			a.CompletedAt, a.CompletedBy, a.Version, a.UpdatedAt = &done, &by, 2, done
		}
		if err := store.CreateAssessment(ctx, tx, a); err != nil {
			return err
		}
		history = append(history, model.Change{WorkspaceID: w.ID, Entity: model.EntityAssessment, EntityID: a.ID, Version: 1,
			UserID: a.StartedBy, Field: model.FieldCreated, NewValue: string(a.Framework), CreatedAt: started})
		if a.CompletedAt != nil {
			history = append(history, model.Change{WorkspaceID: w.ID, Entity: model.EntityAssessment, EntityID: a.ID, Version: 2,
				UserID: *a.CompletedBy, Field: model.FieldCompleted, NewValue: a.CompletedAt.Format(time.DateOnly), CreatedAt: *a.CompletedAt})
		}
		var answers []model.AssessmentAnswer
		answeredAt := started.Add(48 * time.Hour)
		for _, t := range a.Framework.Themes() {
			for _, q := range model.AssessmentQuestions[t] {
				ans := model.AssessmentAnswer{
					WorkspaceID: w.ID, AssessmentID: a.ID, Theme: t, Question: q.ID,
					Position: len(answers) + 1, Version: 1, UpdatedAt: started,
				}
				if da, ok := d.answers[q.ID]; ok && da.score > 0 {
					by := userIDs[da.by]
					ans.Score, ans.Note, ans.AnsweredBy, ans.Version, ans.UpdatedAt = da.score, da.note, &by, 2, answeredAt
				}
				answers = append(answers, ans)
			}
		}
		if err := store.CreateAssessmentAnswers(ctx, tx, answers); err != nil {
			return err
		}
		// The answers' ids, for their history.
		stored, err := store.AssessmentAnswers(ctx, tx, w.ID, a.ID)
		if err != nil {
			return err
		}
		for _, ans := range stored {
			if ans.AnsweredBy == nil {
				continue
			}
			history = append(history, model.Change{WorkspaceID: w.ID, Entity: model.EntityAssessmentAnswer, EntityID: ans.ID, Version: 2,
				UserID: *ans.AnsweredBy, Field: "score", OldValue: "0", NewValue: strconv.Itoa(ans.Score), CreatedAt: ans.UpdatedAt})
			if ans.Note != "" {
				history = append(history, model.Change{WorkspaceID: w.ID, Entity: model.EntityAssessmentAnswer, EntityID: ans.ID, Version: 2,
					UserID: *ans.AnsweredBy, Field: "note", NewValue: ans.Note, CreatedAt: ans.UpdatedAt})
			}
		}
		if err := store.AddChanges(ctx, tx, history); err != nil {
			return err
		}
	}
	return nil
}
