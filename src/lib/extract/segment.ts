/** Meeting → agenda items, not fooled by a trailing table of contents. */

export interface Span {
	start: number;
	end: number;
}

export interface ItemSegment extends Span {
	itemNo: number;
	title: string;
	caseNo: string | null;
	/** Where the body starts (after title and case number). */
	bodyStart: number;
	sections: SectionSegment[];
}

export interface SectionSegment extends Span {
	name: string;
}

/** Section headings the minutes use; matched on a line of their own. */
export const SECTION_NAMES = [
	'Indstilling',
	'Beslutning',
	'Resumé',
	'Resume',
	'Baggrund',
	'Sagsfremstilling',
	'Gennemgang af sagen',
	'Relateret behandling',
	'Tidligere beslutninger',
	'Bilag',
	'Bilagsfortegnelse',
	'Kommende behandlingsforløb',
	'Økonomi',
	'Økonomiske konsekvenser',
	'Videre proces',
	'Videre skridt',
	'Meddelelse',
	'Adresse',
	'Deltager i sagens behandling',
	'Sagsbeskrivelse',
	'Retsgrundlag',
	'Høring',
	'Kommunikation',
	'Vurdering',
	'Forvaltningens vurdering',
	'Indledning'
];

const ITEM_LINE = /^[ \u00a0]*(?:Punkt|Pkt\.|Dagsordenspunkt|Dagsordenpunkt)[ \u00a0]+(\d{1,3})[ \u00a0]*[.:–-][ \u00a0]*(.*)$/;
const CASE_LABELLED = /^\s*(?:Sags?\.?\s*nr\.?|Sagsnummer|Journal\s*nr\.?|J\.\s*nr\.?)\s*:?\s*(\S.*?)\s*$/i;
const CASE_BARE =
	/^\s*((?:\d{2}-\d+-)?\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?(?:-\d+-\d{2})?|\d{2,4}[-/]\d{3,}(?:[-/]\d+)?)\s*$/;
export function caseNumberOf(line: string): string | null {
	const m = CASE_LABELLED.exec(line) ?? CASE_BARE.exec(line);
	return m ? m[1] : null;
}
const SECTION_SET = new Set(SECTION_NAMES.map((s) => s.toLowerCase()));

export interface Line extends Span {
	text: string;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
	const lines: Line[] = [];
	let pos = from;
	while (pos <= to) {
		let nl = text.indexOf('\n', pos);
		if (nl === -1 || nl > to) nl = to;
		let end = nl;
		if (end > pos && text.charCodeAt(end - 1) === 13) end--;
		lines.push({ start: pos, end, text: text.slice(pos, end) });
		if (nl >= to) break;
		pos = nl + 1;
	}
	return lines;
}

export function isSectionHeading(line: string): string | null {
	if (line.length > 60) return null;
	const t = line.trim().replace(/:$/, '');
	return SECTION_SET.has(t.toLowerCase()) ? t : null;
}

/** Splits a meeting into items. A line starting with a tab never starts an item (table of contents). */
export function segmentItems(text: string): ItemSegment[] {
	const lines = splitLines(text);
	const starts: { line: number; no: number; rest: string }[] = [];
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i].text;
		if (l.startsWith('\t')) continue;
		const m = ITEM_LINE.exec(l);
		if (m) starts.push({ line: i, no: Number(m[1]), rest: m[2] });
	}
	// A table of contents repeats item numbers already seen; cut it off.
	const kept: typeof starts = [];
	const seen = new Set<number>();
	for (const s of starts) {
		if (seen.has(s.no) && isTocRun(lines, s.line)) break;
		seen.add(s.no);
		kept.push(s);
	}
	if (!kept.length) return wholeText(text, lines);
	const tocStart = findTrailingToc(lines, kept.length ? kept[kept.length - 1].line : 0);
	const items: ItemSegment[] = [];
	for (let k = 0; k < kept.length; k++) {
		const s = kept[k];
		const endLine = k + 1 < kept.length ? kept[k + 1].line : tocStart ?? lines.length;
		const start = lines[s.line].start + (lines[s.line].text.length - lines[s.line].text.trimStart().length);
		let end = endLine < lines.length ? lines[endLine].start : text.length;
		while (end > start && /\s/.test(text[end - 1])) end--;
		// Title: the rest of the Punkt line plus continuation lines until a blank line or case number.
		const titleParts = [s.rest.trim()];
		let i = s.line + 1;
		while (i < endLine) {
			const t = lines[i].text.trim();
			if (!t || caseNumberOf(lines[i].text) || isSectionHeading(t)) break;
			if (titleParts.join(' ').length > 250) break;
			titleParts.push(t);
			i++;
		}
		let caseNo: string | null = null;
		let bodyStartLine = i;
		for (let j = i; j < Math.min(endLine, i + 4); j++) {
			const t = lines[j].text.trim();
			if (!t) continue;
			const c = caseNumberOf(lines[j].text);
			if (c) {
				caseNo = c;
				bodyStartLine = j + 1;
			}
			break;
		}
		const bodyStart = bodyStartLine < lines.length ? Math.min(lines[bodyStartLine].start, end) : end;
		items.push({
			itemNo: s.no,
			title: titleParts.join(' ').replace(/\s+/g, ' ').trim(),
			caseNo,
			start,
			end,
			bodyStart,
			sections: segmentSections(lines, bodyStartLine, endLine, end)
		});
	}
	return items;
}

/** Minutes without "Punkt N" headings are read as one item titled by their first line. */
function wholeText(text: string, lines: Line[]): ItemSegment[] {
	const first = lines.findIndex((l) => l.text.trim());
	if (first < 0) return [];
	const start = lines[first].start + (lines[first].text.length - lines[first].text.trimStart().length);
	let end = text.length;
	while (end > start && /\s/.test(text[end - 1])) end--;
	return [
		{
			itemNo: 1,
			title: lines[first].text.trim().slice(0, 200),
			caseNo: null,
			start,
			end,
			bodyStart: start,
			sections: segmentSections(lines, first, lines.length, end)
		}
	];
}

function isTocRun(lines: Line[], at: number): boolean {
	// Consecutive Punkt lines with nothing between them look like a table of contents.
	let count = 0;
	for (let i = at; i < lines.length && count < 3; i++) {
		const t = lines[i].text.trim();
		if (!t) continue;
		if (ITEM_LINE.test(lines[i].text.trimStart())) count++;
		else return count >= 2;
	}
	return true;
}

function findTrailingToc(lines: Line[], fromLine: number): number | null {
	for (let i = fromLine + 1; i < lines.length; i++) {
		const t = lines[i].text;
		if (/^\t/.test(t) && /^(?:\t)(?:Mødeinformation|Indholdsfortegnelse|Punkt \d)/.test(t)) return i;
		if (/^\s*Indholdsfortegnelse\s*$/.test(t)) return i;
	}
	return null;
}

function segmentSections(lines: Line[], from: number, to: number, itemEnd: number): SectionSegment[] {
	const sections: SectionSegment[] = [];
	for (let i = from; i < to; i++) {
		const name = isSectionHeading(lines[i].text);
		if (!name) continue;
		if (sections.length) sections[sections.length - 1].end = lines[i].start;
		sections.push({ name, start: lines[i].start, end: itemEnd });
	}
	for (const s of sections) s.end = Math.min(s.end, itemEnd);
	return sections;
}
