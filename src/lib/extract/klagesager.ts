/** Klagesager: Ankestyrelsen's decisions on complaints, their outcomes and the omgørelsesprocent. */
import { areaFor, draft, entityFor, periodFor, type FactDraft, type ItemContext, type SentenceContext } from './context';
import { fieldNamed, findAreas, lawNamed, pickArea, RANK } from './areas';
import { findPeriods, quarterPeriod } from './periods';
import { municipalityOf } from './places';
import { headerLexicon, readTable, type HeaderRule } from './tables';
import { applyRules, type Rule } from './rule';

const N = 'Q\\d+n';
const P = 'Q\\d+p';
const SAGER = '(?:klage)?sager(?:ne)?';
const OUTCOMES = {
	stadfaestet: '(?:stadfæstet|stadfæstes|fastholdt|godkendt af ankestyrelsen)',
	aendret: '(?:ændret|ændres)',
	hjemvist: '(?:hjemvist|hjemvises|hjemsendt\\w*|hjemsendes|sendt (?:[a-zæøå]+ ){0,3}?tilbage\\w*|sendt retur)'
} as const;
const ACTIVE = {
	stadfaestet: '(?:stadfæstede|fastholdt|gav (?:kommunen|[a-zæøå-]+ kommune) (?:ret|medhold)|fik (?:kommunen|[a-zæøå-]+ kommune) (?:ret|medhold)|(?:kommunen|[a-zæøå-]+ kommune) fik (?:ret|medhold)|var (?:ankestyrelsen )?enig i (?:kommunens )?(?:afgørelse\\w*|vurdering\\w*))',
	aendret: '(?:ændrede)',
	hjemvist: '(?:hjemviste|hjemsendte|sendte [a-zæøå ]{0,20}tilbage)'
} as const;
/** After a count: "(52 pct.)" or ", svarende til 67 pct.". */
const PCT_AFTER = (g: string) => `(?: \\((?<${g}>${P})\\)|,? svarende til (?<${g}2>${P}))?`;

type Outcome = keyof typeof OUTCOMES;
const OUTCOME_KEYS = Object.keys(OUTCOMES) as Outcome[];

