package service

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/uptrace/bun"

	"schakel/app/apperr"
	"schakel/app/casus"
	"schakel/app/model"
	"schakel/app/store"
)

// The privacy guard on what people type. Every free-text field that others
// read (titles, notes, minutes, outcomes, descriptions, comments, advice,
// reviews, signals, guests, imports) goes through guard.text or
// guard.check, which ask casus.Check what in it could give someone away,
// and answer in two tiers:
//
//   - a certain identifier (a BSN, a date, an address with a number, …)
//     is refused in every field;
//   - a probable one (a name, initials, a school, …) is held back with a
//     warning that shows it masked; the writer removes it, has it
//     pseudonymised, or confirms that it identifies nobody, and the
//     confirmation is written to the audit log by kind.
//
// Case notes refuse both tiers. What is refused or held back is stored
// nowhere: not in the table, the change history, the log or a live push.

// GuardAnswers are a writer's answers to the guard, sent with a form. They
// travel in the request's context (WithGuardAnswers), so that every write
// hears them whatever its signature; a write without them is a first try.
type GuardAnswers struct {
	// Confirmed maps a form field to the confirmation sent for it: the
	// writer saw the warning of the field's probable identifiers and
	// confirmed that they identify nobody. It covers the identifiers the
	// warning showed, and no other.
	Confirmed map[string]string
	// Pseudonymise names the field whose identifiers the writer asked
	// Schakel to replace with placeholders: the form comes back with the
	// new text to review, and nothing is saved.
	Pseudonymise string
	// Lang is the language of the placeholders ("nl" or "en").
	Lang string
}

type guardAnswersKey struct{}

type acceptedTextKey struct{}

// withAcceptedText returns ctx in which the probable identifiers of text
// pass the guard without a confirmation: text is a value that was saved
// before, with them accepted then, and is now put back.
func withAcceptedText(ctx context.Context, text string) context.Context {
	return context.WithValue(ctx, acceptedTextKey{}, text)
}

// WithGuardAnswers returns ctx carrying the writer's answers to the guard.
func WithGuardAnswers(ctx context.Context, a GuardAnswers) context.Context {
	return context.WithValue(ctx, guardAnswersKey{}, a)
}

func guardAnswersFrom(ctx context.Context) GuardAnswers {
	a, _ := ctx.Value(guardAnswersKey{}).(GuardAnswers)
	return a
}

// GuardFinding is one identifier the guard found, as it may be shown: its
// kind and its text masked ("S•••e"), never the text itself.
type GuardFinding struct {
	Kind   casus.Kind
	Masked string
}

// GuardedField is the guard's answer on one field of a form.
type GuardedField struct {
	// Field is the form field, as the validation names it ("title",
	// "value", "body", …).
	Field    string
	Findings []GuardFinding
	// Refused says that the text cannot be saved as it is: it holds a
	// certain identifier, or the field (case notes) takes no probable
	// ones either. Otherwise the findings are probable and may be
	// confirmed by sending Confirmation back.
	Refused bool
	// Strict says that the field refuses both tiers (case notes).
	Strict bool
	// Confirmation is the value that confirms the probable findings
	// shown, and only those; "" when refused.
	Confirmation string
	// Review says that the writer asked for pseudonymisation: Value is
	// the text with Replaced identifiers replaced by placeholders, to be
	// reviewed and saved by the writer.
	Review   bool
	Value    string
	Replaced int
}

// Identifying is a write the guard held back: a field holds an identifier,
// or its writer asked for pseudonymisation. It names kinds, never text.
type Identifying struct {
	Fields []*GuardedField
}

func (e *Identifying) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		kinds := make([]string, 0, len(f.Findings))
		for _, x := range f.Findings {
			kinds = append(kinds, string(x.Kind))
		}
		parts = append(parts, f.Field+": "+strings.Join(kinds, ","))
	}
	return "held back by the privacy guard: " + strings.Join(parts, "; ")
}

// GuardedFields are the guard's answers by form field.
type GuardedFields map[string]*GuardedField

// Guarded returns what the guard said about each field of a write it held
// back, or nil when err is no such refusal.
func Guarded(err error) GuardedFields {
	e, ok := apperr.As(err)
	if !ok {
		return nil
	}
	var id *Identifying
	if !errors.As(e.Err, &id) {
		return nil
	}
	out := GuardedFields{}
	for _, f := range id.Fields {
		out[f.Field] = f
	}
	return out
}

