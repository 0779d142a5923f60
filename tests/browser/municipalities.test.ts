import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openSettled, startSite, type Site } from './harness';
import { MULTI_BUILD, multiQuery } from './multi';

/** Overblik, the picker, the comparison of municipalities and Om tallene on the site of many municipalities. */
let site: Site;
beforeAll(async () => {
	site = await startSite({ root: MULTI_BUILD });
});
afterAll(async () => {
	await site?.close();
});

const SAMPLE = ['Gladsaxe', 'Odder', 'Herning', 'Aalborg', 'Horsens', 'Gentofte', 'Skive', 'Esbjerg'];
const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const danish = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

const openReady = (path: string): Promise<Page> => openSettled(site, path);

async function latestMeeting(municipality: string): Promise<string> {
	const [row] = await multiQuery<{ d: string }>(
		`SELECT CAST(max(meeting_date) AS VARCHAR) AS d FROM documents WHERE municipality = '${municipality.replace(/'/g, "''")}'`
	);
	return danish(row.d);
}

describe('Overblik says how recent and which way is better', () => {
	test('"Tal fra møder til og med" names the latest meeting of the chosen municipality, and follows the picker', async () => {
		const page = await openReady('/');
		await expect(page.locator('.as-of').textContent().then(norm)).resolves.toBe(`Tal fra møder til og med ${await latestMeeting('Gladsaxe')}`);
		expect(await latestMeeting('Gladsaxe')).toBe('06.05.2026');
		await page.locator('#sel-kommune').selectOption('Odder');
		await page.waitForFunction(() => location.search.includes('kommune=Odder'));
		await page.waitForFunction((d) => document.querySelector('.as-of')?.textContent?.includes(d), await latestMeeting('Odder'));
		if (process.env.UPDATE_DOCS === '1') {
			await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
			await page.screenshot({ path: 'docs/overview-kommuner.png', fullPage: true });
		}
		await page.close();
	});

	test('a card a year or more behind the newest says in words that it is older; the others do not', async () => {
		let older = 0;
		for (const m of SAMPLE) {
			const page = await openReady(`/?kommune=${m}`);
			const cards = await page.locator('article.card').evaluateAll((cs) =>
				cs.map((c) => ({
					where: c.querySelector('.where')?.textContent ?? '',
					note: c.querySelector('.older-note')?.textContent ?? null,
					visible: (c.querySelector('.older-note') as HTMLElement | null)?.offsetHeight ?? 0
				}))
			);
			const years = cards.map((c) => Number(c.where.match(/(\d{4})\D*$/)?.[1]));
			const newest = Math.max(...years);
			cards.forEach((c, i) => {
				if (years[i] <= newest - 2) expect(c.note, `${m}: ${c.where}`).toMatch(/^Ældre tal: de nyeste tal på siden er /);
				if (years[i] === newest) expect(c.note, `${m}: ${c.where}`).toBeNull();
				if (c.note) {
					expect(c.visible).toBeGreaterThan(0);
					older++;
				}
			});
			await page.close();
		}
		expect(older).toBeGreaterThan(0);
	});

	test('direction in words: a lower omgørelsesprocent is better, merforbrug is unfavourable', async () => {
		const page = await openReady('/');
		const omg = page.locator('article.card[data-card="omgoerelse"]').first();
		await expect(omg.textContent().then(norm)).resolves.toContain('Lavere er bedre');
		const changes = await page.locator('article.card[data-card="omgoerelse"] .change').allTextContents();
		for (const c of changes.map(norm)) {
			if (/^-\d/.test(c)) expect(c).toContain('en forbedring');
			if (/^\+\d/.test(c)) expect(c).toContain('en forværring');
		}
		const budget = norm(await page.locator('article.card[data-card="budget"]').textContent());
		expect(budget).toMatch(/merforbrug [\d,]+ mio\. kr\./);
		expect(budget).toContain('Merforbrug er ugunstigt');
		await page.close();
	});

	test("Gladsaxe's omgørelsesprocent cards name an area, never a committee as if it were one", async () => {
		const page = await openReady('/');
		const where = (await page.locator('article.card[data-card="omgoerelse"] .where').allTextContents()).map(norm);
		expect(where.length).toBeGreaterThan(0);
		for (const w of where) expect(w).not.toMatch(/udvalget ·/);
		expect(where).toContain('Psykiatri- og Handicapudvalgets område · 2025');
		await page.close();
	});
});

describe('the municipality picker', () => {
	test('searching narrows the list; Enter chooses the first match', async () => {
		const page = await openReady('/klagesager/');
		await page.locator('#soeg-kommune').fill('odd');
		const options = await page.locator('#sel-kommune option').allTextContents();
		expect(options).toContain('Odder');
		expect(options).not.toContain('Herning');
		expect(options.length).toBeLessThanOrEqual(3);
		await expect(page.locator('#soeg-kommune-antal').textContent()).resolves.toMatch(/^\d+ af \d+ kommuner passer$/);
		await page.locator('#soeg-kommune').press('Enter');
		await page.waitForFunction(() => location.search.includes('kommune=Odder'));
		await expect(page.locator('#sel-kommune').inputValue()).resolves.toBe('Odder');
		const all = await page.locator('#sel-kommune option').allTextContents();
		expect(all.length).toBeGreaterThanOrEqual(10);
		expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b, 'da')));
		await page.close();
	});
});

