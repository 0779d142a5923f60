/**
 * The pure extractor's speed on real minutes: the seeds and the team's corpora (variants, dev-a
 * to dev-e), held in memory and extracted again and again. Prints one JSON line with the MB per
 * CPU-second of each run and their median, and the load average, since a busy machine slows
 * even CPU time. The unseen sets (dev-f, dev-g) are never read.
 *
 *   npx tsx scripts/bench/extractor-speed.ts [--runs 7] [--passes 4]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadFolder } from '../evaluate';
import { extractDocument } from '../../src/lib/extract/index';
import { median, round } from './stats';

const FOLDERS = ['seeds', 'tests/corpus/variants', ...['a', 'b', 'c', 'd', 'e'].map((k) => `tests/corpus/dev-${k}`)];

const option = (name: string, fallback: number) => {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = option('runs', 7);
const passes = option('passes', 4);

const docs: { text: string; meta: Parameters<typeof extractDocument>[1] }[] = [];
for (const folder of FOLDERS) {
	const loaded = await loadFolder(resolve(folder));
	for (const [file, text] of loaded.texts) docs.push({ text, meta: loaded.metas.get(file)! });
}
const mb = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0) / 1e6;

// One pass first, so the measured runs see compiled code.
for (const d of docs) extractDocument(d.text, d.meta);
const loadBefore = loadavg()[0];
const rates: number[] = [];
for (let r = 0; r < runs; r++) {
	const cpu = process.cpuUsage();
	for (let p = 0; p < passes; p++) for (const d of docs) extractDocument(d.text, d.meta);
	const used = process.cpuUsage(cpu);
	rates.push(round((mb * passes) / ((used.user + used.system) / 1e6)));
}
process.stdout.write(
	`${JSON.stringify({ files: docs.length, mb: round(mb, 3), passes, mb_per_cpu_s: rates, median: median(rates), load: [round(loadBefore), round(loadavg()[0])] })}\n`
);
