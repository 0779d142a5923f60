/**
 * Table layouts from minute systems the reader had not met: merged header cells drawn over the
 * columns they span, footnote marks, a table continued over a page break, sub-totals above their
 * rows, group headings, labels going on under their figures, and an accountant's parentheses
 * named by a legend. Every table here is made up for the test.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';

const item = (title: string, body: string) => `Punkt 4: ${title}\n\nSagsnr. 00.30.10-S00-2-25\n\nSagsfremstilling\n\n${body}\n`;

function facts(title: string, body: string, family: string) {
	return extractDocument(item(title, body), {
		doc_id: 'x',
		file_name: 'x.txt',
		municipality: 'Favrskov',
		committee: 'Børne- og Familieudvalget',
		meeting_date: '2025-11-04'
	}).facts.filter((f) => f.family === family);
}

function read(title: string, body: string, family = 'budget'): string[] {
	return [...new Set(facts(title, body, family).map((f) => `${f.metric} | ${f.entity === 'Favrskov' ? '' : `${f.entity} | `}${f.area} | ${f.period} | ${f.value}`))].sort();
}

const alarms = (title: string, body: string, family = 'budget') =>
	facts(title, body, family)
		.filter((f) => f.check === 'inconsistent')
		.map((f) => `${f.metric} | ${f.area} | ${f.value}`);

describe('grid layouts', () => {
	it('reads the columns under a merged header cell drawn with dashes, with footnote marks and the unit in a note below', () => {
		const body = [
			'Tabel 3. Forventet regnskab 2025 ¹)',
			'                              |---- Budget 2025 ----|     Forventet     Afvigelse',
			'                              Oprindeligt   Korrigeret     regnskab         ²)',
			'Dagtilbud                       310.200       318.400      321.900        -3.500',
			'Skoler                          402.800       405.100      401.300         3.800',
			'Udvalget i alt                  713.000       723.500      723.200           300',
			'¹) Hele 1.000 kr.',
			'²) Korrigeret budget minus forventet regnskab.'
		].join('\n');
		const got = read('Budgetopfølgning pr. 31. oktober 2025', body);
		expect(got).toContain('vedtaget_budget | Dagtilbud | 2025-10 | 310200000');
		expect(got).toContain('korrigeret_budget | Skoler | 2025-10 | 405100000');
		expect(got).toContain('afvigelse_korrigeret_budget | Dagtilbud | 2025-10 | -3500000');
		expect(got).toContain('forventet_forbrug | Børne- og Familieudvalget | 2025-10 | 723200000');
	});

	it('reads a table continued after a page break under a shortened header as one table, its total checked against both parts', () => {
		const body = [
			'Tabel 1. Forventet regnskab (1.000 kr.)',
			'                       --- Budget 2025 ---',
			'                       Korrigeret   Vedtaget    Forventet    Afvigelse',
			'Sundhed i alt              50.000     48.000       51.000       -1.000',
			'Sundhedspleje              20.000     19.000       20.500         -500',
			'Tandpleje                  30.000     29.000       30.500         -500',
			'Rådmandens bemærkninger følger i næste afsnit, og der er ingen nye tal at vise her nu.',
			'',
			'Tabel 1 (fortsat)',
			'                       Korrigeret   Vedtaget    Forventet    Afvigelse',
			'Familier i alt             40.000     41.000       39.000        1.000',
			'Forebyggelse               40.000     41.000       39.000        1.000',
			'Udvalget i alt             90.000     89.000       90.000            0'
		].join('\n');
		const got = read('Budgetopfølgning pr. 30. september 2025', body);
		// The sub-totals above their rows take the group's name.
		expect(got).toContain('korrigeret_budget | Sundhed | 2025-09 | 50000000');
		expect(got).toContain('vedtaget_budget | Forebyggelse | 2025-09 | 41000000');
		expect(got).toContain('korrigeret_budget | Børne- og Familieudvalget | 2025-09 | 90000000');
		// Sub-totals are no rows of their own in the sum: no false alarm.
		expect(alarms('Budgetopfølgning pr. 30. september 2025', body)).toEqual([]);
	});

	it('leaves group headings out of the row names, and joins a parenthesis under the figures to the row above', () => {
		const body = [
			'Tabel 2. Regnskab 2025 (mio. kr.)',
			'Merforbrug er anført i parentes.',
			'',
			'Område                     Korr. budget    Regnskab    Afvigelse',
			'Overførsler',
			'Kontante ydelser                  88,1        90,4        (2,3)',
			'(integrationsydelse m.v.)',
			'Boligstøtte                       12,0        11,2          0,8',
			'Service',
			'Rådgivning                        31,5        30,9          0,6',
			'Aflastning                        17,4        18,0        (0,6)',
			'I alt                            149,0       150,5        (1,5)'
		].join('\n');
		const got = read('Regnskab 2025', body);
		expect(got).toContain('afvigelse_korrigeret_budget | Kontante ydelser (integrationsydelse m.v.) | 2025 | -2300000');
		expect(got).toContain('afvigelse_korrigeret_budget | Boligstøtte | 2025 | 800000');
		expect(got).toContain('korrigeret_budget | Rådgivning | 2025 | 31500000');
		expect(got.some((f) => /Overførsler|Service /.test(f))).toBe(false);
	});

	it('keeps a name wrapped over two lines whole when every row is wrapped', () => {
		const body = [
			'Tabel 2. Indberetninger 2024 fordelt på tilbud',
			'',
			'Tilbud          Indberettet   Lovlige   Ulovlige',
			'Bostedet',
			'Kastanjehaven        18          14          4',
			'Døgntilbuddet',
			'Havgården            11           9          2',
			'I alt                29          23          6'
		].join('\n');
		expect(read('Magtanvendelse 2024', body, 'magtanvendelse')).toContain('magtanvendelser_indberettet | Bostedet Kastanjehaven | 2024 | 18');
	});
});
