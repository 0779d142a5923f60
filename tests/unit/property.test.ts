/** Randomly mutated minutes: the extractor never crashes or hangs, and every quote is the text at its offsets. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';

const seeds = ['000_153b288ad633efca', '001_693366c4a187ea27', '004_622c9542dd12e8ae'].map((f) => readFileSync(`seeds/${f}.txt`, 'utf8'));
const noise = fc.constantFrom('\n', '\n\n\n', ' ', '\t', '-', '−', '.', ',', '(', ')', '§', '%', 'kr.', 'mio.', 'pct.', '1.000', '46,0', 'Punkt 3:', 'I alt', '<script>', 'ø', '\u00ad', '\r\n', '12');

const mutation = fc.record({
	seed: fc.integer({ min: 0, max: seeds.length - 1 }),
	edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.integer({ min: 0, max: 40 }), insert: fc.array(noise, { maxLength: 4 }) }), { maxLength: 25 })
});

function apply(text: string, edits: { at: number; cut: number; insert: string[] }[]): string {
	let t = text;
	for (const e of edits) {
		const i = Math.floor(e.at * t.length);
		t = t.slice(0, i) + e.insert.join('') + t.slice(i + e.cut);
	}
	return t;
}

describe('extraction on mutated minutes', () => {
	it('never throws, stays fast, and keeps quote === text.slice(char_start, char_end)', () => {
		fc.assert(
			fc.property(mutation, ({ seed, edits }) => {
				const text = apply(seeds[seed], edits);
				const started = performance.now();
				const { facts, items } = extractDocument(text, { doc_id: 'm', file_name: 'm.txt', municipality: 'Gladsaxe', meeting_date: '2025-01-01' });
				expect(performance.now() - started).toBeLessThan(5000);
				for (const f of facts) {
					expect(text.slice(f.char_start, f.char_end)).toBe(f.quote);
					expect(Number.isFinite(f.value)).toBe(true);
					expect(f.period).toMatch(/^(?:19|20)\d{2}/);
				}
				for (const it of items) expect(text.slice(it.char_start, it.char_end)).toBe(it.text);
			}),
			{ numRuns: 60, seed: 20261123 }
		);
	});

	it('survives a single 1 MB line and a text with nothing in it', () => {
		const line = 'Der er 12 sager og 4,5 mio. kr. i 2024, '.repeat(26000);
		const started = performance.now();
		const r = extractDocument(`Punkt 1: Lang linje\n\n${line}`, { doc_id: 'l', file_name: 'l.txt', municipality: 'Gladsaxe' });
		expect(performance.now() - started).toBeLessThan(20000);
		expect(r.items).toHaveLength(1);
		expect(extractDocument('   \n\n', { doc_id: 'e', file_name: 'e.txt' }).items).toHaveLength(0);
	});
});

describe('fact ids', () => {
	it('are unique when one sentence states the same figure twice', () => {
		const text = 'Punkt 1: Tilskud til frivilligt socialt arbejde 2023\n\n24/1\n\n34 foreninger søgte om støtte i 2023, hvoraf 34 foreninger modtog støtte.\n';
		const { facts } = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Odder' });
		expect(facts.length).toBe(2);
		expect(new Set(facts.map((f) => f.fact_id)).size).toBe(2);
	});
});
