/**
 * Budget follow-up (budgetopfølgning / forventet regnskab): every cell of the follow-up tables,
 * and the prose: merforbrug/mindreforbrug against vedtaget or korrigeret budget or the
 * serviceramme, earlier quarters' forecasts, levels and tillægsbevillinger.
 * Sign of every afvigelse_*: negative is merforbrug.
 */
import { draft, type FactDraft, type ItemContext, type SentenceContext } from './context';
import { findPeriods, resolvePeriod, type PeriodMention } from './periods';
import { fieldNamed } from './areas';
import { budgetTables, type Ref } from './budget-tables';


const ITEM_GATE = /budget|regnskab|forbrug|bevilling|serviceramme/i;

export function budget(ctx: ItemContext): FactDraft[] {
	const body = ctx.text.slice(ctx.item.bodyStart, ctx.item.end);
	if (!ITEM_GATE.test(ctx.item.title) && !/budgetopfølgning|forventet regnskab|tillægsbevilling|serviceramme|merforbrug|mindreforbrug/i.test(body)) return [];
	const followUp = followUpPeriod(ctx);
	const subject = subjectOf(ctx);
	const { facts: out, labels } = budgetTables(ctx, followUp, subject);
	out.push(...proseFacts(ctx, followUp, subject, labels));
	return out;
}

/** The follow-up's period: "3. kvartal 2024" → 2024-Q3, "pr. 31. maj 2025" → 2025-05, else the year. */
function followUpPeriod(ctx: ItemContext): string | null {
	const sources = [ctx.item.title, ...ctx.layout.tables.map((t) => t.caption ?? '')];
	for (const src of sources) {
		const ps = findPeriods(src);
		const dated = ps.find((p) => (p.kind === 'quarter' || p.kind === 'quarters' || p.kind === 'month' || p.kind === 'date' || p.kind === 'half') && p.period);
		if (dated) return dated.period;
	}
	for (const sc of ctx.sentences.slice(0, 6)) {
		const m = /(?:budgetopfølgning\w*|forventet regnskab|prognosen?)\s+(?:pr\.?\s+|per\s+|for\s+|efter\s+|ved\s+)?T(\d+)/.exec(sc.view.view);
		const p = m ? sc.view.periods[Number(m[1])] : undefined;
		if (p && (p.kind === 'quarter' || p.kind === 'month' || p.kind === 'date' || p.kind === 'half')) {
			const r = resolvePeriod(p, ctx.titleYear ?? ctx.meetingYear, ctx.meetingYear);
			if (r) return r;
		}
	}
	return ctx.titleYear ? String(ctx.titleYear) : null;
}

const MAGISTRAT = /Magistratsafdelingen\s+for\s+[A-ZÆØÅ][a-zæøå]+(?:\s+og\s+[A-ZÆØÅ][a-zæøå]+)?/;
const COMMITTEE = /((?:[A-ZÆØÅ][a-zæøå]+-,?\s+)*(?:[A-ZÆØÅ][a-zæøå]+-\s+og\s+)?[A-ZÆØÅ][a-zæøå]*udvalg)(?:ets|et|s)?/;

export function subjectOf(ctx: ItemContext): string {
	for (const src of [ctx.item.title, ...ctx.layout.tables.map((t) => t.caption ?? '')]) {
		const named = committeeIn(src);
		if (named) return named;
	}
	return ctx.committee ?? 'hele kommunen';
}

export function scopeOf(text: string): 'anlæg' | 'serviceramme' | null {
	if (/anlæg/i.test(text)) return 'anlæg';
	if (/serviceramme/i.test(text)) return 'serviceramme';
	return null;
}

export function scoped(area: string, scope: string | null, metric: string): string {
	if (!scope || metric === 'serviceramme' || metric === 'afvigelse_serviceramme') return area;
	return `${area}, ${scope}`;
}

// ---- prose ----

const MER = /merforbrug|overskrid\w*/;
const MINDRE = /mindreforbrug|underskrid\w*/;
const NOT_DEVIATION = /videreført|videreførsel|overfør\w*|merrefusion\w*|merindtægt\w*|refusion\w*|finansiering|kassefinansiering|besparelse|reduktion|reduceret|reducere|nedbringe|forbedre|tillægsbevilling/;

interface Memory {
	direction: number;
	ref: Ref | null;
	area: string;
	para: number;
}

