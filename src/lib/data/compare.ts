import { BUDGET_METRICS, KLAGESAGER_METRICS, MAGTANVENDELSE_METRICS } from '$lib/extract/types';
import { comparePeriods, type FactRow } from './facts';

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
	/** Last minus first chosen period, in the figure's unit (percent points for pct). */
	delta: number | null;
	/** The change relative to the first period, in percent (counts and amounts only). */
	deltaPct: number | null;
	/** The change in percent points (percentages only). */
	procentpoint: number | null;
	/** For an "I alt" row: the sum of the table's other rows in the last period and whether it matches. */
	total: { sum: number; ok: boolean } | null;
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

/** Pivots facts into one row per figure and one column per chosen period, with the changes. */
export function compare(facts: FactRow[], periods: string[]): Comparison {
	const chosen = [...new Set(periods)].sort(comparePeriods);
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
		const a = values[0];
		const b = values[values.length - 1];
		const both = chosen.length > 1 && a != null && b != null;
		const unit = String(r.unit);
		const lastFact = factsFor[factsFor.length - 1];
		return {
			key,
			metric: String(r.metric),
			entity: String(r.entity),
			area: String(r.area),
			unit,
			values,
			facts: factsFor,
			delta: both && unit !== 'pct' ? b - a : null,
			deltaPct: both && unit !== 'pct' && a !== 0 ? ((b - a) / Math.abs(a)) * 100 : null,
			procentpoint: both && unit === 'pct' ? b - a : null,
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