const countRules: Rule[] = [
	{
		name: 'klagesager.omgjort_antal',
		family: 'klagesager',
		pattern: new RegExp(`(?<n>${N}) (?:[a-zæøå-]+ ){0,2}?(?:omgjorte|ændrede og hjemviste|hjemviste og ændrede) ${SAGER}|omgjort (?:i alt )?(?<m>${N}) ${SAGER}`),
		captures: [
			{ group: 'n', metric: 'omgjort_antal', unit: 'antal' },
			{ group: 'm', metric: 'omgjort_antal', unit: 'antal' }
		],
		examples: [
			{ text: 'der har været ni omgjorte klagesager på hjælpemiddelområdet i 2023.', facts: ['omgjort_antal=9'] },
			{ text: 'Der blev i 2024 omgjort 14 sager efter serviceloven.', facts: ['omgjort_antal=14'] }
		]
	},
	{
		name: 'klagesager.udfald_antal.omgjort',
		family: 'klagesager',
		pattern: new RegExp(
			`omgjorde (?:ankestyrelsen )?(?:i alt )?(?<m>${N})(?: ${SAGER})?(?=[ ,.;]|$)|(?<o>${N})(?: ${SAGER})?(?: \\((?<p>${P})\\))? (?:(?:er |blev |var )(?:i alt )?(?:blevet )?|(?<=${SAGER} ))omgjort`
		),
		captures: [
			{ group: 'm', metric: 'omgjort_antal', unit: 'antal' },
			{ group: 'o', metric: 'omgjort_antal', unit: 'antal' },
			{ group: 'p', metric: 'omgoerelsespct', unit: 'pct' }
		],
		examples: [{ text: 'Ankestyrelsen afgjorde 38 sager i 2024. Ankestyrelsen stadfæstede 27 og omgjorde 11.', facts: ['klagesager_antal=38', 'stadfaestet_antal=27', 'omgjort_antal=11'] }]
	},
	...OUTCOME_KEYS.map(
		(o): Rule => ({
			name: `klagesager.udfald_ud_af.${o}`,
			family: 'klagesager',
			pattern: new RegExp(`(?<n>${N}) ud af (?<t>${N}) ${SAGER}[^,.;]{0,60}?(?: (?:er|blev|var)(?: blevet)?)? ${OUTCOMES[o]}`),
			captures: [
				{ group: 'n', metric: `${o}_antal`, unit: 'antal' },
				{ group: 't', metric: 'klagesager_antal', unit: 'antal' }
			],
			examples: [
				{ text: 'I 2024 blev 41 ud af 57 klagesager stadfæstet af Ankestyrelsen.', facts: [`stadfaestet_antal=41`, 'klagesager_antal=57'] }
			].filter(() => o === 'stadfaestet')
		})
	),
	...OUTCOME_KEYS.map(
		(o): Rule => ({
			name: `klagesager.udfald_antal.${o}`,
			family: 'klagesager',
			pattern: new RegExp(
				`(?<n>${N})(?: ${SAGER}| af (?:sagerne|klagesagerne|disse|dem|afgørelserne))?(?: \\((?<p>${P})\\))?(?: ${SAGER})?,? (?:blev |er |var |er blevet |blev i alt )?(?:helt eller delvist )?${OUTCOMES[o]}|\\bi (?<i>${N}) ${SAGER}${PCT_AFTER('ip')} ${ACTIVE[o]}`
			),
			captures: [
				{ group: 'n', metric: `${o}_antal`, unit: 'antal' },
				{ group: 'p', metric: `${o}_pct`, unit: 'pct' },
				{ group: 'i', metric: `${o}_antal`, unit: 'antal' },
				{ group: 'ip', metric: `${o}_pct`, unit: 'pct' },
				{ group: 'ip2', metric: `${o}_pct`, unit: 'pct' }
			],
			examples: [
				{ text: 'Ankestyrelsen har i 2024 behandlet 90 klagesager, heraf blev 47 (52 pct.) stadfæstet, 5 (6 pct.) blev ændret og 38 (42 pct.) blev hjemvist.', facts: ['stadfaestet_antal=47', 'stadfaestet_pct=52', 'aendret_antal=5', 'aendret_pct=6', 'hjemvist_antal=38', 'hjemvist_pct=42', 'klagesager_antal=90'] },
				{ text: 'To andre sager om merudgifter blev hjemvist.', facts: [] }
			].filter(() => o === 'stadfaestet')
		})
	),
	...OUTCOME_KEYS.map(
		(o): Rule => ({
			name: `klagesager.udfald_aktiv.${o}`,
			family: 'klagesager',
			pattern: new RegExp(
				`${ACTIVE[o]} (?:ankestyrelsen )?(?:kommunens afgørelse\\w* )?(?:i )?(?<n>${N})(?: af (?:de )?(?<t>${N}))?(?: ${SAGER})?${PCT_AFTER('p')}(?=[ ,.;)]|$)|${ACTIVE[o]} (?:ankestyrelsen )?(?:kommunens afgørelse\\w* )?(?:i )?(?<q>${P}) af ${SAGER}`
			),
			captures: [
				{ group: 'n', metric: `${o}_antal`, unit: 'antal' },
				{ group: 't', metric: 'klagesager_antal', unit: 'antal' },
				{ group: 'p', metric: `${o}_pct`, unit: 'pct' },
				{ group: 'p2', metric: `${o}_pct`, unit: 'pct' },
				{ group: 'q', metric: `${o}_pct`, unit: 'pct' }
			],
			examples: [
				{ text: 'Ankestyrelsen traf afgørelse i 57 sager og gav kommunen medhold i 41 sager.', facts: ['stadfaestet_antal=41', 'klagesager_antal=57'] }
			].filter(() => o === 'stadfaestet')
		})
	),
	...OUTCOME_KEYS.map(
		(o): Rule => ({
			name: `klagesager.udfald_pct.${o}`,
			family: 'klagesager',
			pattern: new RegExp(
				`(?<p>${P})(?: af (?:sagerne|klagesagerne|afgørelserne|dem))? (?:blev |er |var |er blevet )?(?:helt eller delvist )?${OUTCOMES[o]}`
			),
			captures: [{ group: 'p', metric: `${o}_pct`, unit: 'pct' }],
			examples: [
				{ text: 'Ankestyrelsen afgjorde i alt 284 klagesager i 2024, hvoraf 68 pct. blev stadfæstet, 10 pct. blev ændret og 22 pct. blev hjemvist.', facts: ['stadfaestet_pct=68', 'aendret_pct=10', 'hjemvist_pct=22', 'klagesager_antal=284'] }
			].filter(() => o === 'stadfaestet')
		})
	),
	{
		name: 'klagesager.antal',
		family: 'klagesager',
		pattern: new RegExp(
			`(?:behandlet|behandlede|afgjort|afgjorde|afgjordes|afgørelse i|i alt|samlet set|var der|blev der|indgår)(?: [a-zæøå.T0-9-]+){0,6}? (?<n>${N}) (?:klage)?(?:sager|klager)\\b|(?<m>${N}) (?:klage)?sager\\b[^,.;]{0,50}? (?:blev |er |var )?(?:behandlet|afgjort)|ud af (?:i alt )?(?<u>${N}) (?:afgjorte |behandlede )?(?:klage)?sager|udgjorde (?<v>${N}) af (?:klage)?sagerne`
		),
		captures: [
			{ group: 'n', metric: 'klagesager_antal', unit: 'antal' },
			{ group: 'm', metric: 'klagesager_antal', unit: 'antal' },
			{ group: 'u', metric: 'klagesager_antal', unit: 'antal' },
			{ group: 'v', metric: 'klagesager_antal', unit: 'antal' }
		],
		examples: [
			{ text: 'Ankestyrelsen traf afgørelse i 57 sager i 2024.', facts: ['klagesager_antal=57'] },
			{ text: 'I 2024 traf kommunen cirka 700 afgørelser om enkeltydelser.', facts: [] },
			{ text: 'Styrelsen for Patientklager har afgjort tre sager.', facts: [] }
		]
	}
];

