import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractDocument } from '../../src/lib/extract/index';
import { KEY_FAMILIES, type Fact } from '../../src/lib/extract/types';
import { CORPUS_INFO, corpusFolders, generateCorpus } from '../../scripts/bench/corpus/generate';
import { formatDecimal, formatInteger, wrapLines } from '../../scripts/bench/corpus/danish';
import { MUNICIPALITIES } from '../../scripts/bench/corpus/places';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds');
const scratch = await mkdtemp(join(tmpdir(), 'generate-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const MB = 0.6;

/** Every file of a corpus, relative path → bytes. */
async function contents(dir: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) {
			const path = join(entry.parentPath, entry.name);
			files.set(path.slice(dir.length + 1), await readFile(path));
		}
	}
	return files;
}

describe('generate-corpus', () => {
	const a = join(scratch, 'a');
	const b = join(scratch, 'b');
	const other = join(scratch, 'other');
	let filesA: Map<string, Buffer>;

	beforeAll(async () => {
		await generateCorpus({ out: a, mb: MB, seed: 7, seedsDir: SEEDS });
		await generateCorpus({ out: b, mb: MB, seed: 7, seedsDir: SEEDS });
		await generateCorpus({ out: other, mb: MB, seed: 8, seedsDir: SEEDS });
		filesA = await contents(a);
	}, 60_000);

	it('gives byte-identical files for the same seed', async () => {
		const filesB = await contents(b);
		expect([...filesB.keys()].sort()).toEqual([...filesA.keys()].sort());
		for (const [path, bytes] of filesA) expect(bytes.equals(filesB.get(path)!), path).toBe(true);
	});

	it('gives other meetings for another seed', async () => {
		const filesOther = await contents(other);
		const txt = (m: Map<string, Buffer>) => [...m.keys()].filter((k) => k.endsWith('.txt'));
		const shared = txt(filesOther).filter((k) => filesA.has(k) && filesA.get(k)!.equals(filesOther.get(k)!));
		expect(shared).toEqual([]);
		expect(txt(filesOther).length).toBeGreaterThan(5);
	});

	it('writes at least the size asked for, in folders per municipality with a manifest for every file', async () => {
		const txt = [...filesA].filter(([k]) => k.endsWith('.txt'));
		const bytes = txt.reduce((n, [, v]) => n + v.length, 0);
		expect(bytes).toBeGreaterThanOrEqual(MB * 1e6);
		expect(bytes).toBeLessThan(MB * 1e6 + 100_000);
		const info = JSON.parse(filesA.get(CORPUS_INFO)!.toString());
		expect(info).toMatchObject({ files: txt.length, bytes, seed: 7 });
		const folders = await corpusFolders(a);
		expect(folders.length).toBeGreaterThan(3);
		for (const folder of folders) {
			const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
			const names = (await readdir(folder)).filter((n) => n.endsWith('.txt')).sort();
			expect(Object.keys(manifest).sort()).toEqual(names);
			for (const entry of Object.values(manifest) as Record<string, string>[]) {
				expect(MUNICIPALITIES).toContain(entry.municipality);
				expect(entry.committee).toMatch(/udvalget$/);
				expect(entry.meeting_date).toMatch(/^20(1[6-9]|2[0-6])-\d\d-\d\d$/);
				expect(entry.basis).toContain('seed 7');
			}
		}
	});

	it('lays meetings out like the seeds: numbered items with case numbers, wrapped lines', () => {
		const text = [...filesA].find(([k]) => k.endsWith('.txt'))![1].toString();
		expect(text).toMatch(/^ ?Punkt 1: /);
		expect(text).toMatch(/\n\d{2}-\d+-\d{2}\.\d{2}\.\d{2}-[A-Z]\d{2}\n/);
		expect(text).toMatch(/Punkt \d+: Godkendelse\n/);
		expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(200);
	});

	it('mixes in the seeds’ items with the municipality renamed', () => {
		const texts = [...filesA].filter(([k]) => k.endsWith('.txt') && !k.startsWith('gladsaxe/')).map(([, v]) => v.toString());
		expect(texts.some((t) => /Kvalitetsstandarder|Sundhedspolitikken|danmarkskort|Udmøntning af §18-midler/.test(t))).toBe(true);
		expect(texts.some((t) => t.includes('Gladsaxe'))).toBe(false);
	});

	it('yields facts of every key family to the extractor, for the municipality in the manifest', async () => {
		const facts: Fact[] = [];
		let own = 0;
		for (const folder of await corpusFolders(a)) {
			const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
			for (const name of Object.keys(manifest)) {
				const text = await readFile(join(folder, name), 'utf8');
				const found = extractDocument(text, { doc_id: name.slice(0, -4), file_name: name, ...manifest[name] }).facts;
				own += found.filter((f) => f.entity === manifest[name].municipality).length;
				facts.push(...found);
			}
		}
		for (const family of KEY_FAMILIES) expect(facts.filter((f) => f.family === family).length, family).toBeGreaterThan(5);
		expect(facts.length / MB).toBeGreaterThan(500);
		expect(own / facts.length).toBeGreaterThan(0.7);
	});

	it('refuses to write over a folder that is not a generated corpus', async () => {
		const precious = join(scratch, 'precious');
		await mkdir(precious);
		await writeFile(join(precious, 'notes.txt'), 'keep');
		await expect(generateCorpus({ out: precious, mb: 0.01, seed: 1, seedsDir: null })).rejects.toThrow(/not a generated corpus/);
		expect(await readFile(join(precious, 'notes.txt'), 'utf8')).toBe('keep');
	});
});

describe('Danish notation in generated minutes', () => {
	it('writes numbers and wraps lines as the minutes do', () => {
		expect(formatInteger(1341696)).toBe('1.341.696');
		expect(formatInteger(-46)).toBe('-46');
		expect(formatDecimal(46, 1)).toBe('46,0');
		expect(formatDecimal(-1234.56, 1)).toBe('-1.234,6');
		expect(formatDecimal(-0.01, 1)).toBe('0,0');
		expect(wrapLines('aa bb cc dd', 5)).toBe('aa bb\ncc dd');
	});
});
