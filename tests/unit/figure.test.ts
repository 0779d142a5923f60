import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { FactRow } from '../../src/lib/data/facts';
import { deviationFinding, followUpFinding, trendFinding } from '../../src/lib/figure/finding';
import { flagNotes, sourceLines } from '../../src/lib/figure/sources';
import { fileName, fileStem, periodSlug, slug } from '../../src/lib/figure/name';
import { decodeDeck, encodeDeck, MAX_SLIDES } from '../../src/lib/figure/deck';
import { balance, layoutFigure, PRESETS, wrap, type Measure } from '../../src/lib/figure/layout';
import { formatAntal, formatPct } from '../../src/lib/format';
import { municipalityName, periodRange } from '../../src/lib/figure/words';
import type { ChartSpec } from '../../src/lib/charts';

const fact = (over: Partial<FactRow>): FactRow => ({
	fact_id: 'f1',
	doc_id: 'd1',
	item_no: 7,
	item_title: 'Klagesager',
	case_no: '25-77-27.00.00-A26',
	committee: 'Psykiatri- og Handicapudvalget',
	meeting_date: '2026-05-06',
	family: 'klagesager',
	metric: 'omgoerelsespct',
	entity: 'Gladsaxe',
	area: 'Psykiatri- og Handicapudvalget',
	period: '2025',
	year: 2025,
	value: 37,
	unit: 'pct',
	quote: '37 pct.',
	check: 'ok',
	check_note: null,
	...over
});

describe('the finding as a title', () => {
	const p = (period: string, value: number) => ({ period, value });

	test('rises, falls and stays, in Danish with Danish numbers', () => {
		expect(trendFinding('Omgørelsesprocenten', [p('2023', 38), p('2024', 22), p('2025', 37)], formatPct)).toBe(
			'Omgørelsesprocenten steg fra 22 % i 2024 til 37 % i 2025'
		);
		expect(trendFinding('Omgørelsesprocenten', [p('2023', 38), p('2024', 22)], formatPct)).toBe(
			'Omgørelsesprocenten faldt fra 38 % i 2023 til 22 % i 2024'
		);
		expect(trendFinding('Omgørelsesprocenten', [p('2023', 35), p('2024', 35)], formatPct)).toBe(
			'Omgørelsesprocenten var uændret på 35 % i 2023 og 2024'
		);
		expect(trendFinding('Antallet af afgjorte klagesager', [p('2024', 1284), p('2025', 1320)], formatAntal)).toBe(
			'Antallet af afgjorte klagesager steg fra 1.284 i 2024 til 1.320 i 2025'
		);
		expect(trendFinding('Antallet af afgjorte klagesager', [p('2025', 80)], formatAntal)).toBe(
			'Antallet af afgjorte klagesager var 80 i 2025'
		);
		expect(trendFinding('Omgørelsesprocenten', [p('2024-Q1-Q3', 35), p('2025', 47)], formatPct)).toBe(
			'Omgørelsesprocenten steg fra 35 % i 1.-3. kvartal 2024 til 47 % i 2025'
		);
	});

	test('values that print the same are unchanged, not a rise', () => {
		expect(trendFinding('Andelen', [p('2024', 37.01), p('2025', 37.02)], formatPct)).toContain('uændret');
	});

	test('a budget deviation speaks of merforbrug and mindreforbrug, also when it turns', () => {
		expect(deviationFinding([p('2024-Q2', -30_000_000), p('2024-Q3', -46_000_000)])).toBe(
			'Det forventede merforbrug steg fra 30,0 mio. kr. i 2. kvartal 2024 til 46,0 mio. kr. i 3. kvartal 2024'
		);
		expect(deviationFinding([p('2024-Q2', 8_000_000), p('2024-Q3', 4_600_000)])).toBe(
			'Det forventede mindreforbrug faldt fra 8,0 mio. kr. i 2. kvartal 2024 til 4,6 mio. kr. i 3. kvartal 2024'
		);
		expect(deviationFinding([p('2024-Q2', 2_000_000), p('2024-Q3', -46_000_000)])).toBe(
			'Skønnet gik fra et mindreforbrug på 2,0 mio. kr. i 2. kvartal 2024 til et merforbrug på 46,0 mio. kr. i 3. kvartal 2024'
		);
		expect(deviationFinding([p('2024-Q3', -46_000_000)])).toBe('Det forventede merforbrug var 46,0 mio. kr. i 3. kvartal 2024');
		expect(deviationFinding([p('2024-Q2', -14_700_000), p('2024-Q3', -16_900_000)], 'i forhold til korrigeret budget')).toBe(
			'Det forventede merforbrug i forhold til korrigeret budget steg fra 14,7 mio. kr. i 2. kvartal 2024 til 16,9 mio. kr. i 3. kvartal 2024'
		);
		expect(followUpFinding('2024-Q3', [
			{ label: 'Voksne', value: -57_300_000, total: false },
			{ label: 'Psykiatri- og Handicapudvalget', value: -46_000_000, total: true }
		])).toBe('Budgetopfølgningen for 3. kvartal 2024 viser et samlet merforbrug på 46,0 mio. kr.');
		expect(followUpFinding('2024-Q3', [{ label: 'Voksne', value: -57_300_000, total: false }])).toBe(
			'Budgetopfølgningen for 3. kvartal 2024: størst merforbrug på Voksne (57,3 mio. kr.)'
		);
	});
});

