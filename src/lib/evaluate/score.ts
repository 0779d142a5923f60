/**
 * Scoring predicted facts against expected ones, per key family.
 *
 * Strict: file, metric, entity, area, period and unit equal, value within 1e-6 relative.
 * Lenient: the same but ignoring area. Facts are compared as sets per file: a figure the
 * extractor reads twice (once per place it is stated) counts once.
 */
import type { ExpectedFact, KeyFamily } from './expected';
import { KEY_FAMILY_NAMES } from './expected';

export interface PredictedFact {
	/** Path of the text file relative to the scored folder, with forward slashes. */
	file: string;
	family: string;
	metric: string;
	entity: string;
	area: string;
	period: string;
	value: number;
	unit: string;
	quote: string;
	rule: string;
	check: string;
	check_note: string | null;
	item_no: number;
	/** Where the quote stands in the file (for --explain). */
	char_start?: number;
	char_end?: number;
}

export interface Miss {
	expected: ExpectedFact;
	/** A predicted fact that matches on everything but area, when there is one. */
	areaPartner: PredictedFact | null;
	/** The closest unmatched prediction in the same file and metric, and which fields differ. */
	near: { predicted: PredictedFact; differs: string[] } | null;
	/** With --explain: the stage that dropped it (see explain.ts). */
	why?: { stage: string; detail: string };
}

export interface FalsePositive {
	predicted: PredictedFact;
	/** Identical predictions collapsed into this one. */
	copies: number;
	areaPartner: ExpectedFact | null;
}

export interface CheckScore {
	/** Matched facts the answer key marks inconsistent. */
	expectedFlags: number;
	/** ... of which the extractor also marked inconsistent. */
	caught: number;
	/** Matched facts the extractor marked inconsistent though the answer key does not. */
	falseAlarms: { expected: ExpectedFact; predicted: PredictedFact }[];
	/** Facts marked inconsistent in the answer key that the extractor did not find at all. */
	unmatchedFlags: number;
}

export interface FamilyScore {
	family: KeyFamily;
	expected: number;
	/** Distinct predicted facts (copies of one fact collapsed). */
	predicted: number;
	/** Predicted facts before collapsing copies. */
	predictedRaw: number;
	truePositives: number;
	precision: number;
	recall: number;
	lenient: { truePositives: number; precision: number; recall: number };
	/** Of the facts found when area is ignored, the share whose area is right; null when none were found. */
	areaAccuracy: number | null;
	misses: Miss[];
	falsePositives: FalsePositive[];
	checks: CheckScore;
}

export interface Score {
	families: FamilyScore[];
	/** False positives per top-level folder of the file keys ('.' for files at the root). */
	falsePositivesByFolder: Record<string, number>;
}

