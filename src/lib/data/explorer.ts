import { FACT_COLUMNS, ownerColumn, placeholders, type FactRow } from './facts';
import { entityKey } from './filekeys';
import { EXPLORER_ORDER, type Param, type Runner } from './runner';

export const PAGE_SIZE = 50;

/** Quotes per quote file: a page of facts in the default order reads one or two. */
export const QUOTES_PER_FILE = 256;

/** More meetings than this are not listed on the page but fetched per municipality. */
export const MEETINGS_ON_PAGE = 500;

/**
 * The explorer's own files, written at build below the site data folder (explorerfiles.server.ts):
 * the facts in the default order without ids, quotes and what the page does not show (what the
 * browser's engine holds in memory; a fact's number n is its row number), their ids and quotes in
 * the same order, QUOTES_PER_FILE to a file, and each municipality's meetings.
 */
export const explorerPaths = {
	facts: 'alle/fakta.parquet',
	quotes: (n: number) => `alle/citat/${Math.floor(n / QUOTES_PER_FILE)}.json`,
	meetings: (municipality: string) => `alle/moeder/${entityKey(municipality)}.json`
};

/** Sortable columns: URL key → SQL (a whitelist; nothing from the URL reaches the SQL text). */
export const SORT_COLUMNS: Record<string, string> = {
	familie: 'family',
	maal: 'metric',
	vaerdi: 'value',
	kommune: 'entity',
	omraade: 'area',
	periode: 'year, period',
	moede: 'meeting_date',
	punkt: 'doc_id, item_no',
	status: '"check"',
	citat: 'quote'
};

export interface ExplorerQuery {
	familie: string;
	maal: string;
	omraade: string;
	kommune: string;
	periode: string;
	moede: string;
	status: string;
	/** Free text searched for in the quotes. */
	q: string;
	sorter: string;
	faldende: boolean;
	side: number;
}

export const DEFAULT_QUERY: ExplorerQuery = {
	familie: '',
	maal: '',
	omraade: '',
	kommune: '',
	periode: '',
	moede: '',
	status: '',
	q: '',
	sorter: 'moede',
	faldende: true,
	side: 1
};

export interface Meeting {
	doc_id: string;
	committee: string | null;
	meeting_date: string | null;
}

export interface ExplorerOptions {
	familie: string[];
	maal: string[];
	omraade: string[];
	kommune: string[];
	periode: string[];
	/** Every meeting, when there are at most MEETINGS_ON_PAGE; otherwise none, and `moedePerKommune`. */
	moede: Meeting[];
	/** The meetings are too many for the page: they are fetched for the chosen municipality. */
	moedePerKommune: boolean;
	status: string[];
}

