/**
 * Whether two output folders hold the same Parquet rows, row for row in file order: for checking
 * that a change to the CLI leaves what it writes as it was.
 *
 *   tsx scripts/bench/same-rows.ts <folder-a> <folder-b>     # exit 1 when they differ
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLES } from '../lib/schema';

const [a, b] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: tsx scripts/bench/same-rows.ts <folder-a> <folder-b>');
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
const numbered = (dir: string, file: string) => `(SELECT *, row_number() OVER () AS row_in_file FROM read_parquet('${dir.replaceAll("'", "''")}/${file}'))`;
let same = true;
for (const { file } of Object.values(TABLES)) {
	const [x, y] = [numbered(a, file), numbered(b, file)];
	const result = await connection.runAndReadAll(
		`SELECT (SELECT count(*) FROM ${x}) AS rows_a, (SELECT count(*) FROM ${y}) AS rows_b,
			(SELECT count(*) FROM (SELECT * FROM ${x} EXCEPT ALL SELECT * FROM ${y})) AS only_a,
			(SELECT count(*) FROM (SELECT * FROM ${y} EXCEPT ALL SELECT * FROM ${x})) AS only_b`
	);
	const counts = result.getRowObjectsJson()[0];
	if (counts.rows_a !== counts.rows_b || counts.only_a !== '0' || counts.only_b !== '0') same = false;
	process.stdout.write(`${file}: ${JSON.stringify(counts)}\n`);
}
process.stdout.write(same ? 'same rows\n' : 'DIFFERENT rows\n');
process.exitCode = same ? 0 : 1;
