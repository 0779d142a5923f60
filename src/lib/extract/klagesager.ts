/**
 * Klagesager in prose: Ankestyrelsen's decisions on complaints, their outcomes and the
 * omgørelsesprocent. Every figure of a sentence is read on its own: its unit, the concept
 * its nearest cue names, whether it is a whole ("af de 152 sager") or a part, whose and
 * when. A figure no cue names leans on a parallel figure ("40 mod 41 på landsplan",
 * "(2023: 104)", "29 i Silkeborg og 35 i Holstebro") or on the paragraph ("I samme periode
 * sidste år var den 39 pct."). A figure with no clear reading is left out.
 */
import { areaFor, COMMITTEE_AREA, COMPARED_PERIOD, comparesBack, draft, entityFor, itemSays, periodFor, respectiveEntity, type FactDraft, type ItemContext, type SentenceContext } from './context';
import { fieldNamed, findAreas, lawNamed, paragraphOf, pickArea, RANK, type AreaMention } from './areas';
import { resolvePeriod, type PeriodMention } from './periods';
import { MUNICIPALITIES, municipalityOf } from './places';
import { viewMayHold } from './view';
import { clauseAt, clauseBreaks, cueFinder, inside, nearest, parentheses, tokenEnd, type Concept, type Cue, type Span } from './slots';

type Role = 'afgjort' | 'stadfaestet' | 'aendret' | 'hjemvist' | 'omgjort' | 'omgoerelse' | 'afvist' | 'medhold' | 'andet';
type Outcome = 'stadfaestet' | 'aendret' | 'hjemvist' | 'omgjort';

/** A word that is not a figure: "traf Ankestyrelsen i 2024 afgørelse". */
const W = '(?!Q\\d)[^ ,.;()]+';

