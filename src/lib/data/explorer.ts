import { FACT_COLUMNS, type FactRow } from './facts';
import type { Param, Runner } from './runner';

export const PAGE_SIZE = 50;

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
	moede: Meeting[];
	status: string[];
}

async function distinct(run: Runner, column: string): Promise<string[]> {
	const rows = await run.all<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM facts WHERE ${column} IS NOT NULL ORDER BY v`);
	return rows.map((r) => r.v);
}

export async function explorerOptions(run: Runner): Promise<ExplorerOptions> {
	return {
		familie: await distinct(run, 'family'),
		maal: await distinct(run, 'metric'),
		omraade: await distinct(run, 'area'),
		kommune: await distinct(run, 'entity'),
		periode: await distinct(run, 'period'),
		status: await distinct(run, '"check"'),
		moede: await run.all<Meeting>(
			`SELECT doc_id, committee, CAST(meeting_date AS VARCHAR) AS meeting_date FROM documents ORDER BY meeting_date DESC NULLS LAST, doc_id`
		)
	};
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

export interface ExplorerPage {
	total: number;
	rows: FactRow[];
}

/** One page of facts; LIMIT/OFFSET over a sorted scan stays quick on a million rows in DuckDB. */
export async function explore(run: Runner, q: ExplorerQuery): Promise<ExplorerPage> {
	const { sql, params } = where(q);
	const order = SORT_COLUMNS[q.sorter] ?? SORT_COLUMNS.moede;
	const direction = q.faldende ? 'DESC' : 'ASC';
	const orderBy = order
		.split(', ')
		.map((c) => `${c} ${direction} NULLS LAST`)
		.join(', ');
	const [count] = await run.all<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM facts ${sql}`, params);
	const rows = await run.all<FactRow>(
		`SELECT ${FACT_COLUMNS} FROM facts ${sql} ORDER BY ${orderBy}, doc_id, char_start, fact_id LIMIT ${PAGE_SIZE} OFFSET CAST(? AS INTEGER)`,
		[...params, (Math.max(1, q.side) - 1) * PAGE_SIZE]
	);
	return { total: count?.n ?? 0, rows };
}
