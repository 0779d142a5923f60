/**
 * What becomes of one minutes file, in a worker: read from disk, decoded (or its PDF or web page
 * read), extracted, checked against the columns and encoded as the lines of the three tables
 * (json-lines.ts). The main thread sends a path and gets bytes back, ready for the Parquet writers:
 * no file's text crosses between threads.
 */
import type { DocumentMeta, DocumentRow, Extraction, Fact, Item } from '../../src/lib/extract/types';
import { ingestMinutes, pageAt, type SourceFormat } from '../../src/lib/ingest';
import { ExtractionCache, type CacheLocation } from './cache';
import { readInputBytes } from './inputs';
import { encodeLines, type TableName } from './json-lines';
import { compareFacts, compareItems } from './order';
import { extractionProblem } from './rows';
import { DOCUMENT_COLUMNS, FACT_COLUMNS, rowProblem } from './schema';
import type { Outcome } from './progress';

export interface FileJob {
	path: string;
	format: SourceFormat;
	meta: DocumentMeta;
	/** Where earlier runs' results are kept; none with --full. */
	cache: CacheLocation | null;
	/** Send the rows themselves too (items with their text), for output that stages them. */
	rows: boolean;
}

/** A table's lines as bytes (json-lines.ts), each table's in a buffer of its own. */
export type FileLines = Record<TableName, Uint8Array>;

export interface FileResult {
	document: DocumentRow;
	/** Only when the job asked for rows; else empty (their lines are in `lines`). */
	items: Item[];
	/** Sorted as the file keeps them (order.ts). */
	facts: Fact[];
	itemCount: number;
	outcome: Outcome;
	detail: string;
	bytes: number;
	lines: FileLines;
	/** The cache entry used or written, and whether the result came from it. */
	cacheKey?: string;
	fromCache?: boolean;
}

