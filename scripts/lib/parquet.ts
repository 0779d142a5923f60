/** Writes the facts, documents and items tables as Parquet files into one folder. */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from './duckdb';
import type { DocumentRow, Fact, Item } from '../../src/lib/extract/types';
import { TABLES, type TableSpec } from './schema';
import { Staging, orderedSelect, quoteIdent } from './staging';

export interface Tables {
	facts: readonly Fact[];
	documents: readonly DocumentRow[];
	items: readonly Item[];
}

export const PARQUET_OPTIONS = 'FORMAT parquet, COMPRESSION zstd';

export async function syncFile(path: string): Promise<void> {
	const handle = await open(path, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

export const parquetOptions = (spec: TableSpec) =>
	spec.rowGroupSize ? `${PARQUET_OPTIONS}, ROW_GROUP_SIZE ${spec.rowGroupSize}` : PARQUET_OPTIONS;

/**
 * Writes facts.parquet, documents.parquet and items.parquet from staged tables into `dir`,
 * flushed to disk. `presorted`: the rows were staged in file order (see order.ts), so a plain
 * scan keeps it and no sort of the whole corpus is needed.
 */
export async function copyTables(staging: Staging, dir: string, presorted = false): Promise<string[]> {
	staging.flush();
	const written: string[] = [];
	for (const key of ['facts', 'documents', 'items'] as const) {
		const spec = TABLES[key];
		const path = join(dir, spec.file);
		const select = presorted ? `SELECT * FROM ${quoteIdent(spec.table)}` : orderedSelect(spec);
		await staging.connection.run(`COPY (${select}) TO $1 (${parquetOptions(spec)})`, [path]);
		await syncFile(path);
		written.push(spec.file);
	}
	return written;
}

/** Writes facts.parquet, documents.parquet and items.parquet into `dir` and flushes them to disk. */
export async function writeParquetFiles(dir: string, tables: Tables): Promise<string[]> {
	const staging = await Staging.open();
	try {
		for (const key of ['facts', 'documents', 'items'] as const) await staging.append(key, tables[key]);
		return await copyTables(staging, dir);
	} finally {
		await staging.close();
	}
}

export interface ParquetContent {
	columns: { name: string; type: string }[];
	/** Rows in file order; DATE columns as ISO strings, INTEGER and DOUBLE as numbers. */
	rows: Record<string, unknown>[];
}

/** Reads a Parquet file back, e.g. to compare runs or check the contract. */
export async function readParquet(path: string): Promise<ParquetContent> {
	const instance = await DuckDBInstance.create(':memory:', {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const connection = await instance.connect();
	try {
		const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($1)', [path]);
		const columns = described.getRowObjectsJson().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
		const dates = columns.filter((c) => c.type === 'DATE').map((c) => c.name);
		const replace = dates.length
			? ` REPLACE (${dates.map((d) => `strftime(${quoteIdent(d)}, '%Y-%m-%d') AS ${quoteIdent(d)}`).join(', ')})`
			: '';
		const result = await connection.runAndReadAll(`SELECT *${replace} FROM read_parquet($1)`, [path]);
		return { columns, rows: result.getRowObjectsJS() as Record<string, unknown>[] };
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
