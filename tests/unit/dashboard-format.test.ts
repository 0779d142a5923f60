import { describe, expect, test } from 'vitest';
import {
	describeAfvigelse,
	describeChange,
	formatAntal,
	formatDato,
	formatKr,
	formatNote,
	formatPct,
	formatPeriode,
	formatPeriodeKort,
	formatProcentpoint,
	toDanishCsv
} from '../../src/lib/format';

describe('Danish formats', () => {
	test('numbers, amounts, percentages and dates as a Danish reader expects them', () => {
		expect(formatAntal(1341696)).toBe('1.341.696');
		expect(formatKr(46_000_000)).toBe('46,0 mio. kr.');
		expect(formatKr(-10_600_000)).toBe('-10,6 mio. kr.');
		expect(formatKr(324870)).toBe('324.870 kr.');
		expect(formatPct(37)).toBe('37 %');
		expect(formatPct(37.5)).toBe('37,5 %');
		expect(formatProcentpoint(15)).toBe('+15 procentpoint');
		expect(formatProcentpoint(-4)).toBe('-4 procentpoint');
		expect(formatDato('2024-12-04')).toBe('04.12.2024');
		expect(formatPeriode('2024-Q3')).toBe('3. kvartal 2024');
		expect(formatPeriode('2024-Q1-Q3')).toBe('1.-3. kvartal 2024');
		expect(formatPeriode('2024-H1')).toBe('1. halvår 2024');
	});

	test('a follow-up dated by month reads as the last day of that month, never as a raw code', () => {
		expect(formatPeriode('2025-04')).toBe('pr. 30.04.2025');
		expect(formatPeriode('2024-02')).toBe('pr. 29.02.2024');
		expect(formatPeriode('2025-12')).toBe('pr. 31.12.2025');
		expect(formatPeriodeKort('2025-05')).toBe('31.05.2025');
		expect(formatPeriode('2026-2029')).toBe('2026-2029');
	});

	test('a deviation says merforbrug or mindreforbrug, never a bare sign', () => {
		expect(describeAfvigelse(-46_000_000)).toBe('merforbrug 46,0 mio. kr.');
		expect(describeAfvigelse(4_600_000)).toBe('mindreforbrug 4,6 mio. kr.');
		expect(describeAfvigelse(0)).toBe('ingen afvigelse');
		expect(describeChange(37, 22, 'pct')).toBe('+15 procentpoint');
		expect(describeChange(16, 23, 'antal')).toBe('-7');
	});

	test('CSV for Danish Excel: BOM, semicolons, decimal comma, quoted text', () => {
		const csv = toDanishCsv(['Nøgletal', 'Værdi'], [['Omgørelsesprocent; samlet', 12.7], ['Sager "afgjort"', 284], ['Tom', null]]);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1).split('\r\n')).toEqual([
			'Nøgletal;Værdi',
			'"Omgørelsesprocent; samlet";12,7',
			'"Sager ""afgjort""";284',
			'Tom;',
			''
		]);
	});
});

describe('check notes', () => {
	test('amounts in a note read as Danish millions; counts and table sums stay as written', () => {
		expect(
			formatNote('korrigeret budget 58.400.000 − forventet forbrug 51.700.000 = 6.700.000, men afvigelse -46.000.000.')
		).toBe('korrigeret budget 58,4 mio. kr. − forventet forbrug 51,7 mio. kr. = 6,7 mio. kr., men afvigelse -46,0 mio. kr.'
		);
		expect(formatNote('stadfæstet 56 + ændret 5 = 61, men klagesager i alt 1.200. Summen 569,6 mod 575.')).toBe(
			'stadfæstet 56 + ændret 5 = 61, men klagesager i alt 1.200. Summen 569,6 mod 575.'
		);
	});
});
