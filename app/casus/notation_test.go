package casus

import (
	"slices"
	"testing"
)

// These cases cover the notations of everyday typing: what word processors
// make of a hyphen, numbers that lost a digit, identifiers written out, and
// the clean text that looks like them.

// runCertain checks each case like run, but compares only the certain
// findings: whether a street without a number or a name in the same text is
// a probable identifier is another matter.
func runCertain(t *testing.T, cases []testCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			all := Check(tc.text, people)
			checkInvariants(t, tc.text, all)
			got := slices.DeleteFunc(all, func(f Finding) bool { return f.Tier() != Certain })
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

func TestEightDigitBSN(t *testing.T) {
	for _, v := range []string{"097329150", "026078843", "020519011"} {
		if !elfproefReference(v) {
			t.Fatalf("example %s does not pass the 11-test", v)
		}
	}
	runCertain(t, []testCase{
		{"after BSN", "Het BSN 97329150 uit de Excel-lijst klopt.", []want{{BSN, "97329150"}}},
		{"after burgerservicenummer, further back", "Burgerservicenummer van het kind is 26078843.", []want{{BSN, "26078843"}}},
		{"grouped", "bsn broertje: 20 51 90 11", []want{{BSN, "20 51 90 11"}}},
		{"without a cue", "Registratie 97329150 bij de jeugdbescherming.", nil},
		{"after B.S.N.", "B.S.N. 97329150 volgens de lijst.", []want{{BSN, "97329150"}}},
		{"cue in another sentence", "Het BSN is onbekend. Kenmerk 97329150 bij de GI.", nil},
		{"nine digits after another number's name", "KvK-dossier, RSIN 123456782, van de opvangorganisatie.", nil},
		{"nine digits named a BSN after all", "Kenmerk (= BSN) 123456782 in de brief.", []want{{BSN, "123456782"}}},
		{"amount in euro", "Landelijk is 123.456.782 euro beschikbaar.", nil},
		{"inside a VAT number", "Btw-nummer NL123456782B01 van de opvang.", nil},
		{"glued to its name", "Gegevens: bsn123456782, Havenstad.", []want{{BSN, "123456782"}}},
		{"look-alike letters", "BSN O12345678 en l23456782.", []want{{BSN, "l23456782"}}},
	})
}

func TestPhoneNotations(t *testing.T) {
	runCertain(t, []testCase{
		{"en dash", "Nummer loverboy: 06–12345678.", []want{{Phone, "06–12345678"}}},
		{"non-breaking hyphen", "Tel. 06‑12345678", []want{{Phone, "06‑12345678"}}},
		{"minus sign and no-break spaces", "Tel. 06 − 12 34 56 78", []want{{Phone, "06 − 12 34 56 78"}}},
		{"country code in brackets", "Bereikbaar op (+31) 6 12345678.", []want{{Phone, "(+31) 6 12345678"}}},
		{"foreign with trunk zero", "Belgisch nummer +32 (0)470 12 34 56.", []want{{Phone, "+32 (0)470 12 34 56"}}},
		{"WhatsApp link", "Contact via wa.me/31612345678 volgens haar profiel.", []want{{Phone, "31612345678"}}},
		{"five digits first", "Bel 06123 45678 na schooltijd.", []want{{Phone, "06123 45678"}}},
		{"look-alike letters", "Nummer O6-l2345678 in de telefoon.", []want{{Phone, "O6-l2345678"}}},
		{"full-width digits", "Nummer ０６-１２３４５６７８.", []want{{Phone, "０６-１２３４５６７８"}}},
		{"organisation's 088 number", "Wijkteam via 088 – 123 45 67, de GI via 088-7654321.", nil},
		{"service numbers", "Politie 0900-8844, Kindertelefoon 0800-0432, 113, 116 111.", nil},
		{"municipality's 14 number", "Bel 14 010 voor een afspraak.", nil},
	})
}

func TestWrittenEmail(t *testing.T) {
	runCertain(t, []testCase{
		{"at and punt", "Contact loopt via jongere123 at gmail punt com.", []want{{Email, "jongere123 at gmail punt com"}}},
		{"brackets", "Op haar profiel: mailmij [at] outlook [dot] com", []want{{Email, "mailmij [at] outlook [dot] com"}}},
		{"brackets with spaces", "Mail: naam123 ( at ) gmail ( dot ) com", []want{{Email, "naam123 ( at ) gmail ( dot ) com"}}},
		{"round brackets without spaces", "mail naar prinsesje(at)live(punt)nl", []want{{Email, "prinsesje(at)live(punt)nl"}}},
		{"a in brackets", "e-mail: lisa(a)hotmail.com", []want{{Email, "lisa(a)hotmail.com"}}},
		{"list item a", "Opties: (a) hotmail.com-account opzeggen, (b) melden.", nil},
		{"apenstaartje", "Adres zonnetje apenstaartje hotmail.nl, zegt de vriendin.", []want{{Email, "zonnetje apenstaartje hotmail.nl"}}},
		{"capitals", "Contact: lekkerding AT protonmail DOT com.", []want{{Email, "lekkerding AT protonmail DOT com"}}},
		{"spaces around the at sign", "Bereikbaar via vriendin.van.d @ outlook.com (school).", []want{{Email, "vriendin.van.d @ outlook.com"}}},
		{"local part written out", "Moeder: marloes punt jansen at gmail punt com.", []want{{Email, "marloes punt jansen at gmail punt com"}}},
		{"full-width at sign", "Account babydoll04＠hotmail.nl.", []want{{Email, "babydoll04＠hotmail.nl"}}},
		{"at as a verb", "Jongere at slecht, punt van aandacht voor de pleegouders.", nil},
		{"at without a known domain", "Hij at bij oma punt uit.", nil},
		{"at sign as a word", "Afspraak @ school om 14:30.", nil},
		{"an organisation's mailbox", "Meld via meldpunt@gemeente.nl of info@veiligthuis.nl.", nil},
		{"a shared name at a free provider", "Contact info@gmail.com noemde zij.", []want{{Email, "info@gmail.com"}}},
	})
}

func TestIBANNotations(t *testing.T) {
	runCertain(t, []testCase{
		{"dashes", "Betalingen via NL91-ABNA-0417-1643-00.", []want{{IBAN, "NL91-ABNA-0417-1643-00"}}},
		{"en dashes", "IBAN vader: NL91–ABNA–0417–1643–00", []want{{IBAN, "NL91–ABNA–0417–1643–00"}}},
		{"dots", "Rekening NL91.ABNA.0417.1643.00 genoemd.", []want{{IBAN, "NL91.ABNA.0417.1643.00"}}},
		{"space after the country", "IBAN NL 91 ABNA 0417 1643 00.", []want{{IBAN, "NL 91 ABNA 0417 1643 00"}}},
		{"two spaces", "Naar NL91 ABNA  0417164300 (WhatsApp).", []want{{IBAN, "NL91 ABNA  0417164300"}}},
		{"letter O for a zero", "Rekening NL91 ABNA 0417 1643 0O.", []want{{IBAN, "NL91 ABNA 0417 1643 0O"}}},
	})
}

func TestPlateNotations(t *testing.T) {
	runCertain(t, []testCase{
		{"without dashes, plate letters", "Zwarte Polo GF713L gezien.", []want{{Plate, "GF713L"}}},
		{"without dashes, sidecode 1", "De auto (HF6716) stond bij de afhaalplek.", []want{{Plate, "HF6716"}}},
		{"spaced", "Gezien in auto met nummerbord JX 385 P.", []want{{Plate, "JX 385 P"}}},
		{"spaced, digits first", "Kenteken: 4 DBK 68", []want{{Plate, "4 DBK 68"}}},
		{"spaced, small letters after a vehicle", "kenteken 12 abc 3 volgens de wijkagent", []want{{Plate, "12 abc 3"}}},
		{"Belgian", "Belgische auto met nummerplaat 1-ABC-234.", []want{{Plate, "1-ABC-234"}}},
		{"Belgian without dashes", "Belgisch kenteken 2XYZ789 bij de grens.", []want{{Plate, "2XYZ789"}}},
		{"Belgian spaced after a vehicle", "Nummerplaat 1 ZKT 555, Belgische politie.", []want{{Plate, "1 ZKT 555"}}},
		{"en dashes", "Kenteken GZ–12–KL.", []want{{Plate, "GZ–12–KL"}}},
		{"vowels without a vehicle", "Code AB123C op het formulier.", nil},
		{"tournament", "Tijdens het EK2024 was zij veel op straat.", nil},
		{"game", "Jongere speelt FIFA25 met onbekenden.", nil},
		{"agency and year", "Dossier JB2023 is gesloten.", nil},
		{"spaced numbers and an agency", "In groep 2 GGD 15 minuten gesproken.", nil},
		{"postcode shape", "Woont in 1234AB.", []want{{Postcode, "1234AB"}}},
	})
}

func TestAddressNotations(t *testing.T) {
	runCertain(t, []testCase{
		{"small letters and a space, with number", "woont nu op 2514 gh 18 (zolderkamer)", []want{{Postcode, "2514 gh 18"}}},
		{"small letters and a space, with a place", "Havenstad, 1234 ab", []want{{Postcode, "1234 ab"}}},
		{"small letters after postcode", "Postcode 3511 kt volgens moeder.", []want{{Postcode, "3511 kt"}}},
		{"an organisation's post box", "Stuur het naar Postbus 1234, 3500 AB Havenstad.", nil},
		{"year and agency", "In 2023 JB ingeschakeld, sinds 2022 GI, 2021 VT, 2022 GI.", nil},
		{"year and a word in small letters", "In 2021 OM gehoord, 2024 WT op de hoogte.", nil},
		{"two years", "Cijfers over 2022 en 2023.", nil},
		{"postcode that could be a year, with number", "Woont op 2023 JB 12.", []want{{Postcode, "2023 JB 12"}}},
		{"street in small letters", "Vader woont op de dorpsstraat 17 in Havenstad.", []want{{Postcode, "dorpsstraat 17"}}},
		{"street without a street word, after woont", "Woont op Rokin 75, bovenwoning.", []want{{Postcode, "Rokin 75"}}},
		{"street without a street word, after adres", "Ingeschreven op het adres Lange Voorhout 9.", []want{{Postcode, "Lange Voorhout 9"}}},
		{"street before a postcode", "Kikkenstein 12, 1104 AB Amsterdam", []want{{Postcode, "Kikkenstein 12, 1104 AB Amsterdam"}}},
		{"number before the street after a cue", "Ze woont 5 Kerkstraat.", []want{{Postcode, "5 Kerkstraat"}}},
		{"a label before the street is no part of it", "Adres: Dorpsweg 4, 1234AB.", []want{{Postcode, "Dorpsweg 4, 1234AB"}}},
		{"number before a street in small letters", "Woont sinds kort 14b dorpsstraat.", []want{{Postcode, "14b dorpsstraat"}}},
		{"number first with postcode and place", "Adres: 3 Lange Nieuwstraat, 1234 AB Havenstad.", []want{{Postcode, "3 Lange Nieuwstraat, 1234 AB Havenstad"}}},
		{"number before the street", "Ze verblijft op nummer 14 van de Molenstraat.", []want{{Postcode, "nummer 14 van de Molenstraat"}}},
		{"nr glued to the number", "Woont op de Kerkstraat nr12.", []want{{Postcode, "Kerkstraat nr12"}}},
		{"abbreviated street", "Kerkstr. 12, Havenstad", []want{{Postcode, "Kerkstr. 12"}}},
		{"number word after a comma", "Woont op de Kerkstraat, nummer 12.", []want{{Postcode, "Kerkstraat, nummer 12"}}},
		{"street word and a count", "Op de Kerkstraat 3 keer gezien, in de Dorpsstraat 2 weken geleden.", nil},
		{"street word and a count as x", "Kerkstraat 3x per week gecontroleerd.", nil},
		{"street word and people", "Op het Stationsplein 2 agenten gezien.", nil},
		{"road in small letters and a count", "Op de snelweg 3 keer aangehouden, op de heenweg 2 keer gestopt.", nil},
		{"cue and a year", "Verhuisd naar Groningen 2019, daarna terug.", nil},
		{"cue and a group", "Verblijft op groep 3 van de opvang, woont al 2 jaar daar.", nil},
		{"cue and a place without number", "Woont in Havenstad sinds 2019.", nil},
	})
}

func TestDateNotations(t *testing.T) {
	runCertain(t, []testCase{
		{"eight digits after geboren", "geboren 12032011 volgens het formulier", []want{{BirthDate, "12032011"}}},
		{"eight digits, year first", "geb. 20110312", []want{{BirthDate, "20110312"}}},
		{"six digits after geb.", "Jongere geb. 120311, moeder geb. 040685.", []want{{BirthDate, "120311"}, {BirthDate, "040685"}}},
		{"spaces after geboren", "Geboren 12 03 2011 (verwijzing).", []want{{BirthDate, "12 03 2011"}}},
		{"eight digits without a cue", "Factuurnummer 12032011 is betaald.", nil},
		{"dots and a short year after geboren", "Geboren 12.3.11 volgens moeder.", []want{{BirthDate, "12.3.11"}}},
		{"apostrophe year", "Broertje is van 4-9-'15.", []want{{BirthDate, "4-9-'15"}}},
		{"jarig op", "Jongere is jarig op 3 juni.", []want{{BirthDate, "3 juni"}}},
		{"jarig after", "Moeder is op 12 maart jarig.", []want{{BirthDate, "12 maart"}}},
		{"verjaardag after", "12 maart is haar verjaardag.", []want{{BirthDate, "12 maart"}}},
		{"jarig after digits", "Zij is 12/3 jarig.", []want{{BirthDate, "12/3"}}},
		{"ages in digits", "De 3-5 jarige kinderen van de opvang.", nil},
		{"verjaardag in digits", "Haar verjaardag 3-5 valt in de meivakantie.", []want{{BirthDate, "3-5"}}},
		{"geboren without year", "Zij is geboren op 8 februari.", []want{{BirthDate, "8 februari"}}},
		{"turning an age", "Jongen wordt op 22 december 16.", []want{{BirthDate, "22 december"}}},
		{"turning an age, after", "Op 3 mei wordt ze 15.", []want{{BirthDate, "3 mei"}}},
		{"de 3e van maart", "Geboren op de 3e van maart 2011.", []want{{BirthDate, "3e van maart 2011"}}},
		{"slashes with a month name", "Geboren 12/mrt/2011.", []want{{BirthDate, "12/mrt/2011"}}},
		{"day and month of a meeting", "Op 12 maart is er een casusoverleg om 10 uur.", nil},
		{"meeting that will be held", "De zitting wordt op 12 maart om 14:00 gehouden.", nil},
		{"score", "De wedstrijd eindigde in 3-5.", nil},
		{"birthday without a date", "Verjaardag van de jongere valt in de zomer.", nil},
	})
}
