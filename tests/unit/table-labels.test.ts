import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract';
import { labelRoles } from '../../src/lib/extract/klagesager-tables';

describe('a table row label that names the area and whose figure it is', () => {
	it.each([
		['Voksenhandicap – hele landet', 'Landsgennemsnit', 'Voksenhandicap'],
		['Socialområdet i alt – Landsgennemsnit', 'Landsgennemsnit', 'Socialområdet i alt'],
		['Børnehandicap (Aarhus Kommune)', 'Aarhus', 'Børnehandicap'],
		['Voksenhandicap', null, 'Voksenhandicap'],
		['§ 85 – socialpædagogisk støtte', null, '§ 85 – socialpædagogisk støtte']
	])('%s', (label, entity, rest) => {
		expect(labelRoles(label)).toEqual({ entity, rest });
	});

	it('books a national row to Landsgennemsnit, not to the municipality whose minutes these are', () => {
		const text = `Punkt 3: Danmarkskort 2024

Tabel 1. Omgørelsesprocent 2022-2024
                                   2022    2023    2024
Voksenhandicap – Randers             39      41      44
Voksenhandicap – hele landet         35      38      37
`;
		const facts = extractDocument(text, { doc_id: 'r', file_name: 'r.txt', municipality: 'Randers' }).facts.filter((f) => f.metric === 'omgoerelsespct');
		const national = facts.filter((f) => f.entity === 'Landsgennemsnit').map((f) => `${f.period} ${f.value}`);
		const own = facts.filter((f) => f.entity === 'Randers').map((f) => `${f.period} ${f.value}`);
		expect(national).toEqual(['2022 35', '2023 38', '2024 37']);
		expect(own).toEqual(['2022 39', '2023 41', '2024 44']);
		expect(facts.every((f) => f.area === 'voksenhandicap')).toBe(true);
	});
});
