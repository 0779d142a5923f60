import type { Fact } from './types';

/** A stable id: the same input gives the same id on every run (two 32-bit FNV-1a hashes over the fact's identity). */
export function factId(f: Pick<Fact, 'doc_id' | 'item_no' | 'metric' | 'entity' | 'area' | 'period' | 'value' | 'char_start' | 'char_end' | 'rule'>): string {
	const key = [f.doc_id, f.item_no, f.metric, f.entity, f.area, f.period, f.value, f.char_start, f.char_end, f.rule].join('\u241f');
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ key.length;
	for (let i = 0; i < key.length; i++) {
		const c = key.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
