/**
 * Klagesager read by mechanism, each case a sentence or a small item written for this test (no
 * corpus sentence): the classes of wording and layout that minutes of other municipalities use.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { delimitedGrids } from '../../src/lib/extract/table-blocks';

const meta = { doc_id: 'x', file_name: 'x.txt', municipality: 'Vejle', committee: 'Beskæftigelsesudvalget', meeting_date: '2025-04-08' };

function klagesager(body: string, title = 'Klagesager i Ankestyrelsen 2024'): string[] {
	const text = `Punkt 1: ${title}\n\nSagsnr. 25/1\n\n${body}\n`;
	return extractDocument(text, meta)
		.facts.filter((f) => f.family === 'klagesager')
		.map((f) => `${f.metric} ${f.entity} ${f.area} ${f.period} ${f.value}`)
		.sort();
}

describe('areas named by a phrase', () => {
	it('a clause without an area goes on with the first one its statement named, back to a semicolon', () => {
		expect(
			klagesager('Ankestyrelsen afgjorde 70 sager. I sagerne efter barnets lov blev 14 stadfæstet og 6 omgjort; i sagerne efter serviceloven blev 33 stadfæstet og 17 omgjort.')
		).toEqual([
			'omgjort_antal Vejle barnets lov 2024 6',
			'omgjort_antal Vejle serviceloven 2024 17',
			'stadfaestet_antal Vejle barnets lov 2024 14',
			'stadfaestet_antal Vejle serviceloven 2024 33'
		]);
	});
	it('"på udvalgets område" broken over a line is the committee; the total named again with "de" is no total of the next area', () => {
		expect(
			klagesager('I 2024 har Ankestyrelsen afgjort 52 klagesager på udvalgets\nområde. Heraf blev 35 stadfæstet.\n\nAf de 52 sager vedrørte 20 hjælpemidler efter § 112 i serviceloven.')
		).toEqual(['klagesager_antal Vejle Beskæftigelsesudvalget 2024 52', 'stadfaestet_antal Vejle Beskæftigelsesudvalget 2024 35']);
	});
	it('"for hele serviceloven" names the law, nearer than the committee a sentence before it named', () => {
		expect(
			klagesager('Ankestyrelsen afgjorde 64 sager fra udvalgets område, og omgørelsesprocenten var 30,2.\nLandsgennemsnittet for hele serviceloven lå på 32,4 pct.')
		).toEqual([
			'klagesager_antal Vejle Beskæftigelsesudvalget 2024 64',
			'omgoerelsespct Landsgennemsnit serviceloven 2024 32.4',
			'omgoerelsespct Vejle Beskæftigelsesudvalget 2024 30.2'
		]);
	});
	it('"det sociale område" is socialområdet', () => {
		expect(klagesager('Ankestyrelsen afgjorde i 2024 i alt 212 klagesager fra Vejle Kommune inden for det sociale område.')).toEqual([
			'klagesager_antal Vejle socialområdet 2024 212'
		]);
	});
});

describe('context: whose figure and which area', () => {
	it('a "hvor" clause is about the noun before it: the national figure', () => {
		expect(
			klagesager('Ankestyrelsen afgjorde 120 sager på socialområdet, og omgørelsesprocenten var 31.\n\nVejle ligger dermed under niveauet i hele landet, hvor tallet i 2024 var 35 procent.')
		).toEqual(['klagesager_antal Vejle socialområdet 2024 120', 'omgoerelsespct Landsgennemsnit socialområdet 2024 35', 'omgoerelsespct Vejle socialområdet 2024 31']);
	});
	it('neighbours named in a sentence of their own take the paragraph\'s concept', () => {
		expect(
			klagesager('Omgørelsesprocenten på socialområdet var 31 i 2024. Til sammenligning havde Kolding 27 procent og Fredericia 36 procent.')
		).toEqual(['omgoerelsespct Fredericia socialområdet 2024 36', 'omgoerelsespct Kolding socialområdet 2024 27', 'omgoerelsespct Vejle socialområdet 2024 31']);
	});
	it('a paragraph with no area takes the nearest one stated above it in the item, before the title', () => {
		expect(
			klagesager(
				'Sagerne nedenfor er afgjort efter serviceloven.\n\nAnkestyrelsen afgjorde i alt 64 sager, og omgørelsesprocenten var 28.',
				'Klager over hjemmeplejeområdet 2024'
			)
		).toEqual(['klagesager_antal Vejle serviceloven 2024 64', 'omgoerelsespct Vejle serviceloven 2024 28']);
	});
	it('a § takes its law from a table caption above it', () => {
		const body = [
			'Tabel 1. Klagesager efter serviceloven 2024',
			'',
			'Paragraf              Afgjorte   Omgørelsesprocent',
			'§ 85                  20         35',
			'§ 112                 14         21',
			'',
			'Hjælpemiddelsagerne går bedst: 3 ud af 14 sager efter § 112 blev omgjort.'
		].join('\n');
		expect(klagesager(body)).toContain('omgjort_antal Vejle serviceloven § 112 2024 3');
	});
});

describe('tables whose cells are parted by semicolons', () => {
	const grid = [
		'Afgørelser fordelt på bestemmelser, 2024',
		'Bestemmelse;Afgjorte;Stadfæstet;Ændret;Hjemvist;Omgørelses-%',
		'Serviceloven § 86;12;9;1;2;25',
		'Serviceloven § 112;30;24;2;4;20',
		'I alt;42;33;3;6;21'
	];
	it('read by the grid they form: header of the same arity, a label and values in every row', () => {
		const facts = klagesager(['Ankestyrelsen afgjorde 42 klagesager på socialområdet i 2024.', '', ...grid].join('\n'));
		expect(facts).toContain('hjemvist_antal Vejle serviceloven § 112 2024 4');
		expect(facts).toContain('omgoerelsespct Vejle serviceloven § 86 2024 25');
		expect(facts).toContain('omgoerelsespct Vejle socialområdet 2024 21');
		expect(facts.filter((f) => f.includes('§ 86'))).toHaveLength(5);
	});
	it('not when a row has a cell too many or too few', () => {
		const broken = [...grid.slice(0, 3), 'Serviceloven § 112;30;24;2;4', grid[4]];
		expect(klagesager(['Ankestyrelsen afgjorde 42 klagesager på socialområdet i 2024.', '', ...broken].join('\n')).filter((f) => f.includes('§'))).toEqual([]);
	});
	it('not prose whose clauses a semicolon parts', () => {
		const prose = ['Ankestyrelsen afgjorde 42 sager; 33 blev stadfæstet; 9 blev omgjort', 'Det viser årsopgørelsen; den kom 3. marts; den er offentlig'];
		expect(delimitedGrids(prose.map((text, i) => ({ text, start: i * 80, end: i * 80 + text.length }))).headers.size).toBe(0);
	});
});

describe('table reading', () => {
	it('a period label ending in its year ("2. halvår 2024") keeps the year, and "Hele året" is the year', () => {
		const body = [
			'Tabel 3. Afgjorte klagesager på socialområdet 2024',
			'',
			'Halvår',
			'Afgjorte',
			'Stadfæstede',
			'Hjemviste',
			'Ændrede',
			'1. halvår 2024 40 30 6 4',
			'2. halvår 2024 50 41 5 4',
			'Hele året 90 71 11 8'
		].join('\n');
		const facts = klagesager(body);
		expect(facts).toContain('hjemvist_antal Vejle socialområdet 2024-H1 6');
		expect(facts).toContain('aendret_antal Vejle socialområdet 2024-H2 4');
		expect(facts).toContain('klagesager_antal Vejle socialområdet 2024 90');
		expect(facts).toHaveLength(12);
	});
	it('a dash is a cell with no value, so the row keeps its columns', () => {
		const body = [
			'Tabel 1. Klagesager efter serviceloven 2024',
			'',
			'                      Afgjorte   Omgjort   Omgørelses-',
			'                      sager      sager     procent',
			'Vejle Kommune         210        61        29',
			'Landsgennemsnit       –          –         33'
		].join('\n');
		expect(klagesager(body)).toEqual([
			'klagesager_antal Vejle serviceloven 2024 210',
			'omgjort_antal Vejle serviceloven 2024 61',
			'omgoerelsespct Landsgennemsnit serviceloven 2024 33',
			'omgoerelsespct Vejle serviceloven 2024 29'
		]);
	});
});

describe('a comparison period is not the figure\'s own', () => {
	it('a period behind "end" belongs to the compared figure, and does not carry into the next sentence', () => {
		expect(
			klagesager(
				'I 1. halvår 2025 afgjorde Ankestyrelsen 60 sager på socialområdet. Omgørelsesprocenten blev 25, hvilket er højere end i samme periode sidste år, hvor den lå på 20. Landsgennemsnittet var i samme halvår 31 pct.',
				'Klagesager i Ankestyrelsen, 1. halvår 2025'
			)
		).toEqual([
			'klagesager_antal Vejle socialområdet 2025-H1 60',
			'omgoerelsespct Landsgennemsnit socialområdet 2025-H1 31',
			'omgoerelsespct Vejle socialområdet 2024-H1 20',
			'omgoerelsespct Vejle socialområdet 2025-H1 25'
		]);
	});
});

describe('a bulleted list per paragraph (§), the law only in the lead-in', () => {
	it('each item takes its label\'s §, with the law from the lead-in; a total after the list takes the lead-in\'s law', () => {
		const body = [
			'Afgørelserne efter serviceloven fordeler sig således:',
			'',
			'  ▪ § 85 (socialpædagogisk støtte): 18 sager afgjort – 12 stadfæstet og 6 omgjort',
			'  ▪ § 100 (merudgifter): 9 sager afgjort – 7 stadfæstet og 2 omgjort',
			'',
			'I alt blev 27 sager afgjort i perioden.'
		].join('\n');
		expect(klagesager(body, 'Klagesager 2. halvår 2024')).toEqual([
			'klagesager_antal Vejle serviceloven 2024-H2 27',
			'klagesager_antal Vejle serviceloven § 100 2024-H2 9',
			'klagesager_antal Vejle serviceloven § 85 2024-H2 18',
			'omgjort_antal Vejle serviceloven § 100 2024-H2 2',
			'omgjort_antal Vejle serviceloven § 85 2024-H2 6',
			'stadfaestet_antal Vejle serviceloven § 100 2024-H2 7',
			'stadfaestet_antal Vejle serviceloven § 85 2024-H2 12'
		]);
	});
	it('a § item with no law anywhere is left out, not booked to the whole', () => {
		const body = ['Afgørelserne fordeler sig således:', '', '  • § 85: 18 sager afgjort – 12 stadfæstet og 6 omgjort', '  • § 100: 9 sager afgjort – 7 stadfæstet og 2 omgjort'].join('\n');
		expect(klagesager(body, 'Klagesager 2024').filter((f) => !f.includes('§'))).toEqual([]);
	});
});

describe('what the new mechanisms must not read', () => {
	it('another municipality\'s bare count in a sentence of its own is no outcome count', () => {
		expect(klagesager('Ankestyrelsen stadfæstede 60 af de 80 sager på socialområdet. Fredericia havde 30.')).toEqual([
			'klagesager_antal Vejle socialområdet 2024 80',
			'stadfaestet_antal Vejle socialområdet 2024 60'
		]);
	});
	it('an area stated above about something else does not carry to the decisions', () => {
		expect(
			klagesager('Hjemmeplejeområdet har fået 3 nye medarbejdere i 2024.\n\nAnkestyrelsen afgjorde 75 sager i 2024, og omgørelsesprocenten var 24.', 'Klagesager på Socialudvalgets område')
		).toEqual(['klagesager_antal Vejle Socialudvalget 2024 75', 'omgoerelsespct Vejle Socialudvalget 2024 24']);
	});
});

describe('lists and grids of other shapes', () => {
	it('a key-value list of outcomes takes its period and area from the lead-in sentence', () => {
		const body = ['Ankestyrelsens afgørelser på socialområdet i 2. halvår 2024:', '', 'Afgjorte sager: 44', 'Stadfæstet: 30', 'Hjemvist: 8', 'Ændret: 6', 'Omgørelsesprocent: 32'].join('\n');
		expect(klagesager(body)).toEqual([
			'aendret_antal Vejle socialområdet 2024-H2 6',
			'hjemvist_antal Vejle socialområdet 2024-H2 8',
			'klagesager_antal Vejle socialområdet 2024-H2 44',
			'omgoerelsespct Vejle socialområdet 2024-H2 32',
			'stadfaestet_antal Vejle socialområdet 2024-H2 30'
		]);
	});
	it('a key-value list under a lead-in naming two periods is left out', () => {
		const body = ['Afgørelserne på socialområdet i 2023 og 2024 i alt:', '', 'Afgjorte sager: 180', 'Stadfæstet: 122', 'Omgørelsesprocent: 32'].join('\n');
		expect(klagesager(body)).toEqual([]);
	});
	it('a semicolon grid with years as its header', () => {
		const body = ['Tabel 4. Omgørelsesprocent på socialområdet', '', 'Kommune;2023;2024', 'Vejle;31;28', 'Horsens;35;33', 'Hele landet;37;36'].join('\n');
		expect(klagesager(body)).toContain('omgoerelsespct Horsens socialområdet 2023 35');
		expect(klagesager(body)).toContain('omgoerelsespct Landsgennemsnit socialområdet 2024 36');
		expect(klagesager(body)).toHaveLength(6);
	});
});

describe('the law a count\'s noun is under', () => {
	it('"64 sager efter sygedagpengeloven" beats the field named at the start, for the figures after it too', () => {
		expect(klagesager('På beskæftigelsesområdet traf Ankestyrelsen afgørelse i 64 sager efter sygedagpengeloven, og omgørelsesprocenten var 18.')).toEqual([
			'klagesager_antal Vejle sygedagpengeloven 2024 64',
			'omgoerelsespct Vejle sygedagpengeloven 2024 18'
		]);
	});
});

describe('a § in another clause', () => {
	it('does not narrow the whole named with its own area', () => {
		expect(klagesager('Ankestyrelsen afgjorde 120 sager på socialområdet, heraf 14 sager efter serviceloven § 85.')).toEqual(['klagesager_antal Vejle socialområdet 2024 120']);
	});
});

/** The same table of two municipalities and the national figure, printed in several layouts below. */
const TWO_MUNICIPALITIES = [
	'klagesager_antal Kolding socialområdet 2024 201',
	'klagesager_antal Vejle socialområdet 2024 180',
	'omgoerelsespct Kolding socialområdet 2024 30.8',
	'omgoerelsespct Landsgennemsnit socialområdet 2024 35',
	'omgoerelsespct Vejle socialområdet 2024 33.3',
	'stadfaestet_antal Kolding socialområdet 2024 139',
	'stadfaestet_antal Vejle socialområdet 2024 120'
];

