/** Writes the facts, documents and items tables as Parquet files into one folder. */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, DuckDBDateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { DocumentRow, Fact, Item } from '../../src/lib/extract/types';
import { TABLES, isoDateParts, type Column, type TableSpec } from './schema';

export interface Tables {
	facts: readonly Fact[];
	documents: readonly DocumentRow[];
	items: readonly Item[];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function appendCell(appender: DuckDBAppender, column: Column, value: unknown): void {
	if (value === null || value === undefined) return appender.appendNull();
	switch (column.type) {
		case 'VARCHAR':
			return appender.appendVarchar(value as string);
		case 'INTEGER':
			return appender.appendInteger(value as number);
		case 'DOUBLE':
			return appender.appendDouble(value as number);
		case 'DATE': {
			const parts = isoDateParts(value as string);
			if (!parts) throw new Error(`${column.name} is not an ISO date: ${String(value)}`);
			return appender.appendDate(DuckDBDateValue.fromParts(parts));
		}
	}
}

async function writeTable(connection: DuckDBConnection, spec: TableSpec, rows: readonly object[], path: string) {
	const columns = spec.columns
		.map((c) => `${quoteIdent(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`)
		.join(', ');
	await connection.run(`CREATE TABLE ${quoteIdent(spec.table)} (${columns})`);
	const appender = await connection.createAppender(spec.table);
	try {
		for (const row of rows) {
			const record = row as Record<string, unknown>;
			for (const column of spec.columns) appendCell(appender, column, record[column.name]);
			appender.endRow();
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
	const order = spec.orderBy.map(quoteIdent).join(', ');
	await connection.run(
		`COPY (SELECT * FROM ${quoteIdent(spec.table)} ORDER BY ${order}) TO $1 (FORMAT parquet)`,
		[path]
	);
}

async function syncFile(path: string): Promise<void> {
	const handle = await open(path, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/** Writes facts.parquet, documents.parquet and items.parquet into `dir` and flushes them to disk. */
export async function writeParquetFiles(dir: string, tables: Tables): Promise<string[]> {
	const instance = await DuckDBInstance.create(':memory:', {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const connection = await instance.connect();
	const written: string[] = [];
	try {
		for (const key of ['facts', 'documents', 'items'] as const) {
			const spec = TABLES[key];
			const path = join(dir, spec.file);
			await writeTable(connection, spec, tables[key], path);
			await syncFile(path);
			written.push(spec.file);
		}
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
	return written;
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
