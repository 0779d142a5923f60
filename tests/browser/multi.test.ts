import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { engineReady, openSettled, startSite, type Site } from './harness';
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

/** The kind of a period as the page writes it. */
function shownKind(text: string): string {
	const t = text.trim();
	if (/^\d{4}$/.test(t)) return 'år';
	if (/^\d\.-\d\. kv/.test(t)) return 'kvartaler';
	if (/^\d\. kv/.test(t)) return 'kvartal';
	if (/halvår/.test(t)) return 'halvår';
	if (/^(pr\. )?\d\d\.\d\d\.\d{4}$/.test(t)) return 'dato';
	return `andet: ${t}`;
}

const SAMPLE = ['Gladsaxe', 'Odder', 'Herning', 'Aalborg', 'Horsens', 'Gentofte', 'Skive', 'Esbjerg'];
const TOPICS = ['/klagesager/', '/magtanvendelse/', '/budget/'];

const openReady = (path: string): Promise<Page> => openSettled(site, path);

describe('like with like', () => {
	test('no chart axis and no comparison sets periods of different kinds side by side; no raw month codes', async () => {
		for (const m of SAMPLE)
			for (const topic of TOPICS) {
				const page = await openReady(`${topic}?kommune=${encodeURIComponent(m)}`);
				const axes = await page.locator('figure.chart svg g.axis').evaluateAll((gs) =>
					gs.map((g) => [...g.querySelectorAll('text[text-anchor="middle"]')].map((t) => t.textContent ?? ''))
				);
				for (const categories of axes) {
					const kinds = new Set(categories.map(shownKind));
					expect(kinds.size, `${m} ${topic}: ${categories.join(', ')}`).toBeLessThanOrEqual(1);
				}
				const headers = await page.locator('table.compare-table thead th').allTextContents();
				const periodHeaders = headers.map((h) => h.replace(/[↕▲▼]/g, '').trim()).filter((h) => !/^(Nøgletal|Område|Enhed|Kommune|Kontrol|Δ|Procentpoint)/.test(h));
				expect(new Set(periodHeaders.map(shownKind)).size, `${m} ${topic}: ${periodHeaders.join(', ')}`).toBeLessThanOrEqual(1);
				const body = (await page.locator('main').textContent()) ?? '';
				expect(body, `${m} ${topic}`).not.toMatch(/\b20\d\d-(0[1-9]|1[0-2])\b(?!-)/);
				await page.close();
			}
	});

	test('a month follow-up reads as a Danish date: Odder pr. 31.05.2025', async () => {
		const page = await openReady('/budget/?kommune=Odder');
		await expect(page.locator('h2', { hasText: 'Budgetopfølgning pr. 31.05.2025' }).count()).resolves.toBe(1);
		const options = await page.locator('#sel-budgetopfoelgning option').allTextContents();
		for (const o of options) expect(o).not.toMatch(/^\d{4}-\d{2}$/);
		await page.close();
	});
});

describe('honest marks', () => {
	test('every stacked bar reaches its stated total; the unknown rest is labelled "Ikke opgjort"', async () => {
		let partial = 0;
		for (const m of SAMPLE)
			for (const topic of ['/klagesager/', '/magtanvendelse/']) {
				const page = await openReady(`${topic}?kommune=${encodeURIComponent(m)}`);
				const bars = await page.locator('figure.chart svg').evaluateAll((svgs) =>
					svgs.flatMap((svg) =>
						[...svg.querySelectorAll('text')]
							.filter((t) => /^I alt /.test(t.textContent ?? ''))
							.map((t) => {
								const tx = Number(t.getAttribute('x'));
								const ty = Number(t.getAttribute('y'));
								const rects = [...svg.querySelectorAll('rect')].filter((r) => {
									const x = Number(r.getAttribute('x'));
									const w = Number(r.getAttribute('width'));
									return w > 20 && x <= tx && tx <= x + w;
								});
								const top = Math.min(...rects.map((r) => Number(r.getAttribute('y'))));
								const rest = svg.querySelector(`g.rest[aria-label]`) ? [...svg.querySelectorAll('g.rest')].map((g) => g.getAttribute('aria-label')) : [];
								return { label: t.textContent, gap: top - (ty + 8), rects: rects.length, rest };
							})
					)
				);
				for (const b of bars) if (b.rects > 0) expect(Math.abs(b.gap), `${m} ${topic} ${b.label}`).toBeLessThan(1.5);
				partial += bars.filter((b) => b.rest.length > 0).length;
				for (const b of bars) for (const r of b.rest) expect(r).toMatch(/Ikke opgjort \d/);
				await page.close();
			}
		expect(partial).toBeGreaterThan(0);
	});

	test('no two labels in a chart overlap (value, total and direct labels)', async () => {
		for (const m of SAMPLE)
			for (const topic of TOPICS) {
				const page = await openReady(`${topic}?kommune=${encodeURIComponent(m)}`);
				const clashes = await page.locator('figure.chart svg').evaluateAll((svgs) =>
					svgs.flatMap((svg) => {
						const boxes = [...svg.querySelectorAll('text')]
							.filter((t) => !t.closest('g.axis') && !t.closest('g.flag-glyph') && (t.textContent ?? '').trim() !== '')
							.map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
						const out: string[] = [];
						for (let i = 0; i < boxes.length; i++)
							for (let j = i + 1; j < boxes.length; j++) {
								const a = boxes[i].r;
								const b = boxes[j].r;
								if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
									out.push(`${boxes[i].text} × ${boxes[j].text}`);
							}
						return out;
					})
				);
				expect(clashes, `${m} ${topic}`).toEqual([]);
				await page.close();
			}
	});
});

describe('budget read as a controller reads it', () => {
	test('deviations in words in every table, amounts in one unit per column, never a Δ % of a signed deviation', async () => {
		for (const m of SAMPLE) {
			const page = await openReady(`/budget/?kommune=${encodeURIComponent(m)}`);
			if ((await page.locator('table.budget-table').count()) === 0) {
				await page.close();
				continue;
			}
			const cells = await page.locator('table.budget-table tbody td').allTextContents();
			for (const c of cells.map((x) => x.replace(/\s+/g, ' ').trim()))
				expect(c, m).toMatch(/^(–|ingen afvigelse|(merforbrug|mindreforbrug) )?(–|-?[\d.]+,\d{1,2} mio\. kr\.)?( ⚠.*| !.*)?$|^.*mio\. kr\..*$/);
			expect(cells.join(' '), m).not.toMatch(/\d kr\.(?<!mio\. kr\.)/);
			const deviationCells = await page.locator('table.compare-table tbody tr').evaluateAll((trs) =>
				trs.filter((tr) => /^Afvigelse/.test(tr.querySelector('td')?.textContent?.trim() ?? '')).flatMap((tr) => [...tr.querySelectorAll('td.num')].map((td) => (td.textContent ?? '').trim()).filter((t) => t !== '' && t !== '–'))
			);
			for (const d of deviationCells) expect(d, m).toMatch(/^(merforbrug|mindreforbrug|forværret|forbedret|uændret|ingen afvigelse)/);
			await page.close();
		}
	});
});
