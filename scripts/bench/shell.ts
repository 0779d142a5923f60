/**
 * The CLI shell alone (reading, decoding, workers, Parquet) with the stand-in extractor, bundled
 * as `npm run extract` runs it (and through tsx, as before, with --tsx): medians of several runs
 * on a generated corpus, beside the floor (reading the same files and splitting their lines)
 * measured in the same run.
 *
 *   tsx scripts/bench/shell.ts [mb] [--runs n] [--tsx]    # default 50 MB, 3 runs; corpus generated once into bench/corpus/
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { corpusExists, corpusFolders, generateCorpus } from './corpus/generate';
import { runExtraction, type ExtractionRun } from './extraction';
import { readAndSplit } from './floor';
import { load } from './machine';
import { median, round } from './stats';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string) => args.indexOf(name);
const runs = flag('--runs') >= 0 ? Number(args[flag('--runs') + 1]) : 3;
const mb = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs') ?? 50);
const dir = join(ROOT, 'bench', 'corpus', `${mb}mb-seed1`);
if (!(await corpusExists(dir))) await generateCorpus({ out: dir, mb, seed: 1, seedsDir: join(ROOT, 'seeds') });
const folders = await corpusFolders(dir);
const files: string[] = [];
for (const folder of folders) files.push(...(await readdir(folder)).filter((n) => n.endsWith('.txt')).map((n) => join(folder, n)));
const out = join(ROOT, 'bench', 'corpus', '.out-shell');
const worker = 'scripts/bench/bare-worker.ts';
const loadBefore = load();

const floors = [];
const measured: Record<string, ExtractionRun[]> = { bundled: [] };
if (flag('--tsx') >= 0) measured.tsx = [];
// Interleaved, so that a change in the machine's load falls on every kind of run alike.
for (let i = 0; i < runs; i++) {
	floors.push(await readAndSplit(files));
	for (const [kind, list] of Object.entries(measured)) list.push(await runExtraction({ root: ROOT, inputs: folders, out, worker, tsx: kind === 'tsx' }));
}
const bytes = floors[0].bytes;
const floorS = median(floors.map((f) => f.seconds));
const result: Record<string, unknown> = {
	mb: round(bytes / 1e6, 1),
	files: files.length,
	runs,
	load: [loadBefore, load()],
	floor: { median_s: round(floorS, 3), mb_per_s: round(bytes / 1e6 / floorS, 1) }
};
for (const [kind, list] of Object.entries(measured)) {
	const wall = median(list.map((r) => r.wallSeconds));
	result[kind] = {
		median_wall_s: round(wall, 2),
		mb_per_s: round(bytes / 1e6 / wall, 1),
		median_cpu_s: round(median(list.map((r) => r.cpuSeconds ?? Number.NaN)), 1),
		mb_per_cpu_s: round(bytes / 1e6 / median(list.map((r) => r.cpuSeconds ?? Number.NaN)), 1),
		peak_rss_mb: Math.round(Math.max(...list.map((r) => r.peakRssMb ?? 0))),
		ratio_to_floor: round(wall / floorS, 1),
		all_wall_s: list.map((r) => round(r.wallSeconds, 2)),
		all_cpu_s: list.map((r) => round(r.cpuSeconds ?? Number.NaN, 1))
	};
}
process.stdout.write(`${JSON.stringify(result)}\n`);
