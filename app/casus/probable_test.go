package casus

import (
	"strings"
	"testing"
)

var personCases = []testCase{
	{"name on the list", "Gesprek gevoerd met Noor over school.", []want{{Name, "Noor"}}},
	{"name on the list at the start of a sentence", "Daan liep weg uit de opvang.", []want{{Name, "Daan"}}},
	{"name that is also a word, inside a sentence", "Gesprek met Roos over haar nieuwe vriend.", []want{{Name, "Roos"}}},
	{"name that is also a word, with a verb", "Roos vertelde dat ze bang is.", []want{{Name, "Roos"}}},
	{"word that is also a name, at the start", "Storm en regen hielden het hele weekend aan.", nil},
	{"function word that is also a name", "Toch blijft de situatie zorgelijk.", nil},
	{"unknown name with an age", "Jaylano (15) is weggelopen.", []want{{Name, "Jaylano"}}},
	{"unknown name with an age after a comma", "Kaylani, 14 jaar, woont bij oma.", []want{{Name, "Kaylani"}}},
	{"unknown name and a verb", "Xiomara zei dat ze bang was.", []want{{Name, "Xiomara"}}},
	{"role word and a verb", "Jeugdbeschermer vertelt over de voortgang.", nil},
	{"ordinary word with an age", "Meisje (15) is weggelopen.", nil},
	{"kinship word", "Haar zusje Kaylani is ook benaderd.", []want{{Name, "Kaylani"}}},
	{"named with a kin of theirs", "Tigist en haar zusje verblijven in de opvang.", []want{{Name, "Tigist"}}},
	{"a surname's initial after the name", "De vriend, Mohammed B., is bekend bij de politie.", []want{{Name, "Mohammed B."}}},
	{"a town with its partners", "Zwolle en haar partners werken samen.", nil},
	{"relative of", "De moeder van Kaylani belde de school.", []want{{Name, "Kaylani"}}},
	{"nickname in quotes", "Bijnaam 'Snoepje' volgens de politie.", []want{{Name, "Snoepje"}}},
	{"nickname before genoemd", "Zij wordt op straat Snoepje genoemd.", []want{{Name, "Snoepje"}}},
	{"nickname after noemen", "De jongens noemen haar Prinses.", []want{{Name, "Prinses"}}},
	{"form of address and tussenvoegsel", "Mevr. van Essen is de tante.", []want{{Name, "van Essen"}}},
	{"surname with tussenvoegsel", "Gesprek met De Boer over de jongen.", []want{{Name, "De Boer"}}},
	{"given name and surname", "Noor Yilmaz is gisteren gezien.", []want{{Name, "Noor Yilmaz"}}},
	{"listed with a name", "Noor en Jaylano zijn samen gezien.", []want{{Name, "Noor"}, {Name, "Jaylano"}}},
	{"possessive", "Jaylano's moeder belde.", []want{{Name, "Jaylano"}}},
	{"capitalised unknown word inside a sentence", "Wij hebben Chanel gevraagd wat ze nodig heeft.", []want{{Name, "Chanel"}}},
	{"place", "Zij woont in Zoetermeer bij haar tante.", nil},
	{"organisation with a given name", "De William Schrikker Groep voert de voogdij.", nil},
	{"organisation after its kind", "Zorgaanbieder Levvel heeft een plek.", nil},
	{"role word as a guest", "Ervaringsdeskundige (gast) sluit aan.", nil},
	{"months and weekdays", "Op Vrijdag en in Maart is er overleg.", nil},
	{"placeholders", "Jongere A (15) vertelde dat jongere B haar kent.", nil},
}

func TestPerson(t *testing.T) { run(t, personCases) }

var initialsCases = []testCase{
	{"letters with dots", "Gesprek met J.P. over thuis.", []want{{Initials, "J.P."}}},
	{"with abbreviated tussenvoegsels", "Gesprek met J.v.d.B. over thuis.", []want{{Initials, "J.v.d.B."}}},
	{"with a surname", "Volgens J. de Vries is de woning bekend.", []want{{Initials, "J. de Vries"}}},
	{"run together", "JvdB heeft de meiden benaderd.", []want{{Initials, "JvdB"}}},
	{"capitals with an age", "Meisje SK (15) wil niet naar huis.", []want{{Initials, "SK"}}},
	{"agencies", "JB, GI en VT zijn betrokken; de RvdK en het O.M. ook.", nil},
	{"single capital", "Meisje A. (15) en jongen B. (16).", nil},
	{"capital and a sentence", "Zie bijlage B. Daarna volgt het plan.", nil},
	{"placeholder of two letters", "Jongere AB (15) en jongere AC kennen elkaar.", nil},
}

func TestInitials(t *testing.T) { run(t, initialsCases) }

var schoolCases = []testCase{
	{"name after a word for school", "Zij zat op basisschool De Regenboog.", []want{{School, "De Regenboog"}}},
	{"abbreviation and name", "Leerling van OBS De Klimop.", []want{{School, "OBS De Klimop"}}},
	{"name before College", "Zit op het Erasmus College, klas 3.", []want{{School, "Erasmus College"}}},
	{"compound", "Op de Regenboogschool is het besproken.", []want{{School, "Regenboogschool"}}},
	{"zit op", "Zij zit op het Comenius.", []want{{School, "Comenius"}}},
	{"class of", "Zij zit in klas 3b van het Comenius.", []want{{School, "Comenius"}}},
	{"ROC of a city", "Ingeschreven bij het ROC van Twente.", []want{{School, "ROC van Twente"}}},
	{"the municipal college", "Het College van B&W heeft besloten.", nil},
	{"a school without a name", "Op de basisschool ging het goed; het ROC belt nog.", nil},
	{"zit op a platform", "Zij zit op Instagram en TikTok.", nil},
}

