/**
 * Starts the extraction CLI without compiling TypeScript at every start: scripts/extract.ts and
 * its worker are bundled once with esbuild (already in node_modules, through tsx) into
 * node_modules/.noegletal-cli/, and bundled again only when one of their sources changed.
 *
 *   node scripts/cli.mjs --input seeds --out static/data      (what `npm run extract` runs)
 *   node scripts/cli.mjs --bundle-only                         (bundles, runs nothing)
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Two folders below the root, as scripts/lib/ is: the bundle finds the project's files where they are.
const OUT = join(ROOT, 'node_modules', '.noegletal-cli');
const STAMP = join(OUT, 'sources.json');
const ENTRIES = { extract: 'scripts/extract.ts', 'extract-worker': 'scripts/lib/extract-worker.ts' };
// A benchmark's stand-in worker (scripts/bench/bare-worker.ts) is bundled beside them.
const BENCH_WORKER = process.env.EXTRACT_BENCH_WORKER;
if (BENCH_WORKER?.endsWith('.ts')) {
	ENTRIES['bench-worker'] = BENCH_WORKER;
	process.env.EXTRACT_BENCH_WORKER = join(OUT, 'bench-worker.mjs');
}

/** True when the last bundle was made of the same entries and every source is unchanged (size and time). */
function fresh() {
	if (!existsSync(STAMP)) return false;
	try {
		const { entries, sources } = JSON.parse(readFileSync(STAMP, 'utf8'));
		if (JSON.stringify(entries) !== JSON.stringify(ENTRIES)) return false;
		for (const [path, [size, mtime]] of Object.entries(sources)) {
			const s = statSync(join(ROOT, path));
			if (s.size !== size || s.mtimeMs !== mtime) return false;
		}
		return Object.keys(ENTRIES).every((name) => existsSync(join(OUT, `${name}.mjs`))) && Object.keys(sources).length > 0;
	} catch {
		return false;
	}
}

async function bundle() {
	const { build } = await import('esbuild');
	const result = await build({
		absWorkingDir: ROOT,
		entryPoints: ENTRIES,
		outdir: OUT,
		outExtension: { '.js': '.mjs' },
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		packages: 'external',
		metafile: true,
		logLevel: 'error'
	});
	const sources = {};
	for (const path of Object.keys(result.metafile.inputs)) {
		const s = statSync(join(ROOT, path));
		sources[path] = [s.size, s.mtimeMs];
	}
	writeFileSync(STAMP, JSON.stringify({ entries: ENTRIES, sources }));
}

const args = process.argv.slice(2);
if (!fresh()) await bundle();
if (!args.includes('--bundle-only')) {
	process.argv = [process.argv[0], join(OUT, 'extract.mjs'), ...args];
	await import(pathToFileURL(join(OUT, 'extract.mjs')).href);
}
