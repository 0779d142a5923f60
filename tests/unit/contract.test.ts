/** The code's metric lists are held to the contract's vocabulary (docs/facts.md), the one place they are checked. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET_METRICS, KLAGESAGER_METRICS, MAGTANVENDELSE_METRICS } from '../../src/lib/extract/types';

const contract = readFileSync('docs/facts.md', 'utf8');

/** The metric names (backticked snake_case) of one family's paragraph in "## Metric vocabulary". */
function vocabulary(family: string): string[] {
	const section = contract.split(/^## /m).find((s) => s.startsWith('Metric vocabulary'));
	if (!section) throw new Error('docs/facts.md has no "## Metric vocabulary" section');
	const paragraph = section.split(/\n\s*\n/).find((p) => p.startsWith(`${family} (`));
	if (!paragraph) throw new Error(`docs/facts.md names no ${family} paragraph`);
	return [...new Set([...paragraph.matchAll(/`([a-z][a-z_]*[a-z])`/g)].map((m) => m[1]))].sort();
}

describe('the data contract in docs/facts.md', () => {
	it.each([
		['klagesager', KLAGESAGER_METRICS],
		['budget', BUDGET_METRICS],
		['magtanvendelse', MAGTANVENDELSE_METRICS]
	] as const)('lists exactly the %s metrics the code knows', (family, metrics) => {
		expect([...metrics].sort()).toEqual(vocabulary(family));
	});

	it('has the metrics for dismissed cases, a deviation without a named budget and the final accounts', () => {
		expect(vocabulary('klagesager')).toContain('afvist_antal');
		expect(vocabulary('budget')).toEqual(expect.arrayContaining(['afvigelse', 'regnskab']));
	});

	it('keys a follow-up dated at a quarter end by its month', () => {
		expect(contract).toMatch(/"pr\. 30\. juni 2025" is `2025-06`/);
	});
});
