/**
 * The words of magtanvendelse as data: each concept with its synonyms (patterns over the
 * lower-cased view of a sentence) and examples that run as tests (tests/unit/rules.test.ts).
 * How a concept binds to a figure is in magtanvendelse.ts; here is only what the words mean.
 */

export type MagtMetric =
	| 'magtanvendelser_indberettet'
	| 'magtanvendelser_tilladte'
	| 'magtanvendelser_ikke_tilladte'
	| 'magtanvendelser_ikke_magtanvendelse'
	| 'magtanvendelser_uafgjort'
	| 'forhaandsgodkendelser'
	| 'flytning_uden_samtykke';

/**
 * How a concept's cue binds to a count:
 * - `udfald`: an outcome ("vurderet lovlige"), bound to the nearest count, preferably the one before it;
 * - `navneord`: what is counted ("episoder"), bound to the count right before it, or as its subject;
 * - `verbum`: the act of reporting ("indberettet"), bound to the nearest count, preferably after it;
 * - `bevilling`: granted ("imødekommet"), only of a part of applications ("hvoraf 15 blev imødekommet");
 * - `aendring`, `maal`: a change or a target; the count they govern is not a level and is left out.
 */
export type CueKind = 'udfald' | 'navneord' | 'verbum' | 'bevilling' | 'aendring' | 'maal';

export interface Concept {
	name: string;
	kind: CueKind;
	/** What a count bound to this cue is; null when the cue only blocks or only matters negated. */
	metric: MagtMetric | null;
	/** Polarity: the metric when "ikke" stands shortly before the cue ("ikke tilladte", "ikke færdigbehandlet"). */
	negated?: MagtMetric | null;
	/** A negated noun binds as an outcome ("ikke at være magtanvendelse"). */
	negatedKind?: CueKind;
	/** Synonyms: regex sources over the lower-cased view, matched as whole words. */
	cues: string[];
	/** Sentences and the facts (metric=value) they must give in a magtanvendelse item. */
	examples: { text: string; facts: string[] }[];
}

