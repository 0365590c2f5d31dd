package casus

import (
	"math/big"
	"strings"
	"testing"
	"unicode/utf8"
)

// people are the names known to the workspace in these tests.
var people = []string{
	"Anna de Vries",
	"Mo Bakker",
	"Jan van der Berg",
	"Zoë Jansen",
	"Noah el Amrani",
	"", // ignored
	"   ",
}

// want is an expected finding.
type want struct {
	kind Kind
	text string
}

// testCase is a note and every finding expected in it, in order.
type testCase struct {
	name string
	text string
	want []want
}

// run checks each case: exactly the expected findings, and the invariants
// that hold for every text.
func run(t *testing.T, cases []testCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Check(tc.text, people)
			checkInvariants(t, tc.text, got)
			if len(got) != len(tc.want) {
				t.Fatalf("Check(%q) = %v, want %v", tc.text, got, tc.want)
			}
			for i, w := range tc.want {
				if got[i].Kind != w.kind || got[i].Text != w.text {
					t.Errorf("finding %d = %s %q, want %s %q (in %q)", i, got[i].Kind, got[i].Text, w.kind, w.text, tc.text)
				}
			}
		})
	}
}

// checkInvariants fails the test unless the findings are in order, do not
// overlap, lie within text and quote it exactly.
func checkInvariants(t testing.TB, text string, got []Finding) {
	t.Helper()
	prev := 0
	for i, f := range got {
		if f.Start < prev || f.Start >= f.End || f.End > len(text) {
			t.Fatalf("finding %d (%s %d-%d) out of order or range (previous end %d, len %d)", i, f.Kind, f.Start, f.End, prev, len(text))
		}
		if f.Text != text[f.Start:f.End] {
			t.Fatalf("finding %d: Text %q, text[%d:%d] = %q", i, f.Text, f.Start, f.End, text[f.Start:f.End])
		}
		switch f.Kind {
		case BSN, BirthDate, Postcode, Phone, Email, IBAN, Plate, Name, Initials, School, Handle, Street:
		default:
			t.Fatalf("finding %d: unknown kind %q", i, f.Kind)
		}
		if m := f.Masked(); utf8.RuneCountInString(m) != utf8.RuneCountInString(f.Text) {
			t.Fatalf("finding %d: Masked() = %q has another length than %q", i, m, f.Text)
		}
		prev = f.End
	}
}

// elfproefReference is the 11-test written out, to confirm the examples.
func elfproefReference(v string) bool {
	d := []int{}
	for _, r := range v {
		if r >= '0' && r <= '9' {
			d = append(d, int(r-'0'))
		}
	}
	if len(d) != 9 || strings.Trim(v, "0 .-") == "" {
		return false
	}
	sum := 9*d[0] + 8*d[1] + 7*d[2] + 6*d[3] + 5*d[4] + 4*d[5] + 3*d[6] + 2*d[7] - d[8]
	return sum%11 == 0
}

