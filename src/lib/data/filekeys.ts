/**
 * Names of the small static files the build writes for the pages' interactions (see
 * sitedata.server.ts), computed the same way in Node and in the browser.
 */

import type { AreaInfo } from './areas';
import { NATIONAL, type FactRow } from './facts';
import { shownFacts, type KlagesagerSelection } from './klagesager';

/** Where one data set's files are, below the site's root, and how many hex digits name an index part. */
export interface SiteDataMeta {
	/** `data/site/<content hash>`, or '' when the build had no data. */
	base: string;
	digits: number;
}

/** FNV-1a over UTF-16 code units, 8 hex digits: stable, cheap, the same everywhere. */
export function shortHash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

/** The part of the fact index that holds a fact id. */
export function indexPart(factId: string, digits: number): string {
	return digits === 0 ? 'alle' : shortHash(factId).slice(0, digits);
}

/** A municipality's (or the national average's) file name. */
export function entityKey(entity: string): string {
	return shortHash(entity);
}

export const paths = {
	index: (part: string) => `kilde/${part}.json`,
	item: (n: number) => `punkt/${n}.json`,
	overview: (entity: string) => `oversigt/${entityKey(entity)}.json`,
	family: (family: string, entity: string) => `${family}/${entityKey(entity)}.json`
};

export type SourceFact = FactRow & { char_start: number; char_end: number };

/** The columns every fact of an item shares; an item file states them once. */
export const ITEM_COLUMNS = ['doc_id', 'item_no', 'item_title', 'case_no', 'committee', 'meeting_date', 'owner'] as const;
type ItemColumns = Pick<FactRow, (typeof ITEM_COLUMNS)[number]>;

/** A fact in its item's file: without what the item states, and without a quote its offsets cut from the text. */
export type ItemFact = Partial<SourceFact>;

/** One agenda item: what the source dialog shows. */
export interface ItemFile extends ItemColumns {
	/** The municipality whose minutes the item is in (the source dialog names it). */
	owner: string | null;
	file_name: string | null;
	/** Where the item's text starts in the file; null when the item's text is not in the data. */
	item_start: number | null;
	text: string | null;
	facts: ItemFact[];
}

/** What an item file holds for a fact, the shared columns left out (see factOf). */
export function itemFact(item: ItemFile, fact: SourceFact): ItemFact {
	const out: ItemFact = { ...fact };
	for (const c of ITEM_COLUMNS) if (out[c] === item[c]) delete out[c];
	if (item.text != null && item.item_start != null && item.text.slice(fact.char_start - item.item_start, fact.char_end - item.item_start) === fact.quote)
		delete out.quote;
	return out;
}

/** The whole fact again, from its item file. */
export function factOf(item: ItemFile, fact: ItemFact): SourceFact {
	const whole = { ...fact } as SourceFact;
	for (const c of ITEM_COLUMNS) if (!(c in fact)) (whole as Record<string, unknown>)[c] = item[c];
	if (whole.quote === undefined)
		whole.quote = item.text != null && item.item_start != null ? item.text.slice(whole.char_start - item.item_start, whole.char_end - item.item_start) : '';
	return whole;
}

/** A family's facts for one entity. */
export interface FamilyFile {
	facts: FactRow[];
	/** Each fact's place in the family's order over all entities, so files of several merge. */
	rank: number[];
	areas?: AreaInfo[];
}

/** The entities whose klagesager files a selection reads. */
export function klagesagerEntities(selection: KlagesagerSelection): string[] {
	return [...new Set([selection.municipality, ...selection.compare, NATIONAL])];
}

/** What klagesagerFacts answers, from the entities' files: merged in the family's order, cut to the areas. */
export function mergeKlagesager(files: FamilyFile[], selection: KlagesagerSelection): FactRow[] {
	const areas = new Set(selection.areas);
	const merged: [number, FactRow][] = [];
	for (const file of files) file.facts.forEach((f, i) => areas.has(f.area) && merged.push([file.rank[i], f]));
	merged.sort((a, b) => a[0] - b[0]);
	return shownFacts(merged.map(([, f]) => f));
}
