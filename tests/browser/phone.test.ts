import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { engineReady, openSettled, startSite, type Site } from './harness';
import { MULTI_BUILD } from './multi';

/** A 390 px wide phone on the site of many municipalities. */
let site: Site;
beforeAll(async () => {
	site = await startSite({ root: MULTI_BUILD, width: 390 });
});
afterAll(async () => {
	await site?.close();
});

const PAGES = ['/', '/klagesager/', '/budget/', '/magtanvendelse/', '/tal/', '/om/'];

const openReady = (path: string): Promise<Page> => openSettled(site, path);

/** Every visible piece of text smaller than 11 px as drawn (SVG text scaled by its chart), with the tables opened. */
function smallText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		for (const d of document.querySelectorAll('details')) d.open = true;
		const out: string[] = [];
		for (const el of document.querySelectorAll('body *')) {
			const box = el.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) continue;
			if (!el.checkVisibility({ visibilityProperty: true })) continue;
			if (el.closest('.visually-hidden, .export-offscreen')) continue;
			const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
			if (!own) continue;
			let size = parseFloat(getComputedStyle(el).fontSize);
			if (el instanceof SVGGraphicsElement) size *= el.getScreenCTM()?.a ?? 1;
			if (size < 10.95) out.push(`${el.tagName} ${size.toFixed(1)} px: ${(el.textContent ?? '').trim().slice(0, 40)}`);
		}
		return out;
	});
}

describe('a phone, 390 px wide', () => {
	test('no text under 11 px, chart letters included; no table and no page wider than the screen', async () => {
		for (const m of ['Gladsaxe', 'Odder', 'Aalborg'])
			for (const path of PAGES) {
				const page = await openReady(`${path}?kommune=${m}`);
				if (process.env.UPDATE_DOCS === '1' && path === '/' && m === 'Odder') await page.screenshot({ path: 'docs/overview-mobil.png', fullPage: true });
				expect(await smallText(page), `${m} ${path}`).toEqual([]);
				const tables = await page.locator('table').evaluateAll((ts) =>
					ts
						.map((t) => ({ name: t.className, box: t.getBoundingClientRect() }))
						.filter((t) => t.box.width > 0)
						.map((t) => ({ name: t.name, left: t.box.left, right: t.box.right }))
				);
				expect(tables.length, `${m} ${path}`).toBeGreaterThanOrEqual(path === '/' ? 0 : 1);
				for (const t of tables) {
					expect(t.left, `${m} ${path} ${t.name}`).toBeGreaterThanOrEqual(0);
					expect(t.right, `${m} ${path} ${t.name}`).toBeLessThanOrEqual(390);
				}
				await expect(page.evaluate(() => document.documentElement.scrollWidth), `${m} ${path}`).resolves.toBeLessThanOrEqual(390);
				await page.close();
			}
	});

	test('a table row reads as a card: each value under its column heading', async () => {
		const page = await openReady('/budget/?kommune=Gladsaxe');
		const cell = page.locator('table.budget-table tbody tr').first().locator('td').first();
		const label = await cell.getAttribute('data-label');
		expect(label).toBe('Vedtaget budget');
		const before = await cell.evaluate((td) => getComputedStyle(td, '::before').content);
		expect(before).toBe('"Vedtaget budget"');
		await page.close();
	});

	test('the export toolbar folds away behind one button', async () => {
		const page = await openReady('/klagesager/');
		const figure = page.locator('figure.chart').first();
		await expect(figure.getByRole('button', { name: 'Hent PNG' }).isVisible()).resolves.toBe(false);
		const unfold = figure.getByRole('button', { name: 'Eksportér figuren' });
		await expect(unfold.isVisible()).resolves.toBe(true);
		await expect(unfold.getAttribute('aria-expanded')).resolves.toBe('false');
		await unfold.click();
		await expect(figure.getByRole('button', { name: 'Hent PNG' }).isVisible()).resolves.toBe(true);
		await expect(figure.getByRole('button', { name: 'Skjul eksport' }).getAttribute('aria-expanded')).resolves.toBe('true');
		await page.close();
	});

	test('on a wide screen the toolbar is simply there', async () => {
		const page = await site.open('/klagesager/');
		await page.setViewportSize({ width: 1280, height: 900 });
		await engineReady(page);
		const figure = page.locator('figure.chart').first();
		await expect(figure.getByRole('button', { name: 'Hent PNG' }).isVisible()).resolves.toBe(true);
		await expect(figure.getByRole('button', { name: 'Eksportér figuren' }).isVisible()).resolves.toBe(false);
		await page.close();
	});

	test('the console stayed clean', () => {
		expect(site.errors).toEqual([]);
	});
});
