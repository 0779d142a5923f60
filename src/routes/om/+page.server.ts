import { about } from '$lib/data/about';
import { buildRunner } from '$lib/data/node.server';

export const load = async () => ({ about: await about(await buildRunner()) });
