/**
 * Meeting → agenda items. Every line is scored as a possible item header (its label and number,
 * a title-like rest, a case number or "Åben sag" nearby, section names below it, a table of
 * contents naming it); the best rising sequence of item numbers wins. A table of contents, front
 * or back, and numbered lists inside an item never become items.
 */

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
	'Beslutningstema',
	'Beslutningskompetence',
	'Kompetence',
	'Resumé',
	'Resume',
	'Baggrund',
	'Sagsfremstilling',
	'Sagsgang og sagstype',
	'Beskrivelse af sagen',
	'Gennemgang af sagen',
	'Relateret behandling',
	'Tidligere beslutninger',
	'Bilag',
	'Bilagsfortegnelse',
	'Kommende behandlingsforløb',
	'Økonomi',
	'Økonomiske konsekvenser',
	'Økonomiske forhold og konsekvenser',
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
	'Indledning',
	'Redegørelse',
	'Sagen',
	'Sagens kerne',
	'Sagens fremstilling',
	'Sagsresumé',
	'Kort fortalt',
	'Kort om sagen',
	'Fakta',
	'Formål og baggrund',
	'Beskrivelse',
	'Problemstilling',
	'Løsning',
	'Effekt',
	'Sagens indhold',
	'Administrationens vurdering',
	'Bevillingsmæssige konsekvenser',
	'Forvaltningens indstilling',
	'Administrationens indstilling',
	'Administrationens forslag',
	'Direktionens indstilling',
	'Rådmandens indstilling'
];
/** Headings of the decision under other names: each is read as "Beslutning". */
export const DECISION_NAMES = ['Udvalgets beslutning', 'Udvalgets afgørelse', 'Byrådets beslutning', 'Kommunalbestyrelsens beslutning'];
const SECTION_SET = new Set(SECTION_NAMES.map((s) => s.toLowerCase()));
const DECISION_SET = new Set(DECISION_NAMES.map((s) => s.toLowerCase()));
/** "Beslutning i Socialudvalget den 11-03-2025:", "Ældre- og Handicapudvalget, 04-02-2025, pkt. 10". */
const DECISION_LINE = /^Beslutning(?:\s+(?:i|fra)\s+[^\n]{3,80}?(?:\s+den\s+[^\n]{6,25})?)?\s*:?$/u;
const DECISION_STAMP = /^[\p{Lu}][\p{L} ,-]*(?:udvalg\p{L}*|Byrådet|Kommunalbestyrelsen),\s*\d{1,2}[-.]\d{1,2}[-.]\d{4},\s*pkt\.\s*\d{1,3}$/u;

/** Case-number labels: "Sagsnr.:", "Sags ID:", "Journalnr.:", "Sagsnummer:", "J.nr.", "Dok.nr.:". */
const CASE_LABEL = String.raw`(?:Sag(?=\s*:)|Sags?\.?\s*nr\.?|Sags[\s-]*ID|Sagsnummer|Journal(?=\s*:)|Journal\s*nr\.?|Acadre[\s-]*sag|Journalnummer|Jour\.\s*nr\.?|J\.\s*nr\.?|Dok\.?\s*nr\.?|Dokumentnr\.?|Acadre[\s-]*(?:sag\s*)?nr\.?|Acadre(?=\s*:)|ESDH[\s-]*nr\.?|Emne\s*nr\.?)`;
const CASE_LABELLED = new RegExp(String.raw`^\s*${CASE_LABEL}\s*:?\s*(\S+(?: \S+)*?)(?=\s{2,}|\t|\s+[·|]|\s+[–—]\s|,\s|$)`, 'i');
const CASE_BARE =
	/^\s*((?:\d{2}-\d+-)?\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?(?:-\d+-\d{2})?|\d{2,4}[-/]\d{3,}(?:[-/]\d+)?)\s*$/;
/** A line under the title that opens with the item's status or case: "Åbent punkt – Acadre: 25/00481", "Sag 25/00918, åbent punkt". */
const STATUS_LED = /^(?:(?:Åben|Åbent|Lukket)(?:\s+(?:sag|punkt))?(?:\s*[–·,-]|\s*$)|Sag\s+\d{2,4}[-/]\d{3,})/i;
const CASE_IN_STATUS_LINE = /(\d{2,4}[-/]\d{3,}(?:[-/]\d+)?)/;
const CASE_LED_TITLE = /^(\d{2,4}[-/]\d{3,}(?:[-/]\d+)?)\s+(\p{Lu}.*)$/u;
export function caseNumberOf(line: string): string | null {
	const m = CASE_LABELLED.exec(line) ?? CASE_BARE.exec(line);
	return m ? m[1].replace(STATUS_RE, '').trim() : null;
}

