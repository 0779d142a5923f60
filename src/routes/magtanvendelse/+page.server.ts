import { buildRunner } from '$lib/data/node.server';
import { compareMunicipalities } from '$lib/data/overview';
import { magtanvendelseFacts, magtanvendelseOptions } from '$lib/data/magtanvendelse';
import { magtView } from '$lib/data/views';

export const load = async () => {
	const run = await buildRunner();
	const options = await magtanvendelseOptions(run);
	return {
		options,
		view: magtView(options.municipality, await magtanvendelseFacts(run, options.municipality)),
		municipalities: await compareMunicipalities(run, 'magtanvendelse')
	};
};
