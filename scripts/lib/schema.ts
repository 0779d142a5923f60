/** Column names and SQL types of the three Parquet files, in the contract's order. */

export type SqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE';

export interface Column {
	name: string;
	type: SqlType;
	nullable: boolean;
}

const col = (name: string, type: SqlType, nullable = false): Column => ({ name, type, nullable });

export const FACT_COLUMNS: readonly Column[] = [
	col('fact_id', 'VARCHAR'),
	col('doc_id', 'VARCHAR'),
	col('item_no', 'INTEGER'),
	col('item_title', 'VARCHAR'),
	col('case_no', 'VARCHAR', true),
	col('committee', 'VARCHAR', true),
	col('meeting_date', 'DATE', true),
	col('family', 'VARCHAR'),
	col('metric', 'VARCHAR'),
	col('entity', 'VARCHAR'),
	col('area', 'VARCHAR'),
	col('period', 'VARCHAR'),
	col('year', 'INTEGER'),
	col('value', 'DOUBLE'),
	col('unit', 'VARCHAR'),
	col('quote', 'VARCHAR'),
	col('char_start', 'INTEGER'),
	col('char_end', 'INTEGER'),
	col('check', 'VARCHAR'),
	col('check_note', 'VARCHAR', true),
	col('rule', 'VARCHAR'),
	col('page', 'INTEGER', true)
];

export const DOCUMENT_COLUMNS: readonly Column[] = [
	col('doc_id', 'VARCHAR'),
	col('file_name', 'VARCHAR'),
	col('committee', 'VARCHAR', true),
	col('meeting_date', 'DATE', true),
	col('municipality', 'VARCHAR', true),
	col('item_count', 'INTEGER'),
	col('fact_count', 'INTEGER'),
	col('encoding', 'VARCHAR', true),
	col('error', 'VARCHAR', true),
	col('source_format', 'VARCHAR'),
	col('page_count', 'INTEGER', true)
];

export const ITEM_COLUMNS: readonly Column[] = [
	col('doc_id', 'VARCHAR'),
	col('item_no', 'INTEGER'),
	col('title', 'VARCHAR'),
	col('case_no', 'VARCHAR', true),
	col('decision', 'VARCHAR', true),
	col('text', 'VARCHAR'),
	col('char_start', 'INTEGER'),
	col('char_end', 'INTEGER')
];

export interface TableSpec {
	file: string;
	table: string;
	columns: readonly Column[];
	/** Sort order of the rows in the file, so that the same input gives the same bytes. */
	orderBy: readonly string[];
	/** Rows per Parquet row group, where the default (122,880) would hold too much text at once. */
	rowGroupSize?: number;
}

export const TABLES = {
	facts: {
		file: 'facts.parquet',
		table: 'facts',
		columns: FACT_COLUMNS,
		orderBy: ['doc_id', 'item_no', 'char_start', 'metric', 'entity', 'fact_id']
	},
	documents: { file: 'documents.parquet', table: 'documents', columns: DOCUMENT_COLUMNS, orderBy: ['doc_id'] },
	items: { file: 'items.parquet', table: 'items', columns: ITEM_COLUMNS, orderBy: ['doc_id', 'item_no', 'char_start'], rowGroupSize: 10_000 }
} as const satisfies Record<string, TableSpec>;

export const OUTPUT_FILES = Object.values(TABLES).map((t) => t.file);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Year, month and day of a valid ISO date (yyyy-mm-dd), else null. */
export function isoDateParts(value: string): { year: number; month: number; day: number } | null {
	const m = ISO_DATE.exec(value);
	if (!m) return null;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
	return { year, month, day };
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Why a value does not fit a column, or null when it does. */
export function cellProblem(column: Column, value: unknown): string | null {
	if (value === null || value === undefined) return column.nullable ? null : `${column.name} is missing`;
	switch (column.type) {
		case 'VARCHAR':
			return typeof value === 'string' ? null : `${column.name} is not text`;
		case 'INTEGER':
			return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX
				? null
				: `${column.name} is not a 32-bit integer: ${String(value)}`;
		case 'DOUBLE':
			return typeof value === 'number' && Number.isFinite(value) ? null : `${column.name} is not a finite number: ${String(value)}`;
		case 'DATE':
			return typeof value === 'string' && isoDateParts(value) ? null : `${column.name} is not an ISO date: ${String(value)}`;
	}
}

/** The first problem of a row against its columns, or null. */
export function rowProblem(columns: readonly Column[], row: object): string | null {
	const record = row as Record<string, unknown>;
	for (const column of columns) {
		const problem = cellProblem(column, record[column.name]);
		if (problem) return problem;
	}
	return null;
}
