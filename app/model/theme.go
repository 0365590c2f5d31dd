package model

// Framework is the set of themes a plan is organised by.
type Framework string

// Frameworks: the four pillars of Defence for Children, the five themes of
// the VNG "Kader Aanpak Mensenhandel", or both.
const (
	FrameworkPillars Framework = "pijlers"
	FrameworkVNG     Framework = "vng"
	FrameworkBoth    Framework = "beide"
)

// Frameworks lists the frameworks in the order forms offer them.
var Frameworks = []Framework{FrameworkPillars, FrameworkVNG, FrameworkBoth}

// Valid reports whether f is one of Frameworks.
func (f Framework) Valid() bool {
	return f == FrameworkPillars || f == FrameworkVNG || f == FrameworkBoth
}

// Theme is one heading of an action plan.
type Theme string

// The four pillars.
const (
	ThemePrevention    Theme = "preventie"
	ThemeSignalling    Theme = "signalering"
	ThemeInvestigation Theme = "opsporing"
	ThemeCare          Theme = "zorg"
)

// The five VNG themes.
const (
	ThemePolicy      Theme = "beleid"
	ThemeSpotting    Theme = "signalerend_vermogen"
	ThemeAwareness   Theme = "bewustwording"
	ThemeCooperation Theme = "samenwerking"
	ThemeShelter     Theme = "opvang"
)

// PillarThemes and VNGThemes list each framework's themes in their order.
var (
	PillarThemes = []Theme{ThemePrevention, ThemeSignalling, ThemeInvestigation, ThemeCare}
	VNGThemes    = []Theme{ThemePolicy, ThemeSpotting, ThemeAwareness, ThemeCooperation, ThemeShelter}
)

// Themes returns the themes of the framework, in order.
func (f Framework) Themes() []Theme {
	switch f {
	case FrameworkPillars:
		return PillarThemes
	case FrameworkVNG:
		return VNGThemes
	case FrameworkBoth:
		return append(append([]Theme{}, PillarThemes...), VNGThemes...)
	}
	return nil
}

// Has reports whether the framework includes theme t.
func (f Framework) Has(t Theme) bool {
	for _, v := range f.Themes() {
		if v == t {
			return true
		}
	}
	return false
}

// Right is an article of the UN Convention on the Rights of the Child.
type Right int

// Rights lists the articles an action can serve: the four general
// principles (2, 3, 6, 12) and those on protection from exploitation.
var Rights = []Right{2, 3, 6, 12, 16, 19, 32, 34, 35, 36, 39}

// Valid reports whether r is one of Rights.
func (r Right) Valid() bool {
	for _, v := range Rights {
		if r == v {
			return true
		}
	}
	return false
}

// GeneralPrinciples are the four general principles of the Convention
// (art. 2, 3, 6 and 12): every plan should serve each of them.
var GeneralPrinciples = []Right{2, 3, 6, 12}

// GeneralPrinciple reports whether r is one of GeneralPrinciples.
func (r Right) GeneralPrinciple() bool { return r == 2 || r == 3 || r == 6 || r == 12 }
