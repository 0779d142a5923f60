import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentRow, Fact, Item } from '../../src/lib/extract/types';
import { readParquet, writeParquetFiles } from '../../scripts/lib/parquet';
import { GENERATIONS, OutputBusy, TEMP_PREFIX, lockOutput, publishAtomically, removeStaleTempDirs } from '../../scripts/lib/publish';
import { DOCUMENT_COLUMNS, FACT_COLUMNS, ITEM_COLUMNS, OUTPUT_FILES, cellProblem } from '../../scripts/lib/schema';

const scratch = await mkdtemp(join(tmpdir(), 'parquet-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const fact = (over: Partial<Fact>): Fact => ({
	fact_id: 'f',
	doc_id: 'doc-a',
	item_no: 1,
	item_title: 'Klagesager på socialområdet 2023',
	case_no: '24-2-27.00.00-P22',
	committee: 'Psykiatri- og Handicapudvalget',
	meeting_date: '2024-12-04',
	family: 'klagesager',
	metric: 'klagesager_antal',
	entity: 'Gladsaxe',
	area: 'socialområdet',
	period: '2023',
	year: 2023,
	value: 90,
	unit: 'antal',
	quote: 'Ankestyrelsen har i 2023 behandlet 90 klagesager',
	char_start: 100,
	char_end: 148,
	check: 'ok',
	check_note: null,
	rule: 'klagesager.behandlet',
	...over
});

const facts: Fact[] = [
	fact({ fact_id: 'f4', doc_id: 'doc-b', item_no: 1, char_start: 5, meeting_date: null, committee: null, case_no: null }),
	fact({
		fact_id: 'f3',
		item_no: 2,
		char_start: 10,
		family: 'budget',
		metric: 'afvigelse_vedtaget_budget',
		value: -46_000_000,
		unit: 'kr',
		period: '2024-Q3',
		year: 2024,
		quote: "I alt 324,5 375,1 370,5 -46,0 4,6 'mio. kr.'",
		check: 'inconsistent',
		check_note: 'Summen af rækkerne er 99, ikke 90'
	}),
	fact({ fact_id: 'f2', char_start: 100, metric: 'stadfaestet_antal', value: 56 }),
	fact({ fact_id: 'f1', char_start: 100, metric: 'klagesager_antal' }),
	fact({ fact_id: 'f5', char_start: 100, metric: 'omgoerelsespct', entity: 'Landsgennemsnit', value: 39.5, unit: 'pct' })
];

const documents: DocumentRow[] = [
	{
		doc_id: 'doc-b',
		file_name: 'doc-b.txt',
		committee: null,
		meeting_date: null,
		municipality: null,
		item_count: 0,
		fact_count: 0,
		encoding: null,
		error: 'binary file (contains NUL bytes), skipped'
	},
	{
		doc_id: 'doc-a',
		file_name: 'doc-a.txt',
		committee: 'Psykiatri- og Handicapudvalget',
		meeting_date: '2024-02-29',
		municipality: 'Gladsaxe',
		item_count: 2,
		fact_count: 4,
		encoding: 'windows-1252',
		error: null
	}
];

const items: Item[] = [
	{
		doc_id: 'doc-a',
		item_no: 2,
		title: 'Budgetopfølgning 3/2024',
		case_no: null,
		decision: null,
		text: 'Punkt 2: Budgetopfølgning 3/2024\n' + 'Merforbrug angives med minus-fortegn. '.repeat(30_000),
		char_start: 500,
		char_end: 1_140_534
	},
	{
		doc_id: 'doc-a',
		item_no: 1,
		title: 'Klagesager på "socialområdet"',
		case_no: '24-2-27.00.00-P22',
		decision: 'Taget til efterretning.',
		text: 'Punkt 1: …',
		char_start: 0,
		char_end: 500
	}
];

const written = join(scratch, "out with 'quote' and space");
await mkdir(written);
const files = await writeParquetFiles(written, { facts, documents, items });
const read = {
	facts: await readParquet(join(written, 'facts.parquet')),
	documents: await readParquet(join(written, 'documents.parquet')),
	items: await readParquet(join(written, 'items.parquet'))
};

