/**
 * Checks figures against each other: parts against their whole (afviste sager counted when
 * stated), percentages against counts, omgørelsesprocent against ændret + hjemvist (over all
 * decided cases or only those decided on the merits, as the text says), afvigelse against
 * budget − forbrug, a table's "I alt" against its rows, and the same figure stated in two places.
 * A failing fact is kept, marked `inconsistent`, with a Danish note naming the figures that
 * disagree and, when only one choice makes everything agree, the likely error.
 *
 * A check fires only where the figures are certainly meant to agree: two rows of one table are
 * never the same figure, and a restatement needs the same specific area (a figure whose area is
 * only the committee's or the whole municipality's may be any row the reader did not place).
 */
import type { Fact, Item } from './types';

const NAMES: Record<string, string> = {
	klagesager_antal: 'klagesager i alt',
	stadfaestet_antal: 'stadfæstet',
	aendret_antal: 'ændret',
	hjemvist_antal: 'hjemvist',
	omgjort_antal: 'omgjort',
	afvist_antal: 'afvist',
	stadfaestet_pct: 'stadfæstet %',
	aendret_pct: 'ændret %',
	hjemvist_pct: 'hjemvist %',
	omgoerelsespct: 'omgørelsesprocent',
	vedtaget_budget: 'vedtaget budget',
	korrigeret_budget: 'korrigeret budget',
	forventet_forbrug: 'forventet forbrug',
	serviceramme: 'serviceramme',
	afvigelse_vedtaget_budget: 'afvigelse fra vedtaget budget',
	afvigelse_korrigeret_budget: 'afvigelse fra korrigeret budget',
	afvigelse_serviceramme: 'afvigelse fra servicerammen',
	magtanvendelser_indberettet: 'indberettede',
	magtanvendelser_tilladte: 'tilladte',
	magtanvendelser_ikke_tilladte: 'ikke-tilladte',
	magtanvendelser_ikke_magtanvendelse: 'ikke magtanvendelse',
	magtanvendelser_uafgjort: 'ikke afgjort'
};

const DANISH = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });
const fmt = (v: number) => DANISH.format(v);
const label = (f: Fact) => `${NAMES[f.metric] ?? f.metric} ${fmt(f.value)}${f.unit === 'pct' ? ' %' : ''}`;

const PCT_TOLERANCE = 1.01;

/** What the checks need to know of the text: each item's words (afviste sager, realitetsbehandlede) and where its tables stand. */
interface Source {
	items: Map<number, Item>;
	words: Map<number, { afviste: boolean; realitet: boolean }>;
}

export function checkFacts(facts: Fact[], items: Item[] = []): void {
	const source: Source = { items: new Map(items.map((i) => [i.item_no, i])), words: new Map() };
	// A figure stated in several places is one fact: what a check finds about it holds for every statement.
	const twins = new Map<string, Fact[]>();
	const twinKey = (f: Fact) => [f.doc_id, f.metric, f.entity, f.area, f.period, f.value].join('|');
	for (const f of facts) {
		const k = twinKey(f);
		const twin = twins.get(k);
		if (twin) twin.push(f);
		else twins.set(k, [f]);
	}
	const flag = (fs: Fact[], note: string) => {
		for (const f of new Set(fs.flatMap((x) => (x.family === 'klagesager' ? twins.get(twinKey(x))! : [x])))) {
			f.check = 'inconsistent';
			f.check_note = f.check_note && !f.check_note.includes(note) ? `${f.check_note} ${note}` : note;
		}
	};
	const pass = (fs: Fact[]) => {
		for (const f of fs) if (f.check === 'unchecked') f.check = 'ok';
	};
	const groups = new Map<string, Fact[]>();
	for (const f of facts) {
		const k = [f.doc_id, f.family, f.entity, f.area, f.period].join('|');
		if (!groups.has(k)) groups.set(k, []);
		groups.get(k)!.push(f);
	}
	for (const g of groups.values()) {
		const first = (metric: string) => g.find((f) => f.metric === metric);
		if (g[0].family === 'klagesager') {
			// Each statement of the whole is checked against the parts ("163" in prose, "I alt 161" in the table).
			// A statement outvoted by a value stated in more places is left to the restatement check.
			const stated = g.filter((f) => f.metric === 'klagesager_antal');
			const places = (v: number) => new Set(stated.filter((f) => f.value === v).map((f) => f.char_start)).size;
			const most = Math.max(0, ...stated.map((f) => places(f.value)));
			const leading = new Set(stated.filter((f) => places(f.value) === most).map((f) => f.value));
			const wholes = most > 1 && leading.size === 1 ? stated.filter((f) => leading.has(f.value)) : stated;
			for (const T of wholes.length ? wholes : [undefined]) checkKlagesager((m) => (m === 'klagesager_antal' ? T : first(m)), flag, pass, itemWords(source, g));
		}
		if (g[0].family === 'magtanvendelse') checkMagt(first, flag, pass);
		if (g[0].family === 'budget') checkBudget(first, flag, pass, g);
	}
	checkTableTotals(facts, source, flag, pass);
	checkRestatements(facts, source, flag, pass);
}

