/** Magtanvendelse tables: per type of intervention, per tilbud, per year or quarter; or metrics as rows. */
import { itemSays, type FactDraft, type ItemContext } from './context';
import { findPeriods } from './periods';
import { findAreas, RANK } from './areas';
import { readTables } from './tables';
import { MAGTANVENDELSE_CONCEPTS } from './table-concepts';
import { axisPeriod, metricAxis, periodOfAxis, transpose, type AxisPeriod } from './grid';

const ITEM_GATE = /magtanvendelse|tvang|indgreb i selvbestemmelsesretten|fastholdelse/i;
const MAGTANVENDELSE = /magtanvendelse/i;

const MAGT_METRICS: [RegExp, string][] = MAGTANVENDELSE_CONCEPTS.map((c) => [c.synonyms, c.concept]);

/** Columns that are shares, not counts ("Andel", "pct."): read past, never a fact. */
const SHARE_HEADER = /^(?:andel(?:\s+i\s+(?:pct\.?|procent))?|pct\.?|procent|%)(?:\s*\((?:pct\.?|%)\))?(?=\s|$)/i;
const PERIOD_HEADER = /^(?:(?:19|20)\d{2}\b|(?:[1-4]\.\s*(?:kvt|kvartal)\.?|[QK][1-4]\b|[12]\.\s*halvår\b)(?:\s+(?:19|20)\d{2}\b)?|i alt\b)/i;

export const magtLexicon = {
	match(stream: string) {
		const y = PERIOD_HEADER.exec(stream) ?? SHARE_HEADER.exec(stream);
		if (y) return { header: y[0], length: y[0].length };
		for (const [re] of MAGT_METRICS) {
			const m = re.exec(stream);
			if (m) return { header: m[0], length: m[0].length };
		}
		return null;
	}
};

type Column = { metric?: string; period?: AxisPeriod; share?: boolean };

/** "Ændring 24-25", "Udvikling", "Forskel": the change between two columns, never a count of its own. */
const CHANGE_HEADER = /^(?:ændring|ændr\.|forskel|udvikling|difference|stigning\s*\/\s*fald)(?=\s|$)/i;

function magtColumn(h: string): Column | null {
	if (h === '') return {};
	const period = axisPeriod(h);
	if (period) return { period };
	if (SHARE_HEADER.test(h.trim()) || CHANGE_HEADER.test(h.trim())) return { share: true };
	const m = MAGT_METRICS.find(([re]) => re.test(h));
	return m ? { metric: m[1] } : null;
}

/** "- heraf vurderet tilladte": a sub-row's marker, subset word and verb stand before what it counts. */
const SUBROW_LEAD = /^(?:[-–•*]\s*)?(?:(?:heraf|deraf|hvoraf)\s+)?(?:(?:vurderet|bedømt|fundet)\s+(?:som\s+)?)?/i;

function metricOfLabel(label: string): string | null {
	const plain = label.trim().replace(SUBROW_LEAD, '');
	return MAGT_METRICS.find(([re]) => re.test(plain))?.[1] ?? null;
}

/** A table of counts with no metric named in its headers is about magtanvendelse only when its caption says so. */
const ABOUT_FORCE = /magtanvendelse|indberetning|indberettet|registrer|tvang|indgreb|fastholdelse|forhåndsgodkend/i;

