/**
 * The period grammar: years, quarters, halves, spans, follow-ups dated by month or day, and
 * relative time. Canonical forms (contract): "2023", "2024-Q3", "2024-Q1-Q3", "2024-H1",
 * "2026-2029", and for follow-ups dated by month or day "2025-05".
 */

export type PeriodKind = 'year' | 'quarter' | 'quarters' | 'half' | 'span' | 'month' | 'date' | 'relative';

export interface PeriodMention {
	start: number;
	end: number;
	kind: PeriodKind;
	/** Canonical period, or null when the year must come from context. */
	period: string | null;
	/** Parts for resolving against context: a quarter or half without a year. */
	quarter?: [number, number];
	half?: number;
	month?: number;
	/** For relative time: offset in years from the reference year ("sidste år" = -1). */
	offset?: number;
	/** "i år", "sidste år": relative to the meeting; "året før": relative to the year in the text. */
	relativeTo?: 'meeting' | 'text';
	/** "samme periode sidste år": the period the text is about, a year earlier. */
	samePeriod?: boolean;
	/** "samme periode af 2023": the period the text is about, in that year. */
	inYear?: string;
}

const MONTHS: Record<string, number> = {
	januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
	juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
	november: 11, nov: 11, december: 12, dec: 12
};
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
/** "samme periode", "de samme tre kvartaler", "det tilsvarende halvår": the span the text is about, named again. */
const SAME_SPAN = '(?:(?:i|for)\\s+)?(?:(?:de|den|det)\\s+)?(?:samme|tilsvarende)\\s+(?:periode|tidsrum|halvår|kvartal|(?:\\p{L}+|\\d)\\s+(?:kvartaler|måneder))';

/** The number of a month's name or its short form ("marts", "Mar.", "sept."), or null. */
export function monthNumber(word: string): number | null {
	return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}
const Y = '((?:19|20)\\d{2})';
/** The quarters named by an ordinal word. */
const ORDINAL_QUARTER: Record<string, number> = { første: 1, andet: 2, tredje: 3, fjerde: 4 };
const YEAR_HINT = /(?:19|20)\d\d/;
const DAY_HINT = /\d\./;
/** "1. januar", "30. juni", "1.7.", "31.12.": a day and its month, by name or number. */
const DAY_MONTH = `(\\d{1,2})\\.\\s?(?:(${MONTH_RE})\\.?|(\\d{1,2})\\.)`;
const monthOf = (word: string) => MONTHS[word.toLowerCase()] ?? Number(word);
const LAST_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

interface PeriodRule {
	name: string;
	/** Needs no digit: relative time. */
	relative?: boolean;
	/** Runs on every text ("første halvår" needs no digit, "1. halvår 2024" has one). */
	always?: boolean;
	/** A cheap test the text must pass before the rule's pattern runs. */
	hint?: RegExp;
	re: RegExp;
	make: (m: RegExpExecArray) => Omit<PeriodMention, 'start' | 'end'> | null;
}

