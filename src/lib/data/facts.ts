import type { Fact } from '../extract/types';
import type { Param, Runner } from './runner';

/**
 * A fact as the pages use it: the contract's columns (without rule and offsets), read back as plain
 * text; `owner` is the municipality whose minutes it stands in, where a page names it (ownerColumn).
 */
export type FactRow = Omit<Fact, 'family' | 'unit' | 'check' | 'rule' | 'char_start' | 'char_end'> & {
	family: string;
	unit: string;
	check: string;
	owner?: string | null;
};

export const NATIONAL = 'Landsgennemsnit';

/** The contract's columns, typed the same way in Node and in the browser (`t` qualifies them in joins). */
export function factColumns(t = ''): string {
	const c = t ? `${t}.` : '';
	return `${c}fact_id AS fact_id, ${c}doc_id AS doc_id, CAST(${c}item_no AS INTEGER) AS item_no, ${c}item_title AS item_title,
 ${c}case_no AS case_no, ${c}committee AS committee, CAST(${c}meeting_date AS VARCHAR) AS meeting_date, ${c}family AS family,
 ${c}metric AS metric, ${c}entity AS entity, ${c}area AS area, ${c}period AS period, CAST(${c}year AS INTEGER) AS year,
 CAST(${c}value AS DOUBLE) AS value, ${c}unit AS unit, ${c}quote AS quote, ${c}"check" AS "check", ${c}check_note AS check_note,
 CAST(${c}page AS INTEGER) AS page`;
}

export const FACT_COLUMNS = factColumns();

/** `owner`: the municipality of the meeting whose minutes the fact (in table `t`) stands in. */
export function ownerColumn(t = 'facts'): string {
	return `(SELECT meeting.municipality FROM documents meeting WHERE meeting.doc_id = ${t}.doc_id) AS owner`;
}

/** "?, ?, ?" for a list of bound values. */
export function placeholders(values: readonly unknown[]): string {
	return values.length === 0 ? 'NULL' : values.map(() => '?').join(', ');
}

/**
 * The municipalities whose own minutes are in the data, in Danish alphabetical order. Others
 * named only in someone else's minutes stay comparison entities and are not offered here.
 */
export async function municipalities(run: Runner): Promise<string[]> {
	const rows = await run.all<{ entity: string }>(
		`SELECT DISTINCT entity FROM facts WHERE entity <> ? AND entity IN (SELECT municipality FROM documents)`,
		[NATIONAL]
	);
	const own = rows.map((r) => r.entity);
	if (own.length === 0) {
		const any = await run.all<{ entity: string }>(`SELECT DISTINCT entity FROM facts WHERE entity <> ?`, [NATIONAL]);
		own.push(...any.map((r) => r.entity));
	}
	return own.sort((a, b) => a.localeCompare(b, 'da'));
}

/** The municipality a page opens on: the one with the most figures of its own. */
export async function mainMunicipality(run: Runner): Promise<string> {
	const own = await municipalities(run);
	const rows = await run.all<{ entity: string }>(
		`SELECT entity FROM facts WHERE entity IN (${placeholders(own)}) GROUP BY entity ORDER BY count(*) DESC, entity LIMIT 1`,
		own
	);
	return rows[0]?.entity ?? own[0] ?? '';
}

/** Facts of one family for the given entities (and optionally areas), oldest first, each with its owner. */
export async function familyFacts(
	run: Runner,
	family: string,
	entities: string[],
	areas?: string[]
): Promise<FactRow[]> {
	const params: Param[] = [family, ...entities];
	let where = `family = ? AND entity IN (${placeholders(entities)})`;
	if (areas) {
		where += ` AND area IN (${placeholders(areas)})`;
		params.push(...areas);
	}
	return run.all<FactRow>(
		`SELECT ${FACT_COLUMNS}, ${ownerColumn()} FROM facts WHERE ${where} ORDER BY year, period, metric, area, entity, meeting_date, doc_id, item_no, char_start, fact_id`,
		params
	);
}

/**
 * Where a period ends within its year, in months: a quarter at its last month, a follow-up dated
 * by month at that month, a whole year after December.
 */
function endMonth(period: string): number {
	const rest = period.slice(5);
	if (period.length === 4) return 12.5;
	let m = /Q(\d)(?!.*Q)/.exec(rest);
	if (m) return Number(m[1]) * 3;
	m = /^H(\d)$/.exec(rest);
	if (m) return Number(m[1]) * 6;
	m = /^(\d{2})$/.exec(rest);
	if (m) return Number(m[1]);
	return 12.25;
}

/** Sort periods in time order: by year, then the part of the year ("2024-Q1" before "2024-05" before "2024-Q3" before "2024"). */
export function comparePeriods(a: string, b: string): number {
	const ya = Number(a.slice(0, 4));
	const yb = Number(b.slice(0, 4));
	if (ya !== yb) return ya - yb;
	const ra = endMonth(a);
	const rb = endMonth(b);
	return ra !== rb ? ra - rb : a.localeCompare(b);
}