function proseFacts(ctx: ItemContext, followUp: string | null, subject: string, labels: string[]): FactDraft[] {
	const out: FactDraft[] = [];
	const refByArea = new Map<string, Ref>();
	let memory: Memory | null = null;
	let para = -1;
	let paraArea: string | null = null;
	for (const sc of ctx.sentences) {
		if (memory && memory.para !== sc.sentence.paragraph) memory = null;
		if (para !== sc.sentence.paragraph) {
			para = sc.sentence.paragraph;
			paraArea = null;
		}
		const view = sc.view.view;
		const headingArea = sc.sentence.heading ? namedArea(sc.sentence.heading, labels) : null;
		const sentenceArea = namedArea(sc.sentence.text, labels);
		const fallbackArea = paraArea ?? headingArea ?? subject;
		const scopeAnlaeg = /anlæg/i.test(sc.sentence.heading ?? '') || /anlæg/.test(view);
		const clauses = splitClauses(view);
		for (const clause of clauses) {
			const qs = sc.view.quantities
				.map((q, i) => ({ q, i, at: sc.view.qAt[i] }))
				.filter(({ q, at }) => q.unit === 'kr' && at >= clause.start && at < clause.end && !q.range && !q.bound && !q.approx);
			if (!qs.length) {
				const d = direction(clause.text);
				if (d) memory = { direction: d, ref: refOf(clause.text), area: namedArea(clause.text, labels) ?? sentenceArea ?? fallbackArea, para: sc.sentence.paragraph };
				continue;
			}
			for (const { q, i } of qs) {
				const text = clause.text;
				const area = namedArea(text, labels) ?? sentenceArea ?? fallbackArea;
				const period = prosePeriod(ctx, sc, clause, followUp);
				const qAt = sc.view.qAt[i] - clause.start;
				if (/tillægsbevilling\w*\s+(?:på\s+|af\s+|for\s+|i alt\s+|på i alt\s+|for i alt\s+|kr\.?\s*)*$/.test(text.slice(0, qAt)) || /^Q\d+k\s+(?:i\s+)?(?:negativ\s+)?tillægsbevilling/.test(text.slice(qAt))) {
					// A tillægsbevilling carries the budget year it is granted for: "på 324.870 kr. i 2025", else the follow-up's year.
					const stated = /^Q\d+k\s+(?:i|for)\s+T(\d+)/.exec(text.slice(qAt));
					const statedYear = stated ? sc.view.periods[Number(stated[1])]?.period?.slice(0, 4) ?? null : null;
					const datedFollowUp = followUp && followUp.length > 4 ? followUp.slice(0, 4) : null;
					const year = statedYear ?? datedFollowUp ?? yearOf(ctx, sc, clause) ?? followUp;
					if (!year) continue;
					const neg = /negativ\w* tillægsbevilling/.test(text) ? -1 : 1;
					out.push(draft('budget', 'tillaegsbevilling', ctx.municipality, area, year, neg * q.value, 'kr', sc, 'budget.tillaegsbevilling'));
					continue;
				}
				if (NOT_DEVIATION.test(text) || !period) continue;
				let d = direction(text);
				let ref = refNear(text, sc.view.qAt[i] - clause.start);
				let rule = 'budget.afvigelse';
				if (!d && memory && /\b(?:steg|faldt|steget|faldet|lød|lyder|skønnes|forventningen|skønnet|prognosen)\b/.test(text) && /\b(?:til|på) Q\d+k/.test(text)) {
					d = memory.direction;
					ref = ref ?? memory.ref;
					rule = 'budget.afvigelse_fortsat';
				}
				if (d) {
					const useArea = rule === 'budget.afvigelse_fortsat' && memory && areaIsDefault(text, labels) ? memory.area : area;
					// A deviation with no budget named is measured against the korrigeret budget.
					ref = ref ?? refByArea.get(useArea) ?? (memory?.area === useArea ? memory.ref : null) ?? 'korrigeret';
					if (ref !== 'serviceramme') refByArea.set(useArea, ref);
					memory = { direction: d, ref, area: useArea, para: sc.sentence.paragraph };
					const metric = ref === 'vedtaget' ? 'afvigelse_vedtaget_budget' : ref === 'korrigeret' ? 'afvigelse_korrigeret_budget' : 'afvigelse_serviceramme';
					const factArea = ref === 'serviceramme' ? rammeArea(text, sc.sentence.text, subject) : scoped(useArea, scopeAnlaeg ? 'anlæg' : null, metric);
					out.push(draft('budget', metric, ctx.municipality, factArea, period, d * q.value, 'kr', sc, rule));
					continue;
				}
				const level = levelMetric(text, sc.view.qAt[i] - clause.start);
				if (level) {
					const levelArea = level === 'serviceramme' ? rammeArea(text, sc.sentence.text, subject) : scoped(area, scopeAnlaeg ? 'anlæg' : null, level);
					out.push(draft('budget', level, ctx.municipality, levelArea, period, q.value, 'kr', sc, `budget.${level}`));
				}
			}
		}
		if (sentenceArea) paraArea = sentenceArea;
	}
	return out;
}

