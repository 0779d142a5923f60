/**
 * The Danish number grammar: "1.341.696 kr.", "126.755,52 kr.", "1,391 mio. kr.", "46,0 mio.",
 * "t.kr.", "pct.", "procentpoint", number words, signs, ranges and approximations, and the
 * spans that look like numbers but are not figures (dates, case numbers, §, Punkt, times …).
 */

export type QuantityUnit = 'kr' | 'pct' | 'procentpoint' | null;

export interface Quantity {
	start: number;
	end: number;
	value: number;
	unit: QuantityUnit;
	/** "ca.", "cirka", "knap", "omkring" … */
	approx: boolean;
	/** "over", "under", "mindst", "op til" …: a bound, never a figure. */
	bound: boolean;
	/** Part of a range such as "1,5-2 mio. kroner" or "5 til 10 borgere". */
	range: boolean;
	/** Written as a word ("tolv", "Tre"). */
	word: boolean;
	/** The multiplier the unit applied ("mio." → 1e6), so a range's first number can share it. */
	scale: number;
}

export interface Masked {
	start: number;
	end: number;
	kind: string;
}

const WORDS: Record<string, number> = {
	nul: 0,
	én: 1,
	ét: 1,
	to: 2,
	tre: 3,
	fire: 4,
	fem: 5,
	seks: 6,
	syv: 7,
	otte: 8,
	ni: 9,
	ti: 10,
	elleve: 11,
	tolv: 12,
	tretten: 13,
	fjorten: 14,
	femten: 15,
	seksten: 16,
	sytten: 17,
	atten: 18,
	nitten: 19,
	tyve: 20,
	tredive: 30,
	fyrre: 40,
	halvtreds: 50,
	tres: 60,
	halvfjerds: 70,
	firs: 80,
	halvfems: 90,
	hundrede: 100
};
const UNITS_WORDS = ['en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni'];
const TENS_WORDS = ['tyve', 'tredive', 'fyrre', 'halvtreds', 'tres', 'halvfjerds', 'firs', 'halvfems'];
for (let u = 0; u < UNITS_WORDS.length; u++)
	for (const t of TENS_WORDS) WORDS[`${UNITS_WORDS[u]}og${t}`] = u + 1 + WORDS[t];

/** The value of a number word, or null. */
export function numberWord(word: string): number | null {
	const w = word.toLowerCase();
	return w in WORDS ? WORDS[w] : null;
}

/** Parses "1.341.696", "126.755,52", "46,0", "-17,0", "−2,3". Returns null for what is not a Danish number. */
export function parseDanishNumber(raw: string): number | null {
	if (allDigits(raw)) return Number(raw);
	let s = raw.trim().replace(/[\u00a0 ]/g, '');
	let sign = 1;
	if (/^[-−–÷]/.test(s)) {
		sign = -1;
		s = s.slice(1);
	} else if (s.startsWith('+')) s = s.slice(1);
	if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return sign * Number(s.replace(/\./g, '').replace(',', '.'));
	if (/^\d+(?:,\d+)?$/.test(s)) return sign * Number(s.replace(',', '.'));
	return null;
}

