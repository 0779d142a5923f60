import { NATIONAL as NATIONAL_COLOUR, OUTCOMES, seriesColour } from '$lib/charts';
import type { LineSeries, TableCell } from '$lib/charts';
import { comparePeriods, NATIONAL, type FactRow } from '$lib/data/facts';
import type { KlagesagerSelection } from '$lib/data/klagesager';
import { perKind, sameKind } from '$lib/data/periods';
import { KEY, many, one } from '$lib/data/urlstate';
import { formatAntal, formatPct, formatPeriode, formatPeriodeKort, formatTick } from '$lib/format';
import { subjectOf, trendFinding } from './finding';
import { cellFor, datumFor, index, markFor } from './marks';
import { fileStem, periodSlug } from './name';
import { flagNotes, joinDa, sourceLines } from './sources';
import type { Figure } from './types';
import { municipalityName, periodRange, subtitleOf } from './words';

export const OUTCOME_LAYERS = [
	{ key: 'stadfaestet_antal', label: 'Stadfæstet', colour: OUTCOMES.stadfaestet_antal },
	{ key: 'aendret_antal', label: 'Ændret', colour: OUTCOMES.aendret_antal },
	{ key: 'hjemvist_antal', label: 'Hjemvist', colour: OUTCOMES.hjemvist_antal }
];

/** The page's selection from its URL, each value checked against what the data offers. */
export function klagesagerSelection(
	params: URLSearchParams,
	municipalities: string[],
	municipality: string,
	areaNames: string[]
): KlagesagerSelection {
	return {
		municipality,
		areas: many(params, KEY.omraade, areaNames, areaNames.slice(0, 1)),
		compare: many(
			params,
			'sammenlign',
			municipalities.filter((m) => m !== municipality),
			[]
		)
	};
}

export function klagesagerMunicipality(params: URLSearchParams, municipalities: string[], fallback: string): string {
	return one(params, KEY.kommune, municipalities, fallback);
}

const periodsOf = (rows: FactRow[]) => [...new Set(rows.map((f) => f.period))].sort(comparePeriods);

function valg(selection: KlagesagerSelection, areas: string[]): string {
	const p = new URLSearchParams();
	p.set(KEY.kommune, selection.municipality);
	for (const a of areas) p.append(KEY.omraade, a);
	for (const c of selection.compare) p.append(KEY.sammenlign, c);
	return p.toString();
}

/** Omgørelsesprocent over the years, per area and entity, with the national average dashed. */
export function omgoerelseFigure(facts: FactRow[], selection: KlagesagerSelection, params: URLSearchParams): Figure | null {
	const stated = facts.filter((f) => f.metric === 'omgoerelsespct');
	const categories = sameKind(periodsOf(stated));
	const omgoerelse = stated.filter((f) => categories.includes(f.period));
	const entities = [selection.municipality, ...selection.compare, NATIONAL];
	const several = selection.areas.length > 1;
	const series: (LineSeries & { facts: FactRow[] })[] = [];
	selection.areas.forEach((area, a) => {
		entities.forEach((entity, e) => {
			const byPeriod = index(
				omgoerelse.filter((f) => f.area === area && f.entity === entity),
				(f) => f.period
			);
			if (byPeriod.size === 0) return;
			const national = entity === NATIONAL;
			const drawn = [...byPeriod.values()].sort((x, y) => comparePeriods(x.period, y.period));
			series.push({
				key: `${area}|${entity}`,
				label: several ? `${entity}, ${area}` : entity,
				colour: national ? (several ? seriesColour(a) : NATIONAL_COLOUR) : seriesColour(several ? a : e),
				dashed: national,
				points: drawn.map((f) => ({ x: f.period, value: f.value, mark: markFor(f, params) })),
				facts: drawn
			});
		});
	});
	if (series.length === 0) return null;

	const table = {
		columns: ['Periode', ...series.map((s) => s.label)],
		rows: categories.map((p): TableCell[] => [
			{ text: formatPeriode(p) },
			...series.map((s) => cellFor(s.facts.find((f) => f.period === p), params))
		])
	};
	const main = series.find((s) => !s.dashed) ?? series[0];
	const mainArea = main.facts[0].area;
	const subject = several || selection.compare.length > 0 ? `${subjectOf('omgoerelsespct')} for ${main.label}` : subjectOf('omgoerelsespct');
	let finding = trendFinding(
		subject,
		main.facts.map((f) => ({ period: f.period, value: f.value })),
		formatPct
	);
	const lastPeriod = main.facts[main.facts.length - 1].period;
	const national = main.dashed
		? undefined
		: series.find((s) => s.dashed && s.key.startsWith(`${mainArea}|`))?.facts.find((f) => f.period === lastPeriod);
	if (national) finding += ` (landsgennemsnit ${formatPct(national.value)})`;
	const used = series.flatMap((s) => s.facts);
	const hasNational = series.some((s) => s.dashed);

	return {
		key: 'omgoerelse',
		ref: { side: 'klagesager', figur: 'omgoerelse', valg: valg(selection, selection.areas) },
		chart: {
			kind: 'line',
			series: series.map(({ facts: _facts, ...s }) => s),
			categories,
			formatCategory: formatPeriodeKort,
			formatValue: formatPct,
			formatTick: (v) => formatTick(v, 'pct')
		},
		heading: `Omgørelsesprocent ${perKind(categories)}${selection.areas.length === 1 ? `, ${selection.areas[0]}` : ''}`,
		description:
			'Andelen af de klagesager, Ankestyrelsen afgjorde, som blev ændret eller hjemvist. Den stiplede linje er landsgennemsnittet.',
		table,
		finding,
		subtitle: subtitleOf([
			'Omgørelsesprocent',
			joinDa(selection.areas),
			municipalityName(selection.municipality),
			`pct. af Ankestyrelsens afgørelser, ${periodRange(categories)}`,
			hasNational && 'stiplet linje: landsgennemsnit'
		]),
		sources: sourceLines(used),
		notes: flagNotes(used),
		fileName: fileStem(['omgørelsesprocent', ...selection.areas, periodSlug(categories)])
	};
}

