import { areasOf, type AreaInfo } from './areas';
import { familyFacts, municipalities, NATIONAL, type FactRow } from './facts';
import type { Runner } from './runner';

export interface KlagesagerSelection {
	municipality: string;
	areas: string[];
	compare: string[];
}

export interface KlagesagerOptions {
	municipalities: string[];
	areas: AreaInfo[];
	defaults: KlagesagerSelection;
}

export async function klagesagerOptions(run: Runner): Promise<KlagesagerOptions> {
	const all = await municipalities(run);
	const municipality = all[0] ?? '';
	const areas = await areasOf(run, 'klagesager', municipality, 'omgoerelsespct');
	return {
		municipalities: all,
		areas,
		defaults: { municipality, areas: areas.slice(0, 1).map((a) => a.area), compare: [] }
	};
}

/** Every klagesager fact for the chosen areas: the municipality, any compared ones, and the national average. */
export function klagesagerFacts(run: Runner, selection: KlagesagerSelection): Promise<FactRow[]> {
	const entities = [selection.municipality, ...selection.compare, NATIONAL];
	return familyFacts(run, 'klagesager', entities, selection.areas);
}
