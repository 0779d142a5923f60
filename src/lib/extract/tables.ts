/**
 * The flattened-table reader: rebuilds a table from what PDF export left of it. Headers spread
 * over several lines become one word stream that a lexicon cuts into columns; row labels that
 * wrap over lines are re-joined; a caption, header or note gives the unit.
 */
import type { TableBlock } from './table-blocks';
import { BULLET, cellValue, DANGLING, isWordedCell, SEPARATORS, TRAILING_EMPTY_CELLS, trailingCells, type Cell } from './table-blocks';
import { parseDanishNumber } from './numbers';

export interface TableRow {
	label: string;
	values: number[];
	/** Which of the values were printed as percents ("31 %", "31 pct."). */
	percents?: boolean[];
	/** "62 (61,4)": the share printed in parentheses beside a count, per value (undefined where none). */
	shares?: (number | undefined)[];
	/** Which values state their direction in a word ("mer 0,7"): signed already, merforbrug negative. */
	worded?: boolean[];
	/** Each value's own span when it differs from the row's (a transposed table: the printed row). */
	cellSpans?: { start: number; end: number }[];
	/** The row's span in the file: its label lines and its numbers. */
	start: number;
	end: number;
	total: boolean;
	/** "I alt myndighed": the sum of a group of rows, not of the table. */
	subtotal?: boolean;
}

export interface ReadTable {
	caption: string | null;
	/** Multiplier to whole kroner: 1e6 for "mio. kr.", 1e3 for "1.000 kr.", 1 for "kr.", null if unknown. */
	factor: number | null;
	/** The header words before the first column header (the row-label column's header). */
	stub: string;
	columns: string[];
	rows: TableRow[];
	notes: string[];
	start: number;
	end: number;
}

export interface ColumnLexicon {
	/** Recognises a column header at the start of a word stream; returns its length in characters. */
	match: (stream: string) => { header: string; length: number } | null;
}

export interface HeaderRule<K> {
	re: RegExp;
	kind: (m: RegExpExecArray) => K;
}

/** A family's column headers as data: the lexicon that cuts the header stream, and what each header means. */
export function headerLexicon<K>(rules: HeaderRule<K>[]): ColumnLexicon & { kindOf: (header: string) => K | null } {
	const first = (s: string) => {
		for (const h of rules) {
			const m = h.re.exec(s);
			if (m) return { h, m };
		}
		return null;
	};
	return {
		match(stream) {
			const f = first(stream);
			return f ? { header: f.m[0], length: f.m[0].length } : null;
		},
		kindOf(header) {
			const f = first(header);
			return f ? f.h.kind(f.m) : null;
		}
	};
}

/**
 * A list's bullet before a label and its colon after: "• Fastholdelse:" → "Fastholdelse". A dash
 * stays: "- heraf …" marks a sub-row, and dropping it would read the row as a metric of its own.
 */
const LIST_MARKS = /^[•·▪◦*]\s+|\s*:$/g;

const YEAR_ONLY = /^(?:19|20)\d{2}$/;

/** A drawn rule between rows ("|---|---|", "-----", "====="). */
const RULE_LINE = /^[-|+=:_\s]+$/;

const TOTAL = /^(?:i alt|total|totalt|samlet|sum|hovedtotal|i alt for udvalget)\b|^(?:udvalget|udvalg|kommunen)\s+i\s+alt$/i;

const GOES_ON = /^(?:og|eller|samt|inkl\.|ekskl\.)\s/;
/** "(handicap og psykiatri)" on the line under a row's figures: the rest of its label. */
const PARENTHESISED = /^\([^()]+\)$/;

/**
 * A line of words below a row is the rest of that row's label when the label stops at a connector,
 * the line opens with one ("samt private"), is a parenthesis, or is indented past the row's label, and the line after it is a row with a label of its
 * own (values one per line would make it the next row's label).
 */
function continuesLabel(previous: string, line: string, next: string | undefined, deeper = false): boolean {
	// (A row's name or a group's heading opens in upper case: a line in lower case goes on with the name above.)
	if (TOTAL.test(line) || !(DANGLING.test(previous) || GOES_ON.test(line) || PARENTHESISED.test(line) || deeper || /^\p{Ll}/u.test(line))) return false;
	if (next === undefined) return true;
	const { count, labelEnd } = trailingCells(next.trim());
	return count === 0 || labelEnd > 0;
}

/**
 * Header lines laid out in columns ("Afgjorte       Omgørelses-" over "sager          procent") are
 * merged cell by cell by position; other header lines are simply joined.
 */
export function headerStream(lines: string[]): string {
	return headerCells(lines).stream;
}

/**
 * The header as one word stream, and, when its lines are laid out in columns, its cells by
 * position ("Afventer" over "afgørelse" is one cell) with the first row's label left after them.
 */
