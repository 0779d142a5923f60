/** Klagesager tables: per area, per paragraph, per municipality or per year. */
import { itemSays, type FactDraft, type ItemContext } from './context';
import { fieldNamed, findAreas, lawNamed, paragraphOf, pickArea, RANK } from './areas';
import { findPeriods, quarterPeriod } from './periods';
import { municipalityOf } from './places';
import { headerLexicon, readTables, type HeaderRule, type ReadTable } from './tables';
import { axisPeriod, metricAxis, periodOfAxis, transpose, type AxisPeriod } from './grid';

const ITEM_GATE = /klage|ankestyrelsen|omgørelse|danmarkskort/i;

type KlageColumn = { metric: string; unit: 'antal' | 'pct'; entity?: string; year?: string; period?: AxisPeriod; skip?: boolean };

const KLAGE_HEADERS: HeaderRule<KlageColumn>[] = [
	{ re: /^(?:afvist(?:e)? sager|afviste?)(?=\s|$)/i, kind: () => ({ metric: 'afvist_antal', unit: 'antal' }) },
	{ re: /^bortfaldne?(?=\s|$)/i, kind: () => ({ metric: '', unit: 'antal', skip: true }) },
	{
		re: /^(?:(?:[1-4]\.\s*(?:kvt|kvartal)\.?|Q[1-4]|[12]\.\s*halvår)(?:\s+(?:19|20)\d{2}\b)?|i alt(?=\s|$))/i,
		kind: (m) => ({ metric: '', unit: 'antal', period: axisPeriod(m[0]) ?? undefined })
	},
	{ re: /^((?:19|20)\d{2})\b/, kind: (m) => ({ metric: '', unit: 'antal', year: m[1] }) },
	{ re: /^lands-?\s?gennemsnit(?:tet)?(?:\s*\((?:pct\.?|%)\))?/i, kind: () => ({ metric: 'omgoerelsespct', unit: 'pct', entity: 'Landsgennemsnit' }) },
	// "Landsplan, omgørelses-%", "Hele landet, omgørelsesprocent": the national figure named first.
	{
		re: /^(?:landsplan|hele landet|landet)\s*[,:]?\s*(?:omgørelses\s?-?\s?(?:procent|pct\.?|%)|pct\.?|%)/i,
		kind: () => ({ metric: 'omgoerelsespct', unit: 'pct', entity: 'Landsgennemsnit' })
	},
	{
		re: /^(?:omgørelses\s?-?\s?(?:procent(?:en)?|pct\.?|%)|omgørelsesandel(?:en)?|omgjort\s+(?:i\s+)?(?:pct\.?|procent|%)|pct\.?\s+omgjort|andel\s+omgjort(?:e)?(?:\s+sager)?)(?:\s*\((?:pct\.?|%)\))?(?:,\s*(hele landet|landsgennemsnit(?:tet)?|landsplan|[\p{Lu}][\p{L}-]+))?/iu,
		kind: (m) => ({ metric: 'omgoerelsespct', unit: 'pct', entity: m[1] })
	},
	{
		re: /^(?:antal\s+)?(?:afgjort[e]?|behandlede)(?:\s+(?:klage)?sager)?|^antal\s+(?:klage)?sager|^(?:klage)?sager\s+i\s+alt|^antal(?=\s|$)/i,
		kind: () => ({ metric: 'klagesager_antal', unit: 'antal' })
	},
	{ re: /^(?:heraf\s+)?stadfæst\w*(\s*(?:\(|i\s+)?(?:pct\.?|%|procent)\)?)?/i, kind: (m) => ({ metric: m[1] ? 'stadfaestet_pct' : 'stadfaestet_antal', unit: m[1] ? 'pct' : 'antal' }) },
	{ re: /^ændre(?:t|de)(\s*(?:\(|i\s+)?(?:pct\.?|%|procent)\)?)?/i, kind: (m) => ({ metric: m[1] ? 'aendret_pct' : 'aendret_antal', unit: m[1] ? 'pct' : 'antal' }) },
	{ re: /^hjemvis(?:te|t)(\s*(?:\(|i\s+)?(?:pct\.?|%|procent)\)?)?/i, kind: (m) => ({ metric: m[1] ? 'hjemvist_pct' : 'hjemvist_antal', unit: m[1] ? 'pct' : 'antal' }) },
	{ re: /^(?:heraf\s+)?omgjort(?:e)?(?:\s+sager)?(?!\s*(?:pct|%|procent|\())/i, kind: () => ({ metric: 'omgjort_antal', unit: 'antal' }) }
];

export const klageLexicon = headerLexicon(KLAGE_HEADERS);

/** The percent an outcome's count has beside it, when the table prints "count (share)". */
const SHARE_OF: Record<string, string> = { stadfaestet_antal: 'stadfaestet_pct', aendret_antal: 'aendret_pct', hjemvist_antal: 'hjemvist_pct' };
const klageColumn = (header: string) => klageLexicon.kindOf(header);

const NATIONAL_LABEL = /^(?:hele landet|landsgennemsnit(?:tet)?|landsplan|danmark|alle kommuner|landet i alt|landsgennemsnit for alle kommuner)$/i;
/** Where a compound row label parts its roles: "Voksenhandicap – Kalundborg", "Socialområdet (hele landet)". */
const LABEL_PARTS = /\s+[–—-]\s+|\s*[:|]\s+|\s*\(\s*|\s*\)\s*/;

/** A compound label's owner (a municipality or the national average) and what is left of it, the area. */
export function labelRoles(label: string): { entity: string | null; rest: string } {
	const parts = label.split(LABEL_PARTS).map((p) => p.trim()).filter(Boolean);
	if (parts.length < 2) return { entity: null, rest: label };
	const owner = (p: string) => (NATIONAL_LABEL.test(p) ? 'Landsgennemsnit' : municipalityOf(p.replace(/\s+Kommune$/i, '')));
	const owners = parts.map(owner);
	const found = owners.filter((o): o is string => o !== null);
	if (found.length !== 1) return { entity: null, rest: label };
	return { entity: found[0], rest: parts.filter((_, i) => owners[i] === null).join(' ') };
}

export function klagesagerTables(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !itemSays(ctx, ITEM_GATE, ctx.item.start)) return [];
	const out: FactDraft[] = [];
	for (const { block, table: printed } of readTables(ctx.text, ctx.layout.tables, klageLexicon, { emptyCells: true })) {
		const transposed = metricsAsRows(ctx, block, printed) ?? metricList(ctx, block, printed);
		if (transposed) {
			out.push(...transposed);
			continue;
		}
		// Outcomes as rows and municipalities or areas as columns: read it turned round.
		const table = metricAxis(printed, (label) => !!klageColumn(label)?.metric && !klageColumn(label)?.entity) === 'rows' ? transpose(printed) : printed;
		const columns = table.columns.map(klageColumn);
		// One metric column is a table of its own only across municipalities ("Vejle 33", "Landsgennemsnit 36").
		const entityRows = table.rows.filter((r) => NATIONAL_LABEL.test(r.label.trim()) || municipalityOf(r.label.replace(/\s+Kommune$/i, '').trim())).length;
		// A column the lexicon does not know is read past when the others are clearly a table of outcomes (at least two, and
		// twice as many as the unknown): its figures become no facts, the rest of the table is not dropped.
		const unknown = columns.filter((c) => !c).length;
		if (unknown && (columns.length - unknown < 2 || unknown * 2 > columns.length - unknown)) continue;
		if (columns.length < 2 && !columns[0]?.year && !(columns[0]?.metric && entityRows >= 2)) continue;
		const yearColumns = columns.every((c) => c?.year);
		const caption = `${table.caption ?? ''} ${table.stub}`;
		const captionMetric = /omgørelse|omgjort/i.test(caption) ? 'omgoerelsespct' : /antal|afgjorte|sager/i.test(caption) ? 'klagesager_antal' : null;
		if (yearColumns && !captionMetric) continue;
		if (!yearColumns && !/klage|ankestyrelse|omgør|stadfæst/i.test(`${caption} ${table.columns.join(' ')} ${block.heading ?? ''}`)) continue;
		// A caption that starts with a law's name ("Aktivloven 2024, …") is about that law.
		const captionLaw = lawNamed((table.caption ?? '').replace(/^(?:Tabel|Tab\.|Table)\s*\d*[.:]?\s*/i, '').split(/[\s,]+/)[0] ?? '');
		const captionAreas = captionLaw ? [{ area: captionLaw, rank: RANK.law, start: 0 }, ...findAreas(caption)] : findAreas(caption);
		const contextAreas = [captionAreas, findAreas(block.heading ?? ''), findAreas(ctx.item.title)];
		// A § row takes its law from the caption or heading, else from what the item said before the table ("… efter serviceloven").
		const law =
			contextAreas.flat().find((a) => a.rank === RANK.law)?.area ??
			(/servicelov/i.test(caption) ? 'serviceloven' : null) ??
			lawBefore(ctx, block.start);
		// The caption's area first, then the heading's, then the title's: the nearest statement wins.
		const baseArea = pickArea(contextAreas.find((l) => l.length) ?? []) ?? areaFromNearbyText(ctx, block.start) ?? committeeNearby(ctx, block.start);
		const captionPeriods = findPeriods(caption).filter((p) => p.period && p.kind !== 'date');
		const basePeriod = captionPeriods.find((p) => p.kind !== 'span')?.period ?? (ctx.titleYear ? String(ctx.titleYear) : null);
		// Quarters as row labels: an "I alt" row covers them all ("2025-Q1".."2025-Q3" → "2025-Q1-Q3").
		const rowQuarters = table.rows
			.map((r) => /^((?:19|20)\d{2})-Q([1-4])$/.exec(findPeriods(r.label).find((p) => p.kind === 'quarter')?.period ?? ''))
			.filter((m): m is RegExpExecArray => m !== null);
		const totalPeriod =
			rowQuarters.length >= 2 && rowQuarters.every((m) => m[1] === rowQuarters[0][1])
				? quarterPeriod(Number(rowQuarters[0][1]), Math.min(...rowQuarters.map((m) => Number(m[2]))), Math.max(...rowQuarters.map((m) => Number(m[2]))))
				: null;
		for (const row of table.rows) {
			// "Voksenhandicap – hele landet": a label can name the area and whose figure it is.
			const roles = labelRoles(row.label.replace(/\s+/g, ' ').trim());
			const label = roles.rest;
			let entity = roles.entity ?? ctx.municipality;
			let area = baseArea;
			let period = basePeriod;
			const municipal = municipalityOf(label.replace(/\s+Kommune$/i, ''));
			const labelPeriod = findPeriods(label).find((p) => p.period && p.kind !== 'date' && p.kind !== 'span');
			if (/^(?:19|20)\d{2}$/.test(label)) period = label;
			else if (labelPeriod && label.replace(/\s+/g, ' ').length <= labelPeriod.end - labelPeriod.start + 2) period = labelPeriod.period;
			else if (axisPeriod(label)?.kind === 'total') period = totalPeriod ?? period;
			else if (NATIONAL_LABEL.test(label)) entity = 'Landsgennemsnit';
			else if (municipal) entity = municipal;
			else if (row.total || !label) {
				area = baseArea;
				period = totalPeriod ?? period;
			}
			else {
				const para = paragraphOf(label);
				if (para) area = law ? `${law} § ${para}` : null;
				else {
					// "Øvrige sager efter serviceloven" is a part of the law's cases, not the law: the label as printed.
					const named = findAreas(label)[0];
					area = lawNamed(label) ?? fieldNamed(label) ?? (named && !(named.rank === RANK.law && named.start > 0) ? named.area : label);
				}
			}
			row.values.forEach((v, i) => {
				const c = columns[i];
				if (!c || c.skip) return;
				const metric = c.year ? captionMetric! : c.metric;
				const unit = c.year ? (metric === 'omgoerelsespct' ? 'pct' : 'antal') : c.unit;
				// "Omgørelsesprocent 2024": the column's own year.
				const ownYear = c.year ? null : /\b((?:19|20)\d{2})$/.exec(table.columns[i].trim())?.[1];
				const p = c.year ?? ownYear ?? period;
				let e = entity;
				if (c.entity) e = NATIONAL_LABEL.test(c.entity) ? 'Landsgennemsnit' : municipalityOf(c.entity) ?? entity;
				if (!metric || !p || !area || Number.isNaN(v) || (unit === 'antal' && !Number.isInteger(v))) return;
				const span = row.cellSpans?.[i] ?? row;
				out.push({ family: 'klagesager', metric, entity: e, area, period: p, value: v, unit, start: span.start, end: span.end, rule: `klagesager.tabel.${metric}` });
				// "62 (61,4)": the share beside a count is that outcome's percent when it is the count over the row's cases.
				const share = row.shares?.[i];
				const shareMetric = SHARE_OF[metric];
				const whole = row.values[columns.findIndex((x) => x?.metric === 'klagesager_antal')];
				if (share !== undefined && shareMetric && whole > 0 && Math.abs(share - (100 * v) / whole) <= 0.051) {
					out.push({ family: 'klagesager', metric: shareMetric, entity: e, area, period: p, value: share, unit: 'pct', start: span.start, end: span.end, rule: `klagesager.tabel.${shareMetric}` });
				}
			});
		}
	}
	return out;
}

