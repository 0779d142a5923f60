import { areasOf, type AreaInfo } from './areas';
import { familyFacts, mainMunicipality, municipalities, NATIONAL, type FactRow } from './facts';
import type { Runner } from './runner';

export interface KlagesagerSelection {
	municipality: string;
	areas: string[];
	compare: string[];
}

export interface KlagesagerOptions {
	municipalities: string[];
	/** Everyone the minutes give an omgørelsesprocent for, also municipalities named only in others' minutes. */
	comparable: string[];
	areas: AreaInfo[];
	defaults: KlagesagerSelection;
}

export async function klagesagerOptions(run: Runner): Promise<KlagesagerOptions> {
	const all = await municipalities(run);
	const municipality = await mainMunicipality(run);
	const areas = await areasOf(run, 'klagesager', municipality, 'omgoerelsespct');
	const named = await run.all<{ entity: string }>(
		`SELECT DISTINCT entity FROM facts WHERE family = 'klagesager' AND metric = 'omgoerelsespct' AND entity <> ?`,
		[NATIONAL]
	);
	const comparable = [...new Set([...all, ...named.map((r) => r.entity)])].sort((a, b) => a.localeCompare(b, 'da'));
	return {
		municipalities: all,
		comparable,
		areas,
		defaults: { municipality, areas: areas.slice(0, 1).map((a) => a.area), compare: [] }
	};
}

const TOTAL = /^\s*I alt\b/i;

/**
 * The facts the page can show: the first of each figure and period (charts and comparison take
 * the first), and beside an "I alt" fact the rest of its table, which the comparison sums.
 * Later mentions of the same figure (the national average is repeated in every meeting) go.
 */
export function shownFacts(facts: FactRow[]): FactRow[] {
	const first = new Set<FactRow>();
	const seen = new Set<string>();
	for (const f of facts) {
		const key = `${f.metric}|${f.entity}|${f.area}|${f.unit}|${f.period}`;
		if (!seen.has(key)) (seen.add(key), first.add(f));
	}
	const tables = new Set([...first].filter((f) => TOTAL.test(f.quote)).map((f) => `${f.doc_id}|${f.item_no}|${f.period}|${f.entity}`));
	return facts.filter((f) => first.has(f) || tables.has(`${f.doc_id}|${f.item_no}|${f.period}|${f.entity}`));
}

/** The klagesager facts shown for the chosen areas: the municipality, any compared ones, and the national average. */
export async function klagesagerFacts(run: Runner, selection: KlagesagerSelection): Promise<FactRow[]> {
	const entities = [selection.municipality, ...selection.compare, NATIONAL];
	return shownFacts(await familyFacts(run, 'klagesager', entities, selection.areas));
}
