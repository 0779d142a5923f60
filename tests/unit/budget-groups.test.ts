import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract';

const facts = (text: string) =>
	extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Randers' })
		.facts.filter((f) => f.family === 'budget')
		.map((f) => `${f.metric} | ${f.area} | ${f.period} | ${f.value}${f.check === 'inconsistent' ? ' !' : ''}`);

describe('a budget table in groups, and the follow-up dated a few words after its name', () => {
	const text = `Punkt 2: BO3 2024 – budgetopfølgning for Socialudvalget

Resumé

BO3 er årets tredje budgetopfølgning og er opgjort pr. 30. september 2024.

Tabel 1. BO3 2024 – drift, Socialudvalget

                          Opr.       Korr.      Forv.       Afv. ift.
                          budget     budget     regnskab    korr. budget
Myndighed
Botilbud                  96.412     98.630     101.954     ÷3.324
Bostøtte                  41.207     41.955     40.612      1.343
I alt myndighed           137.619    140.585    142.566     ÷1.981
Udfører
Bofællesskaber            52.380     53.104     52.770      334
Værested                   9.815     10.020      9.690      330
I alt udfører             62.195     63.124     62.460      664
I alt                     199.814    203.709    205.026     ÷1.317

Note: Beløb i 1.000 kr. ÷ angiver merforbrug.
`;

	it('takes the group name out of the first row, gives the subtotal the group as area, and dates every cell 2024-09', () => {
		const got = facts(text);
		expect(got).toContain('vedtaget_budget | Bofællesskaber | 2024-09 | 52380000');
		expect(got).toContain('vedtaget_budget | Botilbud | 2024-09 | 96412000');
		expect(got).toContain('vedtaget_budget | Myndighed | 2024-09 | 137619000');
		expect(got).toContain('afvigelse_korrigeret_budget | Udfører | 2024-09 | 664000');
		expect(got).toContain('vedtaget_budget | Socialudvalget | 2024-09 | 199814000');
		expect(got.filter((f) => f.endsWith('!'))).toEqual([]);
	});
});
