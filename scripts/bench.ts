/**
 * Benchmarks: extraction throughput on a generated corpus against the read-and-split floor,
 * Parquet size, peak memory, and (when the dashboard is built) the browser figures.
 * Prints a table and writes bench/results/<date>-<commit>.json. Not part of npm test.
 *
 *   npm run bench                      # 200 MB corpus (generated once into bench/corpus/)
 *   npm run bench -- --mb 20           # a quick look
 *   npm run bench -- --runs 3          # median of three end-to-end runs
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runBrowserBench, type BrowserResult } from './bench/browser';
import { corpusExists, corpusFolders, generateCorpus } from './bench/corpus/generate';
import { runExtraction, type ExtractionRun } from './bench/extraction';
import { readAndSplit } from './bench/floor';
import { commit, load, machine } from './bench/machine';
import { runMeasured } from './bench/process-run';
import { median, round } from './bench/stats';
import { printTable, type Row } from './bench/table';

const ROOT = resolve(import.meta.dirname, '..');
const FLOOR_RUNS = 5;
const SMALL_MB = 50;
const ALONE_MB = 10;

interface BenchOptions {
	mb: number;
	seed: number;
	runs: number;
	browser: boolean;
	partition: boolean;
	small: boolean;
	/** Only the browser figures; the million facts repeated from this extraction (the seeds when 'seeds'). */
	browserOnly: boolean;
	millionFrom: string | null;
}

function parse(argv: string[]): BenchOptions {
	const o: BenchOptions = { mb: 200, seed: 1, runs: 1, browser: true, partition: false, small: true, browserOnly: false, millionFrom: null };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const num = () => {
			const n = Number(argv[++i]);
			if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
			return n;
		};
		if (flag === '--mb') o.mb = num();
		else if (flag === '--seed') o.seed = Math.floor(num());
		else if (flag === '--runs') o.runs = Math.floor(num());
		else if (flag === '--no-browser') o.browser = false;
		else if (flag === '--no-small') o.small = false;
		else if (flag === '--partition') o.partition = true;
		else if (flag === '--browser-only') o.browserOnly = true;
		else if (flag === '--million-from') o.millionFrom = argv[++i] ?? null;
		else throw new Error(`unknown option '${flag}' (use --mb, --seed, --runs, --partition, --no-small, --no-browser, --browser-only, --million-from <extraction|seeds>)`);
	}
	return o;
}

async function corpus(mb: number, seed: number): Promise<{ dir: string; folders: string[]; files: string[] }> {
	const dir = join(ROOT, 'bench', 'corpus', `${mb}mb-seed${seed}`);
	if (!(await corpusExists(dir))) {
		process.stderr.write(`bench: generating ${mb} MB corpus into ${dir} …\n`);
		await generateCorpus({ out: dir, mb, seed, seedsDir: join(ROOT, 'seeds') });
	}
	const folders = await corpusFolders(dir);
	const files: string[] = [];
	for (const folder of folders) files.push(...(await readdir(folder)).filter((n) => n.endsWith('.txt')).sort().map((n) => join(folder, n)));
	return { dir, folders, files };
}

const note = (s: string) => process.stderr.write(`bench: ${s}\n`);

function rates(run: ExtractionRun, bytes: number) {
	return {
		wall_s: round(run.wallSeconds, 2),
		mb_per_s: round(bytes / 1e6 / run.wallSeconds, 2),
		facts_per_s: Math.round(run.facts / run.wallSeconds),
		cpu_s: run.cpuSeconds === null ? null : round(run.cpuSeconds, 1),
		mb_per_cpu_s: run.cpuSeconds ? round(bytes / 1e6 / run.cpuSeconds, 2) : null,
		peak_rss_mb: run.peakRssMb === null ? null : Math.round(run.peakRssMb),
		files: run.files,
		files_read: run.filesRead,
		items: run.items,
		facts: run.facts
	};
}

