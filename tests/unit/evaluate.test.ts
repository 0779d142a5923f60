import { describe, expect, it } from 'vitest';
import {
	checkMarkProblems,
	crossFileConflicts,
	explainMiss,
	figureIn,
	formatReport,
	granularity,
	isCanonicalPeriod,
	parseExpected,
	ruleStats,
	runChecks,
	scoreFacts,
	thresholdFailures,
	validateCorpus,
	type ExpectedFact,
	type FileTrace,
	type PredictedFact
} from '../../src/lib/evaluate/index';
import type { Item } from '../../src/lib/extract/types';

const exp = (over: Partial<ExpectedFact> & Pick<ExpectedFact, 'metric' | 'value'>, line = 1): ExpectedFact => ({
	file: 'a.txt',
	family: 'klagesager',
	entity: 'Odder',
	area: 'socialområdet',
	period: '2023',
	unit: 'antal',
	line,
	...over
});

const pred = (over: Partial<PredictedFact> & Pick<PredictedFact, 'metric' | 'value'>): PredictedFact => ({
	file: 'a.txt',
	family: 'klagesager',
	entity: 'Odder',
	area: 'socialområdet',
	period: '2023',
	unit: 'antal',
	quote: 'Ankestyrelsen traf i 2023 afgørelse i 57 sager.',
	rule: 'r1',
	check: 'ok',
	check_note: null,
	item_no: 1,
	...over
});

describe('parseExpected', () => {
	it('reads facts and keeps their line numbers', () => {
		const jsonl = [
			'{"file":"k/1.txt","family":"klagesager","metric":"klagesager_antal","entity":"Odder","area":"socialområdet","period":"2023","value":57,"unit":"antal"}',
			'',
			'{"file":"k/1.txt","family":"budget","metric":"afvigelse_korrigeret_budget","entity":"Odder","area":"Socialudvalget","period":"2025-05","value":-7200000,"unit":"kr","note":"merforbrug","check":"inconsistent"}'
		].join('\n');
		const { facts, problems } = parseExpected(jsonl);
		expect(problems).toEqual([]);
		expect(facts.map((f) => [f.line, f.metric, f.value])).toEqual([
			[1, 'klagesager_antal', 57],
			[3, 'afvigelse_korrigeret_budget', -7200000]
		]);
		expect(facts[1].check).toBe('inconsistent');
	});

	it('names what is wrong with a line and skips it', () => {
		const lines = [
			'{"file":"a.txt","family":"klagesager","metric":"klagesager_pct","entity":"Odder","area":"x","period":"2023","value":1,"unit":"pct"}',
			'{"file":"a.txt","family":"budget","metric":"vedtaget_budget","entity":"Odder Kommune","area":"x","period":"Q3 2024","value":"12","unit":"mio"}',
			'{"file":"a.txt","family":"klagesager","metric":"stadfaestet_pct","entity":"Odder","area":"x","period":"2023","value":52,"unit":"antal","entiy":"x"}',
			'not json'
		];
		const { facts, problems } = parseExpected(lines.join('\n'));
		expect(facts).toEqual([]);
		const text = problems.map((p) => `${p.line}: ${p.message}`).join('\n');
		expect(text).toContain("1: metric 'klagesager_pct' is not in the klagesager vocabulary");
		expect(text).toContain('2: value must be a finite number');
		expect(text).toContain("2: unit 'mio' is not pct, kr or antal");
		expect(text).toContain("2: period 'Q3 2024' is not canonical");
		expect(text).toContain('2: entity \'Odder Kommune\' must name the municipality without "Kommune"');
		expect(text).toContain("3: unknown field 'entiy'");
		expect(text).toContain("3: unit 'antal' does not fit stadfaestet_pct (pct)");
		expect(text).toContain('4: not valid JSON');
	});

	it('knows the canonical periods', () => {
		for (const p of ['2023', '2024-Q3', '2024-Q1-Q3', '2024-H1', '2026-2029', '2025-05']) expect(isCanonicalPeriod(p), p).toBe(true);
		for (const p of ['23', '2024-Q5', '2024-Q3-Q1', '2024-H3', '2029-2026', '2025-13', '2025-5', '3. kvartal 2024']) expect(isCanonicalPeriod(p), p).toBe(false);
	});
});

