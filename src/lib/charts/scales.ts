import { scaleBand, scaleLinear, scalePoint } from 'd3';

export const WIDTH = 640;

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** A value axis from zero (or the lowest negative) to a nice maximum. */
export function valueScale(values: number[], range: [number, number], floorAtZero = true) {
	const max = Math.max(0, ...values);
	const min = floorAtZero ? Math.min(0, ...values) : Math.min(...values);
	return scaleLinear()
		.domain([min, max === min ? min + 1 : max])
		.nice(5)
		.range(range);
}

export function categoryPoints(categories: string[], range: [number, number]) {
	return scalePoint<string>().domain(categories).range(range).padding(0.5);
}

export function categoryBands(categories: string[], range: [number, number], padding = 0.35) {
	return scaleBand<string>().domain(categories).range(range).padding(padding);
}

/** Spread labels vertically so none overlap (positions in px, sorted output keeps input order). */
export function spread(ys: number[], gap: number, min: number, max: number): number[] {
	const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
	for (let k = 1; k < order.length; k++) order[k].y = Math.max(order[k].y, order[k - 1].y + gap);
	const overflow = order.length ? order[order.length - 1].y - max : 0;
	if (overflow > 0) for (const o of order) o.y -= overflow;
	for (let k = 0; k < order.length; k++) order[k].y = Math.max(order[k].y, min + k * gap);
	const out = new Array<number>(ys.length);
	for (const o of order) out[o.i] = o.y;
	return out;
}

/** A value label to place beside its point. */
export interface LabelWish {
	x: number;
	y: number;
	text: string;
	/** Above the point first, or below (a dashed comparison line prefers below). */
	below: boolean;
}

export interface PlacedLabel {
	x: number;
	y: number;
	text: string;
}

/** About how wide a 12 px label is (DejaVu Sans, the figure font, averages ~0.6 em). */
export const labelWidth = (text: string) => text.length * 7.2;

interface Box {
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Puts each value label above or below its point, whichever collides with no label placed before
 * it and no point; a label that fits nowhere is left out (its value stays in the table and the
 * mark's name). Baselines are returned; boxes are 14 px tall.
 */
export function placeLabels(
	wishes: LabelWish[],
	points: { x: number; y: number }[],
	bounds: [number, number],
	/** Other text already drawn (the series' end labels): left-aligned at x, centred on y. */
	taken: { x: number; y: number; text: string }[] = []
): (PlacedLabel | null)[] {
	const placed: Box[] = taken.map((t) => ({ x0: t.x, x1: t.x + labelWidth(t.text) + 24, y0: t.y - 9, y1: t.y + 9 }));
	const dots: Box[] = points.map((p) => ({ x0: p.x - 7, x1: p.x + 7, y0: p.y - 7, y1: p.y + 7 }));
	return wishes.map((w) => {
		const half = labelWidth(w.text) / 2;
		const cx = Math.min(Math.max(w.x, bounds[0] + half), bounds[1] - half);
		const above = w.y - 12;
		const below = w.y + 22;
		for (const baseline of w.below ? [below, above] : [above, below]) {
			const box = { x0: cx - half, x1: cx + half, y0: baseline - 11, y1: baseline + 3 };
			if (placed.some((b) => overlaps(b, box)) || dots.some((d) => overlaps(d, box))) continue;
			placed.push(box);
			return { x: cx, y: baseline, text: w.text };
		}
		return null;
	});
}