export const PERIOD_RULES: PeriodRule[] = [
	{
		// "fra januar til og med juni 2025", "jan.-sep. 2024": a run of months is the half or the quarters it fills.
		name: 'maaneder',
		hint: /jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec/i,
		re: new RegExp(`\\b(${MONTH_RE})\\.?\\s*(?:-|–|til(?:\\s+og\\s+med)?|t\\.o\\.m\\.)\\s*(${MONTH_RE})\\.?(?:\\s+(?:i\\s+)?${Y})?`, 'gi'),
		make: (m) => monthRun(MONTHS[m[1].toLowerCase()], MONTHS[m[2].toLowerCase()], m[3])
	},
	{
		// "1. januar – 30. juni 2025", "1.7.-31.12.2024": days that open and close a run of months date that run.
		name: 'datoer',
		hint: DAY_HINT,
		re: new RegExp(`\\b${DAY_MONTH}(?:\\s+${Y})?\\s*(?:-|–|til(?:\\s+og\\s+med)?)\\s*${DAY_MONTH}\\s*${Y}\\b`, 'giu'),
		make: (m) => dayRun(Number(m[1]), monthOf(m[2] ?? m[3]), Number(m[5]), monthOf(m[6] ?? m[7]), m[4], m[8])
	},
	{
		name: 'kvartaler',
		hint: /kv|Q/i,
		re: new RegExp(`\\b([1-4])\\.?\\s*(?:-|–|til)\\s*([1-4])\\.\\s*(?:kvartal|kvt\\.?)\\w*(?:\\s+(?:i\\s+)?${Y})?`, 'gi'),
		make: (m) => quarters(Number(m[1]), Number(m[2]), m[3])
	},
	{
		// "de første tre kvartaler af 2024": quarters counted from the year's start.
		name: 'foerste_kvartaler',
		always: true,
		re: new RegExp(`(?<![\\p{L}])første\\s+(to|tre|2|3)\\s+kvartaler(?:\\s+(?:i|af)\\s+${Y})?`, 'giu'),
		make: (m) => quarters(1, /^(?:to|2)$/i.test(m[1]) ? 2 : 3, m[2])
	},
	{
		// "andet kvartal", "i tredje kvartal af 2024": a quarter named by its ordinal word.
		name: 'kvartal_ord',
		always: true,
		hint: /kvartal/i,
		re: new RegExp(`(?<![\\p{L}])(${Object.keys(ORDINAL_QUARTER).join('|')})\\s+kvartal(?![\\p{L}])(?:\\s+(?:(?:i|af)\\s+)?${Y})?`, 'giu'),
		make: (m) => quarters(ORDINAL_QUARTER[m[1].toLowerCase()], ORDINAL_QUARTER[m[1].toLowerCase()], m[2])
	},
	{
		name: 'kvartal',
		hint: /kv/i,
		re: new RegExp(`\\b([1-4])\\.\\s*(?:kvartal|kvt\\.?)\\w*(?:\\s+(?:i\\s+)?${Y})?`, 'gi'),
		make: (m) => quarters(Number(m[1]), Number(m[1]), m[2])
	},
	{
		name: 'kvartal_q',
		hint: /Q[1-4]/,
		re: new RegExp(`\\bQ([1-4])\\s*[-/ ]?\\s*${Y}|\\b${Y}\\s*[-/ ]?\\s*Q([1-4])\\b`, 'g'),
		make: (m) => (m[1] ? quarters(Number(m[1]), Number(m[1]), m[2]) : quarters(Number(m[4]), Number(m[4]), m[3]))
	},
	{
		name: 'halvaar',
		always: true,
		hint: /halvår/i,
		re: new RegExp(`\\b(?:([12])\\.|(første|andet|sidste))\\s*halvår\\w*(?:\\s+(?:i\\s+|af\\s+)?${Y})?`, 'gi'),
		make: (m) => {
			const h = m[1] ? Number(m[1]) : /første/i.test(m[2]) ? 1 : 2;
			return m[3]
				? { kind: 'half', period: `${m[3]}-H${h}`, half: h }
				: { kind: 'half', period: null, half: h };
		}
	},
	{
		name: 'dato',
		hint: DAY_HINT,
		re: new RegExp(`\\b(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?${Y}\\b`, 'g'),
		make: (m) => dateOf(Number(m[2]), m[3])
	},
	{
		name: 'dato_maaned',
		hint: DAY_HINT,
		re: new RegExp(`\\b(\\d{1,2})\\.\\s*(${MONTH_RE})\\.?(?:\\s+${Y})?`, 'gi'),
		make: (m) => dateOf(MONTHS[m[2].toLowerCase()], m[3])
	},
	{
		name: 'dato_uden_aar',
		hint: /\bpe?r\.?\s/i,
		re: /\b(?:pr|per)\.?\s+(\d{1,2})\.(\d{1,2})\b(?!\.\d)/gi,
		make: (m) => (Number(m[2]) >= 1 && Number(m[2]) <= 12 ? dateOf(Number(m[2])) : null)
	},
	{
		name: 'maaned',
		hint: YEAR_HINT,
		re: new RegExp(`\\b(?:ultimo|medio|primo|udgangen af|slutningen af|i)\\s+(${MONTH_RE})\\s+${Y}`, 'gi'),
		make: (m) => ({ kind: 'month', period: `${m[2]}-${pad(MONTHS[m[1].toLowerCase()])}`, month: MONTHS[m[1].toLowerCase()] })
	},
	{
		name: 'samme_periode_aar',
		relative: true,
		re: new RegExp(`(?<![\\p{L}])${SAME_SPAN}\\s+(?:af\\s+|i\\s+)?${Y}`, 'giu'),
		make: (m) => ({ kind: 'relative', period: null, offset: 0, relativeTo: 'text', samePeriod: true, inYear: m[1] })
	},
	{
		name: 'spaend',
		hint: YEAR_HINT,
		re: new RegExp(`\\b${Y}\\s*(?:-|–|/)\\s*((?:19|20)?\\d{2})\\b(?![.,]\\d)`, 'g'),
		make: (m) => {
			const a = Number(m[1]);
			let b = Number(m[2]);
			if (m[2].length === 2) b = Math.floor(a / 100) * 100 + b;
			if (b <= a || b - a > 15) return null;
			return { kind: 'span', period: `${a}-${b}` };
		}
	},
	{
		name: 'aar',
		hint: YEAR_HINT,
		re: new RegExp(`\\b${Y}\\b(?![.,]\\d)`, 'g'),
		make: (m) => ({ kind: 'year', period: m[1] })
	},
	{
		name: 'samme_periode',
		relative: true,
		re: new RegExp(`(?<![\\p{L}])${SAME_SPAN}\\s+(?:sidste\\s+år|året\\s+før|i\\s+fjor|forrige\\s+år)(?![\\p{L}])`, 'giu'),
		make: () => ({ kind: 'relative', period: null, offset: -1, relativeTo: 'text', samePeriod: true })
	},
	{
		name: 'samme_periode_nu',
		relative: true,
		re: /(?<![\p{L}])(?:i\s+)?samme\s+periode(?!\s+(?:sidste|året|i\s+fjor|forrige))(?![\p{L}])/giu,
		make: () => ({ kind: 'relative', period: null, offset: 0, relativeTo: 'text', samePeriod: true })
	},
	{
		name: 'relativ',
		relative: true,
		re: /(?<![\p{L}])(i år|indeværende år|i indeværende år|sidste år|i fjor|sidste års?|forrige år|næste år|det kommende år|året før|året forinden|det foregående år|foregående år|året inden|året efter)(?![\p{L}])/giu,
		make: (m) => {
			const w = m[1].toLowerCase();
			if (/i år|indeværende/.test(w)) return { kind: 'relative', period: null, offset: 0, relativeTo: 'meeting' };
			if (/næste|kommende|året efter/.test(w))
				return { kind: 'relative', period: null, offset: 1, relativeTo: w.startsWith('året') ? 'text' : 'meeting' };
			if (/året før|forinden|foregående|året inden/.test(w)) return { kind: 'relative', period: null, offset: -1, relativeTo: 'text' };
			return { kind: 'relative', period: null, offset: -1, relativeTo: 'meeting' };
		}
	}
];

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** Months a to b: the half-year or the run of quarters they fill; any other run names no period of the contract. */
export function monthRun(a: number, b: number, year?: string): Omit<PeriodMention, 'start' | 'end'> | null {
	if (!a || !b || b <= a) return null;
	if ((a === 1 && b === 6) || (a === 7 && b === 12)) {
		const half = a === 1 ? 1 : 2;
		return { kind: 'half', period: year ? `${year}-H${half}` : null, half };
	}
	if (a % 3 === 1 && b % 3 === 0) return quarters((a + 2) / 3, b / 3, year);
	return { kind: 'span', period: null };
}

