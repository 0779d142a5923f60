/**
 * Where rows wait between extraction and the Parquet files: DuckDB tables, filled file by file
 * as extractions complete. On disk (a database file in the run's temporary folder) with a
 * memory limit, so a corpus of any size runs in flat memory; in memory for small tables.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, DuckDBDateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, isoDateParts, type Column, type TableSpec } from './schema';

export type TableName = keyof typeof TABLES;
const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Appended text is handed to DuckDB in slices of about this size, so the appender's buffer stays small. */
const FLUSH_BYTES = 8 * 1024 * 1024;
const FLUSH_ROWS = 50_000;

export interface StagingOptions {
	/** Folder for the database file and DuckDB's spill files, removed on close; in memory when absent. */
	dir?: string;
	/** DuckDB's memory limit, e.g. '512MB'. */
	memoryLimit?: string;
	threads?: number;
}

interface Pending {
	appender: DuckDBAppender;
	bytes: number;
	rows: number;
}

function appendCell(appender: DuckDBAppender, column: Column, value: unknown): number {
	if (value === null || value === undefined) {
		appender.appendNull();
		return 0;
	}
	switch (column.type) {
		case 'VARCHAR':
			appender.appendVarchar(value as string);
			return (value as string).length;
		case 'INTEGER':
			appender.appendInteger(value as number);
			return 4;
		case 'DOUBLE':
			appender.appendDouble(value as number);
			return 8;
		case 'DATE': {
			const parts = isoDateParts(value as string);
			if (!parts) throw new Error(`${column.name} is not an ISO date: ${String(value)}`);
			appender.appendDate(DuckDBDateValue.fromParts(parts));
			return 4;
		}
	}
}

export class Staging {
	private readonly pending = new Map<TableName, Pending>();
	private rowCounts: Record<TableName, number> = { facts: 0, documents: 0, items: 0 };

	private constructor(
		readonly instance: DuckDBInstance,
		readonly connection: DuckDBConnection,
		private readonly dir: string | null
	) {}

	static async open(options: StagingOptions = {}): Promise<Staging> {
		const config: Record<string, string> = {
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false',
			preserve_insertion_order: 'true'
		};
		if (options.memoryLimit) config.memory_limit = options.memoryLimit;
		if (options.threads) config.threads = String(options.threads);
		if (options.dir) {
			await mkdir(options.dir, { recursive: true });
			config.temp_directory = join(options.dir, 'spill');
		}
		const instance = await DuckDBInstance.create(options.dir ? join(options.dir, 'staging.duckdb') : ':memory:', config);
		const connection = await instance.connect();
		const staging = new Staging(instance, connection, options.dir ?? null);
		try {
			for (const name of TABLE_NAMES) await connection.run(createTable(TABLES[name]));
		} catch (error) {
			await staging.close();
			throw error;
		}
		return staging;
	}

	private async appenderFor(name: TableName): Promise<Pending> {
		let pending = this.pending.get(name);
		if (!pending) {
			pending = { appender: await this.connection.createAppender(TABLES[name].table), bytes: 0, rows: 0 };
			this.pending.set(name, pending);
		}
		return pending;
	}

	/** Adds rows to a table; they must already fit its columns (see rows.ts). */
	async append(name: TableName, rows: readonly object[]): Promise<void> {
		if (rows.length === 0) return;
		const pending = await this.appenderFor(name);
		const columns = TABLES[name].columns;
		for (const row of rows) {
			const record = row as Record<string, unknown>;
			for (const column of columns) pending.bytes += appendCell(pending.appender, column, record[column.name]);
			pending.appender.endRow();
		}
		pending.rows += rows.length;
		this.rowCounts[name] += rows.length;
		if (pending.bytes >= FLUSH_BYTES || pending.rows >= FLUSH_ROWS) {
			pending.appender.flushSync();
			pending.bytes = 0;
			pending.rows = 0;
		}
	}

	/** Hands every appended row to the tables. */
	flush(): void {
		for (const pending of this.pending.values()) pending.appender.closeSync();
		this.pending.clear();
	}

	get counts(): Readonly<Record<TableName, number>> {
		return this.rowCounts;
	}

	async close(): Promise<void> {
		try {
			this.flush();
		} finally {
			this.connection.closeSync();
			this.instance.closeSync();
			if (this.dir) await rm(this.dir, { recursive: true, force: true });
		}
	}
}

function createTable(spec: TableSpec): string {
	const columns = spec.columns.map((c) => `${quoteIdent(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');
	return `CREATE TABLE ${quoteIdent(spec.table)} (${columns})`;
}

/** The rows of a table in the order its file keeps them. */
export function orderedSelect(spec: TableSpec): string {
	return `SELECT * FROM ${quoteIdent(spec.table)} ORDER BY ${spec.orderBy.map(quoteIdent).join(', ')}`;
}
