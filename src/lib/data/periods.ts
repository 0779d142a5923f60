import { comparePeriods } from './facts';

/**
 * The kinds of period the contract writes. Figures of different kinds never share an axis or a Δ:
 * a year against a quarter says nothing.
 */
export type PeriodKind = 'aar' | 'halvaar' | 'kvartal' | 'kvartaler' | 'maaned' | 'spaend' | 'andet';

const SHAPES: [PeriodKind, RegExp][] = [
	['aar', /^\d{4}$/],
	['halvaar', /^\d{4}-H[12]$/],
	['kvartal', /^\d{4}-Q[1-4]$/],
	['kvartaler', /^\d{4}-Q[1-4]-Q[1-4]$/],
	['maaned', /^\d{4}-(0[1-9]|1[0-2])$/],
	['spaend', /^\d{4}-\d{4}$/]
];

export function periodKind(period: string): PeriodKind {
	return SHAPES.find(([, shape]) => shape.test(period))?.[0] ?? 'andet';
}

/** The kind in words, for a picker: "År", "Kvartaler" … */
export const KIND_LABELS: Record<PeriodKind, string> = {
	aar: 'Hele år',
	halvaar: 'Halvår',
	kvartal: 'Kvartaler',
	kvartaler: 'Flere kvartaler',
	maaned: 'Opgjort pr. dato',
	spaend: 'Flere år',
	andet: 'Andre perioder'
};

/** The kinds present, in the order of their latest period (latest first). */
export function kindsOf(periods: readonly string[]): PeriodKind[] {
	const sorted = [...new Set(periods)].sort(comparePeriods).reverse();
	return [...new Set(sorted.map(periodKind))];
}

export function ofKind(periods: readonly string[], kind: PeriodKind): string[] {
	return [...new Set(periods)].filter((p) => periodKind(p) === kind).sort(comparePeriods);
}

/**
 * The kind a chart draws when the data holds several: the kind with the most periods, a tie going
 * to the kind whose latest period is the latest.
 */
export function mainKind(periods: readonly string[]): PeriodKind | null {
	const kinds = kindsOf(periods);
	if (kinds.length === 0) return null;
	const count = (k: PeriodKind) => ofKind(periods, k).length;
	return kinds.reduce((best, k) => (count(k) > count(best) ? k : best), kinds[0]);
}

/**
 * The periods a comparison opens on: for each kind its latest two periods, and of those pairs the
 * one the most figures are stated in both; a tie goes to the latest pair. With no kind having
 * two periods, the latest period alone.
 */
export function defaultPair(rows: readonly { key: string; period: string }[]): string[] {
	const periods = rows.map((r) => r.period);
	let best: { pair: string[]; shared: number } | null = null;
	for (const kind of kindsOf(periods)) {
		const list = ofKind(periods, kind);
		if (list.length < 2) continue;
		const pair = list.slice(-2);
		const keys = (p: string) => new Set(rows.filter((r) => r.period === p).map((r) => r.key));
		const a = keys(pair[0]);
		const shared = [...keys(pair[1])].filter((k) => a.has(k)).length;
		if (!best || shared > best.shared) best = { pair, shared };
	}
	if (best) return best.pair;
	const latest = [...new Set(periods)].sort(comparePeriods).at(-1);
	return latest ? [latest] : [];
}

/** The periods of the main kind only: what one axis may hold. */
export function sameKind(periods: readonly string[]): string[] {
	const kind = mainKind(periods);
	return kind ? ofKind(periods, kind) : [];
}

/** "pr. år", "pr. kvartal" … for headings. */
export function perKind(periods: readonly string[]): string {
	const kind = mainKind(periods);
	const words: Record<PeriodKind, string> = {
		aar: 'pr. år',
		halvaar: 'pr. halvår',
		kvartal: 'pr. kvartal',
		kvartaler: 'pr. periode',
		maaned: 'pr. opgørelse',
		spaend: 'pr. periode',
		andet: 'pr. periode'
	};
	return kind ? words[kind] : 'pr. år';
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** The last day a period covers, "2024-Q3" → "2024-09-30" (ISO), so periods of any kind can be ordered by recency. */
export function periodEnd(period: string): string {
	const year = Number(period.slice(0, 4));
	let m: RegExpMatchArray | null;
	if ((m = period.match(/^\d{4}-Q[1-4]-Q([1-4])$/)) || (m = period.match(/^\d{4}-Q([1-4])$/))) return monthEnd(year, Number(m[1]) * 3);
	if ((m = period.match(/^\d{4}-H([12])$/))) return monthEnd(year, Number(m[1]) * 6);
	if ((m = period.match(/^\d{4}-(0[1-9]|1[0-2])$/))) return monthEnd(year, Number(m[1]));
	if ((m = period.match(/^\d{4}-(\d{4})$/))) return `${m[1]}-12-31`;
	return `${Number.isFinite(year) ? year : 0}-12-31`;
}

/** Whether a figure's period ended a year or more before the newest one shown beside it. */
export function isOlder(period: string, newest: string): boolean {
	const end = periodEnd(period);
	const last = periodEnd(newest);
	const yearBefore = `${Number(last.slice(0, 4)) - 1}${last.slice(4)}`;
	return end <= yearBefore;
}