export function headerCells(printed: string[]): { stream: string; cells: string[] | null; tail: string; spans?: (string | null)[] } {
	const tabbed = tabbedCells(printed);
	if (tabbed) return tabbed;
	// Pipes and tabs part cells as a wide gap does; a drawn rule is no header. Footnote marks ("²)", "*)") name no column.
	const marked = printed.filter((l) => !RULE_LINE.test(l)).map((l) => l.replace(/\t/g, '    ').replace(FOOTNOTE_MARK, (m) => ' '.repeat(m.length)));
	// A merged header row ("|---- Budget 2025 ----|" over two columns) is set aside; its words qualify the columns below it.
	const drawn = mergedHeaders(marked);
	const merged = drawn.spans;
	const lines = drawn.lines.map((l) => l.replace(/\|/g, '  '));
	const columnar =
		(lines.length >= 2 || (lines.length === 1 && /\S\s{2,}\S.*\S\s{2,}\S/.test(lines[0].trim()))) &&
		(lines.filter((l) => /\S\s{2,}\S/.test(l.trim())).length >= Math.min(2, lines.length) || lines.some((l) => /^\s{8,}\S/.test(l)));
	if (!columnar) return { stream: lines.map((l) => l.trim()).join(' ').replace(/\s+/g, ' '), cells: null, tail: '' };
	const spanned = spannedPeriods(lines);
	if (spanned) return spanned;
	// The header block ends at the first plain line (the first row's label, flush left).
	let cut = 1;
	while (cut < lines.length && (/^\s{8,}\S/.test(lines[cut]) || /\S\s{2,}\S/.test(lines[cut].trim()))) cut++;
	const tail = lines.slice(cut).map((l) => l.trim()).join(' ');
	// Words of later lines hang under the word of an earlier line they overlap most.
	const cells: { start: number; end: number; words: string[] }[] = [];
	for (const line of lines.slice(0, cut)) {
		const cellsOfLine = /\S\s{2,}\S/.test(line.trim()) ? /\S+(?: \S+)*/g : /\S+/g;
		for (const m of line.matchAll(cellsOfLine)) {
			const start = m.index!;
			const end = start + m[0].length;
			let best: (typeof cells)[number] | null = null;
			let bestOverlap = 0;
			for (const c of cells) {
				const overlap = Math.min(end, c.end + 1) - Math.max(start, c.start - 1);
				if (overlap > bestOverlap) [best, bestOverlap] = [c, overlap];
			}
			if (best) {
				best.words.push(m[0]);
				best.end = Math.max(best.end, end);
			} else cells.push({ start, end, words: [m[0]] });
		}
	}
	cells.sort((a, b) => a.start - b.start);
	const texts = cells.map((c) => dehyphenate(c.words.join(' ')).replace(BROKEN_WORD, '$1$2'));
	const spans = merged.length ? cells.map((c) => merged.find((m) => m.start <= (c.start + c.end) / 2 && (c.start + c.end) / 2 <= m.end)?.text ?? null) : undefined;
	return { stream: texts.concat(tail ? [tail] : []).join(' ').replace(/\s+/g, ' '), cells: texts, tail, ...(spans ? { spans } : {}) };
}

/** A word broken over header lines whose second half is capitalised ("Omgørelses- Procent"); "Alarm- og" stays. */
const BROKEN_WORD = /(\p{L})- (?!(?:og|eller|til|samt|som)(?:\s|$))(\p{L})/gu;

/** "²)", "¹", "*)" after a header word: a pointer to a note below the table. */
const FOOTNOTE_MARK = /(?<=\S\s*|^\s*)(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+\)?|\*+\))(?=\s|$)/g;
/** "|------ Budget 2025 ------|", "---- Vurdering ----": a cell drawn across the columns under it. */
const DRAWN_SPAN = /\|?[-–—=_]{2,}\s*([^-–—=_|\s][^|]*?)\s*[-–—=_]{2,}\|?/g;

/**
 * The merged cells of a header: drawn spans, and on the same line any cell that reaches over
 * two or more cells of the line below ("Omgørelsesprocent" over "Holstebro   Hele landet"). They
 * are blanked from the lines (same length) and returned with the columns they cover.
 */
