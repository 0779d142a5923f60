/**
 * A million facts for the browser figures, made from one extraction (the seeds or a generated
 * corpus): its tables repeated until there are at least a million facts. Copy 0 is the extraction
 * itself; every further copy k is made to differ from the others the way real minutes do, so that
 * compressed sizes and the SQL engine's work are not flattered by repetition:
 *
 * - its own doc ids, fact ids (hashed) and file names;
 * - its own municipality (a rotation of the 98), committee and meeting date (spread over four
 *   years, periods and years moved with it), and a district added to most areas;
 * - its own letters and digits: the quotes and item texts of copy k go through copy k's
 *   substitution of letters (lower and upper case each among themselves) and digits. Lengths stay,
 *   so every quote is still its item's text at its offsets, and each copy keeps the letter
 *   statistics of Danish text while sharing no long run with any other copy. The values go
 *   through the same substitution of digits, so a value still reads as its quote says.
 *
 * The same extraction and target give the same files.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { random } from '../lib/fuzz';
import { COMMITTEES, MUNICIPALITIES } from './corpus/places';

/** More copies than this would be mostly repetition: the corpus is too small (use --mb 200). */
const MAX_COPIES = 8;

const LOWER = 'abcdefghijklmnopqrstuvwxyzæøå';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';

const DISTRICTS = ['Nord', 'Syd', 'Øst', 'Vest', 'Centrum', 'Land', 'By', 'Kyst', 'Midt', 'Opland', 'Havn'];

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

function shuffled(chars: string, next: () => number): string {
	const out = [...chars];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out.join('');
}

