/**
 * Long fuzz run before a release: npm run fuzz -- [--n 10000] [--seed 1] [--from 0] [--run 40000].
 * Extracts mutated seed minutes and prints every document that throws, misplaces a quote,
 * writes a period or value outside the contract, or takes over a second at normal size.
 * A finding is made again with --from <n> --n 1 and the same --seed. Exit 1 if anything was found.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_MS, LONGEST_RUN, NORMAL_BYTES, fuzzOne, mutated, seedTexts } from './lib/fuzz';

function option(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	if (!Number.isInteger(value) || value < 0) {
		console.error(`fuzz: --${name} needs a whole number, not '${process.argv[i + 1]}'`);
		process.exit(2);
	}
	return value;
}

const n = option('n', 1000);
const seed = option('seed', 1);
const from = option('from', 0);
const longestRun = option('run', LONGEST_RUN);
const seeds = seedTexts();
const started = performance.now();
let found = 0;
let slowest = { n: -1, ms: 0, bytes: 0 };
for (let i = from; i < from + n; i++) {
	const outcome = fuzzOne(seeds, seed, i, longestRun);
	if (outcome.ms > slowest.ms) slowest = outcome;
	if (outcome.findings.length > 0) {
		found++;
		const file = join(tmpdir(), `fuzz-${seed}-${i}.txt`);
		writeFileSync(file, mutated(seeds, seed, i, longestRun));
		console.log(`document ${i} (${outcome.bytes} characters, ${Math.round(outcome.ms)} ms), written to ${file}:`);
		for (const f of outcome.findings.slice(0, 5)) console.log(`  ${f.kind}: ${f.detail.split('\n')[0]}`);
	}
	if ((i - from + 1) % 500 === 0) console.error(`fuzz: ${i - from + 1} of ${n} documents, ${found} with findings`);
}
const seconds = (performance.now() - started) / 1000;
console.log(
	`fuzz: ${n} documents (seed ${seed}) in ${seconds.toFixed(1)} s, ${found} with findings; slowest ${Math.round(slowest.ms)} ms (document ${slowest.n}, ${slowest.bytes} characters); bound ${DOCUMENT_MS} ms up to ${NORMAL_BYTES} characters`
);
process.exitCode = found > 0 ? 1 : 0;
