import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { engineReady, external, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('budget', () => {
	test('the follow-up table spells out merforbrug and mindreforbrug in Danish amounts', async () => {
		const page = await site.open('/budget/?grundlag=vedtaget');
		await engineReady(page);
		await page.locator('figure.chart', { hasText: 'Forventet afvigelse fra vedtaget budget' }).waitFor();
		const table = norm((await page.locator('table.budget-table').textContent()) ?? '');
		for (const v of ['324,5 mio. kr.', '375,1 mio. kr.', '370,5 mio. kr.', 'merforbrug 46,0 mio. kr.', 'mindreforbrug 4,6 mio. kr.'])
			expect(table).toContain(v);
		expect(table).toContain('Voksne med særlige behov, Myndighedsbudgetter');
		const body = norm((await page.locator('main').textContent()) ?? '');
		expect(body).toContain('404,1 mio. kr.');
		expect(body).toContain('merforbrug 17,0 mio. kr.');
		const bars = await page.locator('figure.chart', { hasText: 'Forventet afvigelse' }).locator('svg text').allTextContents();
		expect(bars).toContain('merforbrug 46,0 mio. kr.');
		const compared = await page.locator('table.compare-table tbody tr.total').evaluateAll((trs) =>
			trs.map((tr) => (tr.textContent ?? '').replace(/\s+/g, ' '))
		);
		expect(compared.some((r) => r.includes('Vedtaget budget') && r.includes('✓ rækkerne summer til 324,5 mio. kr.'))).toBe(true);
		// The source says the deviation in the same words as the table, not as a signed amount.
		await page.locator('table.budget-table').getByText('merforbrug 46,0 mio. kr.').first().click();
		const figure = norm((await page.locator('dialog[open] p.figure').textContent({ timeout: 20_000 })) ?? '');
		expect(figure).toContain('merforbrug 46,0 mio. kr.');
		expect(figure).not.toContain('-46,0');
		await page.close();
	});

	test('the corrected budget is the default basis; choosing a basis redraws the diverging bars and is kept in the URL', async () => {
		const page = await site.open('/budget/');
		await engineReady(page);
		await expect(page.getByLabel('Afvigelse i forhold til').inputValue()).resolves.toBe('korrigeret');
		await page.getByLabel('Afvigelse i forhold til').selectOption('vedtaget');
		await page.waitForFunction(() => location.search.includes('grundlag=vedtaget'));
		await page.getByLabel('Afvigelse i forhold til').selectOption('korrigeret');
		await page.waitForFunction(() => location.search.includes('grundlag=korrigeret'));
		const chart = page.locator('figure.chart', { hasText: 'Forventet afvigelse fra korrigeret budget' });
		await expect(chart.locator('svg text').allTextContents()).resolves.toContain('mindreforbrug 4,6 mio. kr.');
		await page.reload();
		await page.locator('figure.chart', { hasText: 'korrigeret budget' }).first().waitFor();
		await expect(page.getByLabel('Afvigelse i forhold til').inputValue()).resolves.toBe('korrigeret');
		await page.close();
	});
});

describe('magtanvendelse', () => {
	test('incidents per year split by outcome, and forhåndsgodkendelser', async () => {
		const page = await site.open('/magtanvendelse/');
		const stacked = await page.locator('figure.chart').first().locator('svg text').allTextContents();
		expect(stacked).toEqual(expect.arrayContaining(['I alt 16', 'I alt 23', '7', '4', '11']));
		const table = norm((await page.locator('figure.chart').first().locator('table').textContent()) ?? '');
		expect(table).toContain('2024 16 7 4 4 1');
		const other = await texts(page, 'figure.chart svg text');
		expect(other).toContain('15');
		await page.close();
	});
});

describe('the controllers’ comparison', () => {
	test('two periods side by side with Δ, Δ % and procentpoint; CSV and XLSX hold exactly that table', async () => {
		const page = await site.open('/klagesager/');
		await engineReady(page);
		await page.getByRole('checkbox', { name: /kommune/i }).first().check();
		await page.waitForFunction(() => new URLSearchParams(location.search).getAll('omraade').length === 2);
		const periods = page.locator('section.comparison fieldset');
		await periods.getByRole('checkbox', { name: '2023', exact: true }).check();
		await page.waitForFunction(() => new URLSearchParams(location.search).getAll('perioder').includes('2023'));
		await periods.getByRole('checkbox', { name: '2023', exact: true }).uncheck();
		await page.waitForFunction(() => new URLSearchParams(location.search).getAll('perioder').join(',') === '2024,2025');
		const table = page.locator('table.compare-table');
		await page.waitForFunction(() => {
			const text = (document.querySelector('table.compare-table tbody')?.textContent ?? '').replace(/\s+/g, ' ');
			return text.includes('284') && text.includes('+15 procentpoint');
		});
		const headers = (await table.locator('thead th').allTextContents()).map(norm);
		expect(headers.join(' | ')).toMatch(/Δ 2024–2025/);
		expect(headers.join(' | ')).toContain('Δ %');
		expect(headers.join(' | ')).toContain('Procentpoint');
		const rows = await table.locator('tbody tr').evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim())
		);
		expect(rows.some((r) => r.startsWith('Omgørelsesprocent') && r.includes('Psykiatri- og Handicapudvalget') && r.includes('22 % 37 % +15 procentpoint'))).toBe(true);
		expect(rows.some((r) => r.startsWith('Afgjorte klagesager') && r.includes('284 320 +36 +12,7 %'))).toBe(true);

		await table.getByRole('button', { name: /^Δ %/ }).click();
		await page.waitForFunction(() => location.search.includes('sorter=deltapct'));
		await expect(table.locator('thead th[aria-sort="ascending"]').textContent()).resolves.toContain('Δ %');

		const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent CSV (Excel)' }).click()]);
		const csv = await readFile((await csvDownload.path())!, 'utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const lines = csv.slice(1).trim().split('\r\n');
		expect(lines[0].split(';')).toEqual(headers.map((h) => h.replace(/ [↕▲▼]$/, '')));
		expect(lines.length - 1).toBe(rows.length);
		expect(lines.some((l) => l.startsWith('Afgjorte klagesager;') && l.includes(';284;320;36;12,7'))).toBe(true);

		const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent XLSX' }).click()]);
		const workbook = new ExcelJS.Workbook();
		const bytes = await readFile((await xlsxDownload.path())!);
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.rowCount).toBe(rows.length + 1);
		let found = false;
		sheet.eachRow((row) => {
			const values = (row.values as unknown[]).slice(1);
			const i = values.indexOf(284);
			if (values[0] === 'Afgjorte klagesager' && i >= 0) {
				found = true;
				expect(values[i + 1]).toBe(320);
				expect(typeof values[i + 1]).toBe('number');
				expect(row.getCell(i + 1).numFmt).toBe('#,##0');
			}
		});
		expect(found).toBe(true);
		await page.close();
	});
});

