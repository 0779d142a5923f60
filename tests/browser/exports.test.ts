import { readFile, copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { encodeDeck } from '../../src/lib/figure/deck';
import { engineReady, external, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const TITLE = 'Omgørelsesprocenten steg fra 22 % i 2024 til 37 % i 2025';
const SOURCE = 'Kilde: Gladsaxe Kommune, Psykiatri- og Handicapudvalget, møde 06.05.2026, punkt 7';

async function downloaded(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer; download: Download }> {
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), button.click()]);
	return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!), download };
}

/** Width and height from the PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the browser and samples what a viewer would see. */
async function pixels(page: Page, bytes: Buffer) {
	return page.evaluate(async (b64) => {
		const img = new Image();
		img.src = `data:image/png;base64,${b64}`;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = img.naturalWidth;
		canvas.height = img.naturalHeight;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
		let dark = 0;
		let darkTop = 0;
		let blue = 0;
		let transparent = 0;
		for (let i = 0; i < data.length; i += 4) {
			const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
			if (a < 255) transparent++;
			if (r < 80 && g < 80 && b < 80) {
				dark++;
				if (i / 4 < width * height * 0.15) darkTop++;
			}
			if (Math.abs(r - 0x00) < 30 && Math.abs(g - 0x72) < 30 && Math.abs(b - 0xb2) < 30) blue++;
		}
		const corner = [...data.subarray(0, 4)];
		return { width, height, dark, darkTop, blue, transparent, corner };
	}, bytes.toString('base64'));
}

