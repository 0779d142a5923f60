/**
 * What the chart pages prerender: the view each opens on, with only the facts that view draws,
 * so the page does not grow with the minutes read; any other choice fetches the municipality's
 * file (files.ts).
 */
import { budgetSelection, type BudgetSelection } from '$lib/figure/budget';
import { magtSelection, type MagtSelection } from '$lib/figure/magtanvendelse';
import { followUps } from './budget';
import type { FactRow } from './facts';
import { defaultPair, periodKind } from './periods';

/**
 * /budget/: the chosen follow-up, the chosen area's movement through its year and the two periods
 * compared; the lists of committees, follow-ups and areas whole.
 */
export interface BudgetView {
	selection: BudgetSelection;
	/** The comparison's default periods, as it would choose them from every fact. */
	compared: string[];
}

export function budgetView(municipality: string, facts: FactRow[]): BudgetView {
	const s = budgetSelection(new URLSearchParams(), municipality, facts);
	const compared = defaultPair(s.facts.map((f) => ({ key: `${f.metric}|${f.entity}|${f.area}`, period: f.period })));
	const year = s.facts.find((f) => f.period === s.period)?.year;
	const drawn = s.facts.filter(
		(f) =>
			f.period === s.period ||
			compared.includes(f.period) ||
			(f.area === s.area && f.year === year && periodKind(f.period) !== 'aar' && followUps([f]).length > 0)
	);
	return { selection: { ...s, facts: drawn }, compared };
}

/** /magtanvendelse/: every area's name, the facts of the area shown. */
export interface MagtView {
	selection: MagtSelection;
	facts: FactRow[];
}

export function magtView(municipality: string, facts: FactRow[]): MagtView {
	const selection = magtSelection(new URLSearchParams(), municipality, facts);
	return { selection, facts: facts.filter((f) => f.area === selection.area) };
}
