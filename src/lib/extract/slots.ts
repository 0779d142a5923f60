/**
 * Figure-centred slot filling over a sentence's view (see view.ts), for any family.
 *
 * A lexicon is data: concepts, each with the words that cue it. Around every figure the
 * cues of its own clause are collected and the nearest one binds; parenthesised asides
 * ("(52 pct.)", "(2023: 104)") are a clause of their own that leans on the figure before it.
 */

export interface Concept<R extends string> {
	role: R;
	/** Regex fragments over the lower-cased view, each a way the text says this concept. */
	cues: string[];
	/** Sentences with the facts they must give ("metric=value"), run as tests. */
	examples?: [string, string[]][];
}

export interface Cue<R extends string> {
	role: R;
	start: number;
	end: number;
}

export interface Span {
	start: number;
	end: number;
}

/** One global regex per lexicon; overlapping cues keep the longest ("ændrede og hjemviste" over "ændrede"). */
export function cueFinder<R extends string>(concepts: Concept<R>[]): (view: string) => Cue<R>[] {
	const parts = concepts.map((c, i) => `(?<c${i}>${c.cues.join('|')})`);
	const re = new RegExp(`(?<![\\p{L}\\d])(?:${parts.join('|')})(?![\\p{L}])`, 'gu');
	return (view) => {
		const found: Cue<R>[] = [];
		re.lastIndex = 0;
		for (let m = re.exec(view); m; m = re.exec(view)) {
			if (!m[0].length) {
				re.lastIndex++;
				continue;
			}
			const i = Number(Object.entries(m.groups!).find(([, v]) => v !== undefined)![0].slice(1));
			found.push({ role: concepts[i].role, start: m.index, end: m.index + m[0].length });
		}
		return found;
	};
}

/**
 * Where a sentence breaks into clauses: the positions of separators such as ", " or " mens ",
 * leaving out those inside a cue ("ændret eller hjemvist" is one cue).
 */
export function clauseBreaks(view: string, separators: RegExp, cues: Span[]): number[] {
	const out: number[] = [];
	let re = globalOf.get(separators);
	if (!re) globalOf.set(separators, (re = new RegExp(separators.source, separators.flags.includes('g') ? separators.flags : separators.flags + 'g')));
	re.lastIndex = 0;
	for (let m = re.exec(view); m; m = re.exec(view)) {
		if (!m[0].length) {
			re.lastIndex++;
			continue;
		}
		const at = m.index;
		if (!cues.some((c) => at > c.start && at < c.end)) out.push(at, at + m[0].length);
	}
	return out;
}

/** Each separators pattern as a global one, built once. */
const globalOf = new WeakMap<RegExp, RegExp>();

/** The clause around `at`: from the last break before it to the first break after it. */
export function clauseAt(breaks: number[], at: number, length: number): Span {
	let start = 0;
	let end = length;
	for (let i = 0; i < breaks.length; i += 2) {
		if (breaks[i + 1] <= at) start = breaks[i + 1];
		else if (breaks[i] >= at) {
			end = breaks[i];
			break;
		}
	}
	return { start, end };
}

/** Top-level parenthesised spans of the view, "(" to ")". */
export function parentheses(view: string): Span[] {
	const out: Span[] = [];
	let open = -1;
	for (let i = 0; i < view.length; i++) {
		if (view[i] === '(' && open < 0) open = i;
		else if (view[i] === ')' && open >= 0) {
			out.push({ start: open, end: i + 1 });
			open = -1;
		}
	}
	// "38 pct. – et fald på 3 procentpoint – mens …": an aside between two dashes is a parenthesis too;
	// one that opens with its figure ("mens resten – 34 sager – blev omgjort") names what stands before it.
	ASIDE.lastIndex = 0;
	for (let m = ASIDE.exec(view); m; m = ASIDE.exec(view)) {
		if (/^ [–—] Q\d/.test(m[0])) continue;
		if (!out.some((p) => m!.index < p.end && m!.index + m![0].length > p.start)) out.push({ start: m.index + 1, end: m.index + m[0].length - 1 });
	}
	return out.sort((a, b) => a.start - b.start);
}
const ASIDE = / [–—] [^–—();.]{1,80}? [–—] /g;

export function inside(spans: Span[], at: number): Span | null {
	return spans.find((s) => at > s.start && at < s.end) ?? null;
}

/** Characters between a token [at, end) and a cue, on either side. */
export function gap(cue: Span, at: number, end: number): number {
	return cue.end <= at ? at - cue.end : cue.start >= end ? cue.start - end : 0;
}

/**
 * The cue nearest to the token [at, end) within `clause`; cues inside a parenthesis the
 * token is not in are not seen, and no cue is taken across another figure that stands nearer to it.
 */
export function nearest<R extends string>(cues: Cue<R>[], clause: Span, at: number, end: number, parens: Span[], figures: number[]): Cue<R> | null {
	const own = inside(parens, at);
	let best: Cue<R> | null = null;
	let bestGap = Infinity;
	for (const c of cues) {
		if (c.start < clause.start || c.end > clause.end) continue;
		const p = inside(parens, c.start);
		if (p && p !== own) continue;
		const d = gap(c, at, end);
		const between = (f: number) => (c.end <= at ? f >= c.end && f < at : f >= end && f < c.start);
		if (figures.some((f) => f !== at && between(f) && (inside(parens, f) ?? own) === own)) continue;
		if (d < bestGap) {
			best = c;
			bestGap = d;
		}
	}
	return best;
}

/** The length of the figure token at `at` ("Q12p", "Q3n"). */
export function tokenEnd(view: string, at: number): number {
	const m = /^Q\d+[a-z]+/.exec(view.slice(at, at + 12));
	return at + (m ? m[0].length : 1);
}
