/**
 * Context and slots in prose: a comparison's period carries nowhere, a year-less period is read in
 * the year the item's title is about, quarters named by ordinal words. Each case is a paragraph of
 * an item; the facts are family, metric, area, period and value.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { findPeriods } from '../../src/lib/extract/periods';

const item = (title: string, body: string) => `Punkt 4: ${title}\n\n27.36.00-G01-9-25\n\nSagsfremstilling\n\n${body}\n`;

function read(title: string, body: string, family: string): string[] {
	const { facts } = extractDocument(item(title, body), { doc_id: 'x', file_name: 'x.txt', municipality: 'Faxe', meeting_date: '2026-02-03' });
	return [...new Set(facts.filter((f) => f.family === family).map((f) => `${f.metric} | ${f.area} | ${f.period} | ${f.value}`))].sort();
}

const cases: [string, string, string, string, string[]][] = [
	[
		'the count a sentence compares with ("året før var tallet") dates none of the next sentence\'s outcomes',
		'Årsopgørelse over magtanvendelse',
		'I 2025 blev der i alt indberettet 64 magtanvendelser – året før var tallet 58. Halvtreds af episoderne blev vurderet som lovlige og ni som ulovlige.',
		'magtanvendelse',
		[
			'magtanvendelser_ikke_tilladte | hele kommunen | 2025 | 9',
			'magtanvendelser_indberettet | hele kommunen | 2024 | 58',
			'magtanvendelser_indberettet | hele kommunen | 2025 | 64',
			'magtanvendelser_tilladte | hele kommunen | 2025 | 50'
		]
	],
	[
		'"årets første tre kvartaler" and "tredje kvartal" without a year are read in the year of the title\'s quarters, not the meeting\'s',
		'Magtanvendelse, 1.-3. kvartal 2025',
		'I årets første tre kvartaler er der indberettet 40 magtanvendelser. Flest kom i tredje kvartal, hvor der blev indberettet 17 episoder.',
		'magtanvendelse',
		['magtanvendelser_indberettet | hele kommunen | 2025-Q1-Q3 | 40', 'magtanvendelser_indberettet | hele kommunen | 2025-Q3 | 17']
	],
	[
		'a list of counts by label after "fordeling på": each § after its colon is a part of the whole count',
		'Magtanvendelse, 1. halvår 2025',
		'Fordelingen på paragraffer: § 126 (fastholdelse): 17; § 127 (alarm- og pejlesystemer): 6; § 126 a: 4.',
		'magtanvendelse',
		[
			'magtanvendelser_indberettet | serviceloven § 126 | 2025-H1 | 17',
			'magtanvendelser_indberettet | serviceloven § 126a | 2025-H1 | 4',
			'magtanvendelser_indberettet | serviceloven § 127 | 2025-H1 | 6'
		]
	],
	[
		'counts in parentheses after named tilbud, in a sentence that counts indberetninger',
		'Magtanvendelse, 1. halvår 2025',
		'De fleste indberetninger kom fra Botilbuddet Engly (12) og Plejecentret Solbakken (7).',
		'magtanvendelse',
		['magtanvendelser_indberettet | Botilbuddet Engly | 2025-H1 | 12', 'magtanvendelser_indberettet | Plejecentret Solbakken | 2025-H1 | 7']
	],
	[
		'a labelled list in a sentence of outcomes is not read as counts by label',
		'Magtanvendelse, 1. halvår 2025',
		'Vurderet som lovlige: Botilbuddet Engly (12) og Plejecentret Solbakken (7).',
		'magtanvendelse',
		['magtanvendelser_indberettet']
	],
	[
		'a kind of intervention opening its clause is the subject of a count some words on; "drejer sig om" links a kind after it',
		'Magtanvendelse, 1. halvår 2025',
		'Føring til andet rum var i halvåret den hyppigste form med 14 episoder, og 3 drejer sig om tilbageholdelse i boligen.',
		'magtanvendelse',
		['magtanvendelser_indberettet | føring til andet rum | 2025-H1 | 14', 'magtanvendelser_indberettet | tilbageholdelse i boligen | 2025-H1 | 3']
	],
	[
		'days that open and close a half-year date the count as that half',
		'Magtanvendelse',
		'Fra 1. juli til 31. december 2024 modtog forvaltningen 33 indberetninger om magtanvendelse, mod 29 i andet halvår af 2023.',
		'magtanvendelse',
		['magtanvendelser_indberettet | hele kommunen | 2023-H2 | 29', 'magtanvendelser_indberettet | hele kommunen | 2024-H2 | 33']
	],
	[
		'"efter servicelovens § 85": the law with its paragraph is the cases\' one area',
		'Ankestyrelsens afgørelser 2024',
		'I 2024 afgjorde Ankestyrelsen 31 klagesager efter servicelovens § 85 fra Faxe Kommune.',
		'klagesager',
		['klagesager_antal | serviceloven § 85 | 2024 | 31']
	]
];

describe('context of figures in prose', () => {
	for (const [name, title, body, family, want] of cases)
		it(name, () => {
			const got = read(title, body, family);
			// A single metric name as the wanted list: no fact of that metric may be read.
			if (want.length === 1 && !want[0].includes('|')) expect(got.filter((f) => f.startsWith(`${want[0]} |`))).toEqual([]);
			else expect(got).toEqual(want);
		});
});

describe('periods named in words', () => {
	it('reads a quarter named by its ordinal word, with or without its year', () => {
		expect(findPeriods('i fjerde kvartal af 2023 og i andet kvartal').map((p) => p.period ?? `Q${p.quarter?.[0]}`)).toEqual(['2023-Q4', 'Q2']);
	});
	it('does not take "sidste kvartal" (the latest one) for the fourth', () => {
		expect(findPeriods('i sidste kvartal')).toEqual([]);
	});
});
