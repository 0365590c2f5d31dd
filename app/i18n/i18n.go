// Package i18n loads Schakel's messages (Dutch first, English too) and gives
// templates and handlers a translator per request.
package i18n

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.toml
var locales embed.FS

// Languages Schakel speaks, the default first.
var Languages = []string{"nl", "en"}

// Default is the language of a visitor who has chosen none.
const Default = "nl"

// Supported reports whether Schakel speaks lang.
func Supported(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// Bundle holds every message in every language.
type Bundle struct {
	bundle      *goi18n.Bundle
	ids         map[string]map[string]bool
	translators map[string]*Translator
}

// Load reads the embedded message files.
func Load() (*Bundle, error) {
	b := goi18n.NewBundle(language.Dutch)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	ids := map[string]map[string]bool{}
	for _, lang := range Languages {
		// A language's messages are in locales/LANG.toml and, per part of
		// the product, in locales/PART.LANG.toml.
		files, err := fs.Glob(locales, "locales/*"+lang+".toml")
		if err != nil {
			return nil, err
		}
		ids[lang] = map[string]bool{}
		for _, f := range files {
			if base := path.Base(f); base != lang+".toml" && !strings.HasSuffix(base, "."+lang+".toml") {
				continue
			}
			mf, err := b.LoadMessageFileFS(locales, f)
			if err != nil {
				return nil, fmt.Errorf("messages %s: %w", f, err)
			}
			for _, m := range mf.Messages {
				if ids[lang][m.ID] {
					return nil, fmt.Errorf("messages %s: %q is defined twice", f, m.ID)
				}
				ids[lang][m.ID] = true
			}
		}
	}
	bundle := &Bundle{bundle: b, ids: ids, translators: map[string]*Translator{}}
	for _, lang := range Languages {
		bundle.translators[lang] = &Translator{Lang: lang, loc: goi18n.NewLocalizer(b, lang)}
	}
	return bundle, nil
}

// MessageIDs returns the ids of the messages of one language.
func (b *Bundle) MessageIDs(lang string) map[string]bool { return b.ids[lang] }

// Translator gives the messages of one language; an unsupported language
// gets the default. Translators are made once and shared.
func (b *Bundle) Translator(lang string) *Translator {
	if t, ok := b.translators[lang]; ok {
		return t
	}
	return b.translators[Default]
}

// Translator localises messages for one request.
type Translator struct {
	// Lang is the language code, for the html lang attribute.
	Lang string
	loc  *goi18n.Localizer
}

// Get returns the message id in the translator's language. The optional
// arguments are key, value pairs for the message's template, such as
// Get("workspaces.members", "Count", 3); a "Count" also picks the plural form.
func (t *Translator) Get(id string, args ...any) string {
	cfg := &goi18n.LocalizeConfig{MessageID: id}
	if len(args) > 0 {
		data := map[string]any{}
		for i := 0; i+1 < len(args); i += 2 {
			key := fmt.Sprint(args[i])
			data[key] = args[i+1]
			if key == "Count" {
				cfg.PluralCount = args[i+1]
			}
		}
		cfg.TemplateData = data
	}
	s, err := t.loc.Localize(cfg)
	if err != nil {
		slog.Warn("missing message", "id", id, "lang", t.Lang, "err", err)
		return id
	}
	return s
}

// Has reports whether a message exists, for looking up optional texts such
// as the name of an enum value.
func (t *Translator) Has(id string) bool {
	_, err := t.loc.Localize(&goi18n.LocalizeConfig{MessageID: id})
	return err == nil
}

// Enum returns the message for one value of an enum: Enum("role", "editor")
// reads "role.editor".
func (t *Translator) Enum(prefix string, value any) string {
	v := fmt.Sprint(value)
	if v == "" {
		v = "none"
	}
	return t.Get(prefix + "." + strings.ToLower(v))
}

type contextKey struct{}

// NewContext returns a context that carries the translator, for the views
// to read their messages from.
func NewContext(ctx context.Context, t *Translator) context.Context {
	return context.WithValue(ctx, contextKey{}, t)
}

// FromContext returns the translator the context carries; a context without
// one gets no translator, and callers treat that as a programming error.
func FromContext(ctx context.Context) *Translator {
	t, _ := ctx.Value(contextKey{}).(*Translator)
	return t
}

// amsterdam is the time zone in which Schakel shows times.
var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// Amsterdam returns the time zone in which Schakel shows times.
func Amsterdam() *time.Location { return amsterdam }

// Date writes a YYYY-MM-DD date as "15 maart 2027" (or "15 March 2027");
// anything else is shown as it is.
func (t *Translator) Date(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return strconv.Itoa(d.Day()) + " " + t.Get("month."+strconv.Itoa(int(d.Month()))) + " " + strconv.Itoa(d.Year())
}

// Moment writes a moment as "28 november 2026, 16:56", Dutch time.
func (t *Translator) Moment(at time.Time) string {
	at = at.In(amsterdam)
	return t.Date(at.Format(time.DateOnly)) + ", " + at.Format("15:04")
}