/** From the first day of month a to the last of month b (one year): the run of months; other days are left to the day rules. */
function dayRun(d1: number, a: number, d2: number, b: number, year1: string | undefined, year: string): Omit<PeriodMention, 'start' | 'end'> | null {
	if (!(a >= 1 && a <= 12 && b >= 1 && b <= 12) || (year1 && year1 !== year)) return null;
	if (d1 !== 1 || d2 < LAST_DAY[b - 1] - (b === 2 ? 1 : 0)) return null;
	if (a === 1 && b === 12) return { kind: 'year', period: year };
	const run = monthRun(a, b, year);
	return run && run.period ? run : null;
}

/** "21 i 1. kvartal, 15 i 2. kvartal og 18 i 3. kvartal": parts of one kind (quarters, months, halves), two at least, each dating its own figure. */
export function isBreakdown(periods: PeriodMention[]): boolean {
	const dated = periods.filter((p) => p.kind === 'quarter' || p.kind === 'month' || p.kind === 'half');
	if (dated.length < 2 || !dated.every((p) => p.kind === dated[0].kind)) return false;
	return new Set(dated.map((p) => `${p.period ?? p.quarter ?? p.half ?? p.month}`)).size >= 2;
}

function quarters(a: number, b: number, year?: string): Omit<PeriodMention, 'start' | 'end'> | null {
	if (b < a) return null;
	const kind: PeriodKind = a === b ? 'quarter' : 'quarters';
	const q: [number, number] = [a, b];
	if (!year) return { kind, period: null, quarter: q };
	return { kind, period: quarterPeriod(Number(year), a, b), quarter: q };
}

