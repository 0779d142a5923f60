import { afterAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentRow, Fact, Item } from '../../src/lib/extract/types';
import { MAX_LINE_BYTES, encodeLines } from '../../scripts/lib/json-lines';
import { fileResult } from '../../scripts/lib/minutes-file';
import { readParquet, writeParquetFiles } from '../../scripts/lib/parquet';
import { OUTPUT_FILES } from '../../scripts/lib/schema';
import { ParquetStreams } from '../../scripts/lib/stream';

const scratch = await mkdtemp(join(tmpdir(), 'stream-test-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const document = (doc_id: string): DocumentRow => ({
	doc_id,
	file_name: `${doc_id}.txt`,
	committee: 'Socialudvalget',
	meeting_date: '2024-03-12',
	municipality: 'Ærø',
	item_count: 2,
	fact_count: 2,
	encoding: 'utf-8',
	error: null,
	source_format: 'txt',
	page_count: null
});

const item = (doc_id: string, item_no: number, text: string): Item => ({
	doc_id,
	item_no,
	title: `Punkt ${item_no} "med citat" \\ og æøå`,
	case_no: item_no === 1 ? null : '24-2-27.00.00-P22',
	decision: null,
	text,
	char_start: item_no * 100,
	char_end: item_no * 100 + text.length
});

const fact = (doc_id: string, fact_id: string, value: number): Fact => ({
	fact_id,
	doc_id,
	item_no: 1,
	item_title: 'Klagesager',
	case_no: null,
	committee: null,
	meeting_date: '2024-02-29',
	family: 'klagesager',
	metric: 'omgoerelsesprocent',
	entity: 'Ærø',
	area: 'Serviceloven',
	period: '2023',
	year: 2023,
	value,
	unit: 'pct',
	quote: 'Omgørelsesprocenten var 0,1 i 2023 😀',
	char_start: 10,
	char_end: 40,
	check: 'ok',
	check_note: null,
	rule: 'r1',
	page: 3
});

// A lone surrogate (half an emoji cut at an offset) and a line break inside a text.
const files = ['doc-a', 'doc-b'].map((doc_id) => ({
	document: document(doc_id),
	items: [item(doc_id, 2, 'Andet punkt\nmed linjeskift'), item(doc_id, 1, `Første punkt ${'😀'.slice(0, 1)} slut`)],
	facts: [fact(doc_id, `${doc_id}-2`, 1e21), fact(doc_id, `${doc_id}-1`, 0.1 + 0.2)]
}));

const job = (doc_id: string) => ({ meta: { doc_id, file_name: `${doc_id}.txt` }, format: 'txt' as const, rows: false });

describe('ParquetStreams', () => {
	it('writes the same rows, in the same order, as staging and one COPY at the end', async () => {
		const streamed = join(scratch, 'streamed');
		const staged = join(scratch, 'staged');
		await mkdir(streamed);
		await mkdir(staged);
		const streams = await ParquetStreams.open(streamed);
		expect(streams).not.toBeNull();
		// Each file's rows sorted and encoded, as a worker sends them.
		for (const file of files) await streams!.write(fileResult(job(file.document.doc_id), { ...file, items: [...file.items], facts: [...file.facts], outcome: 'ok', detail: '' }, 0).lines);
		expect(await streams!.finish()).toEqual(['facts.parquet', 'documents.parquet', 'items.parquet']);
		expect((await readdir(streamed)).sort()).toEqual([...OUTPUT_FILES].sort());
		await writeParquetFiles(staged, {
			documents: files.map((f) => f.document),
			items: files.flatMap((f) => f.items),
			facts: files.flatMap((f) => f.facts)
		});
		for (const name of OUTPUT_FILES) expect(await readParquet(join(streamed, name))).toEqual(await readParquet(join(staged, name)));
		const items = (await readParquet(join(streamed, 'items.parquet'))).rows;
		expect(items[0].text).toBe('Første punkt \uFFFD slut');
		expect(items.map((r) => r.item_no)).toEqual([1, 2, 1, 2]);
	});

	it('writes readable files with no rows', async () => {
		const dir = join(scratch, 'empty');
		await mkdir(dir);
		await (await ParquetStreams.open(dir))!.finish();
		expect((await readParquet(join(dir, 'items.parquet'))).rows).toEqual([]);
	});

	it('refuses a file with a row longer than DuckDB reads, naming the table, and keeps its document row', () => {
		const long = item('doc-a', 1, 'x'.repeat(MAX_LINE_BYTES));
		const refused = fileResult(job('doc-a'), { document: document('doc-a'), items: [long], facts: [], outcome: 'ok', detail: '' }, 1);
		expect(refused.outcome).toBe('error');
		expect(refused.detail).toMatch(/^a row of items is too long to write \(16 MB; limit 16 MB\)$/);
		expect(refused.lines.items.length).toBe(0);
		expect(JSON.parse(new TextDecoder().decode(refused.lines.documents))).toMatchObject({ doc_id: 'doc-a', item_count: 0, error: refused.detail });
		expect(encodeLines('items', [long]).problem).toMatch(/too long/);
		expect(fileResult(job('doc-a'), { ...files[0], outcome: 'ok', detail: '' }, 1).outcome).toBe('ok');
	});
});