describe('scoreFacts', () => {
	it('counts a fact read in two places once and scores strict precision and recall', () => {
		const expected = [exp({ metric: 'klagesager_antal', value: 57 }), exp({ metric: 'stadfaestet_antal', value: 38 }, 2)];
		const predicted = [
			pred({ metric: 'klagesager_antal', value: 57 }),
			pred({ metric: 'klagesager_antal', value: 57, quote: 'gentaget i Baggrund' }),
			pred({ metric: 'aendret_antal', value: 7 })
		];
		const [k] = scoreFacts(expected, predicted, ['klagesager']).families;
		expect(k).toMatchObject({ expected: 2, predicted: 2, predictedRaw: 3, truePositives: 1, precision: 0.5, recall: 0.5 });
		expect(k.misses.map((m) => m.expected.metric)).toEqual(['stadfaestet_antal']);
		expect(k.falsePositives.map((f) => f.predicted.metric)).toEqual(['aendret_antal']);
	});

	it('matches values within one part in a million, and no looser', () => {
		const expected = [exp({ family: 'budget', metric: 'vedtaget_budget', unit: 'kr', area: 'Socialudvalget', value: 324500000 })];
		const close = scoreFacts(expected, [pred({ family: 'budget', metric: 'vedtaget_budget', unit: 'kr', area: 'Socialudvalget', value: 324500000.0001 })]);
		expect(close.families.find((f) => f.family === 'budget')!.truePositives).toBe(1);
		const off = scoreFacts(expected, [pred({ family: 'budget', metric: 'vedtaget_budget', unit: 'kr', area: 'Socialudvalget', value: 324600000 })]);
		expect(off.families.find((f) => f.family === 'budget')!.truePositives).toBe(0);
	});

	it('gives a lenient score that ignores area, and the area accuracy', () => {
		const expected = [exp({ metric: 'klagesager_antal', value: 57 }), exp({ metric: 'omgoerelsespct', unit: 'pct', value: 33 }, 2)];
		const predicted = [pred({ metric: 'klagesager_antal', value: 57 }), pred({ metric: 'omgoerelsespct', unit: 'pct', value: 33, area: 'serviceloven' })];
		const [k] = scoreFacts(expected, predicted, ['klagesager']).families;
		expect(k.truePositives).toBe(1);
		expect(k.lenient).toEqual({ truePositives: 2, precision: 1, recall: 1 });
		expect(k.areaAccuracy).toBe(0.5);
		expect(k.misses[0].areaPartner?.area).toBe('serviceloven');
		expect(k.falsePositives[0].areaPartner?.area).toBe('socialområdet');
	});

	it('prefers the exact area when two expected facts differ only by area', () => {
		const expected = [exp({ metric: 'klagesager_antal', value: 9, area: 'voksenhandicap' }), exp({ metric: 'klagesager_antal', value: 9, area: 'socialområdet' }, 2)];
		const predicted = [pred({ metric: 'klagesager_antal', value: 9, area: 'socialområdet' })];
		const [k] = scoreFacts(expected, predicted, ['klagesager']).families;
		expect(k.truePositives).toBe(1);
		expect(k.misses.map((m) => m.expected.area)).toEqual(['voksenhandicap']);
	});

	it('points a miss at the nearest wrong prediction', () => {
		const [k] = scoreFacts([exp({ metric: 'klagesager_antal', value: 57 })], [pred({ metric: 'klagesager_antal', value: 58, period: '2024' })], ['klagesager']).families;
		expect(k.misses[0].near?.differs).toEqual(['period', 'value']);
	});

	it('scores only the key families, and files by their own key', () => {
		const expected = [exp({ metric: 'klagesager_antal', value: 57 })];
		const predicted = [
			pred({ metric: 'klagesager_antal', value: 57, file: 'b.txt' }),
			pred({ family: 'antal', metric: 'medarbejdere_antal', value: 12 })
		];
		const score = scoreFacts(expected, predicted);
		const k = score.families.find((f) => f.family === 'klagesager')!;
		expect(k.truePositives).toBe(0);
		expect(score.families.map((f) => f.family)).toEqual(['klagesager', 'budget', 'magtanvendelse']);
		expect(score.falsePositivesByFolder).toEqual({ '.': 1 });
	});

	it('counts false positives per top-level folder, so traps show', () => {
		const predicted = [pred({ metric: 'klagesager_antal', value: 12, file: 'traps/001.txt' }), pred({ metric: 'klagesager_antal', value: 4, file: 'traps/002.txt' })];
		expect(scoreFacts([], predicted).falsePositivesByFolder).toEqual({ traps: 2 });
	});

	it('scores the inconsistent marks separately', () => {
		const expected = [
			exp({ metric: 'klagesager_antal', value: 64, check: 'inconsistent' }),
			exp({ metric: 'hjemvist_antal', value: 16, check: 'inconsistent' }, 2),
			exp({ metric: 'stadfaestet_pct', unit: 'pct', value: 64 }, 3),
			exp({ metric: 'aendret_antal', value: 9, check: 'inconsistent' }, 4)
		];
		const predicted = [
			pred({ metric: 'klagesager_antal', value: 64, check: 'inconsistent' }),
			pred({ metric: 'hjemvist_antal', value: 16, check: 'ok' }),
			pred({ metric: 'stadfaestet_pct', unit: 'pct', value: 64, check: 'inconsistent', check_note: 'forkert' })
		];
		const [k] = scoreFacts(expected, predicted, ['klagesager']).families;
		expect(k.checks.expectedFlags).toBe(2);
		expect(k.checks.caught).toBe(1);
		expect(k.checks.unmatchedFlags).toBe(1);
		expect(k.checks.falseAlarms.map((a) => a.expected.metric)).toEqual(['stadfaestet_pct']);
	});

	it('reports precision 1 when nothing is predicted and recall 1 when nothing is expected', () => {
		const [k] = scoreFacts([], [], ['klagesager']).families;
		expect([k.precision, k.recall, k.areaAccuracy]).toEqual([1, 1, null]);
	});
});