/**
 * A table printed the other way round: outcomes as rows ("Afgjorte sager", "Stadfæstet", …) and
 * periods as columns ("1. kvt. 2024" … "I alt"). The area is the caption's.
 */
function metricsAsRows(ctx: ItemContext, block: ItemContext['layout']['tables'][number], table: ReadTable): FactDraft[] | null {
	const columns = table.columns.map(klageColumn);
	if (!columns.length || !columns.every((c) => c && (c.period || c.year))) return null;
	const rowMetrics = table.rows.map((r) => klageColumn(r.label));
	if (rowMetrics.filter((m) => m?.metric).length < Math.max(2, Math.ceil(table.rows.length / 2))) return null;
	const caption = `${table.caption ?? ''} ${table.stub}`;
	const area = pickArea(findAreas(caption)) ?? pickArea(findAreas(block.heading ?? '')) ?? pickArea(findAreas(ctx.item.title));
	if (!area) return [];
	const year = findPeriods(caption).find((p) => p.kind === 'year')?.period ?? (ctx.titleYear ? String(ctx.titleYear) : null);
	const axes = columns.map((c) => c!.period ?? (c!.year ? ({ kind: 'year', year: c!.year } as AxisPeriod) : null));
	const siblings = axes.filter((a): a is AxisPeriod => a !== null);
	const out: FactDraft[] = [];
	table.rows.forEach((row, r) => {
		const m = rowMetrics[r];
		if (!m?.metric || m.skip) return;
		row.values.forEach((v, i) => {
			const period = axes[i] ? periodOfAxis(axes[i]!, year, siblings) : null;
			if (!period || Number.isNaN(v) || (m.unit === 'antal' && !Number.isInteger(v)) || (m.unit === 'pct' && v > 100)) return;
			out.push({ family: 'klagesager', metric: m.metric, entity: ctx.municipality, area, period, value: v, unit: m.unit, start: row.start, end: row.end, rule: `klagesager.tabel.${m.metric}` });
		});
	});
	return out;
}