async function distinct(run: Runner, column: string): Promise<string[]> {
	const rows = await run.all<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM facts WHERE ${column} IS NOT NULL ORDER BY v`);
	return rows.map((r) => r.v);
}

const MEETINGS = `SELECT doc_id, committee, CAST(meeting_date AS VARCHAR) AS meeting_date FROM documents`;
const MEETINGS_ORDER = 'meeting_date DESC NULLS LAST, doc_id';

export async function explorerOptions(run: Runner): Promise<ExplorerOptions> {
	const [{ n }] = await run.all<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM documents');
	const perMunicipality = n > MEETINGS_ON_PAGE;
	return {
		familie: await distinct(run, 'family'),
		maal: await distinct(run, 'metric'),
		omraade: await distinct(run, 'area'),
		kommune: await distinct(run, 'entity'),
		periode: await distinct(run, 'period'),
		status: await distinct(run, '"check"'),
		moede: perMunicipality ? [] : await run.all<Meeting>(`${MEETINGS} ORDER BY ${MEETINGS_ORDER}`),
		moedePerKommune: perMunicipality
	};
}

/** Each municipality's meetings (those of its own minutes), newest first: the files `explorerPaths.meetings`. */
export async function meetingsByMunicipality(run: Runner): Promise<Map<string, Meeting[]>> {
	const rows = await run.all<Meeting & { municipality: string }>(
		`SELECT municipality, doc_id, committee, CAST(meeting_date AS VARCHAR) AS meeting_date FROM documents
		 WHERE municipality IS NOT NULL ORDER BY municipality, ${MEETINGS_ORDER}`
	);
	const out = new Map<string, Meeting[]>();
	for (const { municipality, ...meeting } of rows) {
		const list = out.get(municipality) ?? [];
		if (list.length === 0) out.set(municipality, list);
		list.push(meeting);
	}
	return out;
}

/** The municipality whose minutes a meeting is; null when the meeting is unknown. */
export async function ownerOfMeeting(run: Runner, docId: string): Promise<string | null> {
	const [row] = await run.all<{ municipality: string | null }>(`SELECT municipality FROM documents WHERE doc_id = ? LIMIT 1`, [docId]);
	return row?.municipality ?? null;
}

/** Search terms: "quoted phrases" stay whole, other words count one by one; every term must occur. */
export function searchTerms(text: string): string[] {
	const terms: string[] = [];
	for (const m of text.matchAll(/"([^"]*)"|(\S+)/g)) {
		const term = (m[1] ?? m[2] ?? '').trim();
		if (term && !terms.includes(term)) terms.push(term);
	}
	return terms.slice(0, 8);
}

/** `%text%` for ILIKE, with the pattern characters in the text taken literally. */
export function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(q: ExplorerQuery): { sql: string; params: Param[] } {
	const parts: string[] = [];
	const params: Param[] = [];
	const equal: [keyof ExplorerQuery, string][] = [
		['familie', 'family'],
		['maal', 'metric'],
		['omraade', 'area'],
		['kommune', 'entity'],
		['periode', 'period'],
		['moede', 'doc_id'],
		['status', '"check"']
	];
	for (const [key, column] of equal) {
		const value = q[key];
		if (typeof value === 'string' && value !== '') {
			parts.push(`${column} = ?`);
			params.push(value);
		}
	}
	for (const term of searchTerms(q.q)) {
		parts.push(`regexp_replace(quote, '\\s+', ' ', 'g') ILIKE ? ESCAPE '\\'`);
		params.push(containsPattern(term));
	}
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** A row of the page; `n` is its number in the default order when it came from the in-memory table. */
export type ExplorerRow = FactRow & { n?: number };

export interface ExplorerPage {
	total: number;
	rows: ExplorerRow[];
}

/** What a quote file holds: the fact ids and quotes of QUOTES_PER_FILE facts in the default order. */
export interface QuoteFile {
	fact_id: string[];
	quote: string[];
}

/** Where the fact ids and quotes of a page's rows come from, by their numbers n. */
export type QuoteSource = (run: Runner, rows: ExplorerRow[]) => Promise<Map<number, { fact_id: string; quote: string }>>;

/**
 * The fact ids and quotes of a page of facts from the in-memory table (built from facts.parquet,
 * so it has the ids) and the Parquet file, one lookup per meeting: the file is sorted by meeting,
 * so an equality on doc_id lets the reader skip the row groups of other meetings. The browser
 * reads the quote files the build wrote instead (explorerdata.ts).
 */
export const quotesFromFacts: QuoteSource = async (run, rows) => {
	const ids = await run.all<{ n: number; fact_id: string; doc_id: string }>(
		`SELECT n, fact_id, doc_id FROM facts_memory WHERE n IN (${placeholders(rows)})`,
		rows.map((r) => r.n ?? -1)
	);
	const byDoc = new Map<string, string[]>();
	for (const row of ids) byDoc.set(row.doc_id, [...(byDoc.get(row.doc_id) ?? []), row.fact_id]);
	const parts: string[] = [];
	const params: Param[] = [];
	for (const [doc, facts] of byDoc) {
		parts.push(`SELECT fact_id, quote FROM facts WHERE doc_id = ? AND fact_id IN (${placeholders(facts)})`);
		params.push(doc, ...facts);
	}
	const found = new Map((await run.all<{ fact_id: string; quote: string }>(parts.join(' UNION ALL '), params)).map((r) => [r.fact_id, r.quote]));
	return new Map(ids.map((r) => [r.n, { fact_id: r.fact_id, quote: found.get(r.fact_id) ?? '' }]));
};

/**
 * The in-memory table's columns as FactRow: it holds what the page filters, sorts and shows;
 * the fact id and quote come from a QuoteSource, the item's title and case number are not shown.
 */
const MEMORY_COLUMNS = `${FACT_COLUMNS.replace(/\b(fact_id|item_title|case_no|quote) AS \1\b/g, 'NULL AS $1')}, n`;

/** The page's sort as SQL: its columns, each in the chosen direction with nulls last. */
function orderOf(q: ExplorerQuery): { order: string; orderBy: string } {
	const order = SORT_COLUMNS[q.sorter] ?? SORT_COLUMNS.moede;
	const direction = q.faldende ? 'DESC' : 'ASC';
	return { order, orderBy: order.split(', ').map((c) => `${c} ${direction} NULLS LAST`).join(', ') };
}

/**
 * One page of facts. Count and page come from the in-memory table (no ids or quotes; in the
 * default order simply by the number n), the ids and quotes of the rows shown from `quotes`; a
 * search in the quotes or a sort by quote reads the Parquet file.
 */
export async function explore(run: Runner, q: ExplorerQuery, quotes: QuoteSource = quotesFromFacts): Promise<ExplorerPage> {
	const { sql, params } = where(q);
	const { order, orderBy } = orderOf(q);
	const needsQuote = searchTerms(q.q).length > 0 || order === SORT_COLUMNS.citat;
	if (!needsQuote) await run.withFactsInMemory();
	const table = needsQuote ? 'facts' : 'facts_memory';
	const columns = needsQuote ? FACT_COLUMNS : MEMORY_COLUMNS;
	// In memory, n stands in for the fact id as the last tie-break (within a meeting it follows the ids).
	const full = `${orderBy}, doc_id, char_start, fact_id`;
	const sorted = needsQuote ? full : full === EXPLORER_ORDER ? 'n' : `${orderBy}, doc_id, char_start, n`;
	const [count] = await run.all<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table} ${sql}`, params);
	const offset = (Math.max(1, q.side) - 1) * PAGE_SIZE;
	if (needsQuote)
		return {
			total: count?.n ?? 0,
			rows: await run.all<ExplorerRow>(`SELECT ${columns} FROM ${table} ${sql} ORDER BY ${sorted} LIMIT ${PAGE_SIZE} OFFSET CAST(? AS INTEGER)`, [...params, offset])
		};
	// The page's numbers first (a narrow sort), then their rows: the table is in n order, so a range of n skips the rest.
	const numbers = (await run.all<{ n: number }>(`SELECT n FROM ${table} ${sql} ORDER BY ${sorted} LIMIT ${PAGE_SIZE} OFFSET CAST(? AS INTEGER)`, [...params, offset]))
		.map((r) => Number(r.n))
		.filter(Number.isInteger);
	// Written out, not bound: only constants let the engine skip the table's other row groups.
	const found = numbers.length === 0 ? [] : await run.all<ExplorerRow>(
		`SELECT ${columns} FROM ${table} WHERE n BETWEEN ${Math.min(...numbers)} AND ${Math.max(...numbers)} AND n IN (${numbers.join(', ')})`
	);
	const byNumber = new Map(found.map((r) => [r.n!, r]));
	const rows = numbers.map((n) => byNumber.get(n)!).filter(Boolean);
	if (rows.length > 0) {
		const ids = await quotes(run, rows);
		for (const row of rows) Object.assign(row, ids.get(row.n!) ?? { fact_id: `n${row.n}`, quote: '' });
	}
	return { total: count?.n ?? 0, rows };
}

/** The most rows one export holds (the whole data set of many municipalities stays below it). */
export const EXPORT_LIMIT = 200_000;

/** Every fact the filters and search select, in the page's order, with quotes and owners: what an export holds. */
export async function exploreAll(run: Runner, q: ExplorerQuery): Promise<FactRow[]> {
	const { sql, params } = where(q);
	const { orderBy } = orderOf(q);
	return run.all<FactRow>(
		`SELECT ${FACT_COLUMNS}, ${ownerColumn()} FROM facts ${sql} ORDER BY ${orderBy}, doc_id, char_start, fact_id LIMIT ${EXPORT_LIMIT}`,
		params
	);
}