/** "2024", "17": most numbers are digits only, read without a pattern. */
function allDigits(raw: string): boolean {
	if (!raw.length) return false;
	for (let i = 0; i < raw.length; i++) {
		const c = raw.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return true;
}

const MONTHS =
	'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan\\.|feb\\.|mar\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept\\.|okt\\.|nov\\.|dec\\.';

/**
 * Spans that contain digits but are never figures. Order matters only for readability. To skip a
 * pattern cheaply: `needs`, a character every match contains; `anyOf`, words one of which every
 * match contains in lower case; `digitDot`, every match holds a digit with a full stop right after it.
 */
export const NON_FIGURES: { kind: string; needs?: string; anyOf?: string[]; digitDot?: boolean; re: RegExp }[] = [
	{ kind: 'url', needs: 'http', re: /\bhttps?:\/\/\S+/g },
	{ kind: 'email', needs: '@', re: /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g },
	{ kind: 'sagsnummer', needs: '-', re: /\b\d{2}-\d+-\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}\b/g },
	{ kind: 'sagsnummer', needs: '-', re: /\b\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}(?:-\d+-\d{2})?\b/g },
	{
		kind: 'sagsnummer',
		anyOf: ['nr', 'nummer'],
		re: /\b(?:sags?\.?\s*nr|sagsnummer|journal\s*nr|j\.\s*nr|jour\.\s*nr)\.?\s*:?\s*[\w./-]*\d[\w./-]*/gi
	},
	{ kind: 'dato', digitDot: true, re: /\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}\b/g },
	{ kind: 'dato', digitDot: true, re: new RegExp(`\\b\\d{1,2}\\.\\s*(?:${MONTHS})(?:\\s+(?:19|20)\\d{2})?`, 'gi') },
	{ kind: 'dato', digitDot: true, re: /\b(?:pr|per|den|d|fra|til|indtil|efter|før|inden)\.?\s+\d{1,2}\.\d{1,2}\b(?!\.\d{3})/gi },
	{ kind: 'tid', anyOf: ['kl'], re: /\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?/gi },
	{ kind: 'tid', anyOf: ['-', '–'], re: /\b\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\b/g },
	{
		kind: 'paragraf',
		needs: '§',
		re: /§{1,2}\s*\d+[a-z]?\b(?:\s*,?\s*(?:stk|nr|litra)\.?\s*\d+)*(?:\s*(?:,|og|eller|-|–)\s*\d+[a-z]?\b(?:\s*,?\s*(?:stk|nr)\.?\s*\d+)*)*/gi
	},
	{ kind: 'paragraf', anyOf: ['stk', 'nr', 'litra', 'pkt'], re: /\b(?:stk|nr|litra|pkt)\.?\s*\d+[a-z]?(?:\s*[-–]\s*\d+)?\b/gi },
	{
		kind: 'henvisning',
		re: /\b(?:punkt(?:erne)?|pkt|bilag|budgetnote|note|tabel|figur|kapitel|afsnit|gruppe|trin|anbefaling|spor|fase|etape|niveau|scenarie|model|indstillingspunkt|ad|ændringsforslag|principafgørelse|principmeddelelse|lov nr|bekendtgørelse nr)\.?\s+\d+[a-z]?(?:\s*[-–/]\s*\d+)?(?:\s*(?:,|og|eller)\s*\d+[a-z]?\b)*/gi
	},
	{ kind: 'varighed', anyOf: ['år', 'måned', 'uge', 'døgn', 'dag', 'time', 'minut', 'sekund'], re: /\b\d+(?:,\d+)?(?:\s*(?:-|–|til|og)\s*\d+(?:,\d+)?)?\s*(?:år|års|årig|årige|årigt|måned|måneder|måneders|uge|uger|ugers|døgn|dag|dage|dages|time|timer|timers|minut|minutter|minutters|sekunder)\b/gi },
	{ kind: 'varighed', needs: '-', re: /\+?\b\d+\s*-\s*(?:års|årig|årige|årigt|årsplan|sporet|sporede|dobbelt|timers|dages|ugers|måneders)\w*/gi },
	{ kind: 'maal', anyOf: ['km', 'm2', 'm²', 'kvm', 'meter', 'kg', 'liter', 'ton', 'mw', 'kwh', 'co2'], re: /\b\d+(?:,\d+)?\s*(?:km\/t|km|m2|m²|kvm|kvadratmeter|meter|kg|liter|ton|mw|kwh|co2)\b/gi },
	{ kind: 'telefon', anyOf: ['tlf', 'telefon', 'mobil'], re: /\b(?:tlf|telefon|mobil)\.?\s*:?\s*(?:\+45\s*)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b/gi },
	{ kind: 'telefon', re: /\b\d{2} \d{2} \d{2} \d{2}\b/g },
	{ kind: 'postnummer', needs: ',', re: /,\s*\d{4}\s+(?=[A-ZÆØÅ][a-zæøå])/g },
	{ kind: 'adresse', needs: ',', re: /\b\d+[A-Za-z]?(?=,\s*\d{4}\s+[A-ZÆØÅ])/g },
	{ kind: 'brok', needs: '/', re: /\b\d+\s*\/\s*\d+\b/g },
	{ kind: 'ordenstal', digitDot: true, re: /\b\d{1,3}\.(?=\s*(?:-\s*\d|[a-zæøå(]|,\s*\d))/g },
	{ kind: 'version', digitDot: true, re: /\b\d+(?:\.\d+){1,}[a-z]\b/g }
];