// A status line beside an item's header, in any system's order of fields: "Åben · Beslutningssag · eDoc 25/00412",
// "SBSYS-sag: 27.12.00-A00-14-24 · Åben", "Sag: 26/00412 | Åben | Beslutning", "Åben sag – Orientering".
/** A case number's shapes: "25/00412", "26-001874", "27.12.00-A00-14-24" (KLE). */
const CASE_SHAPE = String.raw`(?:(?!(?:19|20)\d{2}-(?:19|20)\d{2}(?!\d))\d{2,4}[-/]\d{3,}(?:[-/]\d+)?|\d{2}\.\d{2}\.\d{2}(?:-[A-ZÆØÅ]\d{2})?(?:-\d+-\d{2})?)`;
/** A field of a status line holding the case number, led by at most a word of the case system: "eDoc 25/00412", "Sag: 26/00412". */
const CASE_FIELD = new RegExp(String.raw`^(?:[\p{L}][\p{L}.-]{1,20}\.?\s*:?\s*)?(${CASE_SHAPE})$`, 'u');
const STATUS_FIELD = /^(?:[\p{L}-]{2,20}:\s*)?(?:Åben|Åbent|Lukket|Offentlig|Ikke[\s-]offentlig|Fortrolig)(?:\s+(?:sag|punkt))?$/iu;
/** Fields are set apart by "·", "|", a spaced dash, a comma or a wide gap. */
const FIELD_BREAK = /\s*[·|]\s*|\s+[–—-]\s+|,\s+|\s{2,}|\t/;
/** A status word or a case number's shape somewhere in the line: the cheap test before the fields are read. */
const MAY_BE_STATUS = /åben|lukket|offentlig|fortrolig|\d[-/.]\d\d/i;
const FIGURE_FIELD = /^[-−÷+]?[\d.,]+\s*%?$/;

/** A text made of status and case-number fields only ("· Åben · 25/1234"): its status and case number. */
function statusFieldsOnly(text: string): { status: boolean; caseNo?: string } | null {
	let status = false;
	let caseNo: string | undefined;
	for (const raw of text.split(FIELD_BREAK)) {
		const f = raw.trim();
		if (!f) continue;
		if (STATUS_FIELD.test(f)) status = true;
		else if (CASE_FIELD.test(f)) caseNo ??= CASE_FIELD.exec(f)![1];
		else return null;
	}
	return status || caseNo ? { status, caseNo } : null;
}

/** The status and case number of a line made of such fields, or null for any other line (a sentence, a table row). */
export function statusLineOf(line: string): { status: boolean; caseNo: string | null } | null {
	const t = line.trim();
	if (t.length < 4 || t.length > 110 || !MAY_BE_STATUS.test(t)) return null;
	let status = false;
	let caseNo: string | null = null;
	let words = 0;
	for (const raw of t.split(FIELD_BREAK)) {
		const f = raw.trim();
		if (!f) continue;
		if (STATUS_FIELD.test(f)) status = true;
		else if (CASE_FIELD.test(f)) caseNo ??= CASE_FIELD.exec(f)![1];
		else if (FIGURE_FIELD.test(f) || f.length > 40 || /[.!?]$/.test(f) || ++words > 3) return null;
	}
	return status || caseNo ? { status, caseNo } : null;
}

export interface Line extends Span {
	text: string;
}

/**
 * The lines of [from, to) taken from the lines of the whole text (`all` = splitLines(text)), the
 * same as splitLines(text, from, to) without splitting again: a line cut by `from` or `to` is cut
 * the same way.
 */
export function linesWithin(text: string, all: Line[], from: number, to: number): Line[] {
	// A range that starts or ends inside a "\r\n" is split afresh (the pair counts as one break only inside it).
	if (text.charCodeAt(from - 1) === 13 || text.charCodeAt(to - 1) === 13) return splitLines(text, from, to);
	let lo = 0;
	let hi = all.length - 1;
	// The last line starting at or before `from`.
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (all[mid].start <= from) lo = mid;
		else hi = mid - 1;
	}
	const out: Line[] = [];
	for (let k = lo; k < all.length; k++) {
		const l = all[k];
		const start = Math.max(l.start, from);
		if (l.end >= to || k === all.length - 1) {
			// The range ends in this line, or in the break after it (then an empty line follows, as splitLines makes).
			if (to <= l.end) out.push(start === l.start && to === l.end ? l : { start, end: to, text: text.slice(start, to) });
			else {
				out.push(start === l.start ? l : { start, end: l.end, text: text.slice(start, l.end) });
				out.push({ start: to, end: to, text: '' });
			}
			break;
		}
		if (all[k + 1].start > to) {
			out.push(start === l.start ? l : { start, end: l.end, text: text.slice(start, l.end) });
			out.push({ start: to, end: to, text: '' });
			break;
		}
		out.push(start === l.start ? l : { start, end: l.end, text: text.slice(start, l.end) });
	}
	return out;
}

/** Lines of [from, to): \n, \r\n, a lone \r, a form feed (page break), U+2028 and U+2029 all end a line. */
export function splitLines(text: string, from = 0, to = text.length): Line[] {
	const lines: Line[] = [];
	let pos = from;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c !== 10 && c !== 13 && c !== 12 && c !== 0x2028 && c !== 0x2029) continue;
		lines.push({ start: pos, end: i, text: text.slice(pos, i) });
		if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
		pos = i + 1;
	}
	lines.push({ start: pos, end: to, text: text.slice(pos, to) });
	return lines;
}

