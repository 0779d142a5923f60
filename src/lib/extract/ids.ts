import type { Fact } from './types';

/** A stable id: the same input gives the same id on every run (64-bit FNV-1a over the fact's identity). */
export function factId(f: Pick<Fact, 'doc_id' | 'item_no' | 'metric' | 'entity' | 'area' | 'period' | 'value' | 'char_start' | 'char_end' | 'rule'>): string {
	const key = [f.doc_id, f.item_no, f.metric, f.entity, f.area, f.period, f.value, f.char_start, f.char_end, f.rule].join('\u241f');
	let h = 0xcbf29ce484222325n;
	for (let i = 0; i < key.length; i++) {
		h ^= BigInt(key.charCodeAt(i));
		h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return h.toString(16).padStart(16, '0');
}