export function magtanvendelseTables(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !itemSays(ctx, MAGTANVENDELSE, ctx.item.bodyStart)) return [];
	const out: FactDraft[] = [];
	for (const { block, table: printed } of readTables(ctx.text, ctx.layout.tables, magtLexicon)) {
		// Outcomes as rows and tilbud as columns ("Tilbud:  Lærkegården  Møllehuset …"): read it turned round.
		const turned = printed.columns.some((c) => !magtColumn(c)) && metricAxis(printed, (label) => metricOfLabel(label) !== null) === 'rows';
		const table = turned ? transpose(printed) : printed;
		const columns = table.columns.map(magtColumn);
		if (columns.some((c) => !c)) continue;
		const caption = `${table.caption ?? ''} ${block.heading ?? ''}`;
		const stated = (src: string) => findPeriods(src).find((p) => p.period && p.kind !== 'date' && p.kind !== 'span')?.period ?? null;
		const basePeriod = stated(table.caption ?? '') ?? stated(ctx.item.title) ?? (ctx.titleYear ? String(ctx.titleYear) : null);
		const captionYear = basePeriod ? basePeriod.slice(0, 4) : null;
		const columnPeriods = columns.map((c) => c!.period ?? null);
		const byPeriod = columns.every((c) => c!.period || c!.share);
		const rowPeriods = table.rows.map((r) => axisPeriod(r.label));
		const rowsArePeriods = rowPeriods.filter((p) => p && p.kind !== 'total').length >= 2;
		const namesMetric = columns.some((c) => c!.metric) || table.rows.some((r) => metricOfLabel(r.label));
		// A list under a sentence ("• Fastholdelse: 12") says what it counts only through its labels.
		const single = table.columns.length === 1 && table.columns[0] === '';
		const headerless = single && !table.caption;
		const namesIntervention = headerless && table.rows.filter((r) => INTERVENTION.test(undashed(r.label))).length >= 2;
		if (!namesMetric && !namesIntervention && !ABOUT_FORCE.test(`${table.caption ?? ''} ${table.stub}`)) continue;
		const tableMetric = /forhåndsgodkend/i.test(caption) ? 'forhaandsgodkendelser' : 'magtanvendelser_indberettet';
		const law = /servicelov/i.test(`${caption} ${table.stub}`) || columns.length ? 'serviceloven' : null;
		// "Magtanvendelser på Sundheds- og Ældreudvalgets område": the whole is the committee's, not the municipality's.
		const wholeArea = findAreas(caption).find((a) => a.rank === RANK.committee)?.area ?? 'hele kommunen';
		const part = findPeriods(caption).find((p) => !p.period && (p.kind === 'quarters' || p.kind === 'quarter' || p.kind === 'half'));
		const yearPart = !part ? null : part.kind === 'half' ? `H${part.half}` : part.quarter![0] === part.quarter![1] ? `Q${part.quarter![0]}` : `Q${part.quarter![0]}-Q${part.quarter![1]}`;
		const periodsOf = (list: (AxisPeriod | null)[]) => list.filter((p): p is AxisPeriod => p !== null);
		// Rows that are parts (tilbud, kinds of intervention) under an "I alt": a column that does not add up is marked.
		const partRows = table.rows.filter((row, r) => !row.total && !(rowsArePeriods && rowPeriods[r]) && !(byPeriod || single ? metricOfLabel(row.label) : null) && !SUBSET_ROW.test(row.label.trim()));
		const totalRows = table.rows.filter((row) => row.total);
		const failing = new Map<number, string>();
		if (totalRows.length === 1 && partRows.length >= 2 && partRows.length === table.rows.length - 1) {
			columns.forEach((c, i) => {
				if (c!.share) return;
				const sum = partRows.reduce((n, row) => n + row.values[i], 0);
				const total = totalRows[0].values[i];
				if (Number.isFinite(sum) && sum !== total) failing.set(i, `Rækkerne summer ikke til I alt: ${partRows.map((row) => row.values[i]).join(' + ')} = ${sum}, men I alt er ${total}.`);
			});
		}
		// Within a row, the four outcomes add up to the indberetninger they sort.
		const whole = columns.findIndex((c) => c!.metric === 'magtanvendelser_indberettet');
		const outcomes = OUTCOMES.map((m) => columns.findIndex((c) => c!.metric === m));
		const rowFails = (row: (typeof table.rows)[number]) => {
			if (whole < 0 || outcomes.some((i) => i < 0)) return null;
			const sum = outcomes.reduce((n, i) => n + row.values[i], 0);
			return Number.isFinite(sum) && sum !== row.values[whole] ? `Delene stemmer ikke med helheden: ${outcomes.map((i) => row.values[i]).join(' + ')} = ${sum}, men ${row.values[whole]} indberetninger.` : null;
		};
		table.rows.forEach((row, r) => {
			const rowNote = rowFails(row);
			const label = row.label.replace(/\s+/g, ' ').trim();
			// Periods across, or one unnamed column of a list ("28   vurderet lovlige"): the row label names the metric.
			const rowMetric = byPeriod || single ? metricOfLabel(label) : null;
			const rowPeriod = rowsArePeriods ? rowPeriods[r] : null;
			const area = rowMetric || rowPeriod ? wholeArea : row.total ? wholeArea : magtArea(label, row.total, law);
			if (!area || (headerless && !row.total && !INTERVENTION.test(undashed(label)) && !/§/.test(label))) return;
			row.values.forEach((v, i) => {
				const c = columns[i]!;
				if (c.share || row.percents?.[i]) return;
				const metric = c.metric ?? rowMetric ?? (byPeriod || columns.length === 1 ? tableMetric : null);
				const axis = columnPeriods[i] ?? rowPeriod;
				const axisPeriod = axis ? periodOfAxis(axis, captionYear, periodsOf(columnPeriods[i] ? columnPeriods : rowPeriods)) : basePeriod;
				// Years across under a caption that names part of a year ("pr. tilbud, 1.-3. kvartal"): that part of each year.
				const period = axisPeriod && /^\d{4}$/.test(axisPeriod) && yearPart ? `${axisPeriod}-${yearPart}` : axisPeriod;
				if (!metric || !period || !Number.isInteger(v)) return;
				const note = [failing.get(i), rowNote && (i === whole || outcomes.includes(i)) ? rowNote : undefined].filter(Boolean).join(' ');
				out.push({
					family: 'magtanvendelse',
					metric,
					entity: ctx.municipality,
					area,
					period,
					value: v,
					unit: 'antal',
					start: row.cellSpans?.[i].start ?? row.start,
					end: row.cellSpans?.[i].end ?? row.end,
					rule: `magtanvendelse.tabel.${metric}`,
					...(note ? { check: 'inconsistent' as const, checkNote: note } : {})
				});
			});
		});
	}
	return out;
}