describe('ruleStats', () => {
	it('counts facts per rule, right and wrong, and lists dead rules', () => {
		const expected = [exp({ metric: 'klagesager_antal', value: 57 })];
		const predicted = [
			pred({ metric: 'klagesager_antal', value: 57, rule: 'antal' }),
			pred({ metric: 'klagesager_antal', value: 57, rule: 'antal' }),
			pred({ metric: 'aendret_antal', value: 2, rule: 'udfald' }),
			pred({ family: 'beloeb', metric: 'pulje', value: 8, rule: 'beloeb' })
		];
		expect(ruleStats(predicted, expected, ['dead'])).toEqual([
			{ rule: 'antal', families: ['klagesager'], facts: 2, correct: 2, wrong: 0, unscored: 0 },
			{ rule: 'beloeb', families: ['beloeb'], facts: 1, correct: 0, wrong: 0, unscored: 1 },
			{ rule: 'udfald', families: ['klagesager'], facts: 1, correct: 0, wrong: 1, unscored: 0 },
			{ rule: 'dead', families: [], facts: 0, correct: 0, wrong: 0, unscored: 0 }
		]);
	});

	it('counts facts of families left out of the scoring as unscored, not wrong', () => {
		const [s] = ruleStats([pred({ metric: 'aendret_antal', value: 2, rule: 'udfald' })], [], [], ['budget']);
		expect(s).toMatchObject({ rule: 'udfald', wrong: 0, unscored: 1 });
	});
});

