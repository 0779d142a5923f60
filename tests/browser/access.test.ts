import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openSettled, startSite, type Site } from './harness';
import { MULTI_BUILD } from './multi';

/** Keyboard, screen reader and axe-core on the site of many municipalities. */
let site: Site;
beforeAll(async () => {
	site = await startSite({ root: MULTI_BUILD });
});
afterAll(async () => {
	await site?.close();
});

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['/', '/klagesager/', '/budget/', '/magtanvendelse/', '/tal/', '/om/', '/praesentation/'];

const openReady = (path: string): Promise<Page> => openSettled(site, path);

describe('before the page has hydrated', () => {
	test('every control is visibly disabled, so no choice is silently undone; after hydration they work', async () => {
		// A context of its own: the scripts refused here are no error of the site's.
		const bare = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
		for (const path of ['/', '/klagesager/', '/budget/', '/tal/']) {
			const page = await bare.newPage();
			await page.route('**/*.js', (route) => route.abort());
			await page.goto(new URL(path, site.url).href);
			const controls = await page.locator('main select, main input, main button').evaluateAll((els) =>
				els.map((el) => ({ id: el.id || el.textContent?.trim() || el.tagName, disabled: el.matches(':disabled') }))
			);
			expect(controls.length, path).toBeGreaterThan(0);
			for (const c of controls) expect(c.disabled, `${path} ${c.id}`).toBe(true);
			await expect(page.locator('main fieldset.page').evaluate((f) => getComputedStyle(f).cursor)).resolves.toBe('progress');
			await page.close();
		}
		await bare.close();
		const page = await openReady('/klagesager/');
		await expect(page.locator('#sel-kommune').isEnabled()).resolves.toBe(true);
		await expect(page.locator('main').getAttribute('data-hydrated')).resolves.toBe('ja');
		await page.close();
	});
});

describe('keyboard and names', () => {
	test('the source text region is reached with Tab after the close button', async () => {
		const page = await openReady('/');
		await page.locator('article.card .value a').first().click();
		const region = page.getByRole('region', { name: 'Punktets tekst' });
		await region.waitFor({ timeout: 30_000 });
		await expect(region.getAttribute('tabindex')).resolves.toBe('0');
		await page.locator('dialog.source').getByRole('button', { name: 'Luk' }).focus();
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Punktets tekst');
		await expect(page.locator('dialog.source').textContent()).resolves.toContain('Gladsaxe Kommune, ');
		await page.close();
	});

	test("every chart mark's accessible name contains the text drawn in it", async () => {
		let marks = 0;
		for (const m of ['Gladsaxe', 'Odder', 'Herning'])
			for (const topic of ['/klagesager/', '/budget/', '/magtanvendelse/']) {
				const page = await openReady(`${topic}?kommune=${m}`);
				const found = await page.locator('figure.chart svg .mark[aria-label]').evaluateAll((els) =>
					els.map((el) => ({
						name: (el.getAttribute('aria-label') ?? '').toLowerCase(),
						shown: [...el.querySelectorAll('text')].map((t) => (t.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase()).filter(Boolean)
					}))
				);
				for (const f of found) for (const s of f.shown) expect(f.name, `${m} ${topic}`).toContain(s);
				marks += found.filter((f) => f.shown.length > 0).length;
				await page.close();
			}
		expect(marks).toBeGreaterThan(10);
	});
});

describe('axe-core', () => {
	test('no serious or critical violation on any page, for two municipalities', async () => {
		for (const m of ['Gladsaxe', 'Odder'])
			for (const path of PAGES) {
				const page = await openReady(`${path}?kommune=${m}`);
				await page.evaluate(AXE);
				const violations = await page.evaluate(async () => {
					const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
					const result = await axe.run(document, { resultTypes: ['violations'] });
					return result.violations
						.filter((v) => v.impact === 'serious' || v.impact === 'critical')
						.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
				});
				expect(violations, `${m} ${path}`).toEqual([]);
				await page.close();
			}
	});

	test('the console stayed clean', () => {
		expect(site.errors).toEqual([]);
	});
});
