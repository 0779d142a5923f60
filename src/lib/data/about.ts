import { comparePeriods, factColumns, mainMunicipality, municipalities, NATIONAL, type FactRow } from './facts';
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

export interface Counts {
	facts: number;
	unchecked: number;
	inconsistent: number;
}

/** A fact with the municipality whose minutes it stands in. */
export type OwnedFact = FactRow & { owner: string | null };

export interface About {
	municipalities: string[];
	municipality: string;
	documents: DocumentInfo[];
	inconsistent: OwnedFact[];
	gaps: Gap[];
	/** Per municipality whose minutes are read ('' for minutes of no known municipality). */
	counts: Record<string, Counts>;
}

/** How many inconsistent figures the page lists per municipality; the explorer has the rest. */
export const LISTED = 200;

export async function about(run: Runner): Promise<About> {
	const documents = await run.all<DocumentInfo>(
		`SELECT doc_id, file_name, committee, CAST(meeting_date AS VARCHAR) AS meeting_date, municipality,
		   CAST(item_count AS INTEGER) AS item_count, CAST(fact_count AS INTEGER) AS fact_count, CAST(error AS VARCHAR) AS error
		 FROM documents ORDER BY meeting_date NULLS LAST, doc_id`
	);
	const inconsistent = await run.all<OwnedFact>(
		`SELECT ${factColumns('f')}, d.municipality AS owner FROM facts f JOIN documents d ON d.doc_id = f.doc_id
		 WHERE f."check" = 'inconsistent'
		 QUALIFY row_number() OVER (PARTITION BY d.municipality ORDER BY f.meeting_date, f.doc_id, f.char_start) <= ${LISTED}
		 ORDER BY f.meeting_date, f.doc_id, f.char_start`
	);
	const present = await run.all<{ family: string; entity: string; area: string; period: string; metric: string }>(
		`SELECT DISTINCT family, entity, area, period, metric FROM facts
		 WHERE family IN ('klagesager', 'budget', 'magtanvendelse')`
	);
	const counted = await run.all<Counts & { owner: string | null }>(
		`SELECT d.municipality AS owner, CAST(count(*) AS INTEGER) AS facts,
		   CAST(count(*) FILTER (WHERE f."check" = 'unchecked') AS INTEGER) AS unchecked,
		   CAST(count(*) FILTER (WHERE f."check" = 'inconsistent') AS INTEGER) AS inconsistent
		 FROM facts f JOIN documents d ON d.doc_id = f.doc_id GROUP BY d.municipality`
	);
	const counts: Record<string, Counts> = {};
	for (const { owner, ...c } of counted) counts[owner ?? ''] = c;
	return {
		municipalities: await municipalities(run),
		municipality: await mainMunicipality(run),
		documents,
		inconsistent,
		gaps: gaps(present),
		counts
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
