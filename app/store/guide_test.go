package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/store"
	"schakel/app/testkit"
)

// The Dutch titles of the CRC articles, as the Dutch translation of the
// Convention words them (shared/domain/README.md).
var dutchTitles = map[string]string{
	"ivrk-2": "Geen discriminatie", "ivrk-3": "Belang van het kind", "ivrk-6": "Leven en ontwikkeling",
	"ivrk-12": "Mening van het kind", "ivrk-16": "Privacy", "ivrk-19": "Bescherming tegen geweld",
	"ivrk-32": "Economische uitbuiting (kinderarbeid)", "ivrk-34": "Seksuele uitbuiting en seksueel misbruik",
	"ivrk-35": "Ontvoering, verkoop van en handel in kinderen", "ivrk-36": "Andere vormen van uitbuiting",
	"ivrk-39": "Herstel en re-integratie",
}

func TestGuideMigrationSeedsEveryArticleInBothLanguages(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		ctx := context.Background()
		n, err := db.NewSelect().Model((*model.GuideText)(nil)).Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(model.GuideArticles) * len(i18n.Languages); n != want {
			t.Errorf("%d texts, want %d: every article in every language, once", n, want)
		}
		byLang := map[string]map[string]model.GuideText{}
		for _, lang := range i18n.Languages {
			list, err := store.GuideTexts(ctx, db, lang)
			if err != nil {
				t.Fatal(err)
			}
			byLang[lang] = map[string]model.GuideText{}
			for _, g := range list {
				byLang[lang][g.Article] = g
			}
			for _, a := range model.GuideArticles {
				g, ok := byLang[lang][a.Slug]
				if !ok {
					t.Errorf("%s has no %s text", a.Slug, lang)
					continue
				}
				if g.Version != 1 || g.CreatedBy != nil {
					t.Errorf("%s (%s): version %d by %v, want the first version, by nobody", a.Slug, lang, g.Version, g.CreatedBy)
				}
				for _, f := range model.GuideFields {
					if strings.TrimSpace(g.Field(f)) == "" {
						t.Errorf("%s (%s): %s is empty", a.Slug, lang, f)
					}
				}
				if paragraphs := strings.Split(g.Explanation, "\n\n"); len(paragraphs) < 2 {
					t.Errorf("%s (%s): the explanation has %d paragraph(s)", a.Slug, lang, len(paragraphs))
				}
				for _, p := range model.GuidePillars {
					for _, q := range strings.Split(g.Field(p.Field), "\n") {
						if !strings.HasSuffix(q, "?") {
							t.Errorf("%s (%s), %s: %q is no question", a.Slug, lang, p.Theme, q)
						}
					}
				}
			}
		}
		for slug, title := range dutchTitles {
			if got := byLang["nl"][slug].Title; got != title {
				t.Errorf("%s: Dutch title %q, want %q", slug, got, title)
			}
		}
		for _, a := range model.GuideArticles {
			nl, en := byLang["nl"][a.Slug], byLang["en"][a.Slug]
			if nl.Explanation == en.Explanation || nl.Care == en.Care {
				t.Errorf("%s: the English text is the Dutch one", a.Slug)
			}
			if strings.Contains(nl.Explanation, "loverboy") || strings.Contains(en.Explanation, "loverboy") {
				t.Errorf("%s: says loverboy, which Dutch policy dropped", a.Slug)
			}
		}
	})
}
