/** Magtanvendelse: reported use of force in social services, how it was judged, and approvals. */
import type { FactDraft, ItemContext, SentenceContext } from './context';
import { findPeriods } from './periods';
import { applyRules, type Rule } from './rule';
import { readTable } from './tables';

const N = 'Q\\d+n';
const INCIDENT = '(?:pludselig\\w* (?:opstå\\w* )?)?(?:magtanvendelse\\w*|indberetning\\w*|episode\\w*|indgreb|hændelse\\w*|tilfælde|sager)';
const JUDGED = '(?:[a-zæøå]+ ){0,5}?(?:vurderet|afgjort|fundet|bedømt|kategoriseret|anset)(?: [a-zæøå]+){0,3}? (?:som |til at være |at være )?(?:værende )?';

const D = '(?: [–-])?';
const rules: Rule[] = [
	{
		name: 'magtanvendelse.ikke_magtanvendelse',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: ${INCIDENT})?,? (?:[a-zæøå]+ ){0,5}?(?:vurderet|afgjort|fundet|bedømt|anset|kategoriseret)(?: [a-zæøå]+){0,2}? (?:ikke at være|ikke som|til ikke at være|ikke at have været|som ikke værende) (?:en |egentlige? )?magtanvendelse|(?<m>${N})${D}(?: ${INCIDENT})?,? (?:(?:der|som) )?(?:[a-zæøå]+ ){0,6}?(?:var|er|blev) ikke (?:tale om |anset som |vurderet som )?(?:en |egentlige? )?magtanvendelse|(?<k>${N})${D}(?: ${INCIDENT})? (?:[a-zæøå]+ ){0,2}?ikke (?:blev |er )?(?:anset|vurderet|betragtet) som (?:en )?magtanvendelse|(?<e>${N}) (?:som )?ikke (?:at være )?magtanvendelse|\\bi (?<i>${N}) tilfælde [^.;]{0,60}?ikke (?:var|er) tale om (?:en )?magtanvendelse`
		),
		requires: /magtanvendelse/,
		captures: ['n', 'm', 'k', 'e', 'i'].map((group) => ({ group, metric: 'magtanvendelser_ikke_magtanvendelse', unit: 'antal' as const })),
		examples: [
			{ text: '4 er vurderet ikke at være en magtanvendelse', facts: ['magtanvendelser_ikke_magtanvendelse=4'] },
			{ text: 'I 8 tilfælde vurderede forvaltningen, at der ikke var tale om magtanvendelse i 2024.', facts: ['magtanvendelser_ikke_magtanvendelse=8'] }
		]
	},
	{
		name: 'magtanvendelse.ikke_tilladte',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: ${INCIDENT})?(?: ${JUDGED}| (?:var|er|blev) )(?:ikke[- ]tilladte?|ulovlige?|uberettigede?|ikke lovlige?)|(?:ikke[- ]tilladte|ulovlige|uberettigede) ${INCIDENT} (?:fra (?<f>${N}) i T\\d+ til (?<t>${N})|på (?<p>${N})|var der (?<v>${N})|udgjorde (?<u>${N}))|(?<s>${N}) (?:ikke[- ]tilladte|ulovlige|uberettigede) ${INCIDENT}|(?<e>${N}) (?:som )?(?:ikke[- ]tilladte?|ulovlige?|uberettigede?)(?=[ ,.;]|$)`
		),
		captures: ['n', 'f', 't', 'p', 'v', 'u', 's', 'e'].map((group) => ({ group, metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' as const })),
		examples: [
			{ text: 'Der er sket et fald i ikke-tilladte magtanvendelser fra 11 i 2023 til 4 indberetninger i 2024.', facts: ['magtanvendelser_ikke_tilladte=11', 'magtanvendelser_ikke_tilladte=4'] },
			{ text: 'Heraf var 70 lovlige og 20 ulovlige i 2024.', facts: ['magtanvendelser_tilladte=70', 'magtanvendelser_ikke_tilladte=20'] }
		]
	},
	{
		name: 'magtanvendelse.tilladte',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: af (?:disse|dem|episoderne|indberetningerne|magtanvendelserne))?(?: ${INCIDENT})?(?: ${JUDGED}| (?:var|er|blev) )(?:tilladte?|lovlige?|berettigede?)|(?<s>${N}) (?:tilladte|lovlige|berettigede) ${INCIDENT}|(?<e>${N}) (?:som )?(?:tilladte?|lovlige?|berettigede?)(?=[ ,.;]|$)`
		),
		captures: ['n', 's', 'e'].map((group) => ({ group, metric: 'magtanvendelser_tilladte', unit: 'antal' as const })),
		examples: [{ text: '7 af disse er blevet vurderet som værende tilladte', facts: ['magtanvendelser_tilladte=7'] }]
	},
	{
		name: 'magtanvendelse.uafgjort',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: ${INCIDENT})? (?:er |var )?(?:endnu )?(?:fortsat )?(?:ikke (?:er |blev )?(?:endeligt )?(?:afgjort|færdigbehandlet|vurderet)|under behandling|afventer (?:fortsat )?(?:afgørelse|vurdering)|(?:var |er )?uafklarede?|verserende)`
		),
		captures: [{ group: 'n', metric: 'magtanvendelser_uafgjort', unit: 'antal' }],
		examples: [{ text: '1 er endnu ikke afgjort af den enkelte borgers handlekommune.', facts: ['magtanvendelser_uafgjort=1'] }]
	},
	{
		name: 'magtanvendelse.forhaandsgodkendelser',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?:givet|meddelt|bevilget|godkendt|udstedt|imødekommet) (?:[a-zæøå]+ ){0,3}?(?<n>${N}) (?:[a-zæøå]+ )?(?:forhåndsgodkendelse\\w*|forhåndstilladelse\\w*)|(?<=forhåndsgodkendelse\\w*[^.]*)(?:hvoraf|heraf) (?<h>${N}) (?:blev )?(?:imødekommet|godkendt|bevilget)|(?<=forhåndsgodkendelse\\w*[^.]*)imødekom\\w* (?<i>${N}) af dem|(?<m>${N}) (?:[a-zæøå]+ )?(?:forhåndsgodkendelse\\w*|forhåndstilladelse\\w*)(?: [a-zæøå]+){0,3}? (?:blev |er |var )?(?:givet|meddelt|bevilget|godkendt|udstedt|imødekommet)|forhåndsgodkendelse\\w* (?:[a-zæøå]+ ){0,4}?(?:på|var|blev) (?<k>${N})|(?<j>${N}) forhåndsgodkendelser(?! til)`
		),
		requires: /forhåndsgodkend|forhåndstilladel/,
		captures: ['n', 'm', 'k', 'j', 'h', 'i'].map((group) => ({ group, metric: 'forhaandsgodkendelser', unit: 'antal' as const })),
		examples: [
			{ text: 'er der i 2024 ansøgt om og bevilget 15 forhåndsgodkendelser.', facts: ['forhaandsgodkendelser=15'] },
			{ text: 'Der blev i 2024 modtaget 18 ansøgninger om forhåndsgodkendelse.', facts: [] }
		]
	},
	{
		name: 'magtanvendelse.flytning_uden_samtykke',
		family: 'magtanvendelse',
		pattern: new RegExp(`(?<n>${N}) (?:[a-zæøå]+ )?flytning(?:er)? uden samtykke`),
		requires: /samtykke/,
		captures: [{ group: 'n', metric: 'flytning_uden_samtykke', unit: 'antal' }],
		examples: [{ text: 'Derudover er der ansøgt Familieretshuset om 1 flytning uden samtykke.', facts: ['flytning_uden_samtykke=1'] }]
	},
	{
		name: 'magtanvendelse.indberettet',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?:indberettet|registreret|registreredes|indberettedes|modtaget|modtog|foretaget|indberetter|anvendt|blev der|var der|der var|i alt|tegner sig for|står for|stod for) (?:[a-zæøå]+ |T\\d+ ){0,4}?(?<n>${N}) ${INCIDENT}|(?<m>${N}) ${INCIDENT}(?: [a-zæøå]+){0,3}? (?:blev |er |var )?(?:indberettet|registreret|modtaget|foretaget)|(?:med|mod|fra|til|og) (?<k>${N}) (?:indberetning\\w*|episode\\w*|magtanvendelse\\w*)(?= i T\\d+| T\\d+)|mod (?<j>${N}) (?:i )?T\\d+|(?:tegner sig for|står for|stod for) (?<a>${N}) af (?:episoderne|indberetningerne|magtanvendelserne)|(?:registreret|registreredes|indberettet) (?<r>${N})(?=[.]|$)`
		),
		captures: ['n', 'm', 'k', 'j', 'a', 'r'].map((group) => ({ group, metric: 'magtanvendelser_indberettet', unit: 'antal' as const })),
		examples: [
			{ text: 'Der er i 2024 indberettet 16 pludseligt opstået magtanvendelser.', facts: ['magtanvendelser_indberettet=16'] },
			{ text: 'med 23 indberetninger i 2023 og 16 indberetninger i 2024.', facts: ['magtanvendelser_indberettet=23', 'magtanvendelser_indberettet=16'] },
			{ text: 'I 2023 blev der indberettet 98 magtanvendelser, mod 87 året før.', facts: ['magtanvendelser_indberettet=98', 'magtanvendelser_indberettet=87'] }
		]
	}
];