/** The serviceramme belongs to the committee the sentence names, or the whole municipality's. */
function rammeArea(clause: string, sentence: string, subject: string): string {
	if (/kommunens (?:samlede )?serviceramme/.test(clause)) return 'hele kommunen';
	return committeeIn(sentence) ?? subject;
}

export function committeeIn(text: string): string | null {
	const mag = MAGISTRAT.exec(text);
	if (mag) return mag[0].replace(/\s+/g, ' ');
	const m = COMMITTEE.exec(text);
	return m && !/^Økonomiudvalg$/.test(m[1]) ? `${m[1]}et`.replace(/\s+/g, ' ') : null;
}

/** The budget a deviation is measured against: the reference nearest after the amount, else before it. */
function refNear(text: string, at: number): Ref | null {
	const refs: { pos: number; ref: Ref }[] = [];
	const re = /(?:i forhold til|ift\.?|set i forhold til|sammenholdt med|end|mod)\s+(?:det\s+)?(vedtage?t|vedtagne|oprindelig\w*|korrigere(?:t|de)|budget inkl\.? tillæg\w*)\s*(?:budget)?/g;
	for (let m = re.exec(text); m; m = re.exec(text)) refs.push({ pos: m.index, ref: /korrig|tillæg/.test(m[1]) ? 'korrigeret' : 'vedtaget' });
	const ramme = /serviceramme\w*/.exec(text);
	if (ramme && /overskrid|merforbrug|mindreforbrug|underskrid/.test(text)) refs.push({ pos: ramme.index, ref: 'serviceramme' });
	if (!refs.length) return null;
	const nextQ = text.indexOf('Q', at + 2);
	const after = refs.filter((r) => r.pos > at && (nextQ < 0 || r.pos < nextQ));
	if (after.length) return after[0].ref;
	const before = refs.filter((r) => r.pos < at);
	return before.length ? before[before.length - 1].ref : refs[0].ref;
}

function splitClauses(view: string): { start: number; end: number; text: string }[] {
	const out: { start: number; end: number; text: string }[] = [];
	const re = /;|, men |, mens | mens |, og |, hvor |\. | og (?=ved |i \d|for )/g;
	let s = 0;
	for (let m = re.exec(view); m; m = re.exec(view)) {
		out.push({ start: s, end: m.index, text: view.slice(s, m.index) });
		s = m.index + m[0].length;
	}
	out.push({ start: s, end: view.length, text: view.slice(s) });
	return out;
}

function direction(text: string): number {
	const mer = MER.exec(text);
	const mindre = MINDRE.exec(text);
	if (mer && mindre) return mer.index < mindre.index ? -1 : 1;
	return mer ? -1 : mindre ? 1 : 0;
}

function refOf(text: string): Ref | null {
	if (/(?:i forhold til|ift\.?|set i forhold til|sammenholdt med|end)\s+(?:det\s+)?(?:vedtage?t|vedtagne|oprindelig\w*)\s+budget/.test(text)) return 'vedtaget';
	if (/(?:i forhold til|ift\.?|set i forhold til|sammenholdt med|end)\s+(?:det\s+)?korrigere(?:t|de)\s+budget/.test(text)) return 'korrigeret';
	if (/servicerammen/.test(text) && /overskrid|merforbrug|mindreforbrug|underskrid/.test(text)) return 'serviceramme';
	return null;
}

