/// <reference types="vitest/config" />
import { sveltekit } from '@sveltejs/kit/vite';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { defineConfig, type Plugin } from 'vite';
import type { SiteDataMeta } from './src/lib/data/filekeys';

/**
 * Writes the small files a tap or a filter reads (src/lib/data/sitedata.server.ts) before the
 * build copies static/, and tells the pages where they are (`__SITE_DATA__`).
 */
function siteData(): Plugin {
	return {
		name: 'noegletal-site-data',
		async config(_, { mode }) {
			let meta: SiteDataMeta = { base: '', digits: 0 };
			if (mode !== 'test') {
				// Loaded through tsx, not bundled into the config: it reads the page modules as they are.
				const module = pathToFileURL(resolve('src/lib/data/sitedata.server.ts')).href;
				const { writeSiteData } = (await tsImport(module, import.meta.url)) as typeof import('./src/lib/data/sitedata.server');
				meta = await writeSiteData();
			}
			return { define: { __SITE_DATA__: JSON.stringify(meta) } };
		}
	};
}

export default defineConfig({
	plugins: [siteData(), sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts'],
		testTimeout: 30_000
	}
});
