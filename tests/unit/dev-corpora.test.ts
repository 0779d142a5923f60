/**
 * The development corpora written by people who did not write the rules (tests/corpus/dev-a and
 * dev-b from outside the team, dev-c, dev-d and dev-e by helpers that never read the extractor): their answer keys are well-formed, and the extractor reaches each family's precision and recall in the
 * folder's thresholds.json (set at most one point below what was measured, raised as it improves).
 */
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
	type Score
} from '../../src/lib/evaluate/index';

interface Thresholds {
	families: Record<string, { precision: number; recall: number }>;
	/** Facts the key does not mark inconsistent that the extractor may flag (the goal is 0). */
	maxFalseAlarms: number;
	/** Facts the key marks inconsistent, found by the extractor, that it may leave unflagged (the goal is 0). */
	maxUncaughtFlags: number;
}

const SIZES: Record<string, { files: number; factsPerFamily: number }> = {
	'dev-a': { files: 10, factsPerFamily: 100 },
	'dev-b': { files: 10, factsPerFamily: 100 },
	'dev-c': { files: 6, factsPerFamily: 60 },
	'dev-d': { files: 7, factsPerFamily: 80 },
	'dev-e': { files: 6, factsPerFamily: 70 },
	'dev-f': { files: 4, factsPerFamily: 30 },
	'dev-g': { files: 4, factsPerFamily: 60 },
	'dev-h': { files: 4, factsPerFamily: 70 },
	'dev-i': { files: 4, factsPerFamily: 50 }
};

for (const [name, size] of Object.entries(SIZES)) {
	const root = `tests/corpus/${name}`;
	describe(`the ${name} corpus`, () => {
		let folder: LoadedFolder;
		let report: CorpusReport;
		let score: Score;
		const thresholds = JSON.parse(readFileSync(`${root}/thresholds.json`, 'utf8')) as Thresholds;

		beforeAll(async () => {
			folder = await loadFolder(root);
			const key = parseExpected(readFileSync(`${root}/expected.jsonl`, 'utf8'));
			expect(key.problems).toEqual([]);
			const negatives = parseNegatives(readFileSync(`${root}/negatives.jsonl`, 'utf8'));
			expect(negatives.problems).toEqual([]);
			report = validateCorpus({ texts: folder.texts, manifests: folder.manifests, expected: key.facts, negatives: negatives.negatives });
			const { predicted, errors } = predictFolder(folder);
			expect(errors).toEqual([]);
			score = scoreFacts(key.facts, predicted);
		});

		it(`has ${size.files} files, and an answer key whose evidence, manifests, non-facts and inconsistent marks fit the texts`, () => {
			expect(folder.problems).toEqual([]);
			expect(folder.texts.size).toBe(size.files);
			expect(report.problems).toEqual([]);
			for (const family of KEY_FAMILY_NAMES) expect(report.perFamily[family].facts, family).toBeGreaterThan(size.factsPerFamily);
		});

		for (const family of KEY_FAMILY_NAMES) {
			it(`reaches the ${family} precision and recall in thresholds.json`, () => {
				const s = score.families.find((f) => f.family === family)!;
				expect(s.precision, `${family} precision`).toBeGreaterThanOrEqual(thresholds.families[family].precision);
				expect(s.recall, `${family} recall`).toBeGreaterThanOrEqual(thresholds.families[family].recall);
			});
		}

		it('marks no more sound figures inconsistent, and leaves no more marked contradictions unflagged, than thresholds.json allows', () => {
			const falseAlarms = score.families.flatMap((s) => s.checks.falseAlarms.map((a) => `${a.expected.file}: ${a.expected.metric} ${a.expected.value}: ${a.predicted.check_note}`));
			expect(falseAlarms.length, falseAlarms.join('\n')).toBeLessThanOrEqual(thresholds.maxFalseAlarms);
			const uncaught = score.families.reduce((n, s) => n + s.checks.expectedFlags - s.checks.caught, 0);
			expect(uncaught).toBeLessThanOrEqual(thresholds.maxUncaughtFlags);
		});
	});
}