describe('formatReport and thresholds', () => {
	const expected = [exp({ metric: 'klagesager_antal', value: 57, evidence: 'afgørelse i 57 sager' }), exp({ metric: 'stadfaestet_antal', value: 38 }, 2)];
	const predicted = [pred({ metric: 'klagesager_antal', value: 57 }), pred({ metric: 'aendret_antal', value: 7, quote: 'I 7\nsager ændrede Ankestyrelsen' })];
	const score = scoreFacts(expected, predicted);

	it('prints the per-family table, the misses and the false positives with their quotes on one line', () => {
		const text = formatReport(score, {
			title: 'Evaluation of x',
			rules: ruleStats(predicted, expected),
			negatives: [{ file: 'a.txt', evidence: 'I 7 sager', note: 'et eksempel' }]
		});
		expect(text).toMatch(/^klagesager\s+2\s+2\s+1\s+50\.0%\s+50\.0%/m);
		expect(text).toContain('── klagesager: 1 missed ──');
		expect(text).toContain('  - stadfaestet_antal = 38 antal | Odder | socialområdet | 2023   [expected.jsonl:2]');
		expect(text).toContain('  + aendret_antal = 7 antal | Odder | socialområdet | 2023   [rule r1, punkt 1]');
		expect(text).toContain('quote: "I 7 sager ændrede Ankestyrelsen"');
		expect(text).toContain('known non-fact: et eksempel');
		expect(text).toMatch(/^r1\s+2\s+1\s+1\s+0\s+klagesager$/m);
	});

	it('limits the listing when asked', () => {
		const text = formatReport(score, { maxListed: 0 });
		expect(text).toContain('… and 1 more');
		expect(text).not.toContain('stadfaestet_antal = 38');
	});

	it('fails a family below the minimum precision or recall', () => {
		expect(thresholdFailures(score, { precision: 0.5, recall: 0.5 })).toEqual([]);
		expect(thresholdFailures(score, { precision: 0.9 })).toEqual(['klagesager: precision 50.0% is below 90.0%']);
		expect(thresholdFailures(score, { recall: 0.75 })).toEqual(['klagesager: recall 50.0% is below 75.0%']);
	});
});

