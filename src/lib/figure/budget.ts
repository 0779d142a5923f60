import { INK, MERFORBRUG, MINDREFORBRUG, MUTED } from '$lib/charts';
import type { DivergingSpec, LineSeries, TableCell } from '$lib/charts';
import { budgetAreas, followUps, mostFollowed } from '$lib/data/budget';
import { comparePeriods, type FactRow } from '$lib/data/facts';
import { periodKind } from '$lib/data/periods';
import { KEY, one } from '$lib/data/urlstate';
import { describeAfvigelse, formatPeriode, formatPeriodeKort, formatTick } from '$lib/format';
import { deviationFinding, followUpFinding } from './finding';
import { cellFor, datumFor, index, markFor } from './marks';
import { fileStem, periodSlug } from './name';
import { flagNotes, sourceLines } from './sources';
import type { Figure } from './types';
import { municipalityName, periodRange, subtitleOf } from './words';

export interface BudgetSelection {
	municipality: string;
	/** The committees with follow-ups, and the one shown: figures of two committees never share a table. */
	committees: string[];
	committee: string;
	/** The chosen committee's facts. */
	facts: FactRow[];
	periods: string[];
	period: string;
	basis: 'vedtaget' | 'korrigeret';
	areaNames: string[];
	area: string;
}

/** The committee a page opens on: the one with the latest follow-up, then the most figures. */
function mainCommittee(facts: FactRow[], committees: string[]): string {
	const latest = (c: string) => followUps(facts.filter((f) => (f.committee ?? '') === c)).at(-1) ?? '0000';
	const count = (c: string) => facts.filter((f) => (f.committee ?? '') === c).length;
	return [...committees].sort((a, b) => comparePeriods(latest(b), latest(a)) || count(b) - count(a) || a.localeCompare(b, 'da'))[0] ?? '';
}

export function budgetSelection(params: URLSearchParams, municipality: string, all: FactRow[]): BudgetSelection {
	const committees = [...new Set(all.filter((f) => followUps([f]).length > 0).map((f) => f.committee ?? ''))].sort((a, b) =>
		a.localeCompare(b, 'da')
	);
	const committee = one(params, KEY.udvalg, committees, mainCommittee(all, committees));
	const facts = committees.length > 1 ? all.filter((f) => (f.committee ?? '') === committee) : all;
	const periods = followUps(facts);
	const areaNames = [...new Set(facts.map((f) => f.area))];
	const period = one(params, KEY.opfoelgning, periods, periods.at(-1) ?? '');
	const stated = (metric: string) => facts.some((f) => f.period === period && f.metric === metric);
	/** The corrected budget is what the committee steers by; the adopted one only when the follow-up gives no other. */
	const fallback = stated('afvigelse_korrigeret_budget') || !stated('afvigelse_vedtaget_budget') ? 'korrigeret' : 'vedtaget';
	return {
		municipality,
		committees,
		committee,
		facts,
		periods,
		period,
		basis: one(params, KEY.grundlag, ['vedtaget', 'korrigeret'], fallback) as 'vedtaget' | 'korrigeret',
		areaNames,
		area: one(params, KEY.omraade, areaNames, mostFollowed(facts) ?? areaNames[0] ?? '')
	};
}

export const deviationMetric = (basis: 'vedtaget' | 'korrigeret') =>
	basis === 'vedtaget' ? 'afvigelse_vedtaget_budget' : 'afvigelse_korrigeret_budget';

/** The areas of one follow-up as diverging bars: merforbrug to the left, mindreforbrug to the right. */
export function afvigelseFigure(_facts: FactRow[], s: BudgetSelection, params: URLSearchParams): Figure | null {
	const metric = deviationMetric(s.basis);
	const inPeriod = s.facts.filter((f) => f.period === s.period);
	const areas = budgetAreas(inPeriod.filter((f) => f.metric !== 'serviceramme' && f.metric !== 'afvigelse_serviceramme'));
	const byKey = index(inPeriod, (f) => `${f.area}|${f.metric}`);
	const found = areas
		.map((a) => ({ ...a, fact: byKey.get(`${a.area}|${metric}`) }))
		.filter((r): r is typeof r & { fact: FactRow } => r.fact !== undefined);
	if (found.length === 0) return null;
	const chart: DivergingSpec = {
		kind: 'diverging',
		rows: found.map((r) => ({
			key: r.area,
			label: r.total ? `I alt: ${r.area}` : r.area,
			datum: datumFor(r.fact, params, describeAfvigelse(r.fact.value))
		})),
		describe: describeAfvigelse,
		negativeLabel: 'merforbrug',
		positiveLabel: 'mindreforbrug',
		negativeColour: MERFORBRUG,
		positiveColour: MINDREFORBRUG
	};
	const used = found.map((r) => r.fact);
	const p = new URLSearchParams({ kommune: s.municipality, udvalg: s.committee, opfoelgning: s.period, grundlag: s.basis });
	return {
		key: 'afvigelse',
		ref: { side: 'budget', figur: 'afvigelse', valg: p.toString() },
		chart,
		heading: `Forventet afvigelse fra ${s.basis} budget, ${formatPeriode(s.period)}`,
		description: 'Søjler til venstre er merforbrug (udgifterne over budget), søjler til højre mindreforbrug.',
		table: {
			columns: ['Område', s.basis === 'vedtaget' ? 'Afvigelse fra vedtaget budget' : 'Afvigelse fra korrigeret budget'],
			rows: areas.map((a): TableCell[] => {
				const f = byKey.get(`${a.area}|${metric}`);
				return [{ text: a.area }, cellFor(f, params, f ? describeAfvigelse(f.value) : undefined)];
			})
		},
		finding: followUpFinding(
			s.period,
			found.map((r) => ({ label: r.area, value: r.fact.value, total: r.total }))
		),
		subtitle: subtitleOf([
			`Forventet afvigelse fra ${s.basis} budget pr. område`,
			municipalityName(s.municipality),
			'beløb i mio. kr.',
			`budgetopfølgning ${formatPeriode(s.period)}`
		]),
		sources: sourceLines(used),
		notes: flagNotes(used),
		fileName: fileStem([`afvigelse fra ${s.basis} budget`, periodSlug([s.period])])
	};
}