/** Copy k's substitution as (from, to) for SQL's translate(); copy 0 keeps its text. */
export function substitution(k: number): { from: string; to: string; digits: string } {
	if (k === 0) return { from: LOWER + UPPER + DIGITS, to: LOWER + UPPER + DIGITS, digits: DIGITS };
	const next = random(k * 2654435761);
	const lower = shuffled(LOWER, next);
	const digits = shuffled(DIGITS, next);
	return { from: LOWER + UPPER + DIGITS, to: lower + lower.toUpperCase() + digits, digits };
}

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
		const rows: string[] = [];
		for (let k = 0; k < copies; k++) {
			const s = substitution(k);
			// Meetings spread over four years around the original's date, in steps that visit every day.
			const days = k === 0 ? 0 : ((k * 37) % 1461) - 730;
			const committee = k === 0 ? 'NULL' : lit(COMMITTEES[k % COMMITTEES.length].name);
			const district = k % 4 === 0 ? 'NULL' : lit(DISTRICTS[k % DISTRICTS.length]);
			rows.push(`(${k}, ${lit(s.from)}, ${lit(s.to)}, ${lit(s.digits)}, ${days}, ${committee}, ${district})`);
		}
		await c.run(`CREATE TABLE copies (k INTEGER, src VARCHAR, dst VARCHAR, digits VARCHAR, days INTEGER, committee VARCHAR, district VARCHAR)`);
		for (let i = 0; i < rows.length; i += 1000) await c.run(`INSERT INTO copies VALUES ${rows.slice(i, i + 1000).join(', ')}`);
		// The municipality of copy k is the original's, moved 7k places along the list.
		await c.run(
			`CREATE TABLE moves AS SELECT p1.name AS original, k, p2.name AS moved FROM places p1 CROSS JOIN copies JOIN places p2 ON p2.i = (p1.i + k * 7) % ${MUNICIPALITIES.length}`
		);
		const suffix = (column: string) => `CASE WHEN k = 0 THEN ${column} ELSE ${column} || '-k' || k END`;
		const file = (name: string) => lit(join(from, `${name}.parquet`));
		const out = (name: string) => lit(join(to, `${name}.parquet`));
		const options = 'FORMAT parquet, COMPRESSION zstd';
		const moved = (column: string) => `CAST(${column} + days * INTERVAL 1 DAY AS DATE)`;
		// Whole years the meeting moved: periods and years move with it ("2024-Q3" → "2022-Q3", "2024-2027" → "2022-2025").
		const years = `CAST(round(days / 365.25) AS INTEGER)`;
		const year4 = (text: string) => `CAST(CAST(${text} AS INTEGER) + ${years} AS VARCHAR)`;
		const period = `CASE WHEN regexp_matches(period, '^\\d{4}-\\d{4}$') THEN ${year4('left(period, 4)')} || '-' || ${year4('right(period, 4)')}
			WHEN regexp_matches(period, '^\\d{4}') THEN ${year4('left(period, 4)')} || substr(period, 5) ELSE period END`;
		// Whole numbers without their '.0', so the decimals stay as written.
		const written = `CASE WHEN value = trunc(value) AND abs(value) < 1e15 THEN CAST(CAST(value AS BIGINT) AS VARCHAR) ELSE CAST(value AS VARCHAR) END`;
		const value = `CASE WHEN k = 0 OR value IS NULL OR NOT regexp_matches(${written}, '^-?[0-9.]+$') THEN value
			ELSE CAST(translate(${written}, '${DIGITS}', digits) AS DOUBLE) END`;
		await c.run(
			`COPY (SELECT * EXCLUDE (k, src, dst, digits, days, district, committee_1, moved) REPLACE (
				${suffix('doc_id')} AS doc_id,
				CASE WHEN k = 0 THEN fact_id ELSE left(md5(fact_id || '-' || k), 16) END AS fact_id,
				coalesce(moved, entity) AS entity,
				coalesce(committee_1, committee) AS committee,
				${moved('meeting_date')} AS meeting_date,
				CASE WHEN district IS NULL THEN area ELSE area || ', ' || district END AS area,
				${period} AS period,
				CASE WHEN year IS NULL THEN NULL ELSE year + ${years} END AS year,
				${value} AS value,
				translate(quote, src, dst) AS quote,
				translate(item_title, src, dst) AS item_title)
			 FROM (SELECT t.*, copies.k, copies.src, copies.dst, copies.digits, copies.days, copies.district, copies.committee AS committee_1, moves.moved
			       FROM read_parquet(${file('facts')}) t CROSS JOIN copies LEFT JOIN moves ON moves.original = t.entity AND moves.k = copies.k)
			 ORDER BY doc_id, item_no, char_start, metric, entity, fact_id) TO ${out('facts')} (${options})`
		);
		await c.run(
			`COPY (SELECT * EXCLUDE (k, src, dst, digits, days, district, committee_1, moved) REPLACE (
				${suffix('doc_id')} AS doc_id, ${suffix('file_name')} AS file_name,
				coalesce(moved, municipality) AS municipality,
				coalesce(committee_1, committee) AS committee,
				${moved('meeting_date')} AS meeting_date)
			 FROM (SELECT t.*, copies.k, copies.src, copies.dst, copies.digits, copies.days, copies.district, copies.committee AS committee_1, moves.moved
			       FROM read_parquet(${file('documents')}) t CROSS JOIN copies LEFT JOIN moves ON moves.original = t.municipality AND moves.k = copies.k)
			 ORDER BY doc_id) TO ${out('documents')} (${options})`
		);
		await c.run(
			`COPY (SELECT * EXCLUDE (k, src, dst) REPLACE (${suffix('doc_id')} AS doc_id, translate(text, src, dst) AS text, translate(title, src, dst) AS title)
			 FROM (SELECT t.*, copies.k, copies.src, copies.dst FROM read_parquet(${file('items')}) t CROSS JOIN copies)
			 ORDER BY doc_id, item_no, char_start) TO ${out('items')} (${options}, ROW_GROUP_SIZE 10000)`
		);
		return { facts: n * copies, copies };
	} finally {
		c.closeSync();
		instance.closeSync();
	}
}
