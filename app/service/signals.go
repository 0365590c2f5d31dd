package service

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/model"
	"schakel/app/store"
)

// MaxSignal is the longest description of a signal, in characters: a
// signal is short.
const MaxSignal = 1000

// SignalInput is a signal for national policy as typed.
type SignalInput struct {
	Source      model.SignalSource
	SourceID    int64
	Bottleneck  model.Bottleneck
	Theme       model.Theme
	Description string
}

// CanSignal reports whether the user marks signals for national policy in
// the workspace (coordinators, editors, contributors).
func (s *Service) CanSignal(u *model.User, workspaceID int64) bool {
	return s.Authz.Can(u, workspaceID, authz.ObjSignal, authz.ActWrite)
}

// signalSource loads what a signal is raised on within the workspace: an
// outcome, an action or an advice; another workspace's, or one that is
// gone, is not found. It returns the source's title and page, and the
// theme it suggests (an action's).
func signalSource(ctx context.Context, db bun.IDB, workspaceID int64, source model.SignalSource, id int64) (*SubjectRef, model.Theme, error) {
	ws := "/workspaces/" + idStr(workspaceID)
	switch source {
	case model.SignalFromOutcome:
		o, err := store.Outcome(ctx, db, workspaceID, id)
		if err != nil {
			return nil, "", notFoundErr(err)
		}
		return &SubjectRef{ID: id, Title: o.Text, Path: ws + "/meetings/" + idStr(o.MeetingID) + "#item-" + idStr(o.ItemID), MeetingID: o.MeetingID}, "", nil
	case model.SignalFromAction:
		a, err := store.Action(ctx, db, workspaceID, id)
		if err != nil || a.DeletedAt != nil {
			return nil, "", apperr.NotFound()
		}
		return &SubjectRef{Subject: model.SubjectAction, ID: id, Title: a.Title, Path: ws + "/actions/" + idStr(id), MeetingID: idOrZero(a.MeetingID)}, a.Theme, nil
	case model.SignalFromAdvice:
		c, err := store.Comment(ctx, db, workspaceID, id)
		if err != nil || c.DeletedAt != nil || !c.IsAdvice() || c.ParentID != nil {
			return nil, "", apperr.NotFound()
		}
		on, err := subjectRef(ctx, db, workspaceID, c.Subject, c.SubjectID)
		if err != nil {
			return nil, "", err
		}
		path := on.Path
		if i := strings.IndexByte(path, '#'); i >= 0 {
			path = path[:i]
		}
		return &SubjectRef{ID: id, Title: excerpt(c.Body, 120), Path: path + "#comment-" + idStr(id), MeetingID: on.MeetingID}, "", nil
	}
	return nil, "", apperr.NotFound()
}

// excerpt is the start of s, at most n characters, with an ellipsis when
// cut.
func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// SignalSource is what a new signal would be raised on, for its form:
// another workspace's source, or one that is gone, is not found.
func (s *Service) SignalSource(ctx context.Context, u *model.User, workspaceID int64, source model.SignalSource, id int64) (*SubjectRef, model.Theme, error) {
	if err := s.require(u, workspaceID, authz.ObjSignal, authz.ActWrite); err != nil {
		return nil, "", err
	}
	if !source.Valid() {
		return nil, "", apperr.NotFound()
	}
	return signalSource(ctx, s.DB, workspaceID, source, id)
}

// AddSignal marks an outcome, action or advice as a signal for national
// policy.
func (s *Service) AddSignal(ctx context.Context, u *model.User, workspaceID int64, in SignalInput) (*model.Signal, error) {
	if err := s.require(u, workspaceID, authz.ObjSignal, authz.ActWrite); err != nil {
		return nil, err
	}
	var v apperr.Validation
	if !in.Source.Valid() {
		v.Add("source", "signals.error.source")
	}
	if !in.Bottleneck.Valid() {
		v.Add("bottleneck", "validation.choice")
	}
	if !model.FrameworkBoth.Has(in.Theme) {
		v.Add("theme", "validation.choice")
	}
	sig := &model.Signal{
		WorkspaceID: workspaceID, Source: in.Source, SourceID: in.SourceID, Bottleneck: in.Bottleneck, Theme: in.Theme,
		Description: text(&v, "description", in.Description, true, MaxSignal), CreatedBy: u.ID, CreatedAt: time.Now().UTC(),
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		src, _, err := signalSource(ctx, tx, workspaceID, in.Source, in.SourceID)
		if err != nil {
			return err
		}
		// A signal goes to national policy: it is about the chain, never
		// about a child.
		g := s.guard(ctx, tx, workspaceID, src.MeetingID)
		g.check(ctx, "description", sig.Description, "", false)
		if err := g.result(&v); err != nil {
			return err
		}
		if err := store.CreateSignal(ctx, tx, sig); err != nil {
			return err
		}
		return g.audit(ctx, tx, u, model.AuditObjectSignal, sig.ID)
	})
	if err != nil {
		return nil, err
	}
	return sig, nil
}

