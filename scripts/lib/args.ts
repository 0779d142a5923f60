/** Command line of the extraction CLI. */
import { availableParallelism } from 'node:os';
import { municipalityOf } from '../../src/lib/extract/places';

export class UsageError extends Error {}

export interface Options {
	inputs: string[];
	out: string;
	timeoutMs: number;
	help: boolean;
	/** Workers running the extractor; one per core when absent. */
	jobs?: number;
	/** Write hive-partitioned folders instead of three files. */
	partition?: true;
	/** Read every file again instead of taking unchanged ones from the cache. */
	full?: true;
	/** The municipality of files that neither a manifest nor their own text names. */
	municipality?: string;
}

export const DEFAULT_INPUT = 'seeds';
export const DEFAULT_OUT = 'static/data';
export const DEFAULT_TIMEOUT_S = 60;
/** A day: far beyond any file's need, and well within what a timer can count (2^31 - 1 ms). */
export const MAX_TIMEOUT_S = 86_400;
/** More workers than twice the cores only costs memory (each holds the extractor and its files). */
export const MAX_JOBS = availableParallelism() * 2;

export const USAGE = `Usage: npm run extract -- [--input <folder|file> ...] [--out <folder>] [--timeout <seconds>]
                          [--jobs <n>] [--partition] [--municipality <name>] [--full]

Reads committee minutes (.txt, .pdf, .html or .htm, one meeting per file) and writes
facts.parquet, documents.parquet and items.parquet into the output folder.

  --input <path> ...   folders of minutes and/or single files; may be repeated
                       (default: ${DEFAULT_INPUT}/). A folder's manifest.json gives committee,
                       meeting date and municipality per file.
  --out <folder>       where the Parquet files go (default: ${DEFAULT_OUT}/)
  --timeout <seconds>  time limit for one file in the extractor (default: ${DEFAULT_TIMEOUT_S},
                       at most ${MAX_TIMEOUT_S})
  --jobs <n>           files extracted at the same time (default: one per core, at most
                       ${MAX_JOBS}: twice the cores)
  --partition          write hive-style folders instead of three files, for large corpora:
                       facts/municipality=<m>/year=<y>/, documents/municipality=<m>/,
                       items/municipality=<m>/ (read them with hive_partitioning)
  --full               read every file again (files unchanged since the last run on the
                       same --out are otherwise taken from node_modules/.cache/)
  --municipality <name>  the municipality of files that neither a manifest nor their own
                       text names (a folder from one municipality), e.g. --municipality Odder
  -h, --help           show this text

Exit codes: 0 every file read, 1 some file failed (the rest is written), 2 usage error,
an output folder that cannot be used, or another run writing the same --out.`;

function splitFlag(arg: string): [string, string | undefined] {
	const eq = arg.indexOf('=');
	return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

export function parseArgs(argv: readonly string[]): Options {
	const inputs: string[] = [];
	let out: string | undefined;
	let timeoutS: number | undefined;
	let help = false;
	let jobs: number | undefined;
	let partition: true | undefined;
	let full: true | undefined;
	let municipality: string | undefined;
	let collectingInputs = false;

	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = splitFlag(argv[i]);
		const isFlag = flag.startsWith('-') && flag !== '-';
		if (!isFlag) {
			if (!collectingInputs) throw new UsageError(`unexpected argument '${argv[i]}' (inputs follow --input)`);
			inputs.push(argv[i]);
			continue;
		}
		collectingInputs = false;
		const value = (): string => {
			if (inline !== undefined) {
				if (inline === '') throw new UsageError(`${flag} needs a value`);
				return inline;
			}
			const next = argv[i + 1];
			if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${flag} needs a value`);
			i++;
			return next;
		};
		switch (flag) {
			case '--input':
			case '-i':
				inputs.push(value());
				collectingInputs = true;
				break;
			case '--out':
			case '-o':
				if (out !== undefined) throw new UsageError('--out given twice');
				out = value();
				break;
			case '--timeout': {
				const raw = value();
				const seconds = Number(raw);
				if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout needs a positive number of seconds, not '${raw}'`);
				if (seconds > MAX_TIMEOUT_S) throw new UsageError(`--timeout is at most ${MAX_TIMEOUT_S} seconds (one day), not '${raw}'`);
				timeoutS = seconds;
				break;
			}
			case '--jobs':
			case '-j': {
				const raw = value();
				const n = Number(raw);
				if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs needs a whole number of at least 1, not '${raw}'`);
				if (n > MAX_JOBS) throw new UsageError(`--jobs is at most ${MAX_JOBS} (twice the ${MAX_JOBS / 2} cores), not '${raw}'`);
				jobs = n;
				break;
			}
			case '--partition':
				if (inline !== undefined) throw new UsageError('--partition takes no value');
				partition = true;
				break;
			case '--full':
				if (inline !== undefined) throw new UsageError('--full takes no value');
				full = true;
				break;
			case '--municipality': {
				const raw = value();
				const name = municipalityOf(raw.trim());
				if (!name) throw new UsageError(`--municipality needs the name of a Danish municipality, not '${raw}'`);
				municipality = name;
				break;
			}
			case '--help':
			case '-h':
				help = true;
				break;
			default:
				throw new UsageError(`unknown option '${flag}'`);
		}
	}

	return {
		inputs: inputs.length > 0 ? inputs : [DEFAULT_INPUT],
		out: out ?? DEFAULT_OUT,
		timeoutMs: (timeoutS ?? DEFAULT_TIMEOUT_S) * 1000,
		help,
		...(jobs !== undefined ? { jobs } : {}),
		...(partition ? { partition } : {}),
		...(full ? { full } : {}),
		...(municipality ? { municipality } : {})
	};
}