/** Looser than a section name, for scoring headers only: a short line led by a section word. */
const SECTION_HINT =
	/^(?:Indstilling|Beslutning|Resum[eé]|Sagsresum[eé]|Sagsfremstilling|Sagsbeskrivelse|Sagens\s+\p{L}+|Baggrund|Økonomi|Bilag|Vurdering|Beslutningstema|Problemstilling|Sammenfatning|Lovgrundlag|Retsgrundlag|Forslag til beslutning|(?:Forvaltningens|Administrationens|Direktionens|Direktørens)\s+(?:indstilling|vurdering)|Udvalgets beslutning|Kompetence)\b[^.!?]{0,50}:?$/iu;
const looksLikeSection = (line: string) => isSectionHeading(line) !== null || (line.length <= 70 && SECTION_HINT.test(line.trim()));

const SECTION_NUMBER = /^\d{1,3}\.\d{1,2}\s+/;
/** "Beslutning: Godkendt.": a section's name and its text on one line. */
const SECTION_LEAD = /^(\p{Lu}[\p{L} ]{2,40}?):\s+\S/u;
export function sectionLeadOf(line: string): string | null {
	const colon = line.indexOf(':');
	if (colon < 0 || colon > 60) return null;
	const m = SECTION_LEAD.exec(line.trim());
	return m ? isSectionHeading(m[1]) : null;
}
const CAPITAL_FIRST = /^\p{Lu}/u;
const LONGEST_SECTION = Math.max(...SECTION_NAMES.map((s) => s.length));

export function isSectionHeading(line: string): string | null {
	if (line.length > 120) return null;
	// "4.1 Sagsfremstilling": sections numbered under their item.
	let t = line.trim();
	if (t && t.charCodeAt(0) <= 57 && t.charCodeAt(0) >= 48) t = t.replace(SECTION_NUMBER, '');
	// Every section name and decision line starts with a capital and has no full stop before its end.
	if (!t || !CAPITAL_FIRST.test(t)) return null;
	// Only a decision line starts with "Beslutning" or holds "pkt."; any other heading is a section name, never longer than the longest.
	const decision = t.startsWith('Beslutning') || t.includes('pkt.');
	if (!decision && t.length > LONGEST_SECTION + 1) return null;
	if (t.length > 60 && !decision) return null;
	const bare = t.endsWith(':') ? t.slice(0, -1) : t;
	if (SECTION_SET.has(bare.toLowerCase())) return bare;
	if (DECISION_SET.has(bare.toLowerCase())) return 'Beslutning';
	if (decision && (DECISION_LINE.test(t) || DECISION_STAMP.test(t))) return 'Beslutning';
	return null;
}

// ── item headers ──────────────────────────────────────────────────────────────
const SP = '[ \\u00a0]';
/** "(Åben)", "(Lukket)", "(O)", "(B)" beside a title. */
const STATUS = String.raw`\((?:Åben|Åbent|Lukket|O|B)\)`;
/** "(Åben)" after a title, "Åben" far to its right, or "· Åbent punkt" after a case number. */
const STATUS_WORD = String.raw`(?:Status:${SP}*)?(?:Åben|Åbent|Lukket)(?:${SP}+(?:punkt|sag))?`;
const STATUS_RE = new RegExp(`(?:${SP}*${STATUS}|${SP}{2,}${STATUS_WORD}|${SP}*·${SP}*${STATUS_WORD})${SP}*$`);
const STATUS_ANYWHERE = new RegExp(STATUS);
/** A § numbers items only inside a drawn box ("| § 2. Regnskab |"); in running text it is a law's. */
const LABEL = String.raw`(?:(?:Ad${SP}+)?(?:Dagsordens?punkt|Punktnummer|Punkt|PUNKT|[Pp]kt\.?|PKT\.?)|Sag|Nr\.|(?:Åben|Åbent|Lukket)${SP}+(?:sag|punkt)|(?<=\|${SP}*)§)(?:${SP}+nr\.?)?(?:${SP}*:)?`;
/** "3", "3.", "3)", "[3]", and "3.0" of a decimal numbering whose sections are 3.1, 3.2 … */
const NUMBER = String.raw`\[?(\d{1,3})(?:\]|\.0(?=${SP}))?(?![\d/,]|\.\d)[.)]?`;
/** A bullet before the header, or the left side of a drawn box. */
const FRAME = String.raw`(?:[•·*|]${SP}*)?`;
/** A running number of the year: "Sag 86/2024". */
const NUMBER_OF_YEAR = String.raw`(\d{1,3})/(?:19|20)\d{2}(?!\d)`;
/** "Punkt 2 af 8": the count of items after the number. */
const OF_COUNT = String.raw`(?:af${SP}+\d{1,3}(?!\d))?`;
const LABELLED_HEADER = new RegExp(
	`^${SP}*${FRAME}${LABEL}${SP}*(?:${NUMBER_OF_YEAR}|${NUMBER})${SP}*${OF_COUNT}${SP}*(?:${STATUS}${SP}*)?(?:[:–-]${SP}*)?(.*?)(?:${SP}*\\|)?$`,
	'u'
);
/** "3 Title", "3. Title", "3 – Title". */
const BARE_HEADER = new RegExp(`^${SP}*(?:[•·]${SP}*)?${NUMBER}(?:${SP}+|\\t)(?:[–-]${SP}+)?(?:${STATUS}${SP}*)?(\\p{Lu}.*)$`, 'u');
/** "§ 4   Title" at a line's start, set apart by a wide gap: an item only with evidence, as a bare number is (a § in a table row has figures after it). */
const PARAGRAPH_HEADER = new RegExp(`^§${SP}?(\\d{1,3})\\.?(?:${SP}{2,}|\\t)(\\p{Lu}.*?)$`, 'u');
const FIGURES_AT_END = /\S\s{2,}[-−÷]?\d[\d.,]*\s*$/;
/** "… Pkt. 4", "… (punkt 4)", "… Sag nr. 4" at a line's end, tested on the tail only (an end-anchored regex scans the whole line). */
const LABELLED_TAIL = /(?:pkt|punkt|sag|nr)\.?(?:[ \u00a0]+nr\.?)?[ \u00a0]*:?[ \u00a0]*\d{1,3}\.?\)?[ \u00a0]*$/i;
const labelledNumberAtEnd = (line: string) => {
	const c = line.charCodeAt(line.trimEnd().length - 1);
	return (c === 41 || c === 46 || (c >= 48 && c <= 57)) && LABELLED_TAIL.test(line.slice(-24));
};
/** "Åben sag", "Lukket punkt", "Åbent punkt" on a line of its own or after a case number. */
const STATUS_LINE = /(?:^|\s{2,})(?:Åben|Åbent|Lukket)\s+(?:sag|punkt)\s*$|^\s*(?:Åben|Åbent|Lukket)\s*$|\s{2,}(?:Åben|Åbent|Lukket)\s*$/i;
/** A table of contents line: dotted leaders, or a page number set off at the end. */
const TOC_LEADERS = /(?:\.{4,}|…{2,}|\s{3,})\s*\d{1,3}\s*$/;