const DIGIT_DOT = /\d\./;

function includesAny(text: string, words: string[]): boolean {
	for (const w of words) if (text.includes(w)) return true;
	return false;
}

/** All non-figure spans in [from, to), merged. */
export function maskNonFigures(text: string, from = 0, to = text.length): Masked[] {
	const slice = text.slice(from, to);
	const spans: Masked[] = [];
	let lower: string | null = null;
	let digitDot: boolean | null = null;
	for (const { kind, needs, anyOf, digitDot: needsDigitDot, re } of NON_FIGURES) {
		if (needs && !slice.includes(needs)) continue;
		if (needsDigitDot && !(digitDot ??= DIGIT_DOT.test(slice))) continue;
		if (anyOf) {
			lower ??= slice.toLowerCase();
			if (!includesAny(lower, anyOf)) continue;
		}
		re.lastIndex = 0;
		for (let m = re.exec(slice); m; m = re.exec(slice)) {
			if (m[0].length === 0) {
				re.lastIndex++;
				continue;
			}
			spans.push({ start: from + m.index, end: from + m.index + m[0].length, kind });
		}
	}
	spans.sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: Masked[] = [];
	for (const s of spans) {
		const last = merged[merged.length - 1];
		if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
		else merged.push({ start: s.start, end: s.end, kind: s.kind });
	}
	return merged;
}