async function main(): Promise<void> {
	const o = parse(process.argv.slice(2));
	const started = new Date();
	const result: Record<string, unknown> = {
		date: started.toISOString(),
		commit: commit(ROOT),
		machine: machine(),
		load_1min_at_start: load(),
		options: o
	};

	if (o.browserOnly) return browserOnly(o, result);
	const big = await corpus(o.mb, o.seed);
	const scratch = join(ROOT, 'bench', 'corpus', '.out');
	await mkdir(scratch, { recursive: true });

	note(`floor: reading and splitting ${big.files.length} files, ${FLOOR_RUNS} runs`);
	await readAndSplit(big.files); // warm the page cache, as every later run finds it
	const floorRuns = [];
	for (let i = 0; i < FLOOR_RUNS; i++) floorRuns.push(await readAndSplit(big.files));
	const bytes = floorRuns[0].bytes;
	const floorS = median(floorRuns.map((r) => r.seconds));
	result.corpus = { dir: big.dir.slice(ROOT.length + 1), mb: round(bytes / 1e6, 1), files: big.files.length, lines: floorRuns[0].lines, seed: o.seed };
	result.floor = { runs: FLOOR_RUNS, median_s: round(floorS, 3), mb_per_s: round(bytes / 1e6 / floorS, 1), all_s: floorRuns.map((r) => round(r.seconds, 3)) };

	note(`extraction: ${o.runs} end-to-end run(s) of the CLI on ${round(bytes / 1e6, 1)} MB`);
	const runs: ExtractionRun[] = [];
	for (let i = 0; i < o.runs; i++) {
		runs.push(await runExtraction({ root: ROOT, inputs: big.folders, out: join(scratch, 'flat') }));
		note(`  run ${i + 1}: ${round(runs[i].wallSeconds, 1)} s`);
	}
	const mid = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds)[Math.floor((runs.length - 1) / 2)];
	const extraction = { runs: o.runs, median: rates(mid, bytes), all_wall_s: runs.map((r) => round(r.wallSeconds, 2)), ratio_to_floor: round(mid.wallSeconds / floorS, 1) };
	result.extraction = extraction;
	const factsFile = mid.parquet['facts.parquet'];
	const totalParquet = Object.values(mid.parquet).reduce((a, b) => a + b, 0);
	result.parquet = {
		bytes: mid.parquet,
		facts_bytes_per_million_facts: mid.facts ? Math.round((factsFile / mid.facts) * 1e6) : null,
		all_bytes_per_million_facts: mid.facts ? Math.round((totalParquet / mid.facts) * 1e6) : null,
		items_bytes_per_mb_text: Math.round(mid.parquet['items.parquet'] / (bytes / 1e6))
	};

	note('the CLI with a stand-in extractor that only cuts items (reading, decoding, workers, staging, Parquet)');
	const bare = await runExtraction({ root: ROOT, inputs: big.folders, out: join(scratch, 'bare'), worker: 'scripts/bench/bare-worker.ts' });
	result.cli_without_extractor = { ...rates(bare, bytes), ratio_to_floor: round(bare.wallSeconds / floorS, 1) };

	note(`the extractor alone on one thread, first ${ALONE_MB} MB of the corpus`);
	const alone = await runMeasured(process.execPath, ['--import', 'tsx', 'scripts/bench/extractor-alone.ts', big.dir, String(ALONE_MB)], { cwd: ROOT });
	const aloneJson = JSON.parse(alone.stdout.trim().split('\n').pop()!) as { files: number; bytes: number; facts: number; seconds: number };
	result.extractor_alone = {
		mb: round(aloneJson.bytes / 1e6, 1),
		seconds: round(aloneJson.seconds, 2),
		mb_per_s_one_thread: round(aloneJson.bytes / 1e6 / aloneJson.seconds, 2),
		facts_per_s_one_thread: Math.round(aloneJson.facts / aloneJson.seconds),
		ms_per_mb: Math.round((aloneJson.seconds * 1000) / (aloneJson.bytes / 1e6))
	};

	note('a second run over the unchanged corpus, files from the cache');
	const cacheOut = join(scratch, 'cached');
	const filling = await runExtraction({ root: ROOT, inputs: big.folders, out: cacheOut, cache: true });
	const cached = await runExtraction({ root: ROOT, inputs: big.folders, out: cacheOut, cache: true, keep: true });
	result.cache = { first_wall_s: round(filling.wallSeconds, 2), second_wall_s: round(cached.wallSeconds, 2), saving: round(1 - cached.wallSeconds / filling.wallSeconds, 3) };

	note('PDF minutes read back into text on one thread (2 MB of the corpus rendered as PDF)');
	const pdf = await runMeasured(process.execPath, ['--import', 'tsx', 'scripts/bench/pdf-pages.ts', big.dir, '2'], { cwd: ROOT });
	const pdfJson = JSON.parse(pdf.stdout.trim().split('\n').pop()!) as { files: number; pages: number; text_bytes: number; seconds: number };
	result.pdf = { files: pdfJson.files, pages: pdfJson.pages, seconds: round(pdfJson.seconds, 2), pages_per_s: round(pdfJson.pages / pdfJson.seconds, 1), text_mb_per_s: round(pdfJson.text_bytes / 1e6 / pdfJson.seconds, 2) };

	if (o.partition) {
		note('extraction with --partition');
		const part = await runExtraction({ root: ROOT, inputs: big.folders, out: join(scratch, 'partitioned'), partition: true });
		result.partitioned = { ...rates(part, bytes), parquet: part.parquet };
	}

	if (o.small && o.mb > SMALL_MB) {
		const small = await corpus(SMALL_MB, o.seed);
		note(`memory at ${SMALL_MB} MB: one end-to-end run`);
		const smallRun = await runExtraction({ root: ROOT, inputs: small.folders, out: join(scratch, 'small') });
		const smallBytes = (await readAndSplit(small.files)).bytes;
		result.memory = {
			[`peak_rss_mb_at_${SMALL_MB}mb`]: smallRun.peakRssMb === null ? null : Math.round(smallRun.peakRssMb),
			[`peak_rss_mb_at_${o.mb}mb`]: mid.peakRssMb === null ? null : Math.round(mid.peakRssMb),
			source: mid.rssSource,
			small_run: rates(smallRun, smallBytes)
		};
	}
	let browser: BrowserResult | { skipped: string };
	if (!o.browser) browser = { skipped: '--no-browser' };
	else {
		note('browser figures (builds the dashboard twice in bench/corpus/.site/)');
		browser = await runBrowserBench(ROOT, join(scratch, 'flat'));
	}
	await rm(scratch, { recursive: true, force: true });
	result.browser = browser;
	result.targets = targets(result, extraction);
	result.load_1min_at_end = load();
	result.seconds = round((Date.now() - started.getTime()) / 1000, 1);

	printTable(tableRows(result, extraction, floorS, bytes));
	const dir = join(ROOT, 'bench', 'results');
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${started.toISOString().slice(0, 10)}-${result.commit}.json`);
	await writeFile(file, `${JSON.stringify(result, null, '\t')}\n`);
	process.stdout.write(`\nwritten: ${file.slice(ROOT.length + 1)}\n`);
}

/**
 * The browser figures alone (a quick look while working on the site): the seeds, and a million
 * facts repeated from an extraction when one is named ('seeds' repeats the seeds' own facts).
 */
async function browserOnly(o: BenchOptions, result: Record<string, unknown>): Promise<void> {
	let from = o.millionFrom;
	if (from === 'seeds') {
		from = join(ROOT, 'bench', 'corpus', '.seeds-extraction');
		await runMeasured(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', '--input', 'seeds', '--out', from], { cwd: ROOT });
	}
	const browser = await runBrowserBench(ROOT, from, from ? 10_000 : undefined);
	result.browser = browser;
	if ('rows' in browser) printTable(browser.rows.map(([a, b, c]) => [a, b, c, '']));
	const dir = join(ROOT, 'bench', 'results');
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${String(result.date).slice(0, 10)}-${result.commit}-browser.json`);
	await writeFile(file, `${JSON.stringify(result, null, '\t')}\n`);
	process.stdout.write(`\nwritten: ${file.slice(ROOT.length + 1)}\n`);
}

