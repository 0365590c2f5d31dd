package service

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/store"
)

// Limits on the guide's text, in characters.
const (
	MaxGuideTitle       = 200
	MaxGuideExplanation = 8000
	MaxGuideQuestions   = 4000
)

// GuideInput is an article's text in one language as an editor sent it,
// by the names of model.GuideFields, with the version the editor started
// from.
type GuideInput struct {
	Fields  map[string]string
	Version int
}

// GuideConflict refuses a save because someone else saved a newer version
// since the editor opened the form: nothing is overwritten.
type GuideConflict struct {
	// Current is the version saved meanwhile.
	Current *model.GuideText
	// Merged is what the form holds to save again, by field: the
	// editor's text where the editor changed the field, the saved text
	// where only the other did. Clashing names the fields both changed,
	// which keep the editor's text.
	Merged   map[string]string
	Clashing []string
}

func (c *GuideConflict) Error() string { return "guide: changed meanwhile" }

// GuideForEdit loads an article's text in force in lang for its edit
// form. Only reviewers and administrators edit the guide; an unknown
// article or language is not found.
func (s *Service) GuideForEdit(ctx context.Context, u *model.User, slug, lang string) (*GuideEntry, error) {
	if !s.CanEditGuide(u) {
		return nil, apperr.Forbidden()
	}
	if !i18n.Supported(lang) {
		return nil, apperr.NotFound()
	}
	return s.guideEntry(ctx, slug, lang)
}

// SaveGuideText stores in as the article's next version in lang, with who
// saved it and when. It refuses empty, over-long or invalid text with field
// errors, and a save that started from an older version than the one in
// force with a *GuideConflict. A save that changes nothing adds no version;
// changed reports whether one was added.
func (s *Service) SaveGuideText(ctx context.Context, u *model.User, slug, lang string, in GuideInput) (saved *model.GuideText, changed bool, err error) {
	entry, err := s.GuideForEdit(ctx, u, slug, lang)
	if err != nil {
		return nil, false, err
	}
	next, err := guideText(in)
	if err != nil {
		return nil, false, err
	}
	err = s.DB.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		current, err := store.GuideText(ctx, tx, entry.Article.Slug, lang)
		if err != nil {
			return err
		}
		if current.Version != in.Version {
			return s.guideConflict(ctx, tx, current, in, next)
		}
		// The guide is read in every workspace: what is typed into it is
		// checked by the privacy guard as any text is, field by field.
		g := s.guard(ctx, tx, 0, 0)
		for _, f := range model.GuideFields {
			if next.Field(f) != current.Field(f) || g.asked(f) {
				g.check(ctx, f, next.Field(f), current.Field(f), false)
			}
		}
		if err := g.result(&apperr.Validation{}); err != nil {
			return err
		}
		if sameGuideText(current, next) {
			saved = current
			return nil
		}
		next.Article, next.Lang, next.Version = current.Article, current.Lang, current.Version+1
		next.CreatedBy, next.CreatedAt = &u.ID, time.Now().UTC()
		if err := store.AddGuideVersion(ctx, tx, next); err != nil {
			return err
		}
		saved, changed = next, true
		return g.audit(ctx, tx, u, model.AuditObjectGuide, next.ID)
	})
	if errors.Is(err, store.ErrDuplicate) {
		// Someone saved the same version a moment earlier.
		current, rerr := store.GuideText(ctx, s.DB, entry.Article.Slug, lang)
		if rerr != nil {
			return nil, false, rerr
		}
		err = s.guideConflict(ctx, s.DB, current, in, next)
	}
	if err != nil {
		return nil, false, err
	}
	return saved, changed, nil
}

// guideConflict is the conflict of a save of mine, started from version
// in.Version, with current: per field, whoever changed it from that
// version wins, and where both did, the editor's text stays in the form.
func (s *Service) guideConflict(ctx context.Context, db bun.IDB, current *model.GuideText, in GuideInput, mine *model.GuideText) error {
	c := &GuideConflict{Current: current, Merged: map[string]string{}}
	base, err := store.GuideVersion(ctx, db, current.Article, current.Lang, in.Version)
	if errors.Is(err, store.ErrNotFound) {
		base = nil
	} else if err != nil {
		return err
	}
	for _, f := range model.GuideFields {
		switch {
		case base != nil && mine.Field(f) == base.Field(f):
			c.Merged[f] = current.Field(f)
		case base != nil && current.Field(f) == base.Field(f), mine.Field(f) == current.Field(f):
			c.Merged[f] = mine.Field(f)
		default:
			c.Merged[f] = mine.Field(f)
			c.Clashing = append(c.Clashing, f)
		}
	}
	return c
}

