import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { trailingCells } from '../../src/lib/extract/table-blocks';
import { axisPeriod, merforbrugSign, periodOfAxis } from '../../src/lib/extract/grid';
import { conceptOf, MAGTANVENDELSE_CONCEPTS } from '../../src/lib/extract/table-concepts';

const meta = { doc_id: 'g', file_name: 'g.txt', municipality: 'Vejle', meeting_date: '2025-03-12' };
const facts = (text: string, family: string) =>
	extractDocument(text, meta)
		.facts.filter((f) => f.family === family && f.rule?.includes('.tabel.'))
		.map((f) => `${f.area} | ${f.metric} | ${f.period} | ${f.value}`);
const quotes = (text: string, family: string) =>
	extractDocument(text, meta)
		.facts.filter((f) => f.family === family && f.rule?.includes('.tabel.'))
		.map((f) => {
			expect(text.slice(f.char_start, f.char_end)).toBe(f.quote);
			return f.quote.replace(/\s+/g, ' ');
		});

describe('cells in any layout', () => {
	it('keeps a percent sign or "pct." with its number, with or without a space', () => {
		expect(trailingCells('Voksenhandicap   40   30 %').cells.map((c) => [c.value, c.percent])).toEqual([
			[40, false],
			[30, true]
		]);
		expect(trailingCells('Børnehandicap 25 28%').cells.map((c) => c.value)).toEqual([25, 28]);
		expect(trailingCells('Bostedet Lærkereden   14   22 pct.').cells.map((c) => c.value)).toEqual([14, 22]);
	});

	it('splits a glued run by the shapes of its parts', () => {
		const { cells, labelEnd } = trailingCells('Kommunen 202268,1%12,4%');
		expect(cells.map((c) => c.value)).toEqual([2022, 68.1, 12.4]);
		expect(labelEnd).toBe('Kommunen '.length);
	});

	it('reads ÷, − and a printed 0 as numbers, and pipes and tabs as cell borders', () => {
		expect(trailingCells('Sundhed | ÷1,5 | −0,4 | 0 |').cells.map((c) => c.value)).toEqual([-1.5, -0.4, 0]);
		expect(trailingCells('Sundhed\t12\t7').cells.map((c) => c.value)).toEqual([12, 7]);
	});
});

describe('sign legend', () => {
	it.each([
		['+ = merforbrug, - = mindreforbrug', 1],
		['÷ = mindreforbrug', 1],
		['Merforbrug vises med positivt fortegn, mindreforbrug med ÷.', 1],
		['Beløb i 1.000 kr. (-) angiver merforbrug.', -1],
		['Negative tal angiver merforbrug.', -1],
		['Alle beløb i mio. kr. Merforbrug er vist med minus.', -1],
		['Beløb i mio. kr.', null]
	])('"%s" prints merforbrug as %s', (legend, sign) => {
		expect(merforbrugSign(legend)).toBe(sign);
	});
});

describe('periods on an axis', () => {
	it('names quarters with or without their year, and an I alt that spans them', () => {
		const qs = ['1. kvt. 2023', '2. kvt.', 'Q3'].map((l) => axisPeriod(l)!);
		expect(qs.map((q) => periodOfAxis(q, '2023', qs))).toEqual(['2023-Q1', '2023-Q2', '2023-Q3']);
		expect(periodOfAxis(axisPeriod('I alt')!, '2023', qs)).toBe('2023-Q1-Q3');
		const all = ['1. kvartal', '2. kvartal', '3. kvartal', '4. kvartal'].map((l) => axisPeriod(l)!);
		expect(periodOfAxis(axisPeriod('I alt')!, '2023', all)).toBe('2023');
	});
});

