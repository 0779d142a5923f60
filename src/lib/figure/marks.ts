import type { BarDatum, MarkInfo, TableCell } from '$lib/charts';
import type { FactRow } from '$lib/data/facts';
import { sourceHref } from '$lib/data/urlstate';
import { formatPeriode, formatValue, metricLabel } from '$lib/format';

/** What a chart mark says and where it leads: the source of its fact. */
export function markFor(f: FactRow, params: URLSearchParams, text?: string): MarkInfo {
	const value = text ?? formatValue(f.value, f.unit);
	return {
		href: sourceHref(params, f.fact_id),
		label: `${metricLabel(f.metric)}, ${f.entity}, ${f.area}, ${formatPeriode(f.period)}: ${value}`,
		flagged: f.check === 'inconsistent',
		note: f.check_note
	};
}

export function datumFor(f: FactRow, params: URLSearchParams, text?: string): BarDatum {
	return { value: f.value, mark: markFor(f, params, text) };
}

export function cellFor(f: FactRow | undefined, params: URLSearchParams, text?: string): TableCell {
	if (!f) return { text: '–' };
	return {
		text: text ?? formatValue(f.value, f.unit),
		href: sourceHref(params, f.fact_id),
		note: f.check === 'inconsistent' ? (f.check_note ?? 'Uoverensstemmelse') : null
	};
}

/** The first fact per key, for picking one value when a figure is stated in several places. */
export function index(facts: FactRow[], key: (f: FactRow) => string): Map<string, FactRow> {
	const out = new Map<string, FactRow>();
	for (const f of facts) if (!out.has(key(f))) out.set(key(f), f);
	return out;
}
