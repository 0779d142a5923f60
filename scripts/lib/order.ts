/**
 * The order rows have in the Parquet files (schema.ts orderBy), kept while they are staged:
 * files are committed in doc_id order and each file's rows sorted here, so the files can be
 * written by a plain scan instead of a sort of the whole corpus.
 */
import type { Fact, Item } from '../../src/lib/extract/types';

/** Compares strings by code point, as DuckDB compares VARCHAR (UTF-8 bytes). */
export function compareText(a: string, b: string): number {
	if (a === b) return 0;
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x === y) continue;
		// Surrogates (above U+FFFF) sort after every other code unit in code point order.
		const sx = x >= 0xd800 && x <= 0xdfff;
		const sy = y >= 0xd800 && y <= 0xdfff;
		if (sx !== sy) return sx ? 1 : -1;
		return x - y;
	}
	return a.length - b.length;
}

export function compareFacts(a: Fact, b: Fact): number {
	return (
		compareText(a.doc_id, b.doc_id) ||
		a.item_no - b.item_no ||
		a.char_start - b.char_start ||
		compareText(a.metric, b.metric) ||
		compareText(a.entity, b.entity) ||
		compareText(a.fact_id, b.fact_id)
	);
}

export function compareItems(a: Item, b: Item): number {
	return compareText(a.doc_id, b.doc_id) || a.item_no - b.item_no || a.char_start - b.char_start;
}