export const CONCEPTS: Concept[] = [
	{
		name: 'tilladt',
		kind: 'udfald',
		metric: 'magtanvendelser_tilladte',
		negated: 'magtanvendelser_ikke_tilladte',
		cues: ['tilladte?', 'tilladt', 'lovlige?', 'lovligt', 'berettigede?', 'berettiget', 'i overensstemmelse med reglerne'],
		examples: [
			{ text: '7 af disse er blevet vurderet som værende tilladte', facts: ['magtanvendelser_tilladte=7'] },
			{ text: 'Forvaltningen har vurderet 118 af episoderne som lovlige, mens 15 blev vurderet ulovlige.', facts: ['magtanvendelser_tilladte=118', 'magtanvendelser_ikke_tilladte=15'] },
			{ text: 'Størstedelen – 402 – blev vurderet som lovlige.', facts: ['magtanvendelser_tilladte=402'] },
			{ text: '27 af dem er vurderet tilladte og 6 ikke tilladte, mens fem fortsat afventer en afgørelse.', facts: ['magtanvendelser_tilladte=27', 'magtanvendelser_ikke_tilladte=6', 'magtanvendelser_uafgjort=5'] }
		]
	},
	{
		name: 'ikke tilladt',
		kind: 'udfald',
		metric: 'magtanvendelser_ikke_tilladte',
		cues: ['ulovlige?', 'ulovligt', 'uberettigede?', 'uberettiget', 'utilladte?', 'ikke-tilladte?', 'ikke-lovlige?'],
		examples: [
			{ text: 'Der er sket et fald i ikke-tilladte magtanvendelser fra 11 i 2023 til 4 indberetninger i 2024.', facts: ['magtanvendelser_ikke_tilladte=11', 'magtanvendelser_ikke_tilladte=4'] },
			{ text: 'Heraf var 70 lovlige og 20 ulovlige i 2024.', facts: ['magtanvendelser_tilladte=70', 'magtanvendelser_ikke_tilladte=20'] },
			{ text: 'Ulovlige magtanvendelser udgjorde 22, hvilket er 15 pct. af alle indberetninger.', facts: ['magtanvendelser_ikke_tilladte=22'] },
			{ text: '4 af de ulovlige episoder vedrørte samme borger.', facts: [] }
		]
	},
	{
		name: 'magtanvendelse',
		kind: 'navneord',
		metric: 'magtanvendelser_indberettet',
		negated: 'magtanvendelser_ikke_magtanvendelse',
		negatedKind: 'udfald',
		cues: ['magtanvendelser?', 'magtanvendelserne', 'magtanvendelsen'],
		examples: [
			{ text: '4 er vurderet ikke at være en magtanvendelse', facts: ['magtanvendelser_ikke_magtanvendelse=4'] },
			{ text: 'I 8 tilfælde vurderede forvaltningen, at der ikke var tale om magtanvendelse i 2024.', facts: ['magtanvendelser_ikke_magtanvendelse=8'] },
			{
				text: 'Af disse blev 171 vurderet tilladte og 29 ikke tilladte, mens 9 ved nærmere vurdering ikke blev anset for magtanvendelse.',
				facts: ['magtanvendelser_tilladte=171', 'magtanvendelser_ikke_tilladte=29', 'magtanvendelser_ikke_magtanvendelse=9']
			},
			{
				text: 'Hertil kommer 61 ulovlige magtanvendelser og 44 hændelser, der efter en konkret vurdering ikke var magtanvendelse.',
				facts: ['magtanvendelser_ikke_tilladte=61', 'magtanvendelser_ikke_magtanvendelse=44']
			}
		]
	},
	{
		name: 'indberetning',
		kind: 'navneord',
		metric: 'magtanvendelser_indberettet',
		cues: ['indberetning(?:er|erne|en)?', 'episode(?:r|rne|n)?', 'registrering(?:er|erne|en)?', 'indgreb(?:ene)?'],
		examples: [
			{ text: 'Der er i 2024 indberettet 16 pludseligt opstået magtanvendelser.', facts: ['magtanvendelser_indberettet=16'] },
			{ text: 'I 2024 modtog Myndighedsafdelingen i alt toogfyrre indberetninger om magtanvendelse, mod otteogtredive i 2023.', facts: ['magtanvendelser_indberettet=42', 'magtanvendelser_indberettet=38'] },
			{ text: 'Langt de fleste indberetninger – 158 – vedrører fastholdelse efter servicelovens § 126.', facts: ['magtanvendelser_indberettet=158'] },
			{ text: 'Stigningen på 14 episoder hænger sammen med én borger.', facts: [] },
			{ text: 'Borgere over 80 år står for 28 af indberetningerne.', facts: [] }
		]
	},
	{
		name: 'indberettet',
		kind: 'verbum',
		metric: 'magtanvendelser_indberettet',
		cues: ['indberettet', 'indberettede', 'indberettedes', 'registreret', 'registrerede', 'registreredes', 'modtaget', 'modtog', 'indrapporteret'],
		examples: [
			{ text: 'I 2023 blev der indberettet 98 magtanvendelser, mod 87 året før.', facts: ['magtanvendelser_indberettet=98', 'magtanvendelser_indberettet=87'] },
			{ text: 'På Bostedet Fasanhaven blev der registreret 27.', facts: ['magtanvendelser_indberettet=27'] },
			{ text: 'Der er i 2024 registreret 212 magtanvendelser (2023: 187).', facts: ['magtanvendelser_indberettet=212', 'magtanvendelser_indberettet=187'] }
		]
	},
	{
		name: 'afgjort',
		kind: 'udfald',
		metric: null,
		negated: 'magtanvendelser_uafgjort',
		cues: ['afgjort', 'afgjorte', 'færdigbehandlet', 'færdigbehandlede', 'færdigvurderet', 'endeligt vurderet', 'behandlet', 'truffet(?: en)? afgørelse'],
		examples: [
			{ text: '1 er endnu ikke afgjort af den enkelte borgers handlekommune.', facts: ['magtanvendelser_uafgjort=1'] },
			{ text: '3 sager var ikke færdigbehandlet ved opgørelsen.', facts: ['magtanvendelser_uafgjort=3'] }
		]
	},
	{
		name: 'uafgjort',
		kind: 'udfald',
		metric: 'magtanvendelser_uafgjort',
		cues: [
			'uafgjort[e]?',
			'uafklarede?',
			'uafklaret',
			'verserende',
			'(?:under|til) (?:behandling|vurdering)',
			'ubehandlede?',
			'afventer(?: [a-zæøå]+){0,2}? (?:afgørelse|vurdering|behandling)',
			'afventer',
			'venter(?: [a-zæøå]+){0,2}? på(?: en)? (?:afgørelse|vurdering|behandling)',
			'mangler(?: [a-zæøå]+){0,3}? (?:afgørelse|vurdering)'
		],
		examples: [
			{ text: 'Syv indberetninger var efter forvaltningens vurdering ikke magtanvendelse, og tre afventer stadig afgørelse.', facts: ['magtanvendelser_ikke_magtanvendelse=7', 'magtanvendelser_uafgjort=3'] },
			{ text: 'De sidste 2 afventer fortsat afgørelse.', facts: ['magtanvendelser_uafgjort=2'] },
			{ text: 'Af de 40 indberetninger er 30 vurderet som lovlige og 5 som ulovlige, og for 2 mangler der endnu en afgørelse.', facts: ['magtanvendelser_indberettet=40', 'magtanvendelser_tilladte=30', 'magtanvendelser_ikke_tilladte=5', 'magtanvendelser_uafgjort=2'] },
			{ text: 'Heraf er 20 godkendt som lovlige, mens 3 fortsat venter på en afgørelse.', facts: ['magtanvendelser_tilladte=20', 'magtanvendelser_uafgjort=3'] },
			{ text: 'I 2024 blev der indberettet 33 magtanvendelser; i 4 tilfælde er der endnu ikke truffet afgørelse.', facts: ['magtanvendelser_indberettet=33', 'magtanvendelser_uafgjort=4'] }
		]
	},
	{
		name: 'forhåndsgodkendelse',
		kind: 'navneord',
		metric: 'forhaandsgodkendelser',
		cues: ['forhåndsgodkendelse[a-zæøå]*', 'forhåndstilladelse[a-zæøå]*'],
		examples: [
			{ text: 'er der i 2024 ansøgt om og bevilget 15 forhåndsgodkendelser.', facts: ['forhaandsgodkendelser=15'] },
			{ text: 'Der blev i 2024 modtaget 18 ansøgninger om forhåndsgodkendelse.', facts: [] },
			{ text: 'Der er i 2024 givet 22 forhåndsgodkendelser til brug af stofseler (2023: 19).', facts: ['forhaandsgodkendelser=22', 'forhaandsgodkendelser=19'] },
			{ text: 'Der blev givet elleve forhåndsgodkendelser, de fleste til brug af stofsele.', facts: ['forhaandsgodkendelser=11'] }
		]
	},
	{
		name: 'bevilget',
		kind: 'bevilling',
		metric: 'forhaandsgodkendelser',
		cues: ['imødekommet', 'imødekom', 'bevilget', 'godkendt', 'givet'],
		examples: [
			{ text: 'Der blev modtaget 18 ansøgninger om forhåndsgodkendelse, hvoraf 15 blev imødekommet.', facts: ['forhaandsgodkendelser=15'] },
			{ text: 'Forvaltningen har behandlet 96 ansøgninger om forhåndsgodkendelse og imødekommet 88 af dem.', facts: ['forhaandsgodkendelser=88'] },
			{ text: 'Kommunen har modtaget 15 ansøgninger om forhåndsgodkendelse og givet 12.', facts: ['forhaandsgodkendelser=12'] },
			{ text: 'I året har forvaltningen imødekommet 9 ansøgninger om forhåndsgodkendelse.', facts: ['forhaandsgodkendelser=9'] }
		]
	},
	{
		name: 'flytning uden samtykke',
		kind: 'navneord',
		metric: 'flytning_uden_samtykke',
		cues: ['flytning(?:er)? uden samtykke', 'flyttet uden samtykke'],
		examples: [
			{ text: 'Derudover er der ansøgt Familieretshuset om 1 flytning uden samtykke.', facts: ['flytning_uden_samtykke=1'] },
			// A count stated as none, in a clause without a figure.
			{ text: 'Der er givet 4 forhåndsgodkendelser, og ingen borgere er flyttet uden samtykke.', facts: ['forhaandsgodkendelser=4', 'flytning_uden_samtykke=0'] },
			{ text: 'Der er ikke truffet afgørelse om flytning uden samtykke i perioden.', facts: ['flytning_uden_samtykke=0'] },
			{ text: 'I 2024 er tre borgere flyttet uden samtykke efter § 129.', facts: ['flytning_uden_samtykke=3'] },
			{ text: 'Der er indberettet 25 magtanvendelser over for 9 borgere.', facts: ['magtanvendelser_indberettet=25'] },
			{ text: 'Ingen af episoderne på Hjortø Bofællesskab blev vurderet som ulovlige.', facts: ['magtanvendelser_ikke_tilladte=0'] },
			{ text: 'I to tilfælde har Familieretshuset truffet afgørelse om flytning uden samtykke til en plejebolig.', facts: ['flytning_uden_samtykke=2'] },
			{
				text: 'I halvåret er der givet tre forhåndsgodkendelser, og i ét tilfælde har Familieretshuset godkendt en flytning uden samtykke.',
				facts: ['forhaandsgodkendelser=3', 'flytning_uden_samtykke=1']
			}
		]
	},
	{
		name: 'ændring',
		kind: 'aendring',
		metric: null,
		cues: [
			'(?:stigning|fald|nedgang|forøgelse|reduktion|ændring|forskel|tilvækst)(?:en|et)? (?:på|med)',
			'(?:steget|faldet|steg|faldt|øget|øgedes|reduceret|forøget|nedbragt|mindsket) med',
			'(?:færre|flere|mere|mindre|lavere|højere)'
		],
		examples: [
			{ text: 'Der var et fald på 14 episoder fra 2023 til 2024.', facts: [] },
			{ text: 'Det er 18 færre end i 2023.', facts: [] }
		]
	},
	{
		name: 'mål',
		kind: 'maal',
		metric: null,
		cues: ['mål(?:et|s|sætning[a-zæøå]*)?', 'ambition(?:en)?', 'måltal(?:let)?'],
		examples: [{ text: 'Målet er at nedbringe antallet til 60 om året.', facts: [] }]
	}
];

