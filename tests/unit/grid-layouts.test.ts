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
	it('reads a short abbreviation after the last header as its qualifier, not as the first row\'s name', () => {
		const body = [
			'Tabel 1. Budgetopfølgning 2. kvartal 2025 (mio. kr.)',
			'',
			'Område',
			'Opr. budget',
			'Korr. budget',
			'Forv. regnskab',
			'Afvigelse korr.',
			'Dagtilbud og',
			'skoler',
			'402,8',
			'405,1',
			'409,3',
			'-4,2',
			'Familier',
			'96,5',
			'97,0',
			'95,1',
			'1,9'
		].join('\n');
		expect(read('Budgetopfølgning 2. kvartal 2025', body)).toEqual([
			'afvigelse_korrigeret_budget | Dagtilbud og skoler | 2025-Q2 | -4200000',
			'afvigelse_korrigeret_budget | Familier | 2025-Q2 | 1900000',
			'forventet_forbrug | Dagtilbud og skoler | 2025-Q2 | 409300000',
			'forventet_forbrug | Familier | 2025-Q2 | 95100000',
			'korrigeret_budget | Dagtilbud og skoler | 2025-Q2 | 405100000',
			'korrigeret_budget | Familier | 2025-Q2 | 97000000',
			'vedtaget_budget | Dagtilbud og skoler | 2025-Q2 | 402800000',
			'vedtaget_budget | Familier | 2025-Q2 | 96500000'
		]);
	});

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

	it('reads rows printed in two tiers under a header in the same two tiers, with no false alarm on the total', () => {
		const body = [
			'Tabel B. Drift (mio. kr.; merforbrug vises med minus)',
			'Område                      Oprindeligt budget   Korrigeret budget',
			'                            Forventet regnskab           Afvigelse',
			'Dagtilbud                          140,2               144,0',
			'                                   146,5                -2,5',
			'Skoler                             201,0               203,4',
			'                                   200,1                 3,3',
			'I alt                              341,2               347,4',
			'                                   346,6                 0,8',
			'Afvigelse = korrigeret budget minus forventet regnskab.'
		].join('\n');
		const title = 'Budgetopfølgning pr. 31. august 2025';
		const got = read(title, body);
		expect(got).toContain('vedtaget_budget | Dagtilbud | 2025-08 | 140200000');
		expect(got).toContain('forventet_forbrug | Skoler | 2025-08 | 200100000');
		expect(got).toContain('afvigelse_korrigeret_budget | Dagtilbud | 2025-08 | -2500000');
		expect(got).toContain('afvigelse_korrigeret_budget | Børne- og Familieudvalget | 2025-08 | 800000');
		expect(alarms(title, body)).toEqual([]);
	});

	it('reads a klagesager table under a flattened merged header, its "heraf:" rows by their own names, the afviste as a count', () => {
		const body = [
			'Tabel 1. Ankestyrelsens afgørelser 2024',
			'                    |-------- Afgørelser, antal ------------|   Omgørelsesprocent',
			'Område               Afgjort  Stadfæstet  Ændret  Hjemvist  Afvist   Favrskov   Hele landet',
			'Socialområdet          140       90        20       25        5      32,1        36',
			'heraf:',
			'  Voksenhandicap        52       31         9       10        2      36,5        42',
			'  Børnehandicap         30       19         4        6        1      33,3        47',
			'Kilde: Ankestyrelsen.'
		].join('\n');
		const got = read('Klagesager 2024', body, 'klagesager');
		expect(got).toContain('stadfaestet_antal | socialområdet | 2024 | 90');
		expect(got).toContain('afvist_antal | socialområdet | 2024 | 5');
		expect(got).toContain('omgoerelsespct | socialområdet | 2024 | 32.1');
		expect(got).toContain('omgoerelsespct | Landsgennemsnit | socialområdet | 2024 | 36');
		expect(got).toContain('hjemvist_antal | voksenhandicap | 2024 | 10');
		expect(got).toContain('omgoerelsespct | Landsgennemsnit | børnehandicap | 2024 | 47');
	});

	it('reads "count (share)" cells: the share is the outcome\'s percent only where it is the count over the row\'s cases', () => {
		const body = [
			'Tabel 2. Afgørelser 2024 (andel i pct. i parentes)',
			'',
			'Område              Afgjort    Stadfæstet     Ændret      Hjemvist     Omgørelses-',
			'                                                                       procent',
			'Socialområdet          80      50 (62,5)     10 (12,5)    20 (25,0)    37,5',
			'Børnehandicap          20      12 (60,0)      3 (15,0)     5 (40,0)    40,0',
			'Øvrige sager efter     60      38 (63,3)      7 (11,7)    15 (25,0)    36,7',
			'  serviceloven'
		].join('\n');
		const got = read('Klagesager 2024', body, 'klagesager');
		expect(got).toContain('stadfaestet_antal | socialområdet | 2024 | 50');
		expect(got).toContain('stadfaestet_pct | socialområdet | 2024 | 62.5');
		expect(got).toContain('aendret_pct | børnehandicap | 2024 | 15');
		expect(got).toContain('hjemvist_antal | Øvrige sager efter serviceloven | 2024 | 15');
		// 5 of 20 is 25 %, not the 40 printed: a share of something else is no fact.
		expect(got).not.toContain('hjemvist_pct | børnehandicap | 2024 | 40');
		expect(got.filter((f) => f.startsWith('hjemvist_pct | børnehandicap'))).toEqual([]);
	});

	it('reads past a column the lexicon does not know and keeps the rest of a per-law table with the percent first', () => {
		const body = [
			'Tabel 3. Klagesager afgjort af Ankestyrelsen 2025, fordelt på lov',
			'                            Omgørelses-   Omgjorte   Stadfæstede   Afgjorte   Sagsbehandlings-',
			'Lov                         procent       sager      sager         sager      tid, uger',
			'Serviceloven                30,0          12         28            40         14',
			'Lov om aktiv socialpolitik  25,0           5         15            20         11',
			'I alt                       28,3          17         43            60         13'
		].join('\n');
		const got = read('Klagesager 2025', body, 'klagesager');
		expect(got).toContain('omgoerelsespct | serviceloven | 2025 | 30');
		expect(got).toContain('klagesager_antal | aktivloven | 2025 | 20');
		expect(got.some((f) => / \| 14$| \| 11$/.test(f))).toBe(false);
	});

	it('reads years as columns beside a change column: the change is no count', () => {
		const body = [
			'Tabel 4. Magtanvendelse pr. tilbud (antal)',
			'Tilbud                          2024      2025     Ændring',
			'Bostedet Lyngbakken               12        15          +3',
			'Botilbuddet Åkanden                9         5          ÷4',
			'I alt                             21        20          ÷1'
		].join('\n');
		const got = read('Magtanvendelse 2025', body, 'magtanvendelse');
		expect(got).toContain('magtanvendelser_indberettet | Bostedet Lyngbakken | 2024 | 12');
		expect(got).toContain('magtanvendelser_indberettet | hele kommunen | 2025 | 20');
		expect(got.some((f) => / \| (?:3|-4|-1)$/.test(f))).toBe(false);
	});

	it('turns round a table with the outcomes as rows and the tilbud as columns, with no total column', () => {
		const body = [
			'Tabel 2. Indberetninger 2024 fordelt på tilbud (antal)',
			'Tilbud:                 Skovbrynet   Engely   Andre tilbud',
			'Indberetninger               17          9          4',
			'Lovlige                      12          7          3',
			'Ulovlige                      5          2          1'
		].join('\n');
		const got = read('Magtanvendelse 2024', body, 'magtanvendelse');
		expect(got).toContain('magtanvendelser_indberettet | Skovbrynet | 2024 | 17');
		expect(got).toContain('magtanvendelser_tilladte | Engely | 2024 | 7');
		expect(got).toContain('magtanvendelser_ikke_tilladte | Andre tilbud | 2024 | 1');
	});

	it('reads the total row first with "heraf" rows under newest-first year columns, and a name going on indented below its row', () => {
		const body = [
			'Tabel 2. Indberettede magtanvendelser efter type, første halvår (antal)',
			'                                      2025        2024',
			'I alt                                   24          31',
			'  heraf fastholdelse                    15          19',
			'  heraf personlige alarmsystemer         9          12',
			'',
			'Tabel 3. Indberetninger pr. tilbud 2024',
			'Tilbud                   Indberettet    Lovlig    Ulovlig',
			'Bo- og Naboskabet             14           10          4',
			'  Østerby',
			'Bostedet Lunden               10            8          2'
		].join('\n');
		const got = read('Magtanvendelse 1. halvår 2025', body, 'magtanvendelse');
		expect(got).toContain('magtanvendelser_indberettet | hele kommunen | 2025-H1 | 24');
		expect(got).toContain('magtanvendelser_indberettet | hele kommunen | 2024-H1 | 31');
		expect(got).toContain('magtanvendelser_indberettet | fastholdelse | 2025-H1 | 15');
		expect(got).toContain('magtanvendelser_tilladte | Bo- og Naboskabet Østerby | 2024 | 10');
		expect(got).toContain('magtanvendelser_ikke_tilladte | Bostedet Lunden | 2024 | 2');
	});

	it('reads lines with dotted leaders that pack a count and its parts, named by the legend above them', () => {
		const body = [
			'Fordeling pr. tilbud. Hver linje viser antal indberetninger og i parentes, hvordan de er',
			'vurderet: (lovlige/ulovlige/ikke magtanvendelse/uafklaret).',
			'Bofællesskabet Egely .......................... 12 (8/2/1/1)',
			'Døgntilbuddet Vestervang ....................... 7 (5/1/1/0)',
			'I alt ......................................... 19 (13/3/2/1)'
		].join('\n');
		const got = read('Magtanvendelse 1. halvår 2025', body, 'magtanvendelse');
		expect(got).toContain('magtanvendelser_indberettet | Bofællesskabet Egely | 2025-H1 | 12');
		expect(got).toContain('magtanvendelser_ikke_tilladte | Døgntilbuddet Vestervang | 2025-H1 | 1');
		expect(got).toContain('magtanvendelser_uafgjort | hele kommunen | 2025-H1 | 1');
		expect(got).toContain('magtanvendelser_tilladte | hele kommunen | 2025-H1 | 13');
	});

	it('reads no packed parts without a legend that names as many', () => {
		const body = [
			'Fordeling pr. tilbud (lovlige/ulovlige).',
			'Bofællesskabet Egely .......................... 12 (8/2/1/1)',
			'Døgntilbuddet Vestervang ....................... 7 (5/1/1/0)'
		].join('\n');
		expect(read('Magtanvendelse 1. halvår 2025', body, 'magtanvendelse').filter((f) => !f.startsWith('magtanvendelser_indberettet'))).toEqual([]);
	});

	it('marks a column whose rows do not add up to its I alt, and an I alt whose outcomes do not add up to its count', () => {
		const body = [
			'Oversigt pr. tilbud (antal).',
			'Tilbud                 Indberettet   Lovlige   Ulovlige   Ikke magtanvendelse   Uafklaret',
			'Bostedet Enggården          10           6          2              1                 1',
			'Botilbuddet Fyrrebo          8           5          2              1                 0',
			'I alt                       20          11          4              2                 1'
		].join('\n');
		const got = facts('Magtanvendelse 2024', body, 'magtanvendelse');
		const marked = got.filter((f) => f.check === 'inconsistent').map((f) => `${f.metric} | ${f.area} | ${f.value}`);
		// 10 + 8 = 18, not 20; and 11 + 4 + 2 + 1 = 18 outcomes of 20.
		expect(marked).toContain('magtanvendelser_indberettet | Bostedet Enggården | 10');
		expect(marked).toContain('magtanvendelser_indberettet | hele kommunen | 20');
		expect(marked).toContain('magtanvendelser_tilladte | hele kommunen | 11');
		expect(marked).not.toContain('magtanvendelser_tilladte | Bostedet Enggården | 6');
	});
});