// ibanReference checks an IBAN with big numbers, to confirm the examples.
func ibanReference(v string) bool {
	v = strings.ToUpper(strings.ReplaceAll(v, " ", ""))
	v = v[4:] + v[:4]
	var digits strings.Builder
	for _, r := range v {
		if r >= 'A' && r <= 'Z' {
			digits.WriteString(big.NewInt(int64(r - 'A' + 10)).String())
		} else {
			digits.WriteRune(r)
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// TestExamples confirms that the identifiers used as examples in these tests
// are valid or invalid as the tests assume, by independent computations.
func TestExamples(t *testing.T) {
	for _, v := range []string{"123456782", "1112.22.333", "234 567 892", "314159265", "27-18-28-183", "161803398", "100000009"} {
		if !elfproefReference(v) || !elfproef(v) {
			t.Errorf("BSN example %s does not pass the 11-test", v)
		}
	}
	for _, v := range []string{"123456789", "987654321", "192837465", "000000000", "1234567820"} {
		if elfproefReference(v) || elfproef(v) {
			t.Errorf("non-BSN example %s passes the 11-test", v)
		}
	}
	for _, v := range []string{"NL91 ABNA 0417 1643 00", "NL20INGB0001234567", "NL44RABO0123456789", "DE89 3704 0044 0532 0130 00", "BE68539007547034", "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606"} {
		if !ibanReference(v) {
			t.Errorf("IBAN example %s has bad check digits", v)
		}
	}
	for _, v := range []string{"NL91ABNA0417164301", "NL00ABNA0123456789"} {
		if ibanReference(v) {
			t.Errorf("bad IBAN example %s has good check digits", v)
		}
	}
}

var bsnCases = []testCase{
	{"nine digits", "Meisje (15) uit Havenstad, BSN 123456782, verblijft bij een tante.", []want{{BSN, "123456782"}}},
	{"grouped with dots", "Burgerservicenummer volgens de BRP: 1112.22.333.", []want{{BSN, "1112.22.333"}}},
	{"grouped with spaces", "Jongen, bsn 234 567 892, staat ingeschreven op een ander adres.", []want{{BSN, "234 567 892"}}},
	{"in brackets", "Het BSN van moeder (314159265) staat in het dossier van de gemeente.", []want{{BSN, "314159265"}}},
	{"grouped with dashes", "Zusje heeft bsn 27-18-28-183 volgens school.", []want{{BSN, "27-18-28-183"}}},
	{"after a colon without space", "BSN:161803398; verder geen gegevens.", []want{{BSN, "161803398"}}},
	{"followed by an age", "BSN 123456782 15 jaar, loopt weg van huis.", []want{{BSN, "123456782"}}},
	{"fails the 11-test", "Het nummer 123456789 klopt niet met de BRP.", nil},
	{"case number failing the 11-test", "Zaaknummer 987654321 is aangemaakt in het registratiesysteem.", nil},
	{"ten digits", "Het dossier heeft kenmerk 1234567820 bij de gemeente.", nil},
	{"all zeros", "BSN onbekend (000000000 ingevuld).", nil},
	{"amount", "Er is € 123.456.782 aan subsidie verdeeld over de regio.", nil},
	{"eight digits", "Registratie 12345678 bij de jeugdbescherming.", nil},
}

func TestBSN(t *testing.T) { run(t, bsnCases) }

var dateCases = []testCase{
	{"dashes", "Zij is geboren op 12-03-2011 in Havenstad.", []want{{BirthDate, "12-03-2011"}}},
	{"slashes and short year", "Geboortedatum 12/3/11, volgens moeder.", []want{{BirthDate, "12/3/11"}}},
	{"year first", "Geboren 2011-03-12, woont sinds kort in de regio.", []want{{BirthDate, "2011-03-12"}}},
	{"dots", "Geboren op 12.03.2011 te Havenstad.", []want{{BirthDate, "12.03.2011"}}},
	{"month written out", "Zij is op 12 maart 2011 geboren.", []want{{BirthDate, "12 maart 2011"}}},
	{"abbreviated month", "Broertje, geboren 3 mrt. 2011, woont bij vader.", []want{{BirthDate, "3 mrt. 2011"}}},
	{"capitalised month", "Geboren: 1 Januari 2010.", []want{{BirthDate, "1 Januari 2010"}}},
	{"English, month first", "The girl was born on March 12, 2011 in Rotterdam.", []want{{BirthDate, "March 12, 2011"}}},
	{"English, day first", "Born 12th of March 2011 according to the passport.", []want{{BirthDate, "12th of March 2011"}}},
	{"leap day", "Geboren op 29 februari 2012.", []want{{BirthDate, "29 februari 2012"}}},
	{"dashes with month", "Geboren 3-mrt-11 volgens het paspoort.", []want{{BirthDate, "3-mrt-11"}}},
	{"apostrophe year", "Geboren 12 mei '11, jongste van drie.", []want{{BirthDate, "12 mei '11"}}},
	{"month first with slashes", "Op het formulier staat 03/25/2011.", []want{{BirthDate, "03/25/2011"}}},
	{"year alone", "In 2024 zijn er drie meldingen gedaan.", nil},
	{"month and year", "Sinds maart 2024 is er contact met de jongerenwerker.", nil},
	{"day and month", "Op 12 maart is er een casusoverleg.", nil},
	{"no such day", "Volgens het formulier 31-02-2011, dat kan niet.", nil},
	{"no leap year", "Volgens het formulier 29 februari 2011, dat kan niet.", nil},
	{"time", "Het overleg begint om 14:30 en duurt tot 15.45 uur.", nil},
	{"day, month and bare short year", "Op 12 maart 11 meldingen binnengekomen.", nil},
	{"score", "De wedstrijd eindigde in 3-2.", nil},
	{"four parts", "Versie 1.12.03.11 van het protocol.", nil},
	{"version number", "Versie 2.1.10 van het protocol, paragraaf 1.2.11.", nil},
	{"dots and short year", "Geboren 12.03.11 in het ziekenhuis.", []want{{BirthDate, "12.03.11"}}},
}

func TestDate(t *testing.T) { run(t, dateCases) }

var postcodeCases = []testCase{
	{"postcode and number", "Woont op 1234 AB 12 bij haar oom.", []want{{Postcode, "1234 AB 12"}}},
	{"postcode, comma and number", "Adres: 1234AB, 12 (bovenwoning).", []want{{Postcode, "1234AB, 12"}}},
	{"street, number and postcode", "Verblijft op Kerkstraat 12, 1234 AB Havenstad.", []want{{Postcode, "Kerkstraat 12, 1234 AB Havenstad"}}},
	{"street and number with letter", "Vriend woont in de Kerkstraat 12a, op de tweede verdieping.", []want{{Postcode, "Kerkstraat 12a"}}},
	{"street of several words", "Afspraak bij oma, Laan van Meerdervoort 100.", []want{{Postcode, "Laan van Meerdervoort 100"}}},
	{"street with a title", "Zij slaapt soms op de Burgemeester de Withstraat 5.", []want{{Postcode, "Burgemeester de Withstraat 5"}}},
	{"hyphenated street and addition", "Gezien op Sint-Jansstraat 4-2 met een oudere man.", []want{{Postcode, "Sint-Jansstraat 4-2"}}},
	{"adjective and street word", "Pand aan de Oude Gracht 12 wordt gebruikt.", []want{{Postcode, "Oude Gracht 12"}}},
	{"other street words", "Ophalen bij Havenkade 7 of Dorpsplein 3.", []want{{Postcode, "Havenkade 7"}, {Postcode, "Dorpsplein 3"}}},
	{"postcode alone", "Woont ergens in 3512 JK, exacte adres onbekend.", []want{{Postcode, "3512 JK"}}},
	{"postcode with nr", "Adres 1234 AB nr. 5, bij de kerk.", []want{{Postcode, "1234 AB nr. 5"}}},
	{"number with addition", "Zij verblijft op Kerkstraat 12 hs, soms op Dorpsstraat 3 bis.", []want{{Postcode, "Kerkstraat 12 hs"}, {Postcode, "Dorpsstraat 3 bis"}}},
	{"street, preposition and date", "Gezien in de Kerkstraat op 12 maart 2011.", []want{{Street, "Kerkstraat"}, {BirthDate, "12 maart 2011"}}},
	{"street, verb and number", "Bij de Kerkstraat wonen 12 gezinnen.", []want{{Street, "Kerkstraat"}}},
	{"city only", "Zij woont in Havenstad, vlak bij het station.", nil},
	{"street without number", "Het meisje loopt elke dag over de Kerkstraat naar school.", []want{{Street, "Kerkstraat"}}},
	{"street and time", "Overleg op het Stadsplein 14:30 uur.", []want{{Street, "Stadsplein"}}},
	{"street and age", "Gezien op de Kerkstraat 15-jarige jongens.", []want{{Street, "Kerkstraat"}}},
	{"year and word", "In 2023 is het OM ingeschakeld.", nil},
	{"dose", "Zij krijgt 1500mg per dag voorgeschreven.", nil},
	{"article number", "Zie artikel 34 van het VN-Kinderrechtenverdrag.", nil},
	{"amount and percentage", "Kosten: € 1.250 per maand, 15% eigen bijdrage.", nil},
	{"unused letters", "Code 1234 SS op het formulier.", nil},
	{"lower case letters after a space", "In 2011 ab en toe contact.", nil},
}

func TestPostcode(t *testing.T) { run(t, postcodeCases) }

var phoneCases = []testCase{
	{"mobile with dash", "Bereikbaar op 06-12345678 (moeder).", []want{{Phone, "06-12345678"}}},
	{"mobile grouped", "Nummer van de loverboy: 06 1234 5678.", []want{{Phone, "06 1234 5678"}}},
	{"mobile together", "Zij belde met 0612345678 vanaf school.", []want{{Phone, "0612345678"}}},
	{"plus 31", "Bellen via +31 6 12345678, alleen overdag.", []want{{Phone, "+31 6 12345678"}}},
	{"0031", "Oom is bereikbaar op 0031 6 12345678.", []want{{Phone, "0031 6 12345678"}}},
	{"plus 31 with (0)", "Vader: +31 (0)20 123 4567.", []want{{Phone, "+31 (0)20 123 4567"}}},
	{"landline Rotterdam", "Opvang belt met 010-1234567 voor overleg.", []want{{Phone, "010-1234567"}}},
	{"landline Amsterdam", "Tante heeft nummer 020 123 4567.", []want{{Phone, "020 123 4567"}}},
	{"area code in brackets", "Huisarts (010) 123 45 67 is op de hoogte.", []want{{Phone, "(010) 123 45 67"}}},
	{"foreign number", "Zij belt met een Belgisch nummer: +32 470 12 34 56.", []want{{Phone, "+32 470 12 34 56"}}},
	{"Veilig Thuis", "Veilig Thuis (0800-2000) is ingeschakeld.", nil},
	{"emergency and police", "Bij acuut gevaar: bel 112, anders de politie via 0900-8844.", nil},
	{"Kindertelefoon", "Zij kent de Kindertelefoon (0800-0432).", nil},
	{"ten digits without 0", "Dossiernummer 1234567890 is aangemaakt.", nil},
	{"ten digits with 00", "Registratienummer 0012345678 bij de politie.", nil},
	{"no area code", "Kenmerk 0812345678 in het systeem.", nil},
	{"time", "Om 14:30 belde zij, het gesprek duurde 15 minuten.", nil},
	{"eleven digits", "Kenmerk 06123456789 in het systeem.", nil},
}

func TestPhone(t *testing.T) { run(t, phoneCases) }

var emailCases = []testCase{
	{"plain", "Mailcontact met anna.devries@example.nl is bekend.", []want{{Email, "anna.devries@example.nl"}}},
	{"underscore and digits", "Contact via loverboy_020@hotmail.com, volgens de jongerenwerker.", []want{{Email, "loverboy_020@hotmail.com"}}},
	{"plus and subdomain", "Mail ging naar j.jansen+school@mail.example.org.", []want{{Email, "j.jansen+school@mail.example.org"}}},
	{"non-ASCII letters", "Adres zoë.meisje@voorbeeld.nl in haar telefoon.", []want{{Email, "zoë.meisje@voorbeeld.nl"}}},
	{"in brackets", "(mail: x@y.nl)", []want{{Email, "x@y.nl"}}},
	{"at as a word", "Afspraak @ school om 14:30.", nil},
	{"no domain", "Zij heeft geen mailadres, alleen iemand@ als gebruikersnaam.", nil},
	{"no top-level domain", "Lokaal adres anna@localhost werkt niet.", nil},
	{"one-letter top-level domain", "Ongeldig adres a@b.c op het formulier.", nil},
}

func TestEmail(t *testing.T) { run(t, emailCases) }

var ibanCases = []testCase{
	{"grouped", "Geld werd overgemaakt naar NL91 ABNA 0417 1643 00 volgens het afschrift.", []want{{IBAN, "NL91 ABNA 0417 1643 00"}}},
	{"together", "Rekening NL44RABO0123456789.", []want{{IBAN, "NL44RABO0123456789"}}},
	{"lower case", "Zij kreeg geld op nl20ingb0001234567 van een onbekende.", []want{{IBAN, "nl20ingb0001234567"}}},
	{"German", "Betaald vanaf DE89 3704 0044 0532 0130 00.", []want{{IBAN, "DE89 3704 0044 0532 0130 00"}}},
	{"Belgian", "Belgische rekening BE68539007547034 genoemd.", []want{{IBAN, "BE68539007547034"}}},
	{"French with letters", "Rekening FR1420041010050500013M02606 in Frankrijk.", []want{{IBAN, "FR1420041010050500013M02606"}}},
	{"bad check digits", "Rekening NL91ABNA0417164301 klopt niet.", nil},
	{"zero check digits", "Rekening NL00ABNA0123456789 is een voorbeeld.", nil},
	{"too short", "Begint met NL91 ABNA 0417, rest onbekend.", nil},
	{"bank name only", "Zij bankiert bij ABNA, rekening onbekend.", nil},
}

func TestIBAN(t *testing.T) { run(t, ibanCases) }

var plateCases = []testCase{
	{"sidecode 7", "Hij rijdt in een zwarte Golf met kenteken 12-ABC-3.", []want{{Plate, "12-ABC-3"}}},
	{"sidecode 9", "Auto met kenteken AB-123-C gezien bij school.", []want{{Plate, "AB-123-C"}}},
	{"sidecode 8", "Scooter 1-ABC-23 stond voor de deur.", []want{{Plate, "1-ABC-23"}}},
	{"sidecode 1", "Oud busje GH-12-34 rijdt rondjes.", []want{{Plate, "GH-12-34"}}},
	{"sidecode 3", "Kenteken 12-GH-34.", []want{{Plate, "12-GH-34"}}},
	{"sidecode 2", "Kenteken 12-34-GH.", []want{{Plate, "12-34-GH"}}},
	{"sidecode 5", "Kenteken GH-JK-12.", []want{{Plate, "GH-JK-12"}}},
	{"lower case", "Kenteken ab-123-c volgens de buurvrouw.", []want{{Plate, "ab-123-c"}}},
	{"age", "Het 12-jarige meisje en een 15-jarige vriendin.", nil},
	{"list", "Zij staat in de top-10-lijst van school.", nil},
	{"no sidecode", "Code ABC-12-34 en G-12-AB op het formulier.", nil},
	{"part of a longer code", "Code X-AB-123-C en AB-123-C-2.", nil},
	{"without dashes after a vehicle", "Kenteken AB123C, dashes onbekend.", []want{{Plate, "AB123C"}}},
}

func TestPlate(t *testing.T) { run(t, plateCases) }

var nameCases = []testCase{
	{"full name", "Anna de Vries is vandaag gesproken.", []want{{Name, "Anna de Vries"}}},
	{"full name, lower case", "gesprek met anna de vries op school.", []want{{Name, "anna de vries"}}},
	{"full name, capitals", "GESPREK MET ANNA DE VRIES.", []want{{Name, "ANNA DE VRIES"}}},
	{"full name across a line break", "Gesprek met Anna\nde Vries.", []want{{Name, "Anna\nde Vries"}}},
	{"first name", "Anna kwam niet opdagen op school.", []want{{Name, "Anna"}}},
	{"last name with tussenvoegsel", "Gesprek met De Vries over de situatie thuis.", []want{{Name, "De Vries"}}},
	{"bare surname", "Mevrouw Vries belde de school.", []want{{Name, "Vries"}}},
	{"two-word tussenvoegsel", "Meneer van der Berg is de mentor.", []want{{Name, "van der Berg"}}},
	{"bare surname after two-word tussenvoegsel", "Berg heeft het gemeld.", []want{{Name, "Berg"}}},
	{"short first name in full", "Mo Bakker is gezien bij het station.", []want{{Name, "Mo Bakker"}}},
	{"last name only", "Bakker is de oom van moeder.", []want{{Name, "Bakker"}}},
	{"accented name", "Zoë zit in de derde klas.", []want{{Name, "Zoë"}}},
	{"accented name without accent", "Zoe zit in de derde klas.", []want{{Name, "Zoe"}}},
	{"possessive", "Zoë's moeder is ingelicht.", []want{{Name, "Zoë"}}},
	{"decomposed accent", "Zoe\u0308 zit in de derde klas.", []want{{Name, "Zoe\u0308"}}},
	{"particle el", "Broer El Amrani is meerderjarig.", []want{{Name, "El Amrani"}}},
	{"several", "Anna en Jansen spraken met Noah.", []want{{Name, "Anna"}, {Name, "Jansen"}, {Name, "Noah"}}},
	{"short first name alone", "Mo kwam niet opdagen.", nil},
	{"longer word", "Annabel en Marianna zijn vriendinnen.", []want{{Name, "Annabel"}, {Name, "Marianna"}}}, // on the name list, not as "Anna"
	{"longer word with accents", "Zoëlla is een klasgenote.", []want{{Name, "Zoëlla"}}},                     // a name by its context, not as "Zoë"
	{"lower-case surname", "Zij werkt bij de bakker op de hoek.", nil},
	{"lower-case bare surname", "Het ging vries-koud die nacht; van de berg af.", nil},
	{"lower-case first name", "De anna-prijs gaat naar de klas.", nil},
	{"pseudonymised", "Meisje A. (15) en jongen B. (16) kennen elkaar van school.", nil},
}

func TestName(t *testing.T) { run(t, nameCases) }

// TestPseudonymisedNote checks that a note written as it should be passes.
func TestPseudonymisedNote(t *testing.T) {
	notes := []string{
		"Meisje A. (15), school in de regio, contact met loverboy via sociale media; Veilig Thuis (0800-2000) is ingeschakeld.",
		"Jongen B. (16) is sinds maart 2024 bekend bij het jongerenwerk. Op 12 maart om 14:30 casusoverleg met school, " +
			"wijkteam en politie (0900-8844). Zie artikel 34 IVRK. Kosten opvang € 1.250 per maand, 80% vergoed.",
		"In 2023 twee meldingen, in 2024 drie. Bij acuut gevaar 112 bellen. Meisje C. woont in Havenstad-Noord.",
	}
	for _, n := range notes {
		if got := Check(n, people); len(got) != 0 {
			t.Errorf("Check(%q) = %v, want nothing", n, got)
		}
	}
}

// overlapCases check that of overlapping candidates the longer or more
// specific one is kept.
var overlapCases = []testCase{
	{"name inside an e-mail address", "Mail van Bakker@example.nl ontvangen.", []want{{Email, "Bakker@example.nl"}}},
	{"street and postcode as one", "Kerkstraat 12, 1234 AB", []want{{Postcode, "Kerkstraat 12, 1234 AB"}}},
	{"date rather than plate", "Geboren 3-mrt-11.", []want{{BirthDate, "3-mrt-11"}}},
	{"full name rather than first name", "Anna de Vries en Anna.", []want{{Name, "Anna de Vries"}, {Name, "Anna"}}},
	{"everything", "Anna (BSN 123456782, geb. 12-03-2011) woont op Kerkstraat 12a, 1234 AB Havenstad, tel. 06-12345678, " +
		"mail anna@example.nl, rekening NL91ABNA0417164300, vriend rijdt 12-ABC-3.",
		[]want{{Name, "Anna"}, {BSN, "123456782"}, {BirthDate, "12-03-2011"}, {Postcode, "Kerkstraat 12a, 1234 AB Havenstad"},
			{Phone, "06-12345678"}, {Email, "anna@example.nl"}, {IBAN, "NL91ABNA0417164300"}, {Plate, "12-ABC-3"}}},
}

func TestOverlap(t *testing.T) { run(t, overlapCases) }

func TestMasked(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"123456782", "1•••••••2"},
		{"Anna de Vries", "A•••••••••••s"},
		{"Zoë", "Z•ë"},
		{"ab", "ab"},
		{"a", "a"},
		{"", ""},
		{"é\xffé", "é•é"},
	} {
		if got := (Finding{Text: tc.in}).Masked(); got != tc.want {
			t.Errorf("Masked(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// oddInputs are texts that have broken scanners before, or might.
var oddInputs = []string{
	"",
	"\xff\xfe\xfd",
	"06\xff12345678",
	"BSN 12345678\xff2",
	strings.Repeat("1", 100000),
	strings.Repeat("1 ", 50000),
	strings.Repeat("0", 1000),
	strings.Repeat("+31", 1000),
	strings.Repeat("@", 1000),
	strings.Repeat("a@b.", 1000),
	strings.Repeat("AB-", 1000),
	strings.Repeat("NL91", 1000),
	strings.Repeat("Kerkstraat ", 1000),
	strings.Repeat("12-", 1000),
	strings.Repeat("12 maart ", 1000),
	"Kerkstraat",
	"Kerkstraat 1",
	"1234 AB",
	"1234AB,",
	"+31",
	"+31 (0)",
	"(0",
	"0031",
	"12-03-",
	"12 maart '",
	"NL91 ABNA 0417 1643 0",
	"a@",
	"@b.nl",
	"Anna de",
	"'t Hart",
	"Zoe\u0308",
	"\u0308\u0308\u0308",
}

func TestOddInput(t *testing.T) {
	names := append([]string{"'t Hart", "\xff", "a", "de", "-"}, people...)
	for _, s := range oddInputs {
		checkInvariants(t, s, Check(s, names))
	}
}

// benchNote returns a casus note of about n bytes: realistic paragraphs,
// some with identifiers in them.
func benchNote(n int) string {
	paragraphs := []string{
		"Meisje A. (15), school in de regio, contact met loverboy via sociale media; Veilig Thuis (0800-2000) is ingeschakeld. ",
		"Op 12 maart om 14:30 casusoverleg met school, wijkteam en politie. Afspraken: mentor houdt contact, jongerenwerker zoekt haar op. ",
		"Anna de Vries (BSN 123456782) woont op Kerkstraat 12a, 1234 AB Havenstad en is bereikbaar op 06-12345678 of anna@example.nl. ",
		"Zij kreeg geld op NL91 ABNA 0417 1643 00 en stapte in een auto met kenteken 12-ABC-3; geboren 12 maart 2011. ",
		"Sinds maart 2024 zijn er zorgen over haar schoolverzuim, in 2023 was er al een melding. Kosten € 1.250, 15% eigen bijdrage. ",
		"De moeder werkt overdag en is 's avonds thuis; de vader woont in het buitenland. Er zijn geen broers of zussen in beeld. ",
		"In 2023 JB ingeschakeld, wijkteam via 088 – 123 45 67; aangifte op grond van art. 273f Sr, op het plein 3 keer gezien. ",
		"Contact via meisje2010 at gmail punt com of 06–12345678, jarig op 12 maart, woont op de dorpsstraat 17 (auto GF713L). ",
		"Zij zegt dat de vriend haar ophaalt na school en haar meeneemt naar een woning in de stad, waar ook andere meisjes komen. ",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(paragraphs[i%len(paragraphs)])
		if i%7 == 6 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// BenchmarkCheck checks notes of 100 kB: a realistic note with 55 known
// names, and texts made of what the detectors look at most closely.
func BenchmarkCheck(b *testing.B) {
	names := append([]string{}, people...)
	for _, first := range []string{"Sanne", "Lotte", "Daan", "Sem", "Lucas", "Emma", "Julia", "Tess", "Finn", "Levi"} {
		for _, last := range []string{"Jansen", "de Jong", "van den Berg", "Bakker", "Visser"} {
			names = append(names, first+" "+last)
		}
	}
	const size = 100 << 10
	fill := func(unit string) string { return strings.Repeat(unit, size/len(unit)+1)[:size] }
	for _, bc := range []struct{ name, text string }{
		{"note", benchNote(size)},
		{"months", fill("12 maart 2011 maart ")},
		{"digits", fill("1234567890")},
		{"digit groups", fill("12 34.56-78 ")},
		{"identifiers", fill("123456782 06-12345678 NL91ABNA0417164300 a@b.nl 12-ABC-3 Kerkstraat 12, 1234 AB ")},
		{"names", fill("Anna de Vries Anna Vries Sanne de Jong ")},
		{"cues", fill("woont op Rokin jarig op geboren BSN at punt com kenteken nummer 12 van de ")},
		{"written out", fill("naam at gmail punt com [at] (punt) apenstaartje @ . ")},
		{"look-alikes", fill("O6–l2 ٣ ０ ᅟ\u200b\u00a0АВ ")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				Check(bc.text, names)
			}
		})
	}
}