describe('tables printed the other way round, areas and words the layout breaks', () => {
	it('reads outcomes as rows and municipalities as columns, with dashes for the national counts', () => {
		const body = [
			'Tabel 2. Ankestyrelsens afgørelser på socialområdet 2024',
			'                    Vejle     Kolding     Hele landet',
			'Afgjorte sager        180         201             –',
			'Stadfæstet            120         139             –',
			'Omgørelsesprocent    33,3        30,8          35,0'
		].join('\n');
		expect(klagesager(body)).toEqual(TWO_MUNICIPALITIES);
	});

	it('a committee whose name starts with Æ, a run of months, and a word broken over a line', () => {
		const body =
			'Fra januar til og med juni 2024 har Ankestyrelsen afgjort 41 klager fra Ældre- og Omsorgsudvalgets område.\nOmgørelses-\nprocenten blev 29.';
		expect(klagesager(body, 'Klagesager 1. halvår 2024')).toEqual([
			'klagesager_antal Vejle Ældre- og Omsorgsudvalget 2024-H1 41',
			'omgoerelsespct Vejle Ældre- og Omsorgsudvalget 2024-H1 29'
		]);
	});

	it('reads a grid parted by pipes whose headers wrap over two lines, under its title', () => {
		const body = [
			'Afgørelser 2024 fordelt på lov',
			'Lov | Afgjort | Stadfæstet | Omgørelses-',
			'    |         |            | procent',
			'Serviceloven | 90 | 61 | 32,2',
			'Barnets lov | 30 | 22 | 26,7'
		].join('\n');
		expect(klagesager(body)).toEqual([
			'klagesager_antal Vejle barnets lov 2024 30',
			'klagesager_antal Vejle serviceloven 2024 90',
			'omgoerelsespct Vejle barnets lov 2024 26.7',
			'omgoerelsespct Vejle serviceloven 2024 32.2',
			'stadfaestet_antal Vejle barnets lov 2024 22',
			'stadfaestet_antal Vejle serviceloven 2024 61'
		]);
	});

	it('names columns keyed "(1)" … "(3)" by the legend under the table, and lets dashes stand for no value', () => {
		const body = [
			'Tabel 1  Klagesager på socialområdet 2024',
			'Kommune           (1)       (2)       (3)',
			'Vejle             180       120      33,3',
			'Kolding           201       139      30,8',
			'Hele landet         -         -      35,0',
			'(1) afgjorte sager (2) stadfæstet (3) omgørelses-',
			'procent. Kilde: Ankestyrelsen.'
		].join('\n');
		expect(klagesager(body)).toEqual(TWO_MUNICIPALITIES);
	});

	it('reads laws as columns over outcome rows, and "på udvalgets område" before the title\'s field', () => {
		const body = [
			'På udvalgets område afgjorde Ankestyrelsen i 2024 i alt 75 sager. Inden for voksenhandicap blev 9 af 20 sager omgjort.',
			'',
			'Afgørelser 2024 fordelt på lov',
			'                     Aktivloven    Sygedagpenge-     I alt',
			'                                   loven',
			'Afgjorte sager               40               35        75',
			'Stadfæstet                   30               25        55'
		].join('\n');
		const facts = klagesager(body, 'Klagesager 2024 på beskæftigelsesområdet');
		expect(facts).toContain('klagesager_antal Vejle Beskæftigelsesudvalget 2024 75');
		expect(facts).toContain('klagesager_antal Vejle aktivloven 2024 40');
		expect(facts).toContain('stadfaestet_antal Vejle sygedagpengeloven 2024 25');
		expect(facts).toContain('omgjort_antal Vejle voksenhandicap 2024 9');
	});

	it('reads one cell per line under a title wrapped before its period, § rows with their law from the text above, and "§ 83 a" as § 83a', () => {
		const body = [
			'Oversigten viser Ankestyrelsens afgørelser efter serviceloven.',
			'',
			'Redegørelse',
			'Ankestyrelsens afgørelser i sager fra udvalgets område, 1.-3.',
			'kvartal 2024',
			'Bestemmelse',
			'Afgjort',
			'Stadfæstet',
			'§ 83 personlig og praktisk hjælp',
			'27',
			'18',
			'§ 83 a rehabiliteringsforløb',
			'6',
			'5'
		].join('\n');
		expect(klagesager(body, 'Klagesager 1.-3. kvartal 2024')).toEqual([
			'klagesager_antal Vejle serviceloven § 83 2024-Q1-Q3 27',
			'klagesager_antal Vejle serviceloven § 83a 2024-Q1-Q3 6',
			'stadfaestet_antal Vejle serviceloven § 83 2024-Q1-Q3 18',
			'stadfaestet_antal Vejle serviceloven § 83a 2024-Q1-Q3 5'
		]);
	});

	it('a field named after its one law is that law: "sygedagpengesagerne", "Lov om sygedagpenge"', () => {
		expect(klagesager('På landsplan blev 27,9 pct. af sygedagpengesagerne omgjort i 2024, og for aktivloven var landsgennemsnittet 25,1 %.')).toEqual([
			'omgoerelsespct Landsgennemsnit aktivloven 2024 25.1',
			'omgoerelsespct Landsgennemsnit sygedagpengeloven 2024 27.9'
		]);
	});
});

