import { asset } from '$app/paths';
import { explorerPaths, QUOTES_PER_FILE, quotesFromFacts, type Meeting, type QuoteFile, type QuoteSource } from './explorer';
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

/** The ids and quotes of a page's rows from the quote files their numbers name; from SQL when the build wrote none. */
export const quotesFromFiles: QuoteSource = async (run, rows) => {
	if (!explorerFactsUrl()) return quotesFromFacts(run, rows);
	const files = new Map<string, Promise<QuoteFile>>();
	for (const r of rows) {
		const path = explorerPaths.quotes(r.n!);
		if (!files.has(path)) files.set(path, dataFile<QuoteFile>(path));
	}
	const out = new Map<number, { fact_id: string; quote: string }>();
	for (const r of rows) {
		const file = await files.get(explorerPaths.quotes(r.n!))!;
		const i = r.n! % QUOTES_PER_FILE;
		out.set(r.n!, { fact_id: file.fact_id[i], quote: file.quote[i] });
	}
	return out;
};

/** The meetings in a municipality's minutes, newest first. */
export function meetingsFile(municipality: string): Promise<Meeting[]> {
	return dataFile<Meeting[]>(explorerPaths.meetings(municipality));
}
