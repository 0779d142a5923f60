import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { engineReady, startSite, type Site } from './harness';
import { MULTI_BUILD } from './multi';

/** The site built from the seeds, tests/corpus/variants and the development corpora (global-setup.ts). */
let site: Site;
beforeAll(async () => {
	site = await startSite({ root: MULTI_BUILD });
});
afterAll(async () => {
	await site?.close();
});

const chosen = (page: Page) => page.locator('#sel-kommune').inputValue();
const kommune = (page: Page) => new URL(page.url()).searchParams.get('kommune');

describe('several municipalities', () => {
	test('the picker offers the municipalities with minutes of their own, sorted the Danish way', async () => {
		const page = await site.open('/');
		const options = await page.locator('#sel-kommune option').allTextContents();
		expect(options.length).toBeGreaterThanOrEqual(10);
		expect(options).toEqual([...options].sort((a, b) => a.localeCompare(b, 'da')));
		// Named only in others' minutes (or the national average): not a municipality to pick.
		expect(options).not.toContain('Landsgennemsnit');
		expect(options).not.toContain('København');
		for (const m of ['Gladsaxe', 'Odder', 'Horsens', 'Gentofte']) expect(options).toContain(m);
		await expect(chosen(page)).resolves.toBe('Gladsaxe');
		await page.close();
	});

	test('the chosen municipality survives three navigations: card, menu and menu again', async () => {
		const page = await site.open('/');
		await engineReady(page);
		await page.locator('#sel-kommune').selectOption('Odder');
		await page.waitForFunction(() => location.search.includes('kommune=Odder'));
		await page.locator('.lead', { hasText: 'Odder' }).waitFor();

		await page.locator('article.card a', { hasText: /^Se / }).first().click();
		await page.waitForURL(/\/(klagesager|budget|magtanvendelse)\//);
		expect(kommune(page)).toBe('Odder');
		await expect(chosen(page)).resolves.toBe('Odder');

		await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Budget' }).click();
		await page.waitForURL(/\/budget\//);
		expect(kommune(page)).toBe('Odder');
		await expect(chosen(page)).resolves.toBe('Odder');

		await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Magtanvendelse' }).click();
		await page.waitForURL(/\/magtanvendelse\//);
		expect(kommune(page)).toBe('Odder');

		await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Overblik' }).click();
		await page.waitForURL((u) => u.pathname === '/');
		expect(kommune(page)).toBe('Odder');
		await expect(chosen(page)).resolves.toBe('Odder');
		await page.close();
	});
});