describe('exports of a chart on /klagesager', () => {
	test('PNG at the slide preset: full pixel size, white background, title, line and text drawn', async () => {
		const page = await site.open('/klagesager/');
		await engineReady(page);
		expect(site.requests.filter((r) => r.endsWith('.ttf'))).toEqual([]);
		const figure = page.locator('figure.chart').first();
		await expect(figure.getByLabel('Størrelse').inputValue()).resolves.toBe('slide169');
		const png = await downloaded(page, figure.getByRole('button', { name: 'Hent PNG' }));
		expect(png.name).toBe('omgoerelsesprocent-psykiatri-og-handicapudvalget-2023-2025-1920x1080.png');
		expect(pngSize(png.bytes)).toEqual({ width: 1920, height: 1080 });
		expect(site.requests.filter((r) => r.endsWith('.ttf')).length).toBeGreaterThan(0);
		const seen = await pixels(page, png.bytes);
		expect(seen.corner).toEqual([255, 255, 255, 255]);
		expect(seen.transparent).toBe(0);
		expect(seen.darkTop).toBeGreaterThan(5_000);
		expect(seen.blue).toBeGreaterThan(5_000);
		expect(seen.dark).toBeLessThan(seen.width * seen.height * 0.2);
		if (process.env.UPDATE_DOCS === '1') await copyFile((await png.download.path())!, 'docs/slide.png');

		await figure.getByLabel('Størrelse').selectOption('a4');
		const a4 = await downloaded(page, figure.getByRole('button', { name: 'Hent PNG' }));
		expect(a4.name).toMatch(/-3508x2480\.png$/);
		expect(pngSize(a4.bytes)).toEqual({ width: 3508, height: 2480 });

		const stacked = page.locator('figure.chart').nth(1);
		await stacked.getByLabel('Størrelse').selectOption('slide43');
		const four = await downloaded(page, stacked.getByRole('button', { name: 'Hent PNG' }));
		expect(four.name).toBe('afgjorte-klagesager-psykiatri-og-handicapudvalget-2025-1600x1200.png');
		expect(pngSize(four.bytes)).toEqual({ width: 1600, height: 1200 });
		await page.close();
	});

	test('SVG: the title, Danish figures, the source line and its own font, nothing from elsewhere', async () => {
		const page = await site.open('/klagesager/');
		const figure = page.locator('figure.chart').first();
		const svg = await downloaded(page, figure.getByRole('button', { name: 'Hent SVG' }));
		expect(svg.name).toBe('omgoerelsesprocent-psykiatri-og-handicapudvalget-2023-2025-1920x1080.svg');
		const text = svg.bytes.toString('utf8');
		const check = await page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
			const root = doc.documentElement;
			const lines = [...doc.querySelectorAll('text')].map((t) => t.textContent?.replace(/\s+/g, ' ').trim() ?? '');
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				width: root.getAttribute('width'),
				height: root.getAttribute('height'),
				title: doc.querySelector('title')?.textContent ?? '',
				heading: [...doc.querySelectorAll('#titel text')].map((t) => t.textContent).join(' '),
				sources: [...doc.querySelectorAll('#kilder text')].map((t) => t.textContent ?? ''),
				lines,
				links: doc.querySelectorAll('a, script, foreignObject').length,
				classes: doc.querySelectorAll('[class]').length
			};
		}, text);
		expect(check.error).toBeNull();
		expect([check.width, check.height]).toEqual(['1920', '1080']);
		expect(check.title).toBe(TITLE);
		expect(check.heading).toBe(TITLE);
		for (const v of ['38 %', '22 %', '37 %', '40 %']) expect(check.lines).toContain(v);
		expect(check.sources).toEqual([`${SOURCE} (sag 25-77-27.00.00-A26)`]);
		expect(check.lines.some((l) => l.includes('Gladsaxe Kommune'))).toBe(true);
		expect(check.links).toBe(0);
		expect(check.classes).toBe(0);
		expect(text).toMatch(/@font-face\{font-family:'Figur Sans';font-weight:400;[^}]*url\(data:font\/ttf;base64,/);
		expect(text).toContain('Bitstream Vera');
		expect(text).not.toMatch(/\b(?:href|src)\s*=/);
		// The embedded font is what draws the text: naming only it and a monospace fallback changes the picture.
		const differs = await page.evaluate(async (source) => {
			async function draw(family: string) {
				const file = source.replace(/font-family="[^"]*"/, `font-family="${family}"`);
				const url = URL.createObjectURL(new Blob([file], { type: 'image/svg+xml' }));
				const img = new Image(1920, 1080);
				img.src = url;
				await img.decode();
				const canvas = document.createElement('canvas');
				canvas.width = 1920;
				canvas.height = 200;
				const ctx = canvas.getContext('2d')!;
				ctx.drawImage(img, 0, 0);
				return ctx.getImageData(0, 0, 1920, 200).data;
			}
			const own = await draw("'Figur Sans', monospace");
			const mono = await draw('monospace');
			let n = 0;
			for (let i = 0; i < own.length; i += 4) if (own[i] !== mono[i]) n++;
			return n;
		}, text);
		expect(differs).toBeGreaterThan(5_000);
		expect(text.match(/url\((?!data:)/g)).toBeNull();
		await page.close();
	});

	test('the presenter edits title and subtitle before exporting; an inconsistent figure carries its note', async () => {
		const page = await site.open('/klagesager/');
		await engineReady(page);
		const figure = page.locator('figure.chart').first();
		await figure.getByRole('button', { name: 'Ret titel og se figuren' }).click();
		const preview = figure.locator('.export-preview svg');
		await expect(preview.locator('title').textContent()).resolves.toBe(TITLE);
		await figure.getByLabel('Titel', { exact: true }).fill('Flere klager får medhold <b>i 2025</b>');
		await figure.getByLabel('Undertitel').fill('Til udvalgsmødet 2. juni');
		await expect(preview.locator('title').textContent()).resolves.toBe('Flere klager får medhold <b>i 2025</b>');
		const svg = (await downloaded(page, figure.getByRole('button', { name: 'Hent SVG' }))).bytes.toString('utf8');
		expect(svg).toContain('Flere klager får medhold &lt;b&gt;i 2025&lt;/b&gt;');
		expect(svg).toContain('Til udvalgsmødet 2. juni');
		expect(svg).not.toContain(TITLE);

		await page.getByRole('checkbox', { name: 'socialområdet', exact: true }).check();
		const social = page.locator('figure.chart', { hasText: 'Afgjorte klagesager pr. år, socialområdet' });
		await social.waitFor({ timeout: 30_000 });
		await expect(social.locator('.figure-note').first().textContent()).resolves.toMatch(/Bemærk: .*socialområdet, 2023/);
		const flagged = (await downloaded(page, social.getByRole('button', { name: 'Hent SVG' }))).bytes.toString('utf8');
		expect(flagged).toContain('Kilde: Gladsaxe Kommune, Psykiatri- og Handicapudvalget, møde 04.12.2024, punkt 1');
		expect(flagged).toMatch(/⚠ Bemærk: [^<]*socialområdet/);
		await page.close();
	});

	test('Kopiér puts the PNG on the clipboard', async () => {
		await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
		const page = await site.open('/klagesager/');
		const figure = page.locator('figure.chart').first();
		await figure.getByRole('button', { name: /^Kopiér/ }).click();
		await expect(figure.locator('.export-status').textContent({ timeout: 30_000 })).resolves.toBeTruthy();
		await page.waitForFunction(() => /kopieret/.test(document.querySelector('figure.chart .export-status')?.textContent ?? ''));
		const copied = await page.evaluate(async () => {
			const [item] = await navigator.clipboard.read();
			const blob = await item.getType('image/png');
			const bitmap = await createImageBitmap(blob);
			return { types: item.types, width: bitmap.width, height: bitmap.height };
		});
		expect(copied).toEqual({ types: ['image/png'], width: 1920, height: 1080 });
		await page.close();
	});
});

