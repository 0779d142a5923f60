/**
 * What every family's table reader shares: the sign legend, the periods and totals on an axis,
 * and which axis holds the metrics (a table may be printed either way round).
 */
import { monthNumber, monthRun } from './periods';
import type { ReadTable, TableRow } from './tables';

// ---- sign legend ----

/** A sign as the legend prints it: "+", "plus", "positivt fortegn", "÷", "(-)", "minus", "negative tal". */
const SIGN = String.raw`(\(?\s*[+\-−–÷]\s*\)?|plus|minus|positiv\w*|negativ\w*|parentes(?:er)?)`;
const DIRECTION = String.raw`(merforbrug|mindreforbrug|overskud|underskud)`;
const VERB = String.raw`(?:angive[rs]?|angivet|er|betyder|viser|vises|vist|markeres|markeret|=)`;
const NOUN = String.raw`(?:\s+(?:tal|beløb|værdier|fortegn|afvigelser?)|\s+(?:efter|foran|ved)\s+(?:beløbet|tallet))?`;

/** The three ways a legend pairs a sign with a direction, each as (sign group, direction group). */
const LEGENDS: { re: RegExp; sign: number; direction: number }[] = [
	// "+ = merforbrug", "÷ = mindreforbrug", "(-) angiver merforbrug", "Negative tal angiver merforbrug"
	{ re: new RegExp(String.raw`${SIGN}${NOUN}\s*(?:${VERB}\s+)*(?:et\s+|en\s+)?${DIRECTION}`, 'giu'), sign: 1, direction: 2 },
	// "Merforbrug er vist med minus", "Merforbrug vises med positivt fortegn, mindreforbrug med ÷"
	// "Mindreforbrug er anført i parentes": an accountant's negative.
	{ re: new RegExp(String.raw`${DIRECTION}\s+(?:(?:er|vises|vist|angives|angivet|anført|anføres|markeres|står)\s+)*(?:med|som|i)\s+${SIGN}`, 'giu'), sign: 2, direction: 1 }
];

function signOf(word: string): number | null {
	const w = word.replace(/[()\s]/g, '').toLowerCase();
	if (w === '+' || w === 'plus' || w.startsWith('positiv')) return 1;
	if (/^[-−–÷]$/.test(w) || w === 'minus' || w.startsWith('negativ') || w.startsWith('parentes')) return -1;
	return null;
}

/**
 * How the legend prints merforbrug: 1 when positive, -1 when negative, null when it does not say
 * (or says both ways). "+ = merforbrug" → 1; "÷ = mindreforbrug" → 1; "Merforbrug er vist med minus" → -1.
 */
export function merforbrugSign(text: string): 1 | -1 | null {
	const votes = new Set<number>();
	for (const { re, sign, direction } of LEGENDS) {
		re.lastIndex = 0;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			const s = signOf(m[sign]);
			if (s === null) continue;
			const mer = /^(?:merforbrug|underskud)$/i.test(m[direction]) ? 1 : -1;
			votes.add(s * mer);
		}
	}
	return votes.size === 1 ? (votes.has(1) ? 1 : -1) : null;
}

// ---- periods and totals on an axis ----

export type AxisPeriod =
	| { kind: 'year'; year: string }
	| { kind: 'quarter'; quarter: number; year: string | null }
	| { kind: 'quarters'; from: number; to: number; year: string | null }
	| { kind: 'half'; half: number; year: string | null }
	| { kind: 'month'; month: number; year: string | null }
	| { kind: 'total' };

const YEAR = /^((?:19|20)\d{2})$/;
const QUARTER = /^(?:([1-4])\.?\s*(?:kvt|kvart|kvartal)\.?|[QK]([1-4]))(?:\s+((?:19|20)\d{2}))?$/i;
const HALF = /^([12])\.\s*halvår(?:\s+((?:19|20)\d{2}))?$/i;
/** "1.-3. kvartal", "1.-3. kvt. 2024": a run of quarters. */
const QUARTERS = /^([1-4])\.?\s*[-–]\s*([1-4])\.?\s*(?:kvt|kvart|kvartal)\.?(?:\s+((?:19|20)\d{2}))?$/i;
/** "1.-3. kvartal i alt", "2024 i alt": the period's own total row is that period. */
const PERIOD_TOTAL = /\s+(?:i alt|total)$/i;
const TOTAL = /^(?:i alt|total|samlet|(?:hele )?året|året i alt|helår(?:et)?)$/i;

/** "Jan.-mar.", "april–juni 2025": a run of months; "Januar", "Sept. 2024": one month. */
const MONTH_RUN = /^(\p{L}+\.?)\s*[-–]\s*(\p{L}+\.?)(?:\s+((?:19|20)\d{2}))?$/u;
const ONE_MONTH = /^(\p{L}+\.?)(?:\s+((?:19|20)\d{2}))?$/u;
/** "I alt 1. halvår": the total named before its period. */
const TOTAL_FIRST = /^(?:i alt|total)\s+/i;

