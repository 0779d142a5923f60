/**
 * The explorer's («Alle tal») own files, derived at build from facts.parquet and documents.parquet
 * (whose shape stays the CLI's), below the site data folder:
 *
 * - `alle/fakta.parquet`: every fact in the default order with what the page filters, sorts and
 *   shows, but without its id and quote: what the browser's engine loads into memory to count,
 *   filter, sort and page (a fact's row number is its number n);
 * - `alle/citat/<n / QUOTES_PER_FILE>.json`: the ids and quotes in the same order, so the rows of
 *   a page (neighbours in the default order) read one or two small files;
 * - `alle/moeder/<municipality>.json`: the meetings in a municipality's minutes, for the meeting
 *   filter when there are too many meetings to list on the page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { explorerPaths, meetingsByMunicipality, QUOTES_PER_FILE, type QuoteFile } from './explorer';
import { NOT_IN_MEMORY, NUMBERED_FACTS, type Runner } from './runner';

/** Quotes read per query while the quote files are written. */
const QUOTES_PER_BATCH = QUOTES_PER_FILE * 200;

/** Rows per row group of the facts file: the browser reads it whole, so large groups compress best. */
const ROW_GROUP = 122_880;

function literal(path: string): string {
	return `'${path.replace(/'/g, "''")}'`;
}

async function write(root: string, path: string, value: unknown): Promise<void> {
	await mkdir(dirname(join(root, path)), { recursive: true });
	await writeFile(join(root, path), JSON.stringify(value));
}

export async function writeExplorerFiles(run: Runner, root: string): Promise<void> {
	await run.all(`CREATE OR REPLACE TEMP TABLE explorer_facts AS ${NUMBERED_FACTS} ORDER BY n`);
	try {
		const facts = join(root, explorerPaths.facts);
		await mkdir(dirname(facts), { recursive: true });
		await run.all(
			`COPY (SELECT * EXCLUDE (${NOT_IN_MEMORY.join(', ')}) FROM explorer_facts ORDER BY n) TO ${literal(facts)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP})`
		);
		const [{ total }] = await run.all<{ total: number }>('SELECT CAST(count(*) AS INTEGER) AS total FROM explorer_facts');
		for (let from = 0; from < total; from += QUOTES_PER_BATCH) {
			const rows = await run.all<{ fact_id: string; quote: string | null }>('SELECT fact_id, quote FROM explorer_facts WHERE n >= ? AND n < ? ORDER BY n', [
				from,
				from + QUOTES_PER_BATCH
			]);
			const files: Promise<void>[] = [];
			for (let i = 0; i < rows.length; i += QUOTES_PER_FILE) {
				const part = rows.slice(i, i + QUOTES_PER_FILE);
				const file: QuoteFile = { fact_id: part.map((r) => r.fact_id), quote: part.map((r) => r.quote ?? '') };
				files.push(write(root, explorerPaths.quotes(from + i), file));
			}
			await Promise.all(files);
		}
	} finally {
		await run.all('DROP TABLE IF EXISTS explorer_facts');
	}
	for (const [municipality, meetings] of await meetingsByMunicipality(run)) await write(root, explorerPaths.meetings(municipality), meetings);
}
