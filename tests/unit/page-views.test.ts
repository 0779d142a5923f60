import { describe, expect, test } from 'vitest';
import { firstMentions } from '../../src/lib/data/budget';
import type { FactRow } from '../../src/lib/data/facts';
import { budgetView } from '../../src/lib/data/views';

let next = 0;
function fact(over: Partial<FactRow>): FactRow {
	return {
		fact_id: `f${next++}`,
		doc_id: 'd1',
		item_no: 1,
		item_title: 'Budgetopfølgning',
		case_no: null,
		committee: 'Socialudvalget',
		meeting_date: '2024-05-01',
		family: 'budget',
		metric: 'korrigeret_budget',
		entity: 'Gladsaxe',
		area: 'Handicap',
		period: '2024-Q1',
		year: 2024,
		value: 100_000_000,
		unit: 'kr',
		quote: 'Handicap 100,0',
		check: 'unchecked',
		check_note: null,
		page: null,
		...over
	} as FactRow;
}

describe('a municipality budget file keeps each figure once', () => {
	test('a figure a later meeting repeats goes; the same figure from another committee stays', () => {
		const first = fact({});
		const again = fact({ doc_id: 'd2', meeting_date: '2024-06-01' });
		const other = fact({ doc_id: 'd3', committee: 'Økonomiudvalget' });
		expect(firstMentions([first, again, other])).toEqual([first, other]);
	});

	test('beside an "I alt" row its whole table stays, so the comparison can sum it', () => {
		const total = fact({ area: 'Socialudvalget i alt', quote: 'I alt 300,0', value: 300_000_000 });
		const row = fact({ area: 'Handicap' });
		const rowAgain = fact({ area: 'Handicap', item_no: 1 });
		const later = fact({ area: 'Handicap', doc_id: 'd2' });
		expect(firstMentions([total, row, rowAgain, later])).toEqual([total, row, rowAgain]);
	});
});

describe('what /budget/ prerenders', () => {
	const periods = ['2023-Q1', '2023-Q2', '2023-Q3', '2024-Q1', '2024-Q2', '2024-Q3'];
	const facts = periods.flatMap((period, i) =>
		['Handicap', 'Ældre'].flatMap((area) => [
			fact({ period, year: Number(period.slice(0, 4)), area, metric: 'korrigeret_budget', doc_id: `d${i}` }),
			fact({ period, year: Number(period.slice(0, 4)), area, metric: 'afvigelse_korrigeret_budget', value: -1_000_000 * (i + 1), doc_id: `d${i}` })
		])
	);

	test('every follow-up is offered, but only the facts the first view draws are held', () => {
		const view = budgetView('Gladsaxe', facts);
		expect(view.selection.periods).toEqual(periods);
		expect(view.selection.period).toBe('2024-Q3');
		const held = new Set(view.selection.facts.map((f) => f.period));
		for (const p of ['2024-Q1', '2024-Q2', '2024-Q3']) expect(held.has(p), p).toBe(true);
		for (const p of ['2023-Q1', '2023-Q2']) expect(held.has(p), p).toBe(false);
		expect(view.selection.facts.length).toBeLessThan(facts.length);
		expect(view.compared).toHaveLength(2);
	});
});
