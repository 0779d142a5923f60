/**
 * What a rule needs to know around a figure: the item, the sentence's view, and what earlier
 * sentences of the paragraph, the heading and the title said about area and period.
 */
import { findAreas, pickArea, RANK, type AreaMention } from './areas';
import type { Layout, Sentence } from './layout';
import { MUNICIPALITY_RE, municipalityOf } from './places';
import { findPeriods, isBreakdown, resolvePeriod, type PeriodMention } from './periods';
import type { ItemSegment } from './segment';
import type { Dropped, Family, Unit } from './types';
import { periodsOf, viewOf, type View } from './view';

export interface FactDraft {
	family: Family;
	metric: string;
	entity: string;
	area: string;
	period: string;
	value: number;
	unit: Unit;
	start: number;
	end: number;
	rule: string;
	/** Set by rules that can check on the spot (a table's "I alt" row). */
	check?: 'ok' | 'inconsistent';
	checkNote?: string;
}

export interface ItemContext {
	text: string;
	item: ItemSegment;
	layout: Layout;
	municipality: string;
	committee: string | null;
	meetingYear: number | null;
	/** The single year the item's title is about, if any. */
	titleYear: number | null;
	/** The single period the title names ("2025-H1", "2024-Q1-Q3", "2024"), if any. */
	titlePeriod: string | null;
	/** The year a period without one is read in: the title's one year, else the year of its one period ("1.-3. kvartal 2025"). */
	aboutYear: number | null;
	titleAreas: AreaMention[];
	sentences: SentenceContext[];
	/** Where a rule records a figure it considered and left out (stage and reason), for --explain. */
	dropped?: Dropped[];
	/** The item's text in lower case, made when a family first asks whether the item names its words (itemSays). */
	lowered?: string;
}

const GATE_WORDS = new WeakMap<RegExp, string[] | null>();

/**
 * Whether the item's text from `from` (its start, or its body's) holds a match of `gate`, a
 * case-blind alternation of plain words ("klage|ankestyrelsen"). Every family asks this of every
 * item: the item's text is lowered once, and the gate itself runs only where one of its words stands.
 */
export function itemSays(ctx: ItemContext, gate: RegExp, from: number): boolean {
	let words = GATE_WORDS.get(gate);
	if (words === undefined) GATE_WORDS.set(gate, (words = gate.flags === 'i' && /^[\p{L} |]+$/u.test(gate.source) ? gate.source.toLowerCase().split('|') : null));
	if (words) {
		const lowered = (ctx.lowered ??= ctx.text.slice(ctx.item.start, ctx.item.end).toLowerCase());
		if (!words.some((w) => lowered.includes(w))) return false;
	}
	return gate.test(ctx.text.slice(from, ctx.item.end));
}

export interface SentenceContext {
	sentence: Sentence;
	view: View;
	/** The view's periods, found without building the view when it is not built yet. */
	periods: PeriodMention[];
	areas: AreaMention[];
	headingAreas: AreaMention[];
	/** Areas carried from earlier sentences of the same paragraph. */
	carriedAreas: AreaMention[];
	/** The last period stated in earlier sentences of the paragraph, or in the heading. */
	carriedPeriod: string | null;
	/** Earlier sentences of the paragraph, lower-cased, for context words. */
	carriedText: string;
	/** The one municipality the sentence (or its paragraph before it) says the figures are from: "fra Kolding Kommune". */
	namedEntity: string | null;
	headingPeriod: string | null;
}

const MAX_SENTENCE = 3000;
/** Words that make a span ("2022-2024") the period of the figures after it, not a plan's years. */
const SPAN_LEAD = /(?:år|årene|perioden|periode)\s+(?:fra\s+)?$/;
const PERIOD_KINDS_FOR_COUNTS = new Set(['year', 'quarter', 'quarters', 'half', 'relative']);
const TITLE_PERIOD_KINDS = new Set(['year', 'quarter', 'quarters', 'half']);

