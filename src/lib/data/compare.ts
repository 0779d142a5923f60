import { BUDGET_METRICS, KLAGESAGER_METRICS, MAGTANVENDELSE_METRICS } from '$lib/extract/types';
import { comparePeriods, type FactRow } from './facts';
import { periodKind } from './periods';

const METRIC_ORDER: readonly string[] = [...KLAGESAGER_METRICS, ...BUDGET_METRICS, ...MAGTANVENDELSE_METRICS];

function metricRank(metric: string): number {
	const i = METRIC_ORDER.indexOf(metric);
	return i < 0 ? METRIC_ORDER.length : i;
}

/** One row of the controllers' comparison: a figure across the chosen periods. */
export interface ComparisonRow {
	key: string;
	metric: string;
	entity: string;
	area: string;
	unit: string;
	/** Value per chosen period (null where the minutes give none). */
	values: (number | null)[];
	facts: (FactRow | null)[];
	/** One change per adjacent pair of chosen periods (the first to the second, the second to the third …). */
	steps: Step[];
	/** The last step's change, in the figure's unit (counts and amounts). */
	delta: number | null;
	/** The last step's change relative to its start, in percent (counts and amounts, never a signed deviation). */
	deltaPct: number | null;
	/** The last step's change in percent points (percentages only). */
	procentpoint: number | null;
	/** For an "I alt" row: the sum of the table's other rows in the last period and whether it matches. */
	total: { sum: number; ok: boolean } | null;
}

/** The change from one chosen period to the next. */
export interface Step {
	from: string;
	to: string;
	delta: number | null;
	deltaPct: number | null;
	procentpoint: number | null;
}

/** A deviation is signed (merforbrug below zero): its change in percent means nothing. */
export const isSigned = (metric: string) => metric.startsWith('afvigelse');

function step(from: string, to: string, a: number | null, b: number | null, unit: string, metric: string): Step {
	const both = a != null && b != null;
	return {
		from,
		to,
		delta: both && unit !== 'pct' ? b - a : null,
		deltaPct: both && unit !== 'pct' && !isSigned(metric) && a !== 0 ? ((b - a) / Math.abs(a)) * 100 : null,
		procentpoint: both && unit === 'pct' ? b - a : null
	};
}

export interface Comparison {
	periods: string[];
	rows: ComparisonRow[];
}

const TOTAL = /^\s*I alt\b/i;

/** Tolerance for a sum of printed figures: half a unit of the last printed digit per row. */
function tolerance(unit: string, rows: number): number {
	if (unit === 'kr') return 50_000 * Math.max(rows, 1) + 1;
	return 0.5 * Math.max(rows, 1) + 1e-9;
}

/**
 * The rows an "I alt" fact sums up: in the same meeting, item and period, the other areas that
 * carry every figure the total row carries, each area from one row (so other tables in the item,
 * with other columns, stay out).
 */
function totalCheck(total: FactRow, all: FactRow[]): { sum: number; ok: boolean } | null {
	const sameTable = all.filter(
		(f) =>
			f.doc_id === total.doc_id &&
			f.item_no === total.item_no &&
			f.period === total.period &&
			f.entity === total.entity
	);
	const columns = new Set(sameTable.filter((f) => f.quote === total.quote).map((f) => f.metric));
	const rows = new Map<string, FactRow[]>();
	for (const f of sameTable)
		if (f.area !== total.area && !TOTAL.test(f.quote)) rows.set(`${f.area}|${f.quote}`, [...(rows.get(`${f.area}|${f.quote}`) ?? []), f]);
	const parts: FactRow[] = [];
	const seen = new Set<string>();
	for (const row of rows.values()) {
		const metrics = new Set(row.map((f) => f.metric));
		const area = row[0].area;
		if (seen.has(area) || ![...columns].every((m) => metrics.has(m))) continue;
		seen.add(area);
		const part = row.find((f) => f.metric === total.metric);
		if (part) parts.push(part);
	}
	if (parts.length < 2) return null;
	const sum = parts.reduce((s, f) => s + f.value, 0);
	return { sum, ok: Math.abs(sum - total.value) <= tolerance(total.unit, parts.length) };
}

/**
 * Pivots facts into one row per figure and one column per chosen period, with the change between
 * each adjacent pair. Periods of another kind than the latest chosen one are left out: a year
 * and a quarter are never set side by side.
 */
export function compare(facts: FactRow[], periods: string[]): Comparison {
	const sorted = [...new Set(periods)].sort(comparePeriods);
	const kind = sorted.length ? periodKind(sorted[sorted.length - 1]) : null;
	const chosen = sorted.filter((p) => periodKind(p) === kind);
	const inScope = facts.filter((f) => chosen.includes(f.period));
	if (inScope.length === 0 || chosen.length === 0) return { periods: chosen, rows: [] };
	// One row per figure (metric, entity, area, unit), in the order first seen; the value of each
	// period is its first fact's. (A plain pivot: a library compiling expressions needs 'unsafe-eval'.)
	const pivot = new Map<string, Pick<FactRow, 'metric' | 'entity' | 'area' | 'unit'>>();
	const first = new Map<string, FactRow>();
	for (const f of inScope) {
		const key = `${f.metric}|${f.entity}|${f.area}|${f.unit}`;
		if (!pivot.has(key)) pivot.set(key, { metric: f.metric, entity: f.entity, area: f.area, unit: f.unit });
		if (!first.has(`${key}|${f.period}`)) first.set(`${key}|${f.period}`, f);
	}
	const rows = [...pivot].map(([key, r]): ComparisonRow => {
		const factsFor = chosen.map((p) => first.get(`${key}|${p}`) ?? null);
		const values = factsFor.map((f) => (f ? f.value : null));
		const unit = String(r.unit);
		const metric = String(r.metric);
		const steps = chosen.slice(1).map((p, i) => step(chosen[i], p, values[i], values[i + 1], unit, metric));
		const last = steps.at(-1);
		const lastFact = factsFor[factsFor.length - 1];
		return {
			key,
			metric,
			entity: String(r.entity),
			area: String(r.area),
			unit,
			values,
			facts: factsFor,
			steps,
			delta: last?.delta ?? null,
			deltaPct: last?.deltaPct ?? null,
			procentpoint: last?.procentpoint ?? null,
			total: lastFact && TOTAL.test(lastFact.quote) ? totalCheck(lastFact, facts) : null
		};
	});
	rows.sort(
		(a, b) =>
			metricRank(a.metric) - metricRank(b.metric) ||
			a.metric.localeCompare(b.metric) ||
			a.area.localeCompare(b.area, 'da') ||
			a.entity.localeCompare(b.entity, 'da')
	);
	return { periods: chosen, rows };
}
