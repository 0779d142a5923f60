import type { Runner } from './runner';

export interface AreaInfo {
	area: string;
	/** How many periods carry the family's headline metric. */
	periods: number;
	last_year: number;
	facts: number;
}

/** The areas one family has for an entity, the richest series first. */
export async function areasOf(run: Runner, family: string, entity: string, headline: string): Promise<AreaInfo[]> {
	return run.all<AreaInfo>(
		`SELECT area,
		   CAST(count(DISTINCT CASE WHEN metric = ? THEN period END) AS INTEGER) AS periods,
		   CAST(max(year) AS INTEGER) AS last_year,
		   CAST(count(*) AS INTEGER) AS facts
		 FROM facts WHERE family = ? AND entity = ?
		 GROUP BY area ORDER BY periods DESC, last_year DESC, facts DESC, area`,
		[headline, family, entity]
	);
}
