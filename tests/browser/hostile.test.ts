import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { engineReady, external, startSite, type Site } from './harness';

const run = promisify(execFile);

/** Minutes whose sentences carry markup and script, in the shape the extractor reads. */
const HOSTILE = `Punkt 1: Klagesager <script>window.__pwned = 1</script> og <b>fed</b> tekst
24-2-27.00.00-P22

Resumé
Ankestyrelsen har i 2023 behandlet 90 klagesager fra borgere i Gladsaxe Kommune <img src="x" onerror="window.__pwned = 2">, heraf blev 56 (52 pct.) stadfæstet, 5
(6 pct.) blev ændret og 38 (42 pct.) blev hjemvist. Dette giver en omgørelsesprocent på 48 procent, hvilket er højere end
landsgennemsnittet på 39 procent. <script>window.__pwned = 3</script>

Beslutning
Taget til efterretning. <iframe src="javascript:window.__pwned=4"></iframe>
`;

let site: Site;
let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'noegletal-hostile-'));
	await mkdir(join(dir, 'in'));
	await writeFile(join(dir, 'in', 'hostile_meeting.txt'), HOSTILE);
	await writeFile(
		join(dir, 'in', 'manifest.json'),
		JSON.stringify({
			'hostile_meeting.txt': { municipality: 'Gladsaxe', committee: '<i>Udvalget</i>', meeting_date: '2025-01-08' }
		})
	);
	await run(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', '--input', join(dir, 'in'), '--out', join(dir, 'out')]);
	site = await startSite({ dataDir: join(dir, 'out') });
});

afterAll(async () => {
	await site?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

async function pwned(page: Page) {
	return page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
}

describe('hostile minutes', () => {
	test('markup in quotes, titles and item text is shown as text, never run', async () => {
		const page = await site.open('/tal/?q=' + encodeURIComponent('<img'));
		await engineReady(page);
		await page.waitForFunction(
			() => [...document.querySelectorAll('table.facts-table td.quote')].some((td) => td.textContent?.includes('<img')),
			null,
			{ timeout: 30_000 }
		);
		const quotes = await page.locator('table.facts-table td.quote').allTextContents();
		expect(quotes.some((q) => q.includes('<img src="x" onerror="window.__pwned = 2">'))).toBe(true);
		expect(await page.locator('main img, main iframe, main script').count()).toBe(0);

		await page.locator('table.facts-table td.num a').first().click();
		const dialog = page.locator('dialog[open]');
		await dialog.locator('.text').waitFor({ timeout: 30_000 });
		const text = (await dialog.locator('.text').textContent()) ?? '';
		expect(text).toContain('<script>window.__pwned = 1</script>');
		expect(text).toContain('<iframe src="javascript:window.__pwned=4"></iframe>');
		expect((await dialog.locator('mark').textContent()) ?? '').not.toBe('');
		expect(await dialog.locator('script, img, iframe, b').count()).toBe(0);
		expect(await dialog.textContent()).toContain('<i>Udvalget</i>');
		expect(await pwned(page)).toBeNull();
		await page.close();
	});

	test('SQL and junk in the URL select nothing and break nothing', async () => {
		const hostile = new URLSearchParams([
			['q', "'; DROP TABLE facts; --"],
			['omraade', "x' OR 1=1 --"],
			['sorter', 'value; DROP TABLE facts'],
			['side', '-1'],
			['kilde', "' OR '1'='1"]
		]);
		const page = await site.open(`/tal/?${hostile}`);
		await engineReady(page);
		await page.waitForFunction(() => /^\s*0 tal/.test(document.querySelector('p.status[role="status"]')?.textContent ?? ''));
		await expect(page.locator('table.facts-table td.empty').textContent()).resolves.toContain('Ingen tal');
		await expect(page.locator('dialog[open]').count()).resolves.toBe(0);
		await expect(page.getByLabel('Område').inputValue()).resolves.toBe('');

		await page.goto(new URL('/tal/?familie=klagesager', site.url).href);
		await engineReady(page);
		await page.waitForFunction(() => /^[1-9]/.test(document.querySelector('p.status[role="status"]')?.textContent ?? ''));
		const klagesager = await page.goto(new URL(`/klagesager/?omraade=${encodeURIComponent("') OR 1=1 --")}`, site.url).href);
		expect(klagesager?.status()).toBe(200);
		expect(await pwned(page)).toBeNull();
		await page.close();
	});

	test('nothing left the machine, nothing was fetched from the injected markup, no console error', () => {
		expect(external(site.requests, site.url)).toEqual([]);
		expect(site.requests.filter((r) => new URL(r).pathname === '/x')).toEqual([]);
		expect(site.errors).toEqual([]);
	});
});
