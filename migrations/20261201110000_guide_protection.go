package migrations

// guideSeedProtection20261201 is the first text of the guide's articles on
// privacy and protection from violence and exploitation (art. 16, 19, 32,
// 34, 35, 36 and 39 of the Convention), in Dutch and English.
var guideSeedProtection20261201 = []guideSeed20261201{
	{
		article: "ivrk-16", lang: "nl", title: "Privacy",
		explanation: `
Het privéleven van een kind wordt beschermd: zijn gezin, zijn woning, zijn contacten en zijn gegevens. Voor slachtoffers van uitbuiting is dat extra belangrijk, omdat gegevens die uitlekken het kind in gevaar kunnen brengen of het kind opnieuw kunnen beschadigen.

Een gemeente zorgt dat ketenpartners alleen de informatie delen die nodig is, met een duidelijke grondslag en afspraken over wie wat mag weten. In casusoverleg en training worden casussen zo besproken dat het kind niet herkenbaar is: zonder namen, adressen, geboortedata of foto's. Tegelijk mag privacy geen reden zijn om een kind niet te beschermen: bij een vermoeden van uitbuiting is delen wat nodig is om het kind veilig te krijgen juist geboden.`,
		prevention: []string{
			"Leren we jongeren hoe zij hun privacy online beschermen, bijvoorbeeld bij het delen van foto's?",
		},
		signalling: []string{
			"Zijn er afspraken over welke informatie ketenpartners mogen delen bij een vermoeden van uitbuiting, en met wie?",
			"Weten professionals dat privacyregels hen niet beletten een kind in gevaar te melden?",
		},
		investigation: []string{
			"Hoe voorkomen we dat gegevens van het kind in een strafdossier of in de media herleidbaar worden?",
		},
		care: []string{
			"Is het opvangadres van het kind afgeschermd, en weet het kind wie welke gegevens over hem heeft?",
			"Worden casussen in overleggen en trainingen zonder herleidbare gegevens besproken?",
		},
	},
	{
		article: "ivrk-16", lang: "en", title: "Privacy",
		explanation: `
A child's private life is protected: their family, home, contacts and data. For victims of exploitation this matters even more, because data that leaks can put the child in danger or harm the child again.

A municipality makes sure that chain partners share only the information that is needed, on a clear legal basis and with agreements about who may know what. In case conferences and training, cases are discussed so that the child cannot be recognised: without names, addresses, dates of birth or photos. At the same time, privacy must never be a reason not to protect a child: when exploitation is suspected, sharing what is needed to get the child safe is exactly what is called for.`,
		prevention: []string{
			"Do we teach young people how to protect their privacy online, for example when sharing photos?",
		},
		signalling: []string{
			"Are there agreements on which information chain partners may share when exploitation is suspected, and with whom?",
			"Do professionals know that privacy rules do not stop them from reporting a child in danger?",
		},
		investigation: []string{
			"How do we prevent the child's data from becoming traceable in a criminal file or in the media?",
		},
		care: []string{
			"Is the child's shelter address kept confidential, and does the child know who holds which data about them?",
			"Are cases discussed in meetings and training without identifying data?",
		},
	},
	{
		article: "ivrk-19", lang: "nl", title: "Bescherming tegen geweld",
		explanation: `
Kinderen worden beschermd tegen elke vorm van geweld, mishandeling, misbruik en verwaarlozing, ook als dat gebeurt door ouders of andere verzorgers. De overheid neemt daarvoor maatregelen in wetgeving, bestuur, onderwijs en hulpverlening, en zorgt voor manieren om geweld te melden, te onderzoeken en te behandelen.

Voor een gemeente is dit de basis onder de hele aanpak: zorg dat geweld tegen kinderen wordt voorkomen, dat professionals de meldcode huiselijk geweld en kindermishandeling met zijn vijf stappen kennen, dat Veilig Thuis bereikbaar en bekend is, en dat er na een melding snel hulp volgt. Uitbuiting gaat vaak samen met andere vormen van geweld, thuis of in de relatie met een pooierboy.`,
		prevention: []string{
			"Is er voorlichting over gezonde relaties, grenzen en grooming op scholen en in het jongerenwerk?",
			"Ondersteunen we ouders bij het herkennen van geweld en uitbuiting?",
		},
		signalling: []string{
			"Kennen alle professionals in onze gemeente de meldcode en de vijf stappen, en weten zij Veilig Thuis (0800-2000) te vinden?",
			"Is duidelijk wanneer een signaal naar de zorgcoördinator mensenhandel gaat?",
		},
		investigation: []string{
			"Zijn er afspraken tussen Veilig Thuis, politie en de zorgcoördinator over wie na een melding wat doet?",
		},
		care: []string{
			"Volgt er na een melding binnen afzienbare tijd hulp, en wie houdt daar toezicht op?",
			"Is er traumabehandeling beschikbaar voor kinderen die geweld hebben meegemaakt?",
		},
	},
	{
		article: "ivrk-19", lang: "en", title: "Protection from violence",
		explanation: `
Children are protected from every form of violence, abuse, maltreatment and neglect, also when it comes from parents or other carers. The state takes measures for this in law, administration, education and support, and provides ways to report, investigate and treat violence.

For a municipality this is the foundation of the whole approach: make sure that violence against children is prevented, that professionals know the reporting code on domestic violence and child abuse with its five steps, that Veilig Thuis is known and reachable, and that support follows quickly after a report. Exploitation often goes together with other forms of violence, at home or in the relationship with a pimp.`,
		prevention: []string{
			"Is there education about healthy relationships, boundaries and grooming in schools and youth work?",
			"Do we support parents in recognising violence and exploitation?",
		},
		signalling: []string{
			"Do all professionals in our municipality know the reporting code and its five steps, and how to reach Veilig Thuis (0800-2000)?",
			"Is it clear when a signal goes to the trafficking care coordinator?",
		},
		investigation: []string{
			"Are there agreements between Veilig Thuis, the police and the care coordinator about who does what after a report?",
		},
		care: []string{
			"Does support follow within a reasonable time after a report, and who keeps an eye on that?",
			"Is trauma treatment available for children who have experienced violence?",
		},
	},
	{
		article: "ivrk-32", lang: "nl", title: "Economische uitbuiting (kinderarbeid)",
		explanation: `
Kinderen worden beschermd tegen economische uitbuiting en tegen werk dat gevaarlijk is, hun opleiding in de weg staat of hun gezondheid en ontwikkeling schaadt. Daarbij hoort ook criminele uitbuiting: kinderen die worden ingezet als drugskoerier, voor diefstal of om geld wit te wassen.

Een gemeente let erop dat arbeidsuitbuiting en criminele uitbuiting van minderjarigen niet buiten de aanpak vallen. Jongeren die strafbare feiten plegen, kunnen zelf slachtoffer zijn. Dat vraagt van professionals dat zij verder kijken dan het delict, en van de gemeente dat zorg en veiligheid samen optrekken.`,
		prevention: []string{
			"Weten jongeren en ouders hoe ronselen voor criminele klussen of illegaal werk gaat, ook via sociale media?",
		},
		signalling: []string{
			"Worden jongeren die drugs vervoeren of bij diefstal betrokken zijn ook bekeken als mogelijk slachtoffer van uitbuiting?",
			"Kunnen toezichthouders en handhavers signalen van arbeidsuitbuiting van minderjarigen herkennen en doorgeven?",
		},
		investigation: []string{
			"Is in het Zorg- en Veiligheidshuis afgesproken hoe de slachtofferkant wordt gewogen bij jongeren die verdacht worden van een delict?",
		},
		care: []string{
			"Is er hulp voor jongeren die uit criminele uitbuiting willen stappen, inclusief hulp bij schulden en dreiging?",
		},
	},
	{
		article: "ivrk-32", lang: "en", title: "Economic exploitation (child labour)",
		explanation: `
Children are protected from economic exploitation and from work that is dangerous, gets in the way of their education or harms their health and development. This includes criminal exploitation: children used as drug couriers, for theft or to launder money.

A municipality makes sure that labour exploitation and criminal exploitation of minors do not fall outside its approach. Young people who commit offences can be victims themselves. That asks professionals to look beyond the offence, and the municipality to let care and safety work together.`,
		prevention: []string{
			"Do young people and parents know how recruitment for criminal jobs or illegal work happens, including through social media?",
		},
		signalling: []string{
			"Are young people who carry drugs or take part in theft also seen as possible victims of exploitation?",
			"Can inspectors and enforcement officers recognise and pass on signals of labour exploitation of minors?",
		},
		investigation: []string{
			"Has the Zorg- en Veiligheidshuis agreed how the victim's side is weighed for young people suspected of an offence?",
		},
		care: []string{
			"Is there support for young people who want to leave criminal exploitation, including help with debts and threats?",
		},
	},
	{
		article: "ivrk-34", lang: "nl", title: "Seksuele uitbuiting en seksueel misbruik",
		explanation: `
Kinderen worden beschermd tegen elke vorm van seksuele uitbuiting en seksueel misbruik: tegen het dwingen of verleiden tot seksuele handelingen, tegen uitbuiting in de prostitutie en tegen gebruik in beeldmateriaal. Dit is de kern van het programma van Defence for Children bij gemeenten.

Een gemeente zorgt dat seksuele uitbuiting van minderjarigen een vaste plek heeft in haar aanpak van mensenhandel: jongeren weten hoe pooierboys en andere uitbuiters werken, professionals herkennen de signalen, er is een route van signaal naar hulp, en slachtoffers krijgen gespecialiseerde hulp en opvang. Een minderjarige kan nooit instemmen met zijn eigen uitbuiting.`,
		prevention: []string{
			"Krijgen jongeren voorlichting over de werkwijze van pooierboys, sextortion en ronselen via sociale media?",
			"Zijn horeca, hotels, taxibedrijven en andere ondernemers in onze gemeente geïnformeerd over signalen van seksuele uitbuiting?",
		},
		signalling: []string{
			"Is er één duidelijke route van signaal naar de zorgcoördinator mensenhandel, en kent iedereen die route?",
			"Worden signalen ook opgehaald bij plekken waar uitbuiting zichtbaar kan worden, zoals scholen, jeugdzorg en de huisarts?",
		},
		investigation: []string{
			"Werken gemeente, politie en Openbaar Ministerie samen aan een bestuurlijke en strafrechtelijke aanpak van uitbuiters?",
		},
		care: []string{
			"Is er gespecialiseerde opvang en hulp voor minderjarige slachtoffers van seksuele uitbuiting beschikbaar, en hoe snel?",
			"Is er nazorg wanneer het kind uit de opvang komt?",
		},
	},
	{
		article: "ivrk-34", lang: "en", title: "Sexual exploitation and sexual abuse",
		explanation: `
Children are protected from every form of sexual exploitation and sexual abuse: from being forced or lured into sexual acts, from exploitation in prostitution and from use in images. This is the core of Defence for Children's programme with municipalities.

A municipality gives the sexual exploitation of minors a fixed place in its approach to human trafficking: young people know how pimps and other exploiters work, professionals recognise the signals, there is a route from signal to support, and victims receive specialised support and shelter. A minor can never consent to their own exploitation.`,
		prevention: []string{
			"Do young people learn how pimps operate, about sextortion and about recruitment through social media?",
			"Have hospitality businesses, hotels, taxi firms and other businesses in our municipality been informed about signals of sexual exploitation?",
		},
		signalling: []string{
			"Is there one clear route from a signal to the trafficking care coordinator, and does everyone know it?",
			"Are signals also gathered where exploitation can become visible, such as schools, youth care and the family doctor?",
		},
		investigation: []string{
			"Do the municipality, the police and the public prosecutor work together on an administrative and criminal approach to exploiters?",
		},
		care: []string{
			"Is specialised shelter and support for minor victims of sexual exploitation available, and how quickly?",
			"Is there aftercare when the child leaves the shelter?",
		},
	},
	{
		article: "ivrk-35", lang: "nl", title: "Ontvoering, verkoop van en handel in kinderen",
		explanation: `
De overheid neemt maatregelen om te voorkomen dat kinderen worden ontvoerd, verkocht of verhandeld, voor welk doel en in welke vorm ook. Kinderhandel gebeurt niet alleen over grenzen heen: ook binnen Nederland en binnen één stad worden kinderen geworven, overgebracht en uitgebuit.

Een gemeente draagt bij met een gezamenlijke aanpak van de keten: afspraken over vermissingen en weglopers, aandacht voor kinderen die zonder ouders aankomen, en informatie-uitwisseling in de regio, omdat uitbuiters kinderen vaak verplaatsen tussen steden.`,
		prevention: []string{
			"Hebben we zicht op kinderen die extra kwetsbaar zijn voor handel, zoals weglopers en kinderen die zonder ouders in Nederland zijn?",
		},
		signalling: []string{
			"Zijn er afspraken over wat er gebeurt als een kind herhaaldelijk vermist raakt of wegloopt uit een opvang of instelling?",
			"Delen we in de regio signalen over kinderen die tussen gemeenten worden verplaatst?",
		},
		investigation: []string{
			"Weten we hoe we samenwerken met de politie en CoMensha wanneer er aanwijzingen zijn voor kinderhandel?",
		},
		care: []string{
			"Is er beschermde opvang voor kinderen die gevaar lopen opnieuw geronseld te worden?",
		},
	},
	{
		article: "ivrk-35", lang: "en", title: "Abduction, sale of and trafficking in children",
		explanation: `
The state takes measures to prevent children from being abducted, sold or trafficked, for any purpose and in any form. Child trafficking does not only happen across borders: within the Netherlands and within one city, too, children are recruited, moved and exploited.

A municipality contributes through a joint approach in the chain: agreements about missing children and runaways, attention for children who arrive without their parents, and exchange of information in the region, because exploiters often move children between cities.`,
		prevention: []string{
			"Do we have in view the children who are especially vulnerable to trafficking, such as runaways and children in the Netherlands without their parents?",
		},
		signalling: []string{
			"Are there agreements on what happens when a child repeatedly goes missing or runs away from a shelter or institution?",
			"Do we share signals in the region about children being moved between municipalities?",
		},
		investigation: []string{
			"Do we know how to work with the police and CoMensha when there are indications of child trafficking?",
		},
		care: []string{
			"Is there protected shelter for children at risk of being recruited again?",
		},
	},
	{
		article: "ivrk-36", lang: "nl", title: "Andere vormen van uitbuiting",
		explanation: `
Naast economische en seksuele uitbuiting worden kinderen beschermd tegen elke andere vorm van uitbuiting die schadelijk is voor hun welzijn. Denk aan gedwongen bedelen, uitbuiting in huishoudelijk werk, gedwongen huwelijken of het gebruik van kinderen voor fraude.

Een gemeente houdt haar aanpak breed genoeg om ook minder bekende vormen te zien. Professionals die alleen op seksuele uitbuiting letten, missen andere signalen. Het helpt om in training en casusoverleg ook deze vormen te bespreken.`,
		prevention: []string{
			"Besteden we in voorlichting en training aandacht aan minder bekende vormen van uitbuiting?",
		},
		signalling: []string{
			"Weten professionals welke signalen passen bij gedwongen bedelen, huishoudelijke uitbuiting of fraude met kinderen?",
		},
		investigation: []string{
			"Worden ook deze vormen van uitbuiting gemeld en vastgelegd, zodat we weten hoe vaak ze voorkomen?",
		},
		care: []string{
			"Past onze hulp en opvang ook bij kinderen die op een andere manier dan seksueel zijn uitgebuit?",
		},
	},
	{
		article: "ivrk-36", lang: "en", title: "Other forms of exploitation",
		explanation: `
Besides economic and sexual exploitation, children are protected from every other form of exploitation that harms their welfare. Think of forced begging, exploitation in domestic work, forced marriage or the use of children for fraud.

A municipality keeps its approach broad enough to see less familiar forms too. Professionals who look only for sexual exploitation miss other signals. It helps to discuss these forms in training and case conferences as well.`,
		prevention: []string{
			"Do our awareness-raising and training pay attention to less familiar forms of exploitation?",
		},
		signalling: []string{
			"Do professionals know the signals of forced begging, domestic exploitation or fraud involving children?",
		},
		investigation: []string{
			"Are these forms of exploitation also reported and recorded, so that we know how often they occur?",
		},
		care: []string{
			"Do our support and shelter also suit children who were exploited in ways other than sexually?",
		},
	},
	{
		article: "ivrk-39", lang: "nl", title: "Herstel en re-integratie",
		explanation: `
Een kind dat slachtoffer is geworden van uitbuiting, misbruik of geweld, heeft recht op lichamelijk en psychisch herstel en op terugkeer in de samenleving, in een omgeving die zijn gezondheid, zelfrespect en waardigheid bevordert.

Voor een gemeente betekent dit dat de hulp niet stopt wanneer het kind veilig is. Herstel vraagt tijd: traumabehandeling, onderwijs, een plek om te wonen, contact met familie waar dat veilig is, en nazorg na het verlaten van de opvang. De gemeente zorgt dat deze hulp beschikbaar is en op elkaar aansluit, ook als het kind achttien wordt.`,
		prevention: []string{
			"Voorkomen we dat een kind na de hulp terugkeert naar dezelfde situatie waarin het werd uitgebuit?",
		},
		signalling: []string{
			"Wie let na afloop van de hulp op signalen dat het kind opnieuw in beeld komt bij uitbuiters?",
		},
		investigation: []string{
			"Wordt het kind tijdens en na een strafzaak ondersteund, zodat het proces zijn herstel niet in de weg staat?",
		},
		care: []string{
			"Is er een plan voor herstel met onderwijs, wonen en traumabehandeling, en wie is daarvoor verantwoordelijk?",
			"Loopt de hulp door als het kind achttien wordt?",
		},
	},
	{
		article: "ivrk-39", lang: "en", title: "Recovery and reintegration",
		explanation: `
A child who has been a victim of exploitation, abuse or violence has the right to physical and psychological recovery and to reintegration into society, in an environment that fosters their health, self-respect and dignity.

For a municipality this means that support does not stop once the child is safe. Recovery takes time: trauma treatment, education, a place to live, contact with family where that is safe, and aftercare after leaving the shelter. The municipality makes sure that this support is available and joined up, also when the child turns eighteen.`,
		prevention: []string{
			"Do we prevent a child from returning, after support, to the same situation in which they were exploited?",
		},
		signalling: []string{
			"Who watches, after support has ended, for signals that the child is back in view of exploiters?",
		},
		investigation: []string{
			"Is the child supported during and after criminal proceedings, so that the process does not stand in the way of recovery?",
		},
		care: []string{
			"Is there a recovery plan covering education, housing and trauma treatment, and who is responsible for it?",
			"Does support continue when the child turns eighteen?",
		},
	},
}
