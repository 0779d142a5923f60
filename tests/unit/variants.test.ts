import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFolder, predictFolder, type LoadedFolder } from '../../scripts/evaluate';
import {
	KEY_FAMILY_NAMES,
	parseExpected,
	parseNegatives,
	scoreFacts,
	validateCorpus,
	type CorpusReport,
	type ExpectedFact,
	type Score
} from '../../src/lib/evaluate/index';

const ROOT = 'tests/corpus/variants';
const MIN_SENTENCES = 40;
const MIN_TABLES = 5;

let folder: LoadedFolder;
let expected: ExpectedFact[];
let report: CorpusReport;
let score: Score;

beforeAll(async () => {
	folder = await loadFolder(ROOT);
	const key = parseExpected(readFileSync(`${ROOT}/expected.jsonl`, 'utf8'));
	expect(key.problems.map((p) => `expected.jsonl:${p.line}: ${p.message}`)).toEqual([]);
	expected = key.facts;
	const negatives = parseNegatives(readFileSync(`${ROOT}/negatives.jsonl`, 'utf8'));
	expect(negatives.problems).toEqual([]);
	report = validateCorpus({ texts: folder.texts, manifests: folder.manifests, expected, negatives: negatives.negatives, trapFolder: 'traps' });
	score = scoreFacts(expected, predictFolder(folder).predicted);
});

describe('the variants corpus', () => {
	it('reads every file and manifest', () => {
		expect(folder.problems).toEqual([]);
		expect([...folder.texts.keys()].every((k) => /^(klagesager|budget|magtanvendelse|traps)\/\d{3}-[a-z0-9-]+\.txt$/.test(k))).toBe(true);
	});

	it('is well-formed: files, evidence, manifests, non-facts, and arithmetic that matches the inconsistent marks', () => {
		expect(report.problems).toEqual([]);
	});

	it('has, per family, at least 40 sentences and 5 tables with expected facts, and an inconsistent case', () => {
		for (const family of KEY_FAMILY_NAMES) {
			const counts = report.perFamily[family];
			expect(counts.sentences, `${family} sentences`).toBeGreaterThanOrEqual(MIN_SENTENCES);
			expect(counts.tables, `${family} tables`).toBeGreaterThanOrEqual(MIN_TABLES);
			expect(counts.inconsistent, `${family} inconsistent facts`).toBeGreaterThan(0);
		}
	});

	it('gives every file in a family folder expected facts of that family, and has trap files', () => {
		for (const file of folder.texts.keys()) {
			const [dir] = file.split('/');
			if (dir === 'traps') continue;
			expect(expected.some((e) => e.file === file && e.family === dir), file).toBe(true);
		}
		expect([...folder.texts.keys()].filter((k) => k.startsWith('traps/')).length).toBeGreaterThanOrEqual(5);
	});
});

describe('the extractor on the variants corpus', () => {
	const thresholds = JSON.parse(readFileSync(`${ROOT}/thresholds.json`, 'utf8')) as Record<string, { precision: number; recall: number }>;

	it('has a threshold per key family', () => {
		expect(Object.keys(thresholds).sort()).toEqual([...KEY_FAMILY_NAMES].sort());
	});

	for (const family of KEY_FAMILY_NAMES) {
		it(`reaches the ${family} precision and recall in thresholds.json`, () => {
			const s = score.families.find((f) => f.family === family)!;
			expect(s.precision, `${family} precision`).toBeGreaterThanOrEqual(thresholds[family].precision);
			expect(s.recall, `${family} recall`).toBeGreaterThanOrEqual(thresholds[family].recall);
		});
	}
});