/** The period an axis label names: "2024", "1. kvt. 2024", "Q3", "1. halvår", "Jan.-mar.", "Marts", "I alt". */
export function axisPeriod(label: string): AxisPeriod | null {
	const whole = label.replace(/\s+/g, ' ').trim();
	const t = PERIOD_TOTAL.test(whole) && !TOTAL.test(whole) ? whole.replace(PERIOD_TOTAL, '') : TOTAL_FIRST.test(whole) && !TOTAL.test(whole) ? whole.replace(TOTAL_FIRST, '') : whole;
	let m = YEAR.exec(t);
	if (m) return { kind: 'year', year: m[1] };
	m = QUARTER.exec(t);
	if (m) return { kind: 'quarter', quarter: Number(m[1] ?? m[2]), year: m[3] ?? null };
	m = HALF.exec(t);
	if (m) return { kind: 'half', half: Number(m[1]), year: m[2] ?? null };
	m = QUARTERS.exec(t);
	if (m && Number(m[1]) < Number(m[2])) return { kind: 'quarters', from: Number(m[1]), to: Number(m[2]), year: m[3] ?? null };
	// "Halvår" beside the quarters or months it sums: which half, the siblings say.
	if (/^(?:hele )?halvår(?:et)?$/i.test(t)) return { kind: 'half', half: 0, year: null };
	m = MONTH_RUN.exec(t);
	if (m) {
		// The period grammar's reading of a run of months: the half or the quarters it fills.
		const run = monthRun(monthNumber(m[1]) ?? 0, monthNumber(m[2]) ?? 0);
		const year = m[3] ?? null;
		if (run?.half) return { kind: 'half', half: run.half, year };
		if (!run?.quarter) return null;
		const [from, to] = run.quarter;
		return from === to ? { kind: 'quarter', quarter: from, year } : { kind: 'quarters', from, to, year };
	}
	m = ONE_MONTH.exec(t);
	const month = m ? monthNumber(m[1]) : null;
	if (m && month) return { kind: 'month', month, year: m[2] ?? null };
	return TOTAL.test(t) ? { kind: 'total' } : null;
}

/**
 * The canonical period of an axis label, given the table's year. An "I alt" beside quarters is the
 * span of those quarters (the whole year when all four are there).
 */
export function periodOfAxis(p: AxisPeriod, year: string | null, siblings: AxisPeriod[]): string | null {
	if (p.kind === 'year') return p.year;
	if (p.kind === 'quarter') return (p.year ?? year) ? `${p.year ?? year}-Q${p.quarter}` : null;
	if (p.kind === 'half' && p.half === 0) {
		const within = siblings.flatMap((s) => (s.kind === 'quarter' ? [s.quarter * 3] : s.kind === 'month' ? [s.month] : []));
		const half = within.length && within.every((m) => m <= 6) ? 1 : within.length && within.every((m) => m > 6) ? 2 : 0;
		return half && year ? `${year}-H${half}` : null;
	}
	if (p.kind === 'half') return (p.year ?? year) ? `${p.year ?? year}-H${p.half}` : null;
	if (p.kind === 'month') return (p.year ?? year) ? `${p.year ?? year}-${String(p.month).padStart(2, '0')}` : null;
	if (p.kind === 'quarters') {
		const y = p.year ?? year;
		return !y ? null : p.from === 1 && p.to === 4 ? y : `${y}-Q${p.from}-Q${p.to}`;
	}
	const quarters = siblings.filter((s): s is Extract<AxisPeriod, { kind: 'quarter' }> => s.kind === 'quarter');
	const years = new Set(quarters.map((q) => q.year ?? year));
	if (quarters.length >= 2 && years.size === 1) {
		const y = [...years][0];
		if (!y) return null;
		const qs = quarters.map((q) => q.quarter);
		const lo = Math.min(...qs);
		const hi = Math.max(...qs);
		if (lo === 1 && hi === 4) return y;
		return `${y}-Q${lo}-Q${hi}`;
	}
	const halves = siblings.filter((s) => s.kind === 'half');
	if (halves.length === 2 && year) return year;
	// Months beside a total: the half or the quarters they fill.
	const months = siblings.filter((s): s is Extract<AxisPeriod, { kind: 'month' }> => s.kind === 'month').map((s) => s.month);
	if (months.length >= 3 && year) {
		const [lo, hi] = [Math.min(...months), Math.max(...months)];
		if (hi - lo + 1 === months.length) return monthRun(lo, hi, year)?.period ?? null;
	}
	return null;
}

// ---- orientation ----

/**
 * Which axis holds the metrics: 'columns' when the column headers name them, 'rows' when the row
 * labels do and the columns hold periods, areas or entities instead (a transposed table).
 */
export function metricAxis(table: ReadTable, isMetric: (label: string) => boolean): 'columns' | 'rows' {
	const inColumns = table.columns.filter((c) => isMetric(c)).length;
	const rows = table.rows.filter((r) => !r.total);
	const inRows = rows.filter((r) => isMetric(r.label)).length;
	return inRows > inColumns && inRows >= Math.ceil(rows.length / 2) ? 'rows' : 'columns';
}

const TOTAL_LABEL = /(?:^|\s)i alt$|^(?:i alt|total|samlet|hovedtotal)\b/i;

/**
 * The table turned the other way round, for reading a table printed with its metrics as rows:
 * each column becomes a row, each row a column. Every value keeps the span of the row it was
 * printed in, so a fact still quotes its own line.
 */
export function transpose(table: ReadTable): ReadTable {
	const rows: TableRow[] = table.columns.map((column, i) => ({
		label: column,
		values: table.rows.map((r) => r.values[i]),
		percents: table.rows.map((r) => r.percents?.[i] ?? false),
		...(table.rows.some((r) => r.worded) ? { worded: table.rows.map((r) => r.worded?.[i] ?? false) } : {}),
		cellSpans: table.rows.map((r) => ({ start: r.start, end: r.end })),
		start: Math.min(...table.rows.map((r) => r.start)),
		end: Math.max(...table.rows.map((r) => r.end)),
		total: TOTAL_LABEL.test(column.trim())
	}));
	return { ...table, columns: table.rows.map((r) => r.label), rows };
}
