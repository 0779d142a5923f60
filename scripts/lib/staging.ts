/**
 * Where rows wait between extraction and the Parquet files: DuckDB tables, filled file by file
 * as extractions complete. On disk (a database file in the run's temporary folder) with a
 * memory limit, so a corpus of any size runs in flat memory; in memory for small tables.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, DuckDBDateValue, type DuckDBAppender, type DuckDBConnection } from './duckdb';
import type { TableName } from './json-lines';
import { TABLES, isoDateParts, type Column, type TableSpec } from './schema';

export type { TableName };
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

/** A set of rows staged apart from the rest, e.g. one municipality's for partitioned output. */
export type Group = string | null;

export class Staging {
	/** Open appenders by table name. */
	private readonly pending = new Map<string, Pending>();
	private pendingBytes = 0;
	private pendingRows = 0;
	/** Staged tables of each group, by the group's key ('' for rows staged without a group). */
	private readonly groupTables = new Map<string, { group: Group; index: number }>();
	private readonly created = new Set<string>();
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
			for (const name of TABLE_NAMES) await connection.run(createTable(TABLES[name], TABLES[name].table));
		} catch (error) {
			await staging.close();
			throw error;
		}
		return staging;
	}

	/** The table that holds a group's rows of `name` (the table itself without a group). */
	async tableFor(name: TableName, group?: Group): Promise<string> {
		if (group === undefined) return TABLES[name].table;
		const key = group === null ? '\u0000null' : `=${group}`;
		let entry = this.groupTables.get(key);
		if (!entry) {
			entry = { group, index: this.groupTables.size };
			this.groupTables.set(key, entry);
		}
		const table = `${TABLES[name].table}_${entry.index}`;
		if (!this.created.has(table)) {
			await this.connection.run(createTable(TABLES[name], table));
			this.created.add(table);
		}
		return table;
	}

	/** The groups rows were staged in, in the order first seen, with their tables (null: none staged). */
	get groups(): { group: Group; table: (name: TableName) => string | null }[] {
		return [...this.groupTables.values()].map(({ group, index }) => ({
			group,
			table: (name: TableName) => {
				const table = `${TABLES[name].table}_${index}`;
				return this.created.has(table) ? table : null;
			}
		}));
	}

	/**
	 * Adds rows to a table, or to a group's table; they must already fit its columns (see rows.ts).
	 * Rows keep the order they were added in.
	 */
	async append(name: TableName, rows: readonly object[], group?: Group): Promise<void> {
		if (rows.length === 0) return;
		const table = await this.tableFor(name, group);
		let pending = this.pending.get(table);
		if (!pending) {
			pending = { appender: await this.connection.createAppender(table) };
			this.pending.set(table, pending);
		}
		const columns = TABLES[name].columns;
		for (const row of rows) {
			const record = row as Record<string, unknown>;
			for (const column of columns) this.pendingBytes += appendCell(pending.appender, column, record[column.name]);
			pending.appender.endRow();
		}
		this.pendingRows += rows.length;
		this.rowCounts[name] += rows.length;
		// The appenders' buffers together stay small, however many tables are open.
		if (this.pendingBytes >= FLUSH_BYTES || this.pendingRows >= FLUSH_ROWS) {
			for (const p of this.pending.values()) p.appender.flushSync();
			this.pendingBytes = 0;
			this.pendingRows = 0;
		}
	}

	/** Hands every appended row to the tables. */
	flush(): void {
		for (const pending of this.pending.values()) pending.appender.closeSync();
		this.pending.clear();
		this.pendingBytes = 0;
		this.pendingRows = 0;
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

function createTable(spec: TableSpec, table: string): string {
	const columns = spec.columns.map((c) => `${quoteIdent(c.name)} ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');
	return `CREATE TABLE ${quoteIdent(table)} (${columns})`;
}

/** The rows of a table in the order its file keeps them. */
export function orderedSelect(spec: TableSpec): string {
	return `SELECT * FROM ${quoteIdent(spec.table)} ORDER BY ${spec.orderBy.map(quoteIdent).join(', ')}`;
}
