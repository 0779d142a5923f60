/** Runs the extraction CLI on a corpus as a user would, and reads off what it did. */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runMeasured, type ProcessRun } from './process-run';

export interface ExtractionRun extends Omit<ProcessRun, 'stdout' | 'stderr'> {
	files: number;
	filesRead: number;
	items: number;
	facts: number;
	/** Bytes of each output file or folder. */
	parquet: Record<string, number>;
}

async function sizeOf(path: string): Promise<number> {
	const info = await stat(path);
	if (!info.isDirectory()) return info.size;
	let total = 0;
	for (const name of await readdir(path)) total += await sizeOf(join(path, name));
	return total;
}

export interface ExtractionOptions {
	root: string;
	inputs: readonly string[];
	out: string;
	partition?: boolean;
	/** A worker module to run instead of the extractor (see bare-worker.ts). */
	worker?: string;
	/** Take unchanged files from the cache (off: --full, every file read). */
	cache?: boolean;
	/** Keep the output folder of an earlier run (for a second run over it). */
	keep?: boolean;
	/** Run the TypeScript through tsx, as before the CLI was bundled (for the comparison). */
	tsx?: boolean;
}

export async function runExtraction(o: ExtractionOptions): Promise<ExtractionRun> {
	if (!o.keep) await rm(o.out, { recursive: true, force: true });
	// As `npm run extract` runs it: bundled once, no TypeScript compiled at start.
	const args = [o.tsx ? '--import=tsx' : '--no-warnings', o.tsx ? 'scripts/extract.ts' : 'scripts/cli.mjs', '--input', ...o.inputs, '--out', o.out];
	if (o.partition) args.push('--partition');
	if (!o.cache) args.push('--full');
	const env = { ...process.env, ...(o.worker ? { EXTRACT_BENCH_WORKER: o.worker } : {}) };
	const run = await runMeasured(process.execPath, args, { cwd: o.root, env });
	const summary = /extract: (\d+) of (\d+) files read/.exec(run.stdout);
	const items = /^ {2}items: (\d+)$/m.exec(run.stdout);
	const facts = /^ {2}facts: (\d+)/m.exec(run.stdout);
	if (!summary || !items || !facts || !/^ {2}written:/m.test(run.stdout)) {
		throw new Error(`extraction did not complete (exit ${run.code}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
	}
	const parquet: Record<string, number> = {};
	for (const name of (await readdir(o.out)).filter((n) => !n.startsWith('.')).sort()) parquet[name] = await sizeOf(join(o.out, name));
	const { stdout: _o, stderr: _e, ...measured } = run;
	return {
		...measured,
		files: Number(summary[2]),
		filesRead: Number(summary[1]),
		items: Number(items[1]),
		facts: Number(facts[1]),
		parquet
	};
}
