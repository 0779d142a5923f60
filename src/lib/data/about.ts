import { comparePeriods, FACT_COLUMNS, NATIONAL, type FactRow } from './facts';
import type { DocumentRow } from '../extract/types';
import type { Runner } from './runner';

/** A meeting as /om/ lists it: documents.parquet without the encoding. */
export type DocumentInfo = Omit<DocumentRow, 'encoding'>;

/** The metrics a complete report of each family holds, per area and period. */
export const EXPECTED: Record<string, { metric: string; entity: 'own' | 'national' }[]> = {
	klagesager: [
		{ metric: 'klagesager_antal', entity: 'own' },
		{ metric: 'stadfaestet_antal', entity: 'own' },
		{ metric: 'aendret_antal', entity: 'own' },
		{ metric: 'hjemvist_antal', entity: 'own' },
		{ metric: 'omgoerelsespct', entity: 'own' },
		{ metric: 'omgoerelsespct', entity: 'national' }
	],
	budget: [
		{ metric: 'vedtaget_budget', entity: 'own' },
		{ metric: 'korrigeret_budget', entity: 'own' },
		{ metric: 'forventet_forbrug', entity: 'own' },
		{ metric: 'afvigelse_vedtaget_budget', entity: 'own' },
		{ metric: 'afvigelse_korrigeret_budget', entity: 'own' }
	],
	magtanvendelse: [
		{ metric: 'magtanvendelser_indberettet', entity: 'own' },
		{ metric: 'magtanvendelser_tilladte', entity: 'own' },
		{ metric: 'magtanvendelser_ikke_tilladte', entity: 'own' },
		{ metric: 'magtanvendelser_ikke_magtanvendelse', entity: 'own' },
		{ metric: 'magtanvendelser_uafgjort', entity: 'own' },
		{ metric: 'forhaandsgodkendelser', entity: 'own' }
	]
};

export interface Gap {
	family: string;
	municipality: string;
	area: string;
	period: string;
	missing: { metric: string; national: boolean }[];
	present: number;
}

export interface About {
	documents: DocumentInfo[];
	inconsistent: FactRow[];
	gaps: Gap[];
	counts: { facts: number; unchecked: number; inconsistent: number };
}

/** How many inconsistent figures the page lists; the explorer has the rest. */
export const LISTED = 200;

export async function about(run: Runner): Promise<About> {
	const documents = await run.all<DocumentInfo>(
		`SELECT doc_id, file_name, committee, CAST(meeting_date AS VARCHAR) AS meeting_date, municipality,
		   CAST(item_count AS INTEGER) AS item_count, CAST(fact_count AS INTEGER) AS fact_count, CAST(error AS VARCHAR) AS error
		 FROM documents ORDER BY meeting_date NULLS LAST, doc_id`
	);
	const inconsistent = await run.all<FactRow>(
		`SELECT ${FACT_COLUMNS} FROM facts WHERE "check" = 'inconsistent' ORDER BY meeting_date, doc_id, char_start LIMIT ${LISTED}`
	);
	const present = await run.all<{ family: string; entity: string; area: string; period: string; metric: string }>(
		`SELECT DISTINCT family, entity, area, period, metric FROM facts
		 WHERE family IN ('klagesager', 'budget', 'magtanvendelse')`
	);
	const [counts] = await run.all<{ facts: number; unchecked: number; inconsistent: number }>(
		`SELECT CAST(count(*) AS INTEGER) AS facts,
		   CAST(count(*) FILTER (WHERE "check" = 'unchecked') AS INTEGER) AS unchecked,
		   CAST(count(*) FILTER (WHERE "check" = 'inconsistent') AS INTEGER) AS inconsistent
		 FROM facts`
	);
	return {
		documents,
		inconsistent,
		gaps: gaps(present),
		counts: counts ?? { facts: 0, unchecked: 0, inconsistent: 0 }
	};
}

/** For every municipality, area and period a family reports on: the expected figures it lacks. */
export function gaps(present: { family: string; entity: string; area: string; period: string; metric: string }[]): Gap[] {
	const have = new Set(present.map((p) => `${p.family}|${p.entity}|${p.area}|${p.period}|${p.metric}`));
	const cells = new Map<string, { family: string; municipality: string; area: string; period: string }>();
	for (const p of present)
		if (p.entity !== NATIONAL)
			cells.set(`${p.family}|${p.entity}|${p.area}|${p.period}`, {
				family: p.family,
				municipality: p.entity,
				area: p.area,
				period: p.period
			});
	const out: Gap[] = [];
	for (const c of cells.values()) {
		const expected = EXPECTED[c.family] ?? [];
		const missing = expected
			.filter((e) => !have.has(`${c.family}|${e.entity === 'own' ? c.municipality : NATIONAL}|${c.area}|${c.period}|${e.metric}`))
			.map((e) => ({ metric: e.metric, national: e.entity === 'national' }));
		out.push({ ...c, missing, present: expected.length - missing.length });
	}
	const familyOrder = Object.keys(EXPECTED);
	return out.sort(
		(a, b) =>
			familyOrder.indexOf(a.family) - familyOrder.indexOf(b.family) ||
			a.area.localeCompare(b.area, 'da') ||
			comparePeriods(a.period, b.period)
	);
}
