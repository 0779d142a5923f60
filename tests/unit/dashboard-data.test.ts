import { describe, expect, test } from 'vitest';
import { gaps } from '../../src/lib/data/about';
import { compare } from '../../src/lib/data/compare';
import { searchTerms, containsPattern } from '../../src/lib/data/explorer';
import { comparePeriods, type FactRow } from '../../src/lib/data/facts';
import { cutAtQuote } from '../../src/lib/data/source';
import { factId, hrefWith, int, many, one, text } from '../../src/lib/data/urlstate';

function fact(partial: Partial<FactRow>): FactRow {
	return {
		fact_id: Math.random().toString(36).slice(2),
		doc_id: 'd',
		item_no: 2,
		item_title: 't',
		case_no: null,
		committee: null,
		meeting_date: null,
		family: 'budget',
		metric: 'vedtaget_budget',
		entity: 'Gladsaxe',
		area: 'A',
		period: '2024-Q3',
		year: 2024,
		value: 0,
		unit: 'kr',
		quote: '',
		check: 'ok',
		check_note: null,
		...partial
	};
}

describe('URL state', () => {
	const params = new URLSearchParams("omraade=socialområdet&omraade=x' OR 1=1 --&side=-1&q=%00abc&kilde=' OR 1=1");
	test('only values the data offers are taken; the rest falls back', () => {
		expect(one(params, 'omraade', ['socialområdet'], 'P')).toBe('socialområdet');
		expect(many(params, 'omraade', ['socialområdet', 'P'], ['P'])).toEqual(['socialområdet']);
		expect(many(new URLSearchParams('omraade=nope'), 'omraade', ['P'], ['P'])).toEqual(['P']);
		expect(int(params, 'side', 1, 100, 1)).toBe(1);
		expect(text(params, 'q')).toBe('abc');
		expect(factId(params)).toBeNull();
		expect(factId(new URLSearchParams('kilde=3fc2ea539b5ab736'))).toBe('3fc2ea539b5ab736');
	});
	test('hrefWith changes some parameters and keeps the others', () => {
		const href = hrefWith(new URLSearchParams('a=1&b=2'), { b: null, c: ['x', 'y'] });
		expect(href).toBe('?a=1&c=x&c=y');
	});
});

describe('the comparison table', () => {
	test('pivots periods side by side with Δ, Δ % and procentpoint, and checks "I alt" against its rows', () => {
		const facts = [
			fact({ metric: 'omgoerelsespct', unit: 'pct', family: 'klagesager', area: 'P', period: '2024', value: 22 }),
			fact({ metric: 'omgoerelsespct', unit: 'pct', family: 'klagesager', area: 'P', period: '2025', value: 37 }),
			fact({ metric: 'klagesager_antal', unit: 'antal', family: 'klagesager', area: 'K', period: '2024', value: 284 }),
			fact({ metric: 'klagesager_antal', unit: 'antal', family: 'klagesager', area: 'K', period: '2025', value: 320 })
		];
		const table = compare(facts, ['2025', '2024']);
		expect(table.periods).toEqual(['2024', '2025']);
		const antal = table.rows.find((r) => r.metric === 'klagesager_antal')!;
		expect(antal.values).toEqual([284, 320]);
		expect(antal.delta).toBe(36);
		expect(antal.deltaPct).toBeCloseTo(12.676, 2);
		expect(antal.procentpoint).toBeNull();
		const pct = table.rows.find((r) => r.metric === 'omgoerelsespct')!;
		expect(pct.procentpoint).toBe(15);
		expect(pct.deltaPct).toBeNull();

		const budget = [
			fact({ area: 'Rækker 1', value: 295_900_000 }),
			fact({ area: 'Rækker 2', value: 86_800_000 }),
			fact({ area: 'Rækker 3', value: -18_400_000 }),
			fact({ area: 'Rækker 4', value: -39_800_000 }),
			fact({ area: 'Udvalget', value: 324_500_000, quote: 'I alt 324,5 375,1 370,5 -46,0 4,6' })
		];
		const total = compare(budget, ['2024-Q3']).rows.find((r) => r.area === 'Udvalget')!;
		expect(total.total).toEqual({ sum: 324_500_000, ok: true });
		const wrong = compare([...budget.slice(1)], ['2024-Q3']).rows.find((r) => r.area === 'Udvalget')!;
		expect(wrong.total?.ok).toBe(false);
	});
});

describe('search, source and coverage', () => {
	test('quoted phrases stay whole and pattern characters are literal', () => {
		expect(searchTerms('"på 39 procent" landsgennemsnittet')).toEqual(['på 39 procent', 'landsgennemsnittet']);
		expect(containsPattern('50%_x\\')).toBe('%50\\%\\_x\\\\%');
	});
	test('the quote is cut out of the item text by offsets, as text', () => {
		const text = 'Punkt 7: x\nDette giver en omgørelsesprocent på 37 pct. Slut';
		const start = 100 + text.indexOf('Dette');
		const end = start + 'Dette giver en omgørelsesprocent på 37 pct.'.length;
		expect(cutAtQuote(text, 100, start, end)).toEqual({
			before: 'Punkt 7: x\n',
			quote: 'Dette giver en omgørelsesprocent på 37 pct.',
			after: ' Slut'
		});
		expect(cutAtQuote(text, 100, 50, 60).quote).toBe('');
	});
	test('periods sort in time order and gaps name the missing figures', () => {
		expect(['2025', '2024-Q3', '2024', '2024-Q1'].sort(comparePeriods)).toEqual(['2024-Q1', '2024-Q3', '2024', '2025']);
		const g = gaps([
			{ family: 'klagesager', entity: 'Gladsaxe', area: 'P', period: '2025', metric: 'omgoerelsespct' },
			{ family: 'klagesager', entity: 'Gladsaxe', area: 'P', period: '2025', metric: 'klagesager_antal' }
		]);
		expect(g).toHaveLength(1);
		expect(g[0].missing.map((m) => m.metric)).toEqual(['stadfaestet_antal', 'aendret_antal', 'hjemvist_antal', 'omgoerelsespct']);
		expect(g[0].missing.at(-1)?.national).toBe(true);
	});
});
