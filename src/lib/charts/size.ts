import type { ChartSpec } from './types';

const DIVERGING_MARGIN = 42;

/** The height a chart is drawn at on a page, in viewBox units (the width is 640). */
export function naturalHeight(spec: ChartSpec): number {
	if (spec.kind === 'diverging') return DIVERGING_MARGIN + 34 * Math.max(spec.rows.length, 1);
	return spec.kind === 'bars' ? 240 : 300;
}

/** The least height at which labels stay apart. */
export function minimumHeight(spec: ChartSpec): number {
	if (spec.kind === 'diverging') return DIVERGING_MARGIN + 22 * Math.max(spec.rows.length, 1);
	return spec.kind === 'bars' ? 170 : 210;
}

/** The most height worth using: bars of a diverging chart stop growing past a comfortable thickness. */
export function maximumHeight(spec: ChartSpec): number {
	if (spec.kind === 'diverging') return DIVERGING_MARGIN + 56 * Math.max(spec.rows.length, 1);
	return Infinity;
}
