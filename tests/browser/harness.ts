import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serve } from '../../scripts/serve';
import { openRunner } from '../../src/lib/data/node.server';
import { writeSet } from '../../src/lib/data/sitedata.server';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface Site {
	url: string;
	browser: Browser;
	context: BrowserContext;
	/** Every URL the browser asked for. */
	requests: string[];
	/** Console errors and uncaught page errors. */
	errors: string[];
	open(path: string): Promise<Page>;
	close(): Promise<void>;
}

/**
 * Serves build/ on 127.0.0.1 (a free port) and opens Chromium, recording requests and errors.
 * The data folder is the build's own, or NOEGLETAL_DATA when the build was made from another one.
 * `root` serves another built site (with its own data); `width` sets the window (390 for a phone).
 */
export async function startSite(options: { dataDir?: string; root?: string; width?: number } = {}): Promise<Site> {
	const root = options.root ?? 'build';
	if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/ mangler: kør "npm run build" først`);
	const dataDir = options.dataDir ?? (options.root ? undefined : process.env.NOEGLETAL_DATA);
	if (dataDir) await siteDataFor(root, dataDir);
	const { server, url } = await serve({ root, dataDir, port: 0 });
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
	const context = await browser.newContext({ acceptDownloads: true, viewport: { width: options.width ?? 1280, height: 900 }, locale: 'da-DK' });
	const requests: string[] = [];
	const errors: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	context.on('page', (p) => watch(p, errors));
	return {
		url,
		browser,
		context,
		requests,
		errors,
		async open(path: string) {
			const page = await context.newPage();
			await page.goto(new URL(path, url).href);
			return page;
		},
		async close() {
			await browser.close();
			await new Promise<void>((done) => (server as Server).close(() => done()));
		}
	};
}

/**
 * A swapped-in data folder gets the small files the build wrote for its own data, under the
 * build's folder name, so taps and filters read the swapped data as they would after a build.
 */
async function siteDataFor(root: string, dataDir: string): Promise<void> {
	const built = readdirSync(join(root, 'data', 'site')).find((n) => !n.startsWith('.'));
	if (!built) return;
	const target = join(dataDir, 'site', built);
	await rm(join(dataDir, 'site'), { recursive: true, force: true });
	await writeSet(await openRunner(dataDir), target, existsSync(join(dataDir, 'items.parquet')));
}

function watch(page: Page, errors: string[]) {
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
}

/**
 * Waits until the page answers a tap: hydrated, and on the explorer also the browser's SQL
 * engine started (its search and sorting need it; every other page reads small files).
 */
export async function engineReady(page: Page): Promise<void> {
	await page.locator('main[data-hydrated]').waitFor({ timeout: 30_000 });
	if (new URL(page.url()).pathname.endsWith('/tal/')) {
		await page.locator('main[data-engine="ready"]').waitFor({ timeout: 30_000 });
		await page.locator('table.facts-table[aria-busy="false"]').waitFor({ timeout: 30_000 });
	}
}

/** Opens a page of the site and waits until it answers and nothing on it is still loading. */
export async function openSettled(site: Site, path: string): Promise<Page> {
	const page = await site.open(path);
	await engineReady(page);
	await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !document.querySelector('.status')?.textContent?.includes('Henter'));
	await page.waitForTimeout(300);
	return page;
}

/** Requests that went anywhere but the local test server. */
export function external(requests: string[], base: string): string[] {
	return requests.filter((r) => !r.startsWith(base) && !r.startsWith('blob:') && !r.startsWith('data:'));
}