function tableRows(r: Record<string, any>, e: Record<string, any>, floorS: number, bytes: number): Row[] {
	const m = e.median;
	const rows: Row[] = [
		['machine', `${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory_gb} GB, Node ${r.machine.node}`, '', ''],
		['load (1 min) start / end', `${r.load_1min_at_start} / ${r.load_1min_at_end}`, `${r.machine.cores} = all cores busy`, ''],
		['corpus', `${r.corpus.mb} MB, ${r.corpus.files} files`, '', `seed ${r.corpus.seed}`],
		['floor: read + split lines', `${r.floor.median_s} s, ${r.floor.mb_per_s} MB/s`, '', `median of ${r.floor.runs}`],
		['extraction end to end', `${m.wall_s} s, ${m.mb_per_s} MB/s`, '≥ 20 MB/s', `median of ${e.runs}`],
		['  facts/s', `${m.facts_per_s} (${m.facts} facts)`, '', ''],
		['  ratio to floor', `${e.ratio_to_floor}×`, '≤ 5×', ''],
		['  CPU time', `${m.cpu_s} s, ${m.mb_per_cpu_s} MB per CPU-second`, '', ''],
		['  peak RSS', `${m.peak_rss_mb} MB`, '', ''],
		['CLI with stand-in extractor', `${r.cli_without_extractor.wall_s} s, ${r.cli_without_extractor.mb_per_s} MB/s`, '', `${r.cli_without_extractor.ratio_to_floor}× floor`],
		['extractor alone, 1 thread', `${r.extractor_alone.mb_per_s_one_thread} MB/s, ${r.extractor_alone.facts_per_s_one_thread} facts/s`, '', `${r.extractor_alone.mb} MB sample`],
		['second run, unchanged files', `${r.cache.second_wall_s} s against ${r.cache.first_wall_s} s`, '', `${round(r.cache.saving * 100, 0)} % saved by the cache`],
		['PDF read into text, 1 thread', `${r.pdf.pages_per_s} pages/s, ${r.pdf.text_mb_per_s} MB text/s`, '', `${r.pdf.pages} pages`],
		['Parquet per million facts', `facts ${mb(r.parquet.facts_bytes_per_million_facts)}, all three ${mb(r.parquet.all_bytes_per_million_facts)}`, '', '']
	];
	if (r.memory) {
		const keys = Object.keys(r.memory).filter((k) => k.startsWith('peak_rss'));
		rows.push(['peak RSS by corpus size', keys.map((k) => `${k.replace(/peak_rss_mb_at_/, '')}: ${r.memory[k]} MB`).join(', '), 'flat', r.memory.source]);
	}
	if (r.partitioned) rows.push(['extraction --partition', `${r.partitioned.wall_s} s, ${r.partitioned.mb_per_s} MB/s`, '', '']);
	const b = r.browser;
	if (b.skipped) rows.push(['browser', `skipped: ${b.skipped}`, '', '']);
	else
		for (const [name, v, target] of b.rows as [string, string, string][]) rows.push([name, v, target, '']);
	const missed = Object.entries(r.targets as Record<string, { met: boolean | null; measured: number | null; target: string }>).filter(([, v]) => v.met === false);
	rows.push(['targets missed', missed.length ? missed.map(([k, v]) => `${k} ${v.measured} (${v.target})`).join('; ') : 'none', '', '']);
	void floorS;
	void bytes;
	return rows;
}

