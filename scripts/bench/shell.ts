/**
 * The CLI shell alone (reading, decoding, workers, staging, Parquet) with the stand-in extractor,
 * bundled (as `npm run extract` runs it) and through tsx (as before): MB/s on a generated corpus.
 *
 *   tsx scripts/bench/shell.ts [mb]        # default 50 MB, generated once into bench/corpus/
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { corpusExists, corpusFolders, generateCorpus } from './corpus/generate';
import { runExtraction } from './extraction';
import { readAndSplit } from './floor';
import { round } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const mb = Number(process.argv[2] ?? 50);
const dir = join(ROOT, 'bench', 'corpus', `${mb}mb-seed1`);
if (!(await corpusExists(dir))) await generateCorpus({ out: dir, mb, seed: 1, seedsDir: join(ROOT, 'seeds') });
const folders = await corpusFolders(dir);
const files: string[] = [];
for (const folder of folders) files.push(...(await readdir(folder)).filter((n) => n.endsWith('.txt')).map((n) => join(folder, n)));
const floor = await readAndSplit(files);
const bytes = floor.bytes;
const out = join(ROOT, 'bench', 'corpus', '.out-shell');
const worker = 'scripts/bench/bare-worker.ts';
const result: Record<string, unknown> = { mb: round(bytes / 1e6, 1), files: files.length, floor_mb_per_s: round(bytes / 1e6 / floor.seconds, 1) };
for (const tsx of [false, true]) {
	const run = await runExtraction({ root: ROOT, inputs: folders, out, worker, tsx });
	result[tsx ? 'tsx' : 'bundled'] = { wall_s: round(run.wallSeconds, 2), mb_per_s: round(bytes / 1e6 / run.wallSeconds, 1), cpu_s: run.cpuSeconds === null ? null : round(run.cpuSeconds, 1) };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
