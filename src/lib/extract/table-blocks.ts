/**
 * Where the tables are in an item's lines: runs of numeric rows with the wrapped labels between
 * them, the header lines and caption above, the notes below. Page furniture inside a run (a
 * running header or footer at a page break) is stepped over, so a table continues across pages.
 */
import { merforbrugSign } from './grid';
import { parseDanishNumber } from './numbers';
import { isSectionHeading, type Line } from './segment';

export interface TableBlock {
	start: number;
	end: number;
	/** Caption and header lines above the first row, and notes below. */
	caption: string | null;
	headerLines: Line[];
	rows: Line[];
	notes: string[];
	heading: string | null;
	section: string | null;
	/** A table printed as records, one line of "Key 23 · Key 17" under each row's name. */
	records?: RecordRow[];
}

export interface RecordRow {
	label: string;
	keys: string[];
	cells: Cell[];
	/** From the row's name line to the end of its record line. */
	start: number;
	end: number;
}

/** One cell of a row: its text as printed, its value, and whether it is a percent ("31 %", "31%", "31 pct."). */
export interface Cell {
	text: string;
	value: number;
	percent: boolean;
	/** "62 (61,4)": the share in parentheses printed beside a count, in the same cell. */
	share?: number;
	/** "14 (9/3/2/0)": one of the parts packed in parentheses after a count, which a legend names. */
	packed?: boolean;
	/** "mer 0,7", "mindre 1,9": a deviation whose direction a word states; the value is signed as the contract wants (merforbrug negative). */
	worded?: boolean;
}

const AMOUNT = String.raw`(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?`;
/** "1.234", "-1.234", "÷1.234", and the accountant's negatives "(1.234)" and "1.234-". */
const NUMBER = new RegExp(String.raw`^(?:[-−–+÷]?${AMOUNT}|\((?!(?:19|20)\d{2}\))${AMOUNT}\)|(?:\d{1,3}(?:\.\d{3})*|\d+,\d+)-)$`);
const NUMBER_WITH_PERCENT = /^([-−–+÷]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?)(%)$/;
const PERCENT_WORD = /^(?:%|pct\.?|procent)$/i;
const PAREN_SHARE = /^\(\d{1,3}(?:,\d+)?\s*%?\)$/;
const PLAIN_COUNT = /^\d{1,3}(?:\.\d{3})*$/;
const PACKED = /^\((\d{1,4}(?:\/\d{1,4}){1,6})\)$/;
/** "mer", "mindre", "merf.": a deviation's direction written before its amount in the cell. */
const DIRECTION_WORD = /^(?:mer|mindre|merf\.|mindref\.)$/i;
const WORDED_CELL = /^(mer|mindre|merf\.|mindref\.) (\d[\d.]*(?:,\d+)?)$/i;
/** Whether a cell's text states its direction in a word ("mer 0,7"): its value is signed already. */
export const isWordedCell = (text: string) => WORDED_CELL.test(text);
/** Cells run together by the export, split by their shapes: "202268,1%12,4%" → 2022 | 68,1% | 12,4%. */
const GLUED = /^((?:19|20)\d{2})?((?:[-−÷]?\d{1,3}(?:,\d)?%)+)$/;
const GLUED_PART = /[-−÷]?\d{1,3}(?:,\d)?%/g;
/** What parts cells besides spaces: pipes, tabs and dotted leaders ("fastholdelse ........ 15"). */
export const SEPARATORS = /[|\t]|\.{3,}|…+/g;
const LAST_TOKEN_MAY_BE_CELL = /(?:\d[)-]?|%|pct\.?|procent)[\s|]*$/i;
/**
 * "148 200 000" in a row whose cells are parted by wide gaps: spaces group the thousands. The
 * groups are joined by dots (same length, so offsets hold); a row with single spaces only keeps them apart.
 */
const SPACED_THOUSANDS = /(?<=^|\s\s|[(÷−–-])\d{1,3}(?: \d{3})+(?=\)?-?(?:\s\s|\s*$))/g;
const WIDE_GAP = /\S\s{2,}\S/;

function groupThousands(plain: string): string {
	if (!WIDE_GAP.test(plain) || !/\d \d{3}/.test(plain)) return plain;
	return plain.replace(SPACED_THOUSANDS, (m) => m.replaceAll(' ', '.'));
}

/** A cell's value: ÷ and − are minus, and so are parentheses and a trailing minus. */
export function cellValue(text: string): number | null {
	const worded = WORDED_CELL.exec(text);
	if (worded) {
		const v = parseDanishNumber(worded[2]);
		return v === null ? null : /^mer/i.test(worded[1]) ? -v : v;
	}
	const t = /^\((.*)\)$/.exec(text)?.[1] ?? /^(.*\d)-$/.exec(text)?.[1];
	return t !== undefined ? negate(parseDanishNumber(t)) : parseDanishNumber(text.replace(/[−–÷]/, '-'));
}
const negate = (v: number | null) => (v === null ? null : -v);

