import { describe, expect, test } from 'vitest';
import { shownFacts } from '../../src/lib/data/klagesager';
import type { FactRow } from '../../src/lib/data/facts';

function fact(over: Partial<FactRow>): FactRow {
	return {
		fact_id: 'f',
		doc_id: 'd1',
		item_no: 1,
		item_title: 'Klagesager',
		case_no: null,
		committee: 'Socialudvalget',
		meeting_date: '2024-12-04',
		family: 'klagesager',
		metric: 'omgoerelsespct',
		entity: 'Landsgennemsnit',
		area: 'børneområdet',
		period: '2023',
		year: 2023,
		value: 30,
		unit: 'pct',
		quote: 'Landsgennemsnittet var 30 pct.',
		check: 'unchecked',
		check_note: null,
		...over
	};
}

describe('the klagesager facts a page keeps', () => {
	test('a figure repeated in later meetings is kept once, the first mention, in order', () => {
		const facts = [
			fact({ fact_id: 'a', period: '2022', year: 2022, value: 28 }),
			fact({ fact_id: 'b', doc_id: 'd2' }),
			fact({ fact_id: 'c', doc_id: 'd3', value: 31 }),
			fact({ fact_id: 'd', entity: 'Gladsaxe', value: 25 })
		];
		expect(shownFacts(facts).map((f) => f.fact_id)).toEqual(['a', 'b', 'd']);
	});

	test('beside an "I alt" figure the rest of its table stays, for the comparison sum', () => {
		const table = { doc_id: 'd9', item_no: 4, entity: 'Gladsaxe', metric: 'klagesager_antal', unit: 'antal' };
		const facts = [
			fact({ ...table, fact_id: 't', area: 'i alt', quote: 'I alt 40', value: 40 }),
			fact({ ...table, fact_id: 'p1', area: 'børneområdet', quote: 'Børn 15', value: 15 }),
			fact({ ...table, fact_id: 'p1-later', doc_id: 'd10', area: 'børneområdet', quote: 'Børn 15', value: 15 }),
			fact({ ...table, fact_id: 'p2', doc_id: 'd8', area: 'voksenområdet', quote: 'Voksne 25', value: 25 }),
			fact({ ...table, fact_id: 'p2-same-table', area: 'voksenområdet', quote: 'Voksne 25', value: 25 })
		];
		expect(shownFacts(facts).map((f) => f.fact_id)).toEqual(['t', 'p1', 'p2', 'p2-same-table']);
	});
});
