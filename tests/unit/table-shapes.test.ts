/**
 * Table layouts that were read as nothing or as the wrong thing: a title line flush above column
 * headers, a run of quarters as a row ("1.-3. kvt. i alt"), a row label wrapped below its numbers,
 * the committee's total, and a tilbud named in the clause before its count.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';

const item = (title: string, body: string) => `Punkt 5: ${title}\n\nSagsnr. 27.36.00-A00-4-25\n\nSagsfremstilling\n\n${body}\n`;

function read(title: string, body: string, family = 'magtanvendelse'): string[] {
	const { facts } = extractDocument(item(title, body), {
		doc_id: 'x',
		file_name: 'x.txt',
		municipality: 'Favrskov',
		committee: 'Social- og Sundhedsudvalget',
		meeting_date: '2025-09-02'
	});
	return [...new Set(facts.filter((f) => f.family === family).map((f) => `${f.metric} | ${f.area} | ${f.period} | ${f.value}`))].sort();
}

const flagged = (title: string, body: string) =>
	extractDocument(item(title, body), { doc_id: 'x', file_name: 'x.txt', municipality: 'Favrskov', meeting_date: '2025-09-02' })
		.facts.filter((f) => f.check === 'inconsistent')
		.map((f) => `${f.metric} | ${f.area} | ${f.value}`)
		.sort();

describe('table shapes', () => {
	it('takes a title line flush above quarter columns as the caption, and reads the metrics in the rows', () => {
		const body = [
			'Opgørelse af magtanvendelser for voksne borgere i Favrskov Kommune',
			'                          3. kvt. 2025    2. kvt. 2025    3. kvt. 2024',
			'Indberettet                    31              26              22',
			'Heraf lovlige                  24              20              15',
			'Uafklaret                       2               0               1',
			'',
			'Udviklingen følges tæt i det kommende kvartal.'
		].join('\n');
		expect(read('Magtanvendelse 3. kvartal 2025', body)).toEqual([
			'magtanvendelser_indberettet | hele kommunen | 2024-Q3 | 22',
			'magtanvendelser_indberettet | hele kommunen | 2025-Q2 | 26',
			'magtanvendelser_indberettet | hele kommunen | 2025-Q3 | 31',
			'magtanvendelser_tilladte | hele kommunen | 2024-Q3 | 15',
			'magtanvendelser_tilladte | hele kommunen | 2025-Q2 | 20',
			'magtanvendelser_tilladte | hele kommunen | 2025-Q3 | 24',
			'magtanvendelser_uafgjort | hele kommunen | 2024-Q3 | 1',
			'magtanvendelser_uafgjort | hele kommunen | 2025-Q2 | 0',
			'magtanvendelser_uafgjort | hele kommunen | 2025-Q3 | 2'
		]);
	});

	it('reads "1.-2. kvt. i alt" as the run of quarters, not as a tilbud', () => {
		const body = [
			'Tabel 1. Indberetninger i 2025 pr. kvartal',
			'',
			'Kvartal               Indberettet    Tilladte    Ikke tilladte',
			'1. kvt.               12             9           3',
			'2. kvt.               10             8           2',
			'1.-2. kvt. i alt      22             17          5'
		].join('\n');
		const facts = read('Magtanvendelse 1. halvår 2025', body);
		expect(facts).toContain('magtanvendelser_indberettet | hele kommunen | 2025-Q1-Q2 | 22');
		expect(facts.filter((f) => f.includes('kvt'))).toEqual([]);
	});

	it('joins a row label that goes on below its numbers, and checks the column with that row', () => {
		const body = [
			'Tilbud                     Indberettet    Tilladte    Ikke tilladte',
			'Bostedet Solvang           14             10          4',
			'Botilbud i andre kommuner  9              6           3',
			'samt private',
			'I alt                      23             17          7'
		].join('\n');
		const facts = read('Magtanvendelse 2024', body);
		expect(facts).toContain('magtanvendelser_indberettet | Botilbud i andre kommuner samt private | 2024 | 9');
		expect(facts.filter((f) => /\| samt private/.test(f))).toEqual([]);
		// 4 + 3 is 7, but 10 + 6 is 16, not 17: the tilladte column is flagged.
		expect(flagged('Magtanvendelse 2024', body)).toContain('magtanvendelser_tilladte | hele kommunen | 17');
	});

	it("gives a table's total to the committee its caption names", () => {
		const body = [
			'Tabel 3. Magtanvendelser på Social- og Sundhedsudvalgets område, 2024',
			'',
			'Plejecenter                Indberettet    Tilladte',
			'Plejecenter Lunden         8              7',
			'Plejecenter Bakkely        5              5',
			'I alt                      13             12'
		].join('\n');
		expect(read('Magtanvendelse 2024', body)).toContain('magtanvendelser_indberettet | Social- og Sundhedsudvalget | 2024 | 13');
	});

	it('gives a count to the tilbud named in the clause before it', () => {
		const body =
			'I 2024 blev der indberettet 64 magtanvendelser. Flest kom fra Botilbuddet Granly, hvor der blev indberettet 21 episoder. Alene på Bostedet Ådalen er der registreret 12.';
		expect(read('Magtanvendelse 2024', body)).toEqual([
			'magtanvendelser_indberettet | Bostedet Ådalen | 2024 | 12',
			'magtanvendelser_indberettet | Botilbuddet Granly | 2024 | 21',
			'magtanvendelser_indberettet | hele kommunen | 2024 | 64'
		]);
	});

	it("reads an accountant's negatives, the unit stated above the caption and a legend with 'som'", () => {
		const body = [
			'Beløb i 1.000 kr. Merforbrug vises som tal i parentes.',
			'',
			'Forventet regnskab 2. kvartal 2025 – Social- og Sundhedsudvalget',
			'                         Korrigeret    Forventet',
			'                         budget        regnskab      Afvigelse',
			'Hjemmepleje                 84.200        86.950       (2.750)',
			'Plejecentre, drift og',
			'  vedligehold              120.500       119.100        1.400',
			'I alt                      204.700       206.050       (1.350)'
		].join('\n');
		const facts = read('Budgetopfølgning 2. kvartal 2025', body, 'budget');
		expect(facts).toContain('afvigelse_korrigeret_budget | Hjemmepleje | 2025-Q2 | -2750000');
		expect(facts).toContain('korrigeret_budget | Plejecentre, drift og vedligehold | 2025-Q2 | 120500000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Social- og Sundhedsudvalget | 2025-Q2 | -1350000');
	});

	it('reads records ("Indberetninger 12 · Lovlige 9") under each name as the rows of one table', () => {
		const body = [
			'Indberetninger fordelt på tilbud, 2024',
			'',
			'Bostedet Lyngbakken',
			'Indberetninger 12 · Lovlige 9 · Ulovlige 3',
			'',
			'Plejecentret Kastanjen',
			'Indberetninger 7 · Lovlige 7 · Ulovlige 0',
			'',
			'I alt',
			'Indberetninger 19 · Lovlige 16 · Ulovlige 3'
		].join('\n');
		expect(read('Magtanvendelse 2024', body)).toEqual([
			'magtanvendelser_ikke_tilladte | Bostedet Lyngbakken | 2024 | 3',
			'magtanvendelser_ikke_tilladte | Plejecentret Kastanjen | 2024 | 0',
			'magtanvendelser_ikke_tilladte | hele kommunen | 2024 | 3',
			'magtanvendelser_indberettet | Bostedet Lyngbakken | 2024 | 12',
			'magtanvendelser_indberettet | Plejecentret Kastanjen | 2024 | 7',
			'magtanvendelser_indberettet | hele kommunen | 2024 | 19',
			'magtanvendelser_tilladte | Bostedet Lyngbakken | 2024 | 9',
			'magtanvendelser_tilladte | Plejecentret Kastanjen | 2024 | 7',
			'magtanvendelser_tilladte | hele kommunen | 2024 | 16'
		]);
	});

	it('reads a list with dotted leaders and dashes', () => {
		const body = ['Episoderne fordeler sig på typer af indgreb:', '   – fastholdelse ........................  11', '   – personlig alarm .....................   6', '', 'Udvalget tager orienteringen til efterretning.'].join('\n');
		expect(read('Magtanvendelse 2. kvartal 2025', body)).toEqual([
			'magtanvendelser_indberettet | fastholdelse | 2025-Q2 | 11',
			'magtanvendelser_indberettet | personlig alarm | 2025-Q2 | 6'
		]);
	});

	it('reads a list with each number before its words, under a caption that dates it', () => {
		const body = [
			'Nøgletal, 1. halvår 2025',
			'   33   indberetninger om magtanvendelse i alt',
			'   25   vurderet lovlige',
			'    6   vurderet ulovlige',
			'    2   endnu ikke vurderet',
			'    0   afgørelser om flytning uden samtykke',
			'',
			'Forvaltningen har desuden truffet én afgørelse om flytning uden samtykke efter § 129 i 2024.'
		].join('\n');
		expect(read('Magtanvendelse 1. halvår 2025', body)).toEqual([
			'flytning_uden_samtykke | hele kommunen | 2024 | 1',
			'flytning_uden_samtykke | hele kommunen | 2025-H1 | 0',
			'magtanvendelser_ikke_tilladte | hele kommunen | 2025-H1 | 6',
			'magtanvendelser_indberettet | hele kommunen | 2025-H1 | 33',
			'magtanvendelser_tilladte | hele kommunen | 2025-H1 | 25',
			'magtanvendelser_uafgjort | hele kommunen | 2025-H1 | 2'
		]);
	});

	it('steps over a page mark "– 2 –" and the running header printed again below it, inside a table', () => {
		const body = [
			'Oversigt: indberetninger efter bestemmelse, 2024',
			'Bestemmelse                                  2024',
			'§ 126 Fastholdelse                             14',
			'§ 126a Hygiejnesituationer                      6',
			'',
			'                         – 2 –',
			'LEJRE KOMMUNE                        Socialudvalget',
			'',
			'§ 127 Tilbageholdelse i boligen                 4',
			'I alt                                          24'
		].join('\n');
		const text = `LEJRE KOMMUNE                        Socialudvalget\n\n${item('Magtanvendelse 2024', body)}`;
		const { facts } = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Lejre', meeting_date: '2025-03-04' });
		expect(facts.filter((f) => f.family === 'magtanvendelse').map((f) => `${f.area} | ${f.value}`)).toEqual([
			'serviceloven § 126 | 14',
			'serviceloven § 126a | 6',
			'serviceloven § 127 | 4',
			'hele kommunen | 24'
		]);
	});

	it('reads counts listed with periods of their own, applications granted, and keeps a change\'s starting year to itself', () => {
		const body =
			'Antallet af indberetninger er faldet fra 77 i 2023. Forvaltningen har i årets løb imødekommet 9 ansøgninger om forhåndsgodkendelse, heraf 6 til pejlesystemer. Fordelt på halvår blev der indberettet 31 i 1. halvår og 28 i 2. halvår.';
		expect(read('Magtanvendelse 2024', body)).toEqual([
			'forhaandsgodkendelser | hele kommunen | 2024 | 9',
			'magtanvendelser_indberettet | hele kommunen | 2023 | 77',
			'magtanvendelser_indberettet | hele kommunen | 2024-H1 | 31',
			'magtanvendelser_indberettet | hele kommunen | 2024-H2 | 28'
		]);
	});

	it('reads quarters written "K1 2025" under a three-word title, with the total of the quarters', () => {
		const body = [
			'Indberetninger og vurderinger',
			'                          K1 2025    K2 2025    I alt',
			'Indberetninger i alt         12         14        26',
			'Lovlige                       9         11        20'
		].join('\n');
		expect(read('Magtanvendelse 1. halvår 2025', body)).toEqual([
			'magtanvendelser_indberettet | hele kommunen | 2025-Q1 | 12',
			'magtanvendelser_indberettet | hele kommunen | 2025-Q1-Q2 | 26',
			'magtanvendelser_indberettet | hele kommunen | 2025-Q2 | 14',
			'magtanvendelser_tilladte | hele kommunen | 2025-Q1 | 9',
			'magtanvendelser_tilladte | hele kommunen | 2025-Q1-Q2 | 20',
			'magtanvendelser_tilladte | hele kommunen | 2025-Q2 | 11'
		]);
	});

	it('reads thousands grouped by spaces in cells parted by wide gaps, with the unit and sign stated in the lead-in sentences', () => {
		const body = [
			'Tabellen viser budget og forventet regnskab for udvalgets områder. Alle beløb er i hele',
			'kroner, og i kolonnen Afvigelse er positive tal merforbrug.',
			'',
			'                         Korrigeret      Forventet',
			'                             budget       regnskab      Afvigelse',
			'Hjemmepleje             84 200 000     86 950 000      2 750 000',
			'Plejecentre            120 500 000    119 100 000     -1 400 000',
			'I alt                  204 700 000    206 050 000      1 350 000'
		].join('\n');
		const facts = read('Budgetopfølgning 2. kvartal 2025', body, 'budget');
		expect(facts).toContain('korrigeret_budget | Hjemmepleje | 2025-Q2 | 84200000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Hjemmepleje | 2025-Q2 | -2750000');
		expect(facts).toContain('afvigelse_korrigeret_budget | Plejecentre | 2025-Q2 | 1400000');
		expect(facts).toContain('forventet_forbrug | Social- og Sundhedsudvalget | 2025-Q2 | 206050000');
	});

	it('keeps numbers parted by single spaces apart when no wide gap parts the cells', () => {
		const body = ['Antal magtanvendelser pr. tilbud', '', 'Bostedet Lyngen 12 345 9', 'Bostedet Kilden 3 201 4'].join('\n');
		expect(read('Magtanvendelse 2025', body).some((f) => /12345|345000/.test(f))).toBe(false);
	});

	it('reads months as periods: runs of months as quarters, "Halvår" beside them, and one month per row under a title', () => {
		const quarters = [
			'Indberetninger fordelt på tilbud, 1. halvår 2025',
			'Tilbud                     Jan.-mar.   Apr.-jun.   Halvår',
			'Bostedet Egely                     6           4       10',
			'I alt                              9           7       16'
		].join('\n');
		expect(read('Magtanvendelse 1. halvår 2025', quarters)).toEqual([
			'magtanvendelser_indberettet | Bostedet Egely | 2025-H1 | 10',
			'magtanvendelser_indberettet | Bostedet Egely | 2025-Q1 | 6',
			'magtanvendelser_indberettet | Bostedet Egely | 2025-Q2 | 4',
			'magtanvendelser_indberettet | hele kommunen | 2025-H1 | 16',
			'magtanvendelser_indberettet | hele kommunen | 2025-Q1 | 9',
			'magtanvendelser_indberettet | hele kommunen | 2025-Q2 | 7'
		]);
		const months = ['Indberetninger pr. måned, 1. kvartal 2025', 'Januar\t4', 'Februar\t6', 'Marts\t3', 'I alt 1. kvartal\t13'].join('\n');
		expect(read('Magtanvendelse 1. kvartal 2025', months)).toEqual([
			'magtanvendelser_indberettet | hele kommunen | 2025-01 | 4',
			'magtanvendelser_indberettet | hele kommunen | 2025-02 | 6',
			'magtanvendelser_indberettet | hele kommunen | 2025-03 | 3',
			'magtanvendelser_indberettet | hele kommunen | 2025-Q1 | 13'
		]);
	});

	it('reads the column "Regnskab" of a year\'s accounts as that year\'s regnskab, and "kr. 3 950 000" as one amount', () => {
		const body = [
			'Regnskab 2024, drift (1.000 kr.)',
			'                         Korrigeret',
			'Område                       budget      Regnskab     Afvigelse',
			'Hjemmepleje                  84.200        86.950        -2.750',
			'Plejecentre                 120.500       119.100         1.400',
			'',
			'Efter 2. kvartal 2024 forventedes et mindreforbrug på kr. 3 950 000.'
		].join('\n');
		const facts = read('Regnskab 2024', body, 'budget');
		expect(facts).toContain('regnskab | Hjemmepleje | 2024 | 86950000');
		expect(facts).toContain('korrigeret_budget | Plejecentre | 2024 | 120500000');
		expect(facts.some((f) => f.endsWith('| 3') || f.endsWith('| 950') || f.endsWith('| 0'))).toBe(false);
	});

	it('keeps a line that goes on from a sentence cut mid-clause in its paragraph, not as a heading', () => {
		const body = [
			'Opgørelsen dækker alle borgere med Favrskov som handlekommune, også de',
			'borgere, der bor på et tilbud i en anden kommune. I 2025 indberettedes',
			'84 magtanvendelser efter serviceloven (2024: 97). Heraf blev 61 vurderet som lovlige af myndigheden i kommunen.'
		].join('\n');
		expect(read('Magtanvendelse 2025', body)).toEqual([
			'magtanvendelser_indberettet | hele kommunen | 2024 | 97',
			'magtanvendelser_indberettet | hele kommunen | 2025 | 84',
			'magtanvendelser_tilladte | hele kommunen | 2025 | 61'
		]);
	});

	it('a breakdown by quarters dates its own figures, not the sentences after it', () => {
		const body =
			'I 1.-3. kvartal 2025 blev der indberettet 54 magtanvendelser. Fordelt på kvartaler var der 21 indberetninger i 1. kvartal, 15 i 2. kvartal og 18 i 3. kvartal. Af de 54 er 37 vurderet som lovlige.';
		expect(read('Magtanvendelse 1.-3. kvartal 2025', body)).toContain('magtanvendelser_tilladte | hele kommunen | 2025-Q1-Q3 | 37');
	});

	it('"I alt udvalget" under a caption on "Udvalgets drift" is the committee that meets, not a group named Udvalget', () => {
		const body = [
			'Oversigt 1. Udvalgets drift 2025, mio. kr.',
			'                          Korrigeret     Forventet',
			'Område                        budget      regnskab     Afvigelse',
			'Hjemmepleje                     84,2          86,9          -2,7',
			'Plejecentre                    120,5         119,1           1,4',
			'I alt udvalget                 204,7         206,0          -1,3'
		].join('\n');
		const facts = read('Budgetopfølgning 2. kvartal 2025', body, 'budget');
		expect(facts).toContain('korrigeret_budget | Social- og Sundhedsudvalget | 2025-Q2 | 204700000');
		expect(facts.some((f) => f.includes('| Udvalget |'))).toBe(false);
	});
});