function cellOf(text: string, percent: boolean): Cell | null {
	const value = cellValue(text);
	return value === null ? null : { text, value, percent };
}

function glued(token: string): Cell[] | null {
	const m = GLUED.exec(token);
	if (!m) return null;
	const parts = m[2].match(GLUED_PART) ?? [];
	if (parts.length + (m[1] ? 1 : 0) < 2 || parts.join('') !== m[2]) return null;
	const cells = parts.map((p) => cellOf(p.slice(0, -1), true));
	if (cells.some((c) => !c)) return null;
	return [...(m[1] ? [cellOf(m[1], false)!] : []), ...(cells as Cell[])];
}

export interface TrailingCells {
	count: number;
	labelEnd: number;
	cells: Cell[];
}

/**
 * The run of numeric cells at the end of a line and where the label before them ends. Cells are
 * parted by spaces, tabs or pipes; a percent sign or "pct." after a number belongs to its cell.
 */
export function trailingCells(line: string): TrailingCells {
	const parted = hasSeparator(line);
	const cells: Cell[] = [];
	// Most lines of an item are prose: only a line that ends in a digit, % or "pct." can end in cells.
	if (!parted && !mayEndInCell(line)) return { count: 0, labelEnd: line.trimEnd().length, cells };
	const plain = groupThousands(parted ? line.replace(SEPARATORS, (m) => ' '.repeat(m.length)) : line);
	let labelEnd = plain.trimEnd().length;
	if (!LAST_TOKEN_MAY_BE_CELL.test(plain)) return { count: 0, labelEnd, cells };
	// Tokens from the end only, as far as the cells reach (no pass over a long line's words).
	const tokens: { 0: string; index: number }[] = [];
	let end = plain.length;
	const nextToken = () => {
		while (end > 0 && isSpace(plain.charCodeAt(end - 1))) end--;
		if (!end) return false;
		let start = end - 1;
		while (start > 0 && !isSpace(plain.charCodeAt(start - 1))) start--;
		tokens.unshift({ 0: plain.slice(start, end), index: start });
		end = start;
		return true;
	};
	nextToken();
	nextToken();
	let i = tokens.length - 1;
	while (i >= 0) {
		const t = tokens[i][0];
		let cell: Cell[] | null = null;
		let used = 1;
		const packed = i > 0 ? PACKED.exec(t) : null;
		if (packed && PLAIN_COUNT.test(tokens[i - 1][0]) && tokens[i].index - tokens[i - 1].index === tokens[i - 1][0].length + 1) {
			// "14 (9/3/2/0)": a count and its parts, each a cell of its own.
			const c = cellOf(tokens[i - 1][0], false);
			cell = c && [c, ...packed[1].split('/').map((p) => ({ text: p, value: Number(p), percent: false, packed: true }))];
			used = 2;
		} else if (i > 0 && PAREN_SHARE.test(t) && Math.abs(cellValue(t) ?? 101) <= 100 && PLAIN_COUNT.test(tokens[i - 1][0]) && tokens[i].index - tokens[i - 1].index === tokens[i - 1][0].length + 1 && WIDE_GAP.test(plain)) {
			// "62 (61,4)" in a row whose cells are parted by wide gaps: a count and its share, one cell.
			const c = cellOf(tokens[i - 1][0], false);
			cell = c && [{ ...c, share: Math.abs(cellValue(t) ?? NaN) }];
			used = 2;
		} else if (PERCENT_WORD.test(t) && i > 0 && NUMBER.test(tokens[i - 1][0])) {
			const c = cellOf(tokens[i - 1][0], true);
			cell = c && [c];
			used = 2;
		} else if (NUMBER.test(t)) {
			const c = cellOf(t, false);
			const word = i > 0 && c && c.value >= 0 ? DIRECTION_WORD.exec(tokens[i - 1][0]) : null;
			if (word && c && tokens[i].index - tokens[i - 1].index === tokens[i - 1][0].length + 1) {
				// "mer 0,7": the word and its amount are one cell, signed by the word.
				cell = [{ ...c, text: `${tokens[i - 1][0]} ${t}`, value: /^mer/i.test(word[0]) ? -c.value : c.value, worded: true }];
				used = 2;
			} else cell = c && [c];
		} else {
			const m = NUMBER_WITH_PERCENT.exec(t);
			const c = m && cellOf(m[1], true);
			cell = c ? [c] : glued(t);
		}
		if (!cell) break;
		cells.unshift(...cell);
		i -= used;
		labelEnd = tokens[i + 1].index;
		// Keep two tokens in hand before the cells found so far (a number and its "pct.").
		while (i < 1 && nextToken()) i++;
	}
	// "1. kvt. 2024 21 14 3": a year right after a period word is the row label's, not a value.
	if (cells.length && labelEnd > 0 && !cells[0].percent && /^(?:19|20)\d{2}$/.test(cells[0].text) && PERIOD_WORD_AT_END.test(plain.slice(0, labelEnd))) {
		const year = cells.shift()!;
		labelEnd = plain.indexOf(year.text, labelEnd) + year.text.length;
	}
	return { count: cells.length, labelEnd, cells };
}