describe('writeParquetFiles', () => {
	it('writes the three files, even into a path with quotes and spaces', async () => {
		expect(files).toEqual(OUTPUT_FILES);
		expect((await readdir(written)).sort()).toEqual([...OUTPUT_FILES].sort());
	});

	it('uses the contract’s column names and types, with rule and page as the extra facts columns', () => {
		const asSchema = (cols: readonly { name: string; type: string }[]) => cols.map((c) => `${c.name} ${c.type}`);
		expect(asSchema(read.facts.columns)).toEqual(asSchema(FACT_COLUMNS));
		expect(asSchema(read.documents.columns)).toEqual(asSchema(DOCUMENT_COLUMNS));
		expect(asSchema(read.items.columns)).toEqual(asSchema(ITEM_COLUMNS));
		expect(read.facts.columns.map((c) => c.name).slice(-3)).toEqual(['check_note', 'rule', 'page']);
		expect(read.facts.columns.find((c) => c.name === 'meeting_date')?.type).toBe('DATE');
		expect(read.facts.columns.find((c) => c.name === 'value')?.type).toBe('DOUBLE');
	});

	it('gives every value back, nulls, negatives, decimals and quotes included', () => {
		const byId = new Map(read.facts.rows.map((r) => [r.fact_id, r]));
		// A fact from a text file has no page; a document row not from the CLI no source format.
		for (const f of facts) expect(byId.get(f.fact_id)).toEqual({ page: null, ...f });
		expect(read.documents.rows).toEqual(
			[...documents].map((d) => ({ source_format: null, page_count: null, ...d })).sort((a, b) => a.doc_id.localeCompare(b.doc_id))
		);
		expect(read.items.rows).toEqual([...items].reverse());
		expect((read.items.rows[1].text as string).length).toBe(items[0].text.length);
	});

	it('sorts facts by doc_id, item_no, char_start, metric', () => {
		expect(read.facts.rows.map((r) => r.fact_id)).toEqual(['f1', 'f5', 'f2', 'f3', 'f4']);
	});

	it('writes readable files with no rows', async () => {
		const dir = join(scratch, 'empty');
		await mkdir(dir);
		await writeParquetFiles(dir, { facts: [], documents: [], items: [] });
		const empty = await readParquet(join(dir, 'facts.parquet'));
		expect(empty.rows).toEqual([]);
		expect(empty.columns.map((c) => c.name)).toEqual(FACT_COLUMNS.map((c) => c.name));
	});

	it('is read the same by DuckDB-WASM 1.28, the dashboard’s reader', async () => {
		const require = createRequire(import.meta.url);
		const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
		const dist = join(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'), '..');
		const db = await duckdb.createDuckDB(
			{
				mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
				eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
			},
			new duckdb.VoidLogger(),
			duckdb.NODE_RUNTIME
		);
		await db.instantiate();
		const conn = db.connect();
		try {
			for (const file of OUTPUT_FILES) db.registerFileBuffer(file, await readFile(join(written, file)));
			const query = (sql: string) => conn.query(sql).toArray().map((r: { toJSON(): object }) => ({ ...r.toJSON() }));
			const types = query("DESCRIBE SELECT * FROM 'facts.parquet'").map((r: Record<string, unknown>) => `${r.column_name} ${r.column_type}`);
			expect(types).toEqual(FACT_COLUMNS.map((c) => `${c.name} ${c.type}`));
			const rows = query(
				"SELECT fact_id, value, strftime(meeting_date, '%Y-%m-%d') AS meeting_date, \"check\", quote FROM 'facts.parquet'"
			);
			expect(rows.map((r: Record<string, unknown>) => r.fact_id)).toEqual(['f1', 'f5', 'f2', 'f3', 'f4']);
			expect(rows[3]).toEqual({
				fact_id: 'f3',
				value: -46_000_000,
				meeting_date: '2024-12-04',
				check: 'inconsistent',
				quote: facts[1].quote
			});
			expect(query("SELECT count(*)::INTEGER AS n, max(length(text))::INTEGER AS longest FROM 'items.parquet'")).toEqual([
				{ n: 2, longest: items[0].text.length }
			]);
			expect(query("SELECT error FROM 'documents.parquet' WHERE doc_id = 'doc-b'")).toEqual([{ error: documents[0].error }]);
		} finally {
			conn.close();
			await db.terminate?.();
		}
	});
});

describe('cellProblem', () => {
	it('rejects what the Parquet columns cannot hold', () => {
		const column = (name: string) => FACT_COLUMNS.find((c) => c.name === name)!;
		expect(cellProblem(column('item_no'), 2 ** 31)).toMatch(/32-bit integer/);
		expect(cellProblem(column('item_no'), 1.5)).toMatch(/32-bit integer/);
		expect(cellProblem(column('value'), Number.NaN)).toMatch(/finite/);
		expect(cellProblem(column('meeting_date'), '2025-02-29')).toMatch(/ISO date/);
		expect(cellProblem(column('meeting_date'), '04.12.2024')).toMatch(/ISO date/);
		expect(cellProblem(column('fact_id'), null)).toMatch(/missing/);
		expect(cellProblem(column('check_note'), null)).toBeNull();
		expect(cellProblem(column('meeting_date'), '2024-02-29')).toBeNull();
	});
});

describe('publishAtomically', () => {
	it('replaces the files and leaves no temporary folder', async () => {
		const out = join(scratch, 'publish');
		await publishAtomically(out, async (dir) => {
			await writeFile(join(dir, 'a.txt'), 'old');
			return ['a.txt'];
		});
		await publishAtomically(out, async (dir) => {
			await writeFile(join(dir, 'a.txt'), 'new');
			return ['a.txt'];
		});
		expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('new');
		expect((await readdir(out)).filter((n) => !n.startsWith('.'))).toEqual(['a.txt']);
		expect(await readdir(join(out, GENERATIONS))).toHaveLength(1);
	});

	it('leaves the previous files untouched when writing fails half-way', async () => {
		const out = join(scratch, 'publish-fail');
		await publishAtomically(out, async (dir) => {
			await writeFile(join(dir, 'a.txt'), 'old a');
			await writeFile(join(dir, 'b.txt'), 'old b');
			return ['a.txt', 'b.txt'];
		});
		await expect(
			publishAtomically(out, async (dir) => {
				await writeFile(join(dir, 'a.txt'), 'half');
				throw new Error('disk full');
			})
		).rejects.toThrow('disk full');
		expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('old a');
		expect(await readFile(join(out, 'b.txt'), 'utf8')).toBe('old b');
		expect((await readdir(out)).filter((n) => !n.startsWith('.')).sort()).toEqual(['a.txt', 'b.txt']);
		expect(await readdir(join(out, GENERATIONS))).toHaveLength(1);
	});

	it('removes temporary folders of earlier runs, whether or not a process with their PID is alive (the lock decides)', async () => {
		const out = join(scratch, 'stale');
		const dead = `${TEMP_PREFIX}999999999-abc`;
		const running = `${TEMP_PREFIX}${process.ppid}-def`;
		for (const name of [dead, running]) {
			await mkdir(join(out, name), { recursive: true });
			await writeFile(join(out, name, 'facts.parquet'), 'half-written');
		}
		await writeFile(join(out, 'facts.parquet'), 'current');
		expect((await removeStaleTempDirs(out)).sort()).toEqual([dead, running].sort());
		expect(await readdir(out)).toEqual(['facts.parquet']);
	});

	it('lets one writer at a time hold an output folder, until it releases it', async () => {
		const out = join(scratch, 'locked');
		await mkdir(out, { recursive: true });
		const lock = await lockOutput(out);
		await expect(lockOutput(out)).rejects.toThrow(new OutputBusy(String(process.pid)).message);
		await expect(publishAtomically(out, async () => [])).rejects.toBeInstanceOf(OutputBusy);
		await lock.release();
		await (await lockOutput(out)).release();
	});
});