function mergedHeaders(lines: string[]): { lines: string[]; spans: { text: string; start: number; end: number }[] } {
	const spans: { text: string; start: number; end: number }[] = [];
	const out = lines.slice();
	for (let i = 0; i < lines.length - 1; i++) {
		const drawn = [...lines[i].matchAll(DRAWN_SPAN)];
		if (!drawn.length) continue;
		let line = lines[i];
		for (const m of drawn) {
			spans.push({ text: m[1].trim(), start: m.index!, end: m.index! + m[0].length });
			line = line.slice(0, m.index!) + ' '.repeat(m[0].length) + line.slice(m.index! + m[0].length);
		}
		const below = [...lines[i + 1].matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
		for (const m of line.matchAll(/\S+(?: \S+)*/g)) {
			const start = m.index!;
			const end = start + m[0].length;
			const under = below.filter((b) => b.start < end + 2 && b.end > start - 2);
			if (under.length < 2) continue;
			spans.push({ text: m[0], start: Math.min(start, under[0].start), end: Math.max(end, under[under.length - 1].end) });
			line = line.slice(0, start) + ' '.repeat(end - start) + line.slice(end);
		}
		out[i] = line;
	}
	return { lines: out.filter((l) => l.trim()), spans };
}

/**
 * A header over years: "Afgjorte sager   Omgørelsesprocent" over "2023  2024  2023  2024". Each
 * year takes the heading that spans it (the nearest one starting before its end): "Afgjorte sager 2023".
 */
function spannedPeriods(lines: string[]): { stream: string; cells: string[]; tail: string } | null {
	if (lines.length < 2) return null;
	const chunks = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
	const [upper, lower] = lines.slice(0, 2).map(chunks);
	// Lines after the two are the first row's label.
	const tail = lines.slice(2).map((l) => l.trim()).join(' ');
	const years = lower.filter((c) => /^(?:19|20)\d{2}$/.test(c.text));
	const stub = lower.filter((c) => !years.includes(c));
	if (years.length < 2 || upper.length < 2 || years.length <= upper.length || stub.length > 1 || (stub[0] && stub[0].start > years[0].start)) return null;
	const cells = years.map((y) => {
		const over = upper.filter((u) => u.start <= y.end).pop();
		return over ? `${over.text} ${y.text}` : null;
	});
	if (cells.some((c) => c === null)) return null;
	const all = [...(stub[0] ? [stub[0].text] : []), ...(cells as string[])];
	return { stream: [...all, tail].join(' ').trim(), cells: all, tail };
}

/**
 * Header lines parted by tabs ("Oprindeligt\tKorrigeret" over "budget\tbudget"): a tab does not
 * keep its column's position, so the lines are joined cell by cell in order.
 */
function tabbedCells(printed: string[]): { stream: string; cells: string[]; tail: string } | null {
	const lines = printed.filter((l) => l.trim() && !RULE_LINE.test(l));
	// Pipes part cells the same way: "Ændret/ | Hjemvist" over "ophævet |".
	const separator = lines.every((l) => l.includes('\t')) ? '\t' : lines.every((l) => l.includes('|')) ? '|' : null;
	if (lines.length < 2 || !separator) return null;
	const rows = lines.map((l) => l.replace(/\s+$/, '').replace(/^\s*\|/, '').replace(/\|\s*$/, '').split(separator).map((c) => c.trim()));
	const width = rows[0].length;
	if (width < 3 || rows.some((r) => r.length !== width)) return null;
	const cells = rows[0].map((_, i) => dehyphenate(rows.map((r) => r[i]).filter(Boolean).join(' ')).replace(BROKEN_WORD, '$1$2'));
	return { stream: cells.join(' '), cells, tail: '' };
}

function laterHeader(rest: string, lexicon: ColumnLexicon): boolean {
	const words = rest.split(' ');
	for (let i = 0; i < words.length; i++) if (lexicon.match(words.slice(i).join(' '))) return true;
	return false;
}

/** Headers split by hyphenation over lines: "Stad- fæstet" → "Stadfæstet", but "Psykiatri- og" stays. */
export function dehyphenate(s: string): string {
	return s.replace(/(\p{L})- (\p{Ll}+)/gu, (m, a: string, b: string) => (/^(?:og|eller|til|samt|som)$/.test(b) ? m : a + b));
}

export function unitFactor(text: string): number | null {
	if (/\bmia\.?\s*kr|\bmilliard/i.test(text)) return 1e9;
	if (/\bmio\.?\s*kr|\bmill\.?\s*kr|\bmillioner\s+kr|\bmio\. ?kroner|\(mio\.?\)/i.test(text)) return 1e6;
	if (/\b1\.000\s*kr|\bt\.\s?kr|\btkr\b|\btusind(?:e)?\s+kr|\bkr\.\s*1\.000|\(1\.000\)/i.test(text)) return 1e3;
	if (/\bhele\s+kroner|\(kr\.?\)|\bi kr\.|\bkr\.\s*$|\bbeløb i kr/i.test(text)) return 1;
	return null;
}

/**
 * Reads a table block. The header stream is cut with the lexicon; after as many headers as
 * there are values per row, what remains is the first row's label.
 */
export interface ReadOptions {
	/** A dash stands for a cell with no value ("Hele landet   –   67   12"); it is read as NaN, which the caller must skip. */
	emptyCells?: boolean;
}

export function readTable(text: string, block: TableBlock, lexicon: ColumnLexicon, options: ReadOptions = {}): ReadTable | null {
	if (block.records) return recordTable(block);
	const tiered = tieredTable(block);
	if (tiered) return tiered;
	const packed = packedColumns(block);
	if (packed) return finish(block, '', packed, '', '', options);
	if (!block.rows.some((l) => trailingCells(l.text.trim()).count > 0)) return null;
	const header = headerCells(block.headerLines.map((l) => l.text));
	const stream = dehyphenate(header.stream);
	const positional = positionalColumns(header, block, lexicon);
	if (positional) return finish(block, positional.stub, keyedColumns(positional.columns, block.notes), header.tail, stream, options);
	const columns: string[] = [];
	const arity = rowArity(block);
	let stub = '';
	let rest = stream;
	let guard = 0;
	while (rest && guard++ < 200) {
		const m = lexicon.match(rest);
		// "Omgørelsesprocent 2024": a year after a metric's header dates that column, when the rows
		// leave no room for another one.
		const previous = columns[columns.length - 1];
		if (m && YEAR_ONLY.test(m.header.trim()) && previous && !YEAR_ONLY.test(previous.trim().split(' ')[0]) && arity !== null && columns.length >= arity) {
			columns[columns.length - 1] += ' ' + m.header.trim();
			rest = rest.slice(m.length).trimStart();
			continue;
		}
		if (m) {
			columns.push(m.header);
			rest = rest.slice(m.length).trimStart();
			continue;
		}
		const word = /^\S+\s*/.exec(rest)![0];
		if (columns.length === 0) stub += word;
		// A year, date or parenthesis right after a header belongs to it ("Forventet forbrug 2024").
		else if (/^(?:\d{4}|\d{1,2}\.\d{1,2}(?:\.\d{2,4})?|\(.*\))\s*$/.test(word.trim())) columns[columns.length - 1] += ' ' + word.trim();
		// A short abbreviation right after a header qualifies it ("Afvigelse korr.", "Forbrug 1.-3. kvt."): a row's name does not open in lower case.
		else if (/^\p{Ll}{2,6}\.$/u.test(word.trim())) columns[columns.length - 1] += ' ' + word.trim();
		// The first unknown word after the headers starts the first row's label — unless a header
		// follows later: then it qualifies the header before it ("Afvigelse ift. oprindeligt budget").
		else {
			if (!(/\s/.test(rest.slice(word.length)) && laterHeader(rest.slice(word.length), lexicon))) break;
			if (arity === null || columns.length >= arity) return null;
			columns[columns.length - 1] += ' ' + word.trim();
		}
		rest = rest.slice(word.length);
	}
	// One value per line: the first row's label may itself be a known word ("Afgjorte sager" under
	// quarter headers); headers beyond the row's arity are that label.
	if (arity !== null && columns.length > arity && !rest.trim()) rest = columns.splice(arity).join(' ');
	// No header at all and one number per row: a single column whose meaning the caption gives.
	if (!columns.length && !stream.trim() && block.rows.every((l) => trailingCells(l.text.trim()).count <= 1)) columns.push('');
	return finish(block, stub.trim(), columns, rest.trim(), stream, options);
}

/** "Tabel 1 (fortsat)", "Tabel 1, fortsat", "Tabel 2 forts.": the rest of a table a page break cut. */
const CONTINUED = /\b(?:fortsat|fortsættes|forts\.)(?=[\s),.:]|$)/i;

