/**
 * npm run evaluate -- --input <folder> --expected <file.jsonl> [--family X] [--json out.json]
 *                     [--min-precision P] [--min-recall R] [--negatives file.jsonl] [--max-list N] [--explain]
 *
 * Runs the extractor on every .txt under the folder and scores its key-family facts against
 * the answer key. The scoring itself lives in src/lib/evaluate/.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as extract from '../src/lib/extract/index';
import type { DocumentMeta } from '../src/lib/extract/types';
import {
	KEY_FAMILY_NAMES,
	explainMiss,
	formatReport,
	parseExpected,
	parseNegatives,
	ruleStats,
	scoreFacts,
	thresholdFailures,
	type KeyFamily,
	type FileTrace,
	type NegativeEntry,
	type PredictedFact
} from '../src/lib/evaluate/index';

export interface LoadedFolder {
	/** File key (path relative to the folder, forward slashes) → text. */
	texts: Map<string, string>;
	metas: Map<string, DocumentMeta>;
	/** Folder key ('' for the root) → parsed manifest.json. */
	manifests: Map<string, unknown>;
	problems: string[];
}

const toKey = (path: string) => path.split(sep).join('/');

async function walk(folder: string): Promise<string[]> {
	const out: string[] = [];
	for (const entry of await readdir(folder, { withFileTypes: true })) {
		if (entry.name.startsWith('.')) continue;
		const path = join(folder, entry.name);
		if (entry.isDirectory()) out.push(...(await walk(path)));
		else if (entry.isFile()) out.push(path);
	}
	return out.sort();
}

const field = (entry: unknown, name: string): string | null => {
	const v = (entry as Record<string, unknown> | null)?.[name];
	return typeof v === 'string' && v.trim() !== '' ? v : null;
};

/** Reads every .txt under `root` (UTF-8) and each folder's manifest.json (keys relative to that folder). */
export async function loadFolder(root: string): Promise<LoadedFolder> {
	const paths = await walk(root);
	const texts = new Map<string, string>();
	const metas = new Map<string, DocumentMeta>();
	const manifests = new Map<string, unknown>();
	const problems: string[] = [];
	const decoder = new TextDecoder('utf-8', { fatal: true });

	for (const path of paths.filter((p) => p.endsWith('manifest.json'))) {
		const folder = toKey(relative(root, dirname(path)));
		try {
			manifests.set(folder, JSON.parse((await readFile(path, 'utf8')).replace(/^\ufeff/, '')));
		} catch (error) {
			problems.push(`${path}: not valid JSON (${(error as Error).message}), ignored`);
		}
	}
	for (const path of paths.filter((p) => p.toLowerCase().endsWith('.txt'))) {
		const key = toKey(relative(root, path));
		try {
			texts.set(key, decoder.decode(await readFile(path)));
		} catch (error) {
			problems.push(`${path}: cannot be read as UTF-8 (${(error as Error).message}), skipped`);
			continue;
		}
		const name = key.slice(key.lastIndexOf('/') + 1);
		const folderParts = key.split('/').slice(0, -1);
		let entry: unknown = undefined;
		// The nearest manifest that names the file wins; keys are relative to the manifest's folder.
		for (let depth = folderParts.length; depth >= 0 && entry === undefined; depth--) {
			const manifest = manifests.get(folderParts.slice(0, depth).join('/')) as Record<string, unknown> | undefined;
			entry = manifest?.[folderParts.slice(depth).concat(name).join('/')];
		}
		metas.set(key, {
			doc_id: name.replace(/\.[^.]*$/, ''),
			file_name: name,
			committee: field(entry, 'committee'),
			meeting_date: field(entry, 'meeting_date'),
			municipality: field(entry, 'municipality')
		});
	}
	return { texts, metas, manifests, problems };
}