const LEVEL_VERB = String.raw`(?:udgør|er|på|var|lyder på|ender på|er opgjort til|opgjort til|forventes at blive|anslås til|skønnes til)(?: samlet set| i alt)?(?: kr\.?)?\s*$`;
const LEVELS: [RegExp, string][] = [
	[new RegExp(String.raw`serviceramme\w*[^,]*` + LEVEL_VERB), 'serviceramme'],
	[new RegExp(String.raw`korrigere(?:t|de)\s+budget[^,]*` + LEVEL_VERB), 'korrigeret_budget'],
	[new RegExp(String.raw`(?:vedtage?t|vedtagne|oprindelig\w*)\s+budget[^,]*` + LEVEL_VERB), 'vedtaget_budget'],
	[new RegExp(String.raw`(?:forvente(?:t|de|s)?\s+(?:et\s+)?(?:samlet\s+)?forbrug|forvente(?:t|de)\s+regnskab)[^,]*` + LEVEL_VERB), 'forventet_forbrug']
];

function levelMetric(text: string, at: number): string | null {
	const before = text.slice(0, at);
	return LEVELS.find(([re]) => re.test(before))?.[1] ?? null;
}

function areaIsDefault(text: string, labels: string[]): boolean {
	return labelFor(text, labels) === null && !COMMITTEE.test(text);
}

/** A table row or committee the text names, if any. */
function namedArea(text: string, labels: string[]): string | null {
	return labelFor(text, labels) ?? committeeIn(text) ?? fieldIn(text);
}

/** "på handicapområdet" names a field; "socialområdet" and the like keep their canonical form. */
function fieldIn(text: string): string | null {
	const m = /\bpå\s+(?:det\s+)?([a-zæøå-]+området)\b/i.exec(text);
	return m ? fieldNamed(m[1]) : null;
}

function stem(word: string): string {
	return word.toLowerCase().replace(/[^a-zæøå]/g, '').replace(/(?:erne|ernes|ene|ets|et|en|er|ne|e|s)$/, '');
}

/** A prose word ("Myndighedsbudgettet") that names exactly one table row ("…, Myndighedsbudgetter"). */
function labelFor(text: string, labels: string[]): string | null {
	const words = new Map<string, Set<string>>();
	for (const l of labels)
		for (const w of l.split(/[\s,()]+/))
			if (w.length >= 8) {
				const s = stem(w);
				if (!words.has(s)) words.set(s, new Set());
				words.get(s)!.add(l);
			}
	for (const w of text.split(/[\s,()"”]+/)) {
		if (w.length < 8) continue;
		const hit = words.get(stem(w));
		if (hit && hit.size === 1) return [...hit][0];
	}
	return null;
}

function prosePeriod(ctx: ItemContext, sc: SentenceContext, clause: { start: number; end: number }, followUp: string | null): string | null {
	const inClause = sc.view.periods
		.map((p, i) => ({ p, at: sc.view.tAt[i] }))
		.filter(({ at }) => at >= clause.start && at < clause.end)
		.map(({ p }) => p);
	const dated = inClause.find((p) => p.kind === 'quarter' || p.kind === 'quarters' || p.kind === 'month' || p.kind === 'half');
	const year = followUp ? Number(followUp.slice(0, 4)) : ctx.titleYear;
	if (dated) return resolvePeriod(dated, year, ctx.meetingYear);
	const quarterInSentence = sc.view.periods.find((p: PeriodMention) => p.kind === 'quarter' && /budgetopfølgning/.test(sc.view.view));
	if (quarterInSentence && !followUp) return resolvePeriod(quarterInSentence, year, ctx.meetingYear);
	const plain = inClause.find((p) => p.kind === 'year' || p.kind === 'relative');
	// A follow-up known only by its year yields to the year the clause names.
	if (followUp && !(plain && /^\d{4}$/.test(followUp))) return followUp;
	if (plain) return resolvePeriod(plain, ctx.titleYear, ctx.meetingYear);
	return ctx.titleYear ? String(ctx.titleYear) : null;
}

function yearOf(ctx: ItemContext, sc: SentenceContext, clause: { start: number; end: number }): string | null {
	const p = sc.view.periods
		.map((p, i) => ({ p, at: sc.view.tAt[i] }))
		.find(({ p, at }) => p.kind === 'year' && at >= clause.start && at < clause.end);
	if (p) return p.p.period;
	const any = sc.view.periods.find((p) => p.kind === 'year');
	return any?.period ?? null;
}