// guard checks the free text of one write. It is made for the write's
// workspace and, for what belongs to a meeting, that meeting, whose guests'
// names it looks for too; db is what the write reads with (its
// transaction, when it runs in one).
type guard struct {
	s                      *Service
	db                     bun.IDB
	workspaceID, meetingID int64
	answers                GuardAnswers

	// accepted is a text put back whose probable findings pass.
	accepted string

	names []string
	// places are the words of the names of workspaces, regions and
	// organisations, in lower case: a name found that is made of them
	// only is a place or an organisation, not a person.
	places map[string]bool
	loaded bool
	failed error
	held   []*GuardedField
	// confirmed are the kinds of the probable findings the writer
	// confirmed, for the audit log.
	confirmed []casus.Kind
}

func (s *Service) guard(ctx context.Context, db bun.IDB, workspaceID, meetingID int64) *guard {
	g := &guard{s: s, db: db, workspaceID: workspaceID, meetingID: meetingID, answers: guardAnswersFrom(ctx)}
	g.accepted, _ = ctx.Value(acceptedTextKey{}).(string)
	return g
}

// text is text() for free text that others read: trimmed and checked for
// length, then checked by the guard.
func (g *guard) text(ctx context.Context, v *apperr.Validation, field, s string, required bool, max int) string {
	s = text(v, field, s, required, max)
	g.check(ctx, field, s, "", false)
	return s
}

// asked reports whether the writer asked for field to be pseudonymised.
func (g *guard) asked(field string) bool { return g.answers.asked(field) }

// check runs the guard over value, the text of field. Probable findings
// that before (the field's stored text) already holds were accepted when
// it was saved, and pass; strict fields refuse both tiers, whatever
// before holds. It returns the field's answer when the write must not go
// on, and nil when it may.
func (g *guard) check(ctx context.Context, field, value, before string, strict bool) *GuardedField {
	if strings.TrimSpace(value) == "" && !g.asked(field) {
		g.release(field)
		return nil
	}
	names, err := g.knownNames(ctx)
	if err != nil {
		g.failed = err
		return nil
	}
	return g.checkFound(field, value, g.find(value, names), before, strict)
}

// checkFound is check with the findings in hand.
func (g *guard) checkFound(field, value string, found []casus.Finding, before string, strict bool) *GuardedField {
	if g.asked(field) {
		out := casus.Pseudonymise(value, found, g.answers.Lang)
		return g.hold(&GuardedField{Field: field, Review: true, Value: out, Replaced: len(found)})
	}
	if len(found) == 0 {
		g.release(field)
		return nil
	}
	refused := strict || slices.ContainsFunc(found, func(f casus.Finding) bool { return f.Tier() == casus.Certain })
	if !refused {
		sent := strings.Split(g.answers.Confirmed[field], ".")
		var accepted []string
		for _, known := range []string{before, g.accepted} {
			if known == "" {
				continue
			}
			for _, f := range g.find(known, g.names) {
				accepted = append(accepted, g.digest(f))
			}
		}
		var kinds []casus.Kind
		all := true
		for _, f := range found {
			switch d := g.digest(f); {
			case slices.Contains(sent, d):
				kinds = append(kinds, f.Kind)
			case slices.Contains(accepted, d):
			default:
				all = false
			}
		}
		if all {
			g.release(field)
			g.confirmed = append(g.confirmed, kinds...)
			return nil
		}
	}
	h := &GuardedField{Field: field, Refused: refused, Strict: strict}
	digests := make([]string, 0, len(found))
	for _, f := range found {
		h.Findings = append(h.Findings, GuardFinding{Kind: f.Kind, Masked: f.Masked()})
		if d := g.digest(f); !slices.Contains(digests, d) {
			digests = append(digests, d)
		}
	}
	if !refused {
		slices.Sort(digests)
		h.Confirmation = strings.Join(digests, ".")
	}
	return g.hold(h)
}

// checkGuestName checks the name of a meeting's guest. The field is for a
// person's name, so the name it starts with is no finding ("Iris Smit",
// "J. de Boer (GGD)"); a name further on is ("Moeder van Lisa"), and so is
// anything of another kind.
func (g *guard) checkGuestName(ctx context.Context, field, value string) *GuardedField {
	if strings.TrimSpace(value) == "" && !g.asked(field) {
		return nil
	}
	names, err := g.knownNames(ctx)
	if err != nil {
		g.failed = err
		return nil
	}
	own := leadingNameEnd(value)
	found := slices.DeleteFunc(g.find(value, names), func(f casus.Finding) bool {
		return (f.Kind == casus.Name || f.Kind == casus.Initials) && f.End <= own
	})
	return g.checkFound(field, value, found, "", false)
}

// hold records the answer on a field, in place of an earlier one (a
// merged text is checked again).
func (g *guard) hold(h *GuardedField) *GuardedField {
	g.release(h.Field)
	g.held = append(g.held, h)
	return h
}

// release forgets the answer on a field checked again and found clean.
func (g *guard) release(field string) {
	g.held = slices.DeleteFunc(g.held, func(h *GuardedField) bool { return h.Field == field })
}

