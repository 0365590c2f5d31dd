package views

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
)

// GuideIndex is the guide's index page.
type GuideIndex struct {
	Entries []service.GuideEntry
	// CanEdit says the reader edits the guide.
	CanEdit bool
}

// GuideEdit is the form that edits one article in one language.
type GuideEdit struct {
	Entry service.GuideEntry
	Lang  string
	// Values are the form's values by field; Version is the version the
	// save starts from.
	Values  map[string]string
	Version int
	// Errors are the message ids of the fields' errors; Guard the privacy
	// guard's answers on them.
	Errors map[string]string
	Guard  service.GuardedFields
	// Conflict, if set, is the version saved meanwhile and how the
	// editor's text differs from it.
	Conflict *GuideConflict
}

// GuideConflict is a version someone else saved while the editor edited,
// with the differences from it to the editor's text.
type GuideConflict struct {
	Current *model.GuideText
	// Clashing names the fields both changed.
	Clashing []string
	Diffs    []service.FieldDiff
}

// GuidePath is the page of the guide's article with the slug.
func GuidePath(slug string) string { return "/guide/" + slug }

// GuideLabel names an article by its instrument and number, such as
// "IVRK art. 12".
func GuideLabel(t *i18n.Translator, a model.GuideArticle) string {
	return t.Get("guide.label."+string(a.Instrument), "Number", a.Number)
}

func guideLabel(ctx context.Context, a model.GuideArticle) string {
	return GuideLabel(i18n.FromContext(ctx), a)
}

// guideHeading is an article's label with its title.
func guideHeading(ctx context.Context, e service.GuideEntry) string {
	return guideLabel(ctx, e.Article) + " — " + e.Text.Title
}

// guideParagraphs splits an explanation into its paragraphs.
func guideParagraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// guideLines splits questions into one per line.
func guideLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// guideSection lists the entries of one section of the index.
func guideSection(entries []service.GuideEntry, s model.GuideSection) []service.GuideEntry {
	var out []service.GuideEntry
	for _, e := range entries {
		if e.Article.Section() == s {
			out = append(out, e)
		}
	}
	return out
}

// guideRightLinks are the CRC articles an article lists the actions of.
func guideRights(a model.GuideArticle) []model.GuideArticle {
	out := make([]model.GuideArticle, 0, len(a.Rights))
	for _, r := range a.Rights {
		if g, ok := model.GuideArticleBySlug(model.GuideSlug(r)); ok {
			out = append(out, g)
		}
	}
	return out
}

// guideEditPath is the edit form of an article in a language.
func guideEditPath(slug, lang string) string { return GuidePath(slug) + "/" + lang + "/edit" }

// guideHistoryPath is an article's history in a language, comparing two
// versions (0 for the default).
func guideHistoryPath(slug, lang string, from, to int) string {
	q := url.Values{"lang": {lang}}
	if from > 0 {
		q.Set("from", strconv.Itoa(from))
	}
	if to > 0 {
		q.Set("to", strconv.Itoa(to))
	}
	return GuidePath(slug) + "/history?" + q.Encode()
}

// guideFieldRows is the height of a field's text area.
func guideFieldRows(field string) string {
	if field == "explanation" {
		return "14"
	}
	return "5"
}

// guidePillarTheme is the pillar of a field of questions.
func guidePillarTheme(field string) model.Theme {
	for _, p := range model.GuidePillars {
		if p.Field == field {
			return p.Theme
		}
	}
	return ""
}

// guideFieldLabel names a field of the guide's text.
func guideFieldLabel(ctx context.Context, field string) string {
	if t := guidePillarTheme(field); t != "" {
		return T(ctx, "guide.field.questions", "Pillar", Enum(ctx, "theme", t))
	}
	return T(ctx, "guide.field."+field)
}

// guideFieldName names a field of the guide's text shortly, in lists.
func guideFieldName(ctx context.Context, field string) string {
	if t := guidePillarTheme(field); t != "" {
		return T(ctx, "guide.field_short.questions", "Pillar", Enum(ctx, "theme", t))
	}
	return T(ctx, "guide.field_short."+field)
}

// guideAuthor names who saved a version: nobody for the first text that
// came with Schakel.
func guideAuthor(ctx context.Context, g *model.GuideText) string {
	if g.Author == nil {
		return T(ctx, "guide.history.seeded")
	}
	return PersonName(ctx, g.Author.Name)
}

// guideChanged lists a version's changed fields for people.
func guideChanged(ctx context.Context, fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = guideFieldName(ctx, f)
	}
	return strings.Join(names, ", ")
}

func langName(lang string) string {
	if lang == "en" {
		return "English"
	}
	return "Nederlands"
}

// guideDescribed ties a control to its hint and, if any, its error.
func guideDescribed(control, err string, g *service.GuardedField) templ.Attributes {
	a := guardedAttrs(control, err, g, false)
	if d, ok := a["aria-describedby"].(string); ok {
		a["aria-describedby"] = d + " " + control + "-hint"
	} else {
		a["aria-describedby"] = control + "-hint"
	}
	return a
}
