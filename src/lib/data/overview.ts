import { comparePeriods, FACT_COLUMNS, mainMunicipality, municipalities, NATIONAL, placeholders, type FactRow } from './facts';
import type { Runner } from './runner';

const CARD_METRICS = [
	'omgoerelsespct',
	'klagesager_antal',
	'afvigelse_vedtaget_budget',
	'afvigelse_korrigeret_budget',
	'vedtaget_budget',
	'magtanvendelser_indberettet',
	'magtanvendelser_ikke_tilladte'
];

export type CardKind = 'omgoerelse' | 'klagesager' | 'budget' | 'magtanvendelse';

/** One key figure: its series (oldest first), the latest fact, and what to compare it with. */
export interface Card {
	kind: CardKind;
	metric: string;
	area: string;
	series: FactRow[];
	latest: FactRow;
	previous: FactRow | null;
	/** The national average for the same area and period, when stated. */
	national: FactRow | null;
	/** Budget only: the deviation from the corrected budget in the same follow-up. */
	secondary: FactRow | null;
}

export interface Overview {
	municipality: string;
	municipalities: string[];
	cards: Card[];
	/** The date of the latest meeting in the municipality's own minutes, when any is dated. */
	latestMeeting: string | null;
}

function byPeriod(a: FactRow, b: FactRow) {
	return comparePeriods(a.period, b.period);
}

/** One value per period (the first stated, when a figure is repeated). */
function series(facts: FactRow[]): FactRow[] {
	const seen = new Map<string, FactRow>();
	for (const f of [...facts].sort(byPeriod)) if (!seen.has(f.period)) seen.set(f.period, f);
	return [...seen.values()];
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
	return out;
}

/**
 * The areas of a metric, most recent first; among those, areas with a national average to compare
 * with, then the areas the minutes say most about (the whole municipality usually), then the longest series.
 */
function rankedSeries(facts: FactRow[], metric: string, entity: string): FactRow[][] {
	const weight = new Map<string, number>();
	for (const f of facts) if (f.entity === entity) weight.set(f.area, (weight.get(f.area) ?? 0) + 1);
	const hasNational = (s: FactRow[]) => {
		const last = s[s.length - 1];
		return facts.some((f) => f.entity === NATIONAL && f.metric === metric && f.area === last.area && f.period === last.period);
	};
	const groups = [...groupBy(facts.filter((f) => f.metric === metric && f.entity === entity), (f) => f.area).values()].map(
		series
	);
	const lastYear = (s: FactRow[]) => s[s.length - 1].year;
	return groups.sort(
		(a, b) =>
			lastYear(b) - lastYear(a) ||
			Number(hasNational(b)) - Number(hasNational(a)) ||
			(weight.get(b[0].area) ?? 0) - (weight.get(a[0].area) ?? 0) ||
			b.length - a.length ||
			a[0].area.localeCompare(b[0].area)
	);
}

/** "2024" and "2025" compare; "2025" and "2024-Q1-Q3" do not. */
const periodShape = (period: string) => period.replace(/\d{4}/g, 'Y');

function card(kind: CardKind, stated: FactRow[], all: FactRow[]): Card {
	const last = stated[stated.length - 1];
	const s = stated.filter((f) => periodShape(f.period) === periodShape(last.period));
	const latest = s[s.length - 1];
	const national =
		all.find(
			(f) => f.entity === NATIONAL && f.metric === latest.metric && f.area === latest.area && f.period === latest.period
		) ?? null;
	return {
		kind,
		metric: latest.metric,
		area: latest.area,
		series: s,
		latest,
		previous: s.length > 1 ? s[s.length - 2] : null,
		national,
		secondary: null
	};
}

