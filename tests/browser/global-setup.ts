import { existsSync } from 'node:fs';
import { buildMultiSite, MULTI_BUILD } from './multi';

/** Builds the multi-municipality site once per run (NOEGLETAL_MULTI_REUSE=1 keeps an earlier build while developing). */
export default async function setup() {
	if (process.env.NOEGLETAL_MULTI_REUSE === '1' && existsSync(`${MULTI_BUILD}/index.html`)) return;
	await buildMultiSite();
}