describe('sources and notes', () => {
	test('one "Kilde:" line per meeting, oldest first, with item and case number', () => {
		const lines = sourceLines([
			fact({}),
			fact({ fact_id: 'f2', period: '2024' }),
			fact({ fact_id: 'f3', doc_id: 'd0', meeting_date: '2024-12-04', item_no: 1, case_no: '24-2-27.00.00-P22' }),
			fact({ fact_id: 'f4', item_no: 9, case_no: null })
		]);
		expect(lines).toEqual([
			'Kilde: Psykiatri- og Handicapudvalget, møde 04.12.2024, punkt 1 (sag 24-2-27.00.00-P22)',
			'Kilde: Psykiatri- og Handicapudvalget, møde 06.05.2026, punkt 7 (sag 25-77-27.00.00-A26) og punkt 9'
		]);
	});

	test('a flagged figure gets a note with its Danish explanation', () => {
		const notes = flagNotes([
			fact({}),
			fact({ metric: 'klagesager_antal', unit: 'antal', value: 90, area: 'socialområdet', period: '2023', check: 'inconsistent', check_note: 'summen er 99' })
		]);
		expect(notes).toEqual(['⚠ Bemærk: Afgjorte klagesager, socialområdet, 2023 (90) stemmer ikke med referatets øvrige tal: summen er 99']);
	});
});

describe('subtitle words', () => {
	test('municipality and period range', () => {
		expect(municipalityName('Gladsaxe')).toBe('Gladsaxe Kommune');
		expect(municipalityName('Aarhus Kommune')).toBe('Aarhus Kommune');
		expect(periodRange(['2023', '2024', '2025'])).toBe('2023–2025');
		expect(periodRange(['2024-Q1', '2024-Q2', '2024-Q3'])).toBe('1.–3. kvartal 2024');
		expect(periodRange(['2023-Q4', '2024-Q2'])).toBe('4. kvartal 2023–2. kvartal 2024');
		expect(periodRange(['2025'])).toBe('2025');
	});
});

