import { describe, expect, test } from 'vitest';
import { comparePeriods } from '../../src/lib/data/facts';
import { defaultPair, isOlder, kindsOf, mainKind, ofKind, periodEnd, periodKind } from '../../src/lib/data/periods';

describe('period kinds', () => {
	test('every canonical period has its kind', () => {
		expect(['2023', '2024-H1', '2024-Q3', '2024-Q1-Q3', '2025-04', '2026-2029', 'x'].map(periodKind)).toEqual([
			'aar',
			'halvaar',
			'kvartal',
			'kvartaler',
			'maaned',
			'spaend',
			'andet'
		]);
	});

	test('periods sort by where they end: a month follow-up between the quarters around it', () => {
		expect(['2024', '2024-Q3', '2024-05', '2024-Q1', '2024-H1', '2023'].sort(comparePeriods)).toEqual([
			'2023',
			'2024-Q1',
			'2024-05',
			'2024-H1',
			'2024-Q3',
			'2024'
		]);
	});

	test('a chart of four quarters and one year draws the quarters; kinds listed latest first', () => {
		const periods = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2023'];
		expect(mainKind(periods)).toBe('kvartal');
		expect(kindsOf(periods)).toEqual(['aar', 'kvartal']);
		expect(ofKind(periods, 'aar')).toEqual(['2023']);
		expect(mainKind([])).toBeNull();
	});

	test('the default comparison is the latest two periods of one kind that most figures share', () => {
		const rows = [
			...['a', 'b', 'c'].flatMap((key) => [
				{ key, period: '2023' },
				{ key, period: '2024' }
			]),
			{ key: 'a', period: '2024-Q1' },
			{ key: 'b', period: '2024-Q2' },
			{ key: 'a', period: '2024-Q2' }
		];
		expect(defaultPair(rows)).toEqual(['2023', '2024']);
		expect(defaultPair([{ key: 'a', period: '2024-Q3' }, { key: 'a', period: '2025' }])).toEqual(['2025']);
		expect(defaultPair([])).toEqual([]);
	});
});

describe('how recent a figure is', () => {
	test('every period kind ends on its last day; a card is older when it ended a year or more before the newest', () => {
		expect(periodEnd('2024')).toBe('2024-12-31');
		expect(periodEnd('2024-Q1-Q3')).toBe('2024-09-30');
		expect(periodEnd('2024-H1')).toBe('2024-06-30');
		expect(periodEnd('2024-02')).toBe('2024-02-29');
		expect(periodEnd('2026-2029')).toBe('2029-12-31');
		expect(isOlder('2023', '2024')).toBe(true);
		expect(isOlder('2024', '2025-05')).toBe(false);
		expect(isOlder('2024-Q1-Q3', '2025')).toBe(true);
		expect(isOlder('2025', '2025')).toBe(false);
	});
});
