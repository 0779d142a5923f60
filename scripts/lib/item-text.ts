/**
 * An item's text is a slice of the file's text, which the main thread already holds: a worker
 * leaves it out of its answer (most of the bytes it would send back), the main thread cuts it again.
 * The items' rows for the Parquet file are encoded in the worker, where the text is, and their
 * bytes handed over without a copy.
 */
import type { Extraction, Item } from '../../src/lib/extract/types';
import { encodeLines, type EncodedLines } from './json-lines';
import { compareItems } from './order';

/** Drops each item's text that is exactly the file's text between its offsets (worker side). */
export function leaveOutText(items: Item[], text: string): void {
	for (const item of items) if (item.text === text.slice(item.char_start, item.char_end)) (item as { text?: string }).text = undefined;
}

/** Cuts the left-out texts again from the file's text (main thread). */
export function restoreText(items: Item[], text: string): void {
	for (const item of items) if (item.text === undefined) item.text = text.slice(item.char_start, item.char_end);
}

/**
 * A worker's answer to job `id`: the extraction with its items' texts left out, and the items'
 * lines in the order the file keeps them (order.ts; none when the items are not rows the main
 * thread would keep: it checks them, and encodes them itself if it must).
 */
export function answer(id: number, extraction: Extraction, text: string): { message: object; transfer: ArrayBuffer[] } {
	let itemLines: EncodedLines | undefined;
	try {
		itemLines = encodeLines('items', [...extraction.items].sort(compareItems));
	} catch {
		itemLines = undefined;
	}
	leaveOutText(extraction.items, text);
	return { message: { id, extraction, itemLines }, transfer: itemLines ? [itemLines.bytes.buffer as ArrayBuffer] : [] };
}