/** "148 200 000 kr.": spaces group the thousands of an amount in kroner (without the unit, "i 2024 125 sager" stays apart). */
const SPACED_KRONER = String.raw`(?:\d{1,3}(?:[ \u00a0]\d{3})+(?=[ \u00a0]?(?:kr\.|kr\b|kroner|DKK))|(?<=kr\.[ \u00a0])\d{1,3}(?:[ \u00a0]\d{3})+(?![ \u00a0]?\d))`;
const NUMBER_TOKEN = new RegExp(String.raw`(?:[-−–+÷](?=\d))?(?:${SPACED_KRONER}|\d+(?:[.,]\d+)*)`, 'g');
const NUMBER_WORDS = new Set([...Object.keys(WORDS), 'halv', 'halvanden']);
const LONGEST_NUMBER_WORD = Math.max(...[...NUMBER_WORDS].map((w) => w.length));
/** A word's length with its first and last letter in lower case: only a word of a number word's shape is looked up. */
const shapeOf = (length: number, first: number, last: number) => length * 65536 + first * 256 + last;
const lowerLetter = (c: number) => ((c >= 65 && c <= 90) || c === 0xc5 || c === 0xc6 || c === 0xc9 || c === 0xd8 ? c + 32 : c);
const SHAPES = new Set([...NUMBER_WORDS].map((w) => shapeOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1))));
/** The letters a word is made of: A-Z, a-z, Æ Ø Å æ ø å É é. */
const isLetter = (c: number) =>
	(c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0xe6 || c === 0xf8 || c === 0xe5 || c === 0xc6 || c === 0xd8 || c === 0xc5 || c === 0xe9 || c === 0xc9;

/** The words of [from, to) (runs of letters) that can be numbers, in order: [start, end, lower-case word]. */
function numberWordsIn(text: string, from: number, to: number, firstOnly: boolean): [number, number, string][] {
	const out: [number, number, string][] = [];
	let start = -1;
	for (let i = from; i <= to; i++) {
		if (i < to && isLetter(text.charCodeAt(i))) {
			if (start < 0) start = i;
			continue;
		}
		if (start < 0) continue;
		if (i - start <= LONGEST_NUMBER_WORD && SHAPES.has(shapeOf(i - start, lowerLetter(text.charCodeAt(start)), lowerLetter(text.charCodeAt(i - 1))))) {
			const w = text.slice(start, i).toLowerCase();
			if (NUMBER_WORDS.has(w)) {
				out.push([start, i, w]);
				if (firstOnly) return out;
			}
		}
		start = -1;
	}
	return out;
}

/** Whether a text holds a word that can be a number. */
export function hasNumberWord(text: string): boolean {
	return numberWordsIn(text, 0, text.length, true).length > 0;
}

const DIGIT = /\d/;
/** Whether a text can hold a figure at all: a digit or a number word. */
export function mayHoldFigure(text: string): boolean {
	return DIGIT.test(text) || hasNumberWord(text);
}

const UNIT_AFTER: { re: RegExp; factor: number; unit: QuantityUnit }[] = [
	{ re: /^\s*(?:mia\.?|milliard(?:er)?)\s*(?:kr\.?|kroner|dkk)?/i, factor: 1e9, unit: 'kr' },
	{ re: /^\s*(?:mio\.?|mill\.?|million(?:er)?)\s*(?:kr\.?|kroner|dkk)?/i, factor: 1e6, unit: 'kr' },
	{ re: /^\s*(?:t\.\s?kr\.?|tkr\.?|tusind(?:e)?\s+kr(?:\.|oner)?|1\.000\s*kr\.?)/i, factor: 1e3, unit: 'kr' },
	{ re: /^\s*(?:kr\.?|kroner|dkk)(?![a-zæøå])/i, factor: 1, unit: 'kr' },
	{ re: /^\s*(?:procentpoint(?:s)?|pct\.?\s*-?\s*point(?:s)?|%-point(?:s)?|procent-point)/i, factor: 1, unit: 'procentpoint' },
	{ re: /^\s*(?:pct\.?|procent|%)/i, factor: 1, unit: 'pct' }
];

const APPROX_BEFORE = /(?:\bca\.?|\bcirka|\bomkring|\bknap|\bgodt|\bnæsten|\bomtrent|\bi omegnen af|\btæt på|\bsmå|\bhen ved)\s*$/i;
const BOUND_BEFORE =
	/(?:\bover|\bunder|\bmindst|\bop til|\bop mod|\bhøjst|\bmaksimalt|\bmaks\.?|\bminimum|\bmaksimum|\bmere end|\bmindre end|\bflere end|\bfærre end|\bmindst|\bud over|\bnedbringes til|\bskal ned på)\s*$/i;

const byStart = (a: Masked, b: Masked) => a.start - b.start;

/** Whether [s, e) overlaps a mask. Masks sorted by start: the first that could reach `s` is found by binary search. */
function inMask(mask: Masked[], maxEnd: number[], s: number, e: number): boolean {
	let lo = 0;
	let hi = mask.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (maxEnd[mid] <= s) lo = mid + 1;
		else hi = mid;
	}
	for (let i = lo; i < mask.length && mask[i].start < e; i++) if (s < mask[i].end && e > mask[i].start) return true;
	return false;
}

