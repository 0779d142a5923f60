import { asset } from '$app/paths';
import type { AreaInfo } from './areas';
import type { FactRow } from './facts';
import { factOf, indexPart, klagesagerEntities, mergeKlagesager, paths, type FamilyFile, type ItemFile, type SiteDataMeta, type SourceFact } from './filekeys';
import type { KlagesagerSelection } from './klagesager';
import type { Overview } from './overview';

/** The pages' interactions answered from the small static files the build wrote (sitedata.server.ts). */

function meta(): SiteDataMeta {
	return typeof __SITE_DATA__ === 'undefined' ? { base: '', digits: 0 } : __SITE_DATA__;
}

const cache = new Map<string, Promise<unknown>>();

/** One file, fetched once; a failed fetch is tried again next time. */
export function dataFile<T>(path: string): Promise<T> {
	const { base } = meta();
	if (!base) return Promise.reject(new Error('no data files in this build'));
	let pending = cache.get(path) as Promise<T> | undefined;
	if (!pending) {
		pending = fetch(asset(`/${base}/${path}`)).then((r) => {
			if (!r.ok) throw new Error(`${path}: ${r.status}`);
			return r.json() as Promise<T>;
		});
		pending.catch(() => cache.delete(path));
		cache.set(path, pending);
	}
	return pending;
}

/** The agenda item a fact was read from, with the item's text; null when the fact is unknown. */
export async function itemOf(factId: string): Promise<{ item: ItemFile; fact: SourceFact } | null> {
	const index = await dataFile<Record<string, number>>(paths.index(indexPart(factId, meta().digits)));
	const n = index[factId];
	if (n === undefined) return null;
	const item = await dataFile<ItemFile>(paths.item(n));
	const fact = item.facts.find((f) => f.fact_id === factId);
	return fact ? { item, fact: factOf(item, fact) } : null;
}

export function overviewFile(municipality: string): Promise<Overview> {
	return dataFile<Overview>(paths.overview(municipality));
}

export function budgetFile(municipality: string): Promise<FactRow[]> {
	return dataFile<FactRow[]>(paths.family('budget', municipality));
}

export function magtanvendelseFile(municipality: string): Promise<FactRow[]> {
	return dataFile<FactRow[]>(paths.family('magtanvendelse', municipality));
}

export async function klagesagerAreasFile(municipality: string): Promise<AreaInfo[]> {
	return (await dataFile<FamilyFile>(paths.family('klagesager', municipality))).areas ?? [];
}

/** The same facts as klagesagerFacts, from the entities' files. */
export async function klagesagerFile(selection: KlagesagerSelection): Promise<FactRow[]> {
	const files = await Promise.all(klagesagerEntities(selection).map((e) => dataFile<FamilyFile>(paths.family('klagesager', e))));
	return mergeKlagesager(files, selection);
}
