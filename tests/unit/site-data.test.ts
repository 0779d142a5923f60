import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NATIONAL } from '../../src/lib/data/facts';
import { factOf, indexPart, klagesagerEntities, mergeKlagesager, paths, type FamilyFile, type ItemFile } from '../../src/lib/data/filekeys';
import { klagesagerFacts, klagesagerOptions } from '../../src/lib/data/klagesager';
import { openRunner } from '../../src/lib/data/node.server';
import { overview } from '../../src/lib/data/overview';
import type { Runner } from '../../src/lib/data/runner';
import { cutAtQuote, sourceOf } from '../../src/lib/data/source';
import { writeSet } from '../../src/lib/data/sitedata.server';
import { runCli } from '../fixtures/cli';

/** The small files the build writes answer what the SQL engine answers, on the seeds. */
let dir: string;
let run: Runner;
let digits: number;
const read = async <T>(path: string) => JSON.parse(await readFile(join(dir, 'site', path), 'utf8')) as T;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'site-data-'));
	const cli = await runCli(['--input', 'seeds', '--out', join(dir, 'data')]);
	expect(cli.code).toBe(0);
	run = await openRunner(join(dir, 'data'));
	digits = await writeSet(run, join(dir, 'site'), true);
}, 60_000);
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('the files behind a tap and a filter', () => {
	test('every fact finds its agenda item, and the item cuts the quote where SQL does', async () => {
		const ids = (await run.all<{ fact_id: string }>('SELECT fact_id FROM facts')).map((r) => r.fact_id);
		expect(ids.length).toBeGreaterThan(50);
		for (const id of ids) {
			const index = await read<Record<string, number>>(paths.index(indexPart(id, digits)));
			const item = await read<ItemFile>(paths.item(index[id]));
			const fact = factOf(item, item.facts.find((f) => f.fact_id === id)!);
			const sql = (await sourceOf(run, id))!;
			// The whole fact comes back, though its file states the item's columns once.
			expect(sql.fact).toMatchObject(fact);
			expect(Object.keys(fact).length).toBeGreaterThanOrEqual(21);
			expect(item.file_name).toBe(sql.file_name);
			const cut = cutAtQuote(item.text ?? '', item.item_start ?? 0, fact.char_start, fact.char_end);
			expect(cut.quote).toBe(sql.quote);
			expect(cut.quote.length).toBeGreaterThan(0);
		}
		const sizes = await Promise.all((await readdir(join(dir, 'site', 'punkt'))).map(async (n) => (await readFile(join(dir, 'site', 'punkt', n))).length));
		expect(Math.max(...sizes)).toBeLessThan(100_000);
	});

	test('klagesager for any choice of areas and comparisons: the same facts in the same order', async () => {
		const options = await klagesagerOptions(run);
		const areas = options.areas.map((a) => a.area);
		const choices = [[areas[0]], areas, areas.slice(1), areas.slice(0, 2)].filter((a) => a.length > 0);
		for (const chosen of choices) {
			const selection = { municipality: options.defaults.municipality, areas: chosen, compare: [] };
			const files = await Promise.all(klagesagerEntities(selection).map((e) => read<FamilyFile>(paths.family('klagesager', e))));
			const fromFiles = mergeKlagesager(files, selection).map((f) => f.fact_id);
			expect(fromFiles).toEqual((await klagesagerFacts(run, selection)).map((f) => f.fact_id));
		}
		expect(klagesagerEntities({ municipality: 'A', areas: [], compare: ['B'] })).toEqual(['A', 'B', NATIONAL]);
		const own = await read<FamilyFile>(paths.family('klagesager', options.defaults.municipality));
		expect(own.areas).toEqual(options.areas);
	});

	test('the overview of a municipality is the one the page renders', async () => {
		const o = await overview(run);
		expect(await read(paths.overview(o.municipality))).toEqual(JSON.parse(JSON.stringify(o)));
	});
});
