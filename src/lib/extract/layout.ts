/**
 * An item's body as the PDF export left it → headings, paragraphs (re-joined across page
 * breaks), sentences, and flattened tables. Every piece keeps its offsets in the file text.
 */
import { caseNumberOf, isItemHeaderLine, isSectionHeading, linesWithin, splitLines, statusLineOf, type Line, type Span } from './segment';
import { findTables } from './table-blocks';
import { mayHoldFigure } from './numbers';

export interface Sentence {
	start: number;
	end: number;
	text: string;
	/** The nearest heading above (section or sub-heading), for context. */
	heading: string | null;
	section: string | null;
	paragraph: number;
	/** Holds a digit or a number word: without one there is no figure, and rules skip it before building its view. */
	figures: boolean;
}

import type { TableBlock } from './table-blocks';
export type { TableBlock };

export interface Layout {
	sentences: Sentence[];
	tables: TableBlock[];
	headings: { start: number; end: number; text: string }[];
}

const TERMINAL = /[.!?:;]["”’)]*$/;
/** A line that ends a sentence, not one that ends in an abbreviation ("tandpleje m.v."). */
const ENDS_SENTENCE = (t: string) => TERMINAL.test(t) && !/\b(?:m\.v|m\.m|mv|mm|inkl|ekskl|bl\.a|ca|nr|stk|jf|pkt|kr)\.$/i.test(t);

/** `all`: the lines of the whole text when the caller has split them already (splitLines(text)). */
export function layoutOf(text: string, from: number, to: number, all?: Line[]): Layout {
	const lines = all ? linesWithin(text, all, from, to) : splitLines(text, from, to);
	let width = 100;
	for (const l of lines) width = Math.max(width, l.text.trimEnd().length);
	const trimmed = lines.map((l) => l.text.trim());
	const tables = findTables(lines, width);
	const inTable = new Set<number>();
	for (const t of tables) for (let i = t.firstLine; i <= t.lastLine; i++) inTable.add(i);

	const headings: Layout['headings'] = [];
	const sentences: Sentence[] = [];
	let heading: string | null = null;
	let section: string | null = null;
	let para: Line[] = [];
	/** The trimmed text of the paragraph's last line. */
	let prevText = '';
	let nextIndex = -1;
	let nextText: string | null = null;
	let paraNo = 0;
	const tableBlocks: TableBlock[] = [];
	let nextTable = 0;

	const flush = () => {
		if (!para.length) return;
		const from = para[0].start;
		const to = para[para.length - 1].end;
		// Sentences split between words: a paragraph without a digit or number word has none in any sentence.
		const paragraphFigures = mayHoldFigure(text.slice(from, to));
		for (const s of splitSentences(text, from, to))
			sentences.push({ start: s.start, end: s.end, text: s.text, heading, section, paragraph: paraNo, figures: paragraphFigures && mayHoldFigure(s.text) });
		para = [];
		paraNo++;
	};

	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const t = isPageDebris(trimmed[i]) ? '' : trimmed[i];
		if (inTable.has(i)) {
			flush();
			while (nextTable < tables.length && tables[nextTable].firstLine <= i) {
				tableBlocks.push({ ...tables[nextTable].block, heading, section });
				nextTable++;
			}
			continue;
		}
		if (!t) {
			// A page break inside a sentence: keep the paragraph open.
			// The next non-blank line is the same for every line of a blank run: looked up once per run.
			if (para.length) {
				if (nextText === null || nextIndex <= i) [nextIndex, nextText] = nextNonBlank(lines, trimmed, i);
				if (continuesAfterBreak(para[para.length - 1].text, nextText, width)) continue;
			}
			flush();
			continue;
		}
		const sectionName = isSectionHeading(t);
		const prev = para[para.length - 1];
		const next = trimmed[i + 1] ?? '';
		const looksLikeHeading =
			sectionName !== null ||
			(!TERMINAL.test(t) &&
				t.length < width * 0.7 &&
				(!prev || TERMINAL.test(prevText) || prevText.length < width * 0.7) &&
				// A line that goes on from a sentence cut mid-clause, or that holds a sentence's end, is prose.
				!(prev && /[a-zæøå,]$/.test(prevText)) &&
				!/[.!?]\s+\p{Lu}/u.test(t) &&
				(next === '' || /^[A-ZÆØÅ0-9"”•\-]/.test(next)) &&
				!/(?:,|\bog|\beller|\bi|\bpå|\bmed|\btil|\bfor|\baf|-)$/.test(t));
		if (looksLikeHeading) {
			flush();
			if (sectionName) {
				section = sectionName;
				heading = sectionName;
			} else heading = t;
			headings.push({ start: line.start, end: line.end, text: t });
			paraNo++;
			continue;
		}
		// Each point of a list is a statement of its own: "• Handicap – korrigeret budget 203,5 mio. kr., …".
		if (para.length && startsListPoint(t, para)) flush();
		para.push(line);
		prevText = t;
	}
	flush();
	while (nextTable < tables.length) {
		tableBlocks.push({ ...tables[nextTable].block, heading, section });
		nextTable++;
	}
	return { sentences, tables: tableBlocks, headings };
}

const LIST_MARK = /^[•▪◦·*]\s+\S/;
const DASH_MARK = /^[-–]\s+\S/;

/** A bullet opens a new point; a dash does only after a finished line or in a list of dashes (else it is a wrapped "– 34 sager –"). */
function startsListPoint(t: string, para: Line[]): boolean {
	if (LIST_MARK.test(t)) return true;
	if (!DASH_MARK.test(t)) return false;
	const last = para[para.length - 1].text.trim();
	return /[.:;]$/.test(last) || DASH_MARK.test(para[0].text.trim());
}

/** A page's number as the line's last word: "Side 2 af 4", "Side 2/4", "s. 2/5", "Side 2 (5)", "s. 2 (i alt 4)", "[2/5]", "Side 2". */
const PAGE_OF = String.raw`(?:(?:Side|s\.)\s*\d{1,3}\s*(?:(?:af|\/)\s*\d{1,3}|\((?:i\s+alt\s+)?\d{1,3}\))|\[\d{1,3}\s*\/\s*\d{1,3}\])`;
/** At the end of a line only with the page count: a bare "Side 4" there is a table of contents' reference. */
const PAGE_AT_END = new RegExp(String.raw`(?:^|\s|\d)${PAGE_OF}\s*$`, 'i');
/** "– 2 –" alone, "Side 3" alone. */
const PAGE_ALONE = new RegExp(String.raw`^\s*(?:${PAGE_OF}|Side\s+\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—])\s*$`, 'i');

/** Running headers and footers a page break leaves: "Socialudvalget 26.11.2024   Side 2 af 4". */
export function isPageDebris(line: string): boolean {
	// Every form ends in the page number, a dash after it ("– 2 –") or a bracket round it.
	const trimmed = line.trimEnd();
	const last = trimmed.charCodeAt(trimmed.length - 1);
	if (!(last >= 48 && last <= 57) && !/[-–—)\]]$/.test(trimmed)) return false;
	// The end-anchored pattern is tried on the line's tail (and the character before it) only.
	const tail = trimmed.length > 40 ? trimmed.slice(-41) : trimmed;
	return PAGE_ALONE.test(trimmed) || PAGE_AT_END.test(tail);
}