describe('file names', () => {
	test('say what and when, in ASCII', () => {
		const stem = fileStem(['omgørelsesprocent', 'Psykiatri- og Handicapudvalget', periodSlug(['2023', '2024', '2025'])]);
		expect(fileName(stem, 1920, 1080, 'png')).toBe('omgoerelsesprocent-psykiatri-og-handicapudvalget-2023-2025-1920x1080.png');
		expect(slug('Ældreboliger & særligt dyre enkeltsager, § 100 – Århus')).toBe('aeldreboliger-saerligt-dyre-enkeltsager-100-aarhus');
		expect(periodSlug(['2024-Q3'])).toBe('3-kvartal-2024');
		expect(periodSlug(['2024-Q1', '2024-Q3'])).toBe('1-kvartal-2024-til-3-kvartal-2024');
	});

	test('any text gives a safe name', () => {
		fc.assert(
			fc.property(fc.array(fc.string()), (parts) => {
				expect(fileStem(parts)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			}),
			{ seed: 20261123 }
		);
	});
});

describe('the deck in the URL', () => {
	const refs = [
		{ side: 'klagesager' as const, figur: 'omgoerelse', valg: 'kommune=Gladsaxe&omraade=Psykiatri-+og+Handicapudvalget' },
		{ side: 'budget' as const, figur: 'afvigelse', valg: 'kommune=Gladsaxe&opfoelgning=2024-Q3&grundlag=vedtaget', titel: 'Merforbrug «46» – æøå', undertitel: '' }
	];

	test('encodes to URL-safe text and back, titles included', () => {
		const encoded = encodeDeck(refs);
		expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
		const back = decodeDeck(encoded);
		expect(back.error).toBeNull();
		expect(back.rejected).toBe(0);
		expect(back.refs).toEqual([refs[0], { ...refs[1], undertitel: undefined }].map((r) => JSON.parse(JSON.stringify(r))));
	});

	test('rejects what a deck cannot hold and keeps the rest', () => {
		const raw = (rows: unknown) => Buffer.from(JSON.stringify(rows)).toString('base64url');
		expect(decodeDeck('not base64!').error).not.toBeNull();
		expect(decodeDeck(raw({ a: 1 })).error).not.toBeNull();
		const mixed = decodeDeck(
			raw([
				['klagesager', 'omgoerelse', 'omraade=socialområdet'],
				['tal', 'omgoerelse', ''],
				['budget', 'drop table', ''],
				['budget', 'afvigelse', "omraade=x&sql=' OR 1=1"],
				['budget', 'afvigelse', 'grundlag=vedtaget', 'x'.repeat(5000)],
				['magtanvendelse', 'udfald', '', '<script>alert(1)</script>\u0000']
			])
		);
		expect(mixed.error).toBeNull();
		expect(mixed.rejected).toBe(4);
		expect(mixed.refs.map((r) => r.figur)).toEqual(['omgoerelse', 'udfald']);
		expect(mixed.refs[1].titel).toBe('<script>alert(1)</script>');
		const many = decodeDeck(raw(Array.from({ length: MAX_SLIDES + 5 }, () => ['klagesager', 'omgoerelse', ''])));
		expect(many.refs.length).toBe(MAX_SLIDES);
		expect(many.rejected).toBe(5);
	});

	test('no input makes the decoder throw', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				const d = decodeDeck(s);
				expect(Array.isArray(d.refs)).toBe(true);
			}),
			{ seed: 20261123 }
		);
	});
});

describe('the layout of a finished figure', () => {
	const measure: Measure = (text, size) => text.length * size * 0.5;
	const spec: ChartSpec = { kind: 'bars', bars: [], formatValue: String, formatTick: String };
	const text = {
		title: 'Omgørelsesprocenten steg fra 22 % i 2024 til 37 % i 2025',
		subtitle: 'Omgørelsesprocent · Psykiatri- og Handicapudvalget · Gladsaxe Kommune',
		sources: ['Kilde: Psykiatri- og Handicapudvalget, møde 06.05.2026, punkt 7 (sag 25-77-27.00.00-A26)'],
		notes: []
	};

	test('fills each preset exactly, with type that grows with the page', () => {
		const sizes = PRESETS.filter((p) => p.height !== null).map((p) => {
			const l = layoutFigure(p, text, spec, measure);
			expect([l.width, l.height]).toEqual([p.width, p.height]);
			expect(l.footer.y + (l.footer.lines.length - 1) * l.footer.lineHeight).toBeLessThan(l.height);
			expect(l.chart.y + l.chart.height * l.chart.k).toBeLessThan(l.footer.y - l.footer.size);
			return l;
		});
		const [slide, , a4] = sizes;
		expect(slide.title.size).toBeGreaterThanOrEqual(54);
		expect(slide.footer.size).toBeGreaterThanOrEqual(20);
		expect(slide.chart.k * 12).toBeGreaterThanOrEqual(26);
		expect(a4.title.size).toBeGreaterThan(slide.title.size * 1.8);
	});

	test('the on-screen size is as tall as the figure needs', () => {
		const l = layoutFigure({ width: 820, height: null }, text, spec, measure);
		expect(l.chart.k).toBeCloseTo(820 / 640, 5);
		expect(l.height).toBeGreaterThan(240 * l.chart.k);
	});

	test('titles wrap evenly and never past the margins', () => {
		const lines = wrap('a b c d e f g', 7 * 10 * 0.5, 10, true, measure);
		expect(lines).toEqual(['a b c d', 'e f g']);
		expect(balance('aaaa bbbb cccc dddd eeee', 20 * 10 * 0.5, 10, true, measure)).toEqual(['aaaa bbbb cccc', 'dddd eeee']);
		const l = layoutFigure({ width: 1600, height: 1200 }, { ...text, title: text.title.repeat(4) }, spec, measure);
		for (const line of l.title.lines) expect(measure(line, l.title.size, true)).toBeLessThanOrEqual(1600 - 2 * l.margin);
	});
});