/** What is kept in the cache of a file: the result before it is encoded. */
interface Rows {
	document: DocumentRow;
	items: Item[];
	facts: Fact[];
	outcome: Outcome;
	detail: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The document row of a file that yields no facts, with the reason it failed. */
export function failedRows(job: Pick<FileJob, 'meta' | 'format'>, reason: string, encoding: string | null = null): Rows {
	const { meta } = job;
	const document: DocumentRow = {
		doc_id: meta.doc_id,
		file_name: meta.file_name,
		committee: meta.committee ?? null,
		meeting_date: meta.meeting_date ?? null,
		municipality: meta.municipality ?? null,
		item_count: 0,
		fact_count: 0,
		encoding,
		error: reason,
		source_format: job.format,
		page_count: null
	};
	return { document, items: [], facts: [], outcome: 'error', detail: reason };
}

/**
 * The rows encoded as lines; rows that cannot be written (a line too long for DuckDB) make the
 * file fail alone, named.
 */
export function fileResult(job: Pick<FileJob, 'meta' | 'format' | 'rows'>, rows: Rows, bytes: number): FileResult {
	rows.items.sort(compareItems);
	rows.facts.sort(compareFacts);
	const documents = encodeLines('documents', [rows.document]);
	const items = encodeLines('items', rows.items);
	const facts = encodeLines('facts', rows.facts);
	const problem = documents.problem ?? items.problem ?? facts.problem;
	if (problem) return fileResult(job, failedRows(job, problem, rows.document.encoding), bytes);
	return {
		document: rows.document,
		items: job.rows ? rows.items : [],
		facts: rows.facts,
		itemCount: rows.items.length,
		outcome: rows.outcome,
		detail: rows.detail,
		bytes,
		lines: { documents: documents.bytes, items: items.bytes, facts: facts.bytes }
	};
}

/** The buffers a result hands over to the main thread without a copy. */
export const transferList = (result: FileResult): ArrayBuffer[] => Object.values(result.lines).map((b) => b.buffer as ArrayBuffer);

export type Extract = (text: string, meta: DocumentMeta) => Extraction;

/** A file's result, from the cache when neither the file, its manifest line nor the extractor changed. */
export async function processFile(job: FileJob, extract: Extract): Promise<FileResult> {
	const read = await readInputBytes(job.path);
	if (!read.ok) return fileResult(job, failedRows(job, read.reason), 0);
	const bytes = read.bytes.length;
	const cache = job.cache ? ExtractionCache.at<Rows>(job.cache) : null;
	const key = cache?.key(read.bytes, job.meta);
	const cached = key ? await cache!.get(key) : null;
	if (cached) {
		cached.detail = `${cached.detail}, unchanged: from the cache`;
		return { ...fileResult(job, cached, bytes), cacheKey: key, fromCache: true };
	}
	const rows = await readMinutes(job, read.bytes, extract);
	// A failure may be the machine's (a timeout under load): only what was read is kept.
	if (key && rows.outcome !== 'error') await cache!.set(key, rows);
	return { ...fileResult(job, rows, bytes), cacheKey: key, fromCache: false };
}

async function readMinutes(job: FileJob, content: Uint8Array, extract: Extract): Promise<Rows> {
	const { meta } = job;
	let encoding: string | null = null;
	const failed = (reason: string) => failedRows(job, reason, encoding);

	let source;
	try {
		source = await ingestMinutes(content, job.format);
	} catch (error) {
		return failed(`cannot read the ${job.format.toUpperCase()}: ${(error as Error).message}`);
	}
	encoding = source.encoding;
	if (!source.ok) return failed(source.reason);

	const started = performance.now();
	let extraction;
	try {
		extraction = extract(source.text, meta);
	} catch (error) {
		return failed(`extractor failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
	}
	const ms = Math.round(performance.now() - started);

	// A fact the columns cannot hold (a value that is not finite, a year out of range) is dropped
	// alone, named in the file's line; it is no reason to lose the file's other facts. −0 is 0.
	const dropped: string[] = [];
	const problem = extraction && Array.isArray(extraction.facts) ? null : 'no facts or items arrays';
	if (problem) return failed(`extractor output rejected: ${problem}`);
	for (const fact of extraction.facts) fact.page = pageAt(source.pageStarts, fact.char_start);
	// The extractor drops such values itself where it makes them (src/lib/extract/validate.ts) and says so in its trace.
	for (const d of extraction.dropped ?? []) {
		if (d.stage === 'plausibility' && /endeligt tal|uden for|kendt form/.test(d.reason))
			dropped.push(`${d.metric ?? 'fact'}: ${Number.isFinite(d.value) ? d.reason : `value is not a finite number: ${d.value}`}`);
	}
	extraction.facts = extraction.facts.filter((fact) => {
		if (Object.is(fact.value, -0)) fact.value = 0;
		const issue = rowProblem(FACT_COLUMNS, fact);
		if (issue) dropped.push(`${fact.metric ?? 'fact'}: ${issue}`);
		return issue === null;
	});
	const rejected = extractionProblem(extraction, meta.doc_id);
	if (rejected) return failed(`extractor output rejected: ${rejected}`);
	const row: DocumentRow = {
		...extraction.document,
		doc_id: meta.doc_id,
		file_name: meta.file_name,
		item_count: extraction.items.length,
		fact_count: extraction.facts.length,
		encoding: source.encoding,
		error: null,
		source_format: source.format,
		page_count: source.format === 'pdf' ? source.pageStarts.length : null
	};
	const rowIssue = rowProblem(DOCUMENT_COLUMNS, row);
	if (rowIssue) return failed(`extractor output rejected: document ${rowIssue}`);

	const counts = `${plural(row.item_count, 'item')}, ${plural(row.fact_count, 'fact')}, ${ms} ms`;
	const notes = [source.note, dropped.length > 0 ? `${plural(dropped.length, 'fact')} dropped: ${dropped.slice(0, 3).join('; ')}` : null].filter(Boolean);
	return {
		document: row,
		items: extraction.items,
		facts: extraction.facts,
		outcome: notes.length > 0 ? 'note' : 'ok',
		detail: notes.length > 0 ? `${counts} (${notes.join('; ')})` : counts
	};
}
