import { buildRunner } from '$lib/data/node.server';
import { compareMunicipalities } from '$lib/data/overview';
import { budgetFacts, budgetOptions } from '$lib/data/budget';

export const load = async () => {
	const run = await buildRunner();
	const options = await budgetOptions(run);
	return { options, facts: await budgetFacts(run, options.municipality), municipalities: await compareMunicipalities(run, 'budget') };
};