/** The concepts of a klagesag and the words that name them; `andet` names what is not a klagesag figure. */
export const KLAGESAGER_LEXICON: Concept<Role>[] = [
	{
		role: 'omgjort',
		cues: [
			'omgjor\\p{L}*',
			'omgøres',
			'(?:ændret|ændrede) (?:eller|og) (?:hjemvist|hjemviste)',
			'(?:hjemvist|hjemviste) (?:eller|og) (?:ændret|ændrede)'
		],
		examples: [
			['der har været ni omgjorte klagesager på hjælpemiddelområdet i 2023.', ['omgjort_antal=9']],
			['Der blev i 2024 omgjort 14 sager efter serviceloven.', ['omgjort_antal=14']],
			['Ankestyrelsen afgjorde 38 sager i 2024. Ankestyrelsen stadfæstede 27 og omgjorde 11.', ['klagesager_antal=38', 'stadfaestet_antal=27', 'omgjort_antal=11']],
			['Ankestyrelsen omgjorde 31 procent af de klagesager, den behandlede.', ['omgoerelsespct=31']],
			['Mangelfuld sagsoplysning var årsagen i 61 pct. af de omgjorte sager.', []],
			['Omgørelsesprocenten var 31. Kommunerne i KL\'s sammenligningsgruppe havde i snit en omgørelsesprocent på 37,4.', ['omgoerelsespct=31']],
			['Ankestyrelsen afgjorde 120 sager. 14 af de omgjorte sager handlede om hjælp efter § 85.', ['klagesager_antal=120']],
			['Ankestyrelsen omgjorde 12 pct. af sagerne om hjælpemidler.', []],
			['Ankestyrelsen afgjorde 163 sager. Tre ud af fire hjemviste sager blev sendt tilbage, fordi sagen ikke var oplyst.', ['klagesager_antal=163']],
			// A compound names the cases of one law or field: "hjælpemiddelsager"; "årsager" are causes, not cases.
			['I 2024 omgjorde Ankestyrelsen 9 af de 33 hjælpemiddelsager, den afgjorde. De 3 årsager til omgørelserne er beskrevet i bilaget.', ['omgjort_antal=9', 'klagesager_antal=33']]
		]
	},
	{
		role: 'omgoerelse',
		cues: ['omgørelses(?:procent|pct|andel|grad)\\p{L}*'],
		examples: [
			['Omgørelsesprocenten for halvåret er 46.', ['omgoerelsespct=46']],
			['Det giver en omgørelsesprocent på 33.', ['omgoerelsespct=33']],
			['Omgørelsesprocenten på socialområdet var 40 mod 41 på landsplan.', ['omgoerelsespct=40', 'omgoerelsespct=41']],
			['I de omkringliggende kommuner lå omgørelsesprocenten på 29 i Silkeborg og 35 i Holstebro.', ['omgoerelsespct=29', 'omgoerelsespct=35']],
			['Børnehandicapområdet havde en omgørelsesprocent på 48 (landsplan: 47).', ['omgoerelsespct=48', 'omgoerelsespct=47']],
			['Omgørelsesprocenten blev dermed 38,2 %, hvilket placerer kommunen over landsgennemsnittet på 35 %.', ['omgoerelsespct=38.2', 'omgoerelsespct=35']],
			['Omgørelsesprocenten skal i 2026 under 30 pct.', []],
			['Ankestyrelsen afgjorde 100 sager, og 30 blev omgjort. Det svarer til 12 pct.', ['klagesager_antal=100', 'omgjort_antal=30']],
			// The aside's percent is the part's share of the whole before it, as the arithmetic confirms.
			['På voksenhandicapområdet blev 11 ud af 25 afgjorte sager omgjort (44 pct.), mens landsgennemsnittet var 43 pct.', ['omgjort_antal=11', 'klagesager_antal=25', 'omgoerelsespct=44', 'omgoerelsespct=43']],
			// An aside between dashes keeps its words to itself; one that opens with the figure names what stands before it.
			['Ankestyrelsen afgjorde 120 sager. Omgørelsesprocenten blev 35 – et fald på 4 procentpoint – mens den på landsplan var 37.', ['klagesager_antal=120', 'omgoerelsespct=35', 'omgoerelsespct=37']],
			['Ankestyrelsen afgjorde 80 sager. I 50 af dem fik kommunen medhold, mens resten – 30 sager – blev omgjort.', ['klagesager_antal=80', 'stadfaestet_antal=50', 'omgjort_antal=30']],
			['Det er et fald på 8 procentpoint i omgørelsesprocenten.', []]
		]
	},
	{
		role: 'afgjort',
		cues: ['afgjor\\p{L}*', '(?:færdig)?behandle(?:t|de|des)', 'afslutte(?:t|de)', `tr(?:af|uffet)(?: ${W}){0,4}? afgørelse`],
		examples: [
			['Ankestyrelsen traf afgørelse i 57 sager i 2024.', ['klagesager_antal=57']],
			['Antallet af klagesager, Ankestyrelsen har afgjort fra Varde Kommune på socialområdet, var 148 i 2024.', ['klagesager_antal=148']],
			['I 2024 afsluttede Ankestyrelsen 96 klagesager. Styrelsen stadfæstede 58 af afgørelserne, ændrede 15 og hjemviste 23.', ['klagesager_antal=96', 'stadfaestet_antal=58', 'aendret_antal=15', 'hjemvist_antal=23']],
			['I 2024 traf kommunen cirka 700 afgørelser om enkeltydelser.', []],
			['I 2024 traf kommunen 700 afgørelser om enkeltydelser.', []],
			['Ankestyrelsen modtog i 2024 i alt 131 klager fra borgere i kommunen.', []],
			['Ankestyrelsen stadfæstede 63 pct. af de 152 sager, som blev afgjort i 2024, mens 12 pct. blev ændret og 25 pct. hjemvist.', ['klagesager_antal=152', 'stadfaestet_pct=63', 'aendret_pct=12', 'hjemvist_pct=25']]
		]
	},
	{
		role: 'stadfaestet',
		cues: ['stadfæst\\p{L}*', 'fastholdt\\p{L}*', 'fastholdes', 'godkendt af ankestyrelsen', `enig i kommunens ${W}`],
		examples: [
			['I 2024 blev 41 ud af 57 klagesager stadfæstet af Ankestyrelsen.', ['stadfaestet_antal=41', 'klagesager_antal=57']],
			['Ankestyrelsen har i 2024 behandlet 90 klagesager, heraf blev 47 (52 pct.) stadfæstet, 5 (6 pct.) blev ændret og 38 (42 pct.) blev hjemvist.', ['stadfaestet_antal=47', 'stadfaestet_pct=52', 'aendret_antal=5', 'aendret_pct=6', 'hjemvist_antal=38', 'hjemvist_pct=42', 'klagesager_antal=90']],
			['Ankestyrelsen afgjorde i alt 284 klagesager i 2024, hvoraf 68 pct. blev stadfæstet, 10 pct. blev ændret og 22 pct. blev hjemvist.', ['stadfaestet_pct=68', 'aendret_pct=10', 'hjemvist_pct=22', 'klagesager_antal=284']],
			['Af de 134 klagesager, som Ankestyrelsen afgjorde i 2024, blev 87 stadfæstet, svarende til 65 pct.', ['klagesager_antal=134', 'stadfaestet_antal=87', 'stadfaestet_pct=65']]
		]
	},
	{
		role: 'aendret',
		cues: ['ændre(?:t|de|s)', 'ophæve(?:t|de)', 'omstød\\p{L}*'],
		examples: [
			['Ankestyrelsen afgjorde 60 sager. I 14 sager blev kommunens afgørelse ophævet eller omstødt, og 13 sager blev hjemvist.', ['klagesager_antal=60', 'aendret_antal=14', 'hjemvist_antal=13']],
			// The part's cue stands after its whole, whose own word ("behandlede") is nearer.
			['I 2024 blev 7 af 31 behandlede klagesager ændret af Ankestyrelsen.', ['klagesager_antal=31', 'aendret_antal=7']],
			// The whole is named by whose cases they are: "af Struers 47 sager".
			['Ankestyrelsen afgjorde 96 sager. På voksenhandicapområdet blev 19 af Struers 47 sager ændret.', ['klagesager_antal=96', 'aendret_antal=19', 'klagesager_antal=47']]
		]
	},
	{
		role: 'hjemvist',
		cues: [
			'hjemvis\\p{L}*',
			'hjemsend\\p{L}*',
			`sendt(?:e)?(?: ${W}){0,3}? tilbage`,
			'(?:sendt|gik|går|kom) retur',
			'(?:tilbage |retur )?til (?:ny|fornyet) behandling',
			'fornyet behandling',
			'behandle[st]? på ny'
		],
		examples: [
			['To andre sager om merudgifter blev hjemvist.', []],
			['Ankestyrelsen stadfæstede 63 pct. af de 152 sager. Det svarer til 96 stadfæstede, 18 ændrede og 38 hjemviste afgørelser.', ['stadfaestet_pct=63', 'klagesager_antal=152', 'stadfaestet_antal=96', 'aendret_antal=18', 'hjemvist_antal=38']],
			['I 2024 afgjorde Ankestyrelsen 118 klagesager (2023: 104).', ['klagesager_antal=118', 'klagesager_antal=104']],
			['Ankestyrelsen afgjorde 58 sager, hvoraf 39 blev stadfæstet, 7 ændret og 12 hjemvist (omgørelsesprocent 32,8).', ['klagesager_antal=58', 'stadfaestet_antal=39', 'aendret_antal=7', 'hjemvist_antal=12', 'omgoerelsespct=32.8']],
			['Ankestyrelsen afgjorde 118 sager. I 19 sager ændrede Ankestyrelsen kommunens afgørelse, og 28 sager blev sendt tilbage til fornyet behandling i kommunen.', ['klagesager_antal=118', 'aendret_antal=19', 'hjemvist_antal=28']],
			// The figure stands between the verb and its particle: "sendte 9 tilbage".
			['Ankestyrelsen afgjorde 64 sager i 2024, stadfæstede 51 og sendte 9 tilbage til ny behandling hos kommunen.', ['klagesager_antal=64', 'stadfaestet_antal=51', 'hjemvist_antal=9']],
			['Af de 70 afgjorte sager gik 8 retur til ny behandling.', ['klagesager_antal=70', 'hjemvist_antal=8']],
			['Ankestyrelsen afgjorde 66 sager. 14 afgørelser blev ændret, og 21 gik retur til kommunen for at blive behandlet på ny.', ['klagesager_antal=66', 'aendret_antal=14', 'hjemvist_antal=21']]
		]
	},
	{
		role: 'afvist',
		cues: ['afvist\\p{L}*', 'afvises'],
		examples: [
			['Ankestyrelsen afgjorde 40 sager. 32 blev stadfæstet, og 8 sager blev afvist af Ankestyrelsen, fordi klagefristen var overskredet.', ['klagesager_antal=40', 'stadfaestet_antal=32', 'afvist_antal=8']],
			['Ud over de afgjorte sager afviste Ankestyrelsen 4 klager, fordi klagefristen var overskredet.', []],
			['Ansøgningerne fra to grupper er afvist.', []],
			['Ankestyrelsen afgjorde 52 sager og afviste 4 klager som for sent indgivet; de er ikke medregnet i opgørelsen.', ['klagesager_antal=52']],
			['Ankestyrelsen afgjorde 52 sager. 3 klager blev afvist, og de tælles derfor ikke med i tallene ovenfor.', ['klagesager_antal=52']]
		]
	},
	{
		// Who got medhold decides: the municipality (stadfæstet) or the citizen (omgjort).
		role: 'medhold',
		cues: ['medhold', `(?:gav|fik|får|giver)(?: ${W}){1,2}? ret`],
		examples: [
			['Ankestyrelsen traf afgørelse i 57 sager og gav kommunen medhold i 41 sager.', ['stadfaestet_antal=41', 'klagesager_antal=57']],
			['Ankestyrelsen har afgjort 246 sager. I 164 af sagerne gav styrelsen kommunen medhold, mens borgeren fik medhold i 82 sager.', ['klagesager_antal=246', 'stadfaestet_antal=164', 'omgjort_antal=82']],
			['Ankestyrelsen behandlede i 2024 i alt 150 sager. Kommunen fik medhold i 101 af sagerne, mens 49 blev omgjort.', ['klagesager_antal=150', 'stadfaestet_antal=101', 'omgjort_antal=49']],
			['Ankestyrelsen afgjorde 134 sager. Borgeren fik helt eller delvist medhold i 47 sager.', ['klagesager_antal=134', 'omgjort_antal=47']],
			['Ankestyrelsen afgjorde 90 sager. Forvaltningen fik fuldt medhold i 61 af dem, svarende til 67,8 pct.', ['klagesager_antal=90', 'stadfaestet_antal=61', 'stadfaestet_pct=67.8']],
			['Styrelsen for Patientklager behandlede 9 klager, og i 2 af dem fik klageren medhold.', []]
		]
	},
	{
		role: 'andet',
		cues: [
			'modt(?:og|aget|ager)',
			'indkom\\p{L}*',
			'mål(?:et|sætning\\p{L}*)?',
			`skal(?: ${W}){0,3}? (?:under|ned|højst)`,
			'nedbringes',
			'ambition\\p{L}*',
			'højst',
			'maksimalt',
			'(?:et|større|mindre) fald på',
			'(?:en|større|mindre) stigning på',
			'(?:stigningen|faldet) på',
			'(?:steget|faldet|steg|faldt) med',
			'nr\\.',
			'placerer sig',
			'ville være',
			'praksisundersøgelse\\p{L}*',
			'sagsbehandlingstid\\p{L}*',
			'genvurdering\\p{L}*',
			'imødekom\\p{L}*'
		],
		examples: [
			['Udvalget vedtog et mål om, at omgørelsesprocenten skal under 30 pct. inden udgangen af 2026.', []],
			['Kommunen placerer sig som nr. 58 ud af 98.', []],
			['Udvalget har besluttet, at andelen af omgjorte sager højst må være 30 procent.', []],
			['Styrelsen vurderede, at 5 af afgørelserne ville være blevet ændret eller hjemvist.', []]
		]
	}
];

