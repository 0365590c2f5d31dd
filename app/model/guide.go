package model

import (
	"strconv"
	"time"

	"github.com/uptrace/bun"
)

// Instrument is the treaty or law an article of the guide belongs to.
type Instrument string

// The instruments of the guide: the UN Convention on the Rights of the
// Child (IVRK), EU Directive 2011/36/EU on trafficking in human beings,
// and the Council of Europe's Lanzarote Convention.
const (
	InstrumentCRC       Instrument = "ivrk"
	InstrumentEU        Instrument = "eu"
	InstrumentLanzarote Instrument = "lanzarote"
)

// GuideSection groups the guide's articles on its index page.
type GuideSection string

// The sections of the guide, in the order of its index: the general
// principles first, then the articles on protection, the EU directive and
// the Lanzarote Convention.
const (
	GuidePrinciples GuideSection = "principles"
	GuideProtection GuideSection = "protection"
	GuideEU         GuideSection = "eu"
	GuideLanzarote  GuideSection = "lanzarote"
)

// GuideSections lists the sections in the order of the index.
var GuideSections = []GuideSection{GuidePrinciples, GuideProtection, GuideEU, GuideLanzarote}

// GuideArticle is one article of the children's-rights guide (leidraad).
type GuideArticle struct {
	// Slug names the article in addresses and in the guide's tables:
	// "ivrk-12", "eu-13", "lanzarote".
	Slug       string
	Instrument Instrument
	// Number is the article's number; 0 for the Lanzarote Convention,
	// which the guide treats as a whole.
	Number int
	// Rights are the CRC articles whose actions the article's page lists.
	// Actions are tagged with CRC articles only, so an article of the EU
	// directive or the Lanzarote Convention lists the actions of the CRC
	// articles it works out for a particular situation.
	Rights []Right
}

// Section is the part of the guide the article is listed under.
func (a GuideArticle) Section() GuideSection {
	switch a.Instrument {
	case InstrumentEU:
		return GuideEU
	case InstrumentLanzarote:
		return GuideLanzarote
	}
	if Right(a.Number).GeneralPrinciple() {
		return GuidePrinciples
	}
	return GuideProtection
}

// Elaborates reports whether the article is one of another instrument
// that lists the actions of the CRC articles it works out.
func (a GuideArticle) Elaborates() bool { return a.Instrument != InstrumentCRC }

// GuideSlug is the slug of the guide's article on CRC article r.
func GuideSlug(r Right) string { return string(InstrumentCRC) + "-" + strconv.Itoa(int(r)) }

func crcArticle(n int) GuideArticle {
	return GuideArticle{Slug: GuideSlug(Right(n)), Instrument: InstrumentCRC, Number: n, Rights: []Right{Right(n)}}
}

// GuideArticles are the guide's articles in the order of its index: every
// CRC article an action can serve (Rights), the child-specific articles
// of EU Directive 2011/36/EU (13 to 16) and the Lanzarote Convention.
var GuideArticles = func() []GuideArticle {
	var list []GuideArticle
	for _, r := range Rights {
		list = append(list, crcArticle(int(r)))
	}
	return append(list,
		// Assistance and support, the child's best interests first:
		// art. 3 and the recovery of art. 39.
		GuideArticle{Slug: "eu-13", Instrument: InstrumentEU, Number: 13, Rights: []Right{3, 39}},
		// An individual assessment that weighs the child's views: art. 3
		// and 12.
		GuideArticle{Slug: "eu-14", Instrument: InstrumentEU, Number: 14, Rights: []Right{3, 12}},
		// Child-friendly criminal proceedings: the child heard (art. 12),
		// its privacy kept (art. 16), its recovery (art. 39).
		GuideArticle{Slug: "eu-15", Instrument: InstrumentEU, Number: 15, Rights: []Right{12, 16, 39}},
		// Unaccompanied children: every child alike (art. 2), best
		// interests (art. 3), protection from trafficking (art. 35).
		GuideArticle{Slug: "eu-16", Instrument: InstrumentEU, Number: 16, Rights: []Right{2, 3, 35}},
		// Sexual exploitation and abuse: prevention and protection (art.
		// 19 and 34) and recovery (art. 39).
		GuideArticle{Slug: "lanzarote", Instrument: InstrumentLanzarote, Rights: []Right{19, 34, 39}},
	)
}()

// GuideArticleBySlug finds an article of the guide by its slug.
func GuideArticleBySlug(slug string) (GuideArticle, bool) {
	for _, a := range GuideArticles {
		if a.Slug == slug {
			return a, true
		}
	}
	return GuideArticle{}, false
}

// GuideText is one version of one article of the guide in one language:
// its title, a plain-language explanation of what the article asks of a
// municipality, and practical questions per pillar, one per line. Every
// save adds a version; none is ever changed, so the rows are the history.
type GuideText struct {
	bun.BaseModel `bun:"table:guide_versions"`

	ID            int64     `bun:"id,pk,autoincrement"`
	Article       string    `bun:"article,notnull"`
	Lang          string    `bun:"lang,notnull"`
	Version       int       `bun:"version,notnull"`
	Title         string    `bun:"title,notnull"`
	Explanation   string    `bun:"explanation,notnull"`
	Prevention    string    `bun:"prevention,notnull"`
	Signalling    string    `bun:"signalling,notnull"`
	Investigation string    `bun:"investigation,notnull"`
	Care          string    `bun:"care,notnull"`
	CreatedBy     *int64    `bun:"created_by"`
	Author        *User     `bun:"rel:belongs-to,join:created_by=id"`
	CreatedAt     time.Time `bun:"created_at,notnull"`
}

// GuideFields are the parts of an article's text, in the order of its
// page and its edit form.
var GuideFields = []string{"title", "explanation", "prevention", "signalling", "investigation", "care"}

// GuidePillars pairs the fields of practical questions with their pillar.
var GuidePillars = []struct {
	Field string
	Theme Theme
}{
	{"prevention", ThemePrevention}, {"signalling", ThemeSignalling},
	{"investigation", ThemeInvestigation}, {"care", ThemeCare},
}

// Field returns one part of the text by its name in GuideFields.
func (g *GuideText) Field(name string) string {
	switch name {
	case "title":
		return g.Title
	case "explanation":
		return g.Explanation
	case "prevention":
		return g.Prevention
	case "signalling":
		return g.Signalling
	case "investigation":
		return g.Investigation
	case "care":
		return g.Care
	}
	return ""
}

// SetField sets one part of the text by its name in GuideFields.
func (g *GuideText) SetField(name, value string) {
	switch name {
	case "title":
		g.Title = value
	case "explanation":
		g.Explanation = value
	case "prevention":
		g.Prevention = value
	case "signalling":
		g.Signalling = value
	case "investigation":
		g.Investigation = value
	case "care":
		g.Care = value
	}
}
