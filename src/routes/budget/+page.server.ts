import { buildRunner } from '$lib/data/node.server';
import { budgetFacts, budgetOptions } from '$lib/data/budget';

export const load = async () => {
	const run = await buildRunner();
	const options = await budgetOptions(run);
	return { options, facts: await budgetFacts(run, options.municipality) };
};