export function sameValue(a: number, b: number): boolean {
	if (a === b) return true;
	return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

type Comparable = { file: string; metric: string; entity: string; area: string; period: string; unit: string; value: number };

function sameKey(a: Comparable, b: Comparable, withArea: boolean): boolean {
	return (
		a.file === b.file &&
		a.metric === b.metric &&
		a.entity === b.entity &&
		(!withArea || a.area === b.area) &&
		a.period === b.period &&
		a.unit === b.unit &&
		sameValue(a.value, b.value)
	);
}

/** Collapses predictions that are the same fact (read in several places) into one, counting copies. */
function distinct(predicted: PredictedFact[]): { fact: PredictedFact; copies: number; all: PredictedFact[] }[] {
	const out: { fact: PredictedFact; copies: number; all: PredictedFact[] }[] = [];
	for (const fact of predicted) {
		const twin = out.find((d) => d.fact.family === fact.family && sameKey(d.fact, fact, true));
		if (twin) {
			twin.copies++;
			twin.all.push(fact);
		} else out.push({ fact, copies: 1, all: [fact] });
	}
	return out;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Of the copies of one fact, the one read from the expected evidence (its check mark is the one scored), else the first. */
function copyAt(copies: PredictedFact[], evidence: string | undefined): PredictedFact {
	if (evidence === undefined) return copies[0];
	const e = squash(evidence);
	return copies.find((p) => squash(p.quote) === e) ?? copies.find((p) => squash(p.quote).includes(e) || e.includes(squash(p.quote))) ?? copies[0];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

function nearest(expected: ExpectedFact, candidates: PredictedFact[]): Miss['near'] {
	let best: Miss['near'] = null;
	for (const p of candidates) {
		if (p.file !== expected.file || p.metric !== expected.metric) continue;
		const differs: string[] = [];
		if (p.entity !== expected.entity) differs.push('entity');
		if (p.area !== expected.area) differs.push('area');
		if (p.period !== expected.period) differs.push('period');
		if (p.unit !== expected.unit) differs.push('unit');
		if (!sameValue(p.value, expected.value)) differs.push('value');
		if (differs.length > 2) continue;
		if (best === null || differs.length < best.differs.length) best = { predicted: p, differs };
	}
	return best;
}

function scoreFamily(family: KeyFamily, expectedAll: ExpectedFact[], predictedAll: PredictedFact[]): FamilyScore {
	// The same figure stated twice in a file is one expected fact, as it is one predicted fact.
	const seen = new Set<string>();
	const expected = expectedAll.filter((e) => {
		if (e.family !== family) return false;
		const k = [e.file, e.metric, e.entity, e.area, e.period, e.unit, e.value].join('\u0000');
		if (seen.has(k)) return false;
		seen.add(k);
		return true;
	});
	const raw = predictedAll.filter((p) => p.family === family);
	const predicted = distinct(raw);

	const strictOf = new Map<number, number>();
	const lenientOf = new Map<number, number>();
	const taken = new Set<number>();

	for (const withArea of [true, false]) {
		expected.forEach((e, ei) => {
			if (strictOf.has(ei) || lenientOf.has(ei)) return;
			const pi = predicted.findIndex((p, i) => !taken.has(i) && sameKey(e, p.fact, withArea));
			if (pi < 0) return;
			taken.add(pi);
			(withArea ? strictOf : lenientOf).set(ei, pi);
		});
	}

	const strictTaken = new Set(strictOf.values());
	const partnerOfPredicted = new Map<number, ExpectedFact>();
	for (const [ei, pi] of lenientOf) partnerOfPredicted.set(pi, expected[ei]);

	const unmatched = predicted.filter((_, i) => !taken.has(i)).map((d) => d.fact);
	const misses: Miss[] = expected
		.map((e, ei) => ({ e, ei }))
		.filter(({ ei }) => !strictOf.has(ei))
		.map(({ e, ei }) => {
			const pi = lenientOf.get(ei);
			return {
				expected: e,
				areaPartner: pi === undefined ? null : predicted[pi].fact,
				near: pi === undefined ? nearest(e, unmatched) : null
			};
		});
	const falsePositives: FalsePositive[] = predicted
		.map((d, pi) => ({ d, pi }))
		.filter(({ pi }) => !strictTaken.has(pi))
		.map(({ d, pi }) => ({ predicted: d.fact, copies: d.copies, areaPartner: partnerOfPredicted.get(pi) ?? null }));

	const checks: CheckScore = { expectedFlags: 0, caught: 0, falseAlarms: [], unmatchedFlags: 0 };
	expected.forEach((e, ei) => {
		const pi = strictOf.get(ei);
		if (pi === undefined) {
			if (e.check === 'inconsistent') checks.unmatchedFlags++;
			return;
		}
		const p = copyAt(predicted[pi].all, e.evidence);
		if (e.check === 'inconsistent') {
			checks.expectedFlags++;
			if (p.check === 'inconsistent') checks.caught++;
		} else if (p.check === 'inconsistent') {
			checks.falseAlarms.push({ expected: e, predicted: p });
		}
	});

	const tp = strictOf.size;
	const lenientTp = tp + lenientOf.size;
	return {
		family,
		expected: expected.length,
		predicted: predicted.length,
		predictedRaw: raw.length,
		truePositives: tp,
		precision: ratio(tp, predicted.length),
		recall: ratio(tp, expected.length),
		lenient: { truePositives: lenientTp, precision: ratio(lenientTp, predicted.length), recall: ratio(lenientTp, expected.length) },
		areaAccuracy: lenientTp === 0 ? null : tp / lenientTp,
		misses,
		falsePositives,
		checks
	};
}

export function folderOf(file: string): string {
	const slash = file.indexOf('/');
	return slash < 0 ? '.' : file.slice(0, slash);
}

/** Scores the key families (or the ones named) of `predicted` against `expected`. */
export function scoreFacts(expected: ExpectedFact[], predicted: PredictedFact[], families: readonly KeyFamily[] = KEY_FAMILY_NAMES): Score {
	const scores = families.map((family) => scoreFamily(family, expected, predicted));
	const falsePositivesByFolder: Record<string, number> = {};
	for (const s of scores) {
		for (const fp of s.falsePositives) {
			const folder = folderOf(fp.predicted.file);
			falsePositivesByFolder[folder] = (falsePositivesByFolder[folder] ?? 0) + 1;
		}
	}
	return { families: scores, falsePositivesByFolder };
}
