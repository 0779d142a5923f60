import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { assignFactIds, factId } from '../../src/lib/extract/ids';
import { valueProblem } from '../../src/lib/extract/validate';
import type { Fact } from '../../src/lib/extract/types';

const meta = { doc_id: 'x', file_name: 'x.txt', municipality: 'Odder', committee: 'Socialudvalget', meeting_date: '2025-01-10' };

describe('values are validated where facts are made', () => {
	it('drops a figure that is not a finite number, with a reason, and keeps the rest of the file', () => {
		const text = [
			'Punkt 1: Klagesager 2024',
			'',
			`Ankestyrelsen har i 2024 behandlet ${'9'.repeat(310)} klagesager fra borgere i Odder Kommune.`,
			'',
			'Ankestyrelsen har i 2024 behandlet 90 klagesager på socialområdet fra borgere i Odder Kommune. Omgørelsesprocenten var -0 pct.'
		].join('\n');
		const ex = extractDocument(text, meta);
		expect(ex.facts.every((f) => Number.isFinite(f.value))).toBe(true);
		expect(ex.facts.some((f) => f.metric === 'klagesager_antal' && f.value === 90)).toBe(true);
		expect(ex.dropped?.some((d) => d.value === Infinity && d.stage === 'plausibility' && /endeligt tal/.test(d.reason))).toBe(true);
		expect(ex.facts.every((f) => !Object.is(f.value, -0))).toBe(true);
	});

	it('knows a year outside 1900-2099 and a period of no known form', () => {
		expect(valueProblem(12, '2024')).toBeNull();
		expect(valueProblem(12, '2024-Q1-Q3')).toBeNull();
		expect(valueProblem(12, '2026-2029')).toBeNull();
		expect(valueProblem(12, '2025-06')).toBeNull();
		expect(valueProblem(12, '1850')).toMatch(/uden for 1900-2099/);
		expect(valueProblem(12, '2024-2150')).toMatch(/2150/);
		expect(valueProblem(12, 'NaN')).toMatch(/kendt form/);
		expect(valueProblem(29.7, '2025', 'antal')).toMatch(/helt tal, ikke 29,7/);
		expect(valueProblem(29.7, '2025', 'pct')).toBeNull();
		expect(valueProblem(NaN, '2024')).toMatch(/endeligt tal/);
	});
});

describe('fact ids', () => {
	const base: Fact = {
		fact_id: '', doc_id: 'd', item_no: 3, item_title: 'Klagesager', case_no: null, committee: null, meeting_date: null,
		family: 'klagesager', metric: 'klagesager_antal', entity: 'Odder', area: 'socialområdet', period: '2024', year: 2024,
		value: 90, unit: 'antal', quote: 'q', char_start: 10, char_end: 60, check: 'ok', check_note: null, rule: 'klagesager.antal'
	};

	it('depend on the fact, never on the rule that read it', () => {
		expect(factId({ ...base })).toBe(factId({ ...base, rule: 'a.new.rule' } as Fact));
		for (const change of [{ value: 91 }, { area: 'voksenhandicap' }, { period: '2023' }, { entity: 'Landsgennemsnit' }, { metric: 'omgjort_antal' }, { char_start: 11 }, { item_no: 4 }, { doc_id: 'e' }]) {
			expect(factId({ ...base, ...change }), JSON.stringify(change)).not.toBe(factId(base));
		}
		expect(factId({ ...base, value: -0 })).toBe(factId({ ...base, value: 0 }));
	});

	it('tell true duplicates apart by their occurrence, and are the same on every run', () => {
		const facts = [{ ...base }, { ...base, rule: 'other' }, { ...base, value: 56 }];
		assignFactIds(facts);
		expect(new Set(facts.map((f) => f.fact_id)).size).toBe(3);
		expect(facts[0].fact_id).toBe(factId(base));
		const again = [{ ...base }, { ...base }, { ...base, value: 56 }];
		assignFactIds(again);
		expect(again.map((f) => f.fact_id)).toEqual(facts.map((f) => f.fact_id));
	});

	it('are unique and stable across runs on the seeds', () => {
		const manifest = JSON.parse(readFileSync('seeds/manifest.json', 'utf8'));
		const file = '001_693366c4a187ea27.txt';
		const text = readFileSync(`seeds/${file}`, 'utf8');
		const run = () => extractDocument(text, { doc_id: 'seed', file_name: file, ...manifest[file] }).facts.map((f) => f.fact_id);
		const ids = run();
		expect(new Set(ids).size).toBe(ids.length);
		expect(run()).toEqual(ids);
		expect(ids.every((id) => /^[0-9a-f]{16}$/.test(id))).toBe(true);
	});
});
