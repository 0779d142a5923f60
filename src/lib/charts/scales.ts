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