export function buildItemContext(
	text: string,
	item: ItemSegment,
	layout: Layout,
	municipality: string,
	committee: string | null,
	meetingYear: number | null
): ItemContext {
	const titlePeriods = findPeriods(item.title).filter((p) => TITLE_PERIOD_KINDS.has(p.kind) && p.period);
	const titleYears = [...new Set(titlePeriods.filter((p) => p.kind === 'year').map((p) => p.period))];
	const distinct = [...new Set(titlePeriods.map((p) => p.period!))];
	// "Magtanvendelse 1. halvår 2025", "… 1.-4. kvartal 2024": the title's one period, for rules that read an item as a whole.
	const titlePeriod = distinct.length === 1 ? distinct[0] : null;
	const titleYear = titleYears.length === 1 ? Number(titleYears[0]) : null;
	const aboutYear = titleYear ?? (titlePeriod && /^\d{4}(?:-[QH]|$)/.test(titlePeriod) ? Number(titlePeriod.slice(0, 4)) : null);
	const ctx: ItemContext = {
		text,
		item,
		layout,
		municipality,
		committee,
		meetingYear,
		titleYear,
		titlePeriod,
		aboutYear,
		titleAreas: findAreas(item.title),
		sentences: []
	};
	const headings = new Map<string, { areas: AreaMention[]; period: string | null }>();
	const headingOf = (heading: string | null) => {
		if (!heading) return { areas: [], period: null };
		let h = headings.get(heading);
		if (!h) {
			const hp = findPeriods(heading).filter((p) => PERIOD_KINDS_FOR_COUNTS.has(p.kind));
			h = { areas: findAreas(heading), period: hp.length === 1 ? resolvePeriod(hp[0], aboutYear, meetingYear) : null };
			headings.set(heading, h);
		}
		return h;
	};
	const sentences = layout.sentences.map((sentence, i) => new LazySentence(text, sentence, i, headingOf));
	// What a paragraph carries forward is worked out only when a sentence asks, from the nearest sentence that knows.
	const carry = (i: number): Carried => {
		let j = i;
		while (j > 0 && !sentences[j].carried && sentences[j - 1].sentence.paragraph === sentences[i].sentence.paragraph) j--;
		let state: Carried = sentences[j].carried ?? { areas: [], period: null, text: '', entity: null };
		sentences[j].carried = state;
		for (let k = j; k < i; k++) {
			state = sentences[k].carryOn(state, aboutYear, meetingYear);
			sentences[k + 1].carried = state;
		}
		return state;
	};
	// The entity a paragraph carries to sentence i, as carry(i).entity would give it, without carrying areas and periods:
	// the nearest earlier sentence of the paragraph that names municipalities decides.
	const entities: (string | null | undefined)[] = [];
	const entityBefore = (i: number): string | null => {
		const para = sentences[i].sentence.paragraph;
		let k = i;
		let found: string | null;
		for (;;) {
			const carried = sentences[k].carried;
			if (carried) {
				found = carried.entity;
				break;
			}
			if (entities[k] !== undefined) {
				found = entities[k]!;
				break;
			}
			if (k === 0 || sentences[k - 1].sentence.paragraph !== para) {
				found = null;
				break;
			}
			const named = sentences[k - 1].ownNamed();
			if (named.length) {
				found = named.length === 1 ? named[0] : null;
				break;
			}
			k--;
		}
		for (let j = k; j <= i; j++) entities[j] = found;
		return found;
	};
	for (const sc of sentences) {
		sc.carry = carry;
		sc.entityBefore = entityBefore;
	}
	ctx.sentences = sentences;
	return ctx;
}

interface Carried {
	areas: AreaMention[];
	period: string | null;
	text: string;
	entity: string | null;
}

const NAMED_MUNICIPALITY = /\b(?:fra|i|for)\s+([\p{Lu}][\p{L}-]+)\s+Kommune\b/gu;

/**
 * A sentence's context, computed when a rule first asks: the view (figures and periods as tokens),
 * its areas, and what earlier sentences of its paragraph carried. Sentences without a figure
 * are rarely asked for more than their view.
 */
class LazySentence implements SentenceContext {
	carried: Carried | null = null;
	carry: (i: number) => Carried = () => ({ areas: [], period: null, text: '', entity: null });
	entityBefore: (i: number) => string | null = () => null;
	#view: View | null = null;
	#periods: PeriodMention[] | null = null;
	#areas: AreaMention[] | null = null;
	#named: (string | null)[] | null = null;

	constructor(
		private readonly text: string,
		readonly sentence: Sentence,
		private readonly index: number,
		private readonly headingOf: (h: string | null) => { areas: AreaMention[]; period: string | null }
	) {}

