/**
 * Extraction CLI: reads committee minutes, runs the pure extractor on each file (one worker per
 * core) and writes facts.parquet, documents.parquet and items.parquet atomically, or the same
 * tables as hive-partitioned folders. Rows are staged on disk as files complete, so memory stays
 * flat however large the corpus. Usage: see scripts/lib/args.ts.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ingestMinutes, pageAt } from '../src/lib/ingest';
import type { DocumentRow, Fact, Item } from '../src/lib/extract/types';
import { USAGE, UsageError, parseArgs, type Options } from './lib/args';
import { ExtractionCache, extractorVersion } from './lib/cache';
import type { EncodedLines } from './lib/json-lines';
import { readInputBytes, resolveInputs, type InputFile, type ResolvedInputs } from './lib/inputs';
import { copyTables } from './lib/parquet';
import { copyPartitioned } from './lib/partition';
import { ExtractionPool } from './lib/pool';
import { Progress, type Outcome } from './lib/progress';
import { OutputBusy, lockOutput, makeCurrent, newGeneration, removeStale, type OutputLock } from './lib/publish';
import { compareFacts, compareItems, compareText } from './lib/order';
import { extractionProblem } from './lib/rows';
import { DOCUMENT_COLUMNS, FACT_COLUMNS, rowProblem } from './lib/schema';
import { Staging } from './lib/staging';
import { ParquetStreams, fileLines } from './lib/stream';
import { FactTally, summaryLines } from './lib/summary';

/**
 * DuckDB's memory while rows are staged and written; beyond it, it spills to disk. One DuckDB
 * thread: it only appends and then scans in order, and a parallel ordered COPY would buffer
 * row groups out of order (and run out of memory on large corpora).
 */
const STAGING_MEMORY = '96MB';
/** How many files extraction may run ahead of the file being committed, per worker. */
const FILES_AHEAD_PER_WORKER = 16;

interface FileResult {
	document: DocumentRow;
	items: Item[];
	facts: Fact[];
	outcome: Outcome;
	detail: string;
	bytes: number;
	/** The items' rows as the worker encoded them (json-lines.ts), in the order of `items`. */
	itemLines?: EncodedLines;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The document row and result of a file that yields no facts, with the reason it failed. */
function failure(file: InputFile, reason: string, bytes: number, encoding: string | null = null): FileResult {
	const { meta } = file;
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
		source_format: file.format,
		page_count: null
	};
	return { document, items: [], facts: [], outcome: 'error', detail: reason, bytes };
}

type Cache = ExtractionCache<Omit<FileResult, 'bytes' | 'itemLines'>>;

/** A file's result, from the cache when neither the file, its manifest line nor the extractor changed. */
async function processFile(file: InputFile, pool: ExtractionPool, cache: Cache | null): Promise<FileResult> {
	const read = await readInputBytes(file.path);
	if (!read.ok) return failure(file, read.reason, 0);
	const key = cache?.key(read.bytes, file.meta) ?? null;
	const cached = key ? await cache!.get(key) : null;
	if (cached) return { ...cached, detail: `${cached.detail}, unchanged: from the cache`, bytes: read.bytes.length };
	const result = await readMinutes(file, read.bytes, pool);
	// A failure may be the machine's (a timeout under load): only what was read is kept.
	if (key && result.outcome !== 'error') await cache!.set(key, { ...result, bytes: undefined, itemLines: undefined } as Omit<FileResult, 'bytes' | 'itemLines'>);
	return result;
}

