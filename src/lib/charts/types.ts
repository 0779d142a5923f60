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
