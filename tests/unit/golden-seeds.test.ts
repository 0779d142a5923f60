/**
 * Golden test: the seeds' key figures, written by hand from the texts
 * (tests/golden/seeds-expected.jsonl, in the evaluate format; `evidence` is the start of the sentence),
 * compared field by field with what the extractor produces.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument, KEY_FAMILIES, type Fact } from '../../src/lib/extract/index';
import { checkMarkProblems, runChecks } from '../../src/lib/evaluate/consistency';
import { parseExpected, type ExpectedFact } from '../../src/lib/evaluate/expected';

const manifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8'));
const golden = parseExpected(readFileSync('tests/golden/seeds-expected.jsonl', 'utf8'));
const expected = golden.facts;
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const key = (f: Pick<ExpectedFact, 'item_no' | 'metric' | 'entity' | 'area' | 'period' | 'value' | 'unit'>) =>
	`Punkt ${f.item_no}: ${f.metric} = ${f.value} ${f.unit} | ${f.entity} | ${f.area} | ${f.period}`;

describe('seeds: key figures against hand-written expectations', () => {
	it('the expectations follow the data contract and name item and evidence', () => {
		expect(golden.problems).toEqual([]);
		expect(expected.filter((e) => e.item_no === undefined || e.evidence === undefined).map((e) => e.line)).toEqual([]);
	});

	it('the expectations are arithmetically what they claim: exactly the facts of a failing check are marked inconsistent', () => {
		const texts = new Map(readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(`seeds/${f}`, 'utf8')]));
		expect(checkMarkProblems(expected, runChecks(expected, texts))).toEqual([]);
	});

	for (const file of readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()) {
		it(file, () => {
			const text = readFileSync(`seeds/${file}`, 'utf8');
			const { facts } = extractDocument(text, { doc_id: file.replace(/\.txt$/, ''), file_name: file, ...manifest[file] });
			const got = facts.filter((f) => (KEY_FAMILIES as string[]).includes(f.family));
			const want = expected.filter((e) => e.file === file);
			const unmatched = [...got];
			const missing: string[] = [];
			for (const e of want) {
				const i = unmatched.findIndex((f) => key(f) === key(e) && fold(f.quote).startsWith(e.evidence!.slice(0, 60).trim()));
				if (i < 0) {
					missing.push(`${key(e)}  «${e.evidence}»`);
					continue;
				}
				const [f] = unmatched.splice(i, 1);
				expect(f.check === 'inconsistent', `check of ${key(e)}`).toBe(e.check === 'inconsistent');
			}
			const extra = unmatched.map((f: Fact) => `${key(f)}  «${fold(f.quote).slice(0, 70)}»`);
			expect({ missing, extra }).toEqual({ missing: [], extra: [] });
		});
	}

	it('every quote is the exact text at its offsets', () => {
		for (const file of readdirSync('seeds').filter((f) => f.endsWith('.txt'))) {
			const text = readFileSync(`seeds/${file}`, 'utf8');
			const { facts, items } = extractDocument(text, { doc_id: file, file_name: file, ...manifest[file] });
			for (const f of facts) expect(text.slice(f.char_start, f.char_end)).toBe(f.quote);
			for (const it of items) expect(text.slice(it.char_start, it.char_end)).toBe(it.text);
		}
	});

	it('flags the 90 cases of which 56 + 5 + 38 = 99 and names the likely typo', () => {
		const file = '001_693366c4a187ea27.txt';
		const { facts } = extractDocument(readFileSync(`seeds/${file}`, 'utf8'), { doc_id: 'x', file_name: file, ...manifest[file] });
		const total = facts.find((f) => f.metric === 'klagesager_antal' && f.area === 'socialområdet')!;
		expect(total.check).toBe('inconsistent');
		expect(total.check_note).toContain('56 + ændret 5 + hjemvist 38 = 99');
		expect(total.check_note).toContain('Sandsynlig fejl: stadfæstet 56');
		const omg = facts.find((f) => f.metric === 'omgoerelsespct' && f.area === 'socialområdet' && f.entity === 'Gladsaxe')!;
		expect(omg.check).toBe('ok');
	});
});
