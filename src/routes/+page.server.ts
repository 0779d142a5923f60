import { buildRunner } from '$lib/data/node.server';
import { overview } from '$lib/data/overview';

export const load = async () => ({ overview: await overview(await buildRunner()) });