/** The targets for this machine, each with the measured figure and whether it is met. */
function targets(r: Record<string, any>, e: Record<string, any>) {
	const t: Record<string, { target: string; measured: number | null; met: boolean | null }> = {
		extraction_mb_per_s: { target: '>= 20', measured: e.median.mb_per_s, met: e.median.mb_per_s >= 20 },
		extraction_ratio_to_floor: { target: '<= 5', measured: e.ratio_to_floor, met: e.ratio_to_floor <= 5 }
	};
	for (const site of r.browser?.sites ?? []) {
		const big = site.label === 'million';
		for (const [page, v] of Object.entries(site.pages) as [string, any][]) {
			t[`first_chart_ms_${page}_${site.label}`] = { target: big ? '<= 1500' : '<= 1000', measured: v.first_chart_ms, met: v.first_chart_ms <= (big ? 1500 : 1000) };
			t[`bytes_before_first_chart_${page}_${site.label}`] = { target: '< 512000', measured: v.bytes_before_first_chart, met: v.bytes_before_first_chart < 512_000 };
		}
		if (big) {
			const ex = site.explorer_filter_change;
			t.explorer_p95_ms_million = { target: '<= 100', measured: ex.p95_ms, met: ex.p95_ms <= 100 };
			const cmp = site.comparison_table_update;
			t.comparison_p95_ms_million = { target: '<= 100', measured: cmp?.p95_ms ?? null, met: cmp ? cmp.p95_ms <= 100 : null };
		}
	}
	return t;
}

const mb = (n: number | null) => (n === null ? '–' : `${round(n / 1e6, 1)} MB`);

main().catch((error) => {
	process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
	process.exitCode = 1;
});
