import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_QUERY, explore, exploreAll, explorerPaths, PAGE_SIZE, meetingsByMunicipality, QUOTES_PER_FILE, type ExplorerQuery, type Meeting, type QuoteFile, type QuoteSource } from '../../src/lib/data/explorer';
import { writeExplorerFiles } from '../../src/lib/data/explorerfiles.server';
import { openRunner } from '../../src/lib/data/node.server';
import { factsInMemoryFrom, type Runner } from '../../src/lib/data/runner';
import { runCli } from '../fixtures/cli';

/** The explorer's own build files answer every page as the facts themselves do, on the seeds. */
let dir: string;
let run: Runner;
/** A second engine that, like the browser, holds alle/fakta.parquet in memory. */
let fromFiles: Runner;
const site = () => join(dir, 'site');
const read = async <T>(path: string) => JSON.parse(await readFile(join(site(), path), 'utf8')) as T;

/** The quotes as the browser reads them: from the quote file each row's number names. */
const quotesFromDisk: QuoteSource = async (_run, rows) => {
	const out = new Map<number, { fact_id: string; quote: string }>();
	for (const row of rows) {
		const file = await read<QuoteFile>(explorerPaths.quotes(row.n!));
		out.set(row.n!, { fact_id: file.fact_id[row.n! % QUOTES_PER_FILE], quote: file.quote[row.n! % QUOTES_PER_FILE] });
	}
	return out;
};

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'explorer-files-'));
	const cli = await runCli(['--input', 'seeds', '--out', join(dir, 'data')]);
	expect(cli.code).toBe(0);
	run = await openRunner(join(dir, 'data'));
	await writeExplorerFiles(run, site());
	const engine = await openRunner(join(dir, 'data'));
	for (const statement of factsInMemoryFrom(join(site(), explorerPaths.facts))) await engine.all(statement);
	fromFiles = { ...engine, withFactsInMemory: async () => undefined };
}, 60_000);
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

const query = (q: Partial<ExplorerQuery>): ExplorerQuery => ({ ...DEFAULT_QUERY, ...q });

describe("Alle tal's own files", () => {
	test('the facts file and the quote files hold every fact once, in the default order; the facts file without ids or quotes', async () => {
		const rows = await fromFiles.all<{ n: number }>('SELECT n FROM facts_memory ORDER BY n');
		const [{ total }] = await run.all<{ total: number }>('SELECT CAST(count(*) AS INTEGER) AS total FROM facts');
		expect(rows.map((r) => r.n)).toEqual([...Array(total).keys()]);
		const columns = (await fromFiles.all<{ column_name: string }>('DESCRIBE facts_memory')).map((c) => c.column_name);
		for (const c of ['fact_id', 'quote', 'item_title']) expect(columns).not.toContain(c);
		const ids: string[] = [];
		const quotes: string[] = [];
		for (let n = 0; n < total; n += QUOTES_PER_FILE) {
			const file = await read<QuoteFile>(explorerPaths.quotes(n));
			ids.push(...file.fact_id);
			quotes.push(...file.quote);
		}
		const newestFirst = await run.all<{ fact_id: string; quote: string }>(
			'SELECT fact_id, quote FROM facts ORDER BY meeting_date DESC NULLS LAST, doc_id, char_start, fact_id'
		);
		expect(ids).toEqual(newestFirst.map((r) => r.fact_id));
		expect(quotes).toEqual(newestFirst.map((r) => r.quote));
	});

	test('filters, sorting and paging from the files give the rows, counts and quotes SQL gives', async () => {
		const [{ entity }] = await run.all<{ entity: string }>('SELECT entity FROM facts GROUP BY entity ORDER BY count(*) DESC LIMIT 1');
		const queries = [
			DEFAULT_QUERY,
			query({ kommune: entity }),
			query({ familie: 'klagesager', side: 2 }),
			query({ maal: 'omgoerelsespct', sorter: 'vaerdi', faldende: false }),
			query({ sorter: 'kommune', side: 3 }),
			query({ sorter: 'moede', faldende: false, side: 2 })
		];
		for (const q of queries) {
			const expected = await explore(run, q);
			const got = await explore(fromFiles, q, quotesFromDisk);
			expect(got.total).toBe(expected.total);
			expect(got.rows.map((r) => [r.fact_id, r.quote])).toEqual(expected.rows.map((r) => [r.fact_id, r.quote]));
			expect(got.rows.every((r) => r.quote.length > 0)).toBe(true);
			// The same page as the export's order over facts.parquet, whose last tie-break is the fact id.
			const all = await exploreAll(run, q);
			expect(got.rows.map((r) => r.fact_id)).toEqual(all.slice((q.side - 1) * PAGE_SIZE, q.side * PAGE_SIZE).map((r) => r.fact_id));
		}
	});

	test("each municipality's meeting file lists exactly the meetings of its minutes, newest first", async () => {
		const documents = await run.all<{ doc_id: string; municipality: string }>('SELECT doc_id, municipality FROM documents WHERE municipality IS NOT NULL');
		const byMunicipality = await meetingsByMunicipality(run);
		expect(byMunicipality.size).toBeGreaterThan(0);
		for (const [municipality] of byMunicipality) {
			const meetings = await read<Meeting[]>(explorerPaths.meetings(municipality));
			const own = documents.filter((d) => d.municipality === municipality).map((d) => d.doc_id);
			expect(meetings.map((m) => m.doc_id).sort()).toEqual(own.sort());
			const dates = meetings.map((m) => m.meeting_date ?? '');
			expect(dates).toEqual([...dates].sort().reverse());
		}
	});
});