const findCues = cueFinder(KLAGESAGER_LEXICON);

/** The examples of every concept, as tests: [sentence, facts]. */
export const KLAGESAGER_EXAMPLES: [string, string[]][] = KLAGESAGER_LEXICON.flatMap((c) => c.examples ?? []);

const MUNICIPALITY_WORDS = [...MUNICIPALITIES].sort((a, b) => b.length - a.length).map((m) => m.toLowerCase());
const ENTITY_CUES = new RegExp(
	`(?<![\\p{L}-])(?:(?<national>landsgennemsnit\\p{L}*|landsplan|hele landet|landets kommuner|alle kommuner|nationalt)|(?<kommune>${MUNICIPALITY_WORDS.join('|')})s?(?: kommunes?)?)(?![\\p{L}-])`,
	'gu'
);

/** Clause breaks; " og " after a hyphen joins a name ("Sundheds- og Rehabiliteringsudvalget"). */
const SEPARATORS = /, |; | mens | men |(?<!-) og | samt | mod | hvor | hvorimod |\. /;
/** Whose figure is decided clause by clause; a dash also parts "… på 42 – præcis som landsgennemsnittet på 42". */
const ENTITY_SEPARATORS = new RegExp(`${SEPARATORS.source}| [–—] `);
/** A count of klagesager with no cue of its own is all decided cases when the text totals it: "Der var i alt 15 klagesager". */
const TOTAL_BEFORE = /(?<![\p{L}])(?:i alt|samlet(?: set)?|var der|blev der|er der|der var|der blev|indgår|indgik)(?: [^ ,.;]+){0,3}? $/u;
/** Whose cases a whole counts, between "af" and its number: "19 af Struers 47 sager", "af kommunens 120". */
const GENITIVE_WORD = `(?:${MUNICIPALITY_WORDS.join('|')})s|kommunens`;
const GENITIVE = `(?:${GENITIVE_WORD}) `;
/** A whole the figure is a part of: "af de 152 sager", "ud af 57", "af i alt 90". */
const WHOLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:ud )?af(?: de| i alt| de i alt| samlet| alle| ${GENITIVE_WORD})? $`, 'u');
/** What may follow a klagesager figure; any other word makes it a count of something else ("12 borgere"). */
const FOLLOWER =
	/^(?:\s*$|\s*[(),.;:–—]|\s+(?:(?:klage|[a-zæøå]+(?<!år))?sag(?:er|erne|en)?|afgørelse\p{L}*|klage[rn]?\p{L}*|af|i|på|mod|og|eller|for|fra|til|blev|bliver|er|var|gik|går|kom|endte|ud|heraf|hvoraf|mens|men|som|hvor|hvilket|T\d+|helt|alle|stadfæst\p{L}*|ændre\p{L}*|hjemvis\p{L}*|hjemsend\p{L}*|omgjor\p{L}*|afgjor\p{L}*|behandle\p{L}*|afvist\p{L}*|sendt\p{L}*|tilbage|retur|ophævet|omstødt)(?![\p{L}]))/u;
/** A pct "af" something other than all cases is a share of a subset ("61 pct. af de omgjorte sager"). */
const SHARE_OF = /^ af /;
const SHARE_OF_ALL = /^ af (?:(?:alle|de|disse|sine|kommunens) )?(?:(?:afgjorte|behandlede|samlede) )?(?:klage|[a-zæøå]+(?<!år))?sager(?:ne)?(?![\p{L}])(?! om )|^ af (?:dem|disse|afgørelserne)(?![\p{L}])|^ af (?:de |i alt )?Q\d+n/u;
/** A whole names what it counts: "ud af 57 klagesager", not "nr. 58 ud af 98". */
const WHOLE_NOUN = /^ (?:(?:afgjorte|behandlede|samlede) )?(?:klage|[a-zæøå]+(?<!år))?sag|^ afgørelse|^ klage/;
/** Dismissed complaints "ud over" the decided ones are outside the whole, which the contract's afvist_antal is part of. */
const BESIDES = /(?<![\p{L}])(?:ud over|udover|yderligere|derudover|herudover|desuden)(?![\p{L}])/u;
/** Said of dismissed complaints anywhere in the sentence: they are not counted in the whole. */
const OUTSIDE_WHOLE = /(?<![\p{L}])(?:indgår|indgik|tælles|regnes|medregnes|medtages)(?: [^ ,.;]+)? ikke(?![\p{L}])|(?<![\p{L}])ikke (?:medregnet|medtaget|talt med|indregnet)(?![\p{L}])/u;
const OF_OUTCOME = /^ (?:ud )?af (?:de|disse|alle)(?: \p{L}+)? (?:omgjorte|hjemviste|ændrede|stadfæstede|afviste)(?![\p{L}])/u;
const RATIO_FIRST = new RegExp(`^ (?:ud )?af (?:${GENITIVE})?Q\\d+n`);
const RATIO_FIRST_WHOLE = new RegExp(`^ (?:ud )?af (?:${GENITIVE})?Q\\d+n (?:(?:(?:afgjorte|behandlede|samlede) )?(?:klage|[a-zæøå]+(?<!år))?sag|afgørelse|klage)`);
const RATIO_SECOND = /Q\d+n (?:ud )?af $/;
/** A part of a whole: "52 ud af 118", "38 af de 57". */
const PART_OF = new RegExp(`^ (?:ud )?af (?:de |i alt |${GENITIVE})?Q\\d+n(?: (?!Q\\d)[\\p{L}]+){0,2}`, 'u');
/** The words of a part's whole: "af 29 afgjorte sager", "ud af de 57 klager". */
const WHOLE_PHRASE = new RegExp(
	`^ (?:ud )?af (?:de |i alt |${GENITIVE})?Q\\d+n(?: (?:afgjorte|behandlede|realitetsbehandlede|samlede))?(?: (?:klage|[a-zæøå]+(?<!år))?sager(?:ne)?| afgørelser| klager)?(?![\\p{L}])`,
	'u'
);
/** What may stand after a figure that leans on a parallel one: a place, a period, a closing bracket. */
const ELLIPSIS_TAIL = /^\)?\s*(?:(?:i|på|for|blandt)(?: (?!Q\d)[\p{L}\d][\p{L}\d-]*){1,3}|T\d+|året før|sidste år|i fjor)?\s*\)?\s*\.?\s*$/u;
/** Between two parallel figures of one clause: "fra 45 pct. i 2023 til 35 pct.", "22 pct. i 2024 og 38 pct.". */
const PARALLEL_LINK = /^[^,;]{0,30} (?:til|og|mod|end) $/;
/** A municipality named in a clause: its figure is that municipality's. */
const ENTITY_NAMED = new RegExp(`(?<![\\p{L}-])(?:${MUNICIPALITY_WORDS.join('|')})s?(?![\\p{L}-])`, 'gu');
const ANAPHOR = /(?<![\p{L}])(?:den|det|dette|tallet|andelen|niveauet|procenten)(?![\p{L}])/u;
const SUBSET = /(?<![\p{L}])(?:andre|øvrige|nogle|flere af|resten|enkelte)(?![\p{L}])|sager(?:ne)? om(?![\p{L}])/u;
/** Who acts for the municipality in a complaint: the municipality itself, its administration or its jobcentre. */
const PARTY_KOMMUNE = /(?<![\p{L}])(?:kommunen|\p{L}+ kommune|forvaltningen|administrationen|jobcent(?:ret|eret)|myndigheden|myndighedsafdelingen)(?![\p{L}])/gu;
const PARTY_BORGER = /(?<![\p{L}])(?:borger(?:en|ne)?|klager(?:en|ne)|ansøger(?:en|ne)?)(?![\p{L}])/gu;

const ITEM_GATE = /klage|ankestyrelsen|omgørelse|danmarkskort/i;
const SENTENCE_GATE = /klage|ankestyrelsen|omgør|omgjor|stadfæst|hjemvis|hjemsend|ændret|sager|medhold|afvist|afviste/;
const OTHER_INSTANCES =
	/patientklage|patienterstatning|ombudsmand|klagenævn|styrelsen for patient|borgerrådgiver|tilsynet|socialtilsyn|datatilsyn|kommunetilsyn|praksisundersøgelse/;
const PERIOD_KINDS = new Set(['year', 'quarter', 'quarters', 'half', 'relative', 'span']);

interface Reading {
	role: Exclude<Role, 'medhold' | 'andet'>;
	unit: 'antal' | 'pct';
	/** How it was read: by its own cue, as a whole, leaning on a parallel figure or on the paragraph. */
	how: 'cue' | 'helhed' | 'parallel' | 'anafor';
}

const METRIC: Record<Reading['role'], { antal?: string; pct?: string }> = {
	afgjort: { antal: 'klagesager_antal' },
	stadfaestet: { antal: 'stadfaestet_antal', pct: 'stadfaestet_pct' },
	aendret: { antal: 'aendret_antal', pct: 'aendret_pct' },
	hjemvist: { antal: 'hjemvist_antal', pct: 'hjemvist_pct' },
	omgjort: { antal: 'omgjort_antal', pct: 'omgoerelsespct' },
	omgoerelse: { pct: 'omgoerelsespct' },
	afvist: { antal: 'afvist_antal' }
};

export function klagesager(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !itemSays(ctx, ITEM_GATE, ctx.item.start)) return [];
	const out: FactDraft[] = [];
	let para = -1;
	let paraHasTotal = false;
	let memory: Reading | null = null;
	// Whether the item has read an omgørelsesprocent: a national percent with no cue of its own is then one too.
	let itemOmgoerelse = false;
	const titleContext = `${ctx.item.title}`.toLowerCase();
	const earlier = earlierAreas(ctx);
	// The period the paragraph is about so far; a comparison's period ("lavere end i samme periode sidste år") does not move it.
	let about: string | null = null;
	for (const sc of ctx.sentences) {
		if (sc.sentence.paragraph !== para) {
			para = sc.sentence.paragraph;
			paraHasTotal = false;
			memory = null;
			about = null;
		}
		const aboutBefore = about;
		// Only a sentence with a figure can name a period ("2024", "1. halvår"); the others are not looked at.
		if (sc.sentence.figures) about = aboutAfter(ctx, sc, about);
		if (!sc.sentence.figures || !sc.view.quantities.length) {
			if (paraHasTotal && viewMayHold(sc.sentence.text, ['ingen']) && sc.view.view.includes('ingen')) out.push(...zeroOutcomes(ctx, sc, true));
			continue;
		}
		const view = sc.view.view;
		const context = `${(sc.sentence.heading ?? '').toLowerCase()} ${titleContext} ${sc.carriedText}`;
		const aboutOmgoerelse = itemOmgoerelse || /omgør|omgjor|danmarkskort/.test(context);
		if (!SENTENCE_GATE.test(view) && !memory && !aboutOmgoerelse) continue;
		if (OTHER_INSTANCES.test(view) || OTHER_INSTANCES.test(sc.carriedText) || (sc.sentence.heading && OTHER_INSTANCES.test(sc.sentence.heading.toLowerCase()))) continue;
		// "klagesager om socialpædagogisk støtte": a subset whose area only the sentence or a specific heading can name.
		if (/sager(?:ne)? om\b/.test(view) && !sc.areas.length && !sc.headingAreas.some((a) => a.rank >= RANK.law)) continue;
		const readings = readSentence(view, sc, memory, aboutOmgoerelse);
		const hasTotal = readings.some((r) => r?.role === 'afgjort');
		// A part is checked against the wholes of its own statement: its list item, or the text around the list.
		const list = listItems(sc);
		const statementOf = (q: { start: number }) => list.findIndex((b) => q.start >= b.start && q.start < b.end);
		const totalsOf = (q: { start: number }) =>
			sc.view.quantities.filter((t, ti) => readings[ti]?.role === 'afgjort' && statementOf(t) === statementOf(q)).map((t) => t.value);
		const breaks = clauseBreaks(view, SEPARATORS, []);
		readings.forEach((r, qi) => {
			if (!r) return;
			const q = sc.view.quantities[qi];
			const metric = METRIC[r.role][r.unit];
			if (!metric) return;
			if (r.unit === 'pct' && q.value > 100) return;
			if (r.unit === 'antal' && r.role !== 'afgjort' && r.role !== 'afvist' && r.role !== 'omgjort') {
				// An outcome count belongs to a whole: in the sentence, or earlier in the paragraph unless the clause picks a subset.
				const clause = clauseAt(breaks, sc.view.qAt[qi], view.length);
				if (!hasTotal && !(paraHasTotal && !SUBSET.test(view.slice(clause.start, clause.end)))) return;
				if (totalsOf(q).some((t) => q.value > t)) return;
			}
			const entity = entityOf(ctx, sc, qi);
			if (entity === 'Landsgennemsnit' && r.unit === 'antal') return;
			// No period in the sentence, paragraph, heading or title: the period most of the item's figures have.
			const period = ownPeriod(ctx, sc, qi, aboutBefore) ?? mostCommon(out.map((d) => d.period));
			const area = clauseArea(sc, breaks, qi) ?? areaOf(ctx, sc, earlier, q.start);
			if (!period || !area || !entity) return;
			// "Af de otteogfyrre sager vedrørte 21 …": the whole named again with "de" is the total read before, not a total of this sentence's area.
			if (r.how === 'helhed' && /\bde $/.test(view.slice(Math.max(0, sc.view.qAt[qi] - 3), sc.view.qAt[qi])) && out.some((d) => d.metric === metric && d.value === q.value && d.period === period && d.entity === entity)) return;
			if (metric === 'omgoerelsespct') itemOmgoerelse = true;
			out.push(draft('klagesager', metric, entity, area, period, q.value, r.unit, sc, `klagesager.${r.how}.${metric}`));
		});
		out.push(...zeroOutcomes(ctx, sc, hasTotal || paraHasTotal));
		const last = [...readings].reverse().find((r) => r && r.role !== 'afgjort' && r.role !== 'afvist');
		if (last) memory = last;
		if (hasTotal) paraHasTotal = true;
	}
	return out.filter((d) => plausible(d, out));
}

/**
 * An omgørelsesprocent read only by leaning on another figure must agree with the counts the
 * item states for the same entity, area and period: (ændret + hjemvist) / afgjorte, or omgjorte / afgjorte.
 */
function plausible(d: FactDraft, all: FactDraft[]): boolean {
	if (d.metric !== 'omgoerelsespct' || /^klagesager\.cue\./.test(d.rule)) return true;
	const same = (m: string) => all.find((x) => x.metric === m && x.entity === d.entity && x.area === d.area && x.period === d.period)?.value;
	const total = same('klagesager_antal');
	if (!total) return true;
	const aendret = same('aendret_antal');
	const hjemvist = same('hjemvist_antal');
	const omgjort = same('omgjort_antal') ?? (aendret !== undefined && hjemvist !== undefined ? aendret + hjemvist : undefined);
	if (omgjort === undefined) return true;
	return Math.abs((100 * omgjort) / total - d.value) <= 2;
}

/** One reading (or none) per figure of the sentence, in order. */
function readSentence(view: string, sc: SentenceContext, memory: Reading | null, aboutOmgoerelse: boolean): (Reading | null)[] {
	const cues = findCues(view);
	const breaks = clauseBreaks(view, SEPARATORS, cues);
	const parens = parentheses(view);
	const figures = sc.view.qAt;
	// A whole ("ud af 57 klagesager") stands between a part and its cue without taking the cue.
	const blocking = figures.filter((at) => !WHOLE_BEFORE.test(view.slice(Math.max(0, at - 12), at)));
	const readings: (Reading | null)[] = [];
	sc.view.quantities.forEach((q, qi) => {
		readings.push(null);
		if (q.range || q.bound || q.approx) return;
		if (q.unit !== null && q.unit !== 'pct') return;
		const at = figures[qi];
		const end = tokenEnd(view, at);
		const tail = view.slice(end);
		if (!FOLLOWER.test(tail)) return;
		const stated: 'antal' | 'pct' = q.unit === 'pct' ? 'pct' : 'antal';
		// "Tre ud af fire hjemviste sager", "nr. 41 af 98": a ratio or a rank, not a count of cases.
		if (RATIO_FIRST.test(tail) && !RATIO_FIRST_WHOLE.test(tail)) return;
		if (RATIO_SECOND.test(view.slice(Math.max(0, at - 30), at)) && !WHOLE_NOUN.test(tail)) return;
		if (stated === 'pct' && SHARE_OF.test(tail) && !SHARE_OF_ALL.test(tail) && !shareOfArea(tail)) return;
		// "14 af de omgjorte sager handlede om § 85": a part of an outcome's cases, not that outcome's count.
		if (OF_OUTCOME.test(tail)) return;
		const clause = clauseAt(breaks, at, view.length);
		const paren = inside(parens, at);
		const part = PART_OF.exec(tail);
		// How the figure states its unit to a parallel: a percent, a count of cases, or a bare number.
		const own = stated === 'pct' ? 'pct' : part || /^ (?:klage|[a-zæøå]+(?<!år))?sag|^ afgørelse/.test(tail) ? 'sager' : 'antal';
		// The parallel figure: the last one read before this, a part before a whole ("38 af de 57 sager, svarende til 67 pct.").
		const before = readings.map((r, i) => ({ r, i })).filter(({ r, i }) => r && i < qi && lean(r, own, 'parallel'));
		const parallel = before.filter(({ r }) => r!.how !== 'helhed').pop() ?? before.pop() ?? null;
		// "47 (52 pct.)", "118 klagesager (2023: 104)": an aside takes the concept of the figure right before it.
		// "(omgørelsesprocent 36,2)" names its own concept.
		const cuedInParen = paren !== null && cues.some((c) => c.start >= paren.start && c.end <= at);
		if (paren && !cuedInParen && qi > 0 && figures[qi - 1] < paren.start && paren.start - tokenEnd(view, figures[qi - 1]) <= 80) {
			// "9 ud af 22 afgjorte sager omgjort (41 pct.)": a percent after a part and its whole is the part's share, when the arithmetic agrees.
			const whole = readings[qi - 1];
			const part = qi > 1 ? readings[qi - 2] : null;
			const share = (sc.view.quantities[qi - 2]?.value / sc.view.quantities[qi - 1].value) * 100;
			const partsShare = stated === 'pct' && whole?.role === 'afgjort' && part && part.role !== 'afgjort' && Math.abs(share - q.value) <= 1;
			const host = partsShare ? part : whole;
			if (host) readings[qi] = lean(host, own, 'parallel');
			return;
		}
		if (stated === 'antal' && WHOLE_BEFORE.test(view.slice(clause.start, at)) && WHOLE_NOUN.test(tail)) {
			readings[qi] = { role: wholeRole(view, breaks, clause, cues, parens, figures), unit: 'antal', how: 'helhed' };
			return;
		}
		// "12 af 29 afgjorte sager omgjort": the whole's words ("af 29 afgjorte sager") are not the part's cue.
		const wholeEnd = end + (WHOLE_PHRASE.exec(tail)?.[0].length ?? 0);
		const partCues = part ? cues.filter((c) => c.end <= end || c.start >= wholeEnd) : cues;
		const found = nearest(partCues, clause, at, end, parens, blocking);
		const cue = (part && found?.role === 'afgjort' ? null : found) ?? subjectCue(view, clause, at, end, cues, parens, blocking);
		if (cue) {
			const role = cue.role === 'medhold' ? medholdParty(view, cue, clause) : cue.role;
			if (!role || role === 'andet') return;
			if (role === 'afvist' && (BESIDES.test(view.slice(clause.start, clause.end)) || OUTSIDE_WHOLE.test(view))) return;
			readings[qi] = read(role, stated, tail, 'cue');
			return;
		}
		if (stated === 'antal' && /^ (?:klage|[a-zæøå]+(?<!år))?sager(?![\p{L}])/u.test(tail) && TOTAL_BEFORE.test(view.slice(clause.start, at))) {
			readings[qi] = { role: 'afgjort', unit: 'antal', how: 'helhed' };
			return;
		}
		// "indgår 233 sager fra Frederiksberg Kommune, der blev afgjort af Ankestyrelsen": the relative clause names them.
		if (stated === 'antal' && /^ (?:klage|[a-zæøå]+(?<!år))?sager(?![\p{L}])/u.test(tail)) {
			const role = relativeRole(view, breaks, clause, cues, parens, figures);
			if (role) {
				readings[qi] = { role, unit: 'antal', how: 'helhed' };
				return;
			}
		}
		const clauseTail = view.slice(part ? end + part[0].length : end, clause.end);
		if (!ELLIPSIS_TAIL.test(clauseTail)) return;
		// "29 i Silkeborg og 35 i Holstebro", "40 mod 41 på landsplan": the same concept, another entity or period.
		if (parallel && (clause.start > figures[parallel.i] || PARALLEL_LINK.test(view.slice(tokenEnd(view, figures[parallel.i]), at)))) {
			readings[qi] = lean(parallel.r!, own, 'parallel');
			return;
		}
		// "I samme periode sidste år var den 39 pct.", "Landsgennemsnittet lå på 36 pct.": the paragraph's last concept.
		const clauseText = view.slice(clause.start, at);
		const scope = antecedentScope(view, breaks, clause);
		const national = /landsgennemsnit|landsplan|hele landet/.test(view.slice(scope.start, clause.end));
		// "Blandt naboerne havde Horsens 31 procent": another municipality's figure of the paragraph's concept.
		// Only a percent: another municipality's bare count ("Fredericia havde 30") may count anything.
		const named = (stated === 'pct' || memory?.unit === 'pct') && [...clauseText.matchAll(ENTITY_NAMED)].some((m) => sc.view.text.includes(municipalityOf(m[0]) ?? '\u0000'));
		if (memory && (ANAPHOR.test(clauseText) || national || named)) readings[qi] = lean(memory, own, 'anafor');
		else if (!memory && national && stated === 'pct' && aboutOmgoerelse) readings[qi] = { role: 'omgoerelse', unit: 'pct', how: 'anafor' };
	});
	return readings.map((r) => (r && METRIC[r.role][r.unit] ? r : null));
}

/** A subject that names what is counted, opening the sentence: "Antallet af klagesager, …", "Andelen af sager, som …". */
const COUNTED_SUBJECT = /^(?:(?:det |den )?samlede |samlet )?(?:antal(?:let)?|andel(?:en)?) af /;
/** A clause that is only the copula before the figure: "…, var 148 i 2024". */
const COPULA_BEFORE = /^(?:var|er|blev|udgjorde|udgør|lå på|ligger på) $/;

/**
 * "Antallet af klagesager, Ankestyrelsen har afgjort fra Varde Kommune, var 148": a figure
 * whose clause is only the copula takes the nearest cue of the subject the sentence opens with.
 */
function subjectCue(view: string, clause: Span, at: number, end: number, cues: Cue<Role>[], parens: Span[], figures: number[]): Cue<Role> | null {
	if (!COUNTED_SUBJECT.test(view) || !COPULA_BEFORE.test(view.slice(clause.start, at).trimStart())) return null;
	return nearest(cues, { start: 0, end: clause.start }, at, end, parens, figures);
}

/** "27,9 pct. af sygedagpengesagerne": a share of the cases of an area the compound names is that area's share. */
function shareOfArea(tail: string): boolean {
	const m = /^ af (?:de |alle )?(\p{L}{4,}sager)(?:ne)?(?![\p{L}])(?! om )/u.exec(tail);
	return m !== null && m[1] !== 'klagesager' && findAreas(m[1]).length > 0;
}

/** A figure's reading from its concept and stated unit; "omgørelsesprocenten er 27" states its unit by its noun. */
function read(role: Reading['role'], stated: 'antal' | 'pct', tail: string, how: Reading['how']): Reading | null {
	if (role === 'omgoerelse') {
		if (stated === 'antal' && /^\s+(?:klage|[a-zæøå]+(?<!år))?sag|^\s+afgørelse/.test(tail)) return null;
		return { role, unit: 'pct', how };
	}
	return { role, unit: stated, how };
}

/**
 * The concept of a parallel figure, with this figure's own unit when it states one: a bare
 * number takes the parallel's unit ("40 mod 41"), a count of cases stays a count ("52 ud af 118").
 */
function lean(parallel: Reading, stated: 'antal' | 'pct' | 'sager', how: Reading['how']): Reading | null {
	if (stated === 'pct' || stated === 'sager') {
		const unit = stated === 'pct' ? 'pct' : 'antal';
		return METRIC[parallel.role][unit] ? { role: parallel.role, unit, how } : null;
	}
	return { role: parallel.role, unit: parallel.unit, how };
}

/** "Af de 82 sager, hvor borgeren fik medhold": a whole takes the concept of its relative clause, else it is all decided cases. */
function wholeRole(view: string, breaks: number[], clause: Span, cues: Cue<Role>[], parens: Span[], figures: number[]): Reading['role'] {
	return relativeRole(view, breaks, clause, cues, parens, figures) ?? 'afgjort';
}

/** The concept the relative clause right after a clause names ("…, der blev afgjort af Ankestyrelsen"), if any. */
function relativeRole(view: string, breaks: number[], clause: Span, cues: Cue<Role>[], parens: Span[], figures: number[]): Reading['role'] | null {
	const i = breaks.indexOf(clause.end);
	if (i < 0 || i % 2) return null;
	const next = clauseAt(breaks, breaks[i + 1], view.length);
	if (!/^(?:hvor|som|der)(?![\p{L}])/u.test(view.slice(next.start))) return null;
	if (figures.some((f) => f >= next.start && f < next.end)) return null;
	const cue = nearest(cues, next, next.start, next.start, parens, figures);
	if (!cue) return null;
	const role = cue.role === 'medhold' ? medholdParty(view, cue, next) : cue.role;
	return role === 'afgjort' || role === 'stadfaestet' || role === 'aendret' || role === 'hjemvist' || role === 'omgjort' ? role : null;
}

/** Who got medhold: the party named nearest to the word, in its clause. */
function medholdParty(view: string, cue: Cue<Role>, clause: Span): Outcome | null {
	const text = view.slice(clause.start, clause.end);
	const at = cue.start - clause.start;
	const dist = (re: RegExp) => Math.min(Infinity, ...[...text.matchAll(re)].map((m) => (m.index! < at ? at - m.index! - m[0].length : m.index! - at)));
	const kommune = dist(PARTY_KOMMUNE);
	const borger = dist(PARTY_BORGER);
	if (kommune === borger) return null;
	return kommune < borger ? 'stadfaestet' : 'omgjort';
}

/** An average over a group of municipalities is nobody's figure: "KL's sammenligningsgruppe havde i snit 37,4". */
const GROUP_AVERAGE = /sammenligningsgruppe|sammenligningskommune|klyngen|(?<![\p{L}])i snit(?![\p{L}])|gennemsnittet for (?:de|nabo)/u;

/** Whose figure: the municipality or national cue nearest to it in its clause, else what the context says; '' for a group's average. */
function entityOf(ctx: ItemContext, sc: SentenceContext, qi: number): string {
	const respective = respectiveEntity(ctx, sc, qi);
	if (respective) return respective;
	const view = sc.view.view;
	const at = sc.view.qAt[qi];
	const { breaks, cues } = entityCues(sc);
	const own = clauseAt(breaks, at, view.length);
	if (GROUP_AVERAGE.test(view.slice(own.start, own.end))) return '';
	const end = tokenEnd(view, at);
	if (cues.length) {
		const clause = antecedentScope(view, breaks, clauseAt(breaks, at, view.length));
		const cue = nearest(cues, clause, at, end, parentheses(view), sc.view.qAt);
		if (cue) return cue.role;
	}
	return entityFor(ctx, sc, qi);
}

/** The sentence's clause breaks and the municipalities and national cues it names: the same for each of its figures, found once. */
function entityCues(sc: SentenceContext): { breaks: number[]; cues: Cue<string>[] } {
	let found = entityCuesOf.get(sc);
	if (found) return found;
	const view = sc.view.view;
	const cues: Cue<string>[] = [];
	ENTITY_CUES.lastIndex = 0;
	for (let m = ENTITY_CUES.exec(view); m; m = ENTITY_CUES.exec(view)) {
		const name = m.groups!.national ? 'Landsgennemsnit' : municipalityOf(m.groups!.kommune);
		// A municipality is named with a capital letter; "vejen" is not Vejen.
		if (name && (name === 'Landsgennemsnit' || sc.view.text.includes(name))) cues.push({ role: name, start: m.index, end: m.index + m[0].length });
	}
	entityCuesOf.set(sc, (found = { breaks: clauseBreaks(view, ENTITY_SEPARATORS, []), cues }));
	return found;
}
const entityCuesOf = new WeakMap<SentenceContext, { breaks: number[]; cues: Cue<string>[] }>();

/**
 * A clause opened by "hvor" says something about the noun that closes the clause before it
 * ("under landsplan, hvor andelen var 36 procent"): that clause is its scope for whose figure it is.
 */
function antecedentScope(view: string, breaks: number[], clause: Span): Span {
	if (!/^hvor(?![\p{L}])/u.test(view.slice(clause.start, clause.start + 5))) return clause;
	const i = breaks.indexOf(clause.start);
	if (i < 1) return clause;
	return { start: clauseAt(breaks, breaks[i - 1] - 1, view.length).start, end: clause.end };
}

/**
 * The area of a figure: the sentence's, its paragraph's or heading's; else the nearest earlier
 * statement of the item (a sentence or a table caption above it: "Nedenfor ses afgørelserne efter
 * serviceloven"), before the title. A paragraph (§) takes its law from there too.
 */
function areaOf(ctx: ItemContext, sc: SentenceContext, earlier: (at: number) => AreaMention[], figureAt: number): string | null {
	// "88 sager efter aktivloven, og omgørelsesprocenten var 21": the law the cases' own noun is
	// under, for every figure of the sentence, before any other area it names ("På beskæftigelsesområdet").
	const list = listItems(sc);
	// Another figure's law reaches only the figures after it, and only a whole law ("120 sager, heraf 14 efter § 85" stays apart).
	const laws = new Set(
		sc.view.quantities
			.filter((q) => q.start <= figureAt)
			.map((q) => ({ q, law: lawOfNoun(ctx, sc, q.end) }))
			.filter(({ q, law }) => law !== null && (q.start === figureAt || !law.includes('§')))
			.map(({ law }) => law!)
	);
	if (laws.size === 1 && !list.length) return [...laws][0];
	const item = list.find((b) => figureAt >= b.start && figureAt < b.end);
	if (item?.label) return itemArea(ctx, sc, item.label, earlier);
	// Around a list, the sentence's own areas are those of its text outside the list.
	const sentenceAreas = item ? findAreas(ctx.text.slice(item.start, item.end)) : list.length ? findAreas(outside(sc, list)) : sc.areas;
	const own = [sentenceAreas, sc.carriedAreas, sc.headingAreas];
	const picked = pickArea(...own);
	const before = earlier(sc.sentence.start);
	if (picked?.startsWith('§')) {
		const law = [...own, before, ctx.titleAreas].flat().find((a) => a.rank === RANK.law)?.area;
		if (law) return `${law} ${picked}`;
	}
	// "på udvalgets område" names the committee that meets, nearer than anything above.
	if ((picked && !picked.startsWith('§')) || COMMITTEE_AREA.test(`${sc.sentence.text} ${sc.carriedText}`)) return areaFor(ctx, sc, null);
	return pickArea(before) ?? areaFor(ctx, sc, null);
}

/**
 * "120 sager på socialområdet, heraf 14 efter serviceloven § 85": when a sentence names a § in
 * another clause, a figure whose own clause names a wider area keeps that one.
 */
function clauseArea(sc: SentenceContext, breaks: number[], qi: number): string | null {
	const paragraphNamed = sc.areas.some((a) => a.rank === RANK.paragraph);
	// Else only a sentence naming several areas has clauses with one of their own ("… af sygedagpengesagerne, og for aktivloven var …").
	if (!paragraphNamed && new Set(sc.areas.filter((a) => !a.tilbud).map((a) => a.area)).size < 2) return null;
	const view = sc.view.view;
	const clause = clauseAt(breaks, sc.view.qAt[qi], view.length);
	const wide = (a: AreaMention) => a.rank < RANK.paragraph && a.rank > RANK.kommune && !a.tilbud;
	let own = findAreas(view.slice(clause.start, clause.end)).filter(wide);
	if (findAreas(view.slice(clause.start, clause.end)).some((a) => a.rank === RANK.paragraph)) return null;
	// "i sagerne efter serviceloven blev 19 stadfæstet og 12 omgjort": a clause without an area of its own
	// goes on with the first one named earlier in its statement after a semicolon.
	const semicolon = view.lastIndexOf(';', clause.start);
	if (!own.length && semicolon >= 0) {
		const from = semicolon + 1;
		const statement = findAreas(view.slice(from, clause.start)).filter(wide);
		own = statement.length && !findAreas(view.slice(from, clause.start)).some((a) => a.rank === RANK.paragraph) ? statement.slice(0, 1) : [];
	}
	if (!own.length) return null;
	if (!paragraphNamed && new Set(own.map((a) => a.area)).size > 1) return null;
	return pickArea(own);
}

/** The law named right after a count's noun: "88 sager efter aktivloven", "12 klagesager efter serviceloven § 85". */
function lawOfNoun(ctx: ItemContext, sc: SentenceContext, figureEnd: number): string | null {
	const phrase = OWN_LAW.exec(ctx.text.slice(figureEnd, Math.min(sc.sentence.end, figureEnd + 60)));
	if (!phrase) return null;
	// "efter servicelovens § 83": the law with its paragraph is one area, the most specific.
	const named = findAreas(phrase[0]);
	return (named.find((a) => a.rank === RANK.paragraph && !a.area.startsWith('§')) ?? named.find((a) => a.rank === RANK.law))?.area ?? null;
}
const OWN_LAW = /^\s+(?:klage|[a-zæøå]+(?<!år))?sager\s+(?:efter|i henhold til|jf\.)\s+(?:lov om\s+)?[\p{L}§][\p{L}§ \d]*/u;
const ABOUT_DECISIONS = /klage|ankestyrelse|afgørelse|afgjor|omgør|omgjor|stadfæst|hjemvis/i;
const LIST_MARK = /(?:^|\n)[ \t]*[•▪◦·*–-][ \t]+/g;
const BLANK_LINE = /\n[ \t]*\n/;

/** The items of a bulleted list inside a sentence ("• § 83 (…): 14 sager afgjort – …"), in file offsets, with their labels. */
function listItems(sc: SentenceContext): ListItem[] {
	// Asked once for every figure of the sentence: found once.
	let items = listsOf.get(sc);
	if (!items) listsOf.set(sc, (items = findListItems(sc)));
	return items;
}
interface ListItem {
	start: number;
	end: number;
	label: string;
}
const listsOf = new WeakMap<SentenceContext, ListItem[]>();

function findListItems(sc: SentenceContext): ListItem[] {
	const text = sc.sentence.text;
	if (!/[•▪◦·*–-][ \t]/.test(text)) return [];
	const found = [...text.matchAll(LIST_MARK)];
	// A dash at a line's start may be prose wrapped before "– 34 sager –": a list of dashes has two at least.
	if (found.length < 2 && (!found.length || /[–-]/.test(found[0][0]))) return [];
	const marks = found.map((m) => ({ at: m.index!, body: m.index! + m[0].length }));
	return marks.map((m, i) => {
		const next = marks[i + 1]?.at ?? text.length;
		const blank = BLANK_LINE.exec(text.slice(m.body, next));
		const end = blank ? m.body + blank.index : next;
		const body = text.slice(m.body, end);
		// The label: what stands before the item's colon ("§ 83 (personlig og praktisk hjælp)").
		const colon = body.indexOf(':');
		return { start: sc.sentence.start + m.at, end: sc.sentence.start + end, label: colon > 0 && colon <= 80 ? body.slice(0, colon) : '' };
	});
}

function outside(sc: SentenceContext, list: { start: number; end: number }[]): string {
	let text = '';
	let at = sc.sentence.start;
	for (const b of list) {
		text += sc.sentence.text.slice(at - sc.sentence.start, b.start - sc.sentence.start) + ' ';
		at = b.end;
	}
	return text + sc.sentence.text.slice(at - sc.sentence.start);
}

/**
 * The area a list item's label names: a § with its law from the lead-in above the list
 * ("Nedenfor ses afgørelserne efter serviceloven:"), a law or a field. A label naming none
 * leaves the item without an area.
 */
function itemArea(ctx: ItemContext, sc: SentenceContext, label: string, earlier: (at: number) => AreaMention[]): string | null {
	const para = paragraphOf(label);
	if (para) {
		const law = [findAreas(label), findAreas(outside(sc, listItems(sc))), sc.carriedAreas, earlier(sc.sentence.start), ctx.titleAreas]
			.flat()
			.find((a) => a.rank === RANK.law)?.area;
		return law ? `${law} § ${para}` : null;
	}
	return lawNamed(label) ?? fieldNamed(label) ?? pickArea(findAreas(label));
}

/** Areas stated earlier in the item, by position: for each position, those of the nearest sentence or caption above that names one. */
function earlierAreas(ctx: ItemContext): (at: number) => AreaMention[] {
	let statements: { end: number; areas: AreaMention[] }[] | null = null;
	return (at) => {
		statements ??= [
			...ctx.sentences.map((s) => ({ end: s.sentence.end, text: s.sentence.text })),
			// A table's caption, or the title line printed right above its header.
			...ctx.layout.tables.map((t) => ({ end: t.start + 1, text: [t.caption ?? '', ...t.headerLines.map((l) => l.text)].join(' ') }))
		]
			// Only a statement about the decisions themselves carries its area this far.
			.filter((s) => ABOUT_DECISIONS.test(s.text))
			.map((s) => ({ end: s.end, areas: findAreas(s.text).filter((a) => a.rank > RANK.kommune && a.rank < RANK.paragraph && !a.tilbud) }))
			.filter((s) => s.areas.length)
			.sort((a, b) => a.end - b.end);
		return statements.findLast((s) => s.end <= at)?.areas ?? [];
	};
}

/** A period named right after a comparison: "lavere end i samme periode sidste år", "mod 2023", "i forhold til 1. halvår 2024". */
const COMPARED = /(?:^|[^\p{L}])(?:end|mod|sammenlignet med|i forhold til|set i forhold til)(?: i)? $/u;

function usableMentions(sc: SentenceContext): { p: PeriodMention; pos: number; compared: boolean }[] {
	const v = sc.view;
	return v.periods
		.map((p, i) => ({ p, pos: v.tAt[i] }))
		.filter(({ p }) => PERIOD_KINDS.has(p.kind) && p.kind !== 'span')
		.map((m) => ({ ...m, compared: COMPARED.test(v.view.slice(Math.max(0, m.pos - 24), m.pos)) }));
}

/**
 * What the paragraph is about after this sentence: its first period that is not a comparison's.
 * A relative period after the sentence's first figure compares ("31, hvor den året før var 34").
 */
function aboutAfter(ctx: ItemContext, sc: SentenceContext, about: string | null): string | null {
	const firstFigure = sc.view.qAt.length ? Math.min(...sc.view.qAt) : Infinity;
	// "Året før var Vardes omgørelsesprocent 35,9 %": a past relative period compares with what the paragraph is about.
	const own = usableMentions(sc).filter(
		(m) =>
			!m.compared &&
			!(m.p.kind === 'relative' && (m.pos > firstFigure || comparesBack(m.p))) &&
			!COMPARED_PERIOD.test(sc.view.view.slice(Math.max(0, m.pos - 40), m.pos))
	);
	if (!own.length) return about;
	const stated = own.find((m) => m.p.kind !== 'relative');
	const first = stated ?? own[0];
	if (first.p.samePeriod) return about;
	const base = about ? Number(about.slice(0, 4)) : ctx.titleYear;
	return resolvePeriod(first.p, first.p.kind === 'relative' ? base : ctx.titleYear, ctx.meetingYear) ?? about;
}

/**
 * The figure's own period. A period after it behind a comparison is the compared one's
 * ("33, hvilket er lavere end i samme periode sidste år"), and a sentence that names none takes
 * what the paragraph is about, not the period an earlier sentence compared with.
 */
function ownPeriod(ctx: ItemContext, sc: SentenceContext, qi: number, about: string | null): string | null {
	const at = sc.view.qAt[qi];
	const mentions = usableMentions(sc);
	const fallback = about ?? sc.headingPeriod ?? ctx.titlePeriod ?? (ctx.titleYear ? String(ctx.titleYear) : null);
	if (!mentions.length && about && !sc.view.periods.some((p) => p.kind === 'span')) return about;
	const nextFigure = sc.view.qAt.find((x) => x > at) ?? Infinity;
	const after = mentions.find((m) => m.pos > at);
	if (after && after.compared && after.pos < nextFigure && !mentions.some((m) => m.pos < at) && fallback) return fallback;
	return periodFor(ctx, sc, qi, PERIOD_KINDS) ?? ctx.titlePeriod;
}

/** "mens ingen sager blev ændret eller hjemvist": stated zeros. */
function zeroOutcomes(ctx: ItemContext, sc: SentenceContext, hasTotal: boolean): FactDraft[] {
	if (!hasTotal) return [];
	const m = /\bingen (?:af )?(?:klage)?(?:sager(?:ne)?|afgørelser) (?:blev |er |var )?(?:blevet )?(ændret|hjemvist|stadfæstet)(?: eller (ændret|hjemvist|stadfæstet))?/.exec(sc.view.view);
	if (!m) return [];
	const period = sc.view.periods.length && sc.view.quantities.length ? periodFor(ctx, sc, 0) : sc.carriedPeriod;
	const area = areaFor(ctx, sc, null);
	if (!period || !area) return [];
	const metric = (w: string) => (w === 'ændret' ? 'aendret_antal' : w === 'hjemvist' ? 'hjemvist_antal' : 'stadfaestet_antal');
	return [m[1], m[2]]
		.filter(Boolean)
		.map((w) => draft('klagesager', metric(w), ctx.municipality, area, period, 0, 'antal', sc, 'klagesager.ingen'));
}

function mostCommon(values: string[]): string | null {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best: string | null = null;
	for (const [v, n] of counts) if (!best || n > counts.get(best)!) best = v;
	return best;
}
