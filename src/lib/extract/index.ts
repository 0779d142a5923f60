import { budget } from './budget';
import { checkFacts } from './checks';
import { buildItemContext, type FactDraft } from './context';
import { assignFactIds } from './ids';
import { klagesager } from './klagesager';
import { klagesagerTables } from './klagesager-tables';
import { layoutOf, pageFurniture, withoutFurniture } from './layout';
import { magtanvendelse } from './magtanvendelse';
import { magtanvendelseTables } from './magtanvendelse-tables';
import { readMeetingHeader } from './meeting';
import { otherFigures } from './other';
import { periodYear } from './periods';
import { municipalityOf, UNKNOWN_MUNICIPALITY } from './places';
import { segmentItems, splitLines, type Line } from './segment';
import type { DocumentMeta, Dropped, Extraction, Fact, Item } from './types';
import { canonicalValue, invalidDrop, valueProblem } from './validate';

export * from './types';

/**
 * Extracts items and facts from one meeting's text (already decoded).
 * Pure: no I/O. `text` is the file's text exactly as decoded; every offset refers to it.
 */
export function extractDocument(text: string, given: DocumentMeta): Extraction {
	// Running page headers and footers are blanked (same length) before anything reads the text.
	// The text is split into lines once; furniture, items and each item's layout share them.
	const lines = splitLines(text);
	const furniture = pageFurniture(text, lines);
	const clean = withoutFurniture(text, furniture);
	const cleanLines = blankedLines(clean, lines, furniture);
	const segments = segmentItems(clean, cleanLines);
	// What the text says about itself wins over the manifest.
	// Minutes without item headers (one item from the first line): the head is their first lines, and only a labelled date counts.
	const noHeaders = segments.length === 1 && segments[0].bodyStart === segments[0].start;
	const header = noHeaders ? readMeetingHeader(clean.slice(0, 1500), true) : readMeetingHeader(clean.slice(0, segments[0]?.start ?? 0));
	const meta: DocumentMeta = {
		...given,
		committee: header.committee ?? given.committee ?? null,
		meeting_date: header.meeting_date ?? given.meeting_date ?? null,
		municipality: header.municipality ?? given.municipality ?? null
	};
	const municipality = meta.municipality ?? municipalityFromText(clean);
	const meetingYear = meta.meeting_date ? Number(meta.meeting_date.slice(0, 4)) : null;
	const items: Item[] = [];
	const facts: Fact[] = [];
	const dropped: Dropped[] = [];
	for (const seg of segments) {
		const decision = seg.sections.find((s) => s.name === 'Beslutning');
		items.push({
			doc_id: meta.doc_id,
			item_no: seg.itemNo,
			title: seg.title,
			case_no: seg.caseNo,
			decision: decision ? decisionText(clean.slice(decision.start, decision.end)) : null,
			text: text.slice(seg.start, seg.end),
			char_start: seg.start,
			char_end: seg.end
		});
		if (/^Lukket\b/i.test(seg.title)) continue;
		const layout = layoutOf(clean, seg.bodyStart, seg.end, cleanLines);
		const ctx = buildItemContext(clean, seg, layout, municipality ?? UNKNOWN_MUNICIPALITY, meta.committee ?? null, meetingYear);
		ctx.dropped = dropped;
		const drafts: FactDraft[] = [...klagesager(ctx), ...klagesagerTables(ctx), ...magtanvendelse(ctx), ...magtanvendelseTables(ctx), ...budget(ctx)];
		drafts.push(...otherFigures(ctx, drafts));
		for (const d of drafts) {
			const problem = valueProblem(d.value, d.period, d.unit);
			if (problem) {
				dropped.push(invalidDrop(d, problem));
				continue;
			}
			const fact: Fact = {
				fact_id: '',
				doc_id: meta.doc_id,
				item_no: seg.itemNo,
				item_title: seg.title,
				case_no: seg.caseNo,
				committee: meta.committee ?? null,
				meeting_date: meta.meeting_date ?? null,
				family: d.family,
				metric: d.metric,
				entity: d.entity,
				area: d.area,
				period: d.period,
				year: periodYear(d.period),
				value: canonicalValue(d.value),
				unit: d.unit,
				quote: text.slice(d.start, d.end),
				char_start: d.start,
				char_end: d.end,
				check: d.check ?? 'unchecked',
				check_note: d.checkNote ?? null,
				rule: d.rule
			};
			facts.push(fact);
		}
	}
	// The same figure read twice from one sentence ("34 foreninger … hvoraf 34 foreninger") gets an id of its own.
	assignFactIds(facts);
	checkFacts(facts, items);
	return {
		document: {
			doc_id: meta.doc_id,
			file_name: meta.file_name,
			committee: meta.committee ?? null,
			meeting_date: meta.meeting_date ?? null,
			municipality,
			item_count: items.length,
			fact_count: facts.length,
			encoding: null,
			error: null
		},
		items,
		facts,
		dropped
	};
}

/** The lines of the text with its furniture blanked: the furniture lines (some of `lines`, in order) read as blanks. */
function blankedLines(clean: string, lines: Line[], furniture: Line[]): Line[] {
	if (!furniture.length) return lines;
	const out = lines.slice();
	let f = 0;
	for (let k = 0; k < out.length && f < furniture.length; k++) {
		if (out[k] !== furniture[f]) continue;
		out[k] = { start: out[k].start, end: out[k].end, text: clean.slice(out[k].start, out[k].end) };
		f++;
	}
	return out;
}

/** The decision without its heading line ("Beslutning i Socialudvalget den 11-03-2025"). */
function decisionText(section: string): string | null {
	// "Beslutning: Godkendt.": the heading and the decision on one line.
	const lead = /^[^\n:]{2,60}:[ \t]+(?=\S)/.exec(section);
	if (lead) return section.slice(lead[0].length).trim() || null;
	const firstBreak = section.search(/\r\n|[\n\r\u2028\u2029]/);
	return firstBreak < 0 ? null : section.slice(firstBreak).trim() || null;
}

/** "Gladsaxe Kommune" named most often in the text, when no manifest says whose minutes these are. */
function municipalityFromText(text: string): string | null {
	const counts = new Map<string, number>();
	for (const m of text.matchAll(/(?<![\p{L}\d])([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?) Kommunes?(?![\p{L}\d])/gu)) {
		const name = municipalityOf(m[1]);
		if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	let best: string | null = null;
	let n = 0;
	for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
	return best;
}
