import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readParquet } from '../../scripts/lib/parquet';
import { PDF_PROBLEMS } from '../../src/lib/ingest/pdf';
import { minutesHtml } from '../fixtures/minutes-html';
import { minutesPdf } from '../fixtures/minutes-pdf';
import { ROOT, runCli } from '../fixtures/cli';

const scratch = await mkdtemp(join(tmpdir(), 'extract-formats-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));


const rowsOf = async (out: string, file: string) => (await readParquet(join(out, file))).rows as Record<string, unknown>[];
const factKey = (f: Record<string, unknown>) => `${f.item_no}|${f.metric}|${f.entity}|${f.area}|${f.period}|${f.value}`;

describe('a folder mixing PDF, HTML and text minutes', () => {
	it('is extracted in one command with the facts of the text versions; a broken PDF is named and skipped', async () => {
		const seed = '001_693366c4a187ea27';
		const text = await readFile(join(ROOT, 'seeds', `${seed}.txt`), 'utf8');
		const manifest = JSON.parse(await readFile(join(ROOT, 'seeds', 'manifest.json'), 'utf8'))[`${seed}.txt`];
		const asText = join(scratch, 'as-text');
		const mixed = join(scratch, 'mixed');
		await mkdir(asText);
		await mkdir(mixed);
		await writeFile(join(asText, `${seed}.txt`), text);
		await writeFile(join(asText, 'manifest.json'), JSON.stringify({ [`${seed}.txt`]: manifest }));
		await writeFile(join(mixed, `${seed}.pdf`), await minutesPdf(text, { footer: (p, n) => `Side ${p} af ${n}` }));
		await writeFile(join(mixed, 'kopi.html'), minutesHtml(text, 'Referat'));
		await writeFile(join(mixed, 'skannet.pdf'), await minutesPdf('', { imagePages: [{ page: 1, png: await readFile(join(ROOT, 'docs/overview.png')) }] }));
		await writeFile(join(mixed, 'manifest.json'), JSON.stringify({ [`${seed}.pdf`]: manifest, 'kopi.html': manifest, 'skannet.pdf': manifest }));

		expect((await runCli(['--input', asText, '--out', join(scratch, 'out-text')])).code).toBe(0);
		const run = await runCli(['--input', mixed, '--out', join(scratch, 'out-mixed')]);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain(`skannet.pdf: ${PDF_PROBLEMS.imagesOnly}`);

		const expected = (await rowsOf(join(scratch, 'out-text'), 'facts.parquet')).map(factKey).sort();
		const facts = await rowsOf(join(scratch, 'out-mixed'), 'facts.parquet');
		expect(expected.length).toBeGreaterThan(40);
		expect(facts.filter((f) => f.doc_id === seed).map(factKey).sort()).toEqual(expected);
		expect(facts.filter((f) => f.doc_id === 'kopi').map(factKey).sort()).toEqual(expected);
		// A fact from the PDF knows its page; one from the web page has none.
		expect(facts.filter((f) => f.doc_id === seed).every((f) => typeof f.page === 'number' && f.page >= 1)).toBe(true);
		expect(facts.filter((f) => f.doc_id === 'kopi').every((f) => f.page === null)).toBe(true);

		const documents = await rowsOf(join(scratch, 'out-mixed'), 'documents.parquet');
		const doc = (id: string) => documents.find((d) => d.doc_id === id)!;
		expect(doc(seed)).toMatchObject({ source_format: 'pdf', error: null });
		expect(doc(seed).page_count).toBeGreaterThan(5);
		expect(doc('kopi')).toMatchObject({ source_format: 'html', page_count: null, error: null });
		expect(doc('skannet')).toMatchObject({ source_format: 'pdf', error: PDF_PROBLEMS.imagesOnly, fact_count: 0 });
	}, 180_000);
});

describe('a folder that grows', () => {
	const folder = join(scratch, 'grows');
	const out = join(scratch, 'out-grows');
	const minutes = (n: number, cases: number) => `Punkt 1: Klagesager ${n}\n\nAnkestyrelsen afgjorde i 2024 ${cases} klagesager fra borgere i Gladsaxe Kommune.\n`;

	it('reads only new or changed files on a second run, writes the same rows, and drops the facts of removed files', async () => {
		await mkdir(folder);
		const names = Array.from({ length: 500 }, (_, i) => `m${String(i).padStart(3, '0')}.txt`);
		await Promise.all(names.map((name, i) => writeFile(join(folder, name), minutes(i, 100 + i))));
		await writeFile(join(folder, 'manifest.json'), JSON.stringify(Object.fromEntries(names.map((n) => [n, { municipality: 'Gladsaxe' }]))));

		const first = await runCli(['--input', folder, '--out', out]);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('500 of 500 files read');
		const before = await rowsOf(out, 'facts.parquet');
		expect(before.length).toBeGreaterThanOrEqual(500);

		const again = await runCli(['--input', folder, '--out', out]);
		expect(again.stdout).toContain('500 of 500 files read (500 unchanged, from the cache)');
		expect(await rowsOf(out, 'facts.parquet')).toEqual(before);

		await writeFile(join(folder, names[7]), minutes(7, 777));
		await unlink(join(folder, names[8]));
		const grown = await runCli(['--input', folder, '--out', out]);
		expect(grown.stdout).toContain('499 of 499 files read (498 unchanged, from the cache)');
		const readAgain = `${grown.stdout}\n${grown.stderr}`.split('\n').filter((l) => /^ok .*m\d{3}\.txt/.test(l) && !l.includes('from the cache'));
		expect(readAgain).toEqual([expect.stringContaining('m007.txt')]);
		const after = await rowsOf(out, 'facts.parquet');
		expect(after.some((f) => f.doc_id === 'm008')).toBe(false);
		expect(after.find((f) => f.doc_id === 'm007' && f.metric === 'klagesager_antal')?.value).toBe(777);

		const full = await runCli(['--input', folder, '--out', out, '--full']);
		expect(full.stdout).toContain('499 of 499 files read (');
		expect(full.stdout).not.toContain('from the cache');
	}, 600_000);
});