// guideText validates the fields of in: every part is needed; questions
// are kept one per line, without empty lines.
func guideText(in GuideInput) (*model.GuideText, error) {
	var v apperr.Validation
	g := new(model.GuideText)
	for _, f := range model.GuideFields {
		value := in.Fields[f]
		switch f {
		case "title":
			value = text(&v, f, value, true, MaxGuideTitle)
		case "explanation":
			value = text(&v, f, paragraphs(value), true, MaxGuideExplanation)
		default:
			value = text(&v, f, questionLines(value), true, MaxGuideQuestions)
		}
		g.SetField(f, value)
	}
	return g, v.Err()
}

// paragraphs normalises line ends and keeps at most one empty line between
// paragraphs.
func paragraphs(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// questionLines keeps one question per line, without empty lines.
func questionLines(s string) string {
	var out []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

func sameGuideText(a, b *model.GuideText) bool {
	for _, f := range model.GuideFields {
		if a.Field(f) != b.Field(f) {
			return false
		}
	}
	return true
}

// GuideHistory is an article's versions in one language, newest first,
// and what changed between two of them.
type GuideHistory struct {
	Article  model.GuideArticle
	Lang     string
	Versions []model.GuideText
	// Changed names, per version, the fields it changed from the version
	// before it; the first version changed none.
	Changed map[int][]string
	// From and To are the two versions compared; Diffs what changed
	// between them, per field.
	From, To *model.GuideText
	Diffs    []FieldDiff
}

// GuideHistoryOf lists an article's versions in lang and compares version
// from with version to; zero values compare the text in force with the
// version before it. An unknown article, language or version is not
// found. Only the guide's editors read its history.
func (s *Service) GuideHistoryOf(ctx context.Context, u *model.User, slug, lang string, from, to int) (*GuideHistory, error) {
	if !s.CanEditGuide(u) {
		return nil, apperr.Forbidden()
	}
	a, ok := model.GuideArticleBySlug(slug)
	if !ok || !i18n.Supported(lang) {
		return nil, apperr.NotFound()
	}
	versions, err := store.GuideVersions(ctx, s.DB, a.Slug, lang)
	if err != nil {
		return nil, err
	}
	if len(versions) == 0 {
		return nil, apperr.NotFound()
	}
	h := &GuideHistory{Article: a, Lang: lang, Versions: versions, Changed: map[int][]string{}}
	for i := 0; i+1 < len(versions); i++ {
		h.Changed[versions[i].Version] = changedFields(&versions[i+1], &versions[i])
	}
	find := func(n int) *model.GuideText {
		for i := range versions {
			if versions[i].Version == n {
				return &versions[i]
			}
		}
		return nil
	}
	if to == 0 {
		to = versions[0].Version
	}
	if from == 0 {
		from = max(to-1, 1)
	}
	if from > to {
		from, to = to, from
	}
	if h.From, h.To = find(from), find(to); h.From == nil || h.To == nil {
		return nil, apperr.NotFound()
	}
	h.Diffs = GuideDiff(h.From, h.To)
	return h, nil
}

// changedFields names the fields that differ between two versions.
func changedFields(before, after *model.GuideText) []string {
	var out []string
	for _, f := range model.GuideFields {
		if before.Field(f) != after.Field(f) {
			out = append(out, f)
		}
	}
	return out
}

// GuideDiff compares two texts of an article field by field.
func GuideDiff(before, after *model.GuideText) []FieldDiff {
	out := make([]FieldDiff, 0, len(model.GuideFields))
	for _, f := range model.GuideFields {
		out = append(out, FieldDiff{Field: f, Changed: before.Field(f) != after.Field(f), Segments: TextDiff(before.Field(f), after.Field(f))})
	}
	return out
}

// GuideInputText is what an editor sent as a text, for comparing it with
// the version saved meanwhile.
func GuideInputText(in GuideInput) *model.GuideText {
	g := new(model.GuideText)
	for _, f := range model.GuideFields {
		g.SetField(f, in.Fields[f])
	}
	return g
}