const OUTCOMES = ['magtanvendelser_tilladte', 'magtanvendelser_ikke_tilladte', 'magtanvendelser_ikke_magtanvendelse', 'magtanvendelser_uafgjort'];

/** "heraf fastholdelse", "- heraf lovlige": a subset of the row above, not a part that adds up to the total. */
const SUBSET_ROW = /^(?:[-–•*]\s*)?(?:heraf|deraf|hvoraf)\b/i;

/** "– fastholdelse": a list's dash is no part of the name. */
const undashed = (label: string) => label.replace(/^[-–]\s+/, '');

/** Kinds of intervention are common nouns ("fastholdelse"); a tilbud or type of tilbud keeps its printed name. */
const INTERVENTION = /^(?:fastholdelse|føring|låsning|tilbageholdelse|aflåsning|personlig(?:e)? alarm|alarm|pejle|stofsele|bløde|beskyttelsesmidler|hindring|optagelse|flytning|magtanvendelse|indgreb|skærmning|brug af)/i;

/** A row of a magtanvendelse table: a paragraph ("§ 126 a …", "Fastholdelse, § 126"), a type, a tilbud, or "I alt". */
function magtArea(printed: string, total: boolean, law: string | null): string | null {
	if (total || !printed) return 'hele kommunen';
	// "heraf fastholdelse": a sub-row names its part after the subset word.
	const label = undashed(printed).replace(/^(?:heraf|deraf|hvoraf)\s+/i, '');
	const para = /§\s*(\d+)(?:([a-z])|\s([a-hj-z]))?\b/.exec(label);
	if (para && law) return `${law} § ${para[1]}${para[2] ?? para[3] ?? ''}`;
	if (/^(?:\d+\s*[-–]\s*\d+|\d+)\s*år/.test(label)) return null;
	return INTERVENTION.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
