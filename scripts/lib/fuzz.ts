/**
 * Mutated minutes for fuzzing the extractor: seeded, so a failing document is made again from
 * its number. Mutations are what PDF export and hostile input do to real minutes: lines lost,
 * doubled and moved, long runs of '.', '§' and digits, very long lines, other line ends.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isCanonicalPeriod } from '../../src/lib/evaluate/expected';
import { extractDocument } from '../../src/lib/extract/index';
import type { Extraction } from '../../src/lib/extract/types';

/** A document up to this size is of normal size: the per-document time bound applies to it. */
export const NORMAL_BYTES = 256 * 1024;
/** The time one normal-size document may take in the extractor. */
export const DOCUMENT_MS = 1000;
/** The longest run of one character a mutation inserts (the long-run mode; `npm test` uses less). */
export const LONGEST_RUN = 40_000;

/** mulberry32: a small seeded generator, the same numbers on every machine. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function seedTexts(dir = 'seeds'): string[] {
	return readdirSync(dir)
		.filter((n) => n.endsWith('.txt'))
		.sort()
		.map((n) => readFileSync(join(dir, n), 'utf8'));
}

const RUN_CHARS = ['.', '§', '!', '?', '-', ' ', '0', '9', '1.000.', '12,5 ', '. ', '§ 12, '];
const TOKENS = ['kr.', 'mio.', 'pct.', '%', '−', '–', '1.000', '46,0', '2024', '3. kvartal', 'Punkt 3:', 'I alt', 'stadfæstet', 'hjemvist', '\u00ad', '\u2028', '\r', '\t', '<script>', '=SUM(A1)'];

type Mutation = (lines: string[], pick: (n: number) => number, others: string[][], longestRun: number) => void;

const MUTATIONS: Mutation[] = [
	(lines, pick) => void lines.splice(pick(lines.length), 1 + pick(3)),
	(lines, pick) => {
		const i = pick(lines.length);
		lines.splice(i, 0, ...lines.slice(i, i + 1 + pick(5)));
	},
	(lines, pick, others) => {
		const from = others[pick(others.length)];
		lines.splice(pick(lines.length + 1), 0, from[pick(from.length)] ?? '');
	},
	(lines, pick, _, longestRun) => {
		const i = pick(lines.length);
		const chars = RUN_CHARS[pick(RUN_CHARS.length)];
		const run = chars.repeat(1 + pick(Math.floor((pick(2) ? 200 : longestRun) / chars.length)));
		const line = lines[i] ?? '';
		const at = pick(line.length + 1);
		lines[i] = line.slice(0, at) + run + line.slice(at);
	},
	(lines, pick) => {
		const i = pick(lines.length);
		lines.splice(i, 2 + pick(60), lines.slice(i, i + 2 + pick(60)).join(' '));
	},
	(lines, pick) => {
		const i = pick(lines.length);
		const line = lines[i] ?? '';
		const at = pick(line.length + 1);
		lines[i] = line.slice(0, at) + TOKENS[pick(TOKENS.length)] + line.slice(at);
	},
	(lines, pick) => {
		const i = pick(lines.length);
		lines.splice(i, 0, `${pick(40)}. ${'Budgetopfølgning '.repeat(1 + pick(3))}${2000 + pick(40)}`);
	}
];

const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\r', '\u2028'];

/** Document number `n` of the run with seed `seed`. */
export function mutated(seeds: readonly string[], seed: number, n: number, longestRun = LONGEST_RUN): string {
	const pick0 = random(seed * 1_000_003 + n);
	const pick = (k: number) => (k <= 0 ? 0 : Math.floor(pick0() * k));
	const split = seeds.map((s) => s.split(/\r\n|\r|\n|\u2028/));
	const lines = [...split[pick(split.length)]];
	const edits = 1 + pick(12);
	for (let e = 0; e < edits; e++) MUTATIONS[pick(MUTATIONS.length)](lines, pick, split, longestRun);
	return lines.join(LINE_ENDS[pick(LINE_ENDS.length)]);
}

export interface Finding {
	kind: 'throw' | 'quote' | 'item' | 'period' | 'value' | 'slow';
	detail: string;
}

/** What is wrong with one extraction of `text`: the contract's promises a fuzzed document must keep. */
export function problems(text: string, extraction: Extraction): Finding[] {
	const found: Finding[] = [];
	for (const f of extraction.facts) {
		if (text.slice(f.char_start, f.char_end) !== f.quote) found.push({ kind: 'quote', detail: `${f.fact_id}: quote is not text.slice(${f.char_start}, ${f.char_end})` });
		if (!isCanonicalPeriod(f.period)) found.push({ kind: 'period', detail: `${f.fact_id}: period '${f.period}' is not canonical` });
		const years = f.period.match(/\d{4}/g) ?? [];
		if (!Number.isInteger(f.year) || f.year < 1900 || f.year > 2099 || String(f.year) !== years[years.length - 1])
			found.push({ kind: 'period', detail: `${f.fact_id}: year ${f.year} for period '${f.period}'` });
		if (!Number.isFinite(f.value) || Object.is(f.value, -0)) found.push({ kind: 'value', detail: `${f.fact_id}: value ${Object.is(f.value, -0) ? '-0' : f.value}` });
	}
	for (const it of extraction.items) {
		if (text.slice(it.char_start, it.char_end) !== it.text) found.push({ kind: 'item', detail: `item ${it.item_no}: text is not text.slice(${it.char_start}, ${it.char_end})` });
	}
	return found;
}

export interface Outcome {
	n: number;
	bytes: number;
	ms: number;
	findings: Finding[];
}

/** Extracts document `n`; a normal-size document slower than the bound is timed once more (a pause of the machine is not the extractor's). */
export function fuzzOne(seeds: readonly string[], seed: number, n: number, longestRun = LONGEST_RUN): Outcome {
	const text = mutated(seeds, seed, n, longestRun);
	const meta = { doc_id: `fuzz-${n}`, file_name: `fuzz-${n}.txt`, municipality: 'Gladsaxe', meeting_date: '2025-01-01' };
	const time = () => {
		const started = performance.now();
		const extraction = extractDocument(text, meta);
		return { extraction, ms: performance.now() - started };
	};
	let run;
	try {
		run = time();
		if (run.ms > DOCUMENT_MS && text.length <= NORMAL_BYTES) {
			const again = time();
			if (again.ms < run.ms) run = again;
		}
	} catch (error) {
		return { n, bytes: text.length, ms: 0, findings: [{ kind: 'throw', detail: (error as Error).stack ?? String(error) }] };
	}
	const findings = problems(text, run.extraction);
	if (run.ms > DOCUMENT_MS && text.length <= NORMAL_BYTES) findings.push({ kind: 'slow', detail: `${Math.round(run.ms)} ms for ${text.length} characters` });
	return { n, bytes: text.length, ms: run.ms, findings };
}
