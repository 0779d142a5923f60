/**
 * Rows as newline-delimited JSON, the form in which the Parquet files are fed to DuckDB
 * (stream.ts). Workers encode their items' lines themselves, where the text already is, and hand
 * the bytes over without a copy; the main thread only passes them on.
 */
import { TABLES } from './schema';

export type TableName = keyof typeof TABLES;

/**
 * The longest line of a table DuckDB takes; it reserves twice this for its read buffer. A file
 * with a longer row (an agenda item of over 16 MB, where minutes are well under one) is refused
 * alone, named in the run's errors.
 */
export const MAX_LINE_BYTES = 16 * 2 ** 20;

const COLUMN_NAMES = Object.fromEntries(Object.entries(TABLES).map(([name, spec]) => [name, spec.columns.map((c) => c.name)])) as Record<
	TableName,
	string[]
>;

/**
 * One row as a JSON line with exactly the table's columns (missing ones null). DuckDB refuses a
 * lone surrogate; it becomes U+FFFD, as it does when a string is handed to DuckDB directly.
 */
export function jsonLine(name: TableName, row: object): string {
	const columns = COLUMN_NAMES[name];
	const record = row as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const column of columns) out[column] = record[column] ?? null;
	const line = JSON.stringify(out);
	if (!line.includes('\\ud')) return line;
	for (const column of columns) if (typeof out[column] === 'string') out[column] = (out[column] as string).toWellFormed();
	return JSON.stringify(out);
}

/** Why a line cannot be written (longer than DuckDB takes), or null. */
export function lineProblem(name: TableName, line: string): string | null {
	// UTF-8 takes at most three bytes for each UTF-16 unit: most lines need no counting.
	if (3 * line.length < MAX_LINE_BYTES) return null;
	const bytes = Buffer.byteLength(line);
	return bytes < MAX_LINE_BYTES ? null : `a row of ${name} is too long to write (${(bytes / 2 ** 20).toFixed(0)} MB; limit ${MAX_LINE_BYTES / 2 ** 20} MB)`;
}

/** A table's rows as UTF-8 lines, and the first reason one cannot be written. */
export interface EncodedLines {
	bytes: Uint8Array;
	problem: string | null;
}

const encoder = new TextEncoder();
/** Where a worker writes lines before they are copied into a buffer of their own; grows as needed. */
let scratch = new Uint8Array(1 << 20);

/**
 * The lines as bytes in a buffer of their own, to be transferred from a worker. Each line is
 * written straight into UTF-8 (at most three bytes for each UTF-16 unit): no string of all the
 * lines to flatten, no pass to count their bytes first.
 */
export function encodeLines(name: TableName, rows: readonly object[]): EncodedLines {
	const lines = rows.map((row) => jsonLine(name, row));
	let problem: string | null = null;
	let units = 0;
	for (const line of lines) {
		problem ??= lineProblem(name, line);
		units += line.length + 1;
	}
	if (scratch.length < 3 * units) scratch = new Uint8Array(3 * units);
	let at = 0;
	for (const line of lines) {
		at += encoder.encodeInto(line, scratch.subarray(at)).written;
		scratch[at++] = 0x0a;
	}
	return { bytes: scratch.slice(0, at), problem };
}
