/**
 * Writes a corpus of generated minutes: one folder per municipality with its .txt files and a
 * manifest.json, deterministic from the seed value. Files are written as they are made, so
 * memory does not grow with the corpus.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isoDate, slug } from './danish';
import { meetingText } from './meeting';
import { COMMITTEES, MUNICIPALITIES, type Committee } from './places';
import { Random } from './random';
import { loadSeedItems } from './seed-items';

export interface CorpusOptions {
	out: string;
	/** Size to reach, in MB (10^6 bytes) of text. */
	mb: number;
	seed: number;
	/** Folder of seed minutes whose items are mixed in; none when null. */
	seedsDir: string | null;
}

export interface CorpusSummary {
	files: number;
	bytes: number;
	folders: number;
	seed: number;
}

export const CORPUS_INFO = 'corpus.json';

const FIRST_YEAR = 2016;
const LAST_YEAR = 2026;

/** A meeting day: a Tuesday or Wednesday in any month but July. */
function meetingDay(rng: Random): { year: number; month: number; day: number } {
	const year = rng.int(FIRST_YEAR, LAST_YEAR);
	const month = rng.pick([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12].filter((m) => year < LAST_YEAR || m <= 6));
	const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
	const weekday = rng.pick([2, 3]);
	const firstMatch = 1 + ((weekday - first + 7) % 7);
	const day = firstMatch + 7 * rng.int(0, 3);
	return { year, month, day };
}

export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
	const existing = await readdir(options.out).catch(() => null);
	if (existing && existing.length > 0 && !(await corpusExists(options.out)))
		throw new Error(`${options.out} exists and is not a generated corpus (no ${CORPUS_INFO}); choose another folder`);
	const target = options.mb * 1e6;
	const rng = new Random(options.seed);
	const seedItems = options.seedsDir ? await loadSeedItems(options.seedsDir) : [];
	const boards = MUNICIPALITIES.map((municipality) => ({
		municipality,
		committees: rng.sample(COMMITTEES, rng.int(3, 6)) as Committee[],
		weight: 0.3 + rng.next() * 2
	}));

	const temp = join(dirname(options.out), `.${basename(options.out)}.tmp-${process.pid}`);
	await rm(temp, { recursive: true, force: true });
	await mkdir(temp, { recursive: true });
	const manifests = new Map<string, Record<string, object>>();
	const names = new Set<string>();
	let bytes = 0;
	let files = 0;
	try {
		while (bytes < target) {
			const board = rng.weighted(boards.map((b) => [b, b.weight] as const));
			const committee = rng.pick(board.committees);
			const date = meetingDay(rng);
			const folder = slug(board.municipality);
			const base = `${folder}-${isoDate(date.year, date.month, date.day)}-${slug(committee.name.replace(/udvalget$/, ''))}`;
			let name = `${base}.txt`;
			for (let n = 2; names.has(name); n++) name = `${base}-${n}.txt`;
			names.add(name);

			const text = meetingText(rng.fork(), { municipality: board.municipality, committee, ...date }, seedItems);
			const data = Buffer.from(text, 'utf8');
			if (!manifests.has(folder)) {
				manifests.set(folder, {});
				await mkdir(join(temp, folder));
			}
			await writeFile(join(temp, folder, name), data);
			manifests.get(folder)![name] = {
				municipality: board.municipality,
				committee: committee.name,
				meeting_date: isoDate(date.year, date.month, date.day),
				basis: `genereret af scripts/generate-corpus.ts, seed ${options.seed}`
			};
			bytes += data.length;
			files++;
		}
		for (const [folder, entries] of [...manifests].sort(([a], [b]) => (a < b ? -1 : 1))) {
			const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
			await writeFile(join(temp, folder, 'manifest.json'), `${JSON.stringify(sorted, null, '\t')}\n`);
		}
		const summary: CorpusSummary = { files, bytes, folders: manifests.size, seed: options.seed };
		await writeFile(join(temp, CORPUS_INFO), `${JSON.stringify({ ...summary, mb: options.mb }, null, '\t')}\n`);
		await rm(options.out, { recursive: true, force: true });
		await rename(temp, options.out);
		return summary;
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		throw error;
	}
}

/** The municipality folders of a generated corpus, for the CLI's --input. */
export async function corpusFolders(out: string): Promise<string[]> {
	const entries = await readdir(out, { withFileTypes: true });
	return entries.filter((e) => e.isDirectory()).map((e) => join(out, e.name)).sort();
}

export async function corpusExists(out: string): Promise<boolean> {
	return stat(join(out, CORPUS_INFO)).then(
		() => true,
		() => false
	);
}
