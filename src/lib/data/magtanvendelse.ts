import { areasOf, type AreaInfo } from './areas';
import { familyFacts, mainMunicipality, municipalities, type FactRow } from './facts';
import { shownFacts } from './klagesager';
import type { Runner } from './runner';

export interface MagtanvendelseOptions {
	municipalities: string[];
	municipality: string;
	areas: AreaInfo[];
}

export async function magtanvendelseOptions(run: Runner): Promise<MagtanvendelseOptions> {
	const all = await municipalities(run);
	const municipality = await mainMunicipality(run);
	return {
		municipalities: all,
		municipality,
		areas: await areasOf(run, 'magtanvendelse', municipality, 'magtanvendelser_indberettet')
	};
}

/** A municipality's use-of-force facts, each figure once: a later meeting repeating it adds nothing the page shows. */
export async function magtanvendelseFacts(run: Runner, municipality: string): Promise<FactRow[]> {
	return shownFacts(await familyFacts(run, 'magtanvendelse', [municipality]));
}
