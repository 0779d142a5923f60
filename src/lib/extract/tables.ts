/**
 * The flattened-table reader: rebuilds a table from what PDF export left of it. Headers spread
 * over several lines become one word stream that a lexicon cuts into columns; row labels that
 * wrap over lines are re-joined; a caption, header or note gives the unit.
 */
import type { TableBlock } from './layout';
import { trailingCells } from './layout';
import { parseDanishNumber } from './numbers';

export interface TableRow {
	label: string;
	values: number[];
	/** The row's span in the file: its label lines and its numbers. */
	start: number;
	end: number;
	total: boolean;
}

export interface ReadTable {
	caption: string | null;
	/** Multiplier to whole kroner: 1e6 for "mio. kr.", 1e3 for "1.000 kr.", 1 for "kr.", null if unknown. */
	factor: number | null;
	/** The header words before the first column header (the row-label column's header). */
	stub: string;
	columns: string[];
	rows: TableRow[];
	notes: string[];
	start: number;
	end: number;
}

export interface ColumnLexicon {
	/** Recognises a column header at the start of a word stream; returns its length in characters. */
	match: (stream: string) => { header: string; length: number } | null;
}

const TOTAL = /^(?:i alt|total|totalt|samlet|sum|hovedtotal|i alt for udvalget)\b/i;

export function unitFactor(text: string): number | null {
	if (/\bmia\.?\s*kr|\bmilliard/i.test(text)) return 1e9;
	if (/\bmio\.?\s*kr|\bmill\.?\s*kr|\bmillioner\s+kr|\bmio\. ?kroner|\(mio\.?\)/i.test(text)) return 1e6;
	if (/\b1\.000\s*kr|\bt\.\s?kr|\btkr\b|\btusind(?:e)?\s+kr|\bkr\.\s*1\.000|\(1\.000\)/i.test(text)) return 1e3;
	if (/\bhele\s+kroner|\(kr\.?\)|\bi kr\.|\bkr\.\s*$|\bbeløb i kr/i.test(text)) return 1;
	return null;
}

/**
 * Reads a table block. The header stream is cut with the lexicon; after as many headers as
 * there are values per row, what remains is the first row's label.
 */
export function readTable(text: string, block: TableBlock, lexicon: ColumnLexicon): ReadTable | null {
	const firstRow = block.rows.find((l) => trailingCells(l.text.trim()).count > 0);
	if (!firstRow) return null;
	const width = trailingCells(firstRow.text.trim()).count;
	const stream = block.headerLines.map((l) => l.text.trim()).join(' ').replace(/\s+/g, ' ');
	const columns: string[] = [];
	let stub = '';
	let rest = stream;
	let guard = 0;
	while (rest && columns.length < width && guard++ < 200) {
		const m = lexicon.match(rest);
		if (m) {
			columns.push(m.header);
			rest = rest.slice(m.length).trimStart();
			continue;
		}
		const word = /^\S+\s*/.exec(rest)![0];
		if (columns.length === 0) stub += word;
		else {
			// An unknown word between headers: a year or period belongs to the header before it.
			if (/^(?:\d{4}|\d{1,2}\.\d{1,2}(?:\.\d{2,4})?|\(.*\))\s*$/.test(word.trim())) columns[columns.length - 1] += ' ' + word.trim();
			else return null;
		}
		rest = rest.slice(word.length);
	}
	if (columns.length !== width) return null;
	const firstLabelLines = rest.trim();
	const rows: TableRow[] = [];
	let pendingLabel = firstLabelLines;
	let pendingStart = firstLabelLines ? block.headerLines[block.headerLines.length - 1].start : -1;
	if (firstLabelLines) {
		// Where the first row's label starts: the first header line that contains its opening words.
		const head = firstLabelLines.split(' ').slice(0, 2).join(' ');
		const line = block.headerLines.find((l) => l.text.includes(head));
		if (line) pendingStart = line.start + line.text.indexOf(head);
	}
	for (const line of block.rows) {
		const t = line.text.trim();
		const { count, labelEnd } = trailingCells(t);
		if (count === 0) {
			if (pendingStart < 0) pendingStart = line.start + (line.text.length - line.text.trimStart().length);
			pendingLabel = `${pendingLabel} ${t}`.trim();
			continue;
		}
		if (count !== width) return null;
		const cells = t.slice(labelEnd).trim().split(/\s+/);
		const values = cells.map((c) => parseDanishNumber(c.replace(/[−–]/, '-')));
		if (values.some((v) => v === null)) return null;
		const label = `${pendingLabel} ${t.slice(0, labelEnd).trim()}`.trim().replace(/\s+/g, ' ');
		const start = pendingStart >= 0 ? pendingStart : line.start + (line.text.length - line.text.trimStart().length);
		rows.push({ label, values: values as number[], start, end: line.start + line.text.trimEnd().length, total: TOTAL.test(label) });
		pendingLabel = '';
		pendingStart = -1;
	}
	const meta = [block.caption ?? '', stream, ...block.notes].join(' ');
	return {
		caption: block.caption,
		factor: unitFactor(meta),
		stub: stub.trim(),
		columns,
		rows,
		notes: block.notes,
		start: block.start,
		end: block.end
	};
}
