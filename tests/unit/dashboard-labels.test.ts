import { describe, expect, test } from 'vitest';
import { labelWidth, placeLabels } from '../../src/lib/charts/scales';

describe('value labels', () => {
	test('a municipality and the national average at nearly the same value: one label goes below, none overlap', () => {
		const wishes = [
			{ x: 300, y: 100, text: '37 %', below: false },
			{ x: 300, y: 104, text: '39 %', below: true }
		];
		const placed = placeLabels(wishes, wishes, [0, 640]);
		expect(placed[0]!.y).toBeLessThan(100);
		expect(placed[1]!.y).toBeGreaterThan(104);
	});

	test('a label that fits nowhere is left out rather than drawn over another', () => {
		const wishes = [
			{ x: 100, y: 100, text: 'merforbrug 10,6 mio. kr.', below: false },
			{ x: 110, y: 100, text: 'merforbrug 14,7 mio. kr.', below: false },
			{ x: 120, y: 100, text: 'merforbrug 16,9 mio. kr.', below: false }
		];
		const placed = placeLabels(wishes, wishes, [0, 640]);
		expect(placed.filter(Boolean)).toHaveLength(2);
		expect(placed[2]).toBeNull();
	});

	test('labels stay inside the chart and clear of the end labels', () => {
		const [p] = placeLabels([{ x: 630, y: 100, text: '1.000', below: false }], [], [0, 640]);
		expect(p!.x + labelWidth('1.000') / 2).toBeLessThanOrEqual(640);
		const [q] = placeLabels([{ x: 500, y: 100, text: '33 %', below: false }], [], [0, 640], [{ x: 490, y: 88, text: '— Herning' }]);
		expect(q!.y).toBeGreaterThan(100);
	});
});