/** What the items of a group of facts say about afviste sager and the base of the omgørelsesprocent. */
function itemWords(source: Source, g: Fact[]): { afviste: boolean; realitet: boolean } {
	const words = [...new Set(g.map((f) => f.item_no))].map((n) => wordsOf(source, n));
	return { afviste: words.some((w) => w.afviste), realitet: words.some((w) => w.realitet) };
}

/** An item's words, read once for all the groups of facts it holds. */
function wordsOf(source: Source, itemNo: number): { afviste: boolean; realitet: boolean } {
	let words = source.words.get(itemNo);
	if (!words) {
		const t = source.items.get(itemNo)?.text ?? '';
		source.words.set(itemNo, (words = { afviste: /\bafvis(?:t|te|ning)/i.test(t), realitet: /realitetsbehandl/i.test(t) }));
	}
	return words;
}

type Get = (metric: string) => Fact | undefined;
type Flag = (fs: Fact[], note: string) => void;
type Pass = (fs: Fact[]) => void;

/**
 * Klagesager: stadfæstet + ændret + hjemvist (+ afvist, when stated) = the cases decided. When the
 * item speaks of afviste sager without a count, the outcomes may fall short of the whole, and a
 * percentage may be taken over all decided cases or over those decided on the merits
 * (realitetsbehandlede): either base is accepted unless the text names the second.
 */
