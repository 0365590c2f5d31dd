package migrations

// guideSeedEU20261201 is the first text of the guide's articles on the
// child-specific articles of EU Directive 2011/36/EU on trafficking in
// human beings (13 to 16) and on the Lanzarote Convention, in Dutch and
// English.
var guideSeedEU20261201 = []guideSeed20261201{
	{
		article: "eu-13", lang: "nl", title: "Bijstand, steun en bescherming voor minderjarige slachtoffers",
		explanation: `
Minderjarige slachtoffers van mensenhandel krijgen bijstand, steun en bescherming, en bij alles wat daarbij gebeurt, gaat het belang van het kind voor. Is niet zeker hoe oud iemand is, maar zijn er redenen om aan te nemen dat het om een kind gaat, dan wordt hij als kind behandeld en krijgt hij meteen de hulp die bij een kind hoort, zonder eerst op een leeftijdsonderzoek te wachten.

Voor een gemeente werkt dit artikel de artikelen 3 en 39 van het Kinderrechtenverdrag uit voor mensenhandel: zorg dat hulp direct kan starten, dat twijfel over de leeftijd geen reden is om hulp uit te stellen, en dat het belang van het kind leidend is bij de keuzes van alle ketenpartners.`,
		prevention: []string{
			"Weten onze ketenpartners dat iemand bij twijfel over de leeftijd als kind wordt behandeld?",
		},
		signalling: []string{
			"Kan hulp direct starten na een signaal, ook voordat vaststaat dat er sprake is van mensenhandel?",
		},
		investigation: []string{
			"Hangt de hulp aan het kind af van zijn medewerking aan opsporing, of krijgt het kind hulp hoe dan ook?",
		},
		care: []string{
			"Is bekend welke opvang en hulp er direct beschikbaar is voor een minderjarig slachtoffer, ook 's avonds en in het weekend?",
		},
	},
	{
		article: "eu-13", lang: "en", title: "Assistance, support and protection for child victims",
		explanation: `
Child victims of trafficking receive assistance, support and protection, and in everything that happens the child's best interests come first. When it is not certain how old someone is but there are reasons to believe they are a child, they are treated as a child and receive the support a child should have at once, without first waiting for an age assessment.

For a municipality this article works out articles 3 and 39 of the Convention on the Rights of the Child for trafficking: make sure support can start immediately, that doubt about age is no reason to delay support, and that the child's best interests guide the choices of every chain partner.`,
		prevention: []string{
			"Do our chain partners know that a person whose age is in doubt is treated as a child?",
		},
		signalling: []string{
			"Can support start immediately after a signal, even before it is established that trafficking is involved?",
		},
		investigation: []string{
			"Does support for the child depend on cooperation with the investigation, or does the child receive support regardless?",
		},
		care: []string{
			"Do we know which shelter and support is available at once for a minor victim, also in the evening and at weekends?",
		},
	},
	{
		article: "eu-14", lang: "nl", title: "Individuele beoordeling, voogd en onderwijs",
		explanation: `
Wat een minderjarig slachtoffer nodig heeft, wordt per kind bepaald in een individuele beoordeling van zijn situatie, waarin de mening, behoeften en zorgen van het kind worden meegewogen, met het oog op een duurzame oplossing. Het kind krijgt toegang tot onderwijs. Kunnen de ouders het belang van het kind niet behartigen, bijvoorbeeld omdat zij bij de uitbuiting betrokken zijn, dan krijgt het kind vanaf het moment dat het als slachtoffer in beeld komt een voogd of vertegenwoordiger.

Dit artikel werkt de artikelen 3 en 12 van het Kinderrechtenverdrag uit: het belang van het kind wordt per kind gewogen, en het kind praat daarover mee. Voor een gemeente betekent het: zorg dat zo'n beoordeling er komt, dat iemand verantwoordelijk is voor het vervolg, en dat onderwijs doorloopt.`,
		prevention: []string{
			"Is er een voorziening om snel een voogd te regelen als de ouders betrokken zijn bij de uitbuiting?",
		},
		signalling: []string{
			"Wie zorgt ervoor dat na een signaal een individuele beoordeling van de situatie van het kind wordt gemaakt?",
		},
		investigation: []string{
			"Wordt de mening van het kind meegenomen in die beoordeling, en wordt uitgelegd wat ermee gebeurt?",
		},
		care: []string{
			"Kan een kind in de opvang onderwijs blijven volgen?",
			"Werken we toe naar een duurzame oplossing voor het kind, en niet alleen naar een veilige plek voor nu?",
		},
	},
	{
		article: "eu-14", lang: "en", title: "Individual assessment, guardian and education",
		explanation: `
What a child victim needs is decided child by child in an individual assessment of their situation, which takes the child's views, needs and concerns into account, with a view to a durable solution. The child has access to education. When the parents cannot look after the child's interests, for instance because they are involved in the exploitation, the child gets a guardian or representative from the moment it is identified as a victim.

This article works out articles 3 and 12 of the Convention on the Rights of the Child: the best interests are weighed for each child, and the child has a say in it. For a municipality it means: make sure such an assessment is made, that someone is responsible for what follows, and that education continues.`,
		prevention: []string{
			"Is there a way to arrange a guardian quickly when the parents are involved in the exploitation?",
		},
		signalling: []string{
			"Who makes sure that an individual assessment of the child's situation is made after a signal?",
		},
		investigation: []string{
			"Are the child's views taken into that assessment, and is it explained what is done with them?",
		},
		care: []string{
			"Can a child in shelter continue their education?",
			"Do we work towards a durable solution for the child, not only a safe place for now?",
		},
	},
	{
		article: "eu-15", lang: "nl", title: "Bescherming in het strafproces",
		explanation: `
Een minderjarig slachtoffer wordt in het strafproces beschermd. Het krijgt een eigen vertegenwoordiger als de ouders dat niet kunnen zijn. Verhoren zijn zo kort en zo weinig mogelijk, vinden plaats in een ruimte die daarvoor is ingericht, worden afgenomen door mensen die daarvoor zijn opgeleid en waar mogelijk steeds door dezelfde persoon, en het kind mag zich laten vergezellen door een volwassene van zijn keuze.

Dit artikel werkt de artikelen 12, 16 en 39 van het Kinderrechtenverdrag uit voor de opsporing en vervolging. De gemeente is geen opsporingsdienst, maar kan met politie en Openbaar Ministerie afspreken hoe het kind door het proces wordt begeleid en hoe het verhoor aansluit op de hulp.`,
		prevention: []string{
			"Weten kinderen en ouders wat er gebeurt als zij aangifte doen, en bij wie zij met vragen terechtkunnen?",
		},
		signalling: []string{
			"Is afgesproken dat een kind niet vaker dan nodig zijn verhaal hoeft te vertellen, ook niet aan verschillende hulpverleners?",
		},
		investigation: []string{
			"Worden minderjarige slachtoffers gehoord in een kindvriendelijke verhoorruimte door opgeleide verhoorders?",
			"Krijgt het kind een eigen advocaat of vertegenwoordiger, en mag een vertrouwde volwassene mee?",
		},
		care: []string{
			"Loopt de hulp door tijdens het strafproces, en wordt het kind voorbereid op zittingen?",
		},
	},
	{
		article: "eu-15", lang: "en", title: "Protection in criminal proceedings",
		explanation: `
A child victim is protected in criminal proceedings. The child gets its own representative when the parents cannot act as such. Interviews are as short and as few as possible, take place in rooms designed for them, are held by people trained for them and where possible always by the same person, and the child may be accompanied by an adult of its choice.

This article works out articles 12, 16 and 39 of the Convention on the Rights of the Child for investigation and prosecution. The municipality is not an investigating authority, but it can agree with the police and the public prosecutor how the child is accompanied through the process and how the interview connects with support.`,
		prevention: []string{
			"Do children and parents know what happens when they file a criminal complaint, and whom they can ask?",
		},
		signalling: []string{
			"Have we agreed that a child does not have to tell their story more often than needed, also not to different support workers?",
		},
		investigation: []string{
			"Are child victims interviewed in a child-friendly interview room by trained interviewers?",
			"Does the child get its own lawyer or representative, and may a trusted adult come along?",
		},
		care: []string{
			"Does support continue during the criminal proceedings, and is the child prepared for hearings?",
		},
	},
	{
		article: "eu-16", lang: "nl", title: "Alleenstaande minderjarige slachtoffers",
		explanation: `
Kinderen die zonder ouders of verzorgers in een land zijn en slachtoffer worden van mensenhandel, krijgen hulp die past bij hun persoonlijke en bijzondere omstandigheden. Er wordt gezocht naar een duurzame oplossing op basis van een beoordeling van het belang van het kind, en het kind krijgt een voogd.

Dit artikel werkt de artikelen 2, 3 en 35 van het Kinderrechtenverdrag uit: deze kinderen hebben dezelfde rechten als andere kinderen, hun belang staat voorop, en zij lopen een groot risico op handel en uitbuiting. Voor een gemeente betekent het dat zij ook alleenstaande minderjarigen die in de gemeente verblijven, bijvoorbeeld in een opvanglocatie, in haar aanpak meeneemt.`,
		prevention: []string{
			"Krijgen alleenstaande minderjarigen in onze gemeente voorlichting over uitbuiting in een taal en vorm die zij begrijpen?",
		},
		signalling: []string{
			"Zijn medewerkers van opvanglocaties en voogden betrokken bij de signaleringsafspraken in onze gemeente?",
			"Wat doen we als een alleenstaande minderjarige uit de opvang verdwijnt?",
		},
		investigation: []string{
			"Werken we samen met de voogdij-instelling en de politie als er aanwijzingen zijn dat een alleenstaande minderjarige wordt uitgebuit?",
		},
		care: []string{
			"Is er beschermde opvang beschikbaar voor alleenstaande minderjarigen die risico lopen?",
		},
	},
	{
		article: "eu-16", lang: "en", title: "Unaccompanied child victims",
		explanation: `
Children who are in a country without parents or carers and become victims of trafficking receive support that fits their personal and special circumstances. A durable solution is sought based on an assessment of the child's best interests, and the child gets a guardian.

This article works out articles 2, 3 and 35 of the Convention on the Rights of the Child: these children have the same rights as other children, their best interests come first, and they are at great risk of trafficking and exploitation. For a municipality it means including unaccompanied minors who stay in the municipality, for example in a reception centre, in its approach.`,
		prevention: []string{
			"Do unaccompanied minors in our municipality receive information about exploitation in a language and form they understand?",
		},
		signalling: []string{
			"Are staff of reception centres and guardians part of the signalling agreements in our municipality?",
			"What do we do when an unaccompanied minor disappears from reception?",
		},
		investigation: []string{
			"Do we work with the guardianship organisation and the police when there are indications that an unaccompanied minor is being exploited?",
		},
		care: []string{
			"Is protected shelter available for unaccompanied minors at risk?",
		},
	},
	{
		article: "lanzarote", lang: "nl", title: "Bescherming tegen seksuele uitbuiting en seksueel misbruik",
		explanation: `
Het Verdrag van Lanzarote van de Raad van Europa gaat over de bescherming van kinderen tegen seksuele uitbuiting en seksueel misbruik. Het vraagt om preventie, zoals het screenen en trainen van mensen die met kinderen werken en voorlichting aan kinderen; om bescherming, met mogelijkheden om te melden, hulplijnen en therapeutische hulp; en om kindvriendelijke procedures bij politie en justitie.

Het verdrag werkt de artikelen 19, 34 en 39 van het Kinderrechtenverdrag uit. Een veelbelovende werkwijze is het Barnahus-model: politie, justitie, zorg en jeugdbescherming werken onder één dak, zodat een kind zijn verhaal niet steeds opnieuw hoeft te vertellen. Een gemeente kan bij haar partners nagaan hoe ver de eigen regio daarmee is.`,
		prevention: []string{
			"Worden mensen die in onze gemeente met kinderen werken, zoals in sport, jongerenwerk en opvang, gescreend en getraind?",
			"Krijgen kinderen voorlichting over seksuele grenzen en over waar zij hulp kunnen vragen?",
		},
		signalling: []string{
			"Zijn hulplijnen en meldpunten bekend bij kinderen, ouders en professionals in onze gemeente?",
		},
		investigation: []string{
			"Zijn de procedures bij politie en justitie kindvriendelijk, en is er in onze regio een werkwijze naar het voorbeeld van het Barnahus?",
		},
		care: []string{
			"Is therapeutische hulp voor kinderen en hun gezin snel beschikbaar na seksueel misbruik of uitbuiting?",
		},
	},
	{
		article: "lanzarote", lang: "en", title: "Protection from sexual exploitation and sexual abuse",
		explanation: `
The Lanzarote Convention of the Council of Europe is about protecting children from sexual exploitation and sexual abuse. It asks for prevention, such as screening and training people who work with children and informing children; for protection, with ways to report, helplines and therapeutic support; and for child-friendly procedures with the police and the courts.

The Convention works out articles 19, 34 and 39 of the Convention on the Rights of the Child. A promising practice is the Barnahus model: police, justice, care and child protection work under one roof, so that a child does not have to tell their story again and again. A municipality can ask its partners how far its own region has come with this.`,
		prevention: []string{
			"Are people who work with children in our municipality, such as in sports, youth work and shelters, screened and trained?",
			"Do children learn about sexual boundaries and where they can ask for help?",
		},
		signalling: []string{
			"Are helplines and reporting points known to children, parents and professionals in our municipality?",
		},
		investigation: []string{
			"Are police and court procedures child-friendly, and does our region have a way of working modelled on the Barnahus?",
		},
		care: []string{
			"Is therapeutic support for children and their families available quickly after sexual abuse or exploitation?",
		},
	},
}
