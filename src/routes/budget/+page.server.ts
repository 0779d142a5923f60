import { buildRunner } from '$lib/data/node.server';
import { compareMunicipalities } from '$lib/data/overview';
import { budgetFacts, budgetOptions } from '$lib/data/budget';
import { budgetView } from '$lib/data/views';

export const load = async () => {
	const run = await buildRunner();
	const options = await budgetOptions(run);
	return {
		options,
		view: budgetView(options.municipality, await budgetFacts(run, options.municipality)),
		municipalities: await compareMunicipalities(run, 'budget')
	};
};