describe('præsentationstilstand', () => {
	test('charts picked on a page become a deck whose URL opens anywhere and pages with the keyboard', async () => {
		const page = await site.open('/klagesager/');
		await page.locator('figure.chart').nth(0).getByRole('button', { name: 'Læg i præsentation' }).click();
		await page.locator('figure.chart').nth(1).getByRole('button', { name: 'Læg i præsentation' }).click();
		await page.locator('nav a', { hasText: 'Præsentation (2)' }).waitFor();
		await page.goto(new URL('/magtanvendelse/', site.url).href);
		await page.locator('figure.chart').first().getByRole('button', { name: 'Læg i præsentation' }).click();
		await page.locator('nav a', { hasText: 'Præsentation (3)' }).click();
		await page.waitForURL(/\/praesentation\/\?d=/);
		const deckUrl = page.url();
		await page.close();

		const fresh = await site.browser.newContext({ viewport: { width: 1280, height: 720 } });
		fresh.on('request', (r) => site.requests.push(r.url()));
		const show = await fresh.newPage();
		show.on('pageerror', (e) => site.errors.push(e.message));
		await show.goto(`${deckUrl}&vis=1`);
		const stage = show.locator('.stage');
		await expect(stage.locator('svg title').textContent({ timeout: 30_000 })).resolves.toBe(TITLE);
		await expect(show.locator('header').isVisible()).resolves.toBe(false);
		const box = await stage.locator('svg').boundingBox();
		expect(box!.width).toBeGreaterThan(1200);

		await show.keyboard.press('ArrowRight');
		await show.waitForURL(/vis=2/);
		await expect(stage.locator('svg title').textContent()).resolves.toMatch(/^Antallet af afgjorte klagesager/);
		await show.keyboard.press('ArrowRight');
		await show.waitForURL(/vis=3/);
		await expect(stage.locator('svg title').textContent()).resolves.toMatch(/^Antallet af indberettede magtanvendelser (steg|faldt|var)/);
		await show.keyboard.press('ArrowRight');
		await expect(show.url()).toMatch(/vis=3/);
		await show.keyboard.press('ArrowLeft');
		await show.waitForURL(/vis=2/);
		await show.keyboard.press('Escape');
		await show.waitForURL((u) => !u.searchParams.has('vis'));
		await expect(show.locator('.stage').count()).resolves.toBe(0);
		await expect(show.locator('header').isVisible()).resolves.toBe(true);
		await expect(show.locator('.slide-card').count()).resolves.toBe(3);

		await show.getByLabel('Titel').first().fill('Vores omgørelsesprocent');
		await show.waitForFunction(() => location.search.length > 10 && !location.search.includes('vis='));
		await show.getByRole('button', { name: 'Flyt dias 1 ned' }).click();
		await show.locator('.slide-card').first().locator('svg title', { hasText: /^Antallet af afgjorte/ }).waitFor({ state: 'attached' });
		await show.goto(show.url() + '&vis=2');
		await expect(stage.locator('svg title').textContent({ timeout: 30_000 })).resolves.toBe('Vores omgørelsesprocent');
		await fresh.close();
	});

	test('a broken or hostile deck link says so in Danish and shows what it can', async () => {
		const good = encodeDeck([{ side: 'klagesager', figur: 'omgoerelse', valg: 'omraade=findes-ikke' }]);
		const page = await site.open(`/praesentation/?d=${good}`);
		await expect(page.locator('.slide-card .notice').textContent({ timeout: 30_000 })).resolves.toContain('findes ikke i data');
		await page.goto(new URL("/praesentation/?d=%3Cscript%3E'%20OR%201=1", site.url).href);
		await expect(page.locator('.deck .notice').first().textContent()).resolves.toContain('ikke en gyldig præsentation');
		await expect(page.locator('script:not([src]):not([type])').evaluateAll((s) => s.filter((x) => x.textContent?.includes('OR 1=1')).length)).resolves.toBe(0);
		await page.close();
	});
});