// A header in a form the minute system chose for itself is an item only with evidence; one
// piece of it is that the same form numbers several lines of the meeting.
/** "Emne 2: Title", "Beslutningssag 2: Title", "Orienteringssag 3 – Title": a word of its own as the label. */
const WORD_LABELLED = new RegExp(`^${SP}*(\\p{Lu}\\p{Ll}{2,24})${SP}+(\\d{1,3})${SP}*[:.–—-]${SP}*(\\p{Lu}.*)$`, 'u');
/** Words that number other things than agenda items: "Tabel 2: …", "Bilag 3 – …". */
const NOT_ITEM_LABEL =
	/^(?:tabel|figur|bilag|note|oversigt|kilde|trin|fase|spor|side|kapitel|afsnit|model|scenarie|gruppe|mål|målsætning|indsats|tema|område|lov|boks|eksempel|anbefaling|initiativ|pulje|bilagsnr|spørgsmål|svar|forslag|ændringsforslag|kvartal|uge|år|dag|runde|etape|niveau|version|pkt|punkt)$/i;
/** "A-2   Title" (A for åbne, L for lukkede punkter). */
const LETTER_LABELLED = new RegExp(`^${SP}*([A-ZÆØÅ])-(\\d{1,3})(?:${SP}+|\\t)(\\p{Lu}.*)$`, 'u');
/** "II.   Title": items numbered in Roman numerals. */
const ROMAN_LABELLED = new RegExp(`^${SP}*([IVXL]{1,7})\\.(?:${SP}+|\\t)(\\p{Lu}.*)$`, 'u');
/** "2. punkt – Title": the word after the number. */
const NUMBER_FIRST_LABELLED = new RegExp(`^${SP}*(\\d{1,3})\\.?${SP}+(?:punkt|sag)${SP}*[:–—-]${SP}*(\\p{Lu}.*)$`, 'iu');
/** "2 ⇥ 25/08795 ⇥ Title": the number, the case number and the title on one line. */
const CASE_BETWEEN = new RegExp(`^${SP}*(\\d{1,3})[.)]?(?:${SP}+|\\t)+(\\d{2,4}[-/]\\d{3,}(?:[-/]\\d+)?)(?:${SP}+|\\t)+(\\p{Lu}.*)$`, 'u');
/** "(Pkt. nr. 2 — åbent — sagsnr. 26/01877)" under the title it numbers. */
const NUMBER_UNDER_TITLE = new RegExp(`^${SP}*\\(${SP}*(?:Pkt\\.?|Punkt)${SP}*(?:nr\\.?)?${SP}*(\\d{1,3})(?!\\d)[^)]*\\)?${SP}*$`, 'iu');