describe('tables in layouts the families share', () => {
	it('reads a pipe table of magtanvendelse per tilbud, labels as printed', () => {
		const text = `Punkt 4: Magtanvendelse 2024

Sagsfremstilling

Tabel 1. Indberetninger om magtanvendelse 2024 fordelt på tilbud

| Tilbud | Indberetninger | Heraf tilladte |
|---|---|---|
| Bofællesskabet Solsikken | 23 | 18 |
| Botilbuddet Havblik | 12 | 9 |
| I alt | 35 | 27 |
`;
		expect(facts(text, 'magtanvendelse')).toEqual([
			'Bofællesskabet Solsikken | magtanvendelser_indberettet | 2024 | 23',
			'Bofællesskabet Solsikken | magtanvendelser_tilladte | 2024 | 18',
			'Botilbuddet Havblik | magtanvendelser_indberettet | 2024 | 12',
			'Botilbuddet Havblik | magtanvendelser_tilladte | 2024 | 9',
			'hele kommunen | magtanvendelser_indberettet | 2024 | 35',
			'hele kommunen | magtanvendelser_tilladte | 2024 | 27'
		]);
	});

	it('reads years as rows of a magtanvendelse table, a header cell wrapped over two lines', () => {
		const text = `Punkt 5: Magtanvendelse på voksenområdet

Sagsfremstilling

Tabel 2. Indberetninger og vurderinger 2022-2024

År          Indberettet     Tilladte     Ikke          Afventer
                                         tilladte      vurdering
2022             40             31            9             0
2023             44             35            8             1
`;
		expect(facts(text, 'magtanvendelse')).toEqual([
			'hele kommunen | magtanvendelser_indberettet | 2022 | 40',
			'hele kommunen | magtanvendelser_tilladte | 2022 | 31',
			'hele kommunen | magtanvendelser_ikke_tilladte | 2022 | 9',
			'hele kommunen | magtanvendelser_uafgjort | 2022 | 0',
			'hele kommunen | magtanvendelser_indberettet | 2023 | 44',
			'hele kommunen | magtanvendelser_tilladte | 2023 | 35',
			'hele kommunen | magtanvendelser_ikke_tilladte | 2023 | 8',
			'hele kommunen | magtanvendelser_uafgjort | 2023 | 1'
		]);
	});

	it('reads one cell per line with quarter headers split over two lines, outcomes as rows', () => {
		const text = `Punkt 2: Klagesager på handicapområdet

Sagsfremstilling

Tabel 1. Klagesager på voksenhandicapområdet 2023 fordelt på kvartaler

Udfald
1. kvt.
2023
2. kvt.
2023
I alt
Afgjorte sager
10
12
22
Stadfæstet
6
9
15
`;
		expect(facts(text, 'klagesager')).toEqual([
			'voksenhandicap | klagesager_antal | 2023-Q1 | 10',
			'voksenhandicap | klagesager_antal | 2023-Q2 | 12',
			'voksenhandicap | klagesager_antal | 2023-Q1-Q2 | 22',
			'voksenhandicap | stadfaestet_antal | 2023-Q1 | 6',
			'voksenhandicap | stadfaestet_antal | 2023-Q2 | 9',
			'voksenhandicap | stadfaestet_antal | 2023-Q1-Q2 | 15'
		]);
		expect(quotes(text, 'klagesager')[0]).toBe('Afgjorte sager 10 12 22');
	});

	it('reads a table on across a page footer, and percent cells with and without a space', () => {
		const text = `Punkt 3: Ankestyrelsens afgørelser 2024

Sagsfremstilling

Tabel 1. Afgjorte klagesager på socialområdet 2024 fordelt på paragraf

Paragraf i serviceloven        Afgjort     Omgørelsesprocent
§ 83 Personlig pleje              20             25 %
§ 85 Socialpædagogisk
støtte                            30             40%

Vejle Kommune | Socialudvalget | 12-03-2025 | Side 2

§ 100 Merudgifter                 10             30 %
`;
		expect(facts(text, 'klagesager')).toEqual([
			'serviceloven § 83 | klagesager_antal | 2024 | 20',
			'serviceloven § 83 | omgoerelsespct | 2024 | 25',
			'serviceloven § 85 | klagesager_antal | 2024 | 30',
			'serviceloven § 85 | omgoerelsespct | 2024 | 40',
			'serviceloven § 100 | klagesager_antal | 2024 | 10',
			'serviceloven § 100 | omgoerelsespct | 2024 | 30'
		]);
	});

	it('reads a budget table with metrics as rows, the unit and sign only in the note below', () => {
		const text = `Punkt 6: Budgetopfølgning pr. 31. maj 2025

Sagsfremstilling

Tabel 3. Overblik over driften

                              Voksne         Ældre          Udvalget i alt
Vedtaget budget                 210,0          340,0          550,0
Korrigeret budget               212,0          345,0          557,0
Forventet regnskab              215,0          343,0          558,0
Afvigelse                        ÷3,0            2,0           ÷1,0

Beløb i mio. kr. ÷ = merforbrug.
`;
		const got = facts(text, 'budget');
		expect(got).toContain('Voksne | vedtaget_budget | 2025-05 | 210000000');
		expect(got).toContain('Voksne | afvigelse_korrigeret_budget | 2025-05 | -3000000');
		expect(got).toContain('Ældre | afvigelse_korrigeret_budget | 2025-05 | 2000000');
		expect(got.some((f) => f.includes('| forventet_forbrug | 2025-05 | 558000000'))).toBe(true);
		expect(quotes(text, 'budget')[0]).toBe('Vedtaget budget 210,0 340,0 550,0');
	});

	it('turns the sign when the legend prints merforbrug positive', () => {
		const text = `Punkt 6: Budgetopfølgning pr. 31. maj 2025

Sagsfremstilling

Tabel 1. Drift (1.000 kr.)

                      Korrigeret     Forventet     Forventet
                      budget         forbrug       afvigelse
Voksne                 12.000        12.500           500
Ældre                  20.000        19.000        ÷1.000

+ = merforbrug, ÷ = mindreforbrug
`;
		const got = facts(text, 'budget');
		expect(got).toContain('Voksne | afvigelse_korrigeret_budget | 2025-05 | -500000');
		expect(got).toContain('Ældre | afvigelse_korrigeret_budget | 2025-05 | 1000000');
	});
});

