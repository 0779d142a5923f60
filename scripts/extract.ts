/**
 * Extraction CLI: reads committee minutes, runs the pure extractor on each file and writes
 * facts.parquet, documents.parquet and items.parquet atomically. Usage: see scripts/lib/args.ts.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeMinutes } from '../src/lib/extract/decode';
import type { DocumentRow, Fact, Item } from '../src/lib/extract/types';
import { USAGE, UsageError, parseArgs, type Options } from './lib/args';
import { readInputBytes, resolveInputs, type InputFile, type ResolvedInputs } from './lib/inputs';
import { writeParquetFiles } from './lib/parquet';
import { Progress, type Outcome } from './lib/progress';
import { publishAtomically, removeStaleTempDirs } from './lib/publish';
import { extractionProblem } from './lib/rows';
import { ExtractionSandbox } from './lib/sandbox';
import { DOCUMENT_COLUMNS, rowProblem } from './lib/schema';
import { summaryLines } from './lib/summary';

interface FileResult {
	document: DocumentRow;
	items: Item[];
	facts: Fact[];
	outcome: Outcome;
	detail: string;
	bytes: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function processFile(file: InputFile, sandbox: ExtractionSandbox): Promise<FileResult> {
	const { meta } = file;
	const document: DocumentRow = {
		doc_id: meta.doc_id,
		file_name: meta.file_name,
		committee: meta.committee ?? null,
		meeting_date: meta.meeting_date ?? null,
		municipality: meta.municipality ?? null,
		item_count: 0,
		fact_count: 0,
		encoding: null,
		error: null
	};
	const failed = (reason: string, bytes: number): FileResult => ({
		document: { ...document, error: reason },
		items: [],
		facts: [],
		outcome: 'error',
		detail: reason,
		bytes
	});

	const read = await readInputBytes(file.path);
	if (!read.ok) return failed(read.reason, 0);
	const bytes = read.bytes.length;

	const decoded = decodeMinutes(read.bytes);
	document.encoding = decoded.encoding;
	if (!decoded.ok) return failed(decoded.reason, bytes);

	const started = performance.now();
	let extraction;
	try {
		extraction = await sandbox.extract(decoded.text, meta);
	} catch (error) {
		return failed((error as Error).message, bytes);
	}
	const ms = Math.round(performance.now() - started);

	const problem = extractionProblem(extraction, meta.doc_id);
	if (problem) return failed(`extractor output rejected: ${problem}`, bytes);
	const row: DocumentRow = {
		...extraction.document,
		doc_id: meta.doc_id,
		file_name: meta.file_name,
		item_count: extraction.items.length,
		fact_count: extraction.facts.length,
		encoding: decoded.encoding,
		error: null
	};
	const rowIssue = rowProblem(DOCUMENT_COLUMNS, row);
	if (rowIssue) return failed(`extractor output rejected: document ${rowIssue}`, bytes);

	const counts = `${plural(row.item_count, 'item')}, ${plural(row.fact_count, 'fact')}, ${ms} ms`;
	return {
		document: row,
		items: extraction.items,
		facts: extraction.facts,
		outcome: decoded.note ? 'note' : 'ok',
		detail: decoded.note ? `${counts} (${decoded.note})` : counts,
		bytes
	};
}

/** Only for tests that kill a run while its files wait in the temporary folder. */
function testPause(): Promise<void> {
	const ms = Number(process.env.EXTRACT_PAUSE_BEFORE_RENAME_MS ?? 0);
	return ms > 0 ? new Promise((done) => setTimeout(done, ms)) : Promise.resolve();
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

	const documents: DocumentRow[] = [];
	const items: Item[] = [];
	const facts: Fact[] = [];
	const sandbox = new ExtractionSandbox({ timeoutMs: options.timeoutMs });
	/** What stopped the run from writing its output, as an error line. */
	let fatal: string | null = null;
	try {
		await sandbox.start();
	} catch (error) {
		fatal = `${(error as Error).message}; no file was extracted`;
	}
	try {
		for (const file of fatal === null ? inputs.files : []) {
			progress.fileStarted(file.shownAs);
			const result = await processFile(file, sandbox);
			documents.push(result.document);
			items.push(...result.items);
			facts.push(...result.facts);
			if (result.outcome === 'error') errors.push(`${file.shownAs}: ${result.detail}`);
			progress.fileDone(file.shownAs, result.bytes, result.outcome, result.detail);
		}
	} finally {
		await sandbox.close();
	}

	if (fatal === null) {
		try {
			await removeStaleTempDirs(outDir);
			await publishAtomically(outDir, (dir) => writeParquetFiles(dir, { facts, documents, items }), {
				beforeRename: testPause
			});
		} catch (error) {
			fatal = `${shownOut}: cannot write the output: ${(error as Error).message}`;
		}
	}
	if (fatal !== null) {
		progress.message(`error ${fatal}`);
		errors.push(fatal);
	}
	progress.finish();

	const filesRead = documents.filter((d) => d.error === null).length;
	const lines = summaryLines({
		filesTotal: inputs.files.length,
		filesRead,
		items: items.length,
		facts,
		errors,
		outDir: shownOut,
		written: fatal === null,
		seconds: (performance.now() - started) / 1000
	});
	process.stdout.write(`${lines.join('\n')}\n`);
	return errors.length > 0 ? 1 : 0;
}

async function main(argv: readonly string[]): Promise<number> {
	try {
		const options = parseArgs(argv);
		if (options.help) {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		}
		return await run(options, await resolveInputs(options.inputs));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		process.stderr.write(`extract: ${error.message}\n\n${USAGE}\n`);
		return 2;
	}
}

process.exitCode = await main(process.argv.slice(2));