describe('consistency of an answer key', () => {
	it('finds the printed precision of an amount', () => {
		expect([granularity(46_000_000), granularity(7_190_000), granularity(1_341_696), granularity(0)]).toEqual([1_000_000, 10_000, 1, 1]);
	});

	it('passes parts that add up to their whole, within rounding', () => {
		const facts = [
			exp({ metric: 'klagesager_antal', value: 57 }, 1),
			exp({ metric: 'stadfaestet_antal', value: 38 }, 2),
			exp({ metric: 'aendret_antal', value: 7 }, 3),
			exp({ metric: 'hjemvist_antal', value: 12 }, 4),
			exp({ metric: 'stadfaestet_pct', unit: 'pct', value: 67 }, 5),
			exp({ metric: 'omgoerelsespct', unit: 'pct', value: 33 }, 6)
		];
		expect(runChecks(facts)).toEqual([]);
	});

	it('flags every fact in a failing check and wants them marked', () => {
		const facts = [
			exp({ metric: 'klagesager_antal', value: 64, check: 'inconsistent' }, 1),
			exp({ metric: 'stadfaestet_antal', value: 41, check: 'inconsistent' }, 2),
			exp({ metric: 'aendret_antal', value: 9, check: 'inconsistent' }, 3),
			exp({ metric: 'hjemvist_antal', value: 16 }, 4),
			exp({ metric: 'hjemvist_pct', unit: 'pct', value: 22, check: 'inconsistent' }, 5),
			exp({ metric: 'stadfaestet_pct', unit: 'pct', value: 64, check: 'inconsistent' }, 6)
		];
		const failures = runChecks(facts);
		expect(failures.map((f) => f.check).sort()).toEqual(['klagesager-pct', 'klagesager-sum']);
		const problems = checkMarkProblems(facts, failures);
		expect(problems.map((p) => p.line)).toEqual([4, 6]);
		expect(problems[0].message).toContain('41 + aendret_antal=9 + hjemvist_antal=16 = 66, not 64');
		expect(problems[1].message).toBe('marked inconsistent but passes every check it takes part in');
	});

	it('lets parts fall short of the whole when the text speaks of afviste sager', () => {
		const facts = [exp({ metric: 'klagesager_antal', value: 412 }, 1), exp({ metric: 'stadfaestet_antal', value: 291 }, 2), exp({ metric: 'omgjort_antal', value: 113 }, 3)];
		expect(runChecks(facts)).toHaveLength(1);
		expect(runChecks(facts, new Map([['a.txt', 'De resterende 8 sager blev afvist.']]))).toEqual([]);
	});

	it('checks afvigelse against budget minus forventet forbrug, and table totals', () => {
		const b = (metric: string, value: number, line: number, over: Partial<ExpectedFact> = {}) =>
			exp({ family: 'budget', unit: 'kr', area: 'Socialudvalget', period: '2024-Q3', metric, value, ...over }, line);
		const ok = [b('korrigeret_budget', 271_000_000, 1), b('forventet_forbrug', 275_700_000, 2), b('afvigelse_korrigeret_budget', -4_700_000, 3)];
		expect(runChecks(ok)).toEqual([]);
		const prose = b('afvigelse_korrigeret_budget', -4_200_000, 4);
		expect(runChecks([...ok, prose]).map((f) => f.check).sort()).toEqual(['afvigelse', 'same-figure']);

		const table = 'Tabel 1';
		const rows = [
			b('forventet_forbrug', 92_500_000, 5, { area: 'A', table, evidence: 'A 92,5' }),
			b('forventet_forbrug', 140_600_000, 6, { area: 'B', table, evidence: 'B 140,6' }),
			b('forventet_forbrug', 42_600_000, 7, { area: 'Socialudvalget', table, evidence: 'I alt 275,7' })
		];
		expect(runChecks(rows)).toHaveLength(1);
		expect(runChecks([...rows.slice(0, 2), b('forventet_forbrug', 233_100_000, 7, { table, evidence: 'I alt 233,1' })])).toEqual([]);
	});

	it('counts stated afviste sager in the whole', () => {
		const facts = [exp({ metric: 'klagesager_antal', value: 120 }, 1), exp({ metric: 'stadfaestet_antal', value: 80 }, 2), exp({ metric: 'omgjort_antal', value: 32 }, 3)];
		expect(runChecks([...facts, exp({ metric: 'afvist_antal', value: 8 }, 4)])).toEqual([]);
		expect(runChecks([...facts, exp({ metric: 'afvist_antal', value: 5 }, 4)], new Map([['a.txt', '5 sager blev afvist.']]))).toHaveLength(1);
	});

	it('measures the deviation from the serviceramme against the spending inside it, not the drift forbrug', () => {
		const b = (metric: string, value: number, line: number, area = 'Socialudvalget') =>
			exp({ family: 'budget', unit: 'kr', area, period: '2024-09', metric, value }, line);
		const drift = [b('korrigeret_budget', 1_451_900_000, 1), b('forventet_forbrug', 1_465_010_000, 2), b('afvigelse_korrigeret_budget', -13_110_000, 3)];
		const ramme = [b('serviceramme', 1_283_500_000, 4), b('afvigelse_serviceramme', -11_900_000, 5)];
		expect(runChecks([...drift, ...ramme])).toEqual([]);
		expect(runChecks([...drift, ...ramme, b('forventet_forbrug', 1_295_400_000, 6, 'Socialudvalget, serviceramme')])).toEqual([]);
		expect(runChecks([...drift, ...ramme, b('forventet_forbrug', 1_299_400_000, 6, 'Socialudvalget, serviceramme')])).toHaveLength(1);
		// A table of committee rows: the ramme and its spending side by side, no drift budget.
		expect(runChecks([b('serviceramme', 1_012_300_000, 1), b('forventet_forbrug', 1_020_900_000, 2), b('afvigelse_serviceramme', -8_600_000, 3)])).toEqual([]);
		expect(runChecks([b('serviceramme', 1_012_300_000, 1), b('forventet_forbrug', 1_020_900_000, 2), b('afvigelse_serviceramme', -6_600_000, 3)])).toHaveLength(1);
	});

	it('checks that the outcomes of magtanvendelser do not exceed the reported', () => {
		const m = (metric: string, value: number, line: number) => exp({ family: 'magtanvendelse', area: 'hele kommunen', metric, value }, line);
		expect(runChecks([m('magtanvendelser_indberettet', 84, 1), m('magtanvendelser_tilladte', 61, 2), m('magtanvendelser_ikke_tilladte', 15, 3)])).toEqual([]);
		expect(runChecks([m('magtanvendelser_indberettet', 16, 1), m('magtanvendelser_tilladte', 7, 2), m('magtanvendelser_ikke_tilladte', 4, 3), m('magtanvendelser_ikke_magtanvendelse', 4, 4), m('magtanvendelser_uafgjort', 2, 5)])).toHaveLength(1);
	});

	it('reports the same figure with different values in two files', () => {
		const facts = [exp({ metric: 'omgoerelsespct', unit: 'pct', entity: 'Landsgennemsnit', value: 39 }, 1), exp({ metric: 'omgoerelsespct', unit: 'pct', entity: 'Landsgennemsnit', value: 37, file: 'b.txt' }, 2)];
		expect(crossFileConflicts(facts).map((p) => p.line)).toEqual([2]);
	});
});