/** Whether SEPARATORS can match in the line. */
const hasSeparator = (line: string) => line.includes('|') || line.includes('\t') || line.includes('...') || line.includes('…');

/** Whether the last character before trailing white space is an en or em dash (a hyphen is mayEndInCell's). */
function endsInDash(line: string): boolean {
	let e = line.length;
	while (e > 0 && isSpace(line.charCodeAt(e - 1))) e--;
	const c = line.charCodeAt(e - 1);
	return c === 0x2013 || c === 0x2014;
}

/** A cheap look at the last character before LAST_TOKEN_MAY_BE_CELL, for a line without separators: false only where it fails. */
function mayEndInCell(line: string): boolean {
	let e = line.length;
	while (e > 0 && isSpace(line.charCodeAt(e - 1))) e--;
	const c = line.charCodeAt(e - 1);
	if ((c >= 48 && c <= 57) || c === 41 || c === 45 || c === 37 || c === 116 || c === 84) return true;
	return c === 46 && /pct\.$/i.test(line.slice(Math.max(0, e - 4), e));
}
/** What /\s/ matches (white space and line terminators), by character code: the token loops ask it of every character. */
const isSpace = (c: number) =>
	c === 32 ||
	(c >= 9 && c <= 13) ||
	c === 0xa0 ||
	c === 0x1680 ||
	(c >= 0x2000 && c <= 0x200a) ||
	c === 0x2028 ||
	c === 0x2029 ||
	c === 0x202f ||
	c === 0x205f ||
	c === 0x3000 ||
	c === 0xfeff;

/** A label that ends in a period word wants a year after it: "1. kvt.", "Q3", "2. halvår", "1.-3. kvartal". */
const PERIOD_WORD_AT_END = /(?:^|\s)(?:kvt\.?|kvart\.?|kvartal|halvår|Q[1-4])\s*$/i;

/** "Indberetninger 23 · Lovlige 17 · Ikke magtanvendelse 2": keys with their numbers, parted by a middle dot, pipe or semicolon. */
export function recordOf(line: string): { keys: string[]; cells: Cell[] } | null {
	if (!line.includes('·') && !line.includes('|') && !line.includes(';')) return null;
	const parts = line.trim().split(/\s+[·|;]\s+/);
	if (parts.length < 2) return null;
	const keys: string[] = [];
	const cells: Cell[] = [];
	for (const part of parts) {
		const m = RECORD_PART.exec(part);
		const cell = m && cellOf(m[2], !!m[3]);
		if (!m || !cell) return null;
		keys.push(m[1]);
		cells.push(cell);
	}
	return { keys, cells };
}
const RECORD_PART = /^(\p{L}[\p{L}\- ]{0,40}?)\s+([-−÷]?\d[\d.,]*)\s*(%|pct\.?)?$/u;

/** Empty cells printed as dashes at the end of a row, set off by wide gaps: "Afgjorte sager   212   71   –". */
export const TRAILING_EMPTY_CELLS = /(?:\s{2,}[-–—])+$/;
const ENDS_IN_DASH = /[-–—]$/;

export function isNumericRow(line: string): boolean {
	// Most lines are prose: one that cannot end in a cell or an empty cell's dash is no row (trailingCells would find none).
	if (!hasSeparator(line) && !mayEndInCell(line) && !endsInDash(line)) return false;
	const trimmed = line.trim();
	// Empty cells' dashes can stand at the end only of a line that ends in one.
	const t = ENDS_IN_DASH.test(trimmed) ? trimmed.replace(TRAILING_EMPTY_CELLS, '') : trimmed;
	if (!t) return false;
	const { count, labelEnd, cells: found } = trailingCells(t);
	if (count === 0) return false;
	const label = t.slice(0, labelEnd).replace(SEPARATORS, ' ').trim();
	// A line of a list: "• Fastholdelse: 12", "Personlig alarm: 4".
	if (count === 1 && label.length <= 60 && (/^\S[^.:;]*:$/.test(label) || BULLET.test(label)) && !/[.;]$/.test(label)) return true;
	// A label ending in a stop is prose, unless it is a short label whose last word is abbreviated ("1. kvt.", "Løn m.v.").
	if (/[.:;]$/.test(label) && !(count >= 2 && label.length <= 40 && ABBREVIATED_END.test(label))) return false;
	// "Kommune 2022 2023 2024": years in a row are column headers.
	const cells = found.map((c) => c.text);
	// "Kommune   (1)   (2)   (3)": keys of columns a legend names, not accountant's negatives.
	if (count >= 2 && cells.every((c, i) => c === `(${i + 1})` || c === `(${Number(cells[0].slice(1, -1)) + i})`)) return false;
	// ("2023 2024 2023 2024" under two headings that span two years each.)
	// (Years alone on a line, newest first too, head the columns: "      2025      2024".)
	if (cells.every((c) => /^(?:19|20)\d{2}$/.test(c)) && (cells.every((c, i) => i === 0 || Number(c) >= Number(cells[i - 1])) || (count >= 4 && label.length <= 30) || (count >= 2 && !label))) return false;
	if (count >= 2) return label.length <= 90;
	// One number set off by a wide gap: a row of a one-column table ("Bostedet Egebakken      29").
	// (A tab or a pipe parts cells as a wide gap does.)
	if (label && /\S\s{3,}$/.test(t.slice(0, labelEnd).replace(SEPARATORS, (m) => ' '.repeat(Math.max(3, m.length)))) && label.length <= 60) return true;
	// A lone year is a column header, not a row.
	return label === '' && !/^(?:19|20)\d{2}$/.test(t);
}

