import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineReady, external, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

describe('overblik', () => {
	test('cards show the latest figures in Danish, with the change in words and sign', async () => {
		const page = await site.open('/');
		const omg = page.locator('[data-card="omgoerelse"]').filter({ hasText: 'Psykiatri- og Handicapudvalget' });
		await expect(omg.locator('.value').textContent()).resolves.toContain('37 %');
		await expect(omg.textContent()).resolves.toContain('+15 procentpoint siden 2024');
		const budget = page.locator('[data-card="budget"]');
		await expect(budget.textContent()).resolves.toContain('merforbrug 46,0 mio. kr.');
		await expect(budget.textContent()).resolves.toContain('mindreforbrug 4,6 mio. kr.');
		const reported = page.locator('[data-card="magtanvendelse"]').filter({ hasText: 'Indberettede magtanvendelser' });
		await expect(reported.locator('.value').textContent()).resolves.toContain('16');
		await expect(reported.textContent()).resolves.toContain('-7 siden 2023');
		const notAllowed = page.locator('[data-card="magtanvendelse"]').filter({ hasText: 'Ikke-tilladte' });
		await expect(notAllowed.locator('.value').textContent()).resolves.toContain('4');
		await expect(page.locator('[data-card] svg.sparkline').count()).resolves.toBeGreaterThan(2);
		await engineReady(page);
		// Only the explorer starts the SQL engine; the overview needs neither it nor the Parquet files.
		expect(site.requests.some((r) => r.includes('.parquet') || r.includes('duckdb'))).toBe(false);
		if (process.env.UPDATE_DOCS === '1') await page.screenshot({ path: 'docs/overview.png', fullPage: true });
		await page.close();
	});

	test('a card links to the sentence its figure comes from', async () => {
		const page = await site.open('/');
		await engineReady(page);
		await page.locator('[data-card="budget"] .value a').click();
		const dialog = page.locator('dialog[open]');
		// The first place the minutes state the figure: the Resumé's sentence.
		await expect(dialog.locator('mark').textContent({ timeout: 20_000 })).resolves.toContain('samlet forventet merforbrug på 46,0 mio. kr.');
		await expect(dialog.textContent()).resolves.toContain('04.12.2024');
		// The sentence comes from the item's own small file, not from the SQL engine.
		expect(site.requests.some((r) => /\/data\/site\/\w+\/punkt\/\d+\.json$/.test(r))).toBe(true);
		expect(site.requests.some((r) => r.includes('.parquet') || r.includes('duckdb'))).toBe(false);
		await page.close();
	});
});

describe('klagesager', () => {
	test('omgørelsesprocent per year with the real figures, in Danish', async () => {
		const page = await site.open('/klagesager/');
		const chart = page.locator('figure.chart').first();
		const labels = await chart.locator('svg text').allTextContents();
		for (const v of ['38 %', '22 %', '37 %']) expect(labels).toContain(v);
		const bars = await page.locator('figure.chart').nth(1).locator('svg text').allTextContents();
		expect(bars).toEqual(expect.arrayContaining(['51', '27', 'I alt 80']));
		await page.close();
	});

	test('a chart mark opens its agenda item with the quote highlighted', async () => {
		const page = await site.open('/klagesager/');
		await engineReady(page);
		await page.locator('figure.chart').first().locator('a.mark[aria-label*="2025: 37 %"]').first().click();
		await page.waitForURL(/kilde=/);
		const dialog = page.locator('dialog[open]');
		const mark = dialog.locator('mark');
		await expect(mark.textContent({ timeout: 20_000 })).resolves.toContain('37 pct');
		await expect(dialog.textContent()).resolves.toContain('06.05.2026');
		await expect(dialog.textContent()).resolves.toContain('Punkt 7');
		await page.keyboard.press('Escape');
		await page.waitForFunction(() => !location.search.includes('kilde='));
		await page.close();
	});

	test('the area filter lives in the URL; the inconsistent figure is flagged with its note', async () => {
		const page = await site.open('/klagesager/');
		await engineReady(page);
		await page.getByRole('checkbox', { name: 'socialområdet', exact: true }).check();
		await page.waitForFunction(() => decodeURIComponent(location.search).includes('omraade=socialområdet'));
		const stacked = page.locator('figure.chart', { hasText: 'Afgjorte klagesager pr. år, socialområdet' });
		await stacked.waitFor();
		await expect(stacked.locator('svg text').allTextContents()).resolves.toEqual(expect.arrayContaining(['56', '38']));
		const flagged = stacked.locator('a.mark.flagged').first();
		await expect(flagged.getAttribute('aria-label')).resolves.toMatch(/uoverensstemmelse: .*90/i);
		await flagged.focus();
		await expect(stacked.locator('.tip').textContent()).resolves.toContain('90');
		const shared = page.url();
		const again = await site.open(shared);
		await again.locator('figure.chart', { hasText: 'Afgjorte klagesager pr. år, socialområdet' }).waitFor({ timeout: 30_000 });
		await expect(again.getByRole('checkbox', { name: 'socialområdet', exact: true }).isChecked()).resolves.toBe(true);
		await expect(again.locator('figure.chart').first().locator('svg').textContent()).resolves.toContain('48 %');
		await page.close();
		await again.close();
	});
});

describe('when the SQL engine cannot start', () => {
	test('the explorer says so in Danish after 10 s; the chart pages never need it', async () => {
		const context = await site.browser.newContext();
		await context.route('**/*.wasm', () => undefined);
		const page = await context.newPage();
		await page.goto(new URL('/klagesager/', site.url).href);
		await page.locator('main[data-hydrated]').waitFor();
		const labels = await page.locator('figure.chart').first().locator('svg text').allTextContents();
		expect(labels).toContain('37 %');
		await page.locator('nav a', { hasText: 'Budget' }).click();
		await page.locator('table.budget-table').waitFor();
		await page.locator('nav a', { hasText: 'Alle tal' }).click();
		const alert = page.locator('.engine-failed[role="alert"]');
		await alert.waitFor({ timeout: 20_000 });
		await expect(alert.textContent()).resolves.toContain('kunne ikke starte inden for 10 sekunder');
		await expect(page.locator('table.facts-table tbody tr').count()).resolves.toBeGreaterThan(5);
		await page.locator('nav a', { hasText: 'Klagesager' }).click();
		await page.locator('figure.chart').first().waitFor();
		await expect(page.locator('.engine-failed').count()).resolves.toBe(0);
		await context.close();
	});
});

describe('the whole visit', () => {
	test('no request left the machine and the console stayed clean', () => {
		expect(site.requests.length).toBeGreaterThan(5);
		expect(external(site.requests, site.url)).toEqual([]);
		expect(site.errors).toEqual([]);
	});
});
