/**
 * Klagesager in prose: Ankestyrelsen's decisions on complaints, their outcomes and the
 * omgørelsesprocent. Every figure of a sentence is read on its own: its unit, the concept
 * its nearest cue names, whether it is a whole ("af de 152 sager") or a part, whose and
 * when. A figure no cue names leans on a parallel figure ("40 mod 41 på landsplan",
 * "(2023: 104)", "29 i Silkeborg og 35 i Holstebro") or on the paragraph ("I samme periode
 * sidste år var den 39 pct."). A figure with no clear reading is left out.
 */
import { areaFor, draft, entityFor, periodFor, type FactDraft, type ItemContext, type SentenceContext } from './context';
import { RANK } from './areas';
import { MUNICIPALITIES, municipalityOf } from './places';
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
			['Ankestyrelsen afgjorde 163 sager. Tre ud af fire hjemviste sager blev sendt tilbage, fordi sagen ikke var oplyst.', ['klagesager_antal=163']]
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
			['Omgørelsesprocenten skal i 2026 under 30 pct.', []],
			['Ankestyrelsen afgjorde 100 sager, og 30 blev omgjort. Det svarer til 12 pct.', ['klagesager_antal=100', 'omgjort_antal=30']],
			['Det er et fald på 8 procentpoint i omgørelsesprocenten.', []]
		]
	},
	{
		role: 'afgjort',
		cues: ['afgjor\\p{L}*', 'behandle(?:t|de|des)', `tr(?:af|uffet)(?: ${W}){0,4}? afgørelse`],
		examples: [
			['Ankestyrelsen traf afgørelse i 57 sager i 2024.', ['klagesager_antal=57']],
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
		examples: [['Ankestyrelsen afgjorde 60 sager. I 14 sager blev kommunens afgørelse ophævet eller omstødt, og 13 sager blev hjemvist.', ['klagesager_antal=60', 'aendret_antal=14', 'hjemvist_antal=13']]]
	},
	{
		role: 'hjemvist',
		cues: ['hjemvis\\p{L}*', 'hjemsend\\p{L}*', `sendt(?:e)?(?: ${W}){0,3}? tilbage`, 'sendt retur', 'fornyet behandling'],
		examples: [
			['To andre sager om merudgifter blev hjemvist.', []],
			['Ankestyrelsen stadfæstede 63 pct. af de 152 sager. Det svarer til 96 stadfæstede, 18 ændrede og 38 hjemviste afgørelser.', ['stadfaestet_pct=63', 'klagesager_antal=152', 'stadfaestet_antal=96', 'aendret_antal=18', 'hjemvist_antal=38']],
			['I 2024 afgjorde Ankestyrelsen 118 klagesager (2023: 104).', ['klagesager_antal=118', 'klagesager_antal=104']],
			['Ankestyrelsen afgjorde 118 sager. I 19 sager ændrede Ankestyrelsen kommunens afgørelse, og 28 sager blev sendt tilbage til fornyet behandling i kommunen.', ['klagesager_antal=118', 'aendret_antal=19', 'hjemvist_antal=28']]
		]
	},
	{
		role: 'afvist',
		cues: ['afvist\\p{L}*', 'afvises'],
		examples: [
			['Ankestyrelsen afgjorde 40 sager. 32 blev stadfæstet, og 8 sager blev afvist af Ankestyrelsen, fordi klagefristen var overskredet.', ['klagesager_antal=40', 'stadfaestet_antal=32', 'afvist_antal=8']],
			['Ud over de afgjorte sager afviste Ankestyrelsen 4 klager, fordi klagefristen var overskredet.', []],
			['Ansøgningerne fra to grupper er afvist.', []]
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
			'(?:et|større|mindre) fald på',
			'(?:en|større|mindre) stigning på',
			'(?:stigningen|faldet) på',
			'(?:steget|faldet|steg|faldt) med',
			'nr\\.',
			'placerer',
			'ville være',
			'praksisundersøgelse\\p{L}*',
			'sagsbehandlingstid\\p{L}*',
			'genvurdering\\p{L}*',
			'imødekom\\p{L}*'
		],
		examples: [
			['Udvalget vedtog et mål om, at omgørelsesprocenten skal under 30 pct. inden udgangen af 2026.', []],
			['Kommunen placerer sig som nr. 58 ud af 98.', []],
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
/** A count of klagesager with no cue of its own is all decided cases when the text totals it: "Der var i alt 15 klagesager". */
const TOTAL_BEFORE = /(?<![\p{L}])(?:i alt|samlet(?: set)?|var der|blev der|er der|der var|der blev|indgår|indgik)(?: [^ ,.;]+){0,3}? $/u;
/** A whole the figure is a part of: "af de 152 sager", "ud af 57", "af i alt 90". */
const WHOLE_BEFORE = /(?:^|[^\p{L}])(?:ud )?af(?: de| i alt| de i alt| samlet| alle)? $/u;
/** What may follow a klagesager figure; any other word makes it a count of something else ("12 borgere"). */
const FOLLOWER =
	/^(?:\s*$|\s*[(),.;:]|\s+(?:(?:klage)?sag(?:er|erne|en)?|afgørelse\p{L}*|klage[rn]?\p{L}*|af|i|på|mod|og|eller|for|fra|til|blev|bliver|er|var|ud|heraf|hvoraf|mens|men|som|hvor|hvilket|T\d+|helt|alle|stadfæst\p{L}*|ændre\p{L}*|hjemvis\p{L}*|hjemsend\p{L}*|omgjor\p{L}*|afgjor\p{L}*|behandle\p{L}*|afvist\p{L}*|sendt\p{L}*|ophævet|omstødt)(?![\p{L}]))/u;
/** A pct "af" something other than all cases is a share of a subset ("61 pct. af de omgjorte sager"). */
const SHARE_OF = /^ af /;
const SHARE_OF_ALL = /^ af (?:(?:alle|de|disse|sine|kommunens) )?(?:(?:afgjorte|behandlede|samlede) )?(?:klage)?sager(?:ne)?(?![\p{L}])|^ af (?:dem|disse|afgørelserne)(?![\p{L}])|^ af (?:de |i alt )?Q\d+n/u;
/** A whole names what it counts: "ud af 57 klagesager", not "nr. 58 ud af 98". */
const WHOLE_NOUN = /^ (?:(?:afgjorte|behandlede|samlede) )?(?:klage)?sag|^ afgørelse|^ klage/;
/** Dismissed complaints "ud over" the decided ones are outside the whole, which the contract's afvist_antal is part of. */
const BESIDES = /(?<![\p{L}])(?:ud over|udover|yderligere|derudover|herudover|desuden)(?![\p{L}])/u;
const RATIO_FIRST = /^ (?:ud )?af Q\d+n/;
const RATIO_FIRST_WHOLE = /^ (?:ud )?af Q\d+n (?:(?:afgjorte|behandlede|samlede) )?(?:klage)?sag|^ (?:ud )?af Q\d+n afgørelse|^ (?:ud )?af Q\d+n klage/;
const RATIO_SECOND = /Q\d+n (?:ud )?af $/;
/** A part of a whole: "52 ud af 118", "38 af de 57". */
const PART_OF = /^ (?:ud )?af (?:de |i alt )?Q\d+n(?: (?!Q\d)[\p{L}]+){0,2}/u;
/** What may stand after a figure that leans on a parallel one: a place, a period, a closing bracket. */
const ELLIPSIS_TAIL = /^\)?\s*(?:(?:i|på|for|blandt)(?: (?!Q\d)[\p{L}\d][\p{L}\d-]*){1,3}|T\d+|året før|sidste år|i fjor)?\s*\)?\s*\.?\s*$/u;
/** Between two parallel figures of one clause: "fra 45 pct. i 2023 til 35 pct.", "22 pct. i 2024 og 38 pct.". */
const PARALLEL_LINK = /^[^,;]{0,30} (?:til|og|mod|end) $/;
const ANAPHOR = /(?<![\p{L}])(?:den|det|dette|tallet|andelen|niveauet|procenten)(?![\p{L}])/u;
const SUBSET = /(?<![\p{L}])(?:andre|øvrige|nogle|flere af|resten|enkelte)(?![\p{L}])|sager om(?![\p{L}])/u;
const PARTY_KOMMUNE = /(?<![\p{L}])(?:kommunen|\p{L}+ kommune)(?![\p{L}])/gu;
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
	if (!ITEM_GATE.test(ctx.item.title) && !ITEM_GATE.test(ctx.text.slice(ctx.item.start, ctx.item.end))) return [];
	const out: FactDraft[] = [];
	let para = -1;
	let paraHasTotal = false;
	let memory: Reading | null = null;
	// Whether the item has read an omgørelsesprocent: a national percent with no cue of its own is then one too.
	let itemOmgoerelse = false;
	const titleContext = `${ctx.item.title}`.toLowerCase();
	for (const sc of ctx.sentences) {
		if (sc.sentence.paragraph !== para) {
			para = sc.sentence.paragraph;
			paraHasTotal = false;
			memory = null;
		}
		if (!sc.sentence.figures || !sc.view.quantities.length) {
			if (paraHasTotal && sc.view.view.includes('ingen')) out.push(...zeroOutcomes(ctx, sc, true));
			continue;
		}
		const view = sc.view.view;
		const context = `${(sc.sentence.heading ?? '').toLowerCase()} ${titleContext} ${sc.carriedText}`;
		const aboutOmgoerelse = itemOmgoerelse || /omgør|omgjor|danmarkskort/.test(context);
		if (!SENTENCE_GATE.test(view) && !memory && !aboutOmgoerelse) continue;
		if (OTHER_INSTANCES.test(view) || OTHER_INSTANCES.test(sc.carriedText) || (sc.sentence.heading && OTHER_INSTANCES.test(sc.sentence.heading.toLowerCase()))) continue;
		// "klagesager om socialpædagogisk støtte": a subset whose area only the sentence or a specific heading can name.
		if (/sager om\b/.test(view) && !sc.areas.length && !sc.headingAreas.some((a) => a.rank >= RANK.law)) continue;
		const readings = readSentence(view, sc, memory, aboutOmgoerelse);
		const hasTotal = readings.some((r) => r?.role === 'afgjort');
		const totals = sc.view.quantities.filter((_, qi) => readings[qi]?.role === 'afgjort').map((q) => q.value);
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
				if (totals.some((t) => q.value > t)) return;
			}
			const entity = entityOf(ctx, sc, qi);
			if (entity === 'Landsgennemsnit' && r.unit === 'antal') return;
			// No period in the sentence, paragraph, heading or title: the period most of the item's figures have.
			const period = periodFor(ctx, sc, qi, PERIOD_KINDS) ?? mostCommon(out.map((d) => d.period));
			const area = areaFor(ctx, sc, null);
			if (!period || !area || !entity) return;
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
		if (stated === 'pct' && SHARE_OF.test(tail) && !SHARE_OF_ALL.test(tail)) return;
		const clause = clauseAt(breaks, at, view.length);
		const paren = inside(parens, at);
		const part = PART_OF.exec(tail);
		// How the figure states its unit to a parallel: a percent, a count of cases, or a bare number.
		const own = stated === 'pct' ? 'pct' : part || /^ (?:klage)?sag|^ afgørelse/.test(tail) ? 'sager' : 'antal';
		// The parallel figure: the last one read before this, a part before a whole ("38 af de 57 sager, svarende til 67 pct.").
		const before = readings.map((r, i) => ({ r, i })).filter(({ r, i }) => r && i < qi && lean(r, own, 'parallel'));
		const parallel = before.filter(({ r }) => r!.how !== 'helhed').pop() ?? before.pop() ?? null;
		// "47 (52 pct.)", "118 klagesager (2023: 104)": an aside takes the concept of the figure right before it.
		if (paren && qi > 0 && figures[qi - 1] < paren.start && paren.start - tokenEnd(view, figures[qi - 1]) <= 80) {
			const host = readings[qi - 1];
			if (host) readings[qi] = lean(host, own, 'parallel');
			return;
		}
		if (stated === 'antal' && WHOLE_BEFORE.test(view.slice(clause.start, at)) && WHOLE_NOUN.test(tail)) {
			readings[qi] = { role: wholeRole(view, breaks, clause, cues, parens, figures), unit: 'antal', how: 'helhed' };
			return;
		}
		// "52 ud af 118 afgjorte sager": the whole's cue is not the part's.
		const found = nearest(cues, clause, at, end, parens, blocking);
		const cue = part && found?.role === 'afgjort' ? null : found;
		if (cue) {
			const role = cue.role === 'medhold' ? medholdParty(view, cue, clause) : cue.role;
			if (!role || role === 'andet') return;
			if (role === 'afvist' && BESIDES.test(view.slice(clause.start, clause.end))) return;
			readings[qi] = read(role, stated, tail, 'cue');
			return;
		}
		if (stated === 'antal' && /^ (?:klage)?sager(?![\p{L}])/u.test(tail) && TOTAL_BEFORE.test(view.slice(clause.start, at))) {
			readings[qi] = { role: 'afgjort', unit: 'antal', how: 'helhed' };
			return;
		}
		// "indgår 233 sager fra Frederiksberg Kommune, der blev afgjort af Ankestyrelsen": the relative clause names them.
		if (stated === 'antal' && /^ (?:klage)?sager(?![\p{L}])/u.test(tail)) {
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
		const national = /landsgennemsnit|landsplan|hele landet/.test(view.slice(clause.start, clause.end));
		if (memory && (ANAPHOR.test(clauseText) || national)) readings[qi] = lean(memory, own, 'anafor');
		else if (!memory && national && stated === 'pct' && aboutOmgoerelse) readings[qi] = { role: 'omgoerelse', unit: 'pct', how: 'anafor' };
	});
	return readings.map((r) => (r && METRIC[r.role][r.unit] ? r : null));
}

