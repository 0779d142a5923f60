/**
 * Generates a corpus of committee minutes for benchmarks: varied municipalities, committees,
 * years and wording, deterministic from --seed. Usage:
 *   npm run generate -- --out bench/corpus/200mb --mb 200 --seed 1
 */
import { generateCorpus } from './bench/corpus/generate';

const USAGE = `Usage: npm run generate -- --out <folder> --mb <size> [--seed <n>] [--seeds <folder>|--no-seeds]

Writes generated minutes (one folder per municipality, each with manifest.json) until the
corpus holds <size> MB of text. The same seed and size give byte-identical files.

  --out <folder>     where the corpus goes (replaced if it is an earlier generated corpus)
  --mb <size>        MB of text (10^6 bytes) to generate
  --seed <n>         seed value (default 1)
  --seeds <folder>   seed minutes whose items are mixed in with changed figures (default seeds/)
  --no-seeds         generate from templates only`;

function parse(argv: string[]): { out: string; mb: number; seed: number; seedsDir: string | null } {
	const opts: { out?: string; mb?: number; seed: number; seedsDir: string | null } = { seed: 1, seedsDir: 'seeds' };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		const number = (v: string, what: string) => {
			const n = Number(v);
			if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs ${what}, not '${v}'`);
			return n;
		};
		if (flag === '--out') opts.out = value();
		else if (flag === '--mb') opts.mb = number(value(), 'a positive size in MB');
		else if (flag === '--seed') {
			const v = value();
			if (!/^\d+$/.test(v)) throw new Error(`--seed needs a whole number, not '${v}'`);
			opts.seed = Number(v);
		} else if (flag === '--seeds') opts.seedsDir = value();
		else if (flag === '--no-seeds') opts.seedsDir = null;
		else throw new Error(`unknown option '${flag}'`);
	}
	if (!opts.out) throw new Error('--out is required');
	if (!opts.mb) throw new Error('--mb is required');
	return { out: opts.out, mb: opts.mb, seed: opts.seed, seedsDir: opts.seedsDir };
}

const argv = process.argv.slice(2);
if (argv.includes('-h') || argv.includes('--help')) {
	process.stdout.write(`${USAGE}\n`);
} else {
	let options;
	try {
		options = parse(argv);
	} catch (error) {
		process.stderr.write(`generate: ${(error as Error).message}\n\n${USAGE}\n`);
		process.exit(2);
	}
	const started = performance.now();
	try {
		const s = await generateCorpus(options);
		const seconds = (performance.now() - started) / 1000;
		process.stdout.write(
			`generate: ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB in ${s.folders} folders (seed ${s.seed}) in ${options.out}/ (${seconds.toFixed(1)} s)\n`
		);
	} catch (error) {
		process.stderr.write(`generate: ${(error as Error).message}\n`);
		process.exitCode = 1;
	}
}
