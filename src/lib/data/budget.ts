import { comparePeriods, familyFacts, mainMunicipality, municipalities, type FactRow } from './facts';
import { shownFacts } from './klagesager';
import type { Runner } from './runner';

export const TOTAL_QUOTE = /^\s*I alt\b/i;

export interface BudgetOptions {
	municipalities: string[];
	municipality: string;
}

export async function budgetOptions(run: Runner): Promise<BudgetOptions> {
	const all = await municipalities(run);
	return { municipalities: all, municipality: await mainMunicipality(run) };
}

/** A municipality's budget facts, each figure once per committee (see firstMentions). */
export async function budgetFacts(run: Runner, municipality: string): Promise<FactRow[]> {
	return firstMentions(await familyFacts(run, 'budget', [municipality]));
}

/**
 * Each committee's facts as the page shows them: a figure stated again in a later meeting (same
 * committee, area, period) is left out, as the tables and charts show the first; beside an
 * "I alt" row stays its whole table, which the comparison sums.
 */
export function firstMentions(facts: FactRow[]): FactRow[] {
	const byCommittee = new Map<string, FactRow[]>();
	for (const f of facts) {
		const key = f.committee ?? '';
		byCommittee.set(key, [...(byCommittee.get(key) ?? []), f]);
	}
	const kept = new Set([...byCommittee.values()].flatMap((group) => shownFacts(group)));
	return facts.filter((f) => kept.has(f));
}

export const FOLLOW_UP_METRICS = [
	'vedtaget_budget',
	'korrigeret_budget',
	'forventet_forbrug',
	'afvigelse_vedtaget_budget',
	'afvigelse_korrigeret_budget'
];

/** The follow-ups in time order: periods with a budget, a forecast or a deviation (not grants alone). */
export function followUps(facts: FactRow[]): string[] {
	return [...new Set(facts.filter((f) => FOLLOW_UP_METRICS.includes(f.metric)).map((f) => f.period))].sort(comparePeriods);
}

/** The area whose forecast was followed the most times (the total wins a tie). */
export function mostFollowed(facts: FactRow[]): string | null {
	const periods = new Map<string, Set<string>>();
	for (const f of facts)
		if (f.metric.startsWith('afvigelse_') && f.metric !== 'afvigelse_serviceramme')
			periods.set(f.area, (periods.get(f.area) ?? new Set()).add(f.period));
	const total = mainArea(facts);
	const ranked = [...periods.entries()].sort(
		(a, b) => b[1].size - a[1].size || Number(b[0] === total) - Number(a[0] === total)
	);
	return ranked[0]?.[0] ?? total;
}

/** The areas of a follow-up, rows first and the "I alt" total last; totals are found by their quote. */
export function budgetAreas(facts: FactRow[]): { area: string; total: boolean }[] {
	const total = new Set(facts.filter((f) => TOTAL_QUOTE.test(f.quote)).map((f) => f.area));
	const seen: string[] = [];
	for (const f of facts) if (!seen.includes(f.area)) seen.push(f.area);
	return [...seen.filter((a) => !total.has(a)), ...seen.filter((a) => total.has(a))].map((area) => ({
		area,
		total: total.has(area)
	}));
}

/** The area a page opens on: the total, else the largest budget. */
export function mainArea(facts: FactRow[]): string | null {
	const total = facts.find((f) => TOTAL_QUOTE.test(f.quote));
	if (total) return total.area;
	const largest = facts
		.filter((f) => f.metric === 'vedtaget_budget' || f.metric === 'korrigeret_budget')
		.sort((a, b) => Math.abs(b.value) - Math.abs(a.value))[0];
	return largest?.area ?? facts[0]?.area ?? null;
}