/**
 * Every table of an item, a table broken by a page read as one: a part captioned "(fortsat)" or
 * under the same header lines takes the columns of the part before it (its repeated header may be
 * shortened to one line), and its rows join that table, so the "I alt" on the last page is checked
 * against the rows on the first. The unit and sign notes below either part speak for both.
 */
export function readTables<B extends TableBlock>(text: string, blocks: B[], lexicon: ColumnLexicon, options: ReadOptions = {}): { block: B; table: ReadTable }[] {
	const out: { block: B; table: ReadTable; arity: number | null; header: string }[] = [];
	for (const block of blocks) {
		const header = block.headerLines.map((l) => l.text.trim()).join(' ').replace(/\s+/g, ' ');
		const previous = out[out.length - 1];
		const arity = block.records ? null : rowArity(block);
		const continues = previous && !block.records && arity === previous.arity && (CONTINUED.test(block.caption ?? '') || (!block.caption && header !== '' && header === previous.header));
		const own = readTable(text, block, lexicon, options);
		if (continues && (!own || own.columns.join('|') === previous.table.columns.join('|'))) {
			const part = own ?? finish(block, previous.table.stub, previous.table.columns, headerCells(block.headerLines.map((l) => l.text)).tail, '', options);
			if (part && part.rows.length) {
				const t = previous.table;
				const notes = [...t.notes, ...part.notes];
				previous.table = { ...t, rows: [...t.rows, ...part.rows], notes, end: part.end, factor: t.factor ?? unitFactor(notes.join(' ')) };
				continue;
			}
		}
		if (own) out.push({ block, table: own, arity, header });
	}
	return out.map(({ block, table }) => ({ block, table }));
}

/**
 * Rows printed in tiers: each row's label with its first figures on one line, the rest of its
 * figures on the line(s) below, under a header in the same arrangement ("Vedtaget budget
 * Korrigeret budget" over "Forventet regnskab   Afvigelse"). Each header line names the cells of
 * its tier; a row is all its tiers' cells in order. Null unless every row keeps the pattern.
 */