// WithdrawSignal withdraws a signal of the workspace.
func (s *Service) WithdrawSignal(ctx context.Context, u *model.User, workspaceID, id int64) error {
	if err := s.require(u, workspaceID, authz.ObjSignal, authz.ActWrite); err != nil {
		return err
	}
	return s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		sig, err := store.Signal(ctx, tx, workspaceID, id)
		if err != nil {
			return notFoundErr(err)
		}
		return store.WithdrawSignal(ctx, tx, sig, time.Now().UTC())
	})
}

// SignalQuery narrows the list of signals to a bottleneck and a
// workspace; empty and 0 mean all.
type SignalQuery struct {
	Bottleneck  string
	WorkspaceID int64
}

// SignalEntry is one signal as the list shows it: its source, the
// workspace's name and whether the user may withdraw it.
type SignalEntry struct {
	Signal      model.Signal
	Workspace   string
	Source      *SubjectRef
	CanWithdraw bool
}

// SignalGroup is the signals on one theme.
type SignalGroup struct {
	Theme   model.Theme
	Signals []SignalEntry
}

// SignalList is the list of signals across workspaces.
type SignalList struct {
	Groups []SignalGroup
	// Workspaces are the workspaces the user may read, for the filter.
	Workspaces []model.Workspace
	Total      int
}

// Signals lists the signals of every workspace the user may read (all of
// them for Defence for Children's reviewers), grouped by theme. A guest
// reads no workspace and sees none; no signal carries case material.
func (s *Service) Signals(ctx context.Context, u *model.User, q SignalQuery) (*SignalList, error) {
	var v apperr.Validation
	if q.Bottleneck != "" && !model.Bottleneck(q.Bottleneck).Valid() {
		v.Add("bottleneck", "validation.choice")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	all, err := s.Workspaces(ctx, u)
	if err != nil {
		return nil, err
	}
	out := &SignalList{}
	names := map[int64]string{}
	var readable []int64
	for _, w := range all {
		if s.Authz.Can(u, w.ID, authz.ObjWorkspace, authz.ActRead) {
			readable = append(readable, w.ID)
			names[w.ID] = w.Name
			out.Workspaces = append(out.Workspaces, w.Workspace)
		}
	}
	if q.WorkspaceID != 0 && names[q.WorkspaceID] == "" {
		return nil, apperr.NotFound()
	}
	list, err := store.Signals(ctx, s.DB, store.SignalFilter{Workspaces: readable, Bottleneck: model.Bottleneck(q.Bottleneck), WorkspaceID: q.WorkspaceID})
	if err != nil {
		return nil, err
	}
	entries := make([]SignalEntry, 0, len(list))
	for _, sig := range list {
		src, _, err := signalSource(ctx, s.DB, sig.WorkspaceID, sig.Source, sig.SourceID)
		if IsNotFound(err) {
			src = nil
		} else if err != nil {
			return nil, err
		}
		entries = append(entries, SignalEntry{Signal: sig, Workspace: names[sig.WorkspaceID], Source: src, CanWithdraw: s.CanSignal(u, sig.WorkspaceID)})
	}
	out.Total = len(entries)
	groupByTheme(entries, func(e SignalEntry) model.Theme { return e.Signal.Theme }, func(t model.Theme, list []SignalEntry) {
		out.Groups = append(out.Groups, SignalGroup{Theme: t, Signals: list})
	})
	return out, nil
}