/**
 * Kinds of intervention (the measures of serviceloven §§ 125-128): a count of one kind, in its own
 * clause, has the kind as its area ("Fastholdelse udgjorde 17 …, føring til andet rum 9, og 12
 * vedrørte tilbageholdelse i boligen"). A paragraph named in the same clause goes first.
 */
export interface Intervention {
	area: string;
	/** Synonyms: regex sources over the lower-cased view, matched as whole words. */
	cues: string[];
	/** Sentences and the facts (metric=value@area) they must give in a magtanvendelse item. */
	examples: { text: string; facts: string[] }[];
}

export const INTERVENTIONS: Intervention[] = [
	{
		area: 'fastholdelse',
		cues: ['fastholdelse(?:r|rne|n)?'],
		examples: [
			{
				text: 'Fastholdelse stod for 31 af årets indberetninger, føring til andet rum 7, og 5 drejede sig om tilbageholdelse i boligen.',
				facts: ['magtanvendelser_indberettet=31@fastholdelse', 'magtanvendelser_indberettet=7@føring til andet rum', 'magtanvendelser_indberettet=5@tilbageholdelse i boligen']
			},
			{ text: 'Der blev indberettet 40 magtanvendelser, heraf 22 fastholdelser.', facts: ['magtanvendelser_indberettet=40@hele kommunen', 'magtanvendelser_indberettet=22@fastholdelse'] },
			// A kind named only as the circumstance of the whole is no part of it.
			{ text: 'Der blev indberettet 40 magtanvendelser, primært i forbindelse med fastholdelse og føring til andet rum.', facts: ['magtanvendelser_indberettet=40@hele kommunen'] }
		]
	},
	{
		area: 'føring til andet rum',
		cues: ['føring(?:er|en)? (?:til|ind i) (?:et )?andet rum'],
		examples: [
			// A paragraph in the figure's own clause goes before the kind, and never reaches the next figure's clause.
			{
				text: 'Fastholdelse efter § 126 udgjorde 19 af indberetningerne, føring til andet rum (§ 126a) 6 og tilbageholdelse i boligen efter § 127 de sidste 3.',
				facts: ['magtanvendelser_indberettet=19@serviceloven § 126', 'magtanvendelser_indberettet=6@serviceloven § 126a', 'magtanvendelser_indberettet=3@serviceloven § 127']
			}
		]
	},
	{ area: 'tilbageholdelse i boligen', cues: ['tilbageholdelse(?:r|n)? i (?:boligen|egen bolig|eget hjem)'], examples: [] },
	{ area: 'låsning af yderdøre', cues: ['(?:af)?låsning af yderdøre'], examples: [] },
	{
		area: 'alarm- og pejlesystemer',
		cues: ['(?:personlige )?alarm- og pejlesystemer'],
		// Approvals by kind are no count of force.
		examples: [{ text: 'Der er givet 9 forhåndsgodkendelser, heraf 6 til alarm- og pejlesystemer.', facts: ['forhaandsgodkendelser=9@hele kommunen'] }]
	}
];