function checkKlagesager(get: Get, flag: Flag, pass: Pass, words: { afviste: boolean; realitet: boolean }) {
	const T = get('klagesager_antal');
	const X = get('afvist_antal');
	const parts = (['stadfaestet', 'aendret', 'hjemvist'] as const).map((o) => ({ o, n: get(`${o}_antal`), p: get(`${o}_pct`) }));
	const counts = parts.map((x) => x.n);
	const outcomes = counts.every(Boolean) ? counts.reduce((s, f) => s + f!.value, 0) : null;
	// The bases a share may be taken over: all decided cases, or only those decided on the merits.
	const merits = T && X ? T.value - X.value : T && words.afviste && outcomes !== null && outcomes < T.value ? outcomes : null;
	const bases = !T ? [] : merits === null ? [T.value] : words.realitet ? [merits] : [T.value, merits];
	const fits = (count: number, pct: number) => bases.some((b) => b > 0 && Math.abs((count / b) * 100 - pct) <= PCT_TOLERANCE);
	if (T && outcomes !== null) {
		const whole = [...(counts as Fact[]), ...(X ? [X] : [])];
		const sum = outcomes + (X?.value ?? 0);
		const shortByAfviste = !X && words.afviste && sum < T.value;
		if (sum !== T.value && !shortByAfviste) {
			const culprit = X ? null : likelyError(T, parts);
			const note =
				`Delene stemmer ikke med helheden: ${whole.map((f) => label(f)).join(' + ')} = ${fmt(sum)}, men ${label(T)}.` +
				(culprit ? ` Sandsynlig fejl: ${culprit}.` : '');
			flag([T, ...whole], note);
			for (const x of parts) if (x.p && x.n && !fits(x.n.value, x.p.value)) flag([x.p], note);
		} else pass([T, ...whole]);
	}
	if (T) {
		for (const x of parts) {
			if (!x.n || !x.p || x.p.check === 'inconsistent' || x.n.check === 'inconsistent') continue;
			if (!fits(x.n.value, x.p.value)) {
				const share = (x.n.value / T.value) * 100;
				flag([x.n, x.p, T], `Procent og antal passer ikke: ${label(x.n)} af ${label(T)} er ${fmt(Math.round(share * 10) / 10)} %, men teksten siger ${fmt(x.p.value)} %.`);
			} else pass([x.n, x.p]);
		}
	}
	const O = get('omgoerelsespct');
	const A = parts[1];
	const H = parts[2];
	if (O && A.p && H.p) {
		const s = A.p.value + H.p.value;
		if (Math.abs(s - O.value) > PCT_TOLERANCE + 0.5)
			flag([O, A.p, H.p], `Omgørelsesprocenten ${fmt(O.value)} % passer ikke med ændret ${fmt(A.p.value)} % + hjemvist ${fmt(H.p.value)} % = ${fmt(s)} %.`);
		else pass([O, A.p, H.p]);
	}
	if (O && T && A.n && H.n && A.n.check !== 'inconsistent') {
		if (!fits(A.n.value + H.n.value, O.value)) {
			const share = ((A.n.value + H.n.value) / T.value) * 100;
			flag([O], `Omgørelsesprocenten ${fmt(O.value)} % passer ikke med (ændret ${fmt(A.n.value)} + hjemvist ${fmt(H.n.value)}) / ${fmt(T.value)} = ${fmt(Math.round(share * 10) / 10)} %.`);
		} else pass([O]);
	}
	const OM = get('omgjort_antal');
	if (OM && A.n && H.n) {
		if (OM.value !== A.n.value + H.n.value)
			flag([OM, A.n, H.n], `Omgjorte sager ${fmt(OM.value)} passer ikke med ændret ${fmt(A.n.value)} + hjemvist ${fmt(H.n.value)}.`);
		else pass([OM]);
	}
}

/** The one figure whose correction makes both the sum and every stated percentage agree. */
function likelyError(T: Fact, parts: { o: string; n?: Fact; p?: Fact }[]): string | null {
	const candidates: string[] = [];
	const pctOk = (total: number, values: number[]) =>
		parts.every((x, i) => !x.p || Math.abs((values[i] / total) * 100 - x.p.value) <= PCT_TOLERANCE);
	const values = parts.map((x) => x.n!.value);
	const sum = values.reduce((a, b) => a + b, 0);
	if (pctOk(sum, values)) candidates.push(`${label(T)} (${fmt(sum)} ville passe)`);
	parts.forEach((x, i) => {
		const fixed = T.value - (sum - values[i]);
		if (fixed < 0) return;
		const v = [...values];
		v[i] = fixed;
		if (pctOk(T.value, v)) candidates.push(`${label(x.n!)} (${fmt(fixed)} ville få både summen og procenterne til at passe)`);
	});
	return candidates.length === 1 ? candidates[0] : null;
}

function checkMagt(get: Get, flag: Flag, pass: Pass) {
	const total = get('magtanvendelser_indberettet');
	const parts = ['magtanvendelser_tilladte', 'magtanvendelser_ikke_tilladte', 'magtanvendelser_ikke_magtanvendelse', 'magtanvendelser_uafgjort'].map(get);
	if (!total) return;
	if (!parts.every(Boolean)) {
		// Some outcomes stated: together they cannot exceed the incidents reported.
		const some = parts.filter((f): f is Fact => f !== undefined);
		const sum = some.reduce((s, f) => s + f.value, 0);
		if (some.length > 0 && sum > total.value)
			flag([total, ...some], `Delene er større end helheden: ${some.map(label).join(' + ')} = ${fmt(sum)}, men ${label(total)}.`);
		return;
	}
	const sum = parts.reduce((s, f) => s + f!.value, 0);
	if (sum !== total.value)
		flag([total, ...(parts as Fact[])], `Delene stemmer ikke med helheden: ${parts.map((f) => label(f!)).join(' + ')} = ${fmt(sum)}, men ${label(total)}.`);
	else pass([total, ...(parts as Fact[])]);
}