/** Finds every figure in [from, to): numbers with their unit and value in base units. */
export function findQuantities(text: string, from = 0, to = text.length, masked?: Masked[]): Quantity[] {
	const mask = [...(masked ?? maskNonFigures(text, from, to))].sort(byStart);
	const maxEnd: number[] = [];
	for (let i = 0; i < mask.length; i++) maxEnd[i] = Math.max(mask[i].end, i ? maxEnd[i - 1] : 0);
	const out: Quantity[] = [];
	const slice = text.slice(from, to);
	NUMBER_TOKEN.lastIndex = 0;
	for (let m = NUMBER_TOKEN.exec(slice); m; m = NUMBER_TOKEN.exec(slice)) {
		let start = from + m.index;
		let raw = m[0];
		const prev = text[start - 1] ?? ' ';
		// A sign belongs to the number only when it is not glued to a preceding word or digit.
		if (/^[-−–+÷]/.test(raw) && /[\wæøåÆØÅ]/.test(prev)) {
			start += 1;
			raw = raw.slice(1);
		}
		const end = start + raw.length;
		if (/[A-Za-zÆØÅæøå§]/.test(text[end] ?? '') || /[A-Za-zÆØÅæøå]/.test(prev)) continue;
		if (inMask(mask, maxEnd, start, end)) continue;
		const value = parseDanishNumber(raw);
		if (value === null) continue;
		out.push(withContext(text, start, end, value, false, to));
	}
	for (const [start, end, w] of numberWordsIn(text, from, to, false)) {
		if (w === 'halv' || w === 'halvanden') {
			const q = halfMillion(text, start, end, to);
			if (q) out.push(q);
			continue;
		}
		const value = numberWord(w);
		if (value === null || inMask(mask, maxEnd, start, end)) continue;
		// "to" and "ti" are too ambiguous unless a noun or unit follows.
		if ((w === 'to' || w === 'ti') && !/^\s+[a-zæøå]/i.test(text.slice(end, end + 3))) continue;
		out.push(withContext(text, start, end, value, true, to));
	}
	out.sort((a, b) => a.start - b.start);
	return markRanges(text, out);
}

function halfMillion(text: string, start: number, end: number, limit: number): Quantity | null {
	const before = text.slice(Math.max(0, start - 4), start);
	const after = text.slice(end, Math.min(limit, end + 40));
	const m = /^\s+(million|mio\.?)\s*(kr\.?|kroner)?/i.exec(after);
	if (!m) return null;
	const base = /halvanden/i.test(text.slice(start, end)) ? 1.5 : 0.5;
	const realStart = /\ben\s$/i.test(before) ? start - 3 : start;
	return {
		start: realStart,
		end: end + m[0].length,
		value: base * 1e6,
		unit: 'kr',
		approx: false,
		bound: false,
		range: false,
		word: true,
		scale: 1
	};
}

function withContext(text: string, start: number, end: number, value: number, word: boolean, limit: number): Quantity {
	const after = text.slice(end, Math.min(limit, end + 40));
	let unit: QuantityUnit = null;
	let qEnd = end;
	let v = value;
	for (const u of UNIT_AFTER) {
		const m = u.re.exec(after);
		if (!m) continue;
		// "mio." without kroner still means millions; we call it kroner only when kroner is implied.
		unit = u.unit;
		v = value * u.factor;
		qEnd = end + m[0].replace(/\s+$/, '').length;
		break;
	}
	const before = text.slice(Math.max(0, start - 25), start);
	if (!unit && /(?:\bkr\.|\bkroner|\bDKK)\s*$/i.test(before)) unit = 'kr';
	return {
		start,
		end: qEnd,
		value: round(v),
		unit,
		approx: APPROX_BEFORE.test(before),
		bound: BOUND_BEFORE.test(before),
		range: false,
		word,
		scale: v === value ? 1 : v / value
	};
}

function round(v: number): number {
	return Math.round(v * 1e6) / 1e6;
}

function markRanges(text: string, qs: Quantity[]): Quantity[] {
	for (let i = 0; i + 1 < qs.length; i++) {
		const a = qs[i];
		const b = qs[i + 1];
		const between = text.slice(a.end, b.start);
		if (/^\s*(?:-|–|—|til)\s*$/.test(between) && (a.unit === null || a.unit === b.unit)) {
			a.range = true;
			b.range = true;
			if (a.unit === null && b.unit) {
				a.unit = b.unit;
				a.value = round(a.value * b.scale);
			}
		}
	}
	return qs;
}
