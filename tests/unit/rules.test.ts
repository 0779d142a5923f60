/** Every rule's examples double as its test: wrapped in a minimal item, they must yield exactly their facts. */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { KLAGESAGER_EXAMPLES } from '../../src/lib/extract/klagesager';
import { MAGTANVENDELSE_RULES } from '../../src/lib/extract/magtanvendelse';
import { INTERVENTIONS } from '../../src/lib/extract/magtanvendelse-lexicon';

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const wrap: Record<string, (s: string) => string> = {
	klagesager: (s) => `Punkt 1: Afrapportering af klagesager for 2024\n\n24-1-27.00.00-A00\n\nKlagesager på Socialudvalgets område\n\n${sentence(s)}\n`,
	magtanvendelse: (s) => `Punkt 1: Magtanvendelse årsafrapportering 2024\n\n25-8-27.00.00-A26\n\nResumé\n\n${sentence(s)}\n`
};

const klagesagerExamples = KLAGESAGER_EXAMPLES.map(([text, facts]) => ({ rule: 'klagesager', text, facts }));
const magtExamples = [
	...MAGTANVENDELSE_RULES.flatMap((r) => r.examples.map((e) => ({ rule: r.name, ...e }))),
	...INTERVENTIONS.flatMap((k) => k.examples.map((e) => ({ rule: k.area, ...e })))
];

describe.each([
	['klagesager', klagesagerExamples],
	['magtanvendelse', magtExamples]
] as const)('%s examples', (family, examples) => {
	it('have examples', () => expect(examples.length).toBeGreaterThan(3));
	for (const ex of examples)
		it(`${ex.rule}: ${ex.text}`, () => {
			const { facts } = extractDocument(wrap[family](ex.text), { doc_id: 'x', file_name: 'x.txt', municipality: 'Odder', meeting_date: '2025-03-05' });
			// "metric=value@area" where the example says which area the figure is of.
			const withArea = ex.facts.some((f) => f.includes('@'));
			const got = facts.filter((f) => f.family === family).map((f) => `${f.metric}=${f.value}${withArea ? `@${f.area}` : ''}`);
			expect(got.sort()).toEqual([...ex.facts].sort());
		});
});
