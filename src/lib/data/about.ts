import { comparePeriods, factColumns, mainMunicipality, municipalities, NATIONAL, type FactRow } from './facts';
import type { DocumentRow } from '../extract/types';
import { entityKey } from './filekeys';
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

/** Rows per page of each of the page's lists; NOEGLETAL_OM_PER_PAGE at build sets another (the tests page through few rows). */
export function perPage(): number {
	const asked = typeof process === 'undefined' ? NaN : Number(process.env.NOEGLETAL_OM_PER_PAGE);
	return Number.isInteger(asked) && asked > 0 ? asked : 25;
}

/** The page's lists: meetings, inconsistent figures, missing figures. */
export interface AboutRows {
	moeder: DocumentInfo[];
	tjek: OwnedFact[];
	mangler: Gap[];
}
export type AboutList = keyof AboutRows;
export const ABOUT_LISTS: AboutList[] = ['moeder', 'tjek', 'mangler'];

/** One page of a list, as the build writes it (`om/<group>/<list>-<n>.json`). */
export interface AboutPage<T> {
	/** Rows of the whole list. */
	total: number;
	rows: T[];
}
export type AboutPages = { [L in AboutList]: AboutPage<AboutRows[L][number]> };

/**
 * What /om/ prerenders: the counts of every municipality and the first page of each list of the
 * one it opens on; the other pages are small files fetched on demand, so the page does not grow
 * with the number of meetings.
 */
export interface About {
	perPage: number;
	municipalities: string[];
	municipality: string;
	/** Per group (a municipality, or ALL when the data has one municipality). */
	counts: Record<string, Counts>;
	first: AboutPages;
}

/** The group of a site with one municipality: every meeting, whoever's it is. */
export const ALL = '';

/** A site with one municipality lists everything; with several, each municipality's own minutes. */
export function groupOf(municipality: string, municipalityCount: number): string {
	return municipalityCount <= 1 ? ALL : municipality;
}

/** Where one page of a group's list is, below the data files' folder. */
export function aboutPath(group: string, list: AboutList, page: number): string {
	return `om/${group === ALL ? 'alle' : entityKey(group)}/${list}-${page}.json`;
}

function pageOf<T>(rows: T[], page: number): AboutPage<T> {
	const n = perPage();
	return { total: rows.length, rows: rows.slice(page * n, (page + 1) * n) };
}

/** Every group's lists, whole. */
async function aboutRows(run: Runner, single: boolean): Promise<Map<string, AboutRows>> {
	const documents = await run.all<DocumentInfo>(
		`SELECT doc_id, file_name, committee, CAST(meeting_date AS VARCHAR) AS meeting_date, municipality,
		   CAST(item_count AS INTEGER) AS item_count, CAST(fact_count AS INTEGER) AS fact_count, CAST(error AS VARCHAR) AS error
		 FROM documents ORDER BY meeting_date NULLS LAST, doc_id`
	);
	const inconsistent = await run.all<OwnedFact>(
		`SELECT ${factColumns('f')}, d.municipality AS owner FROM facts f JOIN documents d ON d.doc_id = f.doc_id
		 WHERE f."check" = 'inconsistent'
		 ORDER BY f.meeting_date, f.doc_id, f.char_start, f.fact_id`
	);
	const present = await run.all<{ family: string; entity: string; area: string; period: string; metric: string }>(
		`SELECT DISTINCT family, entity, area, period, metric FROM facts
		 WHERE family IN ('klagesager', 'budget', 'magtanvendelse')`
	);
	const incomplete = gaps(present).filter((g) => g.missing.length > 0);
	const groups = new Map<string, AboutRows>();
	const group = (owner: string | null) => {
		const key = single ? ALL : (owner ?? ALL);
		let rows = groups.get(key);
		if (!rows) groups.set(key, (rows = { moeder: [], tjek: [], mangler: [] }));
		return rows;
	};
	for (const d of documents) group(d.municipality).moeder.push(d);
	for (const f of inconsistent) group(f.owner).tjek.push(f);
	for (const g of incomplete) group(g.municipality).mangler.push(g);
	return groups;
}

async function aboutCounts(run: Runner, single: boolean): Promise<Record<string, Counts>> {
	const counted = await run.all<Counts & { owner: string | null }>(
		`SELECT d.municipality AS owner, CAST(count(*) AS INTEGER) AS facts,
		   CAST(count(*) FILTER (WHERE f."check" = 'unchecked') AS INTEGER) AS unchecked,
		   CAST(count(*) FILTER (WHERE f."check" = 'inconsistent') AS INTEGER) AS inconsistent
		 FROM facts f JOIN documents d ON d.doc_id = f.doc_id GROUP BY d.municipality`
	);
	const counts: Record<string, Counts> = {};
	for (const { owner, ...c } of counted) {
		const key = single ? ALL : (owner ?? ALL);
		const t = (counts[key] ??= { facts: 0, unchecked: 0, inconsistent: 0 });
		t.facts += c.facts;
		t.unchecked += c.unchecked;
		t.inconsistent += c.inconsistent;
	}
	return counts;
}

function firstPages(rows: AboutRows | undefined): AboutPages {
	return {
		moeder: pageOf(rows?.moeder ?? [], 0),
		tjek: pageOf(rows?.tjek ?? [], 0),
		mangler: pageOf(rows?.mangler ?? [], 0)
	};
}

export async function about(run: Runner): Promise<About> {
	const all = await municipalities(run);
	const municipality = await mainMunicipality(run);
	const single = all.length <= 1;
	const rows = await aboutRows(run, single);
	return {
		perPage: perPage(),
		municipalities: all,
		municipality,
		counts: await aboutCounts(run, single),
		first: firstPages(rows.get(groupOf(municipality, all.length)))
	};
}

/** Every page of every group's lists, for the build to write beside the other data files. */
export async function aboutFiles(run: Runner): Promise<[string, AboutPage<unknown>][]> {
	const all = await municipalities(run);
	const single = all.length <= 1;
	const files: [string, AboutPage<unknown>][] = [];
	for (const [group, rows] of await aboutRows(run, single)) {
		if (!single && !all.includes(group)) continue;
		for (const list of ABOUT_LISTS) {
			const pages = Math.max(1, Math.ceil(rows[list].length / perPage()));
			for (let n = 0; n < pages; n++) files.push([aboutPath(group, list, n), pageOf<unknown>(rows[list], n)]);
		}
	}
	return files;
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