/** Runs the extractor on every loaded text; a file the extractor throws on is reported, not fatal. */
export function predictFolder(folder: LoadedFolder): { predicted: PredictedFact[]; errors: string[]; traces: Map<string, FileTrace> } {
	const predicted: PredictedFact[] = [];
	const errors: string[] = [];
	const traces = new Map<string, FileTrace>();
	for (const [file, text] of folder.texts) {
		try {
			const extraction = extract.extractDocument(text, folder.metas.get(file)!);
			const trace: FileTrace = { text, items: extraction.items, dropped: extraction.dropped ?? [], predicted: [] };
			traces.set(file, trace);
			for (const f of extraction.facts) {
				predicted.push({
					file,
					family: f.family,
					metric: f.metric,
					entity: f.entity,
					area: f.area,
					period: f.period,
					value: f.value,
					unit: f.unit,
					quote: f.quote,
					rule: f.rule,
					check: f.check,
					check_note: f.check_note,
					item_no: f.item_no,
					char_start: f.char_start,
					char_end: f.char_end
				});
				trace.predicted.push(predicted[predicted.length - 1] as FileTrace['predicted'][number]);
			}
		} catch (error) {
			errors.push(`${file}: the extractor failed: ${(error as Error).stack ?? String(error)}`);
		}
	}
	return { predicted, errors, traces };
}

/** Rule names the extractor exports (RULE_NAMES, or RULES with a name each), so dead rules show. */
export function knownRuleNames(): string[] {
	const mod = extract as unknown as Record<string, unknown>;
	for (const key of ['RULE_NAMES', 'RULES', 'rules']) {
		const v = mod[key];
		if (!Array.isArray(v)) continue;
		return v.map((r) => (typeof r === 'string' ? r : typeof r?.name === 'string' ? r.name : null)).filter((n): n is string => n !== null);
	}
	return [];
}

interface Options {
	input: string;
	expected: string;
	families: KeyFamily[];
	json?: string;
	minPrecision?: number;
	minRecall?: number;
	negatives?: string;
	maxListed: number;
	explain: boolean;
}

const USAGE = `usage: npm run evaluate -- --input <folder> --expected <file.jsonl> [options]

  --input <folder>        texts to score (.txt, searched recursively; manifest.json per folder)
  --expected <file>       answer key, one JSON fact per line (see tests/corpus/README.md)
  --family <name>         score only this family (klagesager, budget, magtanvendelse); repeatable
  --json <file>           also write the full result as JSON
  --min-precision <x>     exit 1 when a family's strict precision is below x (0.9 or 90)
  --min-recall <x>        exit 1 when a family's strict recall is below x
  --negatives <file>      known non-facts {file, evidence, note} to annotate false positives
                          (default: negatives.jsonl next to the answer key, if present)
  --max-list <n>          list at most n misses and n false positives per family (default 40)
  --explain               for each missed fact, the stage that dropped it (segment, table, slot,
                          context, plausibility, or not seen), and a count per stage`;

class UsageError extends Error {}

function fraction(flag: string, raw: string | undefined): number {
	const n = Number(raw);
	if (raw === undefined || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`${flag} needs a number between 0 and 1 (or a percent)`);
	return n > 1 ? n / 100 : n;
}

export function parseArgs(argv: string[]): Options {
	const o: Partial<Options> & { families: KeyFamily[] } = { families: [], maxListed: 40, explain: false };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
			return v;
		};
		if (flag === '--input') o.input = value();
		else if (flag === '--expected') o.expected = value();
		else if (flag === '--family') {
			for (const name of value().split(',')) {
				if (!KEY_FAMILY_NAMES.includes(name as KeyFamily)) throw new UsageError(`unknown family '${name}' (${KEY_FAMILY_NAMES.join(', ')})`);
				o.families.push(name as KeyFamily);
			}
		} else if (flag === '--json') o.json = value();
		else if (flag === '--min-precision') o.minPrecision = fraction(flag, value());
		else if (flag === '--min-recall') o.minRecall = fraction(flag, value());
		else if (flag === '--negatives') o.negatives = value();
		else if (flag === '--max-list') {
			o.maxListed = Number(value());
			if (!Number.isInteger(o.maxListed) || o.maxListed < 0) throw new UsageError('--max-list needs a whole number');
		} else if (flag === '--explain') o.explain = true;
		else if (flag === '-h' || flag === '--help') throw new UsageError('');
		else throw new UsageError(`unknown option ${flag}`);
	}
	if (!o.input || !o.expected) throw new UsageError('--input and --expected are required');
	if (o.families.length === 0) o.families = [...KEY_FAMILY_NAMES];
	return o as Options;
}