export const MAGTANVENDELSE_RULES = rules;

const ITEM_GATE = /magtanvendelse|tvang|indgreb i selvbestemmelsesretten|fastholdelse/i;
const SENTENCE_GATE = /magtanvend|indberet|episod|indgreb|tilladte|lovlig|berettig|forhåndsgodkend|samtykke|afgjort|magt|registrer/;
const CHANGE = /(?:fald|stigning|nedgang|forøgelse|reduktion|ændring) (?:på|med) Q\d+n/;

export function magtanvendelse(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !/magtanvendelse/i.test(ctx.text.slice(ctx.item.bodyStart, ctx.item.end))) return [];
	const out: FactDraft[] = [];
	const stated = new Set<string>();
	for (const sc of ctx.sentences) {
		const view = sc.view.view;
		if (!SENTENCE_GATE.test(view)) continue;
		const claimed = new Set<number>();
		// "et fald på 14": a difference, never a level.
		const changeMatch = CHANGE.exec(view);
		if (changeMatch) claimed.add(Number(/Q(\d+)/.exec(changeMatch[0])![1]));
		for (const d of applyRules(rules, ctx, sc, claimed, areaFallback)) {
			const key = `${d.metric}|${d.period}|${d.value}`;
			// "de 4 ikke-tilladte episoder" restates a figure already given.
			if (stated.has(key) && isDefiniteReference(sc, d.value)) continue;
			stated.add(key);
			out.push(d);
		}
	}
	return out;
}

