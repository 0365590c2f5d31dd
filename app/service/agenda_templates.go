package service

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// BuiltinTemplate is an agenda every workspace can start from.
type BuiltinTemplate struct {
	Key   string
	Name  string
	Kind  model.MeetingKind
	Items []model.TemplateItem
}

// BuiltinTemplates are the agendas Schakel offers everyone: the half-day
// training in Defence for Children's style and a case conference.
var BuiltinTemplates = []BuiltinTemplate{
	{Key: "training", Name: "Training (dagdeel)", Kind: model.MeetingTraining, Items: []model.TemplateItem{
		{Title: "Opening en doelen", Kind: model.ItemInformation, Duration: 15},
		{Title: "Kinderrechten als uitgangspunt", Kind: model.ItemInformation, Duration: 30},
		{Title: "Casusbespreking met een ervaringsdeskundige", Kind: model.ItemCase, Duration: 45},
		{Title: "Samenwerking en behandeling van slachtoffers", Kind: model.ItemDiscussion, Duration: 45},
		{Title: "Afspraken en acties", Kind: model.ItemDecision, Duration: 30},
		{Title: "Afsluiting", Kind: model.ItemInformation, Duration: 15},
	}},
	{Key: "casusoverleg", Name: "Casusoverleg", Kind: model.MeetingCaseConf, Items: []model.TemplateItem{
		{Title: "Opening en vaststellen agenda", Kind: model.ItemInformation, Duration: 5},
		{Title: "Actielijst vorig overleg", Kind: model.ItemDiscussion, Duration: 15},
		{Title: "Casus", Kind: model.ItemCase, Duration: 40},
		{Title: "Afspraken en acties", Kind: model.ItemDecision, Duration: 15},
		{Title: "Rondvraag en sluiting", Kind: model.ItemInformation, Duration: 5},
	}},
}

// Templates lists the workspace's saved templates.
func (s *Service) Templates(ctx context.Context, u *model.User, workspaceID int64) ([]model.AgendaTemplate, error) {
	if err := s.require(u, workspaceID, authz.ObjMeeting, authz.ActRead); err != nil {
		return nil, err
	}
	return store.Templates(ctx, s.DB, workspaceID)
}

// templateItems returns the items of a built-in template (by key) or a
// saved one of the workspace (by id); none for "".
func (s *Service) templateItems(ctx context.Context, workspaceID int64, ref string) ([]model.TemplateItem, error) {
	if ref == "" {
		return nil, nil
	}
	for _, b := range BuiltinTemplates {
		if b.Key == ref {
			return b.Items, nil
		}
	}
	id, err := strconv.ParseInt(ref, 10, 64)
	if err != nil {
		return nil, errors.New("unknown template")
	}
	t, err := store.Template(ctx, s.DB, workspaceID, id)
	if err != nil {
		return nil, err
	}
	return t.Items, nil
}

// SaveTemplate saves a meeting's agenda, its titles, kinds and durations
// but none of its minutes, as a template of the workspace.
func (s *Service) SaveTemplate(ctx context.Context, u *model.User, workspaceID, meetingID int64, name string) (*model.AgendaTemplate, error) {
	if err := s.require(u, workspaceID, authz.ObjTemplate, authz.ActManage); err != nil {
		return nil, err
	}
	var v apperr.Validation
	g := s.guard(ctx, s.DB, workspaceID, meetingID)
	name = g.text(ctx, &v, "name", name, true, MaxName)
	if err := g.result(&v); err != nil {
		return nil, err
	}
	var t *model.AgendaTemplate
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		m, err := store.Meeting(ctx, tx, workspaceID, meetingID)
		if err != nil {
			return err
		}
		items, err := store.Items(ctx, tx, workspaceID, meetingID)
		if err != nil {
			return err
		}
		t = &model.AgendaTemplate{WorkspaceID: workspaceID, Name: name, Kind: m.Kind, CreatedBy: u.ID, CreatedAt: time.Now().UTC()}
		for _, it := range items {
			t.Items = append(t.Items, model.TemplateItem{Title: it.Title, Kind: it.Kind, Duration: it.Duration})
		}
		if t.Items == nil {
			t.Items = []model.TemplateItem{}
		}
		if err := store.CreateTemplate(ctx, tx, t); err != nil {
			return err
		}
		return g.audit(ctx, tx, u, model.AuditObjectTemplate, t.ID)
	})
	return t, notFoundErr(err)
}
