/**
 * A million facts for the browser figures, made from one extraction of the generated corpus:
 * its tables repeated until there are at least a million facts, each copy with its own doc_ids
 * and its own municipalities (a rotation of the 98), so filters and charts see more places.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { MUNICIPALITIES } from './corpus/places';

/** More copies than this would be mostly repetition: the corpus is too small (use --mb 200). */
const MAX_COPIES = 8;

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Writes the million-fact tables into `to`; copies is 0 (nothing written) when the extraction is too small. */
export async function millionFacts(from: string, to: string, target = 1_000_000, maxCopies = MAX_COPIES): Promise<{ facts: number; copies: number }> {
	await mkdir(to, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
	const c = await instance.connect();
	try {
		const [{ n }] = (await c.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${lit(join(from, 'facts.parquet'))})`)).getRowObjectsJS() as { n: number }[];
		const copies = Math.max(1, Math.ceil(target / Math.max(1, n)));
		if (copies > maxCopies) return { facts: n, copies: 0 };
		const names = MUNICIPALITIES.map(lit).join(', ');
		await c.run(`CREATE TABLE places AS SELECT unnest([${names}]) AS name, generate_subscripts([${names}], 1) - 1 AS i`);
		await c.run(`CREATE TABLE copies AS SELECT range AS k FROM range(${copies})`);
		// The municipality of copy k is the original's, moved 7k places along the list.
		await c.run(
			`CREATE TABLE moves AS SELECT p1.name AS original, k, p2.name AS moved FROM places p1 CROSS JOIN copies JOIN places p2 ON p2.i = (p1.i + k * 7) % ${MUNICIPALITIES.length}`
		);
		const suffix = (column: string) => `CASE WHEN k = 0 THEN ${column} ELSE ${column} || '-k' || k END`;
		const file = (name: string) => lit(join(from, `${name}.parquet`));
		const out = (name: string) => lit(join(to, `${name}.parquet`));
		const options = 'FORMAT parquet, COMPRESSION zstd';
		const repeated = (name: string, column: string) =>
			`(SELECT t.*, copies.k, moves.moved FROM read_parquet(${file(name)}) t CROSS JOIN copies LEFT JOIN moves ON moves.original = t.${column} AND moves.k = copies.k)`;
		await c.run(
			`COPY (SELECT * EXCLUDE (k, moved) REPLACE (${suffix('doc_id')} AS doc_id, ${suffix('fact_id')} AS fact_id, coalesce(moved, entity) AS entity)
			 FROM ${repeated('facts', 'entity')} ORDER BY doc_id, item_no, char_start, metric, entity, fact_id) TO ${out('facts')} (${options})`
		);
		await c.run(
			`COPY (SELECT * EXCLUDE (k, moved) REPLACE (${suffix('doc_id')} AS doc_id, ${suffix('file_name')} AS file_name, coalesce(moved, municipality) AS municipality)
			 FROM ${repeated('documents', 'municipality')} ORDER BY doc_id) TO ${out('documents')} (${options})`
		);
		await c.run(
			`COPY (SELECT * EXCLUDE (k) REPLACE (${suffix('doc_id')} AS doc_id) FROM read_parquet(${file('items')}) CROSS JOIN copies ORDER BY doc_id, item_no, char_start) TO ${out('items')} (${options}, ROW_GROUP_SIZE 10000)`
		);
		return { facts: n * copies, copies };
	} finally {
		c.closeSync();
		instance.closeSync();
	}
}