function areaFallback(_sc: SentenceContext): string {
	return 'hele kommunen';
}

function isDefiniteReference(sc: SentenceContext, value: number): boolean {
	return sc.view.quantities.some(
		(q, i) => q.value === value && /(?:\bde|\bdisse|\balle de|\bsamtlige)\s$/.test(sc.view.view.slice(Math.max(0, sc.view.qAt[i] - 9), sc.view.qAt[i]))
	);
}

// ---- tables: per type of intervention, per tilbud, per year or quarter; or metrics as rows ----

type MagtColumn = { metric?: string; year?: string; quarter?: number; total?: boolean };

const MAGT_METRICS: [RegExp, string][] = [
	[/^(?:heraf\s+)?(?:ikke[- ]?magt-?\s?anvendelse|ikke magtanv\.?)/i, 'magtanvendelser_ikke_magtanvendelse'],
	[/^(?:heraf\s+)?(?:ikke[- ]tilladte?|ulovlige?|uberettigede?|ikke lovlige?)/i, 'magtanvendelser_ikke_tilladte'],
	[/^(?:heraf\s+)?(?:tilladte?|lovlige?|berettigede?)/i, 'magtanvendelser_tilladte'],
	[/^(?:afventer|uafklarede?|ikke afgjorte?|verserende|under behandling)/i, 'magtanvendelser_uafgjort'],
	[/^(?:antal\s+)?(?:indberettet|indberettede|indberetninger|episoder|magtanvendelser|registreret|registrerede)(?:\s+(?:i alt|episoder|magtanvendelser))?|^antal(?=\s|$)/i, 'magtanvendelser_indberettet'],
	[/^forhåndsgodkendelser/i, 'forhaandsgodkendelser']
];

