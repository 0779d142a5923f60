/**
 * A comparison's period stays with the comparison: "39, hvor den året før lå på 35" gives the
 * year before to 35 only, and the next sentence goes on in the text's own year. Laws cited by
 * their abbreviation ("SEL § 83") are laws.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';

const item = (title: string, body: string) => `Punkt 2: ${title}\n\nSagsnr. 27.24.00-K09-1-25\n\nSagsfremstilling\n\n${body}\n`;

function read(title: string, body: string): string[] {
	const { facts } = extractDocument(item(title, body), { doc_id: 'x', file_name: 'x.txt', municipality: 'Vejle', meeting_date: '2025-04-08' });
	return facts.filter((f) => f.family === 'klagesager').map((f) => `${f.metric} | ${f.entity} | ${f.area} | ${f.period} | ${f.value}`).sort();
}

describe('comparisons and abbreviated laws', () => {
	it('keeps "året før" with the comparison and the text year for what follows', () => {
		const facts = read(
			'Ankestyrelsens Danmarkskort 2024',
			'Ankestyrelsen afgjorde i 2024 140 klagesager fra Vejle Kommune på socialområdet (2023: 131). Omgørelsesprocenten blev 31, hvor den året før var 34. Landsgennemsnittet var 36 procent.'
		);
		expect(facts).toContain('omgoerelsespct | Vejle | socialområdet | 2024 | 31');
		expect(facts).toContain('omgoerelsespct | Vejle | socialområdet | 2023 | 34');
		expect(facts).toContain('omgoerelsespct | Landsgennemsnit | socialområdet | 2024 | 36');
		expect(facts.filter((f) => /\| 2023 \| (?:31|36)$/.test(f))).toEqual([]);
	});

	it('reads "SEL § 85" in a table row as serviceloven § 85', () => {
		const body = [
			'Tabel 1. Afgjorte sager 2024',
			'',
			'                              Afgjorte   Stadfæstet   Ændret   Hjemvist',
			'SEL § 85 Bostøtte                 27          18          5         4',
			'SEL § 107 Midlertidigt ophold     11           8          1         2'
		].join('\n');
		const facts = read('Klagesager 2024', body);
		expect(facts).toContain('klagesager_antal | Vejle | serviceloven § 85 | 2024 | 27');
		expect(facts).toContain('hjemvist_antal | Vejle | serviceloven § 107 | 2024 | 2');
	});

	it('gives each year the heading that spans it: "Afgjorte sager" over "2023  2024"', () => {
		const body = [
			'Tabel 1. Afgjorte sager og omgørelsesprocent fordelt på bestemmelse',
			'',
			'                                   Afgjorte sager       Omgørelsesprocent',
			'Bestemmelse                        2023      2024       2023        2024',
			'Serviceloven § 85 (bostøtte)         19        23       31,6 %      34,8 %',
			'Serviceloven § 107 (ophold)          10         9       20,0 %      22,2 %'
		].join('\n');
		const facts = read('Klagesager 2023-2024', body);
		expect(facts).toContain('klagesager_antal | Vejle | serviceloven § 85 | 2023 | 19');
		expect(facts).toContain('klagesager_antal | Vejle | serviceloven § 85 | 2024 | 23');
		expect(facts).toContain('omgoerelsespct | Vejle | serviceloven § 107 | 2024 | 22.2');
		expect(facts.filter((f) => /\| (?:2023|2024) \| (?:2023|2024)$/.test(f))).toEqual([]);
	});

	it('gives "henholdsvis" figures to the names in their order, and a relative clause\'s figure to the noun before it', () => {
		const facts = read(
			'Ankestyrelsens Danmarkskort 2024',
			'Omgørelsesprocenten for Vejle Kommune på socialområdet var 33 i 2024. Vejle ligger under landsgennemsnittet på 36 procent, som var 37 i 2023. Blandt nabokommunerne havde Kolding og Fredericia en omgørelsesprocent på henholdsvis 39 og 31.'
		);
		expect(facts).toContain('omgoerelsespct | Landsgennemsnit | socialområdet | 2023 | 37');
		expect(facts).toContain('omgoerelsespct | Kolding | socialområdet | 2024 | 39');
		expect(facts).toContain('omgoerelsespct | Fredericia | socialområdet | 2024 | 31');
		expect(facts.filter((f) => /\| Vejle \|/.test(f))).toEqual(['omgoerelsespct | Vejle | socialområdet | 2024 | 33']);
	});
});
