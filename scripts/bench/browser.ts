/**
 * Browser figures of the built dashboard in Debian's Chromium, with the seeds and with a million
 * generated facts: time to first chart, time and bytes until the page answers a tap (hydrated),
 * bytes before the first chart, tap → highlighted sentence on a 10 Mbit/s, 40 ms network, the
 * compressed weight of every prerendered page (HTML and its data), and the latency of an explorer
 * filter change and a comparison table update; beside them the render floor, a plain static page
 * holding the same SVG.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { readdir } from 'node:fs/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from '../serve';
import { millionFacts } from './million';
import { buildSite, prepareSiteCopy } from './site';
import { median, percentile, round } from './stats';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LOADS = 5;
const CHANGES = 20;

export interface BrowserResult {
	rows: [string, string, string][];
	[key: string]: unknown;
}

/** Chart pages and the selector of the chart that counts as "first chart" on each. */
const PAGES = [
	{ path: '/', name: 'overview', chart: 'main svg' },
	{ path: '/klagesager/', name: 'klagesager', chart: 'main svg[role="group"]' },
	{ path: '/budget/', name: 'budget', chart: 'main svg' },
	{ path: '/tal/', name: 'explorer', chart: 'table.facts-table' }
];

/** A slow municipal network: 10 Mbit/s both ways, 40 ms latency. */
const SLOW = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
const TAPS = 3;

/** Where a tap opens a source on each page: a chart mark, a key card's figure, a table cell. */
const TAP_TARGETS = [
	{ path: '/klagesager/', name: 'klagesager chart mark', link: 'figure.chart a.mark' },
	{ path: '/', name: 'overview card', link: '[data-card] .value a' },
	{ path: '/tal/', name: 'explorer cell', link: 'table.facts-table td.quote a' }
];

interface Tap {
	page_ms: number;
	tap_ms: number;
	bytes_after_tap: number;
}

/**
 * A cold visit on the slow network, then a tap: milliseconds until the page is hydrated, and from
 * the tap until the highlighted sentence is on screen, with the bytes fetched for it.
 */
async function tapOnSlowNetwork(browser: Browser, url: string, link: string): Promise<Tap> {
	const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
	try {
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', SLOW);
		let bytes = 0;
		let counting = false;
		cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
			if (counting) bytes += e.encodedDataLength;
		});
		const started = Date.now();
		await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
		await page.locator('main[data-hydrated]').waitFor({ timeout: 60_000 });
		const pageMs = Date.now() - started;
		counting = true;
		const t0 = Date.now();
		await page.locator(link).first().click();
		await page.locator('dialog[open] mark').first().waitFor({ timeout: 60_000 });
		return { page_ms: pageMs, tap_ms: Date.now() - t0, bytes_after_tap: bytes };
	} finally {
		await context.close();
	}
}

async function tapLatencies(browser: Browser, base: string) {
	const out: Record<string, { median_tap_ms: number; p95_tap_ms: number; median_page_ms: number; bytes_after_tap: number; runs: number }> = {};
	for (const t of TAP_TARGETS) {
		const taps: Tap[] = [];
		for (let i = 0; i < TAPS; i++) taps.push(await tapOnSlowNetwork(browser, new URL(t.path.slice(1), base).href, t.link));
		out[t.name] = {
			median_tap_ms: round(median(taps.map((x) => x.tap_ms)), 0),
			p95_tap_ms: round(percentile(taps.map((x) => x.tap_ms), 95), 0),
			median_page_ms: round(median(taps.map((x) => x.page_ms)), 0),
			bytes_after_tap: Math.round(median(taps.map((x) => x.bytes_after_tap))),
			runs: TAPS
		};
	}
	return out;
}

/** Every prerendered page's HTML and its __data.json, compressed as the server sends them. */
async function pageWeights(siteDir: string): Promise<Record<string, { html: number; data: number; brotli: number; gzip: number }>> {
	const out: Record<string, { html: number; data: number; brotli: number; gzip: number }> = {};
	const walk = async (dir: string, path: string): Promise<void> => {
		const names = await readdir(join(siteDir, dir), { withFileTypes: true });
		if (names.some((n) => n.name === 'index.html')) {
			const html = await readFile(join(siteDir, dir, 'index.html'));
			const data = existsSync(join(siteDir, dir, '__data.json')) ? await readFile(join(siteDir, dir, '__data.json')) : Buffer.alloc(0);
			out[path] = {
				html: html.length,
				data: data.length,
				brotli: brotliCompressSync(html).length + (data.length ? brotliCompressSync(data).length : 0),
				gzip: gzipSync(html).length + (data.length ? gzipSync(data).length : 0)
			};
		}
		for (const n of names) if (n.isDirectory() && !['_app', 'data'].includes(n.name)) await walk(join(dir, n.name), `${path}${n.name}/`);
	};
	await walk('.', '/');
	return out;
}

