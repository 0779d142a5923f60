import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { layoutOf } from '../../src/lib/extract/layout';
import { segmentItems } from '../../src/lib/extract/segment';

const meta = { doc_id: 'x', file_name: 'x.txt', municipality: 'Vejle', meeting_date: '2025-09-10' };
const budgetFacts = (text: string) =>
	extractDocument(text, meta)
		.facts.filter((f) => f.family === 'budget')
		.map((f) => `${f.area} | ${f.metric} | ${f.period} | ${f.value}`);

describe('flattened-table reader', () => {
	it('rebuilds headers spread over lines and row labels that wrap (seed 001, Tabel 2)', () => {
		const text = readFileSync('seeds/001_693366c4a187ea27.txt', 'utf8');
		const item = segmentItems(text)[1];
		const tables = layoutOf(text, item.bodyStart, item.end).tables;
		expect(tables.map((t) => t.caption)).toEqual([
			'Tabel 1: Psykiatri- og Handicapudvalgets serviceramme, mio. kr.',
			'Tabel 2: Psykiatri- og Handicapudvalgets driftsramme, mio. kr.',
			'Tabel 3: 3. kvartal 2024, nettoanlægsudgifter, mio. kr.'
		]);
	});

	it('reads other headers, whole kroner, "+ = merforbrug" and a follow-up dated by day', () => {
		const text = `Punkt 3: Budgetopfølgning pr. 31. maj 2025, Socialudvalget

25-1-00.01.00-S00

Sagsfremstilling

Tabel 1. Drift, Socialudvalget (kr.)

Område Oprindeligt
budget
Budget inkl.
tillæg
Forbrug pr.
31.05
Forventet
regnskab
Afvigelse
(+ = merforbrug)

Handicap og
psykiatri 120.500.000 124.000.000 51.200.000 127.300.000 3.300.000
Udsatte voksne 40.000.000 41.000.000 16.900.000 39.800.000 -1.200.000
I alt 160.500.000 165.000.000 68.100.000 167.100.000 2.100.000
`;
		expect(budgetFacts(text)).toEqual([
			'Handicap og psykiatri | vedtaget_budget | 2025-05 | 120500000',
			'Handicap og psykiatri | korrigeret_budget | 2025-05 | 124000000',
			'Handicap og psykiatri | forventet_forbrug | 2025-05 | 127300000',
			'Handicap og psykiatri | afvigelse_korrigeret_budget | 2025-05 | -3300000',
			'Udsatte voksne | vedtaget_budget | 2025-05 | 40000000',
			'Udsatte voksne | korrigeret_budget | 2025-05 | 41000000',
			'Udsatte voksne | forventet_forbrug | 2025-05 | 39800000',
			'Udsatte voksne | afvigelse_korrigeret_budget | 2025-05 | 1200000',
			'Socialudvalget | vedtaget_budget | 2025-05 | 160500000',
			'Socialudvalget | korrigeret_budget | 2025-05 | 165000000',
			'Socialudvalget | forventet_forbrug | 2025-05 | 167100000',
			'Socialudvalget | afvigelse_korrigeret_budget | 2025-05 | -2100000'
		]);
	});

	it('flags an "I alt" row that does not match its rows', () => {
		const text = `Punkt 2: Budgetopfølgning 2. kvartal 2025

25-1-00.01.00-S00

Tabel 1: Ældreudvalget, 1.000 kr.

Område Vedtaget budget Korrigeret budget Forventet forbrug
Hjemmepleje 100.000 101.000 103.000
Plejeboliger 200.000 202.000 199.000
I alt 300.000 303.000 312.000
`;
		const facts = extractDocument(text, meta).facts.filter((f) => f.metric === 'forventet_forbrug');
		const total = facts.find((f) => f.area === 'Ældreudvalget')!;
		expect(total.value).toBe(312000000);
		expect(total.check).toBe('inconsistent');
		expect(total.check_note).toContain('302.000');
	});
});

describe('percent columns in a budget table', () => {
	it('are never read as amounts', () => {
		const text = `Punkt 2: Budgetopfølgning 2. kvartal 2025

25-1-00.01.00-S00

Tabel 1: Ældreudvalget, mio. kr.

Område Korrigeret budget Forventet forbrug Afvigelse Afvigelse i pct.
Hjemmepleje 100,0 103,0 -3,0 -3,0
Plejeboliger 200,0 199,0 1,0 0,5
`;
		const facts = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Vejle' }).facts;
		expect(facts.filter((f) => f.area === 'Plejeboliger').map((f) => `${f.metric}=${f.value}`)).toEqual([
			'korrigeret_budget=200000000',
			'forventet_forbrug=199000000',
			'afvigelse_korrigeret_budget=1000000'
		]);
	});
});