describe('validateCorpus', () => {
	const texts = new Map([
		['k/001.txt', 'Punkt 1: Klagesager\n\nAnkestyrelsen traf i 2023 afgørelse i 57\nsager fra Odder Kommune.'],
		['traps/002.txt', 'Punkt 1: Mødeplan\n\nMødet holdes kl. 16.30.']
	]);
	const manifests = new Map<string, unknown>([
		['k', { '001.txt': { municipality: 'Odder', committee: 'Socialudvalget', meeting_date: '2024-11-26' } }],
		['traps', { '002.txt': { municipality: 'Odder', committee: 'Socialudvalget', meeting_date: null } }]
	]);

	it('accepts a well-formed corpus and counts sentences and tables per family', () => {
		const expected = [exp({ file: 'k/001.txt', metric: 'klagesager_antal', value: 57, evidence: 'afgørelse i 57 sager fra Odder Kommune' })];
		const report = validateCorpus({ texts, manifests, expected, trapFolder: 'traps' });
		expect(report.problems).toEqual([]);
		expect(report.perFamily.klagesager).toEqual({ facts: 1, sentences: 1, tables: 0, inconsistent: 0 });
	});

	it('names missing files, evidence that is not in the text, facts in traps, twins and manifest gaps', () => {
		const expected = [
			exp({ file: 'k/002.txt', metric: 'klagesager_antal', value: 57, evidence: 'x' }, 1),
			exp({ file: 'k/001.txt', metric: 'klagesager_antal', value: 57, evidence: 'afgørelse i 75 sager' }, 2),
			exp({ file: 'traps/002.txt', metric: 'klagesager_antal', value: 16, evidence: 'kl. 16.30' }, 3),
			exp({ file: 'k/001.txt', metric: 'klagesager_antal', value: 57, evidence: 'i 57 sager' }, 4)
		];
		const report = validateCorpus({ texts, manifests: new Map([['k', {}]]), expected, trapFolder: 'traps' });
		expect(report.problems).toEqual(
			expect.arrayContaining([
				'k/manifest.json: no entry for 001.txt',
				'traps/manifest.json: missing',
				'expected.jsonl:1: file k/002.txt does not exist',
				'expected.jsonl:2: evidence not found in k/001.txt: "afgørelse i 75 sager"',
				'expected.jsonl:3: traps/002.txt is a trap: it must have no expected facts',
				'expected.jsonl:4: same fact as line 2 (list a figure once per file)'
			])
		);
	});
});