/** Recorded in the page from the first byte: when the chart and the engine appeared, and paints. */
const PROBE = `(() => {
	const b = (window.__bench = { chart: null, engine: null, hydrated: null, fcp: null, selector: null });
	new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
	const look = () => {
		if (b.chart === null && b.selector) {
			const el = document.querySelector(b.selector);
			if (el && el.getBoundingClientRect().width > 0) {
				b.chart = -1;
				requestAnimationFrame(() => requestAnimationFrame(() => (b.chart = performance.now())));
			}
		}
		if (b.engine === null && document.querySelector('main[data-engine="ready"]')) b.engine = performance.now();
		if (b.hydrated === null && document.querySelector('main[data-hydrated]')) b.hydrated = performance.now();
	};
	new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-engine', 'data-hydrated'] });
	document.addEventListener('DOMContentLoaded', look);
})();`;

/** Page-side code is passed as text: tsx would wrap functions in helpers the page does not have. */
const READ_PROBE = `(() => ({ origin: performance.timeOrigin, chart: window.__bench.chart, fcp: window.__bench.fcp, engine: window.__bench.engine, hydrated: window.__bench.hydrated }))()`;

interface Load {
	chartMs: number;
	fcpMs: number | null;
	engineMs: number | null;
	bytesBeforeChart: number;
	urlsBeforeChart: string[];
	bytesUntilEngine: number | null;
	requestsUntilEngine: number | null;
	interactiveMs: number | null;
	bytesUntilInteractive: number | null;
	urlsUntilInteractive: string[];
}

interface Fetched {
	url: string;
	/** Epoch milliseconds when the last byte arrived. */
	end: number;
	bytes: number;
}

/**
 * One visit with an empty cache. Bytes are counted on the network (page and its workers: the
 * SQL engine is fetched by a worker), headers included, up to the moment the chart was painted.
 */
async function coldLoad(browser: Browser, url: string, selector: string, waitInteractive: boolean): Promise<Load> {
	const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
	const fetched: Promise<Fetched | null>[] = [];
	context.on('requestfinished', (request) => {
		fetched.push(
			request.sizes().then(
				(sizes) => {
					const t = request.timing();
					return { url: request.url(), end: t.startTime + t.responseEnd, bytes: sizes.responseBodySize + sizes.responseHeadersSize };
				},
				() => null
			)
		);
	});
	try {
		await context.addInitScript(`${PROBE}; window.__bench.selector = ${JSON.stringify(selector)};`);
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'commit' });
		await page.waitForFunction('window.__bench.chart > 0', null, { timeout: 60_000 });
		if (waitInteractive) await page.waitForFunction('window.__bench.hydrated !== null', null, { timeout: 60_000 });
		// Anything a page starts on its own in idle time (the explorer's engine) is given a moment to show up.
		if (waitInteractive) await page.waitForTimeout(500);
		const probe = (await page.evaluate(READ_PROBE)) as { origin: number; chart: number; fcp: number | null; engine: number | null; hydrated: number | null };
		const all = (await Promise.all(fetched)).filter((f): f is Fetched => f !== null);
		const upTo = (ms: number) => all.filter((f) => f.end <= probe.origin + ms);
		const sum = (list: Fetched[]) => list.reduce((n, f) => n + f.bytes, 0);
		const beforeChart = upTo(probe.chart);
		return {
			// Nothing is on screen before the first paint, however early the chart is in the DOM.
			chartMs: Math.max(probe.chart, probe.fcp ?? 0),
			fcpMs: probe.fcp,
			engineMs: probe.engine,
			bytesBeforeChart: sum(beforeChart),
			urlsBeforeChart: beforeChart.map((f) => f.url),
			bytesUntilEngine: probe.engine === null ? null : sum(upTo(probe.engine)),
			requestsUntilEngine: probe.engine === null ? null : upTo(probe.engine).length,
			interactiveMs: probe.hydrated,
			bytesUntilInteractive: probe.hydrated === null ? null : sum(upTo(probe.hydrated)),
			urlsUntilInteractive: probe.hydrated === null ? [] : upTo(probe.hydrated).map((f) => f.url)
		};
	} finally {
		await context.close();
	}
}

