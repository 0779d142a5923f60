/**
 * Fuzzing in every test run: mutated seed minutes (lines lost, doubled, moved; runs of '.', '§',
 * digits; long lines; CR, CRLF and U+2028 line ends), seeded, for about 15 seconds. The long
 * run before a release is `npm run fuzz -- --n 10000`.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_MS, NORMAL_BYTES, fuzzOne, seedTexts, type Outcome } from '../../scripts/lib/fuzz';

const SEED = 20261203;
const BUDGET_MS = 15_000;
const MAX_DOCUMENTS = 400;
/**
 * Runs of one character up to this length here (sentence ends and § runs are linear now). The
 * long-run mode inserts runs of 40,000; one such document still took 1.75 s (76,000 characters).
 */
const TEST_RUN = 10_000;

describe('fuzzed minutes', () => {
	it(`never throw, keep exact quotes, canonical periods and finite values, and take under ${DOCUMENT_MS} ms up to ${NORMAL_BYTES} characters`, () => {
		const seeds = seedTexts();
		const started = performance.now();
		const outcomes: Outcome[] = [];
		for (let n = 0; n < MAX_DOCUMENTS && performance.now() - started < BUDGET_MS; n++) outcomes.push(fuzzOne(seeds, SEED, n, TEST_RUN));
		const findings = outcomes.flatMap((o) => o.findings.map((f) => `document ${o.n} (${o.bytes} characters): ${f.kind}: ${f.detail.split('\n')[0]}`));
		const slowest = Math.max(...outcomes.map((o) => o.ms));
		console.info(`fuzz: ${outcomes.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s, slowest ${Math.round(slowest)} ms`);
		expect(outcomes.length).toBeGreaterThanOrEqual(40);
		expect(findings).toEqual([]);
	}, 60_000);
});
