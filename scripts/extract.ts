/**
 * Extraction CLI: reads committee minutes and writes facts.parquet, documents.parquet and
 * items.parquet atomically, or the same tables as hive-partitioned folders. Each file is read,
 * decoded, extracted and encoded as rows in a worker (one per core; lib/minutes-file.ts); this
 * thread only hands out paths and passes the rows on to the Parquet writers in doc_id order, so
 * memory stays flat however large the corpus. Usage: see scripts/lib/args.ts.
 */
import { statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { USAGE, UsageError, parseArgs, type Options } from './lib/args';
import { ExtractionCache, extractorVersion } from './lib/cache';
import { resolveInputs, type InputFile, type ResolvedInputs } from './lib/inputs';
import { failedRows, fileResult, type FileResult } from './lib/minutes-file';
import { copyTables } from './lib/parquet';
import { copyPartitioned } from './lib/partition';
import { ExtractionPool } from './lib/pool';
import { Progress } from './lib/progress';
import { OutputBusy, lockOutput, makeCurrent, newGeneration, removeStale, type OutputLock } from './lib/publish';
import { compareText } from './lib/order';
import { Staging } from './lib/staging';
import { ParquetStreams } from './lib/stream';
import { FactTally, summaryLines } from './lib/summary';

/**
 * DuckDB's memory while rows are staged and written; beyond it, it spills to disk. One DuckDB
 * thread: it only appends and then scans in order, and a parallel ordered COPY would buffer
 * row groups out of order (and run out of memory on large corpora).
 */
const STAGING_MEMORY = '96MB';
/** How many files extraction may run ahead of the file being committed, per worker. */
const FILES_AHEAD_PER_WORKER = 16;

/** A file the worker could not finish (a time limit, a crash): it fails alone, named. */
function failure(file: InputFile, reason: string, bytes: number, rows: boolean): FileResult {
	return fileResult({ ...file, rows }, failedRows(file, reason), bytes);
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
	const sizes = inputs.files.map((f) => {
		try {
			const info = statSync(f.path);
			return info.isFile() ? info.size : 0;
		} catch {
			return 0;
		}
	});
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

	let cache: ExtractionCache<unknown> | null = null;
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
			const size = new Map(inputs.files.map((f, i) => [f.path, sizes[i]]));
			// Staged output needs the rows themselves; streamed output only their lines.
			const rows = streams === null;
			const pending: (Promise<FileResult> | undefined)[] = [];
			let next = 0;
			for (let i = 0; i < files.length; i++) {
				for (; next < files.length && next < i + window; next++) {
					const file = files[next];
					progress.fileStarted(file.shownAs);
					const job = { path: file.path, format: file.format, meta: file.meta, cache: cache?.location ?? null, rows };
					pending[next] = pool.runFile(job).catch((error: Error) => failure(file, error.message, size.get(file.path) ?? 0, rows));
				}
				const result = await pending[i]!;
				pending[i] = undefined;
				if (result.cacheKey) cache!.used(result.cacheKey, result.fromCache === true);
				if (streams) await streams.write(result.lines);
				else {
					// Partitioned output stages each municipality's rows apart, in file order.
					const group = options.partition ? result.document.municipality : undefined;
					await staging!.append('documents', [result.document]);
					await staging!.append('items', result.items, group);
					await staging!.append('facts', result.facts, group);
				}
				tally.add(result.facts);
				itemCount += result.itemCount;
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