/** Sum of the gzip sizes of the files behind these URLs: what a server that compresses would send. */
async function gzipBytes(siteDir: string, base: string, urls: string[]): Promise<number> {
	let total = 0;
	for (const url of urls) {
		let path = decodeURIComponent(new URL(url).pathname);
		if (!url.startsWith(base)) continue;
		if (path.endsWith('/')) path += 'index.html';
		const file = join(siteDir, path);
		if (existsSync(file)) total += gzipSync(await readFile(file)).length;
	}
	return total;
}

/** Milliseconds from a change the user makes until the changed table is on screen. */
async function changeLatency(page: Page, act: string, tableSelector: string, busyAttribute: boolean): Promise<number> {
	return (await page.evaluate(`(async () => {
		const table = document.querySelector(${JSON.stringify(tableSelector)});
		const busyAttribute = ${busyAttribute};
		const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
		const done = new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no update of the table')), 60000);
			let busySeen = false;
			const observer = new MutationObserver((records) => {
				// A query that answers within one batch of mutations flips aria-busy twice.
				if (records.some((r) => r.attributeName === 'aria-busy' && r.target === table)) busySeen = true;
				if (busyAttribute && (!busySeen || table.getAttribute('aria-busy') === 'true')) return;
				observer.disconnect();
				clearTimeout(timer);
				resolve(null);
			});
			observer.observe(table, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true });
		});
		const t0 = performance.now();
		${act}
		await done;
		await frame();
		await frame();
		return performance.now() - t0;
	})()`)) as number;
}

interface Latency {
	median_ms: number;
	p95_ms: number;
	runs: number;
}

const summarize = (ms: number[]): Latency => ({ median_ms: round(median(ms), 1), p95_ms: round(percentile(ms, 95), 1), runs: ms.length });

async function explorerLatency(browser: Browser, base: string): Promise<Latency & { filter: string }> {
	const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
	try {
		const page = await context.newPage();
		await page.goto(new URL('tal/', base).href);
		await page.locator('main[data-engine="ready"]').waitFor({ timeout: 60_000 });
		const optionsOf = (id: string) => page.evaluate(`[...document.querySelectorAll('#${id} option')].map((o) => o.value).filter(Boolean)`) as Promise<string[]>;
		const values = await optionsOf('filter-kommune');
		const families = await optionsOf('filter-familie');
		const picks = values.length >= 2 ? { id: 'filter-kommune', values } : { id: 'filter-familie', values: families };
		const act = (v: string) =>
			`const s = document.getElementById(${JSON.stringify(picks.id)}); s.value = ${JSON.stringify(v)}; s.dispatchEvent(new Event('change', { bubbles: true }));`;
		const ms: number[] = [];
		for (let i = 0; i <= CHANGES; i++) {
			const took = await changeLatency(page, act(picks.values[i % picks.values.length]), 'table.facts-table', true);
			if (i > 0) ms.push(took); // the first query also warms the engine's caches
		}
		return { ...summarize(ms), filter: picks.id };
	} finally {
		await context.close();
	}
}

async function comparisonLatency(browser: Browser, base: string, path: string): Promise<Latency | null> {
	const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
	try {
		const page = await context.newPage();
		await page.goto(new URL(path.slice(1), base).href);
		await page.locator('main[data-hydrated]').waitFor({ timeout: 60_000 });
		const boxes = await page.locator('section.comparison input[name="perioder"]').count();
		if (boxes < 3) return null;
		const ms: number[] = [];
		for (let i = 0; i <= CHANGES; i++) {
			// Toggle the first period on and off; the last two stay chosen.
			const act = `document.querySelector('section.comparison input[name="perioder"]').click();`;
			const took = await changeLatency(page, act, 'section.comparison table.compare-table', false);
			if (i > 0) ms.push(took);
		}
		return summarize(ms);
	} finally {
		await context.close();
	}
}

/** A static page with nothing but the chart's SVG: how fast Chromium can show that SVG at all. */
async function writeFloorPage(browser: Browser, base: string, siteDir: string, path: string, selector: string, name: string): Promise<string> {
	const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		await page.goto(new URL(path.slice(1), base).href);
		await page.locator(selector).first().waitFor();
		const svg = (await page.evaluate(`document.querySelector(${JSON.stringify(selector)}).outerHTML`)) as string;
		const file = `bench-floor-${name}.html`;
		await writeFile(join(siteDir, file), `<!doctype html>\n<html lang="da"><meta charset="utf-8"><title>Gulv</title><body>${svg}</body></html>\n`);
		return file;
	} finally {
		await context.close();
	}
}