/** A figure's reading from its concept and stated unit; "omgørelsesprocenten er 27" states its unit by its noun. */
function read(role: Reading['role'], stated: 'antal' | 'pct', tail: string, how: Reading['how']): Reading | null {
	if (role === 'omgoerelse') {
		if (stated === 'antal' && /^\s+(?:klage)?sag|^\s+afgørelse/.test(tail)) return null;
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

/** Whose figure: the municipality or national cue nearest to it in its clause, else what the context says. */
function entityOf(ctx: ItemContext, sc: SentenceContext, qi: number): string {
	const view = sc.view.view;
	const at = sc.view.qAt[qi];
	const end = tokenEnd(view, at);
	const cues: Cue<string>[] = [];
	ENTITY_CUES.lastIndex = 0;
	for (let m = ENTITY_CUES.exec(view); m; m = ENTITY_CUES.exec(view)) {
		const name = m.groups!.national ? 'Landsgennemsnit' : municipalityOf(m.groups!.kommune);
		// A municipality is named with a capital letter; "vejen" is not Vejen.
		if (name && (name === 'Landsgennemsnit' || sc.view.text.includes(name))) cues.push({ role: name, start: m.index, end: m.index + m[0].length });
	}
	if (cues.length) {
		const breaks = clauseBreaks(view, SEPARATORS, []);
		const clause = clauseAt(breaks, at, view.length);
		const cue = nearest(cues, clause, at, end, parentheses(view), sc.view.qAt);
		if (cue) return cue.role;
	}
	return entityFor(ctx, sc, qi);
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
