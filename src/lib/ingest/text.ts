/** The text a minutes file yields, whatever its format, and where each of its pages starts. */
export type SourceFormat = 'txt' | 'pdf' | 'html';

export interface Ingested {
	text: string;
	format: SourceFormat;
	/** Offset in `text` where each page starts (PDF only; one entry per page). */
	pageStarts: number[];
}

/** Pages joined by a blank line, so that no sentence runs from one page into the next unnoticed. */
export function joinPages(pages: string[], format: SourceFormat): Ingested {
	const pageStarts: number[] = [];
	let text = '';
	for (const page of pages) {
		if (text) text += '\n\n';
		pageStarts.push(text.length);
		text += page;
	}
	return { text: text + '\n', format, pageStarts };
}

/** The 1-based page an offset falls on, or null when the source has no pages. */
export function pageAt(pageStarts: readonly number[], offset: number): number | null {
	if (!pageStarts.length) return null;
	let lo = 0;
	let hi = pageStarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (pageStarts[mid] <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}
