import { buildRunner } from '$lib/data/node.server';
import { DEFAULT_QUERY, explore, explorerOptions } from '$lib/data/explorer';

export const load = async () => {
	const run = await buildRunner();
	return { options: await explorerOptions(run), first: await explore(run, DEFAULT_QUERY) };
};