/** Stadfæstet, ændret and hjemvist per year for one area, the stated total above each bar. */
export function udfaldFigure(facts: FactRow[], selection: KlagesagerSelection, area: string, params: URLSearchParams): Figure | null {
	const own = facts.filter((f) => f.area === area && f.entity === selection.municipality);
	const categories = sameKind(periodsOf(own.filter((f) => f.metric === 'klagesager_antal' || OUTCOME_LAYERS.some((l) => l.key === f.metric))));
	const parts = own.filter((f) => categories.includes(f.period) && OUTCOME_LAYERS.some((l) => l.key === f.metric));
	const totals = own.filter((f) => categories.includes(f.period) && f.metric === 'klagesager_antal');
	if (categories.length === 0) return null;
	const byKey = index(parts, (f) => `${f.period}|${f.metric}`);
	const totalBy = index(totals, (f) => f.period);
	const used = [...byKey.values(), ...totalBy.values()];
	const points = categories.map((c) => ({
		period: c,
		value:
			totalBy.get(c)?.value ??
			OUTCOME_LAYERS.reduce((sum, l) => sum + (byKey.get(`${c}|${l.key}`)?.value ?? 0), 0)
	}));
	return {
		key: `udfald|${area}`,
		ref: { side: 'klagesager', figur: 'udfald', valg: valg(selection, [area]) },
		chart: {
			kind: 'stacked',
			categories,
			layers: OUTCOME_LAYERS,
			values: Object.fromEntries(
				categories.map((c) => [
					c,
					Object.fromEntries(
						OUTCOME_LAYERS.map((l) => {
							const f = byKey.get(`${c}|${l.key}`);
							return [l.key, f ? datumFor(f, params) : undefined];
						})
					)
				])
			),
			totals: Object.fromEntries(
				categories.map((c) => {
					const f = totalBy.get(c);
					return [c, f ? datumFor(f, params) : undefined];
				})
			),
			formatCategory: formatPeriodeKort,
			formatValue: formatAntal,
			formatTick: (v) => formatTick(v, 'antal')
		},
		heading: `Afgjorte klagesager ${perKind(categories)}, ${area}`,
		description: 'Antal sager stadfæstet, ændret og hjemvist; tallet over søjlen er det samlede antal, referatet oplyser. Sager, referatet ikke fordeler, vises som «Ikke opgjort».',
		table: {
			columns: ['Periode', 'Afgjorte sager', ...OUTCOME_LAYERS.map((l) => l.label)],
			rows: categories.map((c): TableCell[] => [
				{ text: formatPeriode(c) },
				cellFor(totalBy.get(c), params),
				...OUTCOME_LAYERS.map((l) => cellFor(byKey.get(`${c}|${l.key}`), params))
			])
		},
		finding: trendFinding(subjectOf('klagesager_antal'), points, formatAntal),
		subtitle: subtitleOf([
			'Klagesager afgjort af Ankestyrelsen, efter udfald',
			area,
			municipalityName(selection.municipality),
			`antal sager, ${periodRange(categories)}`
		]),
		sources: sourceLines(used),
		notes: flagNotes(used),
		fileName: fileStem(['afgjorte klagesager', area, periodSlug(categories)])
	};
}

export function klagesagerFigures(facts: FactRow[], selection: KlagesagerSelection, params: URLSearchParams) {
	return {
		omgoerelse: omgoerelseFigure(facts, selection, params),
		udfald: selection.areas.map((area) => ({ area, figure: udfaldFigure(facts, selection, area, params) }))
	};
}
