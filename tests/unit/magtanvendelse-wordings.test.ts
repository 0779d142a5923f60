/**
 * Magtanvendelse wordings beyond the lexicon's own examples: word order, ellipsis, anaphora,
 * per tilbud and per §, and the counts that must stay out (staff, places, changes, targets).
 * Each case is a paragraph in a magtanvendelse item; the facts are metric, area, period and value.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';

const item = (title: string, body: string) => `Punkt 3: ${title}\n\n27.36.00-G01-2-25\n\nSagsfremstilling\n\n${body}\n`;

function read(title: string, body: string): string[] {
	const { facts } = extractDocument(item(title, body), { doc_id: 'x', file_name: 'x.txt', municipality: 'Odder', meeting_date: '2025-03-05' });
	return [...new Set(facts.filter((f) => f.family === 'magtanvendelse').map((f) => `${f.metric} | ${f.area} | ${f.period} | ${f.value}`))].sort();
}

const cases: [string, string, string, string[]][] = [
	[
		'"af dem" takes the concept of the previous sentence\'s count, a fact only with a kind of its own; a part with no place stays out',
		'Magtanvendelse 1.-3. kvartal 2024',
		'I 1.-3. kvartal 2024 blev der indberettet 31 magtanvendelser. Tolv af dem vedrørte fastholdelse, elleve føring til andet rum. Seks af dem skete om natten.',
		[
			'magtanvendelser_indberettet | fastholdelse | 2024-Q1-Q3 | 12',
			'magtanvendelser_indberettet | føring til andet rum | 2024-Q1-Q3 | 11',
			'magtanvendelser_indberettet | hele kommunen | 2024-Q1-Q3 | 31'
		]
	],
	[
		'a sentence dated only by "de samme tre kvartaler året før" compares and dates no later sentence; tilbud as subjects, the verb left out after the first',
		'Magtanvendelse, 1.-3. kvartal 2025',
		'For de samme tre kvartaler året før lød tallet på 52 indberetninger. Botilbuddet Lyngly tegner sig for 17 af indberetningerne og Demenscentret Hald for 8.',
		[
			'magtanvendelser_indberettet | Botilbuddet Lyngly | 2025-Q1-Q3 | 17',
			'magtanvendelser_indberettet | Demenscentret Hald | 2025-Q1-Q3 | 8',
			'magtanvendelser_indberettet | hele kommunen | 2024-Q1-Q3 | 52'
		]
	],
	[
		'kinds of intervention as the areas of a list, each in its own clause; a comparison by "fra … året før" dates no later sentence',
		'Magtanvendelse 2025',
		'Der blev i 2025 indberettet 44 magtanvendelser. Antallet er faldet fra 51 året før. Fastholdelse udgjorde 20 af indberetningerne, føring til andet rum 9, og 6 vedrørte tilbageholdelse i boligen. Bostedet Enggården stod bag 12 af indberetningerne, mens Botilbuddet Mosen havde 10.',
		[
			'magtanvendelser_indberettet | Bostedet Enggården | 2025 | 12',
			'magtanvendelser_indberettet | Botilbuddet Mosen | 2025 | 10',
			'magtanvendelser_indberettet | fastholdelse | 2025 | 20',
			'magtanvendelser_indberettet | føring til andet rum | 2025 | 9',
			'magtanvendelser_indberettet | hele kommunen | 2024 | 51',
			'magtanvendelser_indberettet | hele kommunen | 2025 | 44',
			'magtanvendelser_indberettet | tilbageholdelse i boligen | 2025 | 6'
		]
	],
	[
		'the year only in the title, the comparison year by "året før"',
		'Magtanvendelse 2024',
		'Der er i alt indberettet 143 episoder med magtanvendelse, mod 129 året før. Forvaltningen har vurderet 118 af episoderne som lovlige, mens 15 blev vurderet ulovlige.',
		[
			'magtanvendelser_indberettet | hele kommunen | 2023 | 129',
			'magtanvendelser_indberettet | hele kommunen | 2024 | 143',
			'magtanvendelser_ikke_tilladte | hele kommunen | 2024 | 15',
			'magtanvendelser_tilladte | hele kommunen | 2024 | 118'
		]
	],
	[
		'a comparison in parentheses, and a comparison period that does not carry into the next sentence',
		'Magtanvendelse 1.-3. kvartal 2024',
		'I 1.-3. kvartal 2024 er der indberettet 57 magtanvendelser (45 i 2023). I samme periode sidste år var antallet 63. Der er i perioden givet 7 forhåndsgodkendelser.',
		[
			'forhaandsgodkendelser | hele kommunen | 2024-Q1-Q3 | 7',
			'magtanvendelser_indberettet | hele kommunen | 2023 | 45',
			'magtanvendelser_indberettet | hele kommunen | 2023-Q1-Q3 | 63',
			'magtanvendelser_indberettet | hele kommunen | 2024-Q1-Q3 | 57'
		]
	],
	[
		'the noun as subject, a change and "flere end" left out',
		'Årsopgørelse over magtanvendelse 2024',
		'Antallet af magtanvendelser var 64 i 2024 mod 71 i 2023. Der blev registreret 64 magtanvendelser, hvilket er 7 færre end året før. Stigningen på 12 episoder skyldes én borger.',
		['magtanvendelser_indberettet | hele kommunen | 2023 | 71', 'magtanvendelser_indberettet | hele kommunen | 2024 | 64']
	],
	[
		'a list of outcomes with a bare "afventer"',
		'Magtanvendelse 2024',
		'Der er indberettet i alt 120 magtanvendelser, hvoraf 98 blev vurderet som lovlige, 14 som ulovlige og 8 afventer.',
		[
			'magtanvendelser_indberettet | hele kommunen | 2024 | 120',
			'magtanvendelser_ikke_tilladte | hele kommunen | 2024 | 14',
			'magtanvendelser_tilladte | hele kommunen | 2024 | 98',
			'magtanvendelser_uafgjort | hele kommunen | 2024 | 8'
		]
	],
	[
		'per § with "§ 126 a", listed by ellipsis',
		'Magtanvendelse 2024',
		'Der var 24 indberetninger efter § 126 og yderligere 9 efter § 126 a.',
		['magtanvendelser_indberettet | serviceloven § 126 | 2024 | 24', 'magtanvendelser_indberettet | serviceloven § 126a | 2024 | 9']
	],
	[
		'"§§ 124-137" names the chapter, not one §',
		'Magtanvendelse 2024',
		'Der er i 2024 indberettet 42 magtanvendelser efter servicelovens §§ 124-137.',
		['magtanvendelser_indberettet | hele kommunen | 2024 | 42']
	],
	[
		'per tilbud: the subject, and the place after the figure',
		'Magtanvendelse 2024',
		'Længerevarende botilbud tegner sig for 19 af indberetningerne. Magtanvendelserne fordeler sig med 40 på Bostedet Lærkehøj og 37 på Botilbuddet Engen.',
		[
			'magtanvendelser_indberettet | Bostedet Lærkehøj | 2024 | 40',
			'magtanvendelser_indberettet | Botilbuddet Engen | 2024 | 37',
			'magtanvendelser_indberettet | Længerevarende botilbud | 2024 | 19'
		]
	],
	[
		'a share with no tilbud named, citizens, staff and places stay out',
		'Magtanvendelse 2024',
		'Borgere over 80 år står for 28 af indberetningerne. I 2024 blev 17 borgere udsat for magtanvendelse. Der er 4 medarbejdere i teamet, og Bostedet Lærkehøj har 18 pladser.',
		[]
	],
	[
		'flytning uden samtykke counted as afgørelser, number words',
		'Magtanvendelse 2024',
		'Der er truffet fire afgørelser om flytning uden samtykke. Toogtyve af episoderne blev vurderet som ulovlige.',
		['flytning_uden_samtykke | hele kommunen | 2024 | 4', 'magtanvendelser_ikke_tilladte | hele kommunen | 2024 | 22']
	],
	[
		'a target and a year-to-date count stay out',
		'Magtanvendelse 1. halvår 2025',
		'Første halvår af 2025 gav i alt 38 indberetninger om magtanvendelse, mod 44 i samme periode i fjor. Pr. 1. august er der i år indberettet 45 episoder. Udvalget har et mål om 60 indberetninger om året.',
		['magtanvendelser_indberettet | hele kommunen | 2024-H1 | 44', 'magtanvendelser_indberettet | hele kommunen | 2025-H1 | 38']
	]
];

describe('magtanvendelse wordings', () => {
	for (const [name, title, body, want] of cases) it(name, () => expect(read(title, body)).toEqual([...want].sort()));
});

describe('magtanvendelse wordings around other figures', () => {
	it('a percent between a count and its outcome does not part them', () =>
		expect(read('Magtanvendelse 2024', 'Der blev indberettet 97 magtanvendelser. Heraf blev 72 (74 pct.) vurderet som lovlige.')).toEqual(
			['magtanvendelser_indberettet | hele kommunen | 2024 | 97', 'magtanvendelser_tilladte | hele kommunen | 2024 | 72'].sort()
		));
	it('utilsigtede hændelser in an item about something else are not magtanvendelser', () =>
		expect(read('Kvalitet i ældreplejen 2024', 'Magtanvendelse behandles i en særskilt sag.\n\nDer blev i 2024 registreret 12 utilsigtede hændelser.')).toEqual([]));
	it('episodes of violence against staff are not magtanvendelser', () =>
		expect(read('Magtanvendelse 2024', 'Der var 30 episoder med vold mod medarbejdere, og 3 indberetninger om trusler.')).toEqual([]));
});

describe('parts of a part', () => {
	it('"To af de ikke tilladte episoder …" is a few of the ikke tilladte, not their count; a tilbud after "7 af de 40" is the part\'s', () => {
		const text = `Punkt 3: Magtanvendelse 2024\n\nDer blev i 2024 indberettet 40 magtanvendelser, heraf 30 tilladte og 10 ikke tilladte. To af de ikke tilladte episoder skete under kørsel. 7 af de 40 magtanvendelser var på Bostedet.\n`;
		const facts = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Randers' }).facts.map((f) => `${f.metric} ${f.area} ${f.value}`);
		expect(facts).toEqual([
			'magtanvendelser_indberettet hele kommunen 40',
			'magtanvendelser_tilladte hele kommunen 30',
			'magtanvendelser_ikke_tilladte hele kommunen 10'
		]);
	});
});

describe('magtanvendelse tables and proportions', () => {
	const facts = (text: string) => extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Randers' }).facts.map((f) => `${f.metric} ${f.area} ${f.period} ${f.value}`);

	it('reads sub-rows "- heraf vurderet tilladte" as the outcome they name', () => {
		const text = `Punkt 3: Magtanvendelse 2022-2024

Tabel 1. Magtanvendelser
                                      2022    2023    2024
Indberettede magtanvendelser            71      64      58
- heraf vurderet tilladte               49      47      40
- heraf vurderet ikke tilladte          14      10      11
`;
		expect(facts(text)).toEqual(
			expect.arrayContaining(['magtanvendelser_indberettet hele kommunen 2024 58', 'magtanvendelser_tilladte hele kommunen 2024 40', 'magtanvendelser_ikke_tilladte hele kommunen 2022 14'])
		);
		expect(facts(text).filter((f) => f.startsWith('magtanvendelser_indberettet'))).toHaveLength(3);
	});

	it('"tre ud af fire episoder" is a proportion in words, no count', () => {
		const text = `Punkt 3: Magtanvendelse 2024\n\nDer blev i 2024 indberettet 58 magtanvendelser. Tre ud af fire episoder fandt sted om aftenen.\n`;
		expect(facts(text)).toEqual(['magtanvendelser_indberettet hele kommunen 2024 58']);
	});
});