function precision(values: number[]): number {
	let p = 1e6;
	while (p > 1 && !values.every((v) => Math.abs(Math.round(v / p) * p - v) < 1e-6)) p /= 10;
	return p;
}

const halfUnit = (v: number) => Math.min(precision([v]), 1e5) / 2;

function checkBudget(get: Get, flag: Flag, pass: Pass, all: Fact[]) {
	const F = get('forventet_forbrug');
	if (!F) return;
	for (const [dev, base] of [
		['afvigelse_vedtaget_budget', 'vedtaget_budget'],
		['afvigelse_korrigeret_budget', 'korrigeret_budget']
	] as const) {
		const B = get(base);
		if (!B) continue;
		const expect = B.value - F.value;
		// Every statement of the deviation, in a table row or in prose, against budget − forbrug.
		// Each figure is exact to half a unit of its last printed digit; the errors add up.
		const agrees = (D: Fact) => Math.abs(expect - D.value) <= halfUnit(D.value) + halfUnit(B.value) + halfUnit(F.value) + 1e-6;
		const stated = all.filter((f) => f.metric === dev);
		// One statement that agrees vouches for budget and forbrug: a disagreeing one is then the error alone.
		const vouched = stated.some(agrees);
		for (const D of stated) {
			const note = `Afvigelsen passer ikke: ${label(B)} − ${label(F)} = ${fmt(expect)}, men ${label(D)}.`;
			if (agrees(D)) pass([D, B, F]);
			else if (vouched) flag([D], `${note} Sandsynlig fejl: ${label(D)}.`);
			else flag([D, B, F], note);
		}
	}
}

/** Areas that only say the figure is the committee's or the municipality's: no row or field named. */
const isGeneralArea = (f: Fact) => f.area === '' || f.area === 'hele kommunen' || f.area === f.committee;

/**
 * The same figure (metric, entity, specific area, period) stated in two places of a meeting must
 * carry the same value. Two rows of one table are never the same figure. When one value is stated
 * in more places than every other, only the others are flagged, as the likely error.
 */
function checkRestatements(facts: Fact[], source: Source, flag: Flag, pass: Pass) {
	const byKey = new Map<string, Fact[]>();
	for (const f of facts) {
		if (f.metric === 'tillaegsbevilling' || !['klagesager', 'budget', 'magtanvendelse'].includes(f.family) || isGeneralArea(f)) continue;
		const k = [f.doc_id, f.metric, f.entity, f.area, f.period].join('|');
		if (!byKey.has(k)) byKey.set(k, []);
		byKey.get(k)!.push(f);
	}
	for (const fs of byKey.values()) {
		if (fs.length < 2) continue;
		// Each statement is exact to half a unit of its last printed digit ("512,3 mio." vs "512.250" t.kr.).
		const tol = fs[0].unit === 'kr' ? Math.max(...fs.map((f) => halfUnit(f.value))) + 1e-6 : 0.5;
		const same = (a: Fact, b: Fact) => Math.abs(a.value - b.value) <= tol;
		const clash = fs.some((a, i) => fs.some((b, j) => j > i && !same(a, b) && !sameTable(a, b, source)));
		if (!clash) {
			pass(fs);
			continue;
		}
		const places = (f: Fact) => new Set(fs.filter((g) => same(f, g)).map((g) => g.char_start)).size;
		const best = Math.max(...fs.map(places));
		const leaders = fs.filter((f) => places(f) === best);
		const note = `Samme tal er angivet med forskellige værdier: ${fs.map((f) => `${label(f)} (punkt ${f.item_no})`).join(', ')}.`;
		// A value stated in more places than any other vouches for itself: the odd statements are the error.
		if (leaders.every((f) => same(f, leaders[0])) && best > 1) {
			const odd = fs.filter((f) => !same(f, leaders[0]));
			flag(odd, `${note} Sandsynlig fejl: ${odd.map(label).join(', ')} (${best} andre steder siger ${fmt(leaders[0].value)}).`);
			pass(fs.filter((f) => same(f, leaders[0])));
		} else flag(fs, note);
	}
}

