/** Magtanvendelse tables: per type of intervention, per tilbud, per year or quarter; or metrics as rows. */
import { type FactDraft, type ItemContext } from './context';
import { findPeriods } from './periods';
import { readTable } from './tables';

const ITEM_GATE = /magtanvendelse|tvang|indgreb i selvbestemmelsesretten|fastholdelse/i;

type MagtColumn = { metric?: string; year?: string; quarter?: number; total?: boolean };

const MAGT_METRICS: [RegExp, string][] = [
	[/^(?:heraf\s+)?(?:ikke[- ]?magt-?\s?anvendelse|ikke magtanv\.?)/i, 'magtanvendelser_ikke_magtanvendelse'],
	[/^(?:heraf\s+)?(?:ikke[- ]tilladte?|ulovlige?|uberettigede?|ikke lovlige?)/i, 'magtanvendelser_ikke_tilladte'],
	[/^(?:heraf\s+)?(?:tilladte?|lovlige?|berettigede?)/i, 'magtanvendelser_tilladte'],
	[/^(?:afventer|uafklarede?|ikke afgjorte?|verserende|under behandling)/i, 'magtanvendelser_uafgjort'],
	[/^(?:antal\s+)?(?:indberettet|indberettede|indberetninger|episoder|magtanvendelser|registreret|registrerede)(?:\s+(?:i alt|episoder|magtanvendelser))?|^antal(?=\s|$)/i, 'magtanvendelser_indberettet'],
	[/^forhåndsgodkendelser/i, 'forhaandsgodkendelser']
];

const magtLexicon = {
	match(stream: string) {
		const y = /^(?:19|20)\d{2}\b/.exec(stream) ?? /^[1-4]\.\s*(?:kvt|kvartal)\.?/i.exec(stream) ?? /^i alt\b/i.exec(stream);
		if (y) return { header: y[0], length: y[0].length };
		for (const [re] of MAGT_METRICS) {
			const m = re.exec(stream);
			if (m) return { header: m[0], length: m[0].length };
		}
		return null;
	}
};

function magtColumn(h: string): MagtColumn | null {
	if (h === '') return {};
	if (/^(?:19|20)\d{2}$/.test(h.trim())) return { year: h.trim() };
	const q = /^([1-4])\.\s*(?:kvt|kvartal)/i.exec(h);
	if (q) return { quarter: Number(q[1]) };
	if (/^i alt$/i.test(h.trim())) return { total: true };
	const m = MAGT_METRICS.find(([re]) => re.test(h));
	return m ? { metric: m[1] } : null;
}

function metricOfLabel(label: string): string | null {
	return MAGT_METRICS.find(([re]) => re.test(label.trim()))?.[1] ?? null;
}

export function magtanvendelseTables(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !/magtanvendelse/i.test(ctx.text.slice(ctx.item.bodyStart, ctx.item.end))) return [];
	const out: FactDraft[] = [];
	for (const block of ctx.layout.tables) {
		const table = readTable(ctx.text, block, magtLexicon);
		if (!table) continue;
		const columns = table.columns.map(magtColumn);
		if (columns.some((c) => !c)) continue;
		const caption = `${table.caption ?? ''} ${block.heading ?? ''}`;
		const stated = (src: string) => findPeriods(src).find((p) => p.period && p.kind !== 'date' && p.kind !== 'span')?.period ?? null;
		const basePeriod = stated(table.caption ?? '') ?? stated(ctx.item.title) ?? (ctx.titleYear ? String(ctx.titleYear) : null);
		const captionYear = basePeriod ? basePeriod.slice(0, 4) : null;
		const byPeriod = columns.every((c) => c!.year || c!.quarter || c!.total);
		const tableMetric = /forhåndsgodkend/i.test(caption) ? 'forhaandsgodkendelser' : 'magtanvendelser_indberettet';
		const law = /servicelov/i.test(`${caption} ${table.stub}`) || columns.length ? 'serviceloven' : null;
		for (const row of table.rows) {
			const label = row.label.replace(/\s+/g, ' ').trim();
			const rowMetric = byPeriod ? metricOfLabel(label) : null;
			const area = rowMetric ? 'hele kommunen' : magtArea(label, row.total, law);
			if (!area) continue;
			row.values.forEach((v, i) => {
				const c = columns[i]!;
				const metric = c.metric ?? rowMetric ?? (byPeriod || columns.length === 1 ? tableMetric : null);
				let period: string | null = c.total ? captionYear : basePeriod;
				if (c.year) period = c.year;
				else if (c.quarter) period = captionYear ? `${captionYear}-Q${c.quarter}` : null;
				if (!metric || !period || !Number.isInteger(v)) return;
				out.push({ family: 'magtanvendelse', metric, entity: ctx.municipality, area, period, value: v, unit: 'antal', start: row.start, end: row.end, rule: `magtanvendelse.tabel.${metric}` });
			});
		}
	}
	return out;
}

/** A row of a magtanvendelse table: a paragraph ("§ 126 a …", "Fastholdelse, § 126"), a type, a tilbud, or "I alt". */
function magtArea(label: string, total: boolean, law: string | null): string | null {
	if (total || !label) return 'hele kommunen';
	const para = /§\s*(\d+)\s*([a-z])?\b/.exec(label);
	if (para && law) return `${law} § ${para[1]}${para[2] ?? ''}`;
	if (/^(?:\d+\s*[-–]\s*\d+|\d+)\s*år/.test(label)) return null;
	if (/^[A-ZÆØÅ]/.test(label) && /(?:tilbud|cent(?:er|ret)|stedet|bofællesskab|hjemmet|huset|boliger|skov|ly|vang|bakken|gården)/i.test(label) && label.split(' ').length <= 6) return label;
	return label.charAt(0).toLowerCase() + label.slice(1);
}