const ABBREVIATED_END = /(?:^|\s)(?:\d{1,2}\.\s*)?[\p{L}.]{1,6}\.$/u;

function isListLine(line: string): boolean {
	const t = line.trim();
	const { count, labelEnd } = trailingCells(t);
	const label = t.slice(0, labelEnd).replace(SEPARATORS, ' ').trim();
	return count === 1 && (/:$/.test(label) || BULLET.test(label));
}

export const BULLET = /^[•·▪◦*–-]\s+\S/;

/** A label that stops at a connector is not finished: "Andre kommuners og", "Bostøtte, § 85 samt". */
export const DANGLING = /(?:\s(?:og|eller|samt|til|for|af|i|på|med|efter|om|under|ved|inkl\.)|[,–-])$/i;

/**
 * A running header or footer a page break leaves inside a table: "Fredericia Kommune | … | Side 3",
 * "Side 4 af 13". (Segmentation detects repeated furniture on its own; this is the table's guard.)
 */
export function isPageFurniture(line: string): boolean {
	return PAGE_NUMBER_AT_END.test(line) && line.trim().length <= 140;
}
const PAGE_NUMBER_AT_END = /(?:^|\s|\|)\s*Side\s+\d+(?:\s*(?:af|\/)\s*\d+)?\s*$/i;

/** A line under a table that states its source, unit or sign: "Beløb i mio. kr. ÷ = mindreforbrug". */
function isNote(t: string): boolean {
	if (NOTE_START.test(t)) return true;
	return t.length <= 110 && (UNIT_NOTE.test(t) || SIGN_NOTE.test(t) || FORMULA_NOTE.test(t));
}
/** "Afvigelse = korrigeret budget minus forventet regnskab.": how a column is computed. */
const FORMULA_NOTE = /^(?:afvigelse(?:n|r)?|difference)\s*(?:=|er\s+(?:opgjort\s+som\s+)?)\s*\p{L}[\p{L}. ]*\s(?:minus|-|−|÷)\s/iu;
const NOTE_START = /^(?:Note|Anm\.|Anmærkning|Kilde|\*|\(\d\)|[¹²³⁴⁵⁶⁷⁸⁹]+\)?\s)/i;
const UNIT_NOTE = /^(?:alle\s+)?(?:beløb|tal)(?:ene)?\s+(?:er\s+)?(?:angivet\s+|opgjort\s+)?i\b/i;
/** A title line that states the unit: "Regnskab 2024 – Ældreudvalget (beløb i 1.000 kr.)". */
const UNIT_IN_TITLE = /\((?:beløb\s+i\s+|alle\s+beløb\s+i\s+)?(?:mio\.\s*kr|1\.000\s*kr|t\.\s?kr|kr)\.?\)/i;
const SIGN_NOTE = /fortegn|angiver|angives|betyder|\bvis(?:t|es)\s+med\b|[-−+÷]\s*\)?\s*=\s*(?:mer|mindre)forbrug|(?:mer|mindre)forbrug\s+(?:er\s+)?(?:anført|vist|står)\s+i\s+parentes/i;

/** The sentences of the paragraph right above a table's first line (a blank line may stand between). */
function leadIn(lines: Line[], first: number, previousEnd: number): string[] {
	let u = first - 1;
	while (u > previousEnd && u >= 0 && !lines[u].text.trim()) u--;
	const paragraph: string[] = [];
	for (; u > previousEnd && u >= 0 && lines[u].text.trim() && !isSectionHeading(lines[u].text.trim()) && paragraph.length < 6; u--) paragraph.unshift(lines[u].text.trim());
	return paragraph.join(' ').split(SENTENCE_END).filter((t) => t.length <= 200);
}
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZÆØÅ])/;

/** Whether line `h` starts a sentence of its own: the line above is blank, a caption or a finished sentence. */
function sentenceStartsAt(lines: Line[], h: number): boolean {
	const above = h > 0 ? lines[h - 1].text.trim() : '';
	return !above || CAPTION_START.test(above) || ENDS_SENTENCE(above);
}

/** A sentence that says how the table is printed: its unit ("Beløbene er i mio. kr.") or its sign ("negative tal er merforbrug"). */
function isLegend(sentence: string): boolean {
	return UNIT_NOTE.test(sentence) || SIGN_NOTE.test(sentence) || UNIT_IN_TITLE.test(sentence) || merforbrugSign(sentence) !== null;
}

