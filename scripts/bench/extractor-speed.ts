/**
 * The pure extractor's speed on real minutes: the seeds and the team's corpora (variants, dev-a
 * to dev-e), held in memory and extracted again and again. Prints one JSON line with the MB per
 * CPU-second of each run and their median, and the load average, since a busy machine slows
 * even CPU time. The unseen sets (dev-f, dev-g) are never read.
 *
 *   npx tsx scripts/bench/extractor-speed.ts [--runs 7] [--passes 4]
 *   npx tsx scripts/bench/extractor-speed.ts --against main [--pairs 15]
 *
 * With --against, the extractor of that git revision (src/lib/extract, taken with git archive)
 * and the working tree's take turns, one pass each, in one process: both see the same load, so
 * their ratio holds on a busy machine where either figure alone swings by a fifth. The pairs
 * alternate which goes first. It prints both medians, the median of the ratios (new / old) and
 * the ratio of the best passes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadFolder } from '../evaluate';
import { extractDocument } from '../../src/lib/extract/index';
import { median, round } from './stats';

const FOLDERS = ['seeds', 'tests/corpus/variants', ...['a', 'b', 'c', 'd', 'e'].map((k) => `tests/corpus/dev-${k}`)];

const option = (name: string, fallback: number) => {
	const at = process.argv.indexOf(`--${name}`);
	return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const against = process.argv.includes('--against') ? process.argv[process.argv.indexOf('--against') + 1] : null;
const runs = option('runs', 7);
const passes = option('passes', 4);
const pairs = option('pairs', 15);

type Extract = typeof extractDocument;
const docs: { text: string; meta: Parameters<Extract>[1] }[] = [];
for (const folder of FOLDERS) {
	const loaded = await loadFolder(resolve(folder));
	for (const [file, text] of loaded.texts) docs.push({ text, meta: loaded.metas.get(file)! });
}
const mb = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0) / 1e6;

/** MB per CPU-second of `n` passes over the documents. */
function rate(extract: Extract, n: number): number {
	const cpu = process.cpuUsage();
	for (let p = 0; p < n; p++) for (const d of docs) extract(d.text, d.meta);
	const used = process.cpuUsage(cpu);
	return (mb * n) / ((used.user + used.system) / 1e6);
}

if (against) await compare(against);
else {
	// One pass first, so the measured runs see compiled code.
	rate(extractDocument, 1);
	const loadBefore = loadavg()[0];
	const rates: number[] = [];
	for (let r = 0; r < runs; r++) rates.push(round(rate(extractDocument, passes)));
	process.stdout.write(
		`${JSON.stringify({ files: docs.length, mb: round(mb, 3), passes, mb_per_cpu_s: rates, median: median(rates), load: [round(loadBefore), round(loadavg()[0])] })}\n`
	);
}

async function compare(revision: string): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'extractor-'));
	try {
		execFileSync('sh', ['-c', `git archive "$1" src/lib/extract | tar -x -C "$2"`, 'sh', revision, dir]);
		const old: Extract = (await import(pathToFileURL(join(dir, 'src/lib/extract/index.ts')).href)).extractDocument;
		// Two passes of each first, so the measured ones see compiled code.
		for (let i = 0; i < 2; i++) {
			rate(old, 1);
			rate(extractDocument, 1);
		}
		const loadBefore = loadavg()[0];
		const olds: number[] = [];
		const news: number[] = [];
		for (let i = 0; i < pairs; i++) {
			if (i % 2) {
				olds.push(rate(old, 1));
				news.push(rate(extractDocument, 1));
			} else {
				news.push(rate(extractDocument, 1));
				olds.push(rate(old, 1));
			}
		}
		const ratios = news.map((n, i) => n / olds[i]);
		process.stdout.write(
			`${JSON.stringify({
				against: revision,
				files: docs.length,
				mb: round(mb, 3),
				pairs,
				old_median: round(median(olds)),
				new_median: round(median(news)),
				ratio_median: round(median(ratios), 3),
				ratio_best: round(Math.max(...news) / Math.max(...olds), 3),
				load: [round(loadBefore), round(loadavg()[0])]
			})}\n`
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
