/**
 * Selections live in the URL. Every value read from it is checked against what the data offers
 * (or a strict pattern); anything else falls back to the default, so a hand-edited or hostile
 * link can only ever select something that exists.
 */

/** Every key the site reads from the URL, in one place. */
export const KEY = {
	kommune: 'kommune',
	omraade: 'omraade',
	sammenlign: 'sammenlign',
	perioder: 'perioder',
	sorter: 'sorter',
	retning: 'retning',
	opfoelgning: 'opfoelgning',
	grundlag: 'grundlag',
	udvalg: 'udvalg',
	kilde: 'kilde',
	deck: 'd',
	vis: 'vis',
	soeg: 'q',
	side: 'side',
	status: 'status'
} as const;

/** What follows the user from page to page: the chosen municipality. */
export const CARRIED: readonly string[] = [KEY.kommune];

const CONTROL = /[\u0000-\u001f\u007f]/g;

export function one(params: URLSearchParams, key: string, allowed: readonly string[], fallback: string): string {
	const value = params.get(key);
	return value !== null && allowed.includes(value) ? value : fallback;
}

export function many(
	params: URLSearchParams,
	key: string,
	allowed: readonly string[],
	fallback: readonly string[]
): string[] {
	const values = params.getAll(key).filter((v, i, all) => allowed.includes(v) && all.indexOf(v) === i);
	return values.length > 0 ? values : [...fallback];
}

export function int(params: URLSearchParams, key: string, min: number, max: number, fallback: number): number {
	const raw = params.get(key);
	if (raw === null || !/^\d{1,9}$/.test(raw)) return fallback;
	const n = Number(raw);
	return n >= min && n <= max ? n : fallback;
}

/** Free text (a search): control characters removed, length capped; it is only ever a bound parameter. */
export function text(params: URLSearchParams, key: string, maxLength = 200): string {
	return (params.get(key) ?? '').replace(CONTROL, ' ').trim().slice(0, maxLength);
}

/** A fact id as the extractor writes it: letters, digits and a few separators. */
export function factId(params: URLSearchParams, key: string = KEY.kilde): string | null {
	const raw = params.get(key);
	return raw !== null && /^[A-Za-z0-9_.:-]{1,128}$/.test(raw) ? raw : null;
}

export type Change = string | readonly string[] | null | undefined;

/** The href for the same page with some parameters changed (null or empty removes them). */
export function hrefWith(params: URLSearchParams, changes: Record<string, Change>): string {
	const next = new URLSearchParams(params);
	for (const [key, value] of Object.entries(changes)) {
		next.delete(key);
		if (value == null) continue;
		for (const v of typeof value === 'string' ? [value] : value) if (v !== '') next.append(key, v);
	}
	const query = next.toString();
	return query ? `?${query}` : '?';
}

/** The source view of a fact, over the current page. */
export function sourceHref(params: URLSearchParams, id: string): string {
	return hrefWith(params, { [KEY.kilde]: id });
}

/**
 * A link to another page of the site that keeps the user's municipality (and whatever else is
 * given, e.g. the area a card is about).
 */
export function pageHref(path: string, params: URLSearchParams, changes: Record<string, Change> = {}): string {
	const next = new URLSearchParams();
	for (const key of CARRIED) for (const v of params.getAll(key)) next.append(key, v);
	const query = hrefWith(next, changes);
	return query === '?' ? path : path + query;
}
