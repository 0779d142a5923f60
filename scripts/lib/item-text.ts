/**
 * An item's text is a slice of the file's text, which the main thread already holds: a worker
 * leaves it out of its answer (most of the bytes it would send back), the main thread cuts it again.
 */
import type { Item } from '../../src/lib/extract/types';

/** Drops each item's text that is exactly the file's text between its offsets (worker side). */
export function leaveOutText(items: Item[], text: string): void {
	for (const item of items) if (item.text === text.slice(item.char_start, item.char_end)) (item as { text?: string }).text = undefined;
}

/** Cuts the left-out texts again from the file's text (main thread). */
export function restoreText(items: Item[], text: string): void {
	for (const item of items) if (item.text === undefined) item.text = text.slice(item.char_start, item.char_end);
}
