import { buildRunner } from '$lib/data/node.server';
import { compareMunicipalities } from '$lib/data/overview';
import { klagesagerFacts, klagesagerOptions } from '$lib/data/klagesager';

export const load = async () => {
	const run = await buildRunner();
	const options = await klagesagerOptions(run);
	return { options, facts: await klagesagerFacts(run, options.defaults), municipalities: await compareMunicipalities(run, 'omgoerelse') };
};