/**
 * Running page headers and footers: a "Side N" line, or a line that recurs through the document
 * with one number changing upwards (the page): "Fredericia Kommune | … | 27-10-2025 | Side 3".
 */
export function pageFurniture(text: string, lines: Line[] = splitLines(text)): Line[] {
	const spans: Line[] = [];
	const groups = new Map<string, { line: Line; n: number; text: string }[]>();
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		// Furniture of either kind holds a number.
		if (!DIGIT.test(line.text)) continue;
		const t = line.text.trim();
		if (t.length < 4 || t.length > 200) continue;
		if (isPageDebris(t)) {
			spans.push(line);
			continue;
		}
		if (!THREE_LETTERS.test(t)) continue;
		const key = folded(t.replace(/\d+/g, '#'));
		const group = groups.get(key);
		if (group) group.push({ line, n, text: t });
		else groups.set(key, [{ line, n, text: t }]);
	}
	// A line printed again beside a page mark ("– 2 –", "Side 3 af 9", a form feed) is the running header, there:
	// "FAXE KOMMUNE   Socialudvalget". Its first printing, the document's head, stays.
	const marks: number[] = [];
	lines.forEach((l, n) => {
		if (text.charCodeAt(l.start - 1) === 12 || isPageDebris(l.text)) marks.push(n);
	});
	if (marks.length) spans.push(...reprintedBesideMarks(lines, marks));
	for (const candidates of groups.values()) {
		if (candidates.length < 2) continue;
		// Only a line that recurs is looked at more closely: an item or section header is never furniture.
		const group = candidates.filter((g) => !isItemHeaderLine(g.text) && !isSectionHeading(g.text)).map((g) => ({ ...g, numbers: g.text.match(/\d+/g)! }));
		if (group.length < 2) continue;
		const varying = group[0].numbers.map((_, k) => group.some((g) => g.numbers[k] !== group[0].numbers[k]));
		if (varying.filter(Boolean).length !== 1) continue;
		const k = varying.indexOf(true);
		// A page apart: rows of a table ("1. kvt. 2025", "2. kvt. 2025") follow each other closely.
		const paged = group.every((g, i) => i === 0 || (Number(g.numbers[k]) > Number(group[i - 1].numbers[k]) && g.n - group[i - 1].n >= 15));
		// Case numbers of items that follow each other may rise like a page number.
		const first = group[0].line.text;
		if (paged && !caseNumberOf(first) && !statusLineOf(first)) spans.push(...group.map((g) => g.line));
	}
	// A rule drawn round a running header ("-----" above and below it) goes with it.
	const found = new Set(spans.map((l) => l.start));
	for (let n = 0; n < lines.length; n++) {
		if (!found.has(lines[n].start) || !lines[n].text.trim() || n === 0 || n + 1 >= lines.length) continue;
		if (RULE_ONLY.test(lines[n - 1].text) && RULE_ONLY.test(lines[n + 1].text)) spans.push(lines[n - 1], lines[n + 1]);
	}
	return [...new Set(spans)].sort((a, b) => a.start - b.start);
}

