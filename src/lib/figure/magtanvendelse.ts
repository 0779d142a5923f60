import { OUTCOMES, seriesColour } from '$lib/charts';
import type { TableCell } from '$lib/charts';
import { comparePeriods, type FactRow } from '$lib/data/facts';
import { perKind, sameKind } from '$lib/data/periods';
import { KEY, one } from '$lib/data/urlstate';
import { formatAntal, formatPeriode, formatPeriodeKort, formatTick, metricLabel } from '$lib/format';
import { subjectOf, trendFinding } from './finding';
import { cellFor, datumFor, index } from './marks';
import { fileStem, periodSlug } from './name';
import { flagNotes, sourceLines } from './sources';
import type { Figure } from './types';
import { municipalityName, periodRange, subtitleOf } from './words';

export const MAGT_LAYERS = [
	{ key: 'magtanvendelser_tilladte', label: 'Tilladte', colour: OUTCOMES.magtanvendelser_tilladte },
	{ key: 'magtanvendelser_ikke_tilladte', label: 'Ikke-tilladte', colour: OUTCOMES.magtanvendelser_ikke_tilladte },
	{ key: 'magtanvendelser_ikke_magtanvendelse', label: 'Ikke magtanvendelse', colour: OUTCOMES.magtanvendelser_ikke_magtanvendelse },
	{ key: 'magtanvendelser_uafgjort', label: 'Endnu ikke afgjort', colour: OUTCOMES.magtanvendelser_uafgjort }
];

export const OTHER_METRICS = ['forhaandsgodkendelser', 'flytning_uden_samtykke'];

export interface MagtSelection {
	municipality: string;
	areaNames: string[];
	area: string;
}

/** The areas with the most facts first. */
export function magtSelection(params: URLSearchParams, municipality: string, facts: FactRow[]): MagtSelection {
	const counts = new Map<string, number>();
	for (const f of facts) counts.set(f.area, (counts.get(f.area) ?? 0) + 1);
	const areaNames = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([a]) => a);
	return { municipality, areaNames, area: one(params, KEY.omraade, areaNames, areaNames[0] ?? '') };
}

function valg(s: MagtSelection): string {
	return new URLSearchParams({ kommune: s.municipality, omraade: s.area }).toString();
}

export function magtFigures(facts: FactRow[], s: MagtSelection, params: URLSearchParams) {
	const own = facts.filter((f) => f.area === s.area);
	const periods = [...new Set(own.map((f) => f.period))].sort(comparePeriods);
	const byKey = index(own, (f) => `${f.period}|${f.metric}`);
	const at = (p: string, metric: string) => byKey.get(`${p}|${metric}`);
	const municipality = municipalityName(s.municipality);

	const outcomePeriods = sameKind(
		periods.filter((p) => at(p, 'magtanvendelser_indberettet') || MAGT_LAYERS.some((l) => at(p, l.key)))
	);
	const used = outcomePeriods.flatMap((p) =>
		[at(p, 'magtanvendelser_indberettet'), ...MAGT_LAYERS.map((l) => at(p, l.key))].filter((f): f is FactRow => !!f)
	);
	const udfald: Figure | null =
		outcomePeriods.length === 0
			? null
			: {
					key: 'udfald',
					ref: { side: 'magtanvendelse', figur: 'udfald', valg: valg(s) },
					chart: {
						kind: 'stacked',
						categories: outcomePeriods,
						layers: MAGT_LAYERS,
						values: Object.fromEntries(
							outcomePeriods.map((p) => [
								p,
								Object.fromEntries(
									MAGT_LAYERS.map((l) => {
										const f = at(p, l.key);
										return [l.key, f ? datumFor(f, params) : undefined];
									})
								)
							])
						),
						totals: Object.fromEntries(
							outcomePeriods.map((p) => {
								const f = at(p, 'magtanvendelser_indberettet');
								return [p, f ? datumFor(f, params) : undefined];
							})
						),
						formatCategory: formatPeriodeKort,
						formatValue: formatAntal,
						formatTick: (v) => formatTick(v, 'antal')
					},
					heading: `Magtanvendelser ${perKind(outcomePeriods)}, ${s.area}`,
					description:
						'Søjlerne viser vurderingerne; tallet over søjlen er det antal, der blev indberettet. Hvor referatet ikke opgør alle vurderinger, vises resten som «Ikke opgjort», så søjlen altid når det indberettede antal.',
					table: {
						columns: ['Periode', 'Indberettet', ...MAGT_LAYERS.map((l) => l.label)],
						rows: outcomePeriods.map((p): TableCell[] => [
							{ text: formatPeriode(p) },
							cellFor(at(p, 'magtanvendelser_indberettet'), params),
							...MAGT_LAYERS.map((l) => cellFor(at(p, l.key), params))
						])
					},
					finding: trendFinding(
						subjectOf('magtanvendelser_indberettet'),
						outcomePeriods.map((p) => ({
							period: p,
							value:
								at(p, 'magtanvendelser_indberettet')?.value ??
								MAGT_LAYERS.reduce((sum, l) => sum + (at(p, l.key)?.value ?? 0), 0)
						})),
						formatAntal
					),
					subtitle: subtitleOf([
						'Indberettede magtanvendelser efter forvaltningens vurdering',
						s.area,
						municipality,
						`antal, ${periodRange(outcomePeriods)}`
					]),
					sources: sourceLines(used),
					notes: flagNotes(used),
					fileName: fileStem(['magtanvendelser', s.area, periodSlug(outcomePeriods)])
				};

	const others: Figure[] = OTHER_METRICS.flatMap((metric, i): Figure[] => {
		const stated = periods.map((p) => at(p, metric)).filter((f): f is FactRow => !!f);
		const kept = sameKind(stated.map((f) => f.period));
		const list = stated.filter((f) => kept.includes(f.period));
		if (list.length === 0) return [];
		const listed = list.map((f) => f.period);
		return [
			{
				key: metric,
				ref: { side: 'magtanvendelse', figur: metric, valg: valg(s) },
				chart: {
					kind: 'bars',
					bars: list.map((f) => ({ key: f.period, label: formatPeriodeKort(f.period), colour: seriesColour(i + 2), datum: datumFor(f, params) })),
					formatValue: formatAntal,
					formatTick: (v) => formatTick(v, 'antal')
				},
				heading: `${metricLabel(metric)}, ${s.area}`,
				table: {
					columns: ['År', metricLabel(metric)],
					rows: list.map((f): TableCell[] => [{ text: formatPeriode(f.period) }, cellFor(f, params)])
				},
				height: 200,
				finding: trendFinding(
					subjectOf(metric),
					list.map((f) => ({ period: f.period, value: f.value })),
					formatAntal
				),
				subtitle: subtitleOf([metricLabel(metric), s.area, municipality, `antal, ${periodRange(listed)}`]),
				sources: sourceLines(list),
				notes: flagNotes(list),
				fileName: fileStem([metricLabel(metric), s.area, periodSlug(listed)])
			}
		];
	});
	return { udfald, others, periods };
}