export const KLAGESAGER_RULES = countRules;

const ITEM_GATE = /klage|ankestyrelsen|omgørelse|danmarkskort/i;
const SENTENCE_GATE = /klage|ankestyrelsen|omgør|omgjor|stadfæst|hjemvis|hjemsend|ændret|sager|medhold/;
const OTHER_INSTANCES = /patientklage|patienterstatning|ombudsmand|klagenævn|styrelsen for patient|borgerrådgiver|tilsynet|socialtilsyn|datatilsyn/;
const TARGET = /(?<![\p{L}])(?:mål(?:et|sætning\p{L}*)?|skal (?:ned|under|højst)|nedbringes til|ambition\p{L}*|forventes at blive)(?![\p{L}])/u;
const SHARE_OF_OMGOERELSER = /^Q\d+p (?:af )?(?:de )?(?:samlede )?(?:omgørelser|omgjorte)/;
const SUBSET = /(?<![\p{L}])(?:andre|øvrige|nogle|flere af|resten|enkelte)(?![\p{L}])|sager om(?![\p{L}])/u;

export function klagesager(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !ITEM_GATE.test(ctx.text.slice(ctx.item.start, ctx.item.end))) return [];
	const out: FactDraft[] = [];
	let para = -1;
	let paraHasTotal = false;
	for (const sc of ctx.sentences) {
		if (sc.sentence.paragraph !== para) {
			para = sc.sentence.paragraph;
			paraHasTotal = false;
		}
		const view = sc.view.view;
		if (!SENTENCE_GATE.test(view) && !(/Q\d+p/.test(view) && /omgør|omgjor/.test(sc.carriedText))) continue;
		if (OTHER_INSTANCES.test(view) || (sc.sentence.heading && OTHER_INSTANCES.test(sc.sentence.heading.toLowerCase()))) continue;
		// "klagesager om socialpædagogisk støtte": a subset whose area only the sentence or a specific heading can name.
		if (/sager om\b/.test(view) && !sc.areas.length && !sc.headingAreas.some((a) => a.rank >= RANK.law)) continue;
		const claimed = new Set<number>();
		const drafts = applyRules(countRules, ctx, sc, claimed, () => null, (qi) => nationalCount(ctx, sc, qi));
		const hasTotal = drafts.some((d) => d.metric === 'klagesager_antal');
		const kept = drafts.filter((d) => {
			if (!/^klagesager\.udfald_(?:antal|aktiv)/.test(d.rule) || !d.metric.endsWith('_antal')) return true;
			// Outcome counts belong to a total: in the sentence, or earlier in the paragraph unless the sentence picks a subset.
			return hasTotal || (paraHasTotal && !SUBSET.test(view));
		});
		out.push(...kept);
		out.push(...zeroOutcomes(ctx, sc, hasTotal || paraHasTotal));
		out.push(...omgoerelsesprocent(ctx, sc, claimed));
		if (hasTotal) paraHasTotal = true;
	}
	return out;
}