/**
 * The lines next to a page mark (joined to it by blank lines or other such lines) that repeat an
 * earlier line of the document: a table's header repeated below "Tabel 2 (fortsat)" stays.
 */
function reprintedBesideMarks(lines: Line[], marks: number[]): Line[] {
	// Each line's text is trimmed and folded once; `seen` counts a folded text, `firstAt` is where it first stands.
	const keys = lines.map((l) => folded(l.text.trim()));
	const seen = new Map<string, number>();
	const firstAt = new Map<string, number>();
	keys.forEach((k, n) => {
		if (k.length >= 4) seen.set(k, (seen.get(k) ?? 0) + 1);
		if (!firstAt.has(k)) firstAt.set(k, n);
	});
	const reprinted = (n: number) => {
		const k = keys[n];
		return k.length >= 4 && (seen.get(k) ?? 0) >= 2 && firstAt.get(k)! < n && !isItemHeaderLine(k) && !isSectionHeading(k) && !statusLineOf(k);
	};
	const beside: Line[] = [];
	for (const m of marks)
		for (const step of [-1, 1])
			for (let n = m + step, k = 0; n > 0 && n < lines.length && k < 4; n += step, k++) {
				if (!keys[n]) continue;
				if (!reprinted(n)) break;
				beside.push(lines[n]);
			}
	// A running header is first printed in the document's head or recurs beside more than half the page breaks;
	// "Godkendt." or a status line that happens to stand beside one or two of many does neither.
	const besideCount = new Map<string, number>();
	for (const l of beside) besideCount.set(folded(l.text.trim()), (besideCount.get(folded(l.text.trim())) ?? 0) + 1);
	// Marks a few lines apart (a form feed and "Side 3 af 9") are one page break.
	const pages = marks.filter((m, i) => i === 0 || m - marks[i - 1] > 4).length;
	const running = (k: string) => firstAt.get(k)! < Math.min(marks[0], HEAD_LINES) || besideCount.get(k)! * 2 > pages;
	return beside.filter((l) => running(folded(l.text.trim())));
}