// result is v.Err() with the guard's answers: each held field gets its
// message, and the error carries the answers as an *Identifying.
func (g *guard) result(v *apperr.Validation) error {
	if g.failed != nil {
		return g.failed
	}
	for _, h := range g.held {
		v.Add(h.Field, h.message())
	}
	err := v.Err()
	if e, ok := apperr.As(err); ok && len(g.held) > 0 {
		e.Err = &Identifying{Fields: slices.Clone(g.held)}
	}
	return err
}

// message is the field error of an answer: refused, held back for a
// confirmation, or pseudonymised for review.
func (h *GuardedField) message() string {
	switch {
	case h.Review:
		return "textguard.review"
	case h.Strict:
		return "textguard.refused_case"
	case h.Refused:
		return "textguard.refused"
	}
	return "textguard.warning"
}

// audit writes the writer's confirmation that the probable findings of
// this write identify nobody to the audit log, by kind (each kind once),
// never with the text. It writes nothing when nothing was confirmed.
func (g *guard) audit(ctx context.Context, db bun.IDB, u *model.User, object string, id int64) error {
	if len(g.confirmed) == 0 {
		return nil
	}
	var kinds []string
	for _, k := range g.confirmed {
		if !slices.Contains(kinds, string(k)) {
			kinds = append(kinds, string(k))
		}
	}
	slices.Sort(kinds)
	g.confirmed = nil
	if g.workspaceID == 0 {
		// Text of no workspace: the guide.
		return g.s.auditPlatform(ctx, db, u, model.AuditGuardConfirmed, object, id, strings.Join(kinds, ","))
	}
	return g.s.auditIn(ctx, db, u, g.workspaceID, model.AuditGuardConfirmed, object, id, strings.Join(kinds, ","))
}

// knownNames are the names the guard looks for: the workspace's members,
// and the guests of the meeting whose names name a person.
func (g *guard) knownNames(ctx context.Context) ([]string, error) {
	if g.loaded {
		return g.names, nil
	}
	k, err := store.KnownNamesOf(ctx, g.db, g.workspaceID, g.meetingID)
	if err != nil {
		return nil, err
	}
	g.names = k.Members
	g.places = map[string]bool{}
	for _, p := range k.Places {
		for _, w := range nameWords(p) {
			g.places[w] = true
		}
	}
	for _, guest := range k.Guests {
		if n := guestPersonName(guest); n != "" {
			g.names = append(g.names, n)
		}
	}
	g.loaded = true
	return g.names, nil
}

// find is casus.Check on value, without the names found that are made of
// the words of a workspace's, region's or organisation's name only ("Plan
// Lindendal", "overleg met De Brug"): such a name is no person's.
func (g *guard) find(value string, names []string) []casus.Finding {
	found := casus.Check(value, names)
	if len(g.places) == 0 {
		return found
	}
	return slices.DeleteFunc(found, func(f casus.Finding) bool {
		if f.Kind != casus.Name {
			return false
		}
		words := nameWords(f.Text)
		for _, w := range words {
			if !g.places[w] {
				return false
			}
		}
		return len(words) > 0
	})
}

// nameWords are the words of a name in lower case, without the
// punctuation around them.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
}

// digest names a finding in a confirmation without giving it away: a keyed
// hash of its kind and its words, in lower case and single-spaced.
func (g *guard) digest(f casus.Finding) string {
	words := strings.FieldsFunc(strings.ToLower(f.Text), func(r rune) bool { return unicode.IsSpace(r) })
	m := hmac.New(sha256.New, g.s.guardKey())
	m.Write([]byte(string(f.Kind) + "\x00" + strings.Join(words, " ")))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:9])
}

// guardKey keys the digests of confirmations: derived from the server's
// secret, so that every instance reads the others' confirmations, or, in a
// tool without one, a key of this process.
func (s *Service) guardKey() []byte {
	if len(s.Secret) > 0 {
		m := hmac.New(sha256.New, s.Secret)
		m.Write([]byte("schakel privacy guard confirmations"))
		return m.Sum(nil)
	}
	processKeyOnce.Do(func() {
		processKey = make([]byte, 32)
		if _, err := rand.Read(processKey); err != nil {
			panic(err)
		}
	})
	return processKey
}

var (
	processKey     []byte
	processKeyOnce sync.Once
)

// kinds names the kinds found, each once, joined by sep.
func (h *GuardedField) kinds(sep string) string {
	var kinds []string
	for _, f := range h.Findings {
		if !slices.Contains(kinds, string(f.Kind)) {
			kinds = append(kinds, string(f.Kind))
		}
	}
	return strings.Join(kinds, sep)
}

// asked reports whether the writer asked for field to be pseudonymised.
func (a GuardAnswers) asked(field string) bool { return a.Pseudonymise == field }
