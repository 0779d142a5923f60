/**
 * Budget statements in lists and without a named basis: each point of a list is its own
 * statement with its label as the area; a deviation's budget is the one whose gap to the
 * forventet forbrug beside it is the deviation, else the follow-up's own basis.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';

const item = (body: string, title = 'Budgetopfølgning pr. 31. august 2025') => `Punkt 6: ${title}\n\nSagsnr.: 25/4411\n\nSagsfremstilling\n\n${body}\n`;

function budgetFacts(body: string, title?: string): string[] {
	const { facts } = extractDocument(item(body, title), { doc_id: 'x', file_name: 'x.txt', municipality: 'Skanderborg', meeting_date: '2025-09-23', committee: 'Ældreudvalget' });
	return facts
		.filter((f) => f.family === 'budget')
		.map((f) => `${f.metric} | ${f.area} | ${f.period} | ${f.value}`)
		.sort();
}

describe('budget points and bases', () => {
	it('reads each bullet as its own statement with its label as the area, and the basis from arithmetic', () => {
		const body = [
			'Sammenholdt med det vedtagne budget er der samlet et merforbrug på 9,0 mio. kr. Fordelingen er:',
			'',
			'  • Hjemmepleje – korrigeret budget 120,4 mio. kr., forventet forbrug 125,0 mio. kr.,',
			'    merforbrug 4,6 mio. kr.',
			'  • Træning – korrigeret budget 30,0 mio. kr., forventet forbrug 29,2 mio. kr., mindreforbrug',
			'    0,8 mio. kr.'
		].join('\n');
		const facts = budgetFacts(body);
		expect(facts).toContain('afvigelse_korrigeret_budget | Hjemmepleje | 2025-08 | -4600000');
		expect(facts).toContain('korrigeret_budget | Hjemmepleje | 2025-08 | 120400000');
		expect(facts).toContain('forventet_forbrug | Træning | 2025-08 | 29200000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Træning | 2025-08 | 800000');
		expect(facts).toContain('afvigelse_vedtaget_budget | Ældreudvalget | 2025-08 | -9000000');
	});

	it("measures an earlier forecast against the table's korrigeret basis, not the budget prose named last", () => {
		const body = [
			'Tabel 1. Forventet regnskab pr. 31. august 2025 (mio. kr.)',
			'',
			'Område            Vedtaget budget   Korrigeret budget   Forventet forbrug   Afvigelse',
			'Hjemmepleje       118,0             120,4               125,0               -4,6',
			'Træning            29,5              30,0                29,2                0,8',
			'I alt             147,5             150,4               154,2               -3,8',
			'',
			'Målt mod det vedtagne budget er merforbruget 6,7 mio. kr. Ved opfølgningen pr. 31. maj 2025 var det forventede merforbrug 2,2 mio. kr.'
		].join('\n');
		const facts = budgetFacts(body);
		expect(facts).toContain('afvigelse_korrigeret_budget | Ældreudvalget | 2025-05 | -2200000');
		expect(facts).toContain('afvigelse_vedtaget_budget | Ældreudvalget | 2025-08 | -6700000');
	});

	it('keeps a list whose labels are metrics ("Korrigeret budget: 541,3") from naming areas', () => {
		const body = [
			'Opfølgning pr. 31. august 2025 – Ældreudvalget (mio. kr.)',
			'   Korrigeret budget: 310,2',
			'   Forventet forbrug: 314,0',
			'',
			'  • Plejecentre – korrigeret budget 180,0 mio. kr., forventet forbrug 183,8 mio. kr., merforbrug 3,8 mio. kr.'
		].join('\n');
		const facts = budgetFacts(body);
		expect(facts).toContain('korrigeret_budget | Ældreudvalget | 2025-08 | 310200000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Plejecentre | 2025-08 | -3800000');
		expect(facts.filter((f) => /\| (?:Korrigeret budget|Forventet forbrug) \|/.test(f))).toEqual([]);
	});

	it('measures a deviation against the budget its clause is about, and reads the oprindeligt vedtagne budget as a reference', () => {
		const facts = budgetFacts(
			'Udvalgets serviceramme på 412,0 mio. kr. ventes overholdt med et mindreforbrug på 1,2 mio. kr. Målt mod det oprindeligt vedtagne budget på 455,0 mio. kr. giver det et merforbrug på 3,5 mio. kr.'
		);
		expect(facts).toContain('afvigelse_serviceramme | Ældreudvalget | 2025-08 | 1200000');
		expect(facts).toContain('afvigelse_vedtaget_budget | Ældreudvalget | 2025-08 | -3500000');
	});

	it('joins tab-parted header lines cell by cell, takes a closed year\'s Regnskab column as regnskab, and lends a continued table its unit', () => {
		const body = [
			'Tabel 1. Forventet regnskab pr. 31. august 2025',
			'',
			'Område\tRegnskab\tOprindeligt\tKorrigeret\tForventet\tAfvigelse ift.',
			'\t2024\tbudget\tbudget\tregnskab\tkorrigeret budget',
			'Hjemmepleje\t112.400\t118.000\t120.400\t125.000\t-4.600',
			'',
			'Tabel 1 (fortsat)',
			'',
			'Område\tRegnskab\tOprindeligt\tKorrigeret\tForventet\tAfvigelse ift.',
			'\t2024\tbudget\tbudget\tregnskab\tkorrigeret budget',
			'Træning\t28.100\t29.500\t30.000\t29.200\t800',
			'',
			'Note: Beløb i 1.000 kr. Minus angiver merforbrug.'
		].join('\n');
		const facts = budgetFacts(body);
		expect(facts).toContain('regnskab | Hjemmepleje | 2024 | 112400000');
		expect(facts).toContain('vedtaget_budget | Hjemmepleje | 2025-08 | 118000000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Hjemmepleje | 2025-08 | -4600000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Træning | 2025-08 | 800000');
	});

	it('tells two deviation columns apart by their arithmetic, and dates a half-year account', () => {
		const body = [
			'Tabel 1. Halvårsregnskab 2025 (mio. kr.; ÷ = merforbrug)',
			'                     Vedtaget   Korrigeret   Forventet   Afvigelse   Afvigelse',
			'                     budget     budget       forbrug     ift. korr.  ift. vedtaget',
			'Hjemmepleje          118,0      120,4        125,0       ÷4,6        ÷7,0',
			'Træning              29,5       30,0         29,2        0,8         0,3',
			'I alt                147,5      150,4        154,2       ÷3,8        ÷6,7'
		].join('\n');
		const facts = budgetFacts(body, 'Halvårsregnskab 2025');
		expect(facts).toContain('afvigelse_korrigeret_budget | Hjemmepleje | 2025-H1 | -4600000');
		expect(facts).toContain('afvigelse_vedtaget_budget | Hjemmepleje | 2025-H1 | -7000000');
		expect(facts).toContain('afvigelse_vedtaget_budget | Træning | 2025-H1 | 300000');
	});

	it('reads a caption that wraps its legend, units under each header, a total named "Udvalget i alt", and codes in the row labels', () => {
		const body = [
			'Tabel: Forventet regnskab 2025 (negative tal i afvigelsen er',
			'merforbrug, positive tal er mindreforbrug)',
			'',
			'Funktion                       Korr. budget   Forv. regnskab   Afvigelse',
			'                               (t.kr.)        (t.kr.)          (t.kr.)',
			'5.32.32 Pleje og omsorg',
			'i eget hjem                          40.100           41.000        -900',
			'5.32.35 Hjælpemidler                 12.000           11.700         300',
			'Udvalget i alt                       52.100           52.700        -600'
		].join('\n');
		const facts = budgetFacts(body);
		expect(facts).toContain('afvigelse_korrigeret_budget | 5.32.32 Pleje og omsorg i eget hjem | 2025-08 | -900000');
		expect(facts).toContain('korrigeret_budget | Ældreudvalget | 2025-08 | 52100000');
	});

	it('reads a minus after the amount and a legend above the table, and the budget "byrådet oprindeligt vedtog"', () => {
		const body = [
			'Regnskab 2024 – Ældreudvalget (beløb i 1.000 kr.)',
			'Minus efter beløbet betyder merforbrug.',
			'',
			'                          Regnskab   Korr. budget   Regnskab   Afvigelse',
			'                          2023       2024           2024       2024',
			'Hjemmepleje               140.200    150.000        151.500    1.500-',
			'Træning                    28.000     30.000         29.300       700',
			'',
			'Målt mod det budget, byrådet oprindeligt vedtog for 2024, er der et merforbrug på 3,1 mio. kr.'
		].join('\n');
		const facts = budgetFacts(body, 'Regnskab 2024 for udvalgets område');
		expect(facts).toContain('regnskab | Hjemmepleje | 2023 | 140200000');
		expect(facts).toContain('regnskab | Hjemmepleje | 2024 | 151500000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Hjemmepleje | 2024 | -1500000');
		expect(facts).toContain('afvigelse_vedtaget_budget | Ældreudvalget | 2024 | -3100000');
	});
});