/** Series told apart by line style in neutral colours: orange and blue mean merforbrug and mindreforbrug on this page. */
const MOVEMENT = [
	{ metric: 'afvigelse_vedtaget_budget', label: 'Fra vedtaget budget', colour: MUTED, dashed: true },
	{ metric: 'afvigelse_korrigeret_budget', label: 'Fra korrigeret budget', colour: INK, dashed: false }
];
const TABLE_METRICS = [
	{ metric: 'vedtaget_budget', label: 'Vedtaget budget' },
	{ metric: 'korrigeret_budget', label: 'Korrigeret budget' },
	{ metric: 'forventet_forbrug', label: 'Forventet forbrug' }
];

/**
 * How the forecast deviation of one area moved from follow-up to follow-up within the chosen
 * follow-up's budget year and committee (a whole year is an account, not a follow-up).
 */
export function bevaegelseFigure(_facts: FactRow[], s: BudgetSelection, params: URLSearchParams): Figure | null {
	const year = s.facts.find((f) => f.period === s.period)?.year;
	const movement = s.facts.filter(
		(f) => f.area === s.area && f.year === year && periodKind(f.period) !== 'aar' && followUps([f]).length > 0
	);
	const periods = [...new Set(movement.map((f) => f.period))].sort(comparePeriods);
	if (periods.length === 0) return null;
	const lines = MOVEMENT.map((m) => {
		const drawn = [...index(movement.filter((f) => f.metric === m.metric), (f) => f.period).values()].sort((a, b) =>
			comparePeriods(a.period, b.period)
		);
		const series: LineSeries = {
			key: m.metric,
			label: m.label,
			colour: m.colour,
			dashed: m.dashed,
			points: drawn.map((f) => ({ x: f.period, value: f.value, mark: markFor(f, params) }))
		};
		return { series, drawn };
	}).filter((l) => l.drawn.length > 0);
	/** The finding follows the longest series; the chosen basis wins a tie. */
	const main = [...lines].sort(
		(a, b) => b.drawn.length - a.drawn.length || Number(b.series.key === deviationMetric(s.basis)) - Number(a.series.key === deviationMetric(s.basis))
	)[0];
	const basisWords = (key: string) => (key === 'afvigelse_vedtaget_budget' ? 'i forhold til vedtaget budget' : 'i forhold til korrigeret budget');
	const used = lines.flatMap((l) => l.drawn);
	const p = new URLSearchParams({ kommune: s.municipality, udvalg: s.committee, opfoelgning: s.period, omraade: s.area, grundlag: s.basis });
	return {
		key: 'bevaegelse',
		ref: { side: 'budget', figur: 'bevaegelse', valg: p.toString() },
		chart: {
			kind: 'line',
			series: lines.map((l) => l.series),
			categories: periods,
			formatCategory: formatPeriodeKort,
			formatValue: describeAfvigelse,
			formatTick: (v) => formatTick(v, 'kr')
		},
		heading: `Forventet afvigelse pr. opfølgning, ${s.area}`,
		description:
			periods.length === 1
				? 'Referaterne har kun én opfølgning for området; vælg et andet område i tabellen ovenfor.'
				: 'Hvordan skønnet for året flyttede sig fra opfølgning til opfølgning. Under nul er merforbrug, over nul mindreforbrug.',
		table: {
			columns: ['Opfølgning', ...TABLE_METRICS.map((m) => m.label), 'Afvigelse fra vedtaget budget', 'Afvigelse fra korrigeret budget'],
			rows: periods.map((p): TableCell[] => {
				const at = (metric: string) => movement.find((f) => f.period === p && f.metric === metric);
				const dev = (metric: string) => {
					const f = at(metric);
					return cellFor(f, params, f ? describeAfvigelse(f.value) : undefined);
				};
				return [
					{ text: formatPeriode(p) },
					...TABLE_METRICS.map((m) => cellFor(at(m.metric), params)),
					dev('afvigelse_vedtaget_budget'),
					dev('afvigelse_korrigeret_budget')
				];
			})
		},
		finding: main
			? deviationFinding(
					main.drawn.map((f) => ({ period: f.period, value: f.value })),
					lines.length > 1 ? basisWords(main.series.key) : ''
				)
			: `Ingen afvigelse oplyst for ${s.area}`,
		subtitle: subtitleOf([
			lines.length === 1
				? `Forventet afvigelse ${basisWords(lines[0].series.key)} pr. budgetopfølgning`
				: 'Forventet afvigelse fra vedtaget og korrigeret budget pr. budgetopfølgning',
			s.area,
			municipalityName(s.municipality),
			'beløb i mio. kr., under nul er merforbrug',
			periodRange(periods)
		]),
		sources: sourceLines(used),
		notes: flagNotes(used),
		fileName: fileStem(['forventet afvigelse', s.area, periodSlug(periods)])
	};
}
