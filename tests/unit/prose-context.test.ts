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
	]
];

describe('context of figures in prose', () => {
	for (const [name, title, body, family, want] of cases) it(name, () => expect(read(title, body, family)).toEqual(want));
});

describe('periods named in words', () => {
	it('reads a quarter named by its ordinal word, with or without its year', () => {
		expect(findPeriods('i fjerde kvartal af 2023 og i andet kvartal').map((p) => p.period ?? `Q${p.quarter?.[0]}`)).toEqual(['2023-Q4', 'Q2']);
	});
	it('does not take "sidste kvartal" (the latest one) for the fourth', () => {
		expect(findPeriods('i sidste kvartal')).toEqual([]);
	});
});
