/** What a mark knows about the fact behind it. */
export interface MarkInfo {
	/** Where the mark leads: the source view of its fact. */
	href: string | null;
	/** The full sentence a screen reader and the tooltip say. */
	label: string;
	flagged: boolean;
	note: string | null;
}

export interface LinePoint {
	x: string;
	value: number;
	mark: MarkInfo;
}

export interface LineSeries {
	key: string;
	label: string;
	colour: string;
	dashed?: boolean;
	points: LinePoint[];
}

export interface BarDatum {
	value: number;
	mark: MarkInfo;
}

export interface Layer {
	key: string;
	label: string;
	colour: string;
}

export interface TableCell {
	text: string;
	href?: string | null;
	note?: string | null;
}

export interface ChartTable {
	columns: string[];
	rows: TableCell[][];
}

export interface LineSpec {
	kind: 'line';
	series: LineSeries[];
	categories: string[];
	formatCategory: (x: string) => string;
	formatValue: (v: number) => string;
	formatTick: (v: number) => string;
}

export interface StackedSpec {
	kind: 'stacked';
	categories: string[];
	layers: Layer[];
	/** values[category][layer.key] */
	values: Record<string, Record<string, BarDatum | undefined>>;
	/** A stated total per category, labelled above the bar. */
	totals?: Record<string, BarDatum | undefined>;
	formatCategory: (x: string) => string;
	formatValue: (v: number) => string;
	formatTick: (v: number) => string;
}

export interface DivergingSpec {
	kind: 'diverging';
	rows: { key: string; label: string; datum: BarDatum }[];
	/** The value in words, e.g. "merforbrug 56,1 mio. kr." */
	describe: (v: number) => string;
	negativeLabel: string;
	positiveLabel: string;
	negativeColour: string;
	positiveColour: string;
}

export interface BarsSpec {
	kind: 'bars';
	bars: { key: string; label: string; colour: string; datum: BarDatum }[];
	formatValue: (v: number) => string;
	formatTick: (v: number) => string;
}

/** What a chart draws, independent of where (a page, a slide, an exported file). */
export type ChartSpec = LineSpec | StackedSpec | DivergingSpec | BarsSpec;