const DIGIT = /\d/;
/** The document's head: the lines a running header is first printed among. */
const HEAD_LINES = 8;
const RULE_ONLY = /^\s*[-=_─━═~*]{3,}\s*$/;
const THREE_LETTERS = /\p{L}{3}/u;
/** Whitespace other than a lone space: only such text changes when folded. */
const UNFOLDED = /[^\S ]| {2}/;
/** Whitespace runs folded to one space. */
const folded = (t: string) => (UNFOLDED.test(t) ? t.replace(/\s+/g, ' ') : t);

/** The text with page furniture blanked out, same length, so every offset still holds. */
export function withoutFurniture(text: string, furniture: Span[]): string {
	if (!furniture.length) return text;
	let out = '';
	let pos = 0;
	for (const f of furniture) {
		out += text.slice(pos, f.start) + ' '.repeat(f.end - f.start);
		pos = f.end;
	}
	return out + text.slice(pos);
}

/** The first line after i that is neither blank nor page debris: its index (lines.length when none) and trimmed text. */
function nextNonBlank(lines: Line[], trimmed: string[], i: number): [number, string] {
	for (let j = i + 1; j < lines.length; j++) if (trimmed[j] && !isPageDebris(lines[j].text)) return [j, trimmed[j]];
	return [lines.length, ''];
}

function continuesAfterBreak(last: string, next: string, width: number): boolean {
	const l = last.trimEnd();
	if (!next) return false;
	// "… et mindreforbrug på 2,4 mio. | page break | kr. i forhold til …": an abbreviation does not end it.
	if (/^[a-zæøå]/.test(next)) return !/[!?:;]["”’)]*$/.test(l) && (!/\.["”’)]*$/.test(l) || NO_END_ABBREVIATIONS.test(l));
	if (TERMINAL.test(l)) return false;
	if (/^\d/.test(next) && !/^\d{1,2}[.)]\s/.test(next)) return true;
	return l.length >= width * 0.8 && !isSectionHeading(next);
}

const NO_END_ABBREVIATIONS =
	/(?:\b(?:ca|jf|bl\.a|fx|f\.eks|nr|stk|pkt|evt|inkl|ekskl|mht|mhp|hhv|vedr|dvs|mv|m\.v|m\.m|pga|kl|tlf|ift|iflg|bl|mfl|m\.fl|sept|okt|nov|dec|jan|feb|aug|ang|gl|ml|el|art|kap|lign|resp|vha|udg|pr|opr|korr|t\.kr|mio|mia)\.)$/i;

/** Splits [start, end) into sentences. Periods after abbreviations and ordinals do not end one. */
export function splitSentences(text: string, start: number, end: number): { start: number; end: number; text: string }[] {
	const out: { start: number; end: number; text: string }[] = [];
	let s = start;
	// A run of stops is tried only from its first stop, so a long run stays linear.
	const re = /(?<![.!?])[.!?]+["”’)]*(?=\s+["“”•]?[A-ZÆØÅ0-9])/g;
	re.lastIndex = 0;
	const slice = text.slice(start, end);
	for (let m = re.exec(slice); m; m = re.exec(slice)) {
		const at = start + m.index + m[0].length;
		const upto = text.slice(Math.max(s, at - 12), at);
		if (NO_END_ABBREVIATIONS.test(upto) && !/\.\.$/.test(upto)) {
			// "mio. kr." and "kr." can end a sentence; "ca." and "jf." cannot.
			const next = text.slice(at, at + 12);
			const amountEnds = /\b(?:mio|mia|mill)\.$/i.test(upto) && !/^\s+(?:kr|kroner|dkk)\b/i.test(next);
			if (!amountEnds && (!/\b(?:kr|pct|mio|mia)\.$/i.test(upto) || /\b(?:mio|mia)\.$/i.test(upto))) continue;
		}
		if (/\b\d{1,2}\.$/.test(upto) && /^\s+\d/.test(text.slice(at, at + 3))) continue;
		// "opgjort til kr. 598.400.000": the currency before its amount.
		if (/\bkr\.$/i.test(upto) && /^\s+\d/.test(text.slice(at, at + 3))) continue;
		push(out, text, s, at);
		s = at;
	}
	push(out, text, s, end);
	return out;
}

function push(out: { start: number; end: number; text: string }[], text: string, s: number, e: number) {
	while (s < e && /\s/.test(text[s])) s++;
	while (e > s && /\s/.test(text[e - 1])) e--;
	if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}
