/**
 * A sentence as rules see it: lower-cased words with whitespace folded, every figure replaced
 * by a token "Q<i><unit>" (n = count, p = pct, k = kroner, pp = procentpoint) and every period
 * by "T<i>". Rules are regular expressions over this view; tokens lead back to offsets.
 */
import { findQuantities, hasNumberWord, maskNonFigures, type Quantity } from './numbers';
import { findPeriods, type PeriodMention } from './periods';

export interface View {
	start: number;
	end: number;
	text: string;
	view: string;
	quantities: Quantity[];
	periods: PeriodMention[];
	/** Position in `view` of each token, for distance measures. */
	qAt: number[];
	tAt: number[];
}

const UNIT_CODE: Record<string, string> = { kr: 'k', pct: 'p', procentpoint: 'pp' };

export function unitCode(q: Quantity): string {
	return q.unit ? UNIT_CODE[q.unit] : 'n';
}

const DEBRIS_LINE = /^[^\n]*(?:\sSide\s+\d+\s*(?:af|\/)\s*\d+|^\s*Side\s+\d+)[ \t]*$/gim;

const FOOTER = /Side\s+\d+/i;
/** A running page footer inside the sentence, which the view blanks. */
const hasFooter = (slice: string) => slice.includes('ide ') && FOOTER.test(slice);

/** The periods viewOf(text, start, end) finds, without building the view. */
export function periodsOf(text: string, start: number, end: number): PeriodMention[] {
	return hasFooter(text.slice(start, end)) ? viewOf(text, start, end).periods : findPeriods(text, start, end);
}

/** `periods`: what periodsOf(text, start, end) returned, when the caller has it. */
export function viewOf(text: string, start: number, end: number, known?: PeriodMention[]): View {
	const slice = text.slice(start, end);
	// A running page footer inside a sentence is blanked (same length, so offsets still hold).
	if (hasFooter(slice)) {
		const clean = slice.replace(DEBRIS_LINE, (m) => ' '.repeat(m.length));
		if (clean !== slice) {
			const v = viewOf(clean, 0, clean.length);
			const shift = <T extends { start: number; end: number }>(x: T) => ({ ...x, start: x.start + start, end: x.end + start });
			return { ...v, start, end, text: slice, quantities: v.quantities.map(shift), periods: v.periods.map(shift) };
		}
	}
	const periods = known ?? findPeriods(text, start, end);
	// Without a digit or a number word there is no figure to find.
	if (!/\d/.test(slice) && !hasNumberWord(slice)) return plainView(text, start, end, slice, periods);
	const masked = maskNonFigures(text, start, end);
	const periodMask = periods.map((p) => ({ start: p.start, end: p.end, kind: 'periode' }));
	const quantities = findQuantities(text, start, end, [...masked, ...periodMask]);
	let view = '';
	const qAt: number[] = [];
	const tAt: number[] = [];
	let pos = start;
	// Figures and periods in text order (both lists are sorted; at the same start the figure goes first).
	for (let qi = 0, ti = 0; qi < quantities.length || ti < periods.length; ) {
		const isQ = ti >= periods.length || (qi < quantities.length && quantities[qi].start <= periods[ti].start);
		const tok = isQ ? quantities[qi] : periods[ti];
		if (tok.start >= pos) {
			view += words(text.slice(pos, tok.start));
			if (isQ) {
				qAt[qi] = view.length;
				view += `Q${qi}${unitCode(quantities[qi])}`;
			} else {
				tAt[ti] = view.length;
				view += `T${ti}`;
			}
			pos = tok.end;
		}
		if (isQ) qi++;
		else ti++;
	}
	view += words(text.slice(pos, end));
	return { start, end, text: slice, view, quantities, periods, qAt, tAt };
}


function plainView(text: string, start: number, end: number, slice: string, periods: PeriodMention[]): View {
	const tAt: number[] = [];
	let view = '';
	let pos = start;
	periods.forEach((p, i) => {
		view += words(text.slice(pos, p.start));
		tAt[i] = view.length;
		view += `T${i}`;
		pos = p.end;
	});
	view += words(text.slice(pos, end));
	return { start, end, text: slice, view, quantities: [], periods, qAt: [], tAt };
}

/** A word broken over a line ("omgørelses-" / "procent"), not a compound's first part before "og" ("Ældre-" / "og Sundhed"). */
const BROKEN_WORD = /(\p{Ll})-[ \t]*\r?\n[ \t]*(?!(?:og|eller|samt|til)(?![\p{L}]))(?=\p{Ll})/gu;

/** Lower-cased, soft hyphens dropped, words broken over a line joined, whitespace folded to one space. */
function words(s: string): string {
	let lower = s.toLowerCase();
	if (lower.includes('\u00ad')) lower = lower.replace(/\u00ad/g, '');
	if (lower.includes('-\n') || lower.includes('- \n') || lower.includes('-\r')) lower = lower.replace(BROKEN_WORD, '$1');
	return lower.replace(/\s+/g, ' ');
}

/**
 * Whether the view of `text` can hold one of `words` (lower case, without spaces): the text holds it
 * in any case, or a soft hyphen or a word broken over a line may join it. A cheap test before building the view.
 */
export function viewMayHold(text: string, words: string[]): boolean {
	const lower = text.toLowerCase();
	for (const w of words) if (lower.includes(w)) return true;
	return lower.includes('\u00ad') || (lower.includes('-') && /-[ \t]*\r?\n/.test(lower));
}

/** Token index from a match like "Q12p". */
export function qIndex(token: string): number {
	return Number(/^Q(\d+)/.exec(token)![1]);
}
