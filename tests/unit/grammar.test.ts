import { describe, expect, it } from 'vitest';
import { NUMBER_EXAMPLES, PERIOD_EXAMPLES } from '../../src/lib/extract/examples';
import { findQuantities, maskNonFigures, parseDanishNumber } from '../../src/lib/extract/numbers';
import { findPeriods, resolvePeriod } from '../../src/lib/extract/periods';

function figures(text: string): string[] {
	const periods = findPeriods(text).map((p) => ({ start: p.start, end: p.end, kind: 'periode' }));
	return findQuantities(text, 0, text.length, [...maskNonFigures(text), ...periods]).map(
		(q) => `${q.value} ${q.unit ?? '-'}${q.approx ? ' ~' : ''}${q.range ? ' range' : ''}${q.bound ? ' bound' : ''}`
	);
}

describe('Danish number grammar', () => {
	for (const [text, want] of NUMBER_EXAMPLES) it(text, () => expect(figures(text)).toEqual(want));

	it('parses thousands dots and decimal commas, and rejects what is not a Danish number', () => {
		expect(parseDanishNumber('1.341.696')).toBe(1341696);
		expect(parseDanishNumber('126.755,52')).toBe(126755.52);
		expect(parseDanishNumber('−17,0')).toBe(-17);
		expect(parseDanishNumber('04.12.2024')).toBeNull();
		expect(parseDanishNumber('1.5')).toBeNull();
	});
});

describe('period grammar', () => {
	for (const [text, want] of PERIOD_EXAMPLES)
		it(text, () => {
			const got = findPeriods(text).map((p) => {
				if (p.period) return p.period;
				if (p.kind === 'relative') return `rel${p.offset}`;
				if (p.quarter) return `?Q${p.quarter[0]}`;
				if (p.month) return `?${String(p.month).padStart(2, '0')}`;
				return '?';
			});
			expect(got).toEqual(want);
		});

	it('completes a period from the year the text is about, and leaves it out when unknown', () => {
		const [q] = findPeriods('ved 2. kvartals budgetopfølgning');
		expect(resolvePeriod(q, 2024, 2024)).toBe('2024-Q2');
		expect(resolvePeriod(q, null, 2024)).toBeNull();
		const [before] = findPeriods('året før');
		expect(resolvePeriod(before, 2024, 2025)).toBe('2023');
		const [last] = findPeriods('sidste år');
		expect(resolvePeriod(last, null, 2025)).toBe('2024');
		expect(resolvePeriod(last, null, null)).toBeNull();
	});
});
