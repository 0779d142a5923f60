import { maximumHeight, minimumHeight, naturalHeight } from '$lib/charts/size';
import type { ChartSpec } from '$lib/charts';

export type PresetId = 'slide169' | 'slide43' | 'a4' | 'skaerm';

export interface Preset {
	id: PresetId;
	label: string;
	width: number;
	/** null: as tall as the figure needs (the on-screen size). */
	height: number | null;
}

export const PRESETS: Preset[] = [
	{ id: 'slide169', label: 'Slide 16:9', width: 1920, height: 1080 },
	{ id: 'slide43', label: 'Slide 4:3', width: 1600, height: 1200 },
	{ id: 'a4', label: 'A4 liggende, 300 dpi', width: 3508, height: 2480 },
	{ id: 'skaerm', label: 'Som på skærmen', width: 820, height: null }
];

export const DEFAULT_PRESET: PresetId = 'slide169';

export function presetOf(id: string): Preset {
	return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}

/** Type sizes in px on a 1920×1080 slide; other sizes scale with the square root of their area. */
export const TYPE = { title: 60, subtitle: 34, label: 30, footer: 24 } as const;
/** Chart text is drawn at 12 viewBox units; the page draws charts 640 units wide. */
const CHART_TEXT = 12;
const PAGE_CHART_WIDTH = 640;
const MIN_CHART_WIDTH = 520;

export type Measure = (text: string, size: number, bold: boolean) => number;

/** A width estimate for when no font can be measured (prerendering): DejaVu Sans runs wide. */
export const estimate: Measure = (text, size, bold) => text.length * size * (bold ? 0.64 : 0.58);

export interface TextBlock {
	lines: string[];
	size: number;
	lineHeight: number;
	/** Baseline of the first line. */
	y: number;
}

export interface FigureLayout {
	width: number;
	height: number;
	margin: number;
	title: TextBlock;
	subtitle: TextBlock;
	chart: { x: number; y: number; k: number; width: number; height: number };
	footer: TextBlock & { note: boolean[] };
}

export interface FigureText {
	title: string;
	subtitle: string;
	sources: string[];
	notes: string[];
}

/** Greedy word wrap to a width. */
export function wrap(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const next = line ? `${line} ${word}` : word;
		if (line && measure(next, size, bold) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines.length ? lines : [''];
}

/** Wrapped into as few lines as `wrap` needs, but with the lines as even as possible (no lone last word). */
export function balance(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
	const lines = wrap(text, width, size, bold, measure);
	if (lines.length < 2) return lines;
	let lo = width / lines.length;
	let hi = width;
	for (let i = 0; i < 12; i++) {
		const mid = (lo + hi) / 2;
		if (wrap(text, mid, size, bold, measure).length > lines.length) lo = mid;
		else hi = mid;
	}
	return wrap(text, hi, size, bold, measure);
}

const MAX_FOOTER_LINES = 7;

/**
 * Where everything goes on a finished figure: title, subtitle, the chart scaled so its labels read
 * at the preset's type size, and the sources underneath.
 */
export function layoutFigure(
	preset: { width: number; height: number | null },
	text: FigureText,
	spec: ChartSpec,
	measure: Measure = estimate
): FigureLayout {
	const W = preset.width;
	const fixed = preset.height !== null;
	const s = fixed ? Math.sqrt((W * preset.height!) / (1920 * 1080)) : (W / PAGE_CHART_WIDTH) * (CHART_TEXT / TYPE.label);
	const margin = Math.round(64 * s);
	const inner = W - 2 * margin;

	let titleSize = TYPE.title * s;
	let titleLines = balance(text.title, inner, titleSize, true, measure);
	for (const shrink of [0.9, 0.8]) {
		if (titleLines.length <= 2) break;
		titleSize = TYPE.title * s * shrink;
		titleLines = balance(text.title, inner, titleSize, true, measure);
	}
	const subtitleSize = TYPE.subtitle * s;
	const subtitleLines = text.subtitle.trim() ? wrap(text.subtitle, inner, subtitleSize, false, measure) : [];
	const footerSize = TYPE.footer * s;
	const wrapped = (lines: string[], note: boolean) =>
		lines.flatMap((l) => wrap(l, inner, footerSize, false, measure).map((text) => ({ text, note })));
	let sourceLines = wrapped(text.sources, false);
	const noteLines = wrapped(text.notes, true);
	const room = Math.max(2, MAX_FOOTER_LINES - noteLines.length);
	if (sourceLines.length > room) {
		const rest = sourceLines.length - (room - 1);
		sourceLines = [...sourceLines.slice(0, room - 1), { text: `… og ${rest} kildelinjer mere: se kilderne i dashboardet.`, note: false }];
	}
	const footerLines = [...sourceLines, ...noteLines];

	const top = Math.round(56 * s);
	const title: TextBlock = { lines: titleLines, size: titleSize, lineHeight: titleSize * 1.18, y: top + titleSize * 0.9 };
	const titleBottom = top + titleLines.length * title.lineHeight;
	const subtitle: TextBlock = {
		lines: subtitleLines,
		size: subtitleSize,
		lineHeight: subtitleSize * 1.3,
		y: titleBottom + 14 * s + subtitleSize * 0.9
	};
	const chartTop = titleBottom + 14 * s + subtitleLines.length * subtitle.lineHeight + 36 * s;
	const footerHeight = footerLines.length * footerSize * 1.4;
	const bottom = Math.round(44 * s);

	const kPreferred = (TYPE.label * s) / CHART_TEXT;
	let k: number;
	let chartHeight: number;
	let height: number;
	if (fixed) {
		height = preset.height!;
		const area = height - chartTop - 28 * s - footerHeight - bottom;
		k = Math.min(kPreferred, inner / MIN_CHART_WIDTH, Math.max(area, 1) / minimumHeight(spec));
		chartHeight = Math.min(Math.max(area, 1), maximumHeight(spec) * k);
	} else {
		k = kPreferred;
		chartHeight = naturalHeight(spec) * k;
		height = Math.ceil(chartTop + chartHeight + 28 * s + footerHeight + bottom);
	}
	const footer = {
		lines: footerLines.map((l) => l.text),
		note: footerLines.map((l) => l.note),
		size: footerSize,
		lineHeight: footerSize * 1.4,
		y: height - bottom - footerHeight + footerSize * 1.05
	};
	return {
		width: W,
		height,
		margin,
		title,
		subtitle,
		chart: { x: margin, y: chartTop, k, width: inner / k, height: chartHeight / k },
		footer
	};
}