/**
 * A list of outcomes with one value each and no column header ("Afgjorte sager: 57",
 * "Stadfæstet: 41", …): the rows name the metrics; the caption or the lead-in sentence above
 * names the one period and the area. Two periods or none named there: nothing is read.
 */
function metricList(ctx: ItemContext, block: ItemContext['layout']['tables'][number], table: ReadTable): FactDraft[] | null {
	if (table.columns.length !== 1 || table.columns[0].trim()) return null;
	const rowMetrics = table.rows.map((r) => klageColumn(r.label));
	if (rowMetrics.filter((m) => m?.metric).length < Math.max(2, table.rows.length - 1)) return null;
	const leadIn = ctx.sentences.filter((s) => s.sentence.end <= block.start).slice(-1)[0]?.sentence.text ?? '';
	const stated = `${table.caption ?? ''} ${leadIn}`;
	const periods = [...new Set(findPeriods(stated).filter((p) => p.period && p.kind !== 'date' && p.kind !== 'span').map((p) => p.period!))];
	const period = periods.length === 1 ? periods[0] : periods.length === 0 ? ctx.titlePeriod : null;
	const area = pickArea(findAreas(stated)) ?? pickArea(findAreas(block.heading ?? '')) ?? areaFromNearbyText(ctx, block.start) ?? pickArea(findAreas(ctx.item.title));
	if (!period || !area) return [];
	const out: FactDraft[] = [];
	table.rows.forEach((row, r) => {
		const m = rowMetrics[r];
		const v = row.values[0];
		if (!m?.metric || m.skip || Number.isNaN(v) || (m.unit === 'antal' && !Number.isInteger(v)) || (m.unit === 'pct' && v > 100)) return;
		out.push({ family: 'klagesager', metric: m.metric, entity: ctx.municipality, area, period, value: v, unit: m.unit, start: row.start, end: row.end, rule: `klagesager.tabel.${m.metric}` });
	});
	return out;
}

/** The one law the item's sentences before `at` name, if they name exactly one. */
function lawBefore(ctx: ItemContext, at: number): string | null {
	const laws = new Set(ctx.sentences.filter((s) => s.sentence.end <= at).flatMap((s) => [...s.areas, ...s.carriedAreas]).filter((a) => a.rank === RANK.law).map((a) => a.area));
	return laws.size === 1 ? [...laws][0] : null;
}

/** "Tabel 1 viser udviklingen på udvalgets område": the committee that meets. */
function committeeNearby(ctx: ItemContext, at: number): string | null {
	const before = ctx.sentences.filter((s) => s.sentence.end <= at).slice(-2);
	return ctx.committee && before.some((s) => /udvalgets område/i.test(s.sentence.text)) ? ctx.committee : null;
}

/** The area a sentence just above the table names ("Fordelingen på paragraffer fremgår af tabellen"). */
function areaFromNearbyText(ctx: ItemContext, at: number): string | null {
	const before = ctx.sentences.filter((s) => s.sentence.end <= at).slice(-3);
	return pickArea(...before.reverse().map((s) => s.areas), ...before.map((s) => s.carriedAreas));
}
