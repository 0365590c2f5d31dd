package migrations

// guideSeedPrinciples20261201 is the first text of the guide's articles on
// the four general principles of the Convention on the Rights of the
// Child (art. 2, 3, 6 and 12), in Dutch and English.
var guideSeedPrinciples20261201 = []guideSeed20261201{
	{
		article: "ivrk-2", lang: "nl", title: "Geen discriminatie",
		explanation: `
Elk recht uit het verdrag geldt voor elk kind, zonder onderscheid naar afkomst, geslacht, geaardheid, verblijfsstatus, beperking of achtergrond. Voor de aanpak van mensenhandel betekent dit dat een gemeente niet alleen aan het bekende beeld van een meisje en een pooierboy denkt: ook jongens, lhbti-jongeren, kinderen met een licht verstandelijke beperking, kinderen zonder verblijfsvergunning en kinderen in de jeugdzorg kunnen slachtoffer worden van uitbuiting.

De gemeente kijkt daarom in haar beleid na welke groepen kinderen buiten beeld blijven, en zorgt dat voorlichting, signalering, hulp en opvang ook hen bereiken. Een kind krijgt dezelfde bescherming en zorg, ongeacht of het hier woont, hier verblijft of op doorreis is.`,
		prevention: []string{
			"Bereikt onze voorlichting ook jongens, lhbti-jongeren en kinderen met een licht verstandelijke beperking?",
			"Is voorlichtingsmateriaal er in eenvoudige taal en in de talen die in onze gemeente gesproken worden?",
		},
		signalling: []string{
			"Weten professionals dat uitbuiting niet alleen meisjes treft, en herkennen zij signalen bij jongens?",
			"Worden signalen bij kinderen zonder verblijfsvergunning op dezelfde manier opgepakt als bij andere kinderen?",
		},
		investigation: []string{
			"Wordt elke melding over een minderjarige even serieus onderzocht, ongeacht de herkomst of verblijfsstatus van het kind?",
		},
		care: []string{
			"Is er passende opvang voor jongens en voor kinderen met een beperking, en niet alleen voor meisjes?",
			"Krijgen kinderen zonder verblijfsvergunning dezelfde toegang tot hulp en opvang?",
		},
	},
	{
		article: "ivrk-2", lang: "en", title: "Non-discrimination",
		explanation: `
Every right in the Convention applies to every child, whatever their origin, sex, sexual orientation, residence status, disability or background. For the approach to human trafficking this means that a municipality looks beyond the familiar picture of a girl and a pimp: boys, LGBTI youth, children with a mild intellectual disability, children without a residence permit and children in youth care can be victims of exploitation too.

The municipality therefore checks which groups of children its policy leaves out of sight, and makes sure that awareness-raising, signalling, support and shelter reach them as well. A child receives the same protection and care whether it lives here, stays here or is passing through.`,
		prevention: []string{
			"Does our awareness-raising also reach boys, LGBTI youth and children with a mild intellectual disability?",
			"Is information available in plain language and in the languages spoken in our municipality?",
		},
		signalling: []string{
			"Do professionals know that exploitation does not only affect girls, and do they recognise signals in boys?",
			"Are signals about children without a residence permit followed up in the same way as for other children?",
		},
		investigation: []string{
			"Is every report about a minor investigated with the same care, whatever the child's origin or residence status?",
		},
		care: []string{
			"Is there suitable shelter for boys and for children with a disability, and not only for girls?",
			"Do children without a residence permit have the same access to support and shelter?",
		},
	},
	{
		article: "ivrk-3", lang: "nl", title: "Belang van het kind",
		explanation: `
Bij elke maatregel die een kind raakt, weegt het belang van het kind zwaar mee. Dat geldt voor het beleid van de gemeente, voor de keuzes van ketenpartners en voor besluiten over één kind. Het belang van het kind is geen vaste uitkomst, maar een afweging die je zichtbaar maakt: wat betekent deze keuze voor dit kind, nu en later?

Voor een gemeente betekent dit dat zij bij de aanpak van mensenhandel vastlegt hoe het belang van minderjarige slachtoffers wordt gewogen, bijvoorbeeld bij de keuze voor opvang, bij samenwerking met politie en justitie en bij het delen van informatie. Waar belangen botsen, zoals opsporing tegenover veiligheid, gaat de bescherming van het kind voor en wordt de afweging vastgelegd.`,
		prevention: []string{
			"Staat in ons beleidsplan hoe we het belang van het kind meewegen bij keuzes over de aanpak van mensenhandel?",
			"Betrekken we jongeren en hun ouders bij het kiezen van preventieactiviteiten?",
		},
		signalling: []string{
			"Weten professionals dat zij bij twijfel over een signaal moeten handelen in het belang van het kind, en niet hoeven te wachten op zekerheid?",
		},
		investigation: []string{
			"Hoe wegen we het belang van het kind als de wens tot opsporing botst met de veiligheid of het herstel van het kind?",
			"Is afgesproken wie in de keten het belang van het kind bewaakt tijdens een strafzaak?",
		},
		care: []string{
			"Wordt bij de keuze voor opvang en hulp vastgelegd waarom deze keuze in het belang van dit kind is?",
			"Is er een vaste contactpersoon die het kind door de hele keten heen volgt?",
		},
	},
	{
		article: "ivrk-3", lang: "en", title: "Best interests of the child",
		explanation: `
In every measure that affects a child, the child's best interests weigh heavily. This holds for the municipality's policy, for the choices of chain partners and for decisions about one child. The best interests of the child are not a fixed outcome but a weighing that you make visible: what does this choice mean for this child, now and later?

For a municipality this means setting down, in its approach to human trafficking, how the interests of minor victims are weighed, for example when choosing shelter, when working with the police and the public prosecutor, and when sharing information. Where interests clash, such as investigation against safety, the protection of the child comes first, and the weighing is recorded.`,
		prevention: []string{
			"Does our policy plan say how we weigh the best interests of the child in choices about the approach to trafficking?",
			"Do we involve young people and their parents in choosing prevention activities?",
		},
		signalling: []string{
			"Do professionals know that, when in doubt about a signal, they act in the child's best interests and need not wait for certainty?",
		},
		investigation: []string{
			"How do we weigh the child's interests when the wish to investigate clashes with the child's safety or recovery?",
			"Have we agreed who in the chain looks after the child's interests during criminal proceedings?",
		},
		care: []string{
			"When shelter and support are chosen, is it recorded why this choice is in this child's best interests?",
			"Is there one contact person who follows the child through the whole chain?",
		},
	},
	{
		article: "ivrk-6", lang: "nl", title: "Leven en ontwikkeling",
		explanation: `
Elk kind heeft recht op leven, op overleven en op een zo goed mogelijke ontwikkeling: lichamelijk, geestelijk, sociaal en in zijn opleiding. Uitbuiting tast dat allemaal aan. Een kind dat wordt uitgebuit, mist school, vrienden, gezondheid en vertrouwen in volwassenen.

Een gemeente draagt bij door omstandigheden te verminderen die kinderen kwetsbaar maken, zoals armoede, schooluitval, dakloosheid en onveilige thuissituaties, en door ervoor te zorgen dat een kind na uitbuiting weer kan leren, wonen en opgroeien. Bescherming gaat dus verder dan het stoppen van de uitbuiting: het kind moet zich daarna verder kunnen ontwikkelen.`,
		prevention: []string{
			"Welke risicofactoren, zoals schooluitval, schulden of weglopen, pakken we al aan, en sluit dat aan op de aanpak van mensenhandel?",
			"Zijn er veilige plekken en activiteiten voor jongeren die weinig steun thuis hebben?",
		},
		signalling: []string{
			"Worden langdurig schoolverzuim en herhaald weglopen gezien als mogelijke signalen van uitbuiting?",
		},
		investigation: []string{
			"Wordt bij de aanpak van daders ook gekeken naar de directe veiligheid van het kind en van andere kinderen in zijn omgeving?",
		},
		care: []string{
			"Kan een kind in de opvang naar school blijven gaan of snel weer onderwijs volgen?",
			"Is er aandacht voor de lichamelijke en psychische gezondheid van het kind, ook op de lange termijn?",
		},
	},
	{
		article: "ivrk-6", lang: "en", title: "Life and development",
		explanation: `
Every child has the right to life, to survival and to develop as fully as possible: physically, mentally, socially and in education. Exploitation harms all of this. A child who is exploited misses school, friends, health and trust in adults.

A municipality contributes by reducing the circumstances that make children vulnerable, such as poverty, dropping out of school, homelessness and unsafe homes, and by making sure that after exploitation a child can learn, live and grow up again. Protection therefore goes further than ending the exploitation: afterwards the child must be able to develop.`,
		prevention: []string{
			"Which risk factors, such as dropping out of school, debts or running away, do we already tackle, and does that connect with the approach to trafficking?",
			"Are there safe places and activities for young people who get little support at home?",
		},
		signalling: []string{
			"Are long-term school absence and repeated running away seen as possible signals of exploitation?",
		},
		investigation: []string{
			"When offenders are tackled, is attention paid to the immediate safety of the child and of other children around them?",
		},
		care: []string{
			"Can a child in shelter keep going to school, or return to education quickly?",
			"Is there attention for the child's physical and mental health, also in the long term?",
		},
	},
	{
		article: "ivrk-12", lang: "nl", title: "Mening van het kind",
		explanation: `
Een kind heeft het recht om zijn mening te geven over alles wat hem aangaat, en die mening krijgt passend gewicht, naar leeftijd en rijpheid. Het gaat niet alleen om vragen wat het kind vindt, maar ook om uitleggen wat er met die mening is gedaan.

Voor een gemeente betekent dit twee dingen. In beleid: vraag jongeren, en waar mogelijk ervaringsdeskundigen, wat helpt bij voorlichting, signalering en hulp. In de hulp aan één kind: zorg dat het kind gehoord wordt bij besluiten over opvang, hulp en een eventuele aangifte, in een vorm die bij het kind past, en dat het weet wat er met zijn verhaal gebeurt.`,
		prevention: []string{
			"Hebben we jongeren of ervaringsdeskundigen gevraagd wat zij nodig hebben om uitbuiting te herkennen en te voorkomen?",
			"Hoe laten we jongeren weten wat we met hun inbreng hebben gedaan?",
		},
		signalling: []string{
			"Weten professionals hoe zij een gesprek met een kind voeren over mogelijke uitbuiting, zonder het kind onder druk te zetten?",
		},
		investigation: []string{
			"Wordt het kind uitgelegd wat een aangifte inhoudt, en wordt zijn mening gewogen bij de keuze om aangifte te doen?",
		},
		care: []string{
			"Wordt het kind gehoord bij de keuze voor opvang en hulp, en staat in het dossier wat het kind zelf wilde?",
			"Is er een vertrouwenspersoon of advocaat bij wie het kind terechtkan?",
		},
	},
	{
		article: "ivrk-12", lang: "en", title: "Views of the child",
		explanation: `
A child has the right to express their views on every matter that affects them, and those views are given due weight in line with age and maturity. It is not only about asking what the child thinks, but also about explaining what was done with those views.

For a municipality this means two things. In policy: ask young people, and where possible experts by experience, what helps in awareness-raising, signalling and support. In support for one child: make sure the child is heard on decisions about shelter, support and a possible criminal complaint, in a form that suits the child, and that the child knows what happens with their story.`,
		prevention: []string{
			"Have we asked young people or experts by experience what they need to recognise and prevent exploitation?",
			"How do we let young people know what we did with what they told us?",
		},
		signalling: []string{
			"Do professionals know how to talk with a child about possible exploitation without putting the child under pressure?",
		},
		investigation: []string{
			"Is the child told what a criminal complaint involves, and are the child's views weighed in the choice to file one?",
		},
		care: []string{
			"Is the child heard in the choice of shelter and support, and does the file record what the child wanted?",
			"Is there a confidential adviser or a lawyer the child can turn to?",
		},
	},
}