/** A table row: a short quote ending in a figure, no sentence in it (a wrapped label may take two lines). */
const isRow = (f: Fact) => f.quote.length <= 240 && /\d[)-]?[ \t]*%?[ \t]*$/m.test(f.quote) && !/[.!?:]\s+\S/.test(f.quote.replace(/\d[.,]\d/g, ''));

/** A printed cell: "1.234", "÷1.234", "31,5%", the accountant's "(1.234)" and "1.234-", or a dash for none. */
const CELL = /^(?:[−÷+-]?\d[\d.,]*%?|\(\d[\d.,]*\)|\d[\d.,]*-|[-–—])$/;

/** The cells at the end of a row's printed line; a label wrapped onto the next line ("… og 11 7 2" / "private tilbud") is skipped. */
function cellCount(quote: string): number {
	let most = 0;
	for (const line of quote.split('\n')) {
		const tokens = line.replace(/\s+%/g, '%').trim().split(/\s+/);
		let n = 0;
		while (n < tokens.length && CELL.test(tokens[tokens.length - 1 - n])) n++;
		most = Math.max(most, n);
	}
	return most;
}

/**
 * Two rows of one table: rows of the same item with as many cells, and nothing but short or
 * figure-bearing lines between them.
 */
function sameTable(a: Fact, b: Fact, source: Source): boolean {
	return isRow(a) && isRow(b) && sameTableRows(a, b, source, (f) => cellCount(f.quote));
}

/** sameTable for two facts known to be rows; `cells` gives a row's cell count. */
function sameTableRows(a: Fact, b: Fact, source: Source, cells: (row: Fact) => number): boolean {
	if (a.item_no !== b.item_no) return false;
	if (a.char_start === b.char_start) return true;
	if (cells(a) !== cells(b)) return false;
	const item = source.items.get(a.item_no);
	if (!item) return false;
	const [first, second] = a.char_start < b.char_start ? [a, b] : [b, a];
	const between = item.text.slice(first.char_end - item.char_start, second.char_start - item.char_start);
	const lines = between.split('\n');
	return lines.every((line) => line.trim().length <= 60 || /\d/.test(line)) || continuedPart(lines);
}

/** "Tabel 2 (fortsat)" between two rows: a page break with the caption and the header repeated, no prose. */
const CONTINUED_CAPTION = /^(?:Tabel|Tab\.|Table)\b.*\b(?:fortsat|forts\.)/i;
const continuedPart = (lines: string[]) =>
	lines.some((l) => CONTINUED_CAPTION.test(l.trim())) && lines.every((l) => l.trim().length <= 160 && !/[.!?]$/.test(l.trim()));

/**
 * A table's "I alt" row against the sum of its rows, per column (metric, entity, period). A table
 * with more than one total (sub-totals) is left to the reader. Every cell of a failing column is
 * flagged; when one row's correction also mends a row whose parts exceed its whole, it is named.
 */