describe('lists', () => {
	it('reads a bullet list of interventions as counts, and leaves a list of other things alone', () => {
		const text = `Punkt 7: Magtanvendelse 1. halvår 2025

Sagsfremstilling

I første halvår er der indberettet 30 episoder. De fordeler sig således:

• Fastholdelse: 21
• Føring til andet rum: 6
• Personlig alarm: 3

Tilbuddet har ansat nye medarbejdere. Fordelingen af personalet:

• Pædagoger: 14
• Medhjælpere: 9
`;
		expect(facts(text, 'magtanvendelse')).toEqual([
			'fastholdelse | magtanvendelser_indberettet | 2025-H1 | 21',
			'føring til andet rum | magtanvendelser_indberettet | 2025-H1 | 6',
			'personlig alarm | magtanvendelser_indberettet | 2025-H1 | 3'
		]);
		expect(quotes(text, 'magtanvendelse')[0]).toBe('• Fastholdelse: 21');
	});
});

describe('klagesager tables', () => {
	it('reads years as rows, and one metric column dated in its header across municipalities', () => {
		const text = `Punkt 3: Klagesager fra Ankestyrelsen

Sagsfremstilling

Tabel 1. Udvikling i omgørelsesprocenten på socialområdet

År        Afgjorte sager     Heraf omgjort     Omgjort i pct.
2022          120                 36                30
2023          110                 33                30

Tabel 2. Omgørelsesprocent på socialområdet, sammenlignelige kommuner

Kommune              Omgørelsesprocent 2023
Vejle                        30
Horsens                      35
Landsgennemsnit              38
`;
		expect(facts(text, 'klagesager')).toEqual([
			'socialområdet | klagesager_antal | 2022 | 120',
			'socialområdet | omgjort_antal | 2022 | 36',
			'socialområdet | omgoerelsespct | 2022 | 30',
			'socialområdet | klagesager_antal | 2023 | 110',
			'socialområdet | omgjort_antal | 2023 | 33',
			'socialområdet | omgoerelsespct | 2023 | 30',
			'socialområdet | omgoerelsespct | 2023 | 30',
			'socialområdet | omgoerelsespct | 2023 | 35',
			'socialområdet | omgoerelsespct | 2023 | 38'
		]);
		const entities = extractDocument(text, meta)
			.facts.filter((f) => f.rule === 'klagesager.tabel.omgoerelsespct')
			.map((f) => f.entity);
		expect(entities).toEqual(['Vejle', 'Vejle', 'Vejle', 'Horsens', 'Landsgennemsnit']);
	});
});

describe('axis concepts (the lexicon examples are its tests)', () => {
	for (const c of MAGTANVENDELSE_CONCEPTS) {
		it(`${c.concept}: ${c.examples.join(' / ')}`, () => {
			for (const e of c.examples) expect(conceptOf(MAGTANVENDELSE_CONCEPTS, e)).toBe(c.concept);
			for (const e of c.notExamples ?? []) expect(conceptOf(MAGTANVENDELSE_CONCEPTS, e)).not.toBe(c.concept);
		});
	}
});