async function readMinutes(file: InputFile, content: Uint8Array, pool: ExtractionPool): Promise<FileResult> {
	const { meta } = file;
	let encoding: string | null = null;
	const failed = (reason: string, bytes: number) => failure(file, reason, bytes, encoding);
	const bytes = content.length;

	let source;
	try {
		source = await ingestMinutes(content, file.format);
	} catch (error) {
		return failed(`cannot read the ${file.format.toUpperCase()}: ${(error as Error).message}`, bytes);
	}
	encoding = source.encoding;
	if (!source.ok) return failed(source.reason, bytes);

	let extraction;
	let itemLines;
	let ms;
	try {
		const done = await pool.run(source.text, meta);
		extraction = done.extraction;
		itemLines = done.itemLines;
		ms = Math.round(done.ms);
	} catch (error) {
		return failed((error as Error).message, bytes);
	}

	// A fact the columns cannot hold (a value that is not finite, a year out of range) is dropped
	// alone, named in the file's line; it is no reason to lose the file's other facts. −0 is 0.
	const dropped: string[] = [];
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
	const problem = extractionProblem(extraction, meta.doc_id);
	if (problem) return failed(`extractor output rejected: ${problem}`, bytes);
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
	if (rowIssue) return failed(`extractor output rejected: document ${rowIssue}`, bytes);

	const counts = `${plural(row.item_count, 'item')}, ${plural(row.fact_count, 'fact')}, ${ms} ms`;
	const notes = [source.note, dropped.length > 0 ? `${plural(dropped.length, 'fact')} dropped: ${dropped.slice(0, 3).join('; ')}` : null].filter(Boolean);
	return {
		document: row,
		items: extraction.items,
		facts: extraction.facts,
		itemLines,
		outcome: notes.length > 0 ? 'note' : 'ok',
		detail: notes.length > 0 ? `${counts} (${notes.join('; ')})` : counts,
		bytes
	};
}

/** A file whose processing threw where no error was foreseen: it fails alone, the run goes on. */
function unexpected(file: InputFile, error: Error): FileResult {
	return failure(file, `unexpected error: ${error.message}`, 0);
}

/** Only for benchmarks that measure the CLI without the extractor: another worker module. */
function benchWorker(): URL | undefined {
	const path = process.env.EXTRACT_BENCH_WORKER;
	return path ? pathToFileURL(resolve(path)) : undefined;
}

/**
 * Only for tests that kill a run between its steps: EXTRACT_TEST_PAUSE=<step>:<ms>, with step
 * 'written' (the new generation complete, not yet current) or 'swapped' (current, before clean-up).
 */
function testPause(step: 'written' | 'swapped'): () => Promise<void> {
	const [at, ms] = (process.env.EXTRACT_TEST_PAUSE ?? '').split(':');
	return () => (at === step && Number(ms) > 0 ? new Promise((done) => setTimeout(done, Number(ms))) : Promise.resolve());
}