function tieredTable(block: TableBlock): ReadTable | null {
	const header = block.headerLines.map((l) => l.text).filter((l) => l.trim() && !RULE_LINE.test(l.trim()));
	const tiers = header.length;
	const lines = block.rows.filter((l) => l.text.trim() && !RULE_LINE.test(l.text.trim()));
	if (tiers < 2 || lines.length < 2 * tiers || lines.length % tiers) return null;
	const read = lines.map((l) => trailingCells(l.text.trim()));
	const widths = read.slice(0, tiers).map((r) => r.count);
	for (let i = 0; i < lines.length; i++) {
		const tier = i % tiers;
		if (read[i].count !== widths[tier] || !read[i].count || (tier === 0) !== read[i].labelEnd > 0) return null;
	}
	const chunks = header.map((l) => [...l.trim().matchAll(/\S+(?: \S+)*/g)].map((m) => m[0]));
	// The first tier's header line may open with the row labels' own header ("Område").
	const stub = chunks[0].length === widths[0] + 1 ? chunks[0].shift()! : '';
	if (chunks.some((c, t) => c.length !== widths[t])) return null;
	const rows: TableRow[] = [];
	for (let i = 0; i < lines.length; i += tiers) {
		const group = lines.slice(i, i + tiers);
		const cells = read.slice(i, i + tiers).flatMap((r) => r.cells);
		const first = group[0];
		const label = first.text.trim().slice(0, read[i].labelEnd).replace(SEPARATORS, ' ').trim();
		rows.push({
			label,
			values: cells.map((c) => c.value),
			percents: cells.map((c) => c.percent),
			start: first.start + (first.text.length - first.text.trimStart().length),
			end: group[tiers - 1].start + group[tiers - 1].text.trimEnd().length,
			total: TOTAL.test(label)
		});
	}
	return {
		caption: block.caption,
		factor: unitFactor(`${block.caption ?? ''} ${header.join(' ')}`) ?? unitFactor(block.notes.join(' ')),
		stub,
		columns: chunks.flat(),
		rows,
		notes: block.notes,
		start: block.start,
		end: block.end
	};
}

/** "(lovlige/ulovlige/ikke magtanvendelse/uafklaret)": the names of parts packed after each count. */
const PACKED_LEGEND = /\(([^()/]{2,40}(?:\/[^()/]{2,40}){1,6})\)/;
/** "viser antal indberetninger og i parentes …": what the count before the parentheses is. */
const COUNT_NAME = /\b(?:viser|angiver|er)\s+(\p{L}[\p{L} ]{2,40}?)\s*,?\s+og\s+(?:i\s+parentes|i\s+parenteserne)/iu;

/**
 * Rows of "Name .... 14 (9/3/2/0)": a count and its parts packed in parentheses, named by a legend
 * above or below the table that lists the parts in the same form. The columns are the count (as
 * the legend names it) and the parts; null when no legend names exactly as many parts.
 */
function packedColumns(block: TableBlock): string[] | null {
	const rows = block.rows.map((l) => trailingCells(l.text.trim())).filter((r) => r.count > 0);
	if (rows.length < 2) return null;
	const parts = rows[0].cells.filter((c) => c.packed).length;
	if (!parts || rows.some((r) => r.count !== parts + 1 || r.cells.slice(1).some((c) => !c.packed) || r.cells[0].packed)) return null;
	const legend = [block.caption ?? '', ...block.headerLines.map((l) => l.text.trim()), ...block.notes].join(' ').replace(/\s+/g, ' ');
	const names = PACKED_LEGEND.exec(legend)?.[1].split('/').map((n) => n.trim());
	if (!names || names.length !== parts) return null;
	return [COUNT_NAME.exec(legend)?.[1] ?? '', ...names];
}

/** A table printed as records: the keys are the columns, each record's name its row label. */
function recordTable(block: TableBlock): ReadTable {
	const records = block.records!;
	return {
		caption: block.caption,
		factor: unitFactor(block.caption ?? ''),
		stub: '',
		columns: records[0].keys,
		rows: records.map((r) => ({
			label: r.label,
			values: r.cells.map((c) => c.value),
			percents: r.cells.map((c) => c.percent),
			start: r.start,
			end: r.end,
			total: TOTAL.test(r.label)
		})),
		notes: block.notes,
		start: block.start,
		end: block.end
	};
}

/**
 * How many values a row holds: the most common run of values between row labels, whether a row
 * is printed on one line or one value per line.
 */
