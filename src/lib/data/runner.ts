/** One way to run SQL with bound parameters: DuckDB in Node at build time, DuckDB-WASM in the browser. */
export type Param = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Runner {
	all<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
	/** Makes the `items` view available (items.parquet is large; it is opened only when asked). */
	withItems(): Promise<void>;
	/** Makes the `facts_memory` table available: every fact column but the quote, held in memory for quick scans. */
	withFactsInMemory(): Promise<void>;
}

/** The explorer's default order (newest meeting first). It numbers the facts (`n`), and the explorer's files follow it. */
export const EXPLORER_ORDER = 'meeting_date DESC NULLS LAST, doc_id, char_start, fact_id';

/** Every fact with its number `n` in the explorer's default order, counted from 0. */
export const NUMBERED_FACTS = `SELECT * EXCLUDE (rule), CAST(row_number() OVER (ORDER BY ${EXPLORER_ORDER}) - 1 AS INTEGER) AS n FROM facts`;

/** The columns the explorer's facts file leaves out: a fact's row number n finds its id and quote in the quote files. */
export const NOT_IN_MEMORY = ['fact_id', 'quote', 'item_title', 'case_no', 'char_end', 'n'];

/** The columns the explorer filters on by equality; in the browser's memory they are enums (compared as small numbers). */
const ENUM_COLUMNS = ['family', 'metric', 'area', 'entity', 'period', 'check'];

/**
 * The statements that make the in-memory table from the explorer's facts file (`file` as
 * registered): each fact numbered by its row, the filter columns as enums of their values in
 * sorted order (so equality is fast and sorting by them sorts as text does).
 */
export function factsInMemoryFrom(file: string): string[] {
	const q = (c: string) => `"${c}"`;
	return [
		`CREATE TEMP TABLE facts_file AS SELECT * EXCLUDE (file_row_number), CAST(file_row_number AS INTEGER) AS n FROM read_parquet('${file}', file_row_number = true)`,
		...ENUM_COLUMNS.map((c) => `CREATE TYPE ${c}_values AS ENUM (SELECT DISTINCT ${q(c)} FROM facts_file WHERE ${q(c)} IS NOT NULL ORDER BY 1)`),
		`CREATE TABLE facts_memory AS SELECT * REPLACE (${ENUM_COLUMNS.map((c) => `CAST(${q(c)} AS ${c}_values) AS ${q(c)}`).join(', ')}) FROM facts_file ORDER BY n`,
		'DROP TABLE facts_file'
	];
}

/**
 * What `withFactsInMemory` loads when the build wrote no explorer files: the numbered facts
 * without quotes (the quotes are fetched for the rows shown).
 */
export const FACTS_IN_MEMORY = `CREATE TABLE facts_memory AS SELECT * EXCLUDE (quote) FROM (${NUMBERED_FACTS}) ORDER BY n`;

/** DuckDB hands back BIGINT as bigint and DATE as a date object or a number; the pages want plain values. */
export function plain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return value;
}

export function plainRow(row: Record<string, unknown>): Row {
	const out: Row = {};
	for (const key of Object.keys(row)) out[key] = plain(row[key]);
	return out;
}