describe('print', () => {
	test('a page prints as a handout: no navigation or controls, each chart with its title and sources', async () => {
		const page = await site.open('/klagesager/');
		await page.emulateMedia({ media: 'print' });
		for (const hidden of ['body > div > header', 'nav[aria-label="Hovedmenu"]', 'body > div > footer', '.controls', '.export-tools'])
			await expect(page.locator(hidden).first().isVisible(), hidden).resolves.toBe(false);
		const figure = page.locator('figure.chart').first();
		await expect(figure.locator('.figure-finding').isVisible()).resolves.toBe(true);
		await expect(figure.locator('.figure-finding').textContent()).resolves.toBe(TITLE);
		await expect(figure.locator('.figure-sources').textContent()).resolves.toContain(SOURCE);
		await expect(figure.evaluate((el) => getComputedStyle(el).breakAfter)).resolves.toBe('page');
		await page.emulateMedia({ media: 'screen' });
		await expect(page.locator('nav[aria-label="Hovedmenu"]').isVisible()).resolves.toBe(true);
		await expect(figure.locator('.figure-finding').isVisible()).resolves.toBe(false);
		await page.close();
	});

	test('the deck prints one slide per page without the editing controls', async () => {
		const deck = encodeDeck([
			{ side: 'klagesager', figur: 'omgoerelse', valg: '' },
			{ side: 'budget', figur: 'afvigelse', valg: '' }
		]);
		const page = await site.open(`/praesentation/?d=${deck}`);
		await page.locator('.slide-card .thumb svg').nth(1).waitFor({ timeout: 30_000 });
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('nav[aria-label="Hovedmenu"]').isVisible()).resolves.toBe(false);
		await expect(page.locator('.slide-edit').first().isVisible()).resolves.toBe(false);
		await expect(page.locator('.slide-card svg').nth(1).isVisible()).resolves.toBe(true);
		await expect(page.locator('.slide-card').first().evaluate((el) => getComputedStyle(el).breakAfter)).resolves.toBe('page');
		await expect(page.locator('.slide-card').nth(1).locator('svg title').textContent()).resolves.toMatch(/^Budgetopfølgningen for/);
		await page.close();
	});
});

describe('the whole visit', () => {
	test('no request left the machine and the console stayed clean', () => {
		expect(external(site.requests, site.url)).toEqual([]);
		expect(site.errors).toEqual([]);
	});
});