describe('explainMiss', () => {
	const text = [
		'Punkt 1: Klagesager',
		'Ankestyrelsen afgjorde i 2024 57 sager. Omgørelsesprocenten var 33.',
		'Tabel 1',
		'§ 85 Støtte 12 8 4',
		'Punkt 2: Budget',
		'Der var 7 borgere.'
	].join('\n');
	const start = (s: string) => text.indexOf(s);
	const items: Item[] = [
		{ doc_id: 'a', item_no: 1, title: 'Klagesager', case_no: null, decision: null, text: text.slice(0, start('Punkt 2')), char_start: 0, char_end: start('Punkt 2') },
		{ doc_id: 'a', item_no: 2, title: 'Budget', case_no: null, decision: null, text: text.slice(start('Punkt 2')), char_start: start('Punkt 2'), char_end: text.length }
	];
	const sentence = 'Ankestyrelsen afgjorde i 2024 57 sager.';
	const at = (quote: string, over: Partial<PredictedFact> & Pick<PredictedFact, 'metric' | 'value'>) => ({ ...pred({ quote, ...over }), char_start: start(quote), char_end: start(quote) + quote.length });
	const trace = (predicted: ReturnType<typeof at>[], dropped: FileTrace['dropped'] = []): FileTrace => ({ text, items, dropped, predicted });
	const miss = (over: Partial<ExpectedFact> & Pick<ExpectedFact, 'metric' | 'value'>) => exp({ period: '2024', item_no: 1, evidence: sentence, ...over });

	it('names the stage: context, slot, plausibility from the trace, segment, table, or not seen', () => {
		const e = miss({ metric: 'klagesager_antal', value: 57 });
		expect(explainMiss(e, trace([at(sentence, { metric: 'klagesager_antal', value: 57, period: '2023' })])).stage).toBe('context');
		expect(explainMiss(e, trace([at(sentence, { metric: 'stadfaestet_antal', value: 57, period: '2024' })])).stage).toBe('slot');
		const dropped = [{ start: start(sentence), end: start(sentence) + sentence.length, value: 57, stage: 'plausibility' as const, reason: 'delene overstiger helheden' }];
		expect(explainMiss(e, trace([], dropped))).toEqual({ stage: 'plausibility', detail: 'delene overstiger helheden' });
		expect(explainMiss({ ...e, item_no: 2 }, trace([])).stage).toBe('segment');
		expect(explainMiss(miss({ metric: 'klagesager_antal', value: 12, area: 'serviceloven § 85', evidence: '§ 85 Støtte 12 8 4', table: 'Tabel 1' }), trace([])).stage).toBe('table');
		expect(explainMiss(e, trace([])).stage).toBe('slot');
		expect(explainMiss(miss({ metric: 'klagesager_antal', value: 58 }), trace([])).stage).toBe('not seen');
	});

	it('finds a value printed in thousands or millions with Danish separators', () => {
		expect(figureIn('et merforbrug på 46,0 mio. kr.', -46_000_000)).toBe(true);
		expect(figureIn('I alt 1.283,5', 1_283_500_000)).toBe(true);
		expect(figureIn('I alt 1.283,5', 283_500_000)).toBe(false);
		expect(figureIn('afgjorde 157 sager', 57)).toBe(false);
	});
});
