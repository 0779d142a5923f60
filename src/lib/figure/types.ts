import type { ChartSpec, ChartTable } from '$lib/charts';

export const SIDES = ['klagesager', 'budget', 'magtanvendelse'] as const;
export type Side = (typeof SIDES)[number];

/** How to draw a figure again elsewhere (a slide): the page, the figure on it, the page's selection. */
export interface FigureRef {
	side: Side;
	figur: string;
	/** The page's URL parameters that decide the figure, as a query string. */
	valg: string;
	/** The presenter's own title and subtitle, if edited. */
	titel?: string;
	undertitel?: string;
}

/** A chart with everything it needs to leave the dashboard as a finished figure. */
export interface Figure {
	/** Unique on its page. */
	key: string;
	ref: FigureRef;
	chart: ChartSpec;
	/** The heading above the chart on the page. */
	heading: string;
	description?: string;
	table: ChartTable;
	/** On-page height in viewBox units. */
	height?: number;
	/** The finding in one Danish sentence, the default title of an export. */
	finding: string;
	/** What and where: measure, area, municipality, unit, periods. */
	subtitle: string;
	/** "Kilde: …", one line per meeting. */
	sources: string[];
	/** Notes on figures flagged as inconsistent. */
	notes: string[];
	/** ASCII file name without size and extension. */
	fileName: string;
}
