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

/** What `withFactsInMemory` loads: the quote stays in the Parquet file and is fetched for the rows shown. */
export const FACTS_IN_MEMORY = 'CREATE TABLE facts_memory AS SELECT * EXCLUDE (quote) FROM facts';

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
