import { describe, expect, it } from 'vitest';
import { findAreas } from '../../src/lib/extract/areas';
import { splitSentences } from '../../src/lib/extract/layout';

// A PDF export can leave long runs of one character (a dotted leader line, a row of §); reading them must stay linear.
describe('long runs of one character', () => {
	it('splits sentences around 40,000 stops in well under a second', () => {
		const text = `Budgettet holder${'.'.repeat(40000)} Merforbruget er 2 mio. kr.`;
		const started = performance.now();
		const sentences = splitSentences(text, 0, text.length);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(sentences.map((s) => s.text)).toEqual([`Budgettet holder${'.'.repeat(40000)}`, 'Merforbruget er 2 mio. kr.']);
	});
	it('reads areas next to 40,000 § in well under a second', () => {
		const text = `Serviceloven ${'§'.repeat(40000)} og § 85`;
		const started = performance.now();
		findAreas(text);
		expect(performance.now() - started).toBeLessThan(1000);
	});
});