describe('alle tal', () => {
	test('filter, free-text search in the quotes, sorting and paging', async () => {
		const page = await site.open('/tal/');
		await engineReady(page);
		const status = page.locator('p.status[role="status"]');
		const total = Number(((await status.textContent()) ?? '').replace(/\D/g, ''));
		expect(total).toBeGreaterThan(20);

		await page.getByLabel('Nøgletal', { exact: true }).selectOption('omgoerelsespct');
		await page.waitForFunction(() => location.search.includes('maal=omgoerelsespct'));
		await page.waitForFunction(() => {
			const cells = [...document.querySelectorAll('table.facts-table tbody tr td:first-child')];
			return cells.length > 3 && cells.every((td) => td.textContent?.includes('Omgørelsesprocent'));
		});

		await page.getByLabel('Søg i citaterne').fill('landsgennemsnittet');
		await page.getByRole('button', { name: 'Søg' }).click();
		await page.waitForFunction(() => location.search.includes('q=landsgennemsnittet'));
		await page.waitForFunction(() => {
			const quotes = [...document.querySelectorAll('table.facts-table td.quote')];
			return quotes.length > 0 && quotes.every((td) => /landsgennemsnit/i.test(td.textContent ?? ''));
		});
		const quotes = await page.locator('table.facts-table td.quote').allTextContents();
		expect(quotes.length).toBeGreaterThan(0);
		for (const q of quotes) expect(q.toLowerCase().replace(/\s+/g, ' ')).toContain('landsgennemsnit');

		await page.getByRole('button', { name: /^Værdi/ }).click();
		await page.waitForFunction(() => location.search.includes('sorter=vaerdi'));
		await page.waitForFunction(() => {
			const values = [...document.querySelectorAll('table.facts-table tbody td.num')].map((td) =>
				Number((td.textContent ?? '').replace(/[^\d,]/g, '').replace(',', '.'))
			);
			return values.length > 1 && values.every((v, i) => i === 0 || values[i - 1] <= v);
		});

		const shared = page.url();
		const again = await site.open(shared);
		await engineReady(again);
		// Until the query from the link has run, the table is the prerendered first page, marked busy.
		await again.waitForFunction(
			() => document.querySelectorAll('table.facts-table td.quote').length > 0 && document.querySelector('table.facts-table')?.getAttribute('aria-busy') !== 'true'
		);
		await expect(again.getByLabel('Søg i citaterne').inputValue()).resolves.toBe('landsgennemsnittet');
		expect((await again.locator('table.facts-table td.quote').allTextContents()).length).toBe(quotes.length);
		await again.close();

		await page.goto(new URL('/tal/', site.url).href);
		await engineReady(page);
		if (total > 50) {
			await page.getByRole('button', { name: 'Næste →' }).click();
			await page.waitForFunction(() => location.search.includes('side=2'));
			await expect(page.locator('nav.pager').textContent()).resolves.toContain('Side 2');
		}
		await page.close();
	});
});

describe('om tallene', () => {
	test('definitions, meetings and every inconsistent figure with its Danish note', async () => {
		const page = await site.open('/om/');
		const body = norm((await page.locator('main').textContent()) ?? '');
		expect(body).toContain('Omgørelsesprocent');
		expect(body).toContain('korrigerede budget');
		expect(body).toContain('Magtanvendelse er');
		for (const d of ['04.12.2024', '06.05.2026']) expect(body).toContain(d);
		const inconsistent = norm((await page.locator('table.inconsistent-table').textContent()) ?? '');
		expect(inconsistent).toContain('socialområdet');
		expect(inconsistent).toMatch(/90/);
		const flag = page.locator('table.inconsistent-table button.flag').first();
		await flag.focus();
		await expect(flag.locator('.flag-note').isVisible()).resolves.toBe(true);
		await page.close();
	});
});

describe('the whole visit', () => {
	test('no request left the machine and the console stayed clean', () => {
		expect(external(site.requests, site.url)).toEqual([]);
		expect(site.errors).toEqual([]);
	});
});
