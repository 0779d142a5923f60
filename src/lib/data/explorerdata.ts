import { asset } from '$app/paths';
import { explorerPaths, QUOTES_PER_FILE, quotesFromFacts, type Meeting, type QuoteSource } from './explorer';
import { dataFile } from './files';

/** The explorer's files in the browser (written at build by explorerfiles.server.ts). */

function base(): string {
	return typeof __SITE_DATA__ === 'undefined' ? '' : __SITE_DATA__.base;
}

/** Where the facts file for the engine's memory is; null when the build wrote no explorer files. */
export function explorerFactsUrl(): string | null {
	const b = base();
	return b ? new URL(asset(`/${b}/${explorerPaths.facts}`), location.href).href : null;
}

/** The quotes of a page's rows from the quote files (their numbers say which); the Parquet file when there are none. */
export const quotesFromFiles: QuoteSource = async (run, rows) => {
	if (!base() || rows.some((r) => r.n == null)) return quotesFromFacts(run, rows);
	const files = new Map<string, Promise<string[]>>();
	for (const r of rows) {
		const path = explorerPaths.quotes(r.n!);
		if (!files.has(path)) files.set(path, dataFile<string[]>(path));
	}
	const read = new Map<string, string[]>();
	try {
		for (const [path, file] of files) read.set(path, await file);
	} catch {
		return quotesFromFacts(run, rows);
	}
	return new Map(rows.map((r) => [r.fact_id, read.get(explorerPaths.quotes(r.n!))?.[r.n! % QUOTES_PER_FILE] ?? '']));
};

/** The meetings in a municipality's minutes, newest first. */
export function meetingsFile(municipality: string): Promise<Meeting[]> {
	return dataFile<Meeting[]>(explorerPaths.meetings(municipality));
}
