import { describe, expect, test } from 'vitest';
import { contrast, deltaE, hexToRgb, projected, simulate, toLab, type Vision } from '../../src/lib/charts/colour';
import { FLAG, GRID, INK, MERFORBRUG, MINDREFORBRUG, MUTED, NATIONAL, OUTCOMES, SERIES } from '../../src/lib/charts/palette';

const WHITE = hexToRgb('#ffffff');
const VISIONS: Vision[] = ['normal', 'protan', 'deutan', 'tritan'];

/** Colours a viewer must tell apart within one chart. */
const TOGETHER: Record<string, string[]> = {
	'klagesager: stadfæstet, ændret, hjemvist': [OUTCOMES.stadfaestet_antal, OUTCOMES.aendret_antal, OUTCOMES.hjemvist_antal],
	'magtanvendelse: tilladte, ikke-tilladte, ikke magtanvendelse, uafgjort': [
		OUTCOMES.magtanvendelser_tilladte,
		OUTCOMES.magtanvendelser_ikke_tilladte,
		OUTCOMES.magtanvendelser_ikke_magtanvendelse,
		OUTCOMES.magtanvendelser_uafgjort
	],
	'budget: merforbrug, mindreforbrug': [MERFORBRUG, MINDREFORBRUG],
	'the first three compared series': [...SERIES.slice(0, 3)]
};

function smallestDifference(colours: string[], vision: Vision, projector: boolean): number {
	const look = (hex: string) => {
		const seen = simulate(hexToRgb(hex), vision);
		return toLab(projector ? projected(seen) : seen);
	};
	let min = Infinity;
	for (let i = 0; i < colours.length; i++)
		for (let j = i + 1; j < colours.length; j++) min = Math.min(min, deltaE(look(colours[i]), look(colours[j])));
	return min;
}

describe('the chart palette', () => {
	test('the colour maths agrees with published values', () => {
		// Sharma, Wu & Dalal (2005), CIEDE2000 test data, pairs 1 and 2.
		expect(deltaE([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
		expect(deltaE([50, -1.3802, -84.2814], [50, 0, -82.7485])).toBeCloseTo(1.0, 3);
		expect(contrast(hexToRgb('#000000'), WHITE)).toBeCloseTo(21, 5);
		expect(contrast(hexToRgb('#767676'), WHITE)).toBeGreaterThan(4.5);
		const grey = simulate(hexToRgb('#808080'), 'deutan');
		expect(Math.max(...grey) - Math.min(...grey)).toBeLessThan(0.01);
	});

	test('marks stand out from white (3:1), also on a projector in a lit room (2.5:1)', () => {
		for (const c of [...SERIES, NATIONAL, MERFORBRUG, MINDREFORBRUG, ...Object.values(OUTCOMES)]) {
			expect(contrast(hexToRgb(c), WHITE), c).toBeGreaterThanOrEqual(3);
			expect(contrast(projected(hexToRgb(c)), WHITE), `${c} projected`).toBeGreaterThanOrEqual(2.5);
		}
	});

	test('text reaches 7:1, so it keeps 3:1 through a washed-out projector', () => {
		for (const c of [INK, MUTED, FLAG]) {
			expect(contrast(hexToRgb(c), WHITE), c).toBeGreaterThanOrEqual(7);
			expect(contrast(projected(hexToRgb(c)), WHITE), `${c} projected`).toBeGreaterThanOrEqual(3);
		}
		expect(contrast(hexToRgb(GRID), WHITE)).toBeLessThan(1.5);
	});

	test('white value labels inside stacked bars are readable (4.5:1)', () => {
		for (const c of Object.values(OUTCOMES)) expect(contrast(WHITE, hexToRgb(c)), c).toBeGreaterThanOrEqual(4.5);
	});

	test.each(Object.entries(TOGETHER))('%s: told apart by every viewer, also on a projector', (_, colours) => {
		expect(smallestDifference(colours, 'normal', false)).toBeGreaterThanOrEqual(20);
		for (const v of VISIONS) {
			expect(smallestDifference(colours, v, false), v).toBeGreaterThanOrEqual(7.5);
			expect(smallestDifference(colours, v, true), `${v}, projector`).toBeGreaterThanOrEqual(4);
		}
	});

	test('the palette check fails for colours that only differ in red and green', () => {
		expect(smallestDifference(['#B84D00', '#8A6D00'], 'deutan', false)).toBeLessThan(7.5);
	});
});
