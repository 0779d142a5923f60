import { factColumns, type FactRow } from './facts';
import { itemOf } from './files';
import type { Runner } from './runner';

export interface SourceView {
	fact: FactRow;
	file_name: string | null;
	/** The item's text cut in three at the quote: before, quote, after. */
	before: string;
	quote: string;
	after: string;
	item_found: boolean;
}

/** Splits an item's text at a quote given in file offsets; out-of-range offsets give no highlight. */
export function cutAtQuote(
	text: string,
	itemStart: number,
	quoteStart: number,
	quoteEnd: number
): { before: string; quote: string; after: string } {
	const a = quoteStart - itemStart;
	const b = quoteEnd - itemStart;
	if (a < 0 || b > text.length || b < a) return { before: text, quote: '', after: '' };
	return { before: text.slice(0, a), quote: text.slice(a, b), after: text.slice(b) };
}

export async function sourceOf(run: Runner, factId: string): Promise<SourceView | null> {
	await run.withItems();
	const rows = await run.all<
		FactRow & { char_start: number; char_end: number; text: string | null; item_start: number | null; file_name: string | null }
	>(
		`SELECT ${factColumns('f')},
		   CAST(f.char_start AS INTEGER) AS char_start, CAST(f.char_end AS INTEGER) AS char_end,
		   i.text AS text, CAST(i.char_start AS INTEGER) AS item_start, d.file_name AS file_name, d.municipality AS owner
		 FROM facts f
		 LEFT JOIN items i ON i.doc_id = f.doc_id AND i.item_no = f.item_no
		 LEFT JOIN documents d ON d.doc_id = f.doc_id
		 WHERE f.fact_id = ? LIMIT 1`,
		[factId]
	);
	const row = rows[0];
	if (!row) return null;
	const found = row.text != null && row.item_start != null;
	const parts = found ? cutAtQuote(row.text!, row.item_start!, row.char_start, row.char_end) : { before: '', quote: '', after: '' };
	return { fact: row, file_name: row.file_name, ...parts, item_found: found };
}

/** The source of a fact from the build's small files: the fact's agenda item alone, a few KB. */
export async function sourceFromFiles(factId: string): Promise<SourceView | null> {
	const found = await itemOf(factId);
	if (!found) return null;
	const { item, fact } = found;
	const hasText = item.text != null && item.item_start != null;
	const parts = hasText ? cutAtQuote(item.text!, item.item_start!, fact.char_start, fact.char_end) : { before: '', quote: '', after: '' };
	return { fact, file_name: item.file_name, ...parts, item_found: hasText };
}