/** NOEGLETAL_BENCH_WEIGHTS_ONLY=1: only the prerendered pages' weight, no browser timings (a quick look at a million facts). */
const WEIGHTS_ONLY = process.env.NOEGLETAL_BENCH_WEIGHTS_ONLY === '1';

async function measureSite(browser: Browser, siteDir: string, label: string) {
	if (WEIGHTS_ONLY) return { label, weights_only: true, page_weights: await pageWeights(siteDir) };
	// The floor pages are written first: the server lists the site's files when it starts.
	const floorFiles: string[] = [];
	const first = await serve({ root: siteDir, port: 0 });
	try {
		for (const p of PAGES) floorFiles.push(await writeFloorPage(browser, first.url, siteDir, p.path, p.chart, p.name));
	} finally {
		await new Promise<void>((done) => (first.server as Server).close(() => done()));
	}
	const { server, url } = await serve({ root: siteDir, port: 0 });
	try {
		const pages: Record<string, unknown> = {};
		for (const [index, p] of PAGES.entries()) {
			const floorFile = floorFiles[index];
			const loads: Load[] = [];
			const floors: Load[] = [];
			for (let i = 0; i < LOADS; i++) {
				loads.push(await coldLoad(browser, new URL(p.path.slice(1), url).href, p.chart, true));
				floors.push(await coldLoad(browser, new URL(floorFile, url).href, p.chart.replace(/^main /, ''), false));
			}
			const mid = [...loads].sort((a, b) => a.chartMs - b.chartMs)[Math.floor(LOADS / 2)];
			pages[p.name] = {
				first_chart_ms: round(median(loads.map((l) => l.chartMs)), 0),
				first_contentful_paint_ms: round(median(loads.map((l) => l.fcpMs ?? Number.NaN)), 0),
				engine_ready_ms: round(median(loads.map((l) => l.engineMs ?? Number.NaN)), 0),
				interactive_ms: round(median(loads.map((l) => l.interactiveMs ?? Number.NaN)), 0),
				bytes_until_interactive: mid.bytesUntilInteractive,
				gzip_bytes_until_interactive: await gzipBytes(siteDir, url, mid.urlsUntilInteractive),
				bytes_before_first_chart: mid.bytesBeforeChart,
				gzip_bytes_before_first_chart: await gzipBytes(siteDir, url, mid.urlsBeforeChart),
				requests_before_first_chart: mid.urlsBeforeChart.length,
				bytes_until_engine_ready: mid.bytesUntilEngine,
				requests_until_engine_ready: mid.requestsUntilEngine,
				floor_first_chart_ms: round(median(floors.map((l) => l.chartMs)), 0),
				floor_bytes: floors[0].bytesBeforeChart,
				loads: LOADS
			};
		}
		const taps = await tapLatencies(browser, url);
		const weights = await pageWeights(siteDir);
		const explorer = await explorerLatency(browser, url);
		const comparison = await comparisonLatency(browser, url, '/klagesager/');
		return { label, pages, taps_at_10_mbit: taps, page_weights: weights, explorer_filter_change: explorer, comparison_table_update: comparison };
	} finally {
		await new Promise<void>((done) => (server as Server).close(() => done()));
	}
}

function extractSeeds(root: string, out: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', '--input', 'seeds', '--out', out], { cwd: root, stdio: 'ignore' });
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`extracting the seeds failed (${code})`))));
	});
}