/** The budget total: the "I alt" row of the latest follow-up, else its largest budget. */
function budgetCard(facts: FactRow[], municipality: string): Card | null {
	const own = facts.filter((f) => f.family === 'budget' && f.entity === municipality);
	const deviations = own.filter((f) => f.metric === 'afvigelse_vedtaget_budget' || f.metric === 'afvigelse_korrigeret_budget');
	if (deviations.length === 0) return null;
	const latestPeriod = deviations.map((f) => f.period).sort(comparePeriods).at(-1)!;
	const inLatest = own.filter((f) => f.period === latestPeriod);
	const total =
		inLatest.find((f) => /^\s*I alt\b/i.test(f.quote)) ??
		[...inLatest.filter((f) => f.metric === 'vedtaget_budget')].sort((a, b) => Math.abs(b.value) - Math.abs(a.value))[0];
	const area = total?.area ?? deviations[0].area;
	const metric = inLatest.some((f) => f.area === area && f.metric === 'afvigelse_vedtaget_budget')
		? 'afvigelse_vedtaget_budget'
		: 'afvigelse_korrigeret_budget';
	const s = series(own.filter((f) => f.area === area && f.metric === metric));
	const c = card('budget', s, facts);
	c.secondary =
		metric === 'afvigelse_vedtaget_budget'
			? (own.find((f) => f.area === area && f.period === latestPeriod && f.metric === 'afvigelse_korrigeret_budget') ?? null)
			: null;
	return c;
}

export function buildCards(facts: FactRow[], municipality: string): Card[] {
	const cards: Card[] = [];
	const omgoerelse = rankedSeries(facts, 'omgoerelsespct', municipality);
	const newest = omgoerelse[0]?.at(-1)?.year;
	for (const s of omgoerelse.filter((s) => s.at(-1)!.year === newest).slice(0, 3)) cards.push(card('omgoerelse', s, facts));
	const antal = rankedSeries(facts, 'klagesager_antal', municipality)[0];
	if (antal) cards.push(card('klagesager', antal, facts));
	const budget = budgetCard(facts, municipality);
	if (budget) cards.push(budget);
	for (const metric of ['magtanvendelser_indberettet', 'magtanvendelser_ikke_tilladte']) {
		const s = rankedSeries(facts, metric, municipality)[0];
		if (s) cards.push(card('magtanvendelse', s, facts));
	}
	return cards;
}

export async function overview(run: Runner, municipality?: string): Promise<Overview> {
	const all = await municipalities(run);
	const m = municipality ?? (await mainMunicipality(run));
	const facts = await run.all<FactRow>(
		`SELECT ${FACT_COLUMNS} FROM facts
		 WHERE metric IN (${placeholders(CARD_METRICS)}) AND entity IN (?, ?)
		 ORDER BY year, period, meeting_date, doc_id, item_no, char_start, fact_id`,
		[...CARD_METRICS, m, NATIONAL]
	);
	const [latest] = await run.all<{ date: string | null }>(
		`SELECT CAST(max(meeting_date) AS VARCHAR) AS date FROM documents WHERE municipality = ?`,
		[m]
	);
	return { municipality: m, municipalities: all, cards: buildCards(facts, m), latestMeeting: latest?.date ?? null };
}

/** One municipality's latest figure of a kind, for the comparison of municipalities on a topic page. */
export interface MunicipalityFigure {
	municipality: string;
	latest: FactRow;
	national: FactRow | null;
}

const COMPARED: Record<Exclude<CardKind, 'klagesager'>, string[]> = {
	omgoerelse: ['omgoerelsespct'],
	budget: ['afvigelse_vedtaget_budget', 'afvigelse_korrigeret_budget', 'vedtaget_budget'],
	magtanvendelse: ['magtanvendelser_indberettet']
};

/**
 * Every municipality with minutes of its own, beside each other on one key figure: the figure its
 * Overblik card shows (the latest omgørelsesprocent, budget deviation or count of reported uses of force).
 */
export async function compareMunicipalities(run: Runner, kind: keyof typeof COMPARED): Promise<MunicipalityFigure[]> {
	const all = await municipalities(run);
	const metrics = COMPARED[kind];
	const facts = await run.all<FactRow>(
		`SELECT ${FACT_COLUMNS} FROM facts
		 WHERE metric IN (${placeholders(metrics)}) AND entity IN (${placeholders([...all, NATIONAL])})
		 ORDER BY year, period, meeting_date, doc_id, item_no, char_start, fact_id`,
		[...metrics, ...all, NATIONAL]
	);
	const out: MunicipalityFigure[] = [];
	for (const m of all) {
		const own = facts.filter((f) => f.entity === m || f.entity === NATIONAL);
		const c =
			kind === 'budget'
				? budgetCard(own, m)
				: (() => {
						const s = rankedSeries(own, metrics[0], m)[0];
						return s ? card(kind, s, own) : null;
					})();
		if (c) out.push({ municipality: m, latest: c.latest, national: c.national });
	}
	return out;
}