func TestSchool(t *testing.T) { run(t, schoolCases) }

var handleCases = []testCase{
	{"at name", "Berichten van @dreamboy_020 ontvangen.", []want{{Handle, "@dreamboy_020"}}},
	{"after a platform and a colon", "Snapchat: lisa_x03.", []want{{Handle, "lisa_x03"}}},
	{"after is", "Haar insta is noor.xx.", []want{{Handle, "noor.xx"}}},
	{"after heet", "Op TikTok heet ze sweetie2009.", []want{{Handle, "sweetie2009"}}},
	{"user name word", "Gebruikersnaam: kleinemeid.", []want{{Handle, "kleinemeid"}}},
	{"in quotes", "Haar WhatsApp-naam is \"Babygirl\".", []want{{Handle, "Babygirl"}}},
	{"e-mail address", "Mail naar anna@example.nl.", []want{{Email, "anna@example.nl"}}},
	{"platform and an ordinary word", "Op Snapchat gezet en via WhatsApp zijn afspraken gemaakt.", nil},
	{"no account", "Instagram: geen account bekend.", nil},
	{"placeholder", "Snapchat [account] en Instagram [account].", nil},
	{"file name", "Zie verslag_2024.pdf in de bijlage.", nil},
	{"at as a word", "Afspraak @ school.", nil},
}

func TestHandle(t *testing.T) { run(t, handleCases) }

var streetCases = []testCase{
	{"street word", "Zij woont aan de Kerkstraat.", []want{{Street, "Kerkstraat"}}},
	{"title and tussenvoegsel", "Opgehaald aan de Burgemeester de Withstraat.", []want{{Street, "Burgemeester de Withstraat"}}},
	{"laan van", "Het pand aan de Laan van Meerdervoort.", []want{{Street, "Laan van Meerdervoort"}}},
	{"adjective and street word", "Zij slaapt soms op de Oude Gracht.", []want{{Street, "Oude Gracht"}}},
	{"lower case after aan de", "Vader woont aan de kastanjelaan.", []want{{Street, "kastanjelaan"}}},
	{"with a house number it is an address", "Zij woont op Kerkstraat 12a.", []want{{Postcode, "Kerkstraat 12a"}}},
	{"ordinary words with a street ending", "Bij de supermarkt, op de snelweg en in haar loopbaan.", nil},
	{"street word alone", "Zij loopt over straat en door het park.", nil},
}

func TestBareStreet(t *testing.T) { run(t, streetCases) }

// BenchmarkProbable measures the detectors of the probable tier alone on a
// note of 100 kB, the lists already loaded.
func BenchmarkProbable(b *testing.B) {
	note := benchNote(100 << 10)
	words := splitWords(note)
	loadLists()
	b.SetBytes(int64(len(note)))
	for b.Loop() {
		findProbable(&collector{s: note}, words)
	}
}

// TestListsLoad checks that the shipped lists are there and hold what the
// detectors rely on.
func TestListsLoad(t *testing.T) {
	l := loadLists()
	if len(l.names) < 10000 || len(l.words) < 100000 {
		t.Fatalf("lists too small: %d names, %d words", len(l.names), len(l.words))
	}
	for _, tc := range []struct {
		key                    string
		given, surname, common bool
	}{
		{"noor", true, false, false},
		{"jansen", false, true, false},
		{"roos", true, true, true},
		{"bakker", false, true, true},
	} {
		n := l.name(tc.key)
		if n == nil || n.given != tc.given || n.surname != tc.surname || n.common != tc.common {
			t.Errorf("name %q = %+v", tc.key, n)
		}
	}
	if n := l.name("vries"); n == nil || !strings.Contains(strings.Join(n.particles, ","), "de") {
		t.Errorf("vries has no tussenvoegsel de: %+v", n)
	}
	for _, w := range []string{"supermarkt", "jeugdbeschermer", "zusje", "broers"} {
		if !l.isOrdinary(w) {
			t.Errorf("%q is no ordinary word", w)
		}
	}
	for _, w := range []string{"jaylano", "noor", "xiomara"} {
		if l.isOrdinary(w) {
			t.Errorf("%q is an ordinary word", w)
		}
	}
}

func TestLooksLikeName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Sandra", true},
		{"S. Jansen", true},
		{"mw. Bouzidi", true},
		{"Roos de Groot (ervaringsdeskundige)", true},
		{"Ervaringsdeskundige (gast)", false},
		{"Jongerenwerker", false},
		{"Wijkverpleegkundige", false},
		{"Tolk Arabisch", false},
		{"Iemand van Fier", false},
		{"Veilig Thuis", false},
		{"", false},
	} {
		if got := LooksLikeName(tc.name); got != tc.want {
			t.Errorf("LooksLikeName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCheckConcurrently checks notes from several goroutines at once, as
// the server does, the first of them loading the lists: every one gets the
// findings a single call gets (run with -race to see that nothing is
// shared unsafely).
func TestCheckConcurrently(t *testing.T) {
	text := "Noor (15) zit op het Erasmus College, Snapchat: noor_x, woont aan de Kerkstraat; J.v.d.B. weet ervan."
	want := len(Check(text, nil))
	if want != 5 {
		t.Fatalf("Check(%q) found %d, want 5", text, want)
	}
	errs := make(chan int, 8)
	for range 8 {
		go func() { errs <- len(Check(text, nil)) }()
	}
	for range 8 {
		if got := <-errs; got != want {
			t.Errorf("concurrent Check found %d, want %d", got, want)
		}
	}
}
