import type { Fact } from '../extract/types';
import type { Param, Runner } from './runner';

/** A fact as the pages use it: the contract's columns (without rule and offsets), read back as plain text. */
export type FactRow = Omit<Fact, 'family' | 'unit' | 'check' | 'rule' | 'char_start' | 'char_end'> & { family: string; unit: string; check: string };

export const NATIONAL = 'Landsgennemsnit';

/** The contract's columns, typed the same way in Node and in the browser (`t` qualifies them in joins). */
export function factColumns(t = ''): string {
	const c = t ? `${t}.` : '';
	return `${c}fact_id AS fact_id, ${c}doc_id AS doc_id, CAST(${c}item_no AS INTEGER) AS item_no, ${c}item_title AS item_title,
 ${c}case_no AS case_no, ${c}committee AS committee, CAST(${c}meeting_date AS VARCHAR) AS meeting_date, ${c}family AS family,
 ${c}metric AS metric, ${c}entity AS entity, ${c}area AS area, ${c}period AS period, CAST(${c}year AS INTEGER) AS year,
 CAST(${c}value AS DOUBLE) AS value, ${c}unit AS unit, ${c}quote AS quote, ${c}"check" AS "check", ${c}check_note AS check_note`;
}

export const FACT_COLUMNS = factColumns();

/** "?, ?, ?" for a list of bound values. */
export function placeholders(values: readonly unknown[]): string {
	return values.length === 0 ? 'NULL' : values.map(() => '?').join(', ');
}

/** The municipalities in the data (every entity but the national average), most facts first. */
export async function municipalities(run: Runner): Promise<string[]> {
	const rows = await run.all<{ entity: string }>(
		`SELECT entity FROM facts WHERE entity <> ? GROUP BY entity ORDER BY count(*) DESC, entity`,
		[NATIONAL]
	);
	return rows.map((r) => r.entity);
}

/** Facts of one family for the given entities (and optionally areas), oldest first. */
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
		`SELECT ${FACT_COLUMNS} FROM facts WHERE ${where} ORDER BY year, period, metric, area, entity, meeting_date, doc_id, item_no, char_start, fact_id`,
		params
	);
}

/** Sort periods in time order: by year, then the part of the year ("2024-Q1" before "2024-Q3" before "2024"). */
export function comparePeriods(a: string, b: string): number {
	const ya = Number(a.slice(0, 4));
	const yb = Number(b.slice(0, 4));
	if (ya !== yb) return ya - yb;
	const rank = (p: string) => (p.length === 4 ? 9 : Number(/Q(\d)(?!.*Q)/.exec(p)?.[1] ?? /H(\d)/.exec(p)?.[1] ?? 5));
	const ra = rank(a);
	const rb = rank(b);
	return ra !== rb ? ra - rb : a.localeCompare(b);
}
