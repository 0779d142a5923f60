import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { NULL_PARTITION, hiveEscape } from '../../scripts/lib/partition';
import { readParquet } from '../../scripts/lib/parquet';
import { TEMP_PREFIX, removeStaleTempDirs } from '../../scripts/lib/publish';
import { ROOT, runCli } from '../fixtures/cli';

const SEEDS = join(ROOT, 'seeds');
const scratch = await mkdtemp(join(tmpdir(), 'partition-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));


/** Runs one query the way a user of the folders would, in a fresh DuckDB. */
async function query(sql: string): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
	const connection = await instance.connect();
	try {
		return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

const sqlPath = (p: string) => `'${p.replaceAll("'", "''")}'`;

/** Which municipality each seed's minutes are said to be from; the names need escaping or not. */
const PLACES: Record<string, string> = {
	'000_153b288ad633efca.txt': 'Ærø',
	'001_693366c4a187ea27.txt': 'Ærø',
	'002_ad48d02d6ced1378.txt': 'Lyngby-Taarbæk',
	'003_9cf5537fc2cd8160.txt': 'Gladsaxe',
	'004_622c9542dd12e8ae.txt': 'Gladsaxe'
};

describe('extract --partition', () => {
	const input = join(scratch, 'minutes');
	const flat = join(scratch, 'flat');
	const out = join(scratch, 'partitioned');
	let run: Awaited<ReturnType<typeof runCli>>;

	beforeAll(async () => {
		await mkdir(input);
		const seedManifest = JSON.parse(await readFile(join(SEEDS, 'manifest.json'), 'utf8'));
		const manifest: Record<string, object> = {};
		for (const [name, municipality] of Object.entries(PLACES)) {
			await copyFile(join(SEEDS, name), join(input, name));
			manifest[name] = { ...seedManifest[name], municipality };
		}
		await writeFile(join(input, 'manifest.json'), JSON.stringify(manifest));
		await writeFile(join(input, 'empty.txt'), '');
		const [flatRun, partRun] = await Promise.all([runCli(['--input', input, '--out', flat]), runCli(['--input', input, '--out', out, '--partition'])]);
		expect(flatRun.code).toBe(1);
		run = partRun;
	}, 120_000);

	it('writes facts/, documents/ and items/ folders and says so', async () => {
		expect(run.code).toBe(1);
		expect(run.stdout).toContain(`  written: facts/, documents/, items/ in ${out}/`);
		expect((await readdir(out)).filter((n) => !n.startsWith('.')).sort()).toEqual(['documents', 'facts', 'items']);
	});

	it('names folders by municipality and year as Hive does, with Danish letters as they are', async () => {
		expect((await readdir(join(out, 'facts'))).sort()).toEqual(['municipality=Gladsaxe', 'municipality=Lyngby-Taarbæk', 'municipality=Ærø']);
		for (const m of await readdir(join(out, 'facts'))) {
			for (const y of await readdir(join(out, 'facts', m))) {
				expect(y).toMatch(/^year=20\d\d$/);
				expect(await readdir(join(out, 'facts', m, y))).toEqual(['part-0.parquet']);
			}
		}
		expect((await readdir(join(out, 'documents'))).sort()).toEqual([
			'municipality=Gladsaxe',
			'municipality=Lyngby-Taarbæk',
			`municipality=${NULL_PARTITION}`,
			'municipality=Ærø'
		]);
	});

	it('answers the one-line DuckDB query with exactly the facts of the flat file, plus municipality', async () => {
		const rows = await query(
			`SELECT *, strftime(meeting_date, '%Y-%m-%d') AS meeting_day FROM read_parquet(${sqlPath(join(out, 'facts/*/*/*.parquet'))}, hive_partitioning = true)`
		);
		const flatFacts = (await readParquet(join(flat, 'facts.parquet'))).rows;
		expect(rows.length).toBe(flatFacts.length);
		expect(rows.length).toBeGreaterThan(100);
		const byId = new Map(rows.map((r) => [r.fact_id, r]));
		const placeOf = (docId: unknown) => PLACES[`${docId}.txt`];
		for (const fact of flatFacts) {
			const row = byId.get(fact.fact_id)!;
			expect(row.municipality).toBe(placeOf(fact.doc_id));
			expect(Number(row.year)).toBe(fact.year);
			expect(row.quote).toBe(fact.quote);
			expect(row.value).toBe(fact.value);
			expect(row.meeting_day).toBe(fact.meeting_date);
		}
	});

	it('filters by municipality and year from the folder names alone', async () => {
		const [counts] = await query(
			`SELECT count(*)::INTEGER AS n, count(DISTINCT doc_id)::INTEGER AS docs FROM read_parquet(${sqlPath(join(out, 'facts/*/*/*.parquet'))}, hive_partitioning = true) WHERE municipality = 'Ærø'`
		);
		const flatFacts = (await readParquet(join(flat, 'facts.parquet'))).rows;
		expect(counts.n).toBe(flatFacts.filter((f) => PLACES[`${f.doc_id}.txt`] === 'Ærø').length);
		expect(counts.docs).toBe(2);
	});

	it('keeps the partition columns out of the files, as Spark and Trino expect', async () => {
		const [year] = await readdir(join(out, 'facts', 'municipality=Gladsaxe'));
		const file = join(out, 'facts', 'municipality=Gladsaxe', year, 'part-0.parquet');
		const columns = await query(`DESCRIBE SELECT * FROM read_parquet(${sqlPath(file)}, hive_partitioning = false)`);
		const names = columns.map((c) => c.column_name);
		expect(names).not.toContain('year');
		expect(names).not.toContain('municipality');
		expect(names).toContain('quote');
	});

	it('puts every document and item in its municipality, a file that failed under the null partition', async () => {
		const docs = await query(`SELECT doc_id, municipality, error FROM read_parquet(${sqlPath(join(out, 'documents/*/*.parquet'))}, hive_partitioning = true) ORDER BY doc_id`);
		expect(docs.map((d) => [d.doc_id, d.municipality])).toEqual([
			...Object.entries(PLACES).map(([name, m]) => [name.slice(0, -4), m]),
			['empty', null]
		]);
		const items = await query(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlPath(join(out, 'items/*/*.parquet'))}, hive_partitioning = true)`);
		expect(items[0].n).toBe((await readParquet(join(flat, 'items.parquet'))).rows.length);
	});

	it('replaces the folders on the next run, leaving no old partition or temporary folder behind', async () => {
		const smaller = join(scratch, 'smaller');
		await mkdir(smaller);
		await copyFile(join(SEEDS, '003_9cf5537fc2cd8160.txt'), join(smaller, '003_9cf5537fc2cd8160.txt'));
		await writeFile(join(smaller, 'manifest.json'), JSON.stringify({ '003_9cf5537fc2cd8160.txt': { municipality: 'Gladsaxe' } }));
		const again = await runCli(['--input', smaller, '--out', out, '--partition']);
		expect(again.code).toBe(0);
		expect((await readdir(out)).filter((n) => !n.startsWith('.')).sort()).toEqual(['documents', 'facts', 'items']);
		expect(await readdir(join(out, 'documents'))).toEqual(['municipality=Gladsaxe']);
		const docs = await query(`SELECT doc_id FROM read_parquet(${sqlPath(join(out, 'documents/*/*.parquet'))}, hive_partitioning = true)`);
		expect(docs).toEqual([{ doc_id: '003_9cf5537fc2cd8160' }]);
	}, 60_000);
});

describe('hive folder names and interrupted swaps', () => {
	it('escapes what Hive escapes and keeps letters, spaces and hyphens', () => {
		expect(hiveEscape('Ærø')).toBe('Ærø');
		expect(hiveEscape('Lyngby-Taarbæk Kommune')).toBe('Lyngby-Taarbæk Kommune');
		expect(hiveEscape('a/b=c:d%')).toBe('a%2Fb%3Dc%3Ad%25');
		expect(hiveEscape('tab\there')).toBe('tab%09here');
	});

	it('puts back an output folder that a killed run had moved aside', async () => {
		const out = join(scratch, 'swap');
		const dead = join(out, `${TEMP_PREFIX}999999999-abc`);
		await mkdir(join(dead, 'replaced-facts', 'municipality=Gladsaxe'), { recursive: true });
		await writeFile(join(dead, 'replaced-facts', 'municipality=Gladsaxe', 'part-0.parquet'), 'previous');
		await mkdir(join(dead, 'replaced-items'), { recursive: true });
		await mkdir(join(out, 'items'), { recursive: true });
		await writeFile(join(out, 'items', 'current'), 'new');
		await removeStaleTempDirs(out);
		expect((await readdir(out)).sort()).toEqual(['facts', 'items']);
		expect(await readFile(join(out, 'facts', 'municipality=Gladsaxe', 'part-0.parquet'), 'utf8')).toBe('previous');
		expect(await readdir(join(out, 'items'))).toEqual(['current']);
	});
});

describe('file order of a corpus staged file by file', () => {
	it('keeps documents, items and facts in the order DuckDB itself sorts them, whatever order the folders come in', async () => {
		const z = join(scratch, 'order-z');
		const a = join(scratch, 'order-a');
		await mkdir(z);
		await mkdir(a);
		// U+1D49C sorts after U+FB00 by code point (as DuckDB sorts) but before it in UTF-16 units.
		await copyFile(join(SEEDS, '000_153b288ad633efca.txt'), join(z, 'a-𝒜.txt'));
		await copyFile(join(SEEDS, '001_693366c4a187ea27.txt'), join(a, 'a-ﬀ.txt'));
		await copyFile(join(SEEDS, '004_622c9542dd12e8ae.txt'), join(a, 'b.txt'));
		for (const dir of [z, a]) await writeFile(join(dir, 'manifest.json'), '{}');
		const out = join(scratch, 'order-out');
		expect((await runCli(['--input', z, a, '--out', out])).code).toBe(0);
		const file = (name: string) => sqlPath(join(out, name));
		const docs = await query(`SELECT doc_id FROM ${file('documents.parquet')}`);
		expect(docs.map((d) => d.doc_id)).toEqual(['a-ﬀ', 'a-𝒜', 'b']);
		const facts = await query(`SELECT fact_id FROM ${file('facts.parquet')}`);
		const sorted = await query(`SELECT fact_id FROM ${file('facts.parquet')} ORDER BY doc_id, item_no, char_start, metric, entity, fact_id`);
		expect(facts.length).toBeGreaterThan(50);
		expect(facts).toEqual(sorted);
		const items = await query(`SELECT doc_id, item_no FROM ${file('items.parquet')}`);
		expect(items).toEqual(await query(`SELECT doc_id, item_no FROM ${file('items.parquet')} ORDER BY doc_id, item_no, char_start`));
	}, 60_000);
});
