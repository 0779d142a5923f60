/** Wordings in the style of the press and of other municipalities, each with the facts it must give. */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { readableArea } from '../../src/lib/extract/other';

const cases: [string, string, string[]][] = [
	[
		'omgjorde … procent, and the year before in the next sentence',
		'Punkt 1: Klagesager\n\nSagsnr.: 24/1234\n\nAnkestyrelsen omgjorde sidste år 31 procent af de klagesager, den behandlede fra Randers Kommune. Det er et fald fra 38 procent året før.\n',
		['omgoerelsespct Randers hele kommunen 2024 31', 'omgoerelsespct Randers hele kommunen 2023 38']
	],
	[
		'"Året før" dates only its own sentence: the neighbours after it are of the year the paragraph is about',
		'Punkt 1: Klagesager 2024\n\nSagsnr.: 25/1234\n\nAnkestyrelsens afgørelser giver Randers en omgørelsesprocent på socialområdet på 34,1 %. Året før var Randers\' omgørelsesprocent 36,0 %. Nabokommunerne Favrskov (31,5 %) og Norddjurs (38,2 %) ligger tæt på.\n',
		[
			'omgoerelsespct Randers socialområdet 2024 34.1',
			'omgoerelsespct Randers socialområdet 2023 36',
			'omgoerelsespct Favrskov socialområdet 2024 31.5',
			'omgoerelsespct Norddjurs socialområdet 2024 38.2'
		]
	],
	[
		'a municipality against the national figure',
		'Punkt 1: Danmarkskort\n\n27.00.00-P22-1-24\n\nI 2023 var omgørelsesprocenten på socialområdet 41 pct. i Viborg Kommune mod 39 pct. på landsplan.\n',
		['omgoerelsespct Viborg socialområdet 2023 41', 'omgoerelsespct Landsgennemsnit socialområdet 2023 39']
	],
	[
		'kommunen fik medhold',
		'Punkt 4: Klager\n\n24/99\n\nAnkestyrelsen behandlede i 2024 i alt 150 sager fra Kolding Kommune. Kommunen fik medhold i 101 af sagerne, mens 49 blev omgjort.\n',
		['klagesager_antal Kolding hele kommunen 2024 150', 'omgjort_antal Kolding hele kommunen 2024 49', 'stadfaestet_antal Kolding hele kommunen 2024 101']
	],
	[
		'neighbours and the national figure leaning on the figure before them',
		'Punkt 2: Danmarkskort 2024\n\n24/99\n\nOmgørelsesprocenten på socialområdet var 36 mod 34 på landsplan. Blandt nabokommunerne havde Middelfart en omgørelsesprocent på 33 og Kolding 39 på socialområdet.\n',
		['omgoerelsespct Randers socialområdet 2024 36', 'omgoerelsespct Landsgennemsnit socialområdet 2024 34', 'omgoerelsespct Middelfart socialområdet 2024 33', 'omgoerelsespct Kolding socialområdet 2024 39']
	],
	[
		'the share of cases the municipality won is not the omgørelsesprocent',
		'Punkt 2: Klagesager 2024\n\n24/99\n\nAnkestyrelsen afgjorde 150 sager på socialområdet i 2024. Kommunen fik medhold i 101 sager, svarende til 67 pct.\n',
		['klagesager_antal Randers socialområdet 2024 150', 'stadfaestet_antal Randers socialområdet 2024 101', 'stadfaestet_pct Randers socialområdet 2024 67']
	],
	[
		// The contract's `afvigelse`: the item names no budget the deviation is measured against.
		'a deviation in prose with no budget named, in a field',
		'Punkt 5: Økonomi\n\n24/99\n\nMerforbruget på handicapområdet ventes at blive på 9 millioner kroner i 2025.\n',
		['afvigelse Randers handicapområdet 2025 -9000000']
	],
	[
		'a national figure named by its field',
		'Punkt 2: Danmarkskort 2024\n\n24/99\n\nOmgørelsesprocenten på socialområdet var 36 pct. i 2024. Landsgennemsnittet for socialområdet var 34 pct.\n',
		['omgoerelsespct Randers socialområdet 2024 36', 'omgoerelsespct Landsgennemsnit socialområdet 2024 34']
	]
];

describe('other wordings', () => {
	for (const [name, text, want] of cases)
		it(name, () => {
			const { facts } = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Randers', meeting_date: '2025-03-05' });
			expect(facts.map((f) => `${f.metric} ${f.entity} ${f.area} ${f.period} ${f.value}`).sort()).toEqual([...want].sort());
		});
});

const traps = [
	'Målet er at nedbringe omgørelsesprocenten til 25 pct. i 2026.',
	'Omgørelsesprocenten skal i 2026 under 30 pct.',
	'Der er ansat 12 medarbejdere i klageteamet i 2024.',
	'Ankestyrelsen har i 2024 en sagsbehandlingstid på 6 måneder.',
	'Ankestyrelsen afgjorde sagen den 12. marts 2024.',
	'Der er i 2024 afsat 2 mio. kr. til at nedbringe antallet af klagesager.',
	'I 2024 modtog kommunen 45 klager over hjemmehjælpen.',
	'Budgettet for 2025 er på 45 mio. kr.',
	'I 2025 ventes en merudgift på 2 mio. kr. til nye pladser.',
	'Sagen behandles på mødet den 4. juni 2025 kl. 16.00 i lokale 2.',
	'Der var et fald på 14 episoder fra 2023 til 2024.'
];

describe('traps yield no key figure', () => {
	for (const s of traps)
		it(s, () => {
			const text = `Punkt 1: Orientering om klagesager, magtanvendelse og budgetopfølgning 2024\n\n24/1\n\n${s}\n`;
			const { facts } = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Odder', meeting_date: '2025-03-05' });
			expect(facts.filter((f) => ['klagesager', 'budget', 'magtanvendelse'].includes(f.family)).map((f) => `${f.metric}=${f.value}`)).toEqual([]);
		});
});

describe('the area of an amount or count outside the key families is its item title, readable', () => {
	it.each([
		['Udmøntning af §18-midler 2025', 'Udmøntning af §18-midler 2025'],
		['Status på aftale om integreret behandlingstilbud', 'aftale om integreret behandlingstilbud'],
		[
			'Psykiatri- og Handicapudvalget, budgetopfølgning og forventet regnskab 3. kvartal 2024, tillægsbevilling',
			'Psykiatri- og Handicapudvalget, budgetopfølgning og forventet regnskab 3. kvartal 2024'
		],
		[
			'Afrapportering på central udmelding fra Social- og Boligstyrelsen vedrørende borgere med udviklingshæmning og dom med behov for anbringelse',
			'Afrapportering på central udmelding fra Social- og Boligstyrelsen vedrørende borgere med …'
		]
	])('%s', (title, area) => {
		expect(readableArea(title)).toBe(area);
	});
});