const TERMINAL = /[.!?:;]["”’)]*$/;
const ORDINAL_END = /(?:^|\s|-)\d{1,2}\.$/;
/** The end of a period a title was cut before: "kvartal 2024", "halvår 2025", "2024". */
const PERIOD_TAIL = /^(?:(?:kvartal|kvt\.|halvår)\s+)?(?:19|20)\d{2}\.?$/i;
const ENDS_SENTENCE = (t: string) => TERMINAL.test(t) && !/\b(?:m\.v|m\.m|mv|mm|inkl|ekskl|bl\.a|ca|nr|stk|jf|pkt|kr)\.\)?$/i.test(t) && !ORDINAL_END.test(t);

const RULE = /^[-|+=:_\s]+$/;
/** "heraf:", "Herunder:": the rows below are parts of the row above, not the end of the table. */
const SUBSET_LINE = /^(?:heraf|deraf|hvoraf|herunder|heriblandt)\s*:$/i;

/** A line of words with no column gaps: a table's title when column headers follow it. */
function isTitleLine(line: string): boolean {
	const t = line.trim();
	return !/\S\s{2,}\S/.test(t) && !/[|\t]/.test(t) && t.split(/\s+/).length >= 3 && !ENDS_SENTENCE(t) && !DRAWN_CELL.test(t);
}
/** "--- Budget 2025 ---": a header cell drawn over the columns it spans, not a title. */
const DRAWN_CELL = /[-–—=_]{2,}\s*[^-–—=_\s][^|]*?[-–—=_]{2,}/;

/** A line of column headers: cells parted by wide gaps, or indented past the row labels. */
function isColumnLine(line: string): boolean {
	return /\S\s{3,}\S/.test(line.trim()) || /^\s{8,}\S/.test(line);
}

export interface FoundTable {
	firstLine: number;
	lastLine: number;
	block: Omit<TableBlock, 'heading' | 'section'>;
}

/** Words that name table columns in the three families. */
const HEADER_WORDS = /\b(?:budget|forbrug|afvigelse|regnskab|stadfæstet|hjemvist|ændret|omgjort|omgørelses\w*|indberettet|lovlige?|ulovlige?|tilladte?|afgjorte?|serviceramme|tillæg\w*|pct\.|område|i alt)\b/gi;

const CAPTION_START = /^(?:Tabel|Tab\.|Table|Oversigt|Figur)\s*\d+\b/i;
const CAPTION = /^(?:Tabel|Tab\.|Table|Oversigt|Figur)\s*\d*[.:]?|(?:mio\.\s*kr|1\.000\s*kr|t\.\s?kr|\(kr\.?\)|i\s+kr\.)/i;

/**
 * Records in a row: each row's name on a line of its own, its "Key 23 · Key 17" line below, the
 * same keys in every record. The title line above the first name is the caption.
 */
function recordGroup(lines: Line[], at: number, previousEnd: number): FoundTable | null {
	const first = recordOf(lines[at].text);
	if (!first) return null;
	const records: RecordRow[] = [];
	let last = at;
	for (let j = at; j < lines.length; j++) {
		const t = lines[j].text.trim();
		if (!t) continue;
		const r = recordOf(t);
		if (!r) {
			// A name line counts only if a record follows at once.
			if (!/\d/.test(t) && t.length <= 80 && recordOf(lines[j + 1]?.text ?? '')) continue;
			break;
		}
		if (r.keys.join('|') !== first.keys.join('|')) break;
		const name = j > previousEnd + 1 && j > 0 ? lines[j - 1] : null;
		const label = name && name.text.trim() && !/\d/.test(name.text) && !recordOf(name.text) ? name : null;
		const lineStart = lines[j].start + (lines[j].text.length - lines[j].text.trimStart().length);
		records.push({
			label: label ? label.text.trim() : '',
			keys: r.keys,
			cells: r.cells,
			start: label ? label.start + (label.text.length - label.text.trimStart().length) : lineStart,
			end: lines[j].start + lines[j].text.trimEnd().length
		});
		last = j;
	}
	if (records.length < 2 || records.some((r) => !r.label)) return null;
	const firstName = lines.findIndex((l) => l.start === records[0].start || (l.start < records[0].start && records[0].start <= l.end));
	let c = firstName - 1;
	while (c > previousEnd && !lines[c].text.trim()) c--;
	const captionText = c > previousEnd ? lines[c].text.trim() : '';
	const caption = captionText && !/\d\s*$/.test(captionText) && captionText.length <= 120 && !ENDS_SENTENCE(captionText) && !isSectionHeading(captionText) ? captionText : null;
	const from = caption ? c : firstName;
	return {
		firstLine: from,
		lastLine: last,
		block: { start: lines[from].start, end: lines[last].end, caption, headerLines: [], rows: [], notes: [], records }
	};
}

/** "   41   indberetninger om magtanvendelse i alt": a list with each number before its words. */
const VALUE_FIRST = /^\s*([-−]?\d[\d.,]*)\s{2,}(\p{L}[^\d]{2,80})$/u;

