package service

import (
	"context"
	"errors"
	"net/http"

	"schakel/app/apperr"
	"schakel/app/authz"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/store"
)

// GuideEntry is one article of the children's-rights guide with its text
// in force in one language.
type GuideEntry struct {
	Article model.GuideArticle
	Text    *model.GuideText
}

// GuideArticleView is an article's page: its text, and the actions that
// serve it in the workspaces the reader may see, by workspace.
type GuideArticleView struct {
	GuideEntry
	Workspaces []GuideWorkspace
	// CanEdit offers the edit forms and the history.
	CanEdit bool
}

// GuideWorkspace is a workspace with its actions that serve an article.
type GuideWorkspace struct {
	Workspace model.Workspace
	Actions   []store.ActionOfPlan
}

// guideLang is the language the guide is read in: lang when Schakel
// speaks it, else the default.
func guideLang(lang string) string {
	if i18n.Supported(lang) {
		return lang
	}
	return i18n.Default
}

// requireAccount refuses a request without an account; the guide is for
// everyone who is signed in.
func requireAccount(u *model.User) error {
	if u == nil || u.Disabled() {
		return apperr.New(http.StatusUnauthorized, "error.signin_required")
	}
	return nil
}

// Guide lists every article of the guide with its text in lang, in the
// order of its index.
func (s *Service) Guide(ctx context.Context, u *model.User, lang string) ([]GuideEntry, error) {
	if err := requireAccount(u); err != nil {
		return nil, err
	}
	texts, err := store.GuideTexts(ctx, s.DB, guideLang(lang))
	if err != nil {
		return nil, err
	}
	bySlug := make(map[string]*model.GuideText, len(texts))
	for i := range texts {
		bySlug[texts[i].Article] = &texts[i]
	}
	out := make([]GuideEntry, 0, len(model.GuideArticles))
	for _, a := range model.GuideArticles {
		if t := bySlug[a.Slug]; t != nil {
			out = append(out, GuideEntry{Article: a, Text: t})
		}
	}
	return out, nil
}

// GuideArticle loads one article of the guide in lang with the actions
// that serve it in the workspaces u may see: every workspace for a
// reviewer or administrator, a member's own workspaces, none for a guest.
// An unknown article is not found.
func (s *Service) GuideArticle(ctx context.Context, u *model.User, slug, lang string) (*GuideArticleView, error) {
	if err := requireAccount(u); err != nil {
		return nil, err
	}
	entry, err := s.guideEntry(ctx, slug, guideLang(lang))
	if err != nil {
		return nil, err
	}
	v := &GuideArticleView{GuideEntry: *entry, CanEdit: s.CanEditGuide(u)}
	visible, err := s.Workspaces(ctx, u)
	if err != nil {
		return nil, err
	}
	var ids []int64
	byID := map[int64]model.Workspace{}
	for _, w := range visible {
		// The plans of a workspace are what the actions belong to; ask
		// for them, as the plan pages do.
		if s.Authz.Can(u, w.ID, authz.ObjPlan, authz.ActRead) {
			ids = append(ids, w.ID)
			byID[w.ID] = w.Workspace
		}
	}
	actions, err := store.ActionsServing(ctx, s.DB, ids, entry.Article.Rights)
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		if n := len(v.Workspaces); n == 0 || v.Workspaces[n-1].Workspace.ID != a.WorkspaceID {
			v.Workspaces = append(v.Workspaces, GuideWorkspace{Workspace: byID[a.WorkspaceID]})
		}
		last := &v.Workspaces[len(v.Workspaces)-1]
		last.Actions = append(last.Actions, a)
	}
	return v, nil
}

// guideEntry loads an article and its text in force in lang.
func (s *Service) guideEntry(ctx context.Context, slug, lang string) (*GuideEntry, error) {
	a, ok := model.GuideArticleBySlug(slug)
	if !ok {
		return nil, apperr.NotFound()
	}
	t, err := store.GuideText(ctx, s.DB, a.Slug, lang)
	if errors.Is(err, store.ErrNotFound) {
		return nil, apperr.NotFound()
	}
	if err != nil {
		return nil, err
	}
	return &GuideEntry{Article: a, Text: t}, nil
}

// CanEditGuide reports whether u may edit the guide's text: Defence for
// Children's reviewers and the administrators.
func (s *Service) CanEditGuide(u *model.User) bool {
	return s.Authz.CanPlatform(u, authz.ObjGuide, authz.ActEdit)
}
