package casus

import "strings"

// set builds a set of the space-separated words.
func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// notNames are capitalised words that name no person, whatever the name
// list says and whatever stands around them: months and weekdays, feasts,
// places, nationalities, the organisations and roles of youth care, police
// and municipalities, and platforms. Keys are folded (lower case, no
// accents).
var notNames = set(`
januari februari maart april mei juni juli augustus september oktober november december
feb mrt apr jun jul aug sep sept okt nov dec
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo
vandaag morgen gisteren overmorgen eergisteren vanavond vanochtend vanmiddag vannacht weekend week
kerst kerstmis pasen pinksteren ramadan suikerfeest offerfeest oudjaar nieuwjaar carnaval koningsdag
zomervakantie herfstvakantie kerstvakantie voorjaarsvakantie meivakantie
nederland holland belgie vlaanderen marokko turkije suriname curacao aruba bonaire antillen syrie eritrea
ethiopie somalie afghanistan irak iran polen roemenie bulgarije hongarije oekraine rusland duitsland frankrijk
spanje italie engeland griekenland nigeria ghana china europa afrika azie amerika
amsterdam rotterdam utrecht haag den bosch hertogenbosch havenstad almere zwolle tilburg breda eindhoven
groningen leiden delft dordrecht arnhem nijmegen enschede apeldoorn haarlem zaandam amersfoort maastricht venlo
lelystad leeuwarden assen emmen deventer helmond roosendaal schiedam vlaardingen spijkenisse gouda alkmaar hoorn
hilversum purmerend zoetermeer zeist ede oss heerlen sittard kerkrade capelle nieuwegein veenendaal hengelo
almelo hoofddorp schiphol bergen antwerpen brussel gent
noord zuid oost west centrum randstad regio brabant limburg zeeland friesland drenthe overijssel gelderland flevoland
nederlands nederlandse nederlander marokkaans marokkaanse marokkaan turks turkse surinaams surinaamse
antilliaans antilliaanse pools poolse eritrees eritrese syrisch syrische arabisch arabische engels engelse
duits duitse frans franse belgisch belgische roemeens roemeense bulgaars bulgaarse somalisch somalische
afghaans afghaanse koerdisch koerdische islamitisch islamitische christelijk christelijke joods joodse
veilig thuis jeugdbescherming politie fier comensha defence children ggd ggz jgz raad kinderbescherming gemeente
wijkteam jeugdzorg jeugdhulp zorg openbaar ministerie rechtbank kinderrechter halt reclassering leger heils
humanitas sterk huis kinderopvang stichting slachtofferhulp kindertelefoon unicef ecpat rutgers movisie augeo
centrum expertisecentrum mensenhandel zedenpolitie vreemdelingenpolitie marechaussee koninklijke
veiligheidshuis jeugdreclassering jeugdinrichting gi jb vt ots om avim zsh bsn ivrk vn csg lsg vng
ervaringsdeskundige ervaringsdeskundigen jongerenwerker jongerenwerkers regisseur casusregisseur procesregisseur
zorgcoordinator coordinator mentor mentoren jeugdbeschermer gezinsvoogd wijkagent zedenrechercheur rechercheur
huisarts jeugdarts vertrouwensarts hulpverlener begeleider ambulant voorzitter notulist beleidsmedewerker
gedragswetenschapper orthopedagoog psycholoog psychiater advocaat officier wethouder burgemeester
leerplichtambtenaar schoolmaatschappelijk maatschappelijk werker jeugdconsulent consulent coach
gast gasten ketenpartner ketenpartners beoordelaar moeder vader ouders oma opa tante oom
snapchat instagram insta tiktok telegram whatsapp facebook google youtube discord signal teams zoom
marktplaats twitter linkedin onlyfans tinder grindr airbnb booking uber bolt vinted paypal tikkie
ing rabobank abn amro bunq revolut mcdonalds primark zara hema action kruidvat jumbo lidl aldi ret gvb htm
arriva connexxion qbuzz flixbus fortnite roblox playstation xbox iphone samsung netflix spotify discord
levvel youz lindenhout pluryn karakter parnassia kompaan entrea altra arkin jeugdformaat intermetzo
horizon spirit timon ipse amarant cordaan humanitas enver yulius lucertis antes brijder tactus jellinek
trimbos movisie nji augeo kenniscentrum kinderrechtencollectief terre hommes ecpat pretty kinderombudsman
ombudsman nationaal rapporteur sinterklaas mcdonald mcdonalds thuisbezorgd shein zalando coolblue ikea
nike adidas gucci canada microsoft audi mercedes bmw volkswagen opel toyota renault peugeot citroen kia
tesla fiat skoda volvo seat hyundai nissan mazda suzuki yamaha vespa belgian moroccan turkish polish apple meta english dutch engels frans duits
bijlage agenda actie actiepunt besluit notulen verslag toelichting aanwezig afwezig afmelding
jongere jongeren meisje jongen kind kinderen cliente client pupil
god allah
`)