/** Three or more value-first lines in a row: one column whose row labels are the words after the numbers. */
function valueFirstGroup(lines: Line[], at: number, previousEnd: number): FoundTable | null {
	if (at > 0 && VALUE_FIRST.test(lines[at - 1].text)) return null;
	const records: RecordRow[] = [];
	let j = at;
	for (; j < lines.length; j++) {
		const m = VALUE_FIRST.exec(lines[j].text);
		const cell = m && cellOf(m[1], false);
		if (!m || !cell) break;
		const start = lines[j].start + (lines[j].text.length - lines[j].text.trimStart().length);
		records.push({ label: m[2].trim(), keys: [''], cells: [cell], start, end: lines[j].start + lines[j].text.trimEnd().length });
	}
	if (records.length < 3) return null;
	const c = at - 1;
	const captionText = c > previousEnd && c >= 0 ? lines[c].text.trim() : '';
	const caption = captionText && captionText.length <= 120 && !ENDS_SENTENCE(captionText) && !isSectionHeading(captionText) ? captionText : null;
	const from = caption ? c : at;
	return { firstLine: from, lastLine: j - 1, block: { start: lines[from].start, end: lines[j - 1].end, caption, headerLines: [], rows: [], notes: [], records } };
}


/** A cell of a delimited row that holds a value: a number, a percent, or a dash for none. */
const DELIMITED_VALUE = /^(?:[-−–+÷]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*(?:%|pct\.?)?)$/;

/**
 * Rows whose cells are parted by ";" (a spreadsheet saved as text: "Serviceloven § 83;41;30;4;7;27")
 * or by "|" (a drawn grid). A semicolon also joins clauses of prose, so a run is a grid only when the
 * grid confirms it: header lines of the same arity with no values but years, above at least two
 * rows of as many cells, each a label and values; a header may wrap over lines ("Ændret/ |" over
 * "ophævet |"). Semicolons become pipes (same length: offsets hold), which every reader already
 * parts cells by; the first header line's index is returned so nothing above it is read as one.
 */
export function delimitedGrids(lines: Line[]): { lines: Line[]; headers: Set<number> } {
	const headers = new Set<number>();
	let out: Line[] | null = null;
	let i = 0;
	while (i < lines.length) {
		const text = lines[i].text;
		const separator = text.includes(';') ? ';' : text.includes('|') ? '|' : null;
		// Most lines hold neither separator: no grid starts there.
		if (!separator) {
			i++;
			continue;
		}
		// A drawn box opens and closes its lines with pipes; without one, a line led by a pipe has an empty first cell.
		const boxed = text.trim().startsWith('|');
		const cellsOf = (l: Line) => (boxed ? l.text.trim().replace(/^\|/, '').replace(/\|$/, '') : l.text.trimEnd()).split(separator).map((c) => c.trim());
		const arity = cellsOf(lines[i]).length;
		if (arity < 3) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < lines.length && lines[j].text.includes(separator) && cellsOf(lines[j]).length === arity) j++;
		const run = lines.slice(i, j).map(cellsOf);
		const isValueRow = (r: string[]) => r[0] && !DELIMITED_VALUE.test(r[0]) && r.slice(1).every((c) => DELIMITED_VALUE.test(c));
		// The first line is the header (years make it look like a row); lines below it that hold no values wrap it.
		const firstRow = run.length > 1 ? 1 + run.slice(1).findIndex(isValueRow) : 0;
		const head = firstRow > 0 ? run.slice(0, firstRow) : [];
		const rows = firstRow > 0 ? run.slice(firstRow) : [];
		const isGrid =
			rows.length >= 2 &&
			head.length <= 3 &&
			head[0].every((c) => c && (!DELIMITED_VALUE.test(c) || /^(?:19|20)\d{2}$/.test(c))) &&
			head[0].some((c) => !DELIMITED_VALUE.test(c)) &&
			head.slice(1).every((h) => h.every((c) => !c || !DELIMITED_VALUE.test(c))) &&
			rows.every(isValueRow);
		if (isGrid) {
			out ??= [...lines];
			headers.add(i);
			if (separator === ';') for (let k = i; k < j; k++) out[k] = { ...lines[k], text: lines[k].text.replace(/;/g, '|') };
			i = j;
		} else i++;
	}
	return { lines: out ?? lines, headers };
}

