/**
 * Hive-style partitioned output for corpora too large for one file:
 *   facts/municipality=<m>/year=<y>/part-0.parquet
 *   documents/municipality=<m>/part-0.parquet
 *   items/municipality=<m>/part-0.parquet
 * The partition columns live in the folder names only (not inside the files), as Spark and
 * Trino expect; folder names are escaped the way Hive escapes them, so "Ærø" stays "Ærø".
 */
import { mkdir, readdir, rename } from 'node:fs/promises';
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

/**
 * Writes facts/, documents/ and items/ as hive-partitioned Parquet into `dir`; returns the
 * folder names. Rows are first grouped by municipality (a sort that spills to disk), then each
 * municipality is written by its own COPY, so memory holds one municipality's open files at a
 * time, never the corpus. Within each file rows keep the flat files' order.
 */
export async function copyPartitioned(staging: Staging, dir: string): Promise<string[]> {
	staging.flush();
	const connection = staging.connection;
	const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS n")).getRowObjectsJson()[0].n;
	// One thread keeps each file's rows in the order of the query.
	await connection.run('SET threads = 1');
	try {
		for (const key of ['facts', 'items'] as const) {
			const cols = TABLES[key].columns.map((c) => `t.${quoteIdent(c.name)}`).join(', ');
			const order = TABLES[key].orderBy.map((c) => `t.${quoteIdent(c)}`).join(', ');
			await connection.run(
				`CREATE OR REPLACE TEMP TABLE partitioned_${key} AS SELECT d.municipality, ${cols}
				 FROM ${quoteIdent(TABLES[key].table)} t LEFT JOIN documents d USING (doc_id) ORDER BY d.municipality NULLS LAST, ${order}`
			);
		}
		const places = (
			await connection.runAndReadAll(
				`WITH d AS (SELECT DISTINCT municipality AS m FROM documents),
					f AS (SELECT municipality AS m, count(*) AS n FROM partitioned_facts GROUP BY 1),
					i AS (SELECT municipality AS m, count(*) AS n FROM partitioned_items GROUP BY 1)
				 SELECT d.m, coalesce(f.n, 0)::INTEGER AS facts, coalesce(i.n, 0)::INTEGER AS items
				 FROM d LEFT JOIN f ON f.m IS NOT DISTINCT FROM d.m LEFT JOIN i ON i.m IS NOT DISTINCT FROM d.m
				 ORDER BY d.m NULLS LAST`
			)
		).getRowObjectsJS() as { m: string | null; facts: number; items: number }[];

		for (const key of PARTITIONED_DIRS) await mkdir(join(dir, key), { recursive: true });
		let n = 0;
		for (const { m, facts, items } of places) {
			const folder = `municipality=${m === null ? NULL_PARTITION : hiveEscape(m)}`;
			const where = m === null ? 'municipality IS NULL' : 'municipality = $2';
			const params = (path: string) => (m === null ? [path] : [path, m]);
			await mkdir(join(dir, 'documents', folder), { recursive: true });
			await connection.run(
				`COPY (SELECT ${columnList('documents', ['municipality'])} FROM documents WHERE ${where} ORDER BY ${orderOf('documents')}) TO $1 (${parquetOptions(TABLES.documents)})`,
				params(join(dir, 'documents', folder, 'part-0.parquet'))
			);
			if (items > 0) {
				await mkdir(join(dir, 'items', folder), { recursive: true });
				await connection.run(
					`COPY (SELECT ${columnList('items')} FROM partitioned_items WHERE ${where}) TO $1 (${parquetOptions(TABLES.items)})`,
					params(join(dir, 'items', folder, 'part-0.parquet'))
				);
			}
			if (facts > 0) {
				// DuckDB's partitioned COPY mangles a target path with non-ASCII letters ("Ærø"): write to an ASCII name, then rename.
				const ascii = join(dir, 'facts', `.partition-${n++}`);
				await connection.run(
					`COPY (SELECT ${columnList('facts')} FROM partitioned_facts WHERE ${where}) TO $1 (${parquetOptions(TABLES.facts)}, PARTITION_BY (year), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE)`,
					params(ascii)
				);
				await rename(ascii, join(dir, 'facts', folder));
			}
		}
		for (const key of ['facts', 'items'] as const) await connection.run(`DROP TABLE partitioned_${key}`);
		for (const key of PARTITIONED_DIRS) await syncTree(join(dir, key));
	} finally {
		await connection.run(`SET threads = ${Number(threads)}`);
	}
	return [...PARTITIONED_DIRS];
}
