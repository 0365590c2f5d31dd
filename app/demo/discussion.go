package demo

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/store"
)

// demoReviewer is Defence for Children's demo reviewer, who advises.
const demoReviewer = "lotte.visser@defenceforchildren.example"

// seedDiscussion gives Havenstad a few comments, an open and an answered
// advice of Defence for Children, a review of its plan and two signals
// for national policy, unless it has comments.
func seedDiscussion(ctx context.Context, tx bun.Tx, w *model.Workspace, def workspace, userIDs map[string]int64, now time.Time) error {
	if w.Name != "Havenstad" {
		return nil
	}
	n, err := tx.NewSelect().Model((*model.Comment)(nil)).Where("workspace_id = ?", w.ID).Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	plans, err := store.Plans(ctx, tx, w.ID)
	if err != nil || len(plans) == 0 {
		return err
	}
	plan := plans[0]
	actions, err := store.Actions(ctx, tx, w.ID, plan.ID)
	if err != nil || len(actions) < 2 {
		return err
	}
	meetings, err := store.Meetings(ctx, tx, w.ID)
	if err != nil || len(meetings) == 0 {
		return err
	}
	coordinator, partner, reviewer := userIDs[def.members[0].email], userIDs[def.members[1].email], userIDs[demoReviewer]
	at := func(daysAgo int) time.Time { return now.AddDate(0, 0, -daysAgo) }
	add := func(c *model.Comment) error {
		c.WorkspaceID, c.Version, c.UpdatedAt = w.ID, 1, c.CreatedAt
		if c.Kind == "" {
			c.Kind = model.CommentRemark
		}
		return store.CreateComment(ctx, tx, c)
	}
	remark := &model.Comment{Subject: model.SubjectPlan, SubjectID: plan.ID, Body: "Voorbeeld: kunnen de ketenpartners voor de volgende stuurgroep hun acties bijwerken?", AuthorID: coordinator, CreatedAt: at(6)}
	if err := add(remark); err != nil {
		return err
	}
	if err := add(&model.Comment{Subject: model.SubjectPlan, SubjectID: plan.ID, ParentID: &remark.ID, Body: "Voorbeeld: Veilig Thuis werkt de signaleringsacties deze week bij.", AuthorID: partner, CreatedAt: at(5)}); err != nil {
		return err
	}
	answered := &model.Comment{Subject: model.SubjectAction, SubjectID: actions[0].ID, Kind: model.CommentAdvice, State: model.AdviceAnswered,
		Body: "Voorbeeldadvies: laat jongeren zelf meedenken over de voorlichting, zodat hun mening gehoord wordt (art. 12 IVRK).", AuthorID: reviewer, CreatedAt: at(10)}
	if err := add(answered); err != nil {
		return err
	}
	if err := add(&model.Comment{Subject: model.SubjectAction, SubjectID: actions[0].ID, ParentID: &answered.ID, Body: "Voorbeeld: we vragen de jongerenraad om mee te lezen.", AuthorID: coordinator, CreatedAt: at(8)}); err != nil {
		return err
	}
	open := &model.Comment{Subject: model.SubjectPlan, SubjectID: plan.ID, Kind: model.CommentAdvice, State: model.AdviceOpen,
		DueDate: now.AddDate(0, 0, 21).Format(time.DateOnly),
		Body:    "Voorbeeldadvies: het plan heeft nog geen actie op non-discriminatie (art. 2). Denk aan jongens en aan minderjarigen zonder verblijfsstatus.", AuthorID: reviewer, CreatedAt: at(2)}
	if err := add(open); err != nil {
		return err
	}
	if err := add(&model.Comment{Subject: model.SubjectMeeting, SubjectID: meetings[0].ID, Body: "Voorbeeld: de presentatie over kinderrechten staat in de gedeelde map.", AuthorID: partner, CreatedAt: at(3)}); err != nil {
		return err
	}
	if err := store.CreatePlanReview(ctx, tx, &model.PlanReview{WorkspaceID: w.ID, PlanID: plan.ID, ReviewerID: reviewer,
		ReviewedOn: at(2).Format(time.DateOnly), Summary: "Voorbeeld: een stevig plan met goede afspraken over signalering. Aandachtspunten: de mening van het kind (art. 12) en non-discriminatie (art. 2).",
		CreatedAt: at(2)}); err != nil {
		return err
	}
	signals := []model.Signal{
		{Source: model.SignalFromAction, SourceID: actions[1].ID, Bottleneck: model.BottleneckCareSupply, Theme: actions[1].Theme,
			Description: "Voorbeeld: er zijn in de regio te weinig gespecialiseerde opvangplekken voor minderjarige slachtoffers."},
		{Source: model.SignalFromAdvice, SourceID: answered.ID, Bottleneck: model.BottleneckFunding, Theme: actions[0].Theme,
			Description: "Voorbeeld: voorlichting op scholen hangt af van jaarlijkse subsidie; structurele financiering ontbreekt."},
	}
	for i := range signals {
		s := &signals[i]
		s.WorkspaceID, s.CreatedBy, s.CreatedAt = w.ID, coordinator, at(1)
		if err := store.CreateSignal(ctx, tx, s); err != nil {
			return err
		}
	}
	return nil
}
