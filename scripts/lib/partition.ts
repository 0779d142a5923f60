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

/** DuckDB percent-encodes partition values as URLs; Hive, Spark and Trino want them as Hive escapes them. */
async function renameToHive(dir: string): Promise<void> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const eq = entry.name.indexOf('=');
		if (eq > 0) {
			const value = entry.name.slice(eq + 1);
			const hive = value === NULL_PARTITION ? value : hiveEscape(decodeURIComponent(value));
			const name = `${entry.name.slice(0, eq + 1)}${hive}`;
			if (name !== entry.name) await rename(join(dir, entry.name), join(dir, name));
			await renameToHive(join(dir, name));
		}
	}
}

async function syncTree(dir: string): Promise<void> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) await syncTree(path);
		else await syncFile(path);
	}
}

/** A table's rows in file order, with the document's municipality as the column `municipality`. */
function withMunicipality(key: keyof typeof TABLES): string {
	const spec = TABLES[key];
	const cols = spec.columns
		.filter((c) => c.name !== 'municipality')
		.map((c) => `t.${quoteIdent(c.name)}`)
		.join(', ');
	const from = key === 'documents' ? 'documents t' : `${quoteIdent(spec.table)} t LEFT JOIN documents d USING (doc_id)`;
	const municipality = key === 'documents' ? 't.municipality' : 'd.municipality';
	const order = spec.orderBy.map((c) => `t.${quoteIdent(c)}`).join(', ');
	return `SELECT ${cols}, ${municipality} AS municipality FROM ${from} ORDER BY ${order}`;
}

/**
 * Writes facts/, documents/ and items/ as hive-partitioned Parquet into `dir`; returns the
 * folder names. Rows keep the flat files' order within each file.
 */
export async function copyPartitioned(staging: Staging, dir: string): Promise<string[]> {
	staging.flush();
	const connection = staging.connection;
	const threads = (await connection.runAndReadAll("SELECT current_setting('threads') AS n")).getRowObjectsJson()[0].n;
	// One thread keeps each partition's rows in the order of the query.
	await connection.run('SET threads = 1');
	try {
		const plans: [keyof typeof TABLES, string][] = [
			['facts', 'municipality, year'],
			['documents', 'municipality'],
			['items', 'municipality']
		];
		for (const [key, partitionBy] of plans) {
			const target = join(dir, key);
			await mkdir(target, { recursive: true });
			await connection.run(
				`COPY (${withMunicipality(key)}) TO $1 (${parquetOptions(TABLES[key])}, PARTITION_BY (${partitionBy}), FILENAME_PATTERN 'part-{i}', OVERWRITE_OR_IGNORE)`,
				[target]
			);
			await renameToHive(target);
			await syncTree(target);
		}
	} finally {
		await connection.run(`SET threads = ${Number(threads)}`);
	}
	return [...PARTITIONED_DIRS];
}