describe('municipalities compared on every topic page', () => {
	for (const topic of ['klagesager', 'budget', 'magtanvendelse'])
		test(`${topic}: every municipality with a figure, the chosen one emphasised in words and weight`, async () => {
			for (const m of ['Gladsaxe', 'Odder']) {
				const page = await openReady(`/${topic}/?kommune=${m}`);
				const table = page.locator('table.municipality-table');
				const rows = await table.locator('tbody tr').evaluateAll((trs) =>
					trs.map((tr) => ({
						name: (tr.querySelector('th')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
						current: tr.getAttribute('aria-current'),
						weight: Number(getComputedStyle(tr.querySelector('th')!).fontWeight),
						value: (tr.querySelector('td a')?.textContent ?? '').trim()
					}))
				);
				expect(rows.length, `${m} ${topic}`).toBeGreaterThanOrEqual(5);
				const chosen = rows.filter((r) => r.current === 'true');
				expect(chosen.map((r) => r.name)).toEqual([`${m} (valgt)`]);
				expect(chosen[0].weight).toBeGreaterThanOrEqual(600);
				for (const r of rows.filter((r) => r.current !== 'true')) expect(r.weight).toBeLessThan(600);
				if (process.env.UPDATE_DOCS === '1' && topic === 'budget' && m === 'Odder')
					await page.locator('section.municipalities').screenshot({ path: 'docs/kommuner-sammenlignet.png' });
				const names = rows.map((r) => r.name.replace(' (valgt)', ''));
				expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'da')));
				for (const r of rows) {
					expect(r.value).not.toBe('');
					if (topic === 'budget') expect(r.value).toMatch(/^(merforbrug|mindreforbrug) [\d.]+,\d{1,2} mio\. kr\.$|^ingen afvigelse$/);
				}
				await page.close();
			}
		});

	test('every source line under a chart names the municipality whose minutes it is, with the meeting\'s committee and date', async () => {
		const owners = (await multiQuery<{ m: string }>(`SELECT DISTINCT municipality AS m FROM documents`)).map((r) => r.m);
		const meetings = new Set(
			(
				await multiQuery<{ m: string; c: string | null; d: string | null }>(
					`SELECT DISTINCT d.municipality AS m, f.committee AS c, CAST(f.meeting_date AS VARCHAR) AS d FROM facts f JOIN documents d ON d.doc_id = f.doc_id`
				)
			).map((r) => `${r.m} Kommune, ${r.c ?? 'Ukendt udvalg'}, ${r.d ? `møde ${danish(r.d)}` : 'mødedato ukendt'}`)
		);
		let own = 0;
		let others = 0;
		for (const m of ['Odder', 'Herning', 'Gladsaxe'])
			for (const topic of ['klagesager', 'budget', 'magtanvendelse']) {
				const page = await openReady(`/${topic}/?kommune=${m}`);
				const lines = (await page.locator('.figure-sources p:not(.figure-note)').allTextContents()).map(norm);
				for (const l of lines) {
					// Herning's figures may stand in Kalundborg's minutes: the line names whose minutes they are.
					const named = l.match(/^Kilde: (.+?) Kommune, /)?.[1];
					expect(owners, `${m} ${topic}: ${l}`).toContain(named);
					expect(meetings, `${m} ${topic}: ${l}`).toContain(l.replace(/^Kilde: /, '').replace(/, punkt .*$/, ''));
					if (named === m) own++;
					else others++;
				}
				await page.close();
			}
		expect(own).toBeGreaterThan(3);
		expect(others, "lines naming another municipality's minutes").toBeGreaterThan(0);
	});

	test('the source dialog names the municipality and date of the meeting a figure stands in', async () => {
		const seen = { own: 0, other: 0 };
		for (const m of ['Herning', 'Odder']) {
			const page = await openReady(`/klagesager/?kommune=${m}`);
			const ids = await page
				.locator('figure.chart a.mark')
				.evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href') ?? '', location.href).searchParams.get('kilde') ?? ''));
			const facts = await multiQuery<{ id: string; m: string; c: string | null; d: string | null }>(
				`SELECT f.fact_id AS id, d.municipality AS m, f.committee AS c, CAST(f.meeting_date AS VARCHAR) AS d
				 FROM facts f JOIN documents d ON d.doc_id = f.doc_id WHERE f.fact_id IN (${ids.map((i) => `'${i.replace(/'/g, "''")}'`).join(', ')})`
			);
			// A few of the municipality's own minutes and a few of others'.
			const chosen = [...facts.filter((f) => f.m === m).slice(0, 2), ...facts.filter((f) => f.m !== m).slice(0, 2)];
			for (const f of chosen) {
				await page.locator(`figure.chart a.mark[href*="kilde=${f.id}"]`).first().click();
				const meeting = page.locator('dialog[open] dl dt:text-is("Møde") + dd');
				await meeting.waitFor();
				await expect(meeting.textContent().then(norm)).resolves.toBe(`${f.m} Kommune, ${f.c ?? 'Ukendt udvalg'}, ${f.d ? danish(f.d) : 'dato ukendt'}`);
				await page.keyboard.press('Escape');
				await page.locator('dialog[open]').waitFor({ state: 'detached' });
				seen[f.m === m ? 'own' : 'other']++;
			}
			await page.close();
		}
		expect(seen.own).toBeGreaterThan(0);
		expect(seen.other).toBeGreaterThan(0);
	});
});