	get view(): View {
		const s = this.sentence;
		// A "sentence" of thousands of characters is debris, not prose: no rule reads it.
		return (this.#view ??= s.end - s.start > MAX_SENTENCE ? viewOf(this.text, s.start, s.start) : viewOf(this.text, s.start, s.end, this.#periods ?? undefined));
	}
	get periods(): PeriodMention[] {
		if (this.#view) return this.#view.periods;
		const s = this.sentence;
		return (this.#periods ??= s.end - s.start > MAX_SENTENCE ? [] : periodsOf(this.text, s.start, s.end));
	}
	get areas(): AreaMention[] {
		return (this.#areas ??= findAreas(this.sentence.text));
	}
	get headingAreas(): AreaMention[] {
		return this.headingOf(this.sentence.heading).areas;
	}
	get headingPeriod(): string | null {
		return this.headingOf(this.sentence.heading).period;
	}
	get carriedAreas(): AreaMention[] {
		return (this.carried ?? this.carry(this.index)).areas;
	}
	get carriedPeriod(): string | null {
		return (this.carried ?? this.carry(this.index)).period;
	}
	get carriedText(): string {
		return (this.carried ?? this.carry(this.index)).text;
	}
	/** The one municipality the sentence (or its paragraph before it) says the figures are from: "fra Kolding Kommune". */
	get namedEntity(): string | null {
		const named = this.ownNamed();
		if (named.length === 1) return named[0];
		if (named.length > 1) return null;
		return this.carried ? this.carried.entity : this.entityBefore(this.index);
	}

	ownNamed(): (string | null)[] {
		const t = this.sentence.text;
		return (this.#named ??= t.includes('Kommune') ? [...new Set([...t.matchAll(NAMED_MUNICIPALITY)].map((m) => municipalityOf(m[1])).filter(Boolean))] : []);
	}

	/** What this sentence hands to the next one of its paragraph. */
	carryOn(before: Carried, titleYear: number | null, meetingYear: number | null): Carried {
		const view = this.view;
		const own = this.areas.filter((a) => !a.tilbud);
		const named = this.ownNamed();
		let period = before.period;
		const usable = view.periods.filter((p) => PERIOD_KINDS_FOR_COUNTS.has(p.kind));
		// "faldet fra 102 i 2023", "mod 52 i 2024", "(2023: 77)": a comparison's period is not what the paragraph goes on about.
		const compared = (p: PeriodMention) => {
			const at = view.tAt[view.periods.indexOf(p)];
			return COMPARED_PERIOD.test(view.view.slice(Math.max(0, at - 30), at));
		};
		const stated = usable.filter((p) => p.kind !== 'relative' && !compared(p));
		// The period a sentence is about comes first ("I 1. halvår 2025 … mod 52 i 1. halvår 2024"); a breakdown by period moves the paragraph to none of its parts.
		if (stated.length && !(isBreakdown(stated) && stated.every((p) => p.kind === stated[0].kind))) period = resolvePeriod(stated[0], titleYear, meetingYear) ?? period;
		// "… 39, hvor den året før lå på 35": a relative period after the first figure is the comparison's, not what the text goes on about.
		else {
			// "I samme periode sidste år …", "Året før var …": a past relative period compares with what the text is about.
			const relative = usable.filter((p) => p.kind === 'relative' && !compared(p) && !comparesBack(p));
			if (relative.length && (!period || !view.qAt.length || view.tAt[view.periods.indexOf(relative[0])] < view.qAt[0]))
				period = resolvePeriod(relative[0], period ? Number(period.slice(0, 4)) : titleYear, meetingYear) ?? period;
		}
		return {
			areas: own.length ? own : before.areas,
			period,
			text: `${before.text} ${view.view}`.slice(-600),
			entity: named.length === 1 ? named[0] : named.length > 1 ? null : before.entity
		};
	}
}

/** "året før", "samme periode sidste år": a period counted back from the one the text is about names a comparison. */
export function comparesBack(p: PeriodMention): boolean {
	return p.kind === 'relative' && p.relativeTo === 'text' && (p.offset ?? 0) < 0;
}

/** The text year a relative or year-less period resolves against: the sentence's own year, else the title's. */
export function textYearOf(ctx: ItemContext, sc: SentenceContext): number | null {
	const years = sc.view.periods.filter((p) => p.kind === 'year').map((p) => Number(p.period));
	if (years.length) return years[0];
	if (sc.carriedPeriod) return Number(sc.carriedPeriod.slice(0, 4));
	return ctx.aboutYear ?? ctx.meetingYear;
}

/**
 * The period of the figure at quantity index `qi`: a period right after it ("48 pct. i 2023"),
 * else the nearest one before it in the sentence, else what the paragraph, heading or title said.
 */
export function periodFor(
	ctx: ItemContext,
	sc: SentenceContext,
	qi: number,
	kinds: Set<string> = PERIOD_KINDS_FOR_COUNTS
): string | null {
	const v = sc.view;
	const at = v.qAt[qi];
	const usable = v.periods.map((p, i) => ({ p, i, pos: v.tAt[i] })).filter(({ p }) => kinds.has(p.kind));
	const textYear = textYearOf(ctx, sc);
	const resolve = (p: PeriodMention) =>
		p.samePeriod ? samePeriodShifted(ctx, sc, p.offset ?? 0, p.inYear) : resolvePeriod(p, relativeBase(ctx, sc, p, textYear), ctx.meetingYear);
	const nextQ = v.qAt.filter((x) => x > at).sort((a, b) => a - b)[0] ?? Infinity;
	const after = usable.filter(({ pos }) => pos > at && pos < nextQ);
	for (const a of after) {
		const between = v.view.slice(at, a.pos);
		if (a.p.kind === 'relative' && /^Q\d+\w*\s*(?:\)\s*)?$/.test(between)) return resolve(a.p);
		if (between.length <= 45 && /^Q\d+\w*\s*(?:\)\s*)?(?:[a-zæøå.\-]+\s+){0,4}(?:i|for|pr\.?|per|ved|i løbet af|året)\s+$/.test(between))
			return resolve(a.p);
	}
	const before = usable.filter(({ pos }) => pos < at);
	// "Set over de tre år 2022-2024 … 171 klagesager": a span named as the period the figures cover.
	const span = v.periods.findLast((p, i) => p.kind === 'span' && v.tAt[i] < at && SPAN_LEAD.test(v.view.slice(Math.max(0, v.tAt[i] - 24), v.tAt[i])));
	if (span && !before.some(({ pos }) => pos > v.tAt[v.periods.indexOf(span)])) return span.period;
	if (before.length) return resolve(before[before.length - 1].p);
	// "… 39 procent i alt for 2024": the one period after the figure, unless a clause of comparison stands between ("39, hvor den året før lå på 35").
	if (after.length === 1 && !v.qAt.some((x) => x > at && x < after[0].pos) && !COMPARISON_BETWEEN.test(v.view.slice(at, after[0].pos))) return resolve(after[0].p);
	return sc.carriedPeriod ?? sc.headingPeriod ?? (ctx.titleYear ? String(ctx.titleYear) : null);
}

/** Before a period that belongs to a comparison ("fra 102 i", "mod", "end i", "(", "…, som var 38 i"): it dates that figure only. */
export const COMPARED_PERIOD = /(?:\b(?:fra|mod|end|sammenlignet med|i forhold til)\s+(?:Q\d+\w*\s+)?(?:[a-zæøå]+\s+)?(?:i\s+)?|,\s*(?:som|der)\s+(?:var|lå\s+på|udgjorde)\s+(?:Q\d+\w*\s+)?(?:i\s+)?|\(\s*)$/;
const COMPARISON_BETWEEN = /[,;(]|\b(?:hvor|mod|mens|end|sammenlignet)\b/;

/**
 * "samme periode sidste år": the period the text is about, shifted ("2024-Q1-Q3" → "2023-Q1-Q3");
 * "i samme periode": unshifted; "samme periode af 2023": in that year.
 */
function samePeriodShifted(ctx: ItemContext, sc: SentenceContext, offset: number, inYear?: string): string | null {
	const own = sc.view.periods.find((p) => p.period && p.kind !== 'relative' && p.kind !== 'date');
	const base = (inYear ? null : own?.period) ?? sc.carriedPeriod ?? sc.headingPeriod ?? ctx.titlePeriod ?? (ctx.titleYear ? String(ctx.titleYear) : null);
	if (!base) return null;
	if (inYear) return /^\d{4}-\d{4}$/.test(base) ? null : base.replace(/(?:19|20)\d{2}/, inYear);
	return base.replace(/(?:19|20)\d{2}/g, (y) => String(Number(y) + offset));
}

function relativeBase(ctx: ItemContext, sc: SentenceContext, p: PeriodMention, textYear: number | null): number | null {
	if (p.kind !== 'relative') return textYear;
	if (p.relativeTo === 'text') {
		const other = sc.view.periods.filter((x) => x.kind === 'year').map((x) => Number(x.period));
		return other.length ? other[0] : sc.carriedPeriod ? Number(sc.carriedPeriod.slice(0, 4)) : ctx.aboutYear;
	}
	// "sidste år" in a report about a year: relative to that year when the sentence names it.
	const other = sc.view.periods.filter((x) => x.kind === 'year').map((x) => Number(x.period));
	if (p.offset === -1 && other.length) return Math.max(...other);
	return ctx.meetingYear;
}

/** Cues that a figure is the whole country's. */
const NATIONAL_CUE =
	/(?:landsgennemsnit\p{L}*|på landsplan|i hele landet|for hele landet|hele landets?|landsplan|nationalt|på tværs af alle kommuner|alle landets kommuner|gennemsnittet for alle kommuner|landets kommuner)(?![\p{L}])/gu;
/** Between a national cue and the figure, these hand the figure to someone else. */
const CUE_BREAK = /(?<![\p{L}])(?:mod|mens|men|end|hvor|og|kommunen\p{L}*|kommune)(?![\p{L}])|Q\d/u;

/** A national cue earlier in the figure's clause, with nothing between that names another owner. */
function nationalBefore(clause: string): boolean {
	let last = -1;
	let end = 0;
	for (const m of clause.matchAll(NATIONAL_CUE)) [last, end] = [m.index!, m.index! + m[0].length];
	return last >= 0 && !CUE_BREAK.test(clause.slice(end));
}
const QUANTITY_TOKEN = /Q\d+\w*/y;
const NATIONAL_AFTER = /^\s*(?:\)\s*)?(?:på landsplan|i hele landet|for hele landet|for landet som helhed|nationalt|i landsgennemsnit|som landsgennemsnit)/;

/** Whose figure: the municipality named right before it, "Landsgennemsnit", or the writing municipality. */
export function entityFor(ctx: ItemContext, sc: SentenceContext, qi: number): string {
	const v = sc.view;
	const at = v.qAt[qi];
	// "Fredericia og Haderslev … på henholdsvis 37 og 40": the figures go to the names in their order.
	const respective = respectiveEntity(ctx, sc, qi);
	if (respective) return respective;
	// "landsgennemsnittet på 36 procent, som var 38 i 2023": a relative clause goes on about the figure before it.
	if (qi > 0) {
		const prev = v.quantities[qi - 1];
		if (RELATIVE_CLAUSE.test(ctx.text.slice(prev.end, v.quantities[qi].start))) return entityFor(ctx, sc, qi - 1);
	}
	const clauseStart = Math.max(v.view.lastIndexOf(',', at), v.view.lastIndexOf(';', at), v.view.lastIndexOf(' mod ', at), 0);
	const before = v.view.slice(Math.max(clauseStart, at - 120), at);
	// What follows the figure's token; NATIONAL_AFTER reads a few words of it only (the view's spaces are folded).
	QUANTITY_TOKEN.lastIndex = at;
	const tokenEnd = at + (QUANTITY_TOKEN.exec(v.view)?.[0].length ?? 0);
	const afterTok = v.view.slice(tokenEnd, tokenEnd + 300);
	if (nationalBefore(before) || NATIONAL_AFTER.test(afterTok)) return 'Landsgennemsnit';
	const q = v.quantities[qi];
	// A municipality named just after the figure ("38 pct. i Fredericia").
	const follows = /^\s*(?:i|for)\s+([\p{Lu}][\p{L}-]+)/u.exec(ctx.text.slice(q.end, Math.min(sc.sentence.end, q.end + 40)));
	if (follows) {
		const m = municipalityOf(follows[1]);
		if (m) return m;
	}
	// A municipality named just before the figure ("Odder 31 pct.", "i Skanderborg var den 44 pct.").
	const raw = ctx.text.slice(Math.max(sc.sentence.start, q.start - 40), q.start);
	const named = [...raw.matchAll(MUNICIPALITY_RE)].pop();
	if (named) {
		const gap = raw.slice(named.index! + named[0].length);
		if (/^\s*(?::|\s|var\s+(?:den|det|tallet)?\s*|havde\s+(?:en\s+)?(?:omgørelsesprocent\s+)?(?:på\s+)?|lå\s+på\s+|med\s+)*$/i.test(gap)) {
			const m = municipalityOf(named[1]);
			if (m) return m;
		}
	}
	return sc.namedEntity ?? ctx.municipality;
}

const RELATIVE_CLAUSE = /^\s*(?:procent|pct\.?|%)?\s*,\s*(?:som|der|hvilket)\s+(?:(?:i\s+\S+|året\s+før|sidste\s+år)\s+)?(?:var|lå\s+på|udgjorde|blev)\s+(?:på\s+)?$/i;

/**
 * The n-th of the municipalities named before "henholdsvis" for the n-th figure after it, when as
 * many figures follow as names precede; null when the sentence has no such list.
 */
export function respectiveEntity(ctx: ItemContext, sc: SentenceContext, qi: number): string | null {
	const s = sc.sentence;
	const q = sc.view.quantities[qi];
	const word = ctx.text.slice(s.start, q.start).lastIndexOf('henholdsvis');
	if (word < 0) return null;
	const pivot = s.start + word;
	const run = sc.view.quantities.filter((x) => x.start > pivot);
	const names = [...ctx.text.slice(s.start, pivot).matchAll(MUNICIPALITY_RE)].map((m) => municipalityOf(m[1])).filter((m): m is string => !!m);
	const k = run.indexOf(q);
	return names.length >= 2 && names.length === run.length && k >= 0 ? names[k] : null;
}

/** "på udvalgets område", also broken over a line: the committee that meets. */
export const COMMITTEE_AREA = /udvalgets\s+område|under\s+udvalget/i;

/** The area of a figure: the most specific one named in the sentence, its paragraph, heading or title. */
export function areaFor(ctx: ItemContext, sc: SentenceContext, fallback: string | null): string | null {
	const named = sc.areas.length > 0 || sc.carriedAreas.length > 0 || sc.headingAreas.length > 0;
	// "på udvalgets område": the committee that meets, nearer than the item's title.
	if (!named && ctx.committee && COMMITTEE_AREA.test(`${sc.sentence.text} ${sc.carriedText}`)) return ctx.committee;
	const lists = [sc.areas, sc.carriedAreas, sc.headingAreas, named ? [] : ctx.titleAreas];
	const picked = pickArea(...lists);
	if (picked && picked.startsWith('§')) {
		// "§ 82" alone: the law comes from the sentence's context, else the paragraph is left out.
		const law = [...lists, ctx.titleAreas].flat().find((a) => a.rank === RANK.law)?.area;
		if (law) return `${law} ${picked}`;
		return pickArea(...lists.map((l) => l.filter((a) => !a.area.startsWith('§')))) ?? fallback;
	}
	return picked ?? fallback;
}

export function draft(
	family: Family,
	metric: string,
	entity: string,
	area: string,
	period: string,
	value: number,
	unit: Unit,
	sc: SentenceContext,
	rule: string
): FactDraft {
	return { family, metric, entity, area, period, value, unit, start: sc.sentence.start, end: sc.sentence.end, rule };
}

export const RE_ESCAPE = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The clause of `view` around position `at`: bounded by ; , "mens", "men". */
export function clauseAround(view: string, at: number): { start: number; end: number; text: string } {
	const left = Math.max(view.lastIndexOf(';', at), view.lastIndexOf(', men ', at), view.lastIndexOf(', mens ', at), view.lastIndexOf(' mens ', at));
	const rightCandidates = [';', ', men ', ', mens ', ' mens ']
		.map((s) => view.indexOf(s, at))
		.filter((x) => x >= 0);
	const right = rightCandidates.length ? Math.min(...rightCandidates) : view.length;
	const start = left < 0 ? 0 : left + 1;
	return { start, end: right, text: view.slice(start, right) };
}

export type { View };