export function findTables(printed: Line[], width: number): FoundTable[] {
	const { lines, headers: gridHeaders } = delimitedGrids(printed);
	const found: FoundTable[] = [];
	// The look-ahead for wrapped labels asks about the same lines again: each line is judged once.
	const numeric: (boolean | undefined)[] = [];
	const furniture: (boolean | undefined)[] = [];
	const isRow = (k: number) => (numeric[k] ??= isNumericRow(lines[k].text));
	const isRowNotFurniture = (k: number) => !(furniture[k] ??= isPageFurniture(lines[k].text)) && isRow(k);
	let i = 0;
	let previousEnd = -1;
	while (i < lines.length) {
		const group = recordGroup(lines, i, previousEnd) ?? valueFirstGroup(lines, i, previousEnd);
		if (group) {
			found.push(group);
			i = group.lastLine + 1;
			previousEnd = group.lastLine;
			continue;
		}
		if (!isRow(i)) {
			i++;
			continue;
		}
		// Rows: numeric rows and the wrapped labels between them.
		const rowsStart = i;
		let last = i;
		let j = i + 1;
		while (j < lines.length) {
			if (isRowNotFurniture(j)) {
				last = j;
				j++;
				continue;
			}
			const t = furniture[j] ? '' : lines[j].text.trim();
			if (!t || (t.length < width * 0.6 && (!ENDS_SENTENCE(t) || SUBSET_LINE.test(t)) && !/^Note\b/i.test(t) && !CAPTION_START.test(t))) {
				// Look ahead: a label counts only if a numeric row follows soon.
				let k = j;
				let labels = 0;
				while (k < lines.length && labels < 5) {
					if (isRowNotFurniture(k)) break;
					const u = furniture[k] ? '' : lines[k].text.trim();
					if (u && (u.length >= width * 0.6 || (ENDS_SENTENCE(u) && !SUBSET_LINE.test(u)) || CAPTION_START.test(u))) {
						k = lines.length;
						break;
					}
					if (u) labels++;
					k++;
				}
				if (k < lines.length && isRow(k)) {
					j = k;
					continue;
				}
			}
			break;
		}
		// The last row's label going on below its figures ("Øvrige sager efter   34 …" over "  serviceloven").
		if (last + 1 < lines.length) {
			const below = lines[last + 1].text;
			const t = below.trim();
			const row = lines[last].text.trim();
			const label = row.slice(0, trailingCells(row).labelEnd).trim();
			if (t && t.length <= 60 && !isRow(last + 1) && !ENDS_SENTENCE(t) && !isNote(t) && (DANGLING.test(label) || /^\([^()]+\)$/.test(t))) last++;
		}
		// Header lines above: up to the caption or a prose line.
		let h = rowsStart - 1;
		let caption: string | null = null;
		let captionLine = -1;
		// "Mindreforbrug er anført i parentes." between the caption and the headers: a legend, not prose that ends the header.
		const legends: number[] = [];
		while (h > previousEnd && rowsStart - h <= 45) {
			const t = lines[h].text.trim();
			// A unit under each column header ("(t.kr.)   (t.kr.)") is part of the header, not a caption.
			if (t && CAPTION.test(t) && (/^(?:Tabel|Tab\.|Table|Oversigt|Figur)/i.test(t) || (t.length < width * 0.8 && !/\S\s{3,}\S/.test(t)))) {
				caption = t;
				captionLine = h;
				break;
			}
			if (t && t.length <= 120 && /^\p{Lu}/u.test(t) && !/\S\s{3,}\S/.test(t) && TERMINAL.test(t) && sentenceStartsAt(lines, h) && isLegend(t)) {
				legends.push(h);
				h--;
				continue;
			}
			// A section heading ("Sagsfremstilling") is above the table, never part of it.
			if (t && isSectionHeading(t)) break;
			const gapped = /\S\s{3,}\S/.test(t);
			// Prose ends a header: a sentence, or a long line that starts in lower case — not a line of column names.
			const columnNames = (t.match(HEADER_WORDS) ?? []).length >= 3;
			// A long sentence is prose even when it names outcomes ("… 75 sager. Inden for voksenhandicap blev 9 omgjort.").
			const longSentence = TERMINAL.test(t) && t.split(/\s+/).length > 10;
			// A line cut after an ordinal ("… fra udvalgets område, 1.-3.") is a title going on, not a sentence.
			const ended = TERMINAL.test(t) && !ORDINAL_END.test(t);
			if (t && !gapped && (!columnNames || longSentence) && ((ended && t.split(/\s+/).length > 4) || (t.length >= width * 0.8 && /^[a-zæøå]/.test(t)))) break;
			h--;
		}
		let headerFrom = captionLine >= 0 ? captionLine + 1 : h + 1;
		// A caption whose parenthesis closes on the next line goes on there: "(negative tal er" / "merforbrug)".
		while (caption && headerFrom < rowsStart && (caption.match(/\(/g) ?? []).length > (caption.match(/\)/g) ?? []).length && lines[headerFrom].text.trim()) {
			caption = `${caption} ${lines[headerFrom].text.trim()}`;
			headerFrom++;
		}
		// No "Tabel" caption: a title line set off by a blank line above the headers serves as one.
		const labelled = captionLine >= 0;
		if (captionLine < 0) {
			const blank = lines.slice(headerFrom, rowsStart).findIndex((l, k, arr) => !l.text.trim() && k > 0 && arr.slice(k + 1).some((x) => x.text.trim()));
			const above = blank > 0 ? lines.slice(headerFrom, headerFrom + blank).filter((l) => l.text.trim()) : [];
			if (above.length === 1 && above[0].text.trim().length < width * 0.6 && !ENDS_SENTENCE(above[0].text.trim()) && !isSectionHeading(above[0].text.trim())) {
				caption = above[0].text.trim();
				captionLine = lines.indexOf(above[0]);
				headerFrom = headerFrom + blank + 1;
			}
		}
		// A delimited grid's header is its first line: the lines above it are its caption.
		const gridHeader = [...gridHeaders].find((g) => g >= headerFrom && g < rowsStart);
		if (gridHeader !== undefined && gridHeader > headerFrom) {
			const above = lines.slice(headerFrom, gridHeader).map((l) => l.text.trim()).filter(Boolean);
			if (above.length) {
				caption = [caption, ...above].filter(Boolean).join(' ');
				if (captionLine < 0) captionLine = lines.findIndex((l, k) => k >= headerFrom && l.text.trim());
			}
			headerFrom = gridHeader;
		}
		let headerLines = lines.slice(headerFrom, rowsStart).filter((l, k) => l.text.trim() && !legends.includes(headerFrom + k));
		// A title line flush above headers laid out in columns is the caption, not a header:
		// "Indberetninger om magtanvendelse, voksne borgere …" over "   1. kvt. 2025   2. kvt. 2025".
		if (headerLines.length >= 2 && isTitleLine(headerLines[0].text) && headerLines.slice(1).every((l) => isColumnLine(l.text) || RULE.test(l.text))) {
			caption = labelled && caption ? `${caption} ${headerLines[0].text.trim()}` : headerLines[0].text.trim();
			if (!labelled) captionLine = lines.indexOf(headerLines[0]);
			headerLines = headerLines.slice(1);
		}
		// One title line over rows of one value each ("Indberetninger pr. måned, 1. halvår 2025" over "Januar ⇥ 9"): a caption, not a header.
		if (headerLines.length === 1 && caption === null && !isColumnLine(headerLines[0].text) && isTitleLine(headerLines[0].text) && lines.slice(rowsStart, last + 1).every((l) => trailingCells(l.text.trim()).count <= 1)) {
			caption = headerLines[0].text.trim();
			captionLine = lines.indexOf(headerLines[0]);
			headerLines = [];
		}
		// A title wrapped before its period ("Ankestyrelsens afgørelser …, 1.-3." / "kvartal 2024") above headers one per line.
		if (caption === null && headerLines.length >= 3 && isTitleLine(headerLines[0].text) && PERIOD_TAIL.test(headerLines[1].text.trim())) {
			caption = `${headerLines[0].text.trim()} ${headerLines[1].text.trim()}`;
			captionLine = lines.indexOf(headerLines[0]);
			headerLines = headerLines.slice(2);
		}
		const lastRow = last;
		// One line of "Label: 12" alone is prose, not a list.
		if (lastRow === rowsStart && isListLine(lines[rowsStart].text) && !headerLines.length) {
			i = rowsStart + 1;
			continue;
		}
		const notes: string[] = [];
		let n = last + 1;
		while (n < lines.length && n - last <= 3) {
			const t = lines[n].text.trim();
			if (isNote(t)) {
				notes.push(t);
				last = n;
			} else if (t && notes.length && (/\p{L}-$/u.test(notes[notes.length - 1]) || (/^\s+\p{Ll}/u.test(lines[n].text) && !ENDS_SENTENCE(notes[notes.length - 1])))) {
				// A note whose last word breaks over the line ("(5) omgørelses-" / "procent.") goes on, and so
				// does an indented line in lower case ("²) … et positivt tal er" / "   derfor et merforbrug.").
				notes[notes.length - 1] += ` ${t}`;
				last = n;
			} else if (t) break;
			n++;
		}
		for (const k of legends) if (k >= headerFrom) notes.push(lines[k].text.trim());
		const first = captionLine >= 0 ? captionLine : headerFrom;
		// "Alle beløb i 1.000 kr., netto. Mindreforbrug vises som positive tal …" just above the table speaks for it too.
		for (let u = first - 1, seen = 0; u > previousEnd && u >= 0 && seen < 2; u--) {
			const t = lines[u].text.trim();
			if (!t) continue;
			seen++;
			if (t.length <= 200 && (UNIT_NOTE.test(t) || SIGN_NOTE.test(t) || UNIT_IN_TITLE.test(t))) notes.push(t);
		}
		// The lead-in paragraph's sentences that state the unit or the sign, wherever its lines wrap:
		// "… for udvalgets fire hovedområder. Beløbene er i mio. kr., og en negativ afvigelse er et merforbrug."
		for (const sentence of leadIn(lines, first, previousEnd)) if (!notes.includes(sentence) && isLegend(sentence)) notes.push(sentence);
		found.push({
			firstLine: first,
			lastLine: last,
			block: {
				start: lines[first].start,
				end: lines[last].end,
				caption,
				headerLines,
				rows: lines.slice(rowsStart, lastRow + 1).filter((l) => l.text.trim() && !isPageFurniture(l.text)),
				notes
			}
		});
		i = last + 1;
		previousEnd = last;
	}
	return found;
}