/** Words that, counted right after a figure, make it a count of something else: staff, places, ages, visits. */
export const OTHER_NOUNS = new RegExp(
	'^(?:' +
		[
			'medarbejder[a-zæøå]*',
			'ansatte',
			'personale[a-zæøå]*',
			'[a-zæøå]*konsulent[a-zæøå]*',
			'[a-zæøå]*koordinator[a-zæøå]*',
			'plads(?:er)?',
			'bolig(?:er)?',
			'[a-zæøå]*boliger',
			'år',
			'måneder?',
			'uger?',
			'dage?',
			'døgn',
			'timer?',
			'minutter',
			'kvartal(?:er|et)?',
			'halvår(?:et)?',
			'gange',
			'borger[a-zæøå]*',
			'beboer[a-zæøå]*',
			'personer',
			'pårørende',
			'børn',
			'unge',
			'voksne',
			'møder?',
			'kursus[a-zæøå]*',
			'kurser',
			'tilbud',
			'bosteder',
			'botilbud',
			'plejecentre',
			'institutioner',
			'afdelinger',
			'enheder',
			'[a-zæøå]*besøg',
			'tilsyn[a-zæøå]*',
			'klager?',
			'ansøgning[a-zæøå]*',
			'henvendelse[a-zæøå]*',
			'deltagere',
			'medlemmer',
			'kandidater',
			'temaer',
			'kommuner',
			'forløb',
			'årsværk',
			'stillinger',
			'teams?'
		].join('|') +
		')$'
);

/** Words that count cases without saying what they are: the role comes from an outcome cue. */
export const COUNTERS = /^(?:sager|sagerne|tilfælde|tilfældene|hændelser|hændelserne|stk)$/;