/** Counts are never national averages: a count "på landsplan" is left out. */
function nationalCount(ctx: ItemContext, sc: SentenceContext, qi: number): string | null {
	const e = entityFor(ctx, sc, qi);
	if (e === 'Landsgennemsnit' && sc.view.quantities[qi].unit === null) return null;
	return e;
}

/** "mens ingen sager blev ændret eller hjemvist": stated zeros. */
function zeroOutcomes(ctx: ItemContext, sc: SentenceContext, hasTotal: boolean): FactDraft[] {
	if (!hasTotal) return [];
	const m = /\bingen (?:af )?(?:klage)?(?:sager(?:ne)?|afgørelser) (?:blev |er |var )?(?:blevet )?(ændret|hjemvist|stadfæstet)(?: eller (ændret|hjemvist|stadfæstet))?/.exec(sc.view.view);
	if (!m) return [];
	const period = sc.view.periods.length ? periodAtStart(ctx, sc) : sc.carriedPeriod;
	const area = areaFor(ctx, sc, null);
	if (!period || !area) return [];
	const metric = (w: string) => (w === 'ændret' ? 'aendret_antal' : w === 'hjemvist' ? 'hjemvist_antal' : 'stadfaestet_antal');
	return [m[1], m[2]]
		.filter(Boolean)
		.map((w) => draft('klagesager', metric(w), ctx.municipality, area, period, 0, 'antal', sc, 'klagesager.ingen'));
}

function periodAtStart(ctx: ItemContext, sc: SentenceContext): string | null {
	if (!sc.view.quantities.length) return sc.carriedPeriod;
	return periodFor(ctx, sc, 0);
}

function omgoerelsesprocent(ctx: ItemContext, sc: SentenceContext, claimed: Set<number>): FactDraft[] {
	const view = sc.view.view;
	const aboutOmgoerelse = /omgør|omgjor/.test(view);
	const context = `${sc.sentence.heading ?? ''} ${ctx.item.title} ${sc.carriedText}`;
	const nationalInContext = /landsgennemsnit|landsplan|hele landet/.test(view) && /omgør|omgjor|danmarkskort/i.test(context);
	// "Det er et fald fra 38 procent året før." continues a sentence about the omgørelsesprocent.
	const continuation = /^(?:det|dette|hvilket|tallet|andelen)\b|\b(?:et fald|en stigning|faldet|steget) fra\b|\btil sammenligning\b/.test(view) && /omgør|omgjor/.test(sc.carriedText);
	if (!aboutOmgoerelse && !nationalInContext && !continuation) return [];
	const out: FactDraft[] = [];
	sc.view.quantities.forEach((q, qi) => {
		if (claimed.has(qi) || q.unit !== 'pct' || q.range || q.bound || q.approx) return;
		const at = sc.view.qAt[qi];
		if (SHARE_OF_OMGOERELSER.test(view.slice(at))) return;
		const clause = view.slice(Math.max(0, view.lastIndexOf(',', at)), at);
		if (TARGET.test(clause)) return;
		const period = periodFor(ctx, sc, qi);
		const area = areaFor(ctx, sc, null);
		if (!period || !area) return;
		claimed.add(qi);
		out.push(draft('klagesager', 'omgoerelsespct', entityFor(ctx, sc, qi), area, period, q.value, 'pct', sc, 'klagesager.omgoerelsespct'));
	});
	return out;
}