export async function runBrowserBench(root: string, bigExtraction: string | null, maxCopies?: number): Promise<BrowserResult | { skipped: string }> {
	if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing` };
	for (const file of ['src/routes/tal/+page.svelte', 'src/routes/klagesager/+page.svelte', 'src/routes/Comparison.svelte'])
		if (!existsSync(join(root, file))) return { skipped: `the dashboard is not built yet (${file} is missing)` };

	// NOEGLETAL_BENCH_REUSE=1 measures the sites the last run built again (after a change of the bench, not of the site).
	const builtList = join(root, 'bench', 'corpus', '.site', 'builds.json');
	let builds: { label: string; dir: string; facts: number | null; build_s: number }[] = [];
	let skipped: string | null = null;
	if (process.env.NOEGLETAL_BENCH_REUSE === '1' && existsSync(builtList)) builds = JSON.parse(await readFile(builtList, 'utf8'));
	else {
		const copy = await prepareSiteCopy(root);
		const seedsData = join(copy, '.data-seeds');
		await extractSeeds(root, seedsData);
		const seeds = await buildSite(copy, seedsData, 'seeds');
		builds.push({ label: 'seeds', dir: seeds.dir, facts: null, build_s: round(seeds.seconds, 1) });
		if (bigExtraction) {
			const millionData = join(copy, '.data-million');
			const made = await millionFacts(bigExtraction, millionData, 1_000_000, maxCopies);
			if (made.copies > 0) {
				const million = await buildSite(copy, millionData, 'million');
				builds.push({ label: 'million', dir: million.dir, facts: made.facts, build_s: round(million.seconds, 1) });
			} else skipped = `no million-fact figures: ${made.facts} facts extracted, too few to repeat into a million (run with --mb 200)`;
		}
		await writeFile(builtList, JSON.stringify(builds));
	}

	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	const sites = [];
	try {
		for (const b of builds) sites.push({ ...(await measureSite(browser, b.dir, b.label)), facts: b.facts, build_s: b.build_s });
	} finally {
		await browser.close();
	}

	const rows: [string, string, string][] = [];
	const kb = (n: number | null) => (n === null ? '–' : `${round(n / 1024, 0)} KB`);
	if (WEIGHTS_ONLY) {
		for (const s of sites)
			for (const [page, w] of Object.entries(s.page_weights))
				rows.push([`page weight ${page} (${s.label})`, `raw ${kb(w.html + w.data)} (HTML ${kb(w.html)}, data ${kb(w.data)}), brotli ${kb(w.brotli)}, gzip ${kb(w.gzip)}`, '≤ 200 KB brotli']);
		return { rows, sites, weights_only: true };
	}
	for (const s of sites as Extract<(typeof sites)[number], { pages: unknown }>[]) {
		const name = s.label === 'million' ? `${Math.round((s.facts ?? 0) / 1000)}k facts` : 'seeds';
		const target = s.label === 'million' ? '≤ 1500 ms' : '≤ 1000 ms';
		for (const [page, v] of Object.entries(s.pages) as [string, any][]) {
			rows.push([`first chart, ${page} (${name})`, `${v.first_chart_ms} ms (floor ${v.floor_first_chart_ms} ms)`, target]);
			rows.push([`  bytes before first chart`, `${kb(v.bytes_before_first_chart)} (gzip ${kb(v.gzip_bytes_before_first_chart)}, floor ${kb(v.floor_bytes)})`, '< 500 KB']);
			rows.push([`  interactive (hydrated)`, `${v.interactive_ms} ms, ${kb(v.bytes_until_interactive)} by then (gzip ${kb(v.gzip_bytes_until_interactive)})`, '≤ 500 KB']);
			if (v.bytes_until_engine_ready !== null) rows.push([`  SQL engine ready`, `${v.engine_ready_ms} ms, ${kb(v.bytes_until_engine_ready)} by then`, '']);
		}
		for (const [target, t] of Object.entries(s.taps_at_10_mbit))
			rows.push([`tap → sentence, ${target} (${name}, 10 Mbit/s)`, `median ${t.median_tap_ms} ms, p95 ${t.p95_tap_ms} ms, ${kb(t.bytes_after_tap)}; page ${t.median_page_ms} ms`, '≤ 1000 ms']);
		const heaviest = Object.entries(s.page_weights).sort((a, b) => b[1].brotli - a[1].brotli);
		rows.push([`page weight, HTML + data (${name})`, heaviest.map(([p, w]) => `${p} ${kb(w.brotli)}`).join(', '), '≤ 200 KB brotli']);
		const e = s.explorer_filter_change;
		rows.push([`explorer filter change (${name})`, `median ${e.median_ms} ms, p95 ${e.p95_ms} ms`, s.label === 'million' ? '≤ 100 ms p95' : '']);
		const c = s.comparison_table_update;
		rows.push([`comparison update (${name})`, c ? `median ${c.median_ms} ms, p95 ${c.p95_ms} ms` : 'fewer than 3 periods', s.label === 'million' ? '≤ 100 ms p95' : '']);
	}
	if (skipped) rows.push(['million-fact figures', skipped.replace(/^no million-fact figures: /, 'not measured: '), '']);
	return { rows, sites, loads_per_page: LOADS, changes_per_measure: CHANGES, server: 'scripts/serve.ts on 127.0.0.1 (brotli/gzip files written by scripts/precompress.ts)' };
}