export async function main(argv: string[]): Promise<number> {
	let options: Options;
	try {
		options = parseArgs(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		if (error.message) console.error(`evaluate: ${error.message}\n`);
		console.error(USAGE);
		return 2;
	}
	if (!existsSync(options.input)) {
		console.error(`evaluate: input folder not found: ${options.input}`);
		return 2;
	}
	let keyText: string;
	try {
		keyText = await readFile(options.expected, 'utf8');
	} catch (error) {
		console.error(`evaluate: cannot read ${options.expected}: ${(error as Error).message}`);
		return 2;
	}
	const { facts: expected, problems } = parseExpected(keyText);
	if (problems.length > 0) {
		for (const p of problems) console.error(`${options.expected}:${p.line}: ${p.message}`);
		console.error(`evaluate: ${problems.length} unusable lines in the answer key`);
		return 2;
	}

	const folder = await loadFolder(options.input);
	for (const p of folder.problems) console.error(`warning: ${p}`);
	if (folder.texts.size === 0) {
		console.error(`evaluate: no .txt files under ${options.input}`);
		return 2;
	}
	const unknownFiles = [...new Set(expected.map((e) => e.file))].filter((f) => !folder.texts.has(f));
	if (unknownFiles.length > 0) {
		console.error(`evaluate: ${options.expected} names files that are not under ${options.input} (keys are paths relative to --input):`);
		for (const f of unknownFiles) console.error(`  ${f}`);
		return 2;
	}

	let negatives: NegativeEntry[] = [];
	const negativesPath = options.negatives ?? join(dirname(options.expected), 'negatives.jsonl');
	if (options.negatives || existsSync(negativesPath)) {
		const parsed = parseNegatives(await readFile(negativesPath, 'utf8'));
		for (const p of parsed.problems) console.error(`warning: ${p}`);
		negatives = parsed.negatives;
	}

	const { predicted, errors, traces } = predictFolder(folder);
	const scored = expected.filter((e) => options.families.includes(e.family));
	const score = scoreFacts(scored, predicted, options.families);
	if (options.explain) {
		for (const s of score.families) {
			for (const m of s.misses) {
				const trace = traces.get(m.expected.file);
				if (trace) m.why = explainMiss(m.expected, trace);
			}
		}
	}
	const rules = ruleStats(predicted, scored, knownRuleNames(), options.families);
	const failures = thresholdFailures(score, { precision: options.minPrecision, recall: options.minRecall });

	process.stdout.write(
		formatReport(score, {
			title: `Evaluation of ${options.input} (${folder.texts.size} files) against ${options.expected} (${scored.length} expected facts)`,
			maxListed: options.maxListed,
			rules,
			negatives
		})
	);
	for (const e of errors) console.error(`error: ${e}`);
	for (const f of failures) console.error(`below threshold: ${f}`);

	if (options.json) {
		const result = { input: options.input, expected: options.expected, files: folder.texts.size, ...score, rules, thresholdFailures: failures, errors };
		await writeFile(options.json, JSON.stringify(result, null, '\t') + '\n');
	}
	return failures.length > 0 || errors.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	main(process.argv.slice(2)).then(
		(code) => (process.exitCode = code),
		(error) => {
			console.error(error);
			process.exitCode = 2;
		}
	);
}