const magtLexicon = {
	match(stream: string) {
		const y = /^(?:19|20)\d{2}\b/.exec(stream) ?? /^[1-4]\.\s*(?:kvt|kvartal)\.?/i.exec(stream) ?? /^i alt\b/i.exec(stream);
		if (y) return { header: y[0], length: y[0].length };
		for (const [re] of MAGT_METRICS) {
			const m = re.exec(stream);
			if (m) return { header: m[0], length: m[0].length };
		}
		return null;
	}
};

function magtColumn(h: string): MagtColumn | null {
	if (h === '') return {};
	if (/^(?:19|20)\d{2}$/.test(h.trim())) return { year: h.trim() };
	const q = /^([1-4])\.\s*(?:kvt|kvartal)/i.exec(h);
	if (q) return { quarter: Number(q[1]) };
	if (/^i alt$/i.test(h.trim())) return { total: true };
	const m = MAGT_METRICS.find(([re]) => re.test(h));
	return m ? { metric: m[1] } : null;
}

function metricOfLabel(label: string): string | null {
	return MAGT_METRICS.find(([re]) => re.test(label.trim()))?.[1] ?? null;
}

export function magtanvendelseTables(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !/magtanvendelse/i.test(ctx.text.slice(ctx.item.bodyStart, ctx.item.end))) return [];
	const out: FactDraft[] = [];
	for (const block of ctx.layout.tables) {
		const table = readTable(ctx.text, block, magtLexicon);
		if (!table) continue;
		const columns = table.columns.map(magtColumn);
		if (columns.some((c) => !c)) continue;
		const caption = `${table.caption ?? ''} ${block.heading ?? ''}`;
		const stated = (src: string) => findPeriods(src).find((p) => p.period && p.kind !== 'date' && p.kind !== 'span')?.period ?? null;
		const basePeriod = stated(table.caption ?? '') ?? stated(ctx.item.title) ?? (ctx.titleYear ? String(ctx.titleYear) : null);
		const captionYear = basePeriod ? basePeriod.slice(0, 4) : null;
		const byPeriod = columns.every((c) => c!.year || c!.quarter || c!.total);
		const tableMetric = /forhåndsgodkend/i.test(caption) ? 'forhaandsgodkendelser' : 'magtanvendelser_indberettet';
		const law = /servicelov/i.test(`${caption} ${table.stub}`) || columns.length ? 'serviceloven' : null;
		for (const row of table.rows) {
			const label = row.label.replace(/\s+/g, ' ').trim();
			const rowMetric = byPeriod ? metricOfLabel(label) : null;
			const area = rowMetric ? 'hele kommunen' : magtArea(label, row.total, law);
			if (!area) continue;
			row.values.forEach((v, i) => {
				const c = columns[i]!;
				const metric = c.metric ?? rowMetric ?? (byPeriod || columns.length === 1 ? tableMetric : null);
				let period: string | null = c.total ? captionYear : basePeriod;
				if (c.year) period = c.year;
				else if (c.quarter) period = captionYear ? `${captionYear}-Q${c.quarter}` : null;
				if (!metric || !period || !Number.isInteger(v)) return;
				out.push({ family: 'magtanvendelse', metric, entity: ctx.municipality, area, period, value: v, unit: 'antal', start: row.start, end: row.end, rule: `magtanvendelse.tabel.${metric}` });
			});
		}
	}
	return out;
}

/** A row of a magtanvendelse table: a paragraph ("§ 126 a …", "Fastholdelse, § 126"), a type, a tilbud, or "I alt". */
function magtArea(label: string, total: boolean, law: string | null): string | null {
	if (total || !label) return 'hele kommunen';
	const para = /§\s*(\d+)\s*([a-z])?\b/.exec(label);
	if (para && law) return `${law} § ${para[1]}${para[2] ?? ''}`;
	if (/^(?:\d+\s*[-–]\s*\d+|\d+)\s*år/.test(label)) return null;
	if (/^[A-ZÆØÅ]/.test(label) && /(?:tilbud|cent(?:er|ret)|stedet|bofællesskab|hjemmet|huset|boliger|skov|ly|vang|bakken|gården)/i.test(label) && label.split(' ').length <= 6) return label;
	return label.charAt(0).toLowerCase() + label.slice(1);
}
