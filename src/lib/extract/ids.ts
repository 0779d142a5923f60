import type { Fact } from './types';

/** What makes a fact the same fact: never the rule that read it, so an id survives a new extractor version. */
export type FactIdentity = Pick<Fact, 'doc_id' | 'item_no' | 'metric' | 'entity' | 'area' | 'period' | 'value' | 'char_start' | 'char_end'>;

/**
 * A stable id (two 32-bit FNV-1a style hashes) over the fact's identity (document, item, metric,
 * entity, area, period, value, quote span). `occurrence` tells true duplicates apart: the second
 * reading of the very same fact gets occurrence 1, and so on.
 */
export function factId(f: FactIdentity, occurrence = 0): string {
	const value = f.value === 0 ? 0 : f.value;
	const parts: (string | number)[] = [f.doc_id, f.item_no, f.metric, f.entity, f.area, f.period, value, f.char_start, f.char_end];
	if (occurrence > 0) parts.push(`#${occurrence}`);
	const key = parts.join('\u241f');
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ key.length;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Gives every fact its id, counting occurrences of the same identity in the order the facts stand. */
export function assignFactIds(facts: Fact[]): void {
	const seen = new Map<string, number>();
	for (const f of facts) {
		const base = factId(f);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		f.fact_id = n === 0 ? base : factId(f, n);
	}
}
