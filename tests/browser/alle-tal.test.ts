import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { engineReady, startSite, type Site } from './harness';
import { MULTI_BUILD, multiQuery } from './multi';

/** Alle tal on the site of many municipalities: the export holds exactly the filtered rows. */
let site: Site;
beforeAll(async () => {
	site = await startSite({ root: MULTI_BUILD });
});
afterAll(async () => {
	await site?.close();
});

async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
	return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

async function openFiltered(path: string): Promise<Page> {
	const page = await site.open(path);
	await engineReady(page);
	await page.waitForFunction(() => /^\s*[\d.]+ tal/.test(document.querySelector('p.status')?.textContent ?? ''));
	return page;
}

const FILTER = `entity = 'Gladsaxe' AND family = 'klagesager'`;

interface Expected {
	value: number;
	quote: string;
	item_no: number;
	case_no: string | null;
}

describe('Alle tal export', () => {
	test('CSV for Danish Excel: BOM, semicolons, decimal comma; exactly the filtered rows with meeting, Punkt, case number and quote', async () => {
		const page = await openFiltered('/tal/?kommune=Gladsaxe&familie=klagesager');
		const expected = await multiQuery<Expected>(
			`SELECT CAST(value AS DOUBLE) AS value, quote, CAST(item_no AS INTEGER) AS item_no, case_no FROM facts WHERE ${FILTER}`
		);
		expect(expected.length).toBeGreaterThan(PAGE_ROWS);
		await expect(page.locator('p.status').textContent()).resolves.toContain(`${expected.length} tal`);
		const csv = await downloaded(page, page.getByRole('button', { name: 'Hent CSV (Excel)' }));
		expect(csv.name).toBe('noegletal-alle-tal-gladsaxe.csv');
		const text = csv.bytes.toString('utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
		const header = lines[0].split(';');
		for (const h of ['Nøgletal', 'Værdi', 'Kommune / landsgennemsnit', 'Møde', 'Punkt', 'Sagsnummer', 'Citat']) expect(header).toContain(h);
		expect(lines.length - 1).toBe(expected.length);
		const cells = lines.slice(1).map((l) => splitCsv(l));
		const at = (name: string) => header.indexOf(name);
		for (const c of cells) {
			expect(c[at('Kommune / landsgennemsnit')]).toBe('Gladsaxe');
			expect(c[at('Emne')]).toBe('Klagesager');
			expect(c[at('Møde')]).toMatch(/^\d\d\.\d\d\.\d{4}$/);
			expect(c[at('Værdi')]).toMatch(/^-?\d+(,\d+)?$/);
		}
		const key = (value: number, quote: string) => `${value}|${quote.replace(/\s+/g, ' ').trim()}`;
		const got = cells.map((c) => key(Number(c[at('Værdi')].replace(',', '.')), c[at('Citat')].replace(/^'(?=[=+\-@])/, ''))).sort();
		expect(got).toEqual(expected.map((e) => key(e.value, e.quote)).sort());
		expect(cells.map((c) => c[at('Punkt')]).sort()).toEqual(expected.map((e) => String(e.item_no)).sort());
		expect(cells.map((c) => c[at('Sagsnummer')]).sort()).toEqual(expected.map((e) => e.case_no ?? '').sort());
		await page.close();
	});

	test('XLSX: the same rows, numbers as numbers; the spreadsheet library is fetched only when asked for', async () => {
		const page = await openFiltered('/tal/?kommune=Gladsaxe&familie=klagesager&q=pct');
		const expected = await multiQuery<{ n: number }>(
			`SELECT CAST(count(*) AS INTEGER) AS n FROM facts WHERE ${FILTER} AND regexp_replace(quote, '\\s+', ' ', 'g') ILIKE '%pct%'`
		);
		expect(expected[0].n).toBeGreaterThan(0);
		const scriptsBefore = site.requests.filter((r) => r.endsWith('.js')).length;
		const xlsx = await downloaded(page, page.getByRole('button', { name: 'Hent XLSX' }));
		expect(site.requests.filter((r) => r.endsWith('.js')).length).toBeGreaterThan(scriptsBefore);
		expect(xlsx.name).toBe('noegletal-alle-tal-gladsaxe.xlsx');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
		for (const h of ['Møde', 'Punkt', 'Sagsnummer', 'Citat']) expect(header).toContain(h);
		expect(sheet.rowCount - 1).toBe(expected[0].n);
		const value = header.indexOf('Værdi') + 1;
		const quote = header.indexOf('Citat') + 1;
		for (let r = 2; r <= sheet.rowCount; r++) {
			expect(typeof sheet.getRow(r).getCell(value).value).toBe('number');
			expect(String(sheet.getRow(r).getCell(quote).value).toLowerCase()).toContain('pct');
		}
		await expect(page.locator('.export-status').textContent()).resolves.toBe(`Hentet ${expected[0].n} tal som XLSX.`);
		await page.close();
	});

	test('quotes are shown whole and wrap inside their column', async () => {
		const page = await openFiltered('/tal/?kommune=Gladsaxe');
		const quotes = await page.locator('td.quote').evaluateAll((tds) =>
			tds.map((td) => ({ text: td.textContent ?? '', scroll: td.scrollWidth, width: td.clientWidth, height: td.getBoundingClientRect().height }))
		);
		expect(quotes.length).toBeGreaterThan(0);
		for (const q of quotes) {
			expect(q.text.trim()).not.toMatch(/…$/);
			expect(q.scroll).toBeLessThanOrEqual(q.width + 1);
		}
		const long = quotes.filter((q) => q.text.length > 140);
		expect(long.length).toBeGreaterThan(0);
		for (const q of long) expect(q.height).toBeGreaterThan(30);
		await page.close();
	});

	test('the console stayed clean', () => {
		expect(site.errors).toEqual([]);
	});
});

const PAGE_ROWS = 50;

/** One line of semicolon-separated CSV with "quoted" cells (no line breaks inside, as the export writes it). */
function splitCsv(line: string): string[] {
	const out: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ';') out.push(cell), (cell = '');
		else cell += ch;
	}
	out.push(cell);
	return out;
}