export function rowArity(block: TableBlock): number | null {
	const runs: number[] = [];
	let run = 0;
	for (const line of block.rows) {
		const t = line.text.trim();
		if (RULE_LINE.test(t)) continue;
		const { count, labelEnd, cells } = trailingCells(t);
		const yearLabel = labelEnd === 0 && count > 1 && /^(?:19|20)\d{2}$/.test(cells[0]?.text ?? '');
		if (count === 0) {
			if (run) runs.push(run);
			run = 0;
		} else if (labelEnd > 0 || yearLabel) {
			if (run) runs.push(run);
			runs.push(yearLabel ? count - 1 : count);
			run = 0;
		} else run += count;
	}
	if (run) runs.push(run);
	if (!runs.length) return null;
	const tally = new Map<number, number>();
	for (const r of runs) tally.set(r, (tally.get(r) ?? 0) + 1);
	return [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

/**
 * A header laid out in columns whose cells are as many as the values of a row (or one more, the
 * row-label column's): each cell is a column, whatever words it holds besides the one the lexicon
 * knows (a sign legend, a year, a second caption line). Also a transposed table's area headers.
 */
function positionalColumns(
	header: { cells: string[] | null; tail: string; spans?: (string | null)[] },
	block: TableBlock,
	lexicon: ColumnLexicon
): { stub: string; columns: string[] } | null {
	if (!header.cells || header.cells.length < 2) return null;

	// A year as the row label ("2022   66   50") is not a value column.
	const arities = new Set(
		block.rows
			// A row with dashes for empty cells ("Hele landet   -   -   36,0") has fewer values: its width comes from the others.
			.filter((l) => !/\s[-–—](?=\s)/.test(l.text.trim()))
			.map((l) => trailingCells(l.text.trim()))
			.filter((c) => c.count > 0)
			.map((c) => (c.labelEnd === 0 && /^(?:19|20)\d{2}$/.test(c.cells[0].text) ? c.count - 1 : c.count))
	);
	if (arities.size !== 1) return null;
	const arity = [...arities][0];
	if (arity < 2) return null;
	const cells = header.spans ? header.cells.map((c, i) => withSpan(c, header.spans![i], lexicon)) : header.cells;
	const columns = cells.length === arity + 1 ? cells.slice(1) : cells.length === arity ? cells : null;
	if (!columns) return null;
	// Worth it only when it names more columns than the word stream would: no worse than the lexicon.
	// A table whose row labels are the metrics (laws or municipalities as columns) is read by position.
	const known = columns.filter((c) => lexicon.match(c)).length;
	const labels = block.rows.map((l) => l.text.trim()).map((t) => t.slice(0, trailingCells(t).labelEnd).trim()).filter(Boolean);
	// (One row alone, "Antal   24   14   9", counts when its label is a metric.)
	const metricRows = labels.length > 0 && labels.filter((label) => lexicon.match(label)).length >= Math.min(labels.length, Math.max(2, Math.ceil(labels.length / 2)));
	if (!metricRows && known < columns.length && known > 0 && columns.length - known > 1) return null;
	return { stub: cells.length === arity + 1 ? cells[0] : '', columns };
}

/**
 * A column under a merged header cell: the reading of the two the lexicon knows best. "Korrigeret"
 * under "Budget 2025" is "Korrigeret Budget 2025"; "Holstebro" under "Omgørelsesprocent" is
 * "Omgørelsesprocent, Holstebro"; "Afgjort" under "Afgørelser, antal" stays "Afgjort", as does any
 * column the lexicon knows by itself.
 */
function withSpan(cell: string, span: string | null, lexicon: ColumnLexicon): string {
	const known = (t: string) => lexicon.match(t)?.length ?? 0;
	// A column the lexicon knows by itself keeps its own name: a span drawn a little askew does not rename it.
	if (!span || known(cell)) return cell;
	let best = cell;
	for (const reading of [`${cell} ${span}`, `${span}, ${cell}`]) if (known(reading) > known(best)) best = reading;
	return best;
}

const COLUMN_KEY = /^[([](\d{1,2})[)\]]$/;
const KEY_DEFINITION = /[([](\d{1,2})[)\]]\s*(.+?)(?=\s*[([]\d{1,2}[)\]]|$)/g;

/**
 * Columns headed only by keys, "(1)" … "(5)", named in a legend below the table ("(1) afgjorte
 * sager i alt (2) stadfæstet …"): each key is read as the words the legend gives it.
 */
function keyedColumns(columns: string[], notes: string[]): string[] {
	if (!columns.every((c) => COLUMN_KEY.test(c.trim()))) return columns;
	const legend = new Map<string, string>();
	for (const m of dehyphenate(notes.join(' ')).matchAll(KEY_DEFINITION)) legend.set(m[1], m[2].split(/\.\s+(?=\p{Lu})/u)[0].replace(/[.;,]\s*$/, '').trim());
	const named = columns.map((c) => legend.get(COLUMN_KEY.exec(c.trim())![1]));
	return named.every(Boolean) ? (named as string[]) : columns;
}

function finish(block: TableBlock, stub: string, columns: string[], firstLabelLines: string, stream: string, options: ReadOptions = {}): ReadTable | null {
	const width = columns.length;
	if (!width) return null;
	const rows: TableRow[] = [];
	let pendingLabel = firstLabelLines;
	let pendingStart = firstLabelLines ? block.headerLines[block.headerLines.length - 1].start : -1;
	let pendingIndent = -1;
	if (firstLabelLines) {
		// Where the first row's label starts: the first header line that contains its opening words.
		const head = firstLabelLines.split(' ').slice(0, 2).join(' ');
		const line = block.headerLines.find((l) => l.text.includes(head));
		if (line) pendingStart = line.start + line.text.indexOf(head);
	}
	let pendingValues: number[] = [];
	let pendingPercents: boolean[] = [];
	let listRows = 0;
	for (const [index, line] of block.rows.entries()) {
		const printed = line.text.trim();
		if (RULE_LINE.test(printed)) continue;
		// Dashes closing the row are empty cells: read where the family skips them, else the row is left out.
		const emptyAtEnd = TRAILING_EMPTY_CELLS.exec(printed)?.[0].trim().split(/\s+/).length ?? 0;
		if (emptyAtEnd && !options.emptyCells) continue;
		const t = emptyAtEnd ? printed.replace(TRAILING_EMPTY_CELLS, '') : printed;
		let { count, labelEnd, cells: found } = trailingCells(t);
		if (emptyAtEnd && count > 0) {
			found = [...found, ...Array.from({ length: emptyAtEnd }, () => ({ text: '–', value: NaN, percent: false }))];
			count += emptyAtEnd;
		}
		const lineStart = line.start + (line.text.length - line.text.trimStart().length);
		// "1. kvt. 2025" or "Q3 2024" is a row label, though it ends in a number.
		if (count === 1 && labelEnd > 0 && /(?:kvt|kvartal|halvår|Q[1-4])\.?\s+(?:19|20)\d{2}$/i.test(t)) count = 0;
		if (count === 0) {
			if (pendingValues.length) return null;
			// "Andre kommuners og   11   7" over "private tilbud": a label cut after a connector goes on below its numbers.
			const previous = rows[rows.length - 1];
			// ("Bo- og Aktivitetscentret   26 …" over "  Pandrup": indented past the row above, the name goes on.)
			const deeper = index > 0 && indent(line.text) > indent(block.rows[index - 1].text) && trailingCells(block.rows[index - 1].text.trim()).count > 0;
			if (previous && !pendingLabel && continuesLabel(previous.label, t, block.rows[index + 1]?.text, deeper)) {
				previous.label = `${previous.label} ${t.replace(SEPARATORS, ' ')}`.replace(/\s+/g, ' ').trim();
				previous.end = line.start + line.text.trimEnd().length;
				continue;
			}
			if (pendingStart < 0) pendingStart = lineStart;
			if (!pendingLabel) pendingIndent = indent(line.text);
			pendingLabel = `${pendingLabel} ${t.replace(SEPARATORS, ' ')}`.trim();
			continue;
		}
		// "Hele landet – 67 12 21 33": dashes before or among the values fill the row up to its width.
		if (options.emptyCells && count > 0 && count < width) {
			const filled = withEmptyCells(t.slice(0, labelEnd), width - count);
			if (filled) {
				found = [...filled.cells, ...found];
				count = width;
				labelEnd = filled.labelEnd;
			}
		}
		let cells = found.map((c) => c.text);
		let percents = found.map((c) => c.percent);
		let shares = found.map((c) => c.share);
		// "Fastholdelse, § 126 88 79": a number right after § belongs to the label.
		if (count === width + 1 && /§\s*$/.test(t.slice(0, labelEnd))) {
			labelEnd += t.slice(labelEnd).indexOf(cells[0]) + cells[0].length;
			cells = cells.slice(1);
			percents = percents.slice(1);
			shares = shares.slice(1);
			count = width;
		}
		// A year as the row label: "2021 141 95 46 33".
		if (count === width + 1 && labelEnd === 0 && /^(?:19|20)\d{2}$/.test(cells[0])) {
			labelEnd = cells[0].length;
			cells = cells.slice(1);
			percents = percents.slice(1);
			shares = shares.slice(1);
			count = width;
		}
		const values = cells.map((c) => (options.emptyCells && EMPTY_CELL.test(c) ? NaN : cellValue(c)));
		if (values.some((v) => v === null)) return null;
		const ownLabel = t.slice(0, labelEnd).replace(SEPARATORS, ' ').trim();
		// Values one per line (a column layout): gather them until the row is full.
		if (count < width) {
			if (ownLabel || pendingValues.length + count > width) return null;
			if (pendingStart < 0) pendingStart = lineStart;
			pendingValues.push(...(values as number[]));
			pendingPercents.push(...percents);
			if (pendingValues.length < width) continue;
		} else if (count !== width || pendingValues.length) return null;
		// A line of words above a row with a name of its own is a group's heading ("Serviceudgifter"), not the start of the name,
		// unless it stops at a connector ("Beskyttet beskæftigelse og" over "aktivitetstilbud   3.150").
		// A heading has rows under it: the next row follows with no words between ("Bofællesskabet" over "Lindely   41"
		// over "Botilbuddet" over "Skovbrynet   57" is a wrapped name each time).
		// A heading printed to the left of the rows under it ("Serviceudgifter" over "  Jobcenter   38,6 …") is one too.
		const outdented = pendingIndent >= 0 && pendingIndent < indent(line.text) && !/\s/.test(pendingLabel.trim());
		const heading =
			pendingLabel && /^\p{Lu}/u.test(ownLabel) && !DANGLING.test(pendingLabel) && !PARENTHESISED.test(ownLabel) && (outdented || nextHasOwnLabel(block.rows, index, unfinished(ownLabel)));
		const label = (heading ? ownLabel : `${pendingLabel} ${ownLabel}`).trim().replace(/\s+/g, ' ').replace(LIST_MARKS, '').replace(LABEL_FOOTNOTE, '');
		if (heading) pendingStart = -1;
		if (/:$/.test(ownLabel) || BULLET.test(ownLabel)) listRows++;
		const start = pendingStart >= 0 ? pendingStart : lineStart;
		const rowValues = pendingValues.length ? pendingValues : (values as number[]);
		const rowPercents = pendingValues.length ? pendingPercents : percents;
		const rowShares = !pendingValues.length && shares.some((x) => x !== undefined) ? shares : undefined;
		const rowWorded = !pendingValues.length && cells.some(isWordedCell) ? cells.map(isWordedCell) : undefined;
		rows.push({ label, values: rowValues, percents: rowPercents, ...(rowShares ? { shares: rowShares } : {}), ...(rowWorded ? { worded: rowWorded } : {}), start, end: line.start + line.text.trimEnd().length, total: TOTAL.test(label) });
		pendingLabel = '';
		pendingIndent = -1;
		pendingStart = -1;
		pendingValues = [];
		pendingPercents = [];
	}
	if (pendingValues.length) return null;
	// A key-value list is a table only when it has at least two lines.
	if (listRows && listRows === rows.length && rows.length < 2) return null;
	// The caption's or header's unit first; a note below speaks only when they are silent.
	return {
		caption: block.caption,
		factor: unitFactor(`${block.caption ?? ''} ${stream}`) ?? unitFactor(block.notes.join(' ')),
		stub,
		columns,
		rows,
		notes: block.notes,
		start: block.start,
		end: block.end
	};
}

const EMPTY_CELL = /^[-–—]$/;
/** "Bostedet Hindsholm¹": a footnote mark glued to a name is no part of it. */
const LABEL_FOOTNOTE = /(?<=\p{L})[¹²³⁴⁵⁶⁷⁸⁹⁰]+\)?(?=\s|$)/gu;
/** A label cut at a connector or inside a parenthesis: its words go on on the line below. */
const unfinished = (label: string) => DANGLING.test(label) || (label.match(/\(/g) ?? []).length > (label.match(/\)/g) ?? []).length;
const indent = (line: string) => line.length - line.trimStart().length;

/** Whether the row after line `index` is printed with its own label and no label line above it (a parenthesis going on with this row's label aside). */
function nextHasOwnLabel(rows: TableBlock['rows'], index: number, goesOn = false): boolean {
	let k = index + 1;
	if (k < rows.length && PARENTHESISED.test(rows[k].text.trim())) k++;
	// The row's own label going on below its figures ("Jobcenter, drift og   38,6 …" over "administration").
	else if (goesOn && k < rows.length && trailingCells(rows[k].text.trim()).count === 0) k++;
	if (k >= rows.length) return false;
	const { count, labelEnd } = trailingCells(rows[k].text.trim());
	return count > 0 && labelEnd > 0;
}

/**
 * The cells a label's tail hides when a dash stood among them (the cell reader stops at a dash):
 * up to `missing` tokens, numbers or dashes, at least one a dash. Null when they do not fill the row.
 */
function withEmptyCells(label: string, missing: number): { cells: Cell[]; labelEnd: number } | null {
	const cells: Cell[] = [];
	let rest = label.replace(/[|\t]/g, ' ').trimEnd();
	while (cells.length < missing) {
		const m = /(?:^|\s)(\S+)$/.exec(rest);
		if (!m) return null;
		const token = m[1];
		const value = EMPTY_CELL.test(token) ? NaN : /^[-−–÷]?\d+(?:[.,]\d+)?$/.test(token) ? parseDanishNumber(token.replace(/[−–÷]/, '-')) : null;
		if (value === null) return null;
		cells.unshift({ text: token, value, percent: false });
		rest = rest.slice(0, rest.length - token.length).trimEnd();
	}
	if (!rest.trim() || !cells.some((c) => Number.isNaN(c.value))) return null;
	return { cells, labelEnd: rest.length };
}

/**
 * Rows in groups: a group's name on a line of its own above its rows ("Myndighed"), closed by
 * "I alt myndighed". The name is read into the first row's label like a wrapped label; when a
 * subtotal names it, it is taken out again, and the subtotal becomes that group's row.
 */
/** "I alt udvalget", "I alt kommunen": the table's own total, not a group's. */
const WHOLE_TABLE = /^(?:(?:hele\s+)?udvalget|udvalg|kommunen|området|drift(?:en)?)$/i;

export function resolveGroups(table: ReadTable): ReadTable {
	// "I alt myndighed" under its rows, or "Ældreområdet i alt" above them.
	const groupOf = (label: string) => {
		const plain = label.replace(/\s+/g, ' ').trim();
		const sub = /^(?:i alt|total)\s+(\p{L}[\p{L} -]*)$/iu.exec(plain)?.[1] ?? (TOTAL.test(plain) ? undefined : /^(\p{L}[\p{L} -]*?)\s+i alt$/iu.exec(plain)?.[1]);
		return sub && !WHOLE_TABLE.test(sub.trim()) ? sub : undefined;
	};
	const groups = table.rows.map((r) => groupOf(r.label)).filter((g): g is string => !!g);
	if (!groups.length) return table;
	const rows = table.rows.map((row) => {
		const label = row.label.replace(/\s+/g, ' ').trim();
		const sub = groupOf(label);
		if (sub) {
			const named = table.rows.map((r) => r.label.replace(/\s+/g, ' ').trim()).find((l) => l.toLowerCase().startsWith(`${sub.toLowerCase()} `));
			return { ...row, label: named ? named.slice(0, sub.length) : sub.charAt(0).toUpperCase() + sub.slice(1), total: false, subtotal: true };
		}
		const group = groups.find((g) => label.toLowerCase().startsWith(`${g.toLowerCase()} `));
		return group ? { ...row, label: label.slice(group.length + 1) } : row;
	});
	return { ...table, rows };
}