export function quarterPeriod(year: number, a: number, b: number): string {
	if (a === 1 && b === 4) return String(year);
	return a === b ? `${year}-Q${a}` : `${year}-Q${a}-Q${b}`;
}

function dateOf(month: number, year?: string): Omit<PeriodMention, 'start' | 'end'> | null {
	if (!(month >= 1 && month <= 12)) return null;
	return { kind: 'date', period: year ? `${year}-${pad(month)}` : null, month };
}

/** All period mentions in [from, to), longest first, not overlapping. */
const RELATIVE_HINT = /sidste|året|i år|fjor|forrige|næste|kommende|indeværende|foregående|periode|halvår|kvartal/i;

/** Whether a text can name a period at all (findPeriods finds none in a text that fails this). */
export function mayNamePeriod(text: string): boolean {
	return DIGIT.test(text) || RELATIVE_HINT.test(text);
}
const DIGIT = /\d/;

export function findPeriods(text: string, from = 0, to = text.length): PeriodMention[] {
	const slice = text.slice(from, to);
	const found: PeriodMention[] = [];
	const digits = DIGIT.test(slice);
	const relative = RELATIVE_HINT.test(slice);
	if (!digits && !relative) return found;
	// Rules share hints: each is tested once.
	let hints: Map<RegExp, boolean> | null = null;
	for (const rule of PERIOD_RULES) {
		if (!rule.always && (rule.relative ? !relative : !digits)) continue;
		if (rule.hint) {
			hints ??= new Map();
			let ok = hints.get(rule.hint);
			if (ok === undefined) hints.set(rule.hint, (ok = rule.hint.test(slice)));
			if (!ok) continue;
		}
		rule.re.lastIndex = 0;
		for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
			const start = from + m.index;
			const end = start + m[0].length;
			if (overlapsAny(found, start, end)) continue;
			const made = rule.make(m);
			if (made) found.push({ start, end, ...made });
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

function overlapsAny(found: PeriodMention[], start: number, end: number): boolean {
	for (const f of found) if (start < f.end && end > f.start) return true;
	return false;
}

/** "Forventet regnskab 2025 – status pr. 30. september": a year and a day without one date the month ("2025-09"). */
export function yearDatedDay(periods: PeriodMention[]): string | null {
	const year = periods.find((p) => p.kind === 'year')?.period;
	const day = periods.find((p) => p.kind === 'date' && !p.period && p.month);
	return year && day ? `${year}-${String(day.month).padStart(2, '0')}` : null;
}

/** Completes a period without a year from a context year; null when it cannot be known. */
export function resolvePeriod(p: PeriodMention, textYear: number | null, meetingYear: number | null): string | null {
	if (p.period) return p.period;
	if (p.kind === 'relative') {
		const base = p.relativeTo === 'text' ? (textYear ?? null) : (meetingYear ?? null);
		return base === null ? null : String(base + (p.offset ?? 0));
	}
	if (textYear === null) return null;
	if (p.quarter) return quarterPeriod(textYear, p.quarter[0], p.quarter[1]);
	if (p.half) return `${textYear}-H${p.half}`;
	if (p.month) return `${textYear}-${pad(p.month)}`;
	return null;
}

/** The last calendar year a canonical period covers. */
export function periodYear(period: string): number {
	const years = period.match(/(?:19|20)\d{2}/g) ?? [];
	return Number(years[years.length - 1]);
}