// orgPhrases are organisations whose names contain a given name or a
// word that the name list has ("William Schrikker", "Albert Heijn"): the
// words of such a phrase are never a person.
var orgPhrases = [][]string{
	{"william", "schrikker"}, {"albert", "heijn"}, {"leger", "des", "heils"},
	{"defence", "for", "children"}, {"save", "the", "children"},
	{"terre", "des", "hommes"}, {"veilig", "thuis"}, {"sterk", "huis"},
	{"de", "hoop"}, {"het", "poortje"}, {"de", "bocht"}, {"de", "waag"},
	{"max", "havelaar"}, {"jan", "pieterszoon", "coen"}, {"zwarte", "piet"}, {"louis", "vuitton"},
	{"burger", "king"}, {"new", "york"}, {"canada", "goose"}, {"tommy", "hilfiger"}, {"ralph", "lauren"},
}

// kinWords are the kinship and relation words after which a capitalised
// word is a person: "zusje Jaimy", "de vriend van Noor".
var kinWords = set(`
broer broertje broers zus zusje zussen zuster halfbroer halfzus halfbroertje halfzusje
stiefbroer stiefzus pleegbroer pleegzus pleegbroertje pleegzusje tweelingbroer tweelingzus
neef neefje nicht nichtje oom tante opa oma moeder vader stiefvader stiefmoeder pleegvader pleegmoeder
zoon dochter pleegzoon pleegdochter kind pleegkind
vriend vriendje vrienden vriendin vriendinnetje vriendinnen ex-vriend ex-vriendin exvriend exvriendin
vriendjes klasgenoot klasgenote klasgenoten buurjongen buurmeisje buurman buurvrouw
jongen meisje jongere cliënt cliente pupil dader verdachte slachtoffer loverboy pooier
`)

// kinOfWords are the relation words that take "van" before the person:
// "moeder van Jaimy", "vriendin van Noor".
var kinOfWords = set(`
moeder vader broer zus zusje broertje oom tante opa oma neef nicht stiefvader stiefmoeder
vriend vriendin vriendje vriendinnetje ex-vriend ex-vriendin klasgenoot klasgenote
`)

// placeWords are words after which a capitalised word is a place or an
// organisation rather than a person: "in Zoetermeer", "gemeente Havenstad".
var placeWords = set(`
in uit naar te op on for by nabij richting rond omgeving regio gemeente provincie stad dorp wijk buurt plaats
woonplaats stadsdeel zorgaanbieder aanbieder organisatie instelling stichting bureau team afdeling
vestiging locatie project programma via platform app website merk bedrijf winkel restaurant hotel
`)

// orgLeadWords come before the names of organisations and projects, even
// when the name is a person's too: "Stichting Jade", "project Roos".
var orgLeadWords = set(`gemeente provincie regio zorgaanbieder aanbieder organisatie instelling stichting
vereniging bureau afdeling vestiging locatie project programma platform app website merk bedrijf winkel
restaurant hotel school basisschool`)

// orgWords follow the names of organisations: "Lindenhout Jeugdzorg".
var orgWords = set(`groep zorg jeugdzorg jeugdhulp welzijn ggz instituut centrum college bv nv stichting
foundation academy academie campus huis vereniging partners advies`)

// nickWords are words after which the next word is a name in any case,
// often in quotes: "roepnaam Kiki", "alias 'Snoepje'".
var nickWords = set(`roepnaam bijnaam alias genaamd straatnaam schuilnaam`)

// addressWords are forms of address before a surname or full name:
// "mevr. Bouzidi", "dhr. van Dam".
var addressWords = set(`mevr mevrouw mw dhr heer meneer mr juf meester`)

