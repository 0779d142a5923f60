import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSite, type Site } from './harness';

/** The SQL engine's files: its wasm, its worker and the Parquet it reads. */
const ENGINE = /duckdb|\.wasm(\?|$)|\.parquet(\?|$)/;

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

async function hydrated(page: Page) {
	await page.locator('main[data-hydrated]').waitFor({ timeout: 30_000 });
}

/** Milliseconds from a click on the link until the dialog shows the highlighted quote. */
async function tapToSentence(page: Page, link: string): Promise<{ ms: number; quote: string }> {
	const started = Date.now();
	await page.locator(link).first().click();
	const mark = page.locator('dialog[open] .text mark');
	await mark.waitFor({ timeout: 20_000 });
	return { ms: Date.now() - started, quote: (await mark.textContent()) ?? '' };
}

describe('a tap answers from a small file', () => {
	test('with the SQL engine blocked, a chart mark and an explorer cell still show the highlighted sentence', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
		const blocked: string[] = [];
		await context.route(ENGINE, (route) => (blocked.push(route.request().url()), route.abort()));
		try {
			const page = await context.newPage();
			await page.goto(new URL('klagesager/', site.url).href);
			await hydrated(page);
			const chart = await tapToSentence(page, 'figure.chart a.mark[aria-label*="2025: 37 %"]');
			expect(chart.quote).toContain('37 pct');
			await expect(page.locator('dialog[open]').textContent()).resolves.toContain('Punkt 7');
			// Nothing on this page needs the engine, so nothing says it is missing.
			await expect(page.locator('.engine-failed').count()).resolves.toBe(0);

			await page.goto(new URL('tal/', site.url).href);
			await hydrated(page);
			const cell = await tapToSentence(page, 'table.facts-table td.quote a');
			expect(cell.quote.length).toBeGreaterThan(5);
			// The explorer's search needs the engine: it says so, there and only there.
			await page.locator('.engine-failed').waitFor({ timeout: 30_000 });
			expect(blocked.some((u) => /duckdb/.test(u))).toBe(true);
			await page.close();
		} finally {
			await context.close();
		}
	});

	test('on a 10 Mbit/s, 40 ms network the sentence is on screen within 1 s of the tap', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
		try {
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 40,
				downloadThroughput: 10e6 / 8,
				uploadThroughput: 10e6 / 8
			});
			await page.goto(new URL('klagesager/', site.url).href);
			await hydrated(page);
			const { ms, quote } = await tapToSentence(page, 'figure.chart a.mark[aria-label*="2025: 37 %"]');
			expect(quote).toContain('37 pct');
			expect(ms).toBeLessThan(1000);
			await page.close();
		} finally {
			await context.close();
		}
	});
});
