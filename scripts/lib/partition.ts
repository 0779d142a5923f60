/**
 * Hive-style partitioned output for corpora too large for one file:
 *   facts/municipality=<m>/year=<y>/part-0.parquet
 *   documents/municipality=<m>/part-0.parquet
 *   items/municipality=<m>/part-0.parquet
 * The partition columns live in the folder names only (not inside the files), as Spark and
 * Trino expect; folder names are escaped the way Hive escapes them, so "Ærø" stays "Ærø".
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetOptions, syncFile } from './parquet';
import { TABLES } from './schema';
import { quoteIdent, type Staging } from './staging';

export const PARTITIONED_DIRS = ['facts', 'documents', 'items'] as const;

/** Hive's name for a partition whose value is null. */
export const NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';

const HIVE_ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007f', '{', '[', ']', '^']);

/** Escapes a partition value as Hive does: control characters and a few reserved ones as %XX. */
export function hiveEscape(value: string): string {
	let out = '';
	for (const ch of value) {
		const code = ch.codePointAt(0)!;
		out += code < 0x20 || HIVE_ESCAPED.has(ch) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : ch;
	}
	return out;
}

async function syncTree(dir: string): Promise<void> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) await syncTree(path);
		else await syncFile(path);
	}
}

const columnList = (key: keyof typeof TABLES, except: readonly string[] = []) =>
	TABLES[key].columns
		.filter((c) => !except.includes(c.name))
		.map((c) => quoteIdent(c.name))
		.join(', ');

const orderOf = (key: keyof typeof TABLES) => TABLES[key].orderBy.map(quoteIdent).join(', ');

const folderOf = (municipality: string | null) => `municipality=${municipality === null ? NULL_PARTITION : hiveEscape(municipality)}`;

/**
 * Writes facts/, documents/ and items/ as hive-partitioned Parquet into `dir`; returns the
 * folder names. Facts and items must have been staged per municipality (Staging groups), each
 * in file order, so every file is written by a plain scan of its own table: no sort, and
 * memory holds one file's row group at a time.
 */
export async function copyPartitioned(staging: Staging, dir: string): Promise<string[]> {
	staging.flush();
	const connection = staging.connection;
	const rowsIn = async (table: string, where = '', params: unknown[] = []) =>
		Number((await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)} ${where}`, params as never)).getRowObjectsJS()[0].n);
	for (const key of ['facts', 'items'] as const)
		if ((await rowsIn(TABLES[key].table)) > 0) throw new Error(`${key} were staged without a municipality; partitioned output needs them per municipality`);
	const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS n")).getRowObjectsJson()[0].n;
	// One thread keeps each file's rows in the order of the table.
	await connection.run('SET threads = 1');
	try {
		for (const key of PARTITIONED_DIRS) await mkdir(join(dir, key), { recursive: true });
		const places = (await connection.runAndReadAll('SELECT DISTINCT municipality AS m FROM documents ORDER BY m NULLS LAST')).getRowObjectsJS() as { m: string | null }[];
		for (const { m } of places) {
			await mkdir(join(dir, 'documents', folderOf(m)));
			await connection.run(
				`COPY (SELECT ${columnList('documents', ['municipality'])} FROM documents WHERE ${m === null ? 'municipality IS NULL' : 'municipality = $2'} ORDER BY ${orderOf('documents')}) TO $1 (${parquetOptions(TABLES.documents)})`,
				m === null ? [join(dir, 'documents', folderOf(m), 'part-0.parquet')] : [join(dir, 'documents', folderOf(m), 'part-0.parquet'), m]
			);
		}
		for (const { group, table } of staging.groups) {
			const folder = folderOf(group);
			const items = table('items');
			if (items && (await rowsIn(items)) > 0) {
				await mkdir(join(dir, 'items', folder));
				await connection.run(`COPY (SELECT ${columnList('items')} FROM ${quoteIdent(items)}) TO $1 (${parquetOptions(TABLES.items)})`, [
					join(dir, 'items', folder, 'part-0.parquet')
				]);
			}
			const facts = table('facts');
			if (!facts) continue;
			const years = (await connection.runAndReadAll(`SELECT DISTINCT year FROM ${quoteIdent(facts)} ORDER BY year`)).getRowObjectsJS() as { year: number }[];
			for (const { year } of years) {
				const target = join(dir, 'facts', folder, `year=${year}`);
				await mkdir(target, { recursive: true });
				await connection.run(`COPY (SELECT ${columnList('facts', ['year'])} FROM ${quoteIdent(facts)} WHERE year = $2) TO $1 (${parquetOptions(TABLES.facts)})`, [
					join(target, 'part-0.parquet'),
					year
				]);
			}
		}
		for (const key of PARTITIONED_DIRS) await syncTree(join(dir, key));
	} finally {
		await connection.run(`SET threads = ${Number(threads)}`);
	}
	return [...PARTITIONED_DIRS];
}