// personVerbs are verbs of saying and doing that mostly have a person as
// their subject: an unknown capitalised word that starts a sentence and is
// followed by one of them is taken for a name ("Jaylano vertelde").
var personVerbs = set(`
vertelt vertelde vertellen zegt zei zeggen geeft gaf verklaart verklaarde benoemt benoemde noemt noemde
vraagt vroeg antwoordt antwoordde belt belde appt appte appte sms't sms'te mailt mailde
huilt huilde lacht lachte schrok schrikt weigert weigerde ontkent ontkende bevestigt bevestigde
vindt vond voelt voelde denkt dacht wil wilde wou durft durfde mag mocht hoopt hoopte
woont woonde slaapt sliep verblijft verbleef logeert logeerde spijbelt spijbelde rookt rookte
blowt blowde drinkt dronk loopt liep rent rende vlucht vluchtte kwam komt ging gaat zit zat
speelt speelde werkt werkte kent kende ontmoette ontmoet sprak spreekt praat praatte
heeft had is was wordt werd kreeg krijgt moet moest kan kon zal zou blijft bleef staat stond
laat liet doet deed ziet zag weet wist houdt hield neemt nam
liegt loog zwijgt zweeg stuurt stuurde schreeuwt schreeuwde slaat sloeg dreigt dreigde bedreigt bedreigde
ronselt ronselde chanteert chanteerde meldt meldde reageert reageerde wacht wachtte rijdt reed fietst fietste
haalt haalde brengt bracht koopt kocht verkoopt verkocht verdient verdiende zoekt zocht schrijft schreef
leest las luistert luisterde kijkt keek danst danste zingt zong eet at gebruikt gebruikte dealt dealde
vertrok vertrekt verdween verdwijnt keerde keert reist reisde gebruikt gebruikte accepteert accepteerde
erkent erkende bekent bekende vertrouwt vertrouwde mist miste twijfelt twijfelde begrijpt begreep
`)

// weakVerbs are the person verbs that as often follow a thing as a
// person ("Politie heeft", "School is"): after a word the name list does
// not know they are no sign of a name; after a name that is also a word
// ("Roos is weggelopen") they are.
var weakVerbs = set(`heeft had is was wordt werd kreeg krijgt moet moest kan kon zal zou blijft bleef staat stond laat liet doet deed ziet zag weet wist houdt hield neemt nam gaat ging komt kwam zit zat`)

// abbreviations end with a dot that does not end a sentence.
var abbreviations = set(`
mevr dhr mw hr mr dr drs ir ing prof st sr jr ca bijv bv evt o.a ivm i.v.m nr no tel art lid
jan feb mrt apr jun jul aug sep sept okt nov dec ma di wo do vr za zo zgn resp incl excl
`)

// Trigger bits: the lower-case words that start a detector's look around
// them, so that the detectors pass over every other word at the cost of one
// map look-up.
const (
	trigSchoolPrefix uint16 = 1 << iota
	trigSchoolWord
	trigSchoolSuffix
	trigSchoolContext
	trigSchoolClass
	trigHandleCue
	trigStreetHead
	trigBareStreet
	trigPersonCue
)

// triggers maps lower-case words to their trigger bits.
var triggers = func() map[string]uint16 {
	m := map[string]uint16{}
	add := func(words map[string]bool, bit uint16) {
		for w := range words {
			m[w] |= bit
		}
	}
	add(schoolPrefixes, trigSchoolPrefix)
	add(schoolWords, trigSchoolWord)
	add(schoolSuffixes, trigSchoolSuffix)
	add(set(`zit zat zitten ingeschreven leerling leerlinge oud-leerling`), trigSchoolContext)
	add(set(`klas groep leerjaar`), trigSchoolClass)
	add(handleCues, trigHandleCue)
	add(streetHeads, trigStreetHead)
	add(bareStreetWords, trigBareStreet)
	add(kinWords, trigPersonCue)
	add(kinOfWords, trigPersonCue)
	add(nickWords, trigPersonCue)
	add(addressWords, trigPersonCue)
	add(set(`heet heette is was luidt zich haar hem van`), trigPersonCue)
	return m
}()

// triggerShapes holds the shape of every trigger (length, first two and
// last byte, in lower case as byte|0x20 makes ASCII letters), so that most
// words skip the look-up in triggers.
var triggerShapes = func() map[uint32]bool {
	m := map[uint32]bool{}
	for w := range triggers {
		m[triggerShape(w)] = true
	}
	return m
}()

// triggerShape packs the shape of a word of two bytes or more.
func triggerShape(w string) uint32 {
	return uint32(min(len(w), 255))<<24 | uint32(w[0]|0x20)<<16 | uint32(w[1]|0x20)<<8 | uint32(w[len(w)-1]|0x20)
}