// The general ordinal line: a header in any further form is read by its parts. An ordinal ("2", "02", "2.",
// "[2]", "02/11" = the 2nd of 11 items), at the line's start, framed by rules or not, or after a label at the
// right margin; then fields ("|", "·", wide gaps) of which a tag, a status and a case number are set aside and
// one is the title. Figures in a field make it a table's row.
/** A rule drawn with one character: "══════", "──────", "=====", "-----". */
const RULE_RUN = '[═─━=_~*#-]{3,}';
/** A line drawn with rule or box characters only: "──────", "=====", "┌───┬───┐", "+----+----+". */
export const RULE_LINE = /^\s*[\u2500-\u257f=_~*#+-]{3,}\s*$/;
const ORDINAL = String.raw`[\[(]?(\d{1,3})(?:/(\d{1,3}))?[\])]?[.)]?`;
/** What may stand before the ordinal: a rule ("══ 2 ══"), a box's side ("│ 2 │"), a label ("Pkt. 2/11"). */
const ORDINAL_FIRST = new RegExp(`^${SP}*((?:[═─━=_~*#-]{2,}|[|│║┃])${SP}*)?(${LABEL}${SP}*)?${ORDINAL}(?=${SP}|\\t|[|│║┃]|$)(.*)$`, 'u');
const BOX_SIDE = /^[|│║┃]/;
/** "Title          Pkt. 4", "Title ..... Punkt 4", "Title     (pkt. 4)". */
const ORDINAL_LAST = new RegExp(`^${SP}*(\\S.*?\\S)(?:${SP}{3,}|\\t+|${SP}*(?:\\.{3,}|…+)${SP}*)\\(?${LABEL}${SP}*(\\d{1,3})\\.?\\)?${SP}*$`, 'u');
const TRAILING_RULE = new RegExp(`${SP}*${RULE_RUN}${SP}*$`);
/** A tag in brackets before the title: "[ORIENTERING]", "(Beslutningssag)". */
const TAG_FIELD = /^(?:\[[^\]]{2,30}\]|\([^)]{2,30}\))$/u;
const TAG_LEAD = /^(\[[^\]]{2,30}\]|\([^)]{2,30}\))\s+(?=\S)/u;
const HEADER_FIELD_BREAK = /\s*[·|│║┃]\s*|\s{2,}|\t/;
const TITLE_START = /^["“«]?[\p{Lu}\d]/u;

/** What an ordinal line can start with: a digit, a bracket, a rule or box character, or a label's first letter. */
const ORDINAL_FIRST_START = /^[ \u00a0]*[\d[(═─━=_~*#|│║┃\-DPpSNÅLA]/u;

function ordinalLine(line: string): Header | null {
	const last = labelledNumberAtEnd(line) ? ORDINAL_LAST.exec(line) : null;
	if (last) {
		const fields = fieldsOf(last[1]);
		return fields && fields.title ? { no: Number(last[2]), rest: fields.title, labelled: true, status: fields.status, caseNo: fields.caseNo, form: 'ordinal last' } : null;
	}
	const m = ORDINAL_FIRST_START.test(line) ? ORDINAL_FIRST.exec(line) : null;
	if (!m) return null;
	const [, frame, label, no, of] = m;
	const labelled = label !== undefined;
	// "02/11": the place in the agenda, never past its end.
	if (of !== undefined && (Number(of) < 2 || Number(no) > Number(of))) return null;
	// "01/03 – Title": a dash or colon after the ordinal.
	let rest = m[5].replace(TRAILING_RULE, '').trim().replace(/^(?:[|│║┃]|[–—:-](?=\s))\s*/, '');
	let tag = false;
	const lead = TAG_LEAD.exec(rest);
	if (lead) [rest, tag] = [rest.slice(lead[0].length), true];
	const rule = frame !== undefined && !BOX_SIDE.test(frame.trim());
	if (!rest) return labelled || rule || TRAILING_RULE.test(m[5]) ? { no: Number(no), rest: '', labelled, status: false, form: 'rule' } : null;
	const fields = fieldsOf(rest);
	if (!fields || !fields.title) return null;
	const bracketed = /^\s*[[(]/.test(m[0].slice((frame ?? '').length + (label ?? '').length));
	const form = of !== undefined ? `af ${of}` : rule ? 'rule' : tag ? 'tag' : fields.parts > 1 ? 'fields' : frame ? 'box' : bracketed ? 'bracket' : 'ordinal';
	// A bare "3  Title" with nothing else is BARE_HEADER's; here only forms that carry more.
	if (form === 'ordinal' && !labelled && !fields.status && !fields.caseNo) return null;
	return { no: Number(no), rest: fields.title, labelled, status: fields.status, caseNo: fields.caseNo, form };
}

/** A header's fields: the title (the longest field that is none of tag, status, case number), or null for a table row. */
function fieldsOf(rest: string): { title: string; status: boolean; caseNo?: string; parts: number } | null {
	let title = '';
	let status = false;
	let caseNo: string | undefined;
	const parts = rest.split(HEADER_FIELD_BREAK).map((f) => f.trim()).filter(Boolean);
	for (const f of parts) {
		if (STATUS_FIELD.test(f) || (STATUS_ANYWHERE.test(f) && f.length <= 8)) status = true;
		else if (CASE_FIELD.test(f)) caseNo ??= CASE_FIELD.exec(f)![1];
		else if (FIGURE_FIELD.test(f)) return null;
		else if (TAG_FIELD.test(f)) continue;
		else if (f.length > title.length) {
			if (title.length > 30) return null;
			title = f;
		} else if (f.length > 30) return null;
	}
	return TITLE_START.test(title) && titleLike(title) ? { title, status, caseNo, parts: parts.length } : null;
}

function romanValue(r: string): number {
	const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
	let n = 0;
	for (let i = 0; i < r.length; i++) n += v[r[i]] < (v[r[i + 1]] ?? 0) ? -v[r[i]] : v[r[i]];
	return n;
}

interface Header {
	no: number;
	rest: string;
	labelled: boolean;
	status: boolean;
	/** The form of a header in a form of the minute system's own ("emne", "A-", "roman"), to see it recur. */
	form?: string;
	/** The case number printed on the header line. */
	caseNo?: string;
	/** The number stands on its own line under the title (the line above). */
	titleAbove?: boolean;
}

interface Candidate {
	line: number;
	no: number;
	rest: string;
	score: number;
	caseNo?: string;
}

function headerOf(line: string): Header | null {
	if (line.length > 300) return null;
	// "Title          Pkt. 4": the number only at the end.
	if (!/\d|^\s*[IVXL]+\./.test(line.slice(0, 30))) return labelledNumberAtEnd(line) ? ordinalLine(line) : null;
	const m = LABELLED_HEADER.exec(line);
	// "Sag 3 · Åben · 25/1234" over its title: the rest of the line is the status, not the title.
	const onlyStatus = m && m[3] ? statusFieldsOnly(m[3]) : null;
	if (onlyStatus) return { no: Number(m![1] ?? m![2]), rest: '', labelled: true, status: onlyStatus.status, caseNo: onlyStatus.caseNo };
	if (m) return { no: Number(m[1] ?? m[2]), rest: m[3].replace(STATUS_RE, '').replace(/^·\s*/, '').trim(), labelled: true, status: STATUS_ANYWHERE.test(line) || STATUS_RE.test(line) };
	const n = NUMBER_FIRST_LABELLED.exec(line);
	if (n) return { no: Number(n[1]), rest: n[2].trim(), labelled: true, status: STATUS_ANYWHERE.test(line) };
	const c = CASE_BETWEEN.exec(line);
	if (c) return { no: Number(c[1]), rest: c[3].trim(), labelled: true, status: false, caseNo: c[2] };
	const u = NUMBER_UNDER_TITLE.exec(line);
	if (u) return { no: Number(u[1]), rest: '', labelled: true, status: /åben|lukket/i.test(line), titleAbove: true };
	const b = BARE_HEADER.exec(line) ?? (FIGURES_AT_END.test(line) ? null : PARAGRAPH_HEADER.exec(line));
	if (b) return { no: Number(b[1]), rest: b[2].trim(), labelled: false, status: STATUS_ANYWHERE.test(line) };
	if (FIGURES_AT_END.test(line)) return ORDINAL_LAST.test(line) ? ordinalLine(line) : null;
	const w = WORD_LABELLED.exec(line);
	if (w && !NOT_ITEM_LABEL.test(w[1])) return { no: Number(w[2]), rest: w[3].trim(), labelled: false, status: STATUS_ANYWHERE.test(line), form: w[1].toLowerCase() };
	const l = LETTER_LABELLED.exec(line);
	if (l) return { no: Number(l[2]), rest: l[3].trim(), labelled: false, status: STATUS_ANYWHERE.test(line), form: 'letter' };
	const r = ROMAN_LABELLED.exec(line);
	if (r) return { no: romanValue(r[1]), rest: r[2].trim(), labelled: false, status: STATUS_ANYWHERE.test(line), form: 'roman' };
	return ordinalLine(line);
}

/** A line that reads as an agenda item's header ("Pkt. 12", "3 (Åben) Budget"), wherever it stands. */
export const isItemHeaderLine = (line: string) => headerOf(line) !== null;

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}]/gu, '');

function titleLike(rest: string): boolean {
	const t = rest.replace(STATUS_RE, '').trim();
	if (t.length > 180) return false;
	// A sentence, not a title: ends in a full stop after several words, or runs on with ". X".
	if (/[.!?]$/.test(t) && !/\b(?:m\.v|m\.m|mv|pkt|nr)\.$/i.test(t) && t.split(/\s+/).length > 3) return false;
	return !/[a-zæøå]{2}\.\s+\p{Lu}/u.test(t);
}

/** `lines`: the text's lines when the caller has split them already (splitLines(text)). */
export function segmentItems(text: string, lines: Line[] = splitLines(text)): ItemSegment[] {
	const blank = (i: number) => i < 0 || i >= lines.length || !lines[i].text.trim();
	const nextNonBlank = (i: number, n: number): number[] => {
		const out: number[] = [];
		for (let j = i + 1; j < lines.length && out.length < n; j++) if (!blank(j)) out.push(j);
		return out;
	};
	const prevNonBlank = (i: number): number => {
		for (let j = i - 1; j >= 0; j--) if (!blank(j)) return j;
		return -1;
	};

	// Header-like lines; adjacent ones (a list with nothing between) are a table of contents or a list.
	const raw: (Header & { line: number })[] = [];
	for (let i = 0; i < lines.length; i++) {
		const h = headerOf(lines[i].text);
		if (!h || h.no <= 0) continue;
		// "(Pkt. nr. 2 — åbent — …)" numbers the title line above it: the item starts there.
		if (h.titleAbove) {
			const above = prevNonBlank(i);
			if (above < 0 || i - above > 2 || headerOf(lines[above].text) || !titleLike(lines[above].text.trim())) continue;
			raw.push({ ...h, line: above, rest: lines[above].text.trim() });
		} else raw.push({ line: i, ...h });
	}
	// A form of the minute system's own counts as a label when it numbers three lines or more.
	const formCount = new Map<string, Set<number>>();
	for (const r of raw) if (r.form) formCount.set(r.form, (formCount.get(r.form) ?? new Set()).add(r.no));
	const recurring = (r: Header) => r.form !== undefined && formCount.get(r.form)!.size >= 3;
	const rawAt = new Map(raw.map((r) => [r.line, r]));
	const toc = new Map<number, string[]>();
	const tocLines = new Set<number>();
	for (const r of raw) {
		const t = lines[r.line].text;
		const inRun = rawAt.has(r.line - 1) || rawAt.has(r.line + 1);
		if (t.startsWith('\t') || TOC_LEADERS.test(t) || inRun) {
			tocLines.add(r.line);
			const title = letters(r.rest.replace(/(?:\.{2,}|…+|\s{3,})\s*\d{1,3}\s*$/, '').replace(STATUS_RE, '')).slice(0, 16);
			toc.set(r.no, [...(toc.get(r.no) ?? []), title]);
		}
	}

	const candidates: Candidate[] = [];
	const weak: Candidate[] = [];
	for (const r of raw) {
		if (tocLines.has(r.line)) continue;
		const prev = candidates[candidates.length - 1];
		// "4. Titel (O)" repeated on a tab-indented line below: one header.
		if (prev && prev.no === r.no && r.line - prev.line <= 4) continue;
		let rest = r.rest;
		const below = nextNonBlank(r.line, 8);
		if (!rest && below.length) rest = lines[below[0]].text.trim(); // "Pkt. 12" alone, the title below
		const titleOk = rest.length > 0 && titleLike(rest);
		const near = below.slice(0, 4);
		// The status line may stand below the header or above it ("Åben sag – Beslutning" over "4.  Title").
		const above = prevNonBlank(r.line);
		let caseNear = r.caseNo !== undefined || near.some((j) => caseNumberOf(lines[j].text) !== null);
		let statusNear = r.status || near.some((j) => STATUS_LINE.test(lines[j].text)) || (above >= 0 && STATUS_LINE.test(lines[above].text) && r.line - above <= 3);
		if (!caseNear || !statusNear)
			for (const j of above >= 0 && r.line - above <= 3 ? [...near, above] : near) {
				const f = statusLineOf(lines[j].text);
				caseNear ||= f?.caseNo != null;
				statusNear ||= f?.status === true;
			}
		// A rule drawn right above or below: "05  Title" boxed between "────" lines, a pipe line underlined with "====".
		const ruled = (r.line > 0 && RULE_LINE.test(lines[r.line - 1].text)) || (r.line + 1 < lines.length && RULE_LINE.test(lines[r.line + 1].text));
		const sectionNear = below.some((j) => looksLikeSection(lines[j].text));
		const repeated = below.length > 0 && letters(lines[below[0]].text).startsWith(letters(rest).slice(0, 16)) && letters(rest).length >= 4;
		const key = letters(rest.replace(STATUS_RE, '')).slice(0, 16);
		const tocConfirms = (toc.get(r.no) ?? []).some((t) => t.length >= 4 && (key.startsWith(t) || t.startsWith(key)));
		const evidence =
			(caseNear ? 2 : 0) + (statusNear ? 1.5 : 0) + (sectionNear ? 1.5 : 0) + (tocConfirms ? 2 : 0) + (repeated && !r.rest ? 0 : repeated ? 1.5 : 0) + (recurring(r) ? 1.5 : 0) + (ruled ? 1 : 0);
		if (r.labelled && !rest) continue;
		const score = (r.labelled ? 3 : 1) + evidence + (blank(r.line - 1) ? 1 : 0) + (titleOk ? 1 : -3);
		if (!r.labelled && (evidence < 1.5 || !titleOk)) {
			// "3. Titel" set off by blank lines, with nothing else to confirm it: used only when nothing better is found.
			if (titleOk && blank(r.line - 1) && blank(r.line + 1)) weak.push({ line: r.line, no: r.no, rest: r.rest, score: 0.5 });
			continue;
		}
		if (score <= 0) continue;
		candidates.push({ line: r.line, no: r.no, rest: r.rest, score, caseNo: r.caseNo });
	}
	let kept = bestRisingSequence(candidates);
	if (kept.length < 2) {
		const loose = bestRisingSequence([...candidates, ...weak].sort((a, b) => a.line - b.line));
		if (loose.length >= 3) kept = loose;
	}
	if (!kept.length) return wholeText(text, lines);

	// A table of contents after the last item ends it.
	const lastLine = kept[kept.length - 1].line;
	let tocStart: number | null = null;
	for (let i = lastLine + 1; i < lines.length; i++) {
		const t = lines[i].text;
		if (tocLines.has(i) || /^\s*(?:Indholdsfortegnelse|Mødeinformation)\s*$/.test(t)) {
			tocStart = i;
			while (tocStart > lastLine + 1 && /^\s*(?:Indholdsfortegnelse|Mødeinformation)?\s*$/.test(lines[tocStart - 1].text)) tocStart--;
			break;
		}
	}
	const items: ItemSegment[] = [];
	for (let k = 0; k < kept.length; k++) {
		const s = kept[k];
		const endLine = k + 1 < kept.length ? kept[k + 1].line : tocStart ?? lines.length;
		const start = lines[s.line].start + (lines[s.line].text.length - lines[s.line].text.trimStart().length);
		let end = endLine < lines.length ? lines[endLine].start : text.length;
		while (end > start && /\s/.test(text[end - 1])) end--;
		// Title: the rest of the header line (or the line below a bare "Pkt. 12") plus continuation lines.
		const titleParts = s.rest ? [s.rest.replace(STATUS_RE, '').trim()] : [];
		let i = s.line + 1;
		if (!s.rest) {
			while (i < endLine && blank(i)) i++;
			// "Titel:        Godkendelse af dagsorden" in a web export's block of fields.
			if (i < endLine) titleParts.push(lines[i++].text.trim().replace(STATUS_RE, '').replace(/^Titel:\s*/, ''));
		}
		while (i < endLine) {
			const t = lines[i].text.trim();
			if (!t || caseNumberOf(lines[i].text) || STATUS_LED.test(t) || statusLineOf(t) || isSectionHeading(t) || sectionLeadOf(t) || headerOf(lines[i].text)) break;
			// The bottom of a drawn box, or a status line inside it.
			if (/^[|+]/.test(t) || RULE_LINE.test(t) || STATUS_LINE.test(lines[i].text)) break;
			if (titleParts.join(' ').length > 250) break;
			titleParts.push(t.replace(STATUS_RE, ''));
			i++;
		}
		// "24/30455 Klagesager afgjort af Ankestyrelsen": a title led by its case number.
		let caseNo: string | null = s.caseNo ?? null;
		const led = CASE_LED_TITLE.exec(titleParts[0] ?? '');
		if (led) [caseNo, titleParts[0]] = [led[1], led[2]];
		// Case number, a repeated header, status lines: all before the body.
		let bodyStartLine = i;
		let seen = 0;
		for (let j = i; j < endLine && seen < 4; j++) {
			const t = lines[j].text.trim();
			if (!t) continue;
			seen++;
			const h = headerOf(lines[j].text);
			const fields = statusLineOf(t);
			const inStatus = STATUS_LED.test(t) || h?.titleAbove ? (CASE_IN_STATUS_LINE.exec(t)?.[1] ?? null) : null;
			const c = caseNumberOf(lines[j].text) ?? inStatus ?? fields?.caseNo ?? null;
			if (c) caseNo ??= c;
			else if (!(h && h.no === s.no) && !STATUS_LINE.test(lines[j].text) && !STATUS_LED.test(t) && !fields && !RULE_LINE.test(t)) break;
			bodyStartLine = j + 1;
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

/**
 * The rising run of item numbers with the best total score: each header adds its score, a jump
 * in the numbering costs a little ("3" after "1"), so a stray "5 Borgere" inside item 2 loses to
 * the real items 3, 4 and 5.
 */
function bestRisingSequence(c: Candidate[]): Candidate[] {
	const best: number[] = [];
	const from: number[] = [];
	for (let i = 0; i < c.length; i++) {
		best[i] = c[i].score;
		from[i] = -1;
		for (let j = Math.max(0, i - 400); j < i; j++) {
			if (c[j].no >= c[i].no) continue;
			const v = best[j] + c[i].score - 0.75 * Math.min(c[i].no - c[j].no - 1, 8);
			if (v > best[i]) {
				best[i] = v;
				from[i] = j;
			}
		}
	}
	let top = -1;
	for (let i = 0; i < c.length; i++) if (top < 0 || best[i] > best[top]) top = i;
	const out: Candidate[] = [];
	for (let i = top; i >= 0; i = from[i]) out.unshift(c[i]);
	return out;
}

/** Minutes without item headers are read as one item titled by their first line. */
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

function segmentSections(lines: Line[], from: number, to: number, itemEnd: number): SectionSegment[] {
	const sections: SectionSegment[] = [];
	for (let i = from; i < to; i++) {
		const name = isSectionHeading(lines[i].text) ?? sectionLeadOf(lines[i].text);
		if (!name) continue;
		if (sections.length) sections[sections.length - 1].end = lines[i].start;
		sections.push({ name, start: lines[i].start, end: itemEnd });
	}
	for (const s of sections) s.end = Math.min(s.end, itemEnd);
	return sections;
}