function checkTableTotals(facts: Fact[], source: Source, flag: Flag, pass: Pass) {
	const rows = facts.filter((f) => ['klagesager', 'budget', 'magtanvendelse'].includes(f.family) && f.unit !== 'pct' && isRow(f));
	// Each row is compared with the last row of every table of its column: its cells are counted once.
	const counted = new Map<Fact, number>();
	const cells = (row: Fact) => {
		let n = counted.get(row);
		if (n === undefined) counted.set(row, (n = cellCount(row.quote)));
		return n;
	};
	const columns = new Map<string, Fact[][]>();
	for (const f of rows) {
		const k = [f.doc_id, f.item_no, f.family, f.metric, f.entity, f.period, f.unit].join('|');
		const tables = columns.get(k) ?? [];
		const table = tables.find((t) => sameTableRows(t[t.length - 1], f, source, cells));
		if (table) table.push(f);
		else tables.push([f]);
		columns.set(k, tables);
	}
	for (const column of [...columns.values()].flat()) {
		const totals = column.filter((f) => /^\s*(?:i alt|total)\b/i.test(f.quote));
		const parts = column.filter((f) => !totals.includes(f));
		if (totals.length !== 1 || parts.length < 2) continue;
		const [total] = totals;
		if (!wholeColumn(column, source)) continue;
		const sum = parts.reduce((s, f) => s + f.value, 0);
		const tol = total.unit === 'kr' ? (parts.length + 1) * halfUnit(total.value) + 1e-6 : 0;
		if (Math.abs(sum - total.value) <= tol) {
			pass(column);
			continue;
		}
		const gap = total.value - sum;
		const mended = parts.filter((p) => rowOverflow(p, facts) !== null && rowOverflow(p, facts)! <= gap);
		flag(
			column,
			`Rækkerne summer ikke til I alt: ${parts.map((f) => fmt(f.value)).join(' + ')} = ${fmt(sum)}, men ${label(total)}.` +
				(mended.length === 1 ? ` Sandsynlig fejl: ${label(mended[0])} i rækken "${mended[0].quote.trim()}" (${fmt(mended[0].value + gap)} ville passe).` : '')
		);
	}
}

/** A line of a table that carries figures (a page footer's "Side 3" does not count). */
const isDataLine = (line: string) => /\d[)-]?\s*%?\s*$/.test(line) && !/\bside\s+\d+(?:\s+af\s+\d+)?\s*$/i.test(line);

/**
 * Was every row of the column read? Each figure-bearing line from the first row read to the total
 * has a fact of the column, and the line above the first row is no row. A partly read table is
 * not checked: the rows missing would make a sound total look wrong.
 */
function wholeColumn(column: Fact[], source: Source): boolean {
	const item = source.items.get(column[0].item_no);
	if (!item) return false;
	const from = Math.min(...column.map((f) => f.char_start)) - item.char_start;
	const to = Math.max(...column.map((f) => f.char_end)) - item.char_start;
	const spans = column.map((f) => [f.char_start - item.char_start, f.char_end - item.char_start]);
	let at = item.text.lastIndexOf('\n', from - 1) + 1;
	const above = lastFilledLine(item.text, Math.max(0, at - 1));
	if (above !== undefined && isDataLine(above)) return false;
	while (at < to) {
		const end = item.text.indexOf('\n', at) < 0 ? item.text.length : item.text.indexOf('\n', at);
		if (isDataLine(item.text.slice(at, end)) && !spans.some(([s, e]) => s <= end && e >= at)) return false;
		at = end + 1;
	}
	return true;
}

/** The last line of text.slice(0, end) (lines parted by "\n") that is not blank, or undefined. */
function lastFilledLine(text: string, end: number): string | undefined {
	for (let stop = end; stop >= 0; ) {
		const from = stop === 0 ? 0 : text.lastIndexOf('\n', stop - 1) + 1;
		const line = text.slice(from, stop);
		if (line.trim() !== '') return line;
		if (from === 0) return undefined;
		stop = from - 1;
	}
	return undefined;
}

/** How much a row's stated outcomes exceed its whole (magtanvendelser), or null when they do not. */
function rowOverflow(whole: Fact, facts: Fact[]): number | null {
	if (whole.metric !== 'magtanvendelser_indberettet') return null;
	const outcomes = facts.filter((f) => f.char_start === whole.char_start && f.family === whole.family && f.metric !== whole.metric && f.area === whole.area);
	const sum = outcomes.reduce((s, f) => s + f.value, 0);
	return sum > whole.value ? sum - whole.value : null;
}