describe('Om tallene', () => {
	test('lists only the chosen municipality\'s meetings and figures', async () => {
		for (const m of ['Gladsaxe', 'Odder']) {
			const page = await openReady(`/om/?kommune=${m}`);
			const owners = (await page.locator('table.meetings-table tbody td:nth-child(3)').allTextContents()).map(norm);
			const [count] = await multiQuery<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM documents WHERE municipality = '${m}'`);
			expect(owners.length).toBe(count.n);
			expect(new Set(owners)).toEqual(new Set([m]));
			await expect(page.locator('h2#moeder').textContent().then(norm)).resolves.toBe(`Hvilke møder er med fra ${m}`);
			const height = await page.evaluate(() => document.documentElement.scrollHeight);
			expect(height).toBeLessThan(9000);
			await page.close();
		}
	});
});

describe('seen last session', () => {
	test('check notes give amounts in Danish millions, never "58.400.000"', async () => {
		let notes = 0;
		for (const m of SAMPLE)
			for (const path of [`/budget/?kommune=${m}`, `/om/?kommune=${m}`, `/?kommune=${m}`]) {
				const page = await openReady(path);
				const texts = [
					...(await page.locator('button.flag').evaluateAll((bs) => bs.map((b) => `${b.getAttribute('data-note')} ${b.getAttribute('aria-label')}`))),
					...(await page.locator('.figure-note, table.inconsistent-table td:nth-child(4)').allTextContents())
				];
				notes += texts.length;
				for (const t of texts) expect(t, path).not.toMatch(/\d{1,3}\.\d{3}\.\d{3}/);
				await page.close();
			}
		expect(notes).toBeGreaterThan(0);
		const page = await openReady('/om/?kommune=Aalborg');
		const budgetNotes = (await page.locator('table.inconsistent-table td:nth-child(4)').allTextContents()).map(norm).filter((t) => /budget/.test(t));
		expect(budgetNotes.length).toBeGreaterThan(0);
		for (const t of budgetNotes) expect(t).toMatch(/\d+,\d mio\. kr\./);
		await page.close();
	});

	test('no two flag glyphs in a chart cover each other', async () => {
		let glyphs = 0;
		for (const m of SAMPLE)
			for (const topic of ['klagesager', 'budget', 'magtanvendelse']) {
				const page = await openReady(`/${topic}/?kommune=${m}`);
				const result = await page.locator('figure.chart svg').evaluateAll((svgs) =>
					svgs.map((svg) => {
						const boxes = [...svg.querySelectorAll('g.flag-glyph')].map((g) => g.getBoundingClientRect());
						let overlaps = 0;
						for (let i = 0; i < boxes.length; i++)
							for (let j = i + 1; j < boxes.length; j++) {
								const a = boxes[i];
								const b = boxes[j];
								if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlaps++;
							}
						return { n: boxes.length, overlaps };
					})
				);
				for (const r of result) expect(r.overlaps, `${m} ${topic}`).toBe(0);
				glyphs += result.reduce((s, r) => s + r.n, 0);
				await page.close();
			}
		expect(glyphs).toBeGreaterThan(0);
	});

	test('"Sammenlign opfølgninger" and every other table fit a 1280 px window without sideways scrolling', async () => {
		for (const m of SAMPLE)
			for (const topic of ['budget', 'klagesager', 'magtanvendelse']) {
				const page = await openReady(`/${topic}/?kommune=${m}`);
				const wraps = await page.locator('.table-wrap').evaluateAll((ws) =>
					ws.map((w) => ({ table: w.querySelector('table')?.className ?? '', scroll: w.scrollWidth, width: w.clientWidth }))
				);
				for (const w of wraps) expect(w.scroll, `${m} ${topic} ${w.table}`).toBeLessThanOrEqual(w.width + 1);
				await page.close();
			}
	});
});

describe('comparison entities', () => {
	test("a municipality named only in others' minutes can be compared with, not chosen", async () => {
		const page = await openReady('/klagesager/');
		await expect(page.locator('#sel-kommune option').allTextContents()).resolves.not.toContain('København');
		const box = page.getByRole('group', { name: /Sammenlign med/ }).getByRole('checkbox', { name: 'København', exact: true });
		await box.check();
		await page.waitForFunction(() => decodeURIComponent(location.search).includes('sammenlign=København'));
		await expect(box.isChecked()).resolves.toBe(true);
		await page.close();
	});
});

describe('the whole visit', () => {
	test('the console stayed clean', () => {
		expect(site.errors).toEqual([]);
	});
});