async function run(options: Options, inputs: ResolvedInputs): Promise<number> {
	const started = performance.now();
	const outDir = resolve(options.out);
	const shownOut = options.out.replace(/\/+$/, '') || '/';
	const sizes = await Promise.all(
		inputs.files.map((f) => stat(f.path).then((s) => (s.isFile() ? s.size : 0), () => 0))
	);
	const progress = new Progress(process.stderr, inputs.files.length, sizes.reduce((a, b) => a + b, 0));
	const errors: string[] = [];
	for (const problem of inputs.problems) {
		progress.message(`error ${problem}`);
		errors.push(problem);
	}

	/** What stopped the run from writing its output, as an error line. */
	let fatal: string | null = null;
	/** Whether files were extracted at all (not when the output folder could not be used). */
	let attempted = true;
	let generation: string | null = null;
	let staging: Staging | null = null;
	let streams: ParquetStreams | null = null;
	let lock: OutputLock | null = null;
	try {
		await mkdir(outDir, { recursive: true });
		lock = await lockOutput(outDir);
	} catch (error) {
		if (error instanceof OutputBusy) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'EEXIST' || code === 'ENOTDIR' ? `${code} (a file, not a folder, is in the way)` : (error as Error).message;
		fatal = `${shownOut}: cannot write the output: ${why}; no file was extracted`;
		attempted = false;
	}
	if (fatal === null) {
		try {
			await removeStale(outDir);
			generation = await newGeneration(outDir);
			// The files are written as rows arrive; partitioned output (or no named pipes) stages them first.
			if (!options.partition) streams = await ParquetStreams.open(generation);
			if (streams === null) staging = await Staging.open({ dir: join(generation, 'staging'), memoryLimit: STAGING_MEMORY, threads: 1 });
		} catch (error) {
			fatal = `${shownOut}: cannot write the output: ${(error as Error).message}; no file was extracted`;
			attempted = false;
		}
	}

	const pool = new ExtractionPool({ timeoutMs: options.timeoutMs, size: options.jobs, workerUrl: benchWorker() });
	if (fatal === null) {
		try {
			await pool.start();
		} catch (error) {
			fatal = `${(error as Error).message}; no file was extracted`;
		}
	}

	let cache: Cache | null = null;
	if (fatal === null && !options.full) {
		try {
			cache = await ExtractionCache.open(outDir, await extractorVersion());
		} catch (error) {
			progress.message(`note ${shownOut}: the cache cannot be used (${(error as Error).message}); every file is read`);
		}
	}

	const tally = new FactTally();
	let filesRead = 0;
	let itemCount = 0;
	let outputs: string[] = [];
	try {
		if (fatal === null && (streams !== null || staging !== null)) {
			// Files are committed in doc_id order, each with its rows sorted, so the tables are
			// staged in file order; extraction runs ahead of the commits by up to WINDOW files.
			const files = [...inputs.files]
				.map((f) => (options.municipality && !f.meta.municipality ? { ...f, meta: { ...f.meta, municipality: options.municipality } } : f))
				.sort((x, y) => compareText(x.meta.doc_id, y.meta.doc_id));
			const window = pool.size * FILES_AHEAD_PER_WORKER;
			const pending: (Promise<FileResult> | undefined)[] = [];
			let next = 0;
			for (let i = 0; i < files.length; i++) {
				for (; next < files.length && next < i + window; next++) {
					const file = files[next];
					progress.fileStarted(file.shownAs);
					pending[next] = processFile(file, pool, cache).catch((error: Error) => unexpected(file, error));
				}
				let result = await pending[i]!;
				pending[i] = undefined;
				result.items.sort(compareItems);
				result.facts.sort(compareFacts);
				if (streams) {
					let file = fileLines(result);
					if (file.problem) {
						result = failure(files[i], file.problem, result.bytes, result.document.encoding);
						file = fileLines(result);
					}
					await streams.write(file.lines);
				} else {
					// Partitioned output stages each municipality's rows apart, in file order.
					const group = options.partition ? result.document.municipality : undefined;
					await staging!.append('documents', [result.document]);
					await staging!.append('items', result.items, group);
					await staging!.append('facts', result.facts, group);
				}
				tally.add(result.facts);
				itemCount += result.items.length;
				if (result.outcome === 'error') errors.push(`${files[i].shownAs}: ${result.detail}`);
				else filesRead++;
				progress.fileDone(files[i].shownAs, result.bytes, result.outcome, result.detail);
			}
		}
	} catch (error) {
		fatal = `${shownOut}: cannot stage the rows: ${(error as Error).message}`;
	} finally {
		await pool.close();
	}

	if (fatal === null && (streams !== null || staging !== null) && generation !== null) {
		try {
			if (streams !== null) {
				outputs = await streams.finish();
				streams = null;
			} else if (staging !== null) {
				outputs = options.partition ? await copyPartitioned(staging, generation) : await copyTables(staging, generation, true);
				await staging.close();
				staging = null;
			}
			await makeCurrent(outDir, generation, outputs, { beforeSwap: testPause('written'), afterSwap: testPause('swapped') });
			await cache?.prune();
			generation = null;
		} catch (error) {
			fatal = `${shownOut}: cannot write the output: ${(error as Error).message}`;
		}
	}
	await streams?.abort().catch(() => {});
	await staging?.close().catch(() => {});
	if (generation !== null) await rm(generation, { recursive: true, force: true });
	await lock?.release();
	if (fatal !== null) {
		progress.message(`error ${fatal}`);
		errors.push(fatal);
	}
	progress.finish();

	const lines = summaryLines({
		filesTotal: inputs.files.length,
		filesRead,
		fromCache: cache?.fromCache ?? 0,
		items: itemCount,
		facts: tally,
		outputs: options.partition ? outputs.map((d) => `${d}/`) : undefined,
		errors,
		outDir: shownOut,
		attempted,
		written: fatal === null,
		seconds: (performance.now() - started) / 1000
	});
	process.stdout.write(`${lines.join('\n')}\n`);
	return !attempted ? 2 : errors.length > 0 ? 1 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
	let out = '';
	try {
		const options = parseArgs(argv);
		out = options.out;
		if (options.help) {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		}
		return await run(options, await resolveInputs(options.inputs));
	} catch (error) {
		if (error instanceof OutputBusy) {
			process.stderr.write(`extract: ${out}: ${error.message}; wait until it has finished, or choose another --out\n`);
			return 2;
		}
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`extract: ${error.message}\n\n${USAGE}\n`);
		return 2;
	}
}

process.exitCode = await main(process.argv.slice(2));
