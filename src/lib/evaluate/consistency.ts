/**
 * The contract's checks run on an answer key, so that a corpus is arithmetically what it
 * claims: facts not marked `inconsistent` pass every check they take part in, and facts
 * marked `inconsistent` take part in at least one check that fails.
 *
 * Checks within one file: stadfæstet + ændret + hjemvist (or + omgjort) + afvist = klagesager
 * (without a stated afvist_antal the parts may fall short of the whole when the text speaks of
 * afviste sager); omgjort =
 * ændret + hjemvist; each _pct ≈ its count / klagesager; omgørelsesprocent ≈ ændret % +
 * hjemvist % (or omgjort / klagesager); afvigelse ≈ budget − forventet forbrug (from the
 * serviceramme: the forbrug filed under `<area>, serviceramme`); a table's
 * "I alt" row = the sum of its rows; the parts of magtanvendelser_indberettet do not exceed
 * it (and equal it when all four are given); the same figure stated twice has one value.
 */
import type { ExpectedFact, LineProblem } from './expected';

export interface CheckFailure {
	check: string;
	file: string;
	message: string;
	/** Lines (in the JSONL) of the facts taking part. */
	lines: number[];
}

const PCT_TOLERANCE = 1;

/** The largest power of ten (up to a million) that divides an amount: the printed precision. */
export function granularity(value: number): number {
	if (value === 0 || !Number.isInteger(value)) return 1;
	let g = 1;
	while (g < 1_000_000 && value % (g * 10) === 0) g *= 10;
	return g;
}

/** The coarsest printed precision among amounts; a round figure (271,0 mio. kr.) does not widen it past 100.000 kr. */
const coarsest = (facts: ExpectedFact[]) => Math.max(...facts.map((f) => Math.min(granularity(f.value), 100_000)));

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		out.set(k, [...(out.get(k) ?? []), item]);
	}
	return out;
}

/** Every way to pick one fact per metric (a metric stated twice with different values gives two picks). */
function picks(byMetric: Map<string, ExpectedFact[]>, metrics: string[]): Record<string, ExpectedFact>[] {
	let out: Record<string, ExpectedFact>[] = [{}];
	for (const metric of metrics) {
		const options = byMetric.get(metric) ?? [];
		if (options.length === 0) continue;
		out = out.flatMap((pick) => options.map((f) => ({ ...pick, [metric]: f })));
	}
	return out;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const isTotalRow = (f: ExpectedFact) => f.table !== undefined && f.evidence !== undefined && /^(?:i alt|total)\b/i.test(flat(f.evidence));
const show = (f: ExpectedFact) => `${f.metric}=${f.value}`;

function klagesager(file: string, facts: ExpectedFact[], allowsAfviste: boolean, out: CheckFailure[]) {
	const byMetric = groupBy(facts, (f) => f.metric);
	const all = ['klagesager_antal', 'stadfaestet_antal', 'aendret_antal', 'hjemvist_antal', 'omgjort_antal', 'afvist_antal', 'stadfaestet_pct', 'aendret_pct', 'hjemvist_pct', 'omgoerelsespct'];
	for (const p of picks(byMetric, all)) {
		const whole = p.klagesager_antal;
		const fail = (check: string, message: string, parts: (ExpectedFact | undefined)[]) =>
			out.push({ check, file, message, lines: parts.filter((f): f is ExpectedFact => f !== undefined).map((f) => f.line) });

		const rest = p.omgjort_antal ? [p.omgjort_antal] : p.aendret_antal && p.hjemvist_antal ? [p.aendret_antal, p.hjemvist_antal] : null;
		if (whole && p.stadfaestet_antal && rest) {
			const parts = [p.stadfaestet_antal, ...rest, ...(p.afvist_antal ? [p.afvist_antal] : [])];
			const sum = parts.reduce((s, f) => s + f.value, 0);
			if (allowsAfviste && !p.afvist_antal ? sum > whole.value : sum !== whole.value) {
				fail('klagesager-sum', `${parts.map(show).join(' + ')} = ${sum}, not ${whole.value}`, [whole, ...parts]);
			}
		}
		if (p.omgjort_antal && p.aendret_antal && p.hjemvist_antal && p.omgjort_antal.value !== p.aendret_antal.value + p.hjemvist_antal.value) {
			fail('omgjort-sum', `${show(p.aendret_antal)} + ${show(p.hjemvist_antal)} ≠ ${show(p.omgjort_antal)}`, [p.omgjort_antal, p.aendret_antal, p.hjemvist_antal]);
		}
		for (const part of ['stadfaestet', 'aendret', 'hjemvist']) {
			const count = p[`${part}_antal`];
			const share = p[`${part}_pct`];
			if (whole && count && share && whole.value > 0 && Math.abs(share.value - (100 * count.value) / whole.value) > PCT_TOLERANCE) {
				fail('klagesager-pct', `${show(count)} of ${whole.value} is ${((100 * count.value) / whole.value).toFixed(1)} %, not ${share.value}`, [whole, count, share]);
			}
		}
		const omg = p.omgoerelsespct;
		if (omg) {
			if (p.aendret_pct && p.hjemvist_pct) {
				if (Math.abs(omg.value - p.aendret_pct.value - p.hjemvist_pct.value) > PCT_TOLERANCE) {
					fail('omgoerelse-pct', `${show(p.aendret_pct)} + ${show(p.hjemvist_pct)} ≠ ${show(omg)}`, [omg, p.aendret_pct, p.hjemvist_pct]);
				}
			} else if (whole && whole.value > 0 && (p.omgjort_antal || (p.aendret_antal && p.hjemvist_antal))) {
				const counts = p.omgjort_antal ? [p.omgjort_antal] : [p.aendret_antal!, p.hjemvist_antal!];
				const share = (100 * counts.reduce((s, f) => s + f.value, 0)) / whole.value;
				if (Math.abs(omg.value - share) > PCT_TOLERANCE) {
					fail('omgoerelse-pct', `${counts.map(show).join(' + ')} of ${whole.value} is ${share.toFixed(1)} %, not ${omg.value}`, [omg, whole, ...counts]);
				}
			}
		}
	}
}

/**
 * `servicerammeForbrug`: the spending inside the serviceramme, filed as the forventet forbrug of
 * `<area>, serviceramme`. The deviation from the serviceramme is measured against it. The area's
 * own forventet forbrug is the spending inside the ramme only when no drift budget (vedtaget or
 * korrigeret) stands beside it, as in a table of committee rows with ramme, forbrug and afvigelse.
 */
function budget(file: string, facts: ExpectedFact[], servicerammeForbrug: ExpectedFact[], out: CheckFailure[]) {
	const byMetric = groupBy(facts, (f) => f.metric);
	const pairs: [string, string][] = [
		['afvigelse_vedtaget_budget', 'vedtaget_budget'],
		['afvigelse_korrigeret_budget', 'korrigeret_budget'],
		['afvigelse_serviceramme', 'serviceramme']
	];
	for (const [deviation, base] of pairs) {
		const drift = byMetric.has('vedtaget_budget') || byMetric.has('korrigeret_budget');
		const spending =
			base !== 'serviceramme' ? byMetric : new Map([...byMetric, ['forventet_forbrug', servicerammeForbrug.length > 0 || drift ? servicerammeForbrug : (byMetric.get('forventet_forbrug') ?? [])]]);
		for (const p of picks(spending, [deviation, base, 'forventet_forbrug'])) {
			const d = p[deviation];
			const b = p[base];
			const used = p.forventet_forbrug;
			if (!d || !b || !used) continue;
			const parts = [d, b, used];
			if (Math.abs(d.value - (b.value - used.value)) > 1.5 * coarsest(parts)) {
				out.push({ check: 'afvigelse', file, message: `${show(b)} − ${show(used)} = ${b.value - used.value}, not ${d.value}`, lines: parts.map((f) => f.line) });
			}
		}
	}
}

function magtanvendelse(file: string, facts: ExpectedFact[], out: CheckFailure[]) {
	const byMetric = groupBy(facts, (f) => f.metric);
	const partsOf = ['magtanvendelser_tilladte', 'magtanvendelser_ikke_tilladte', 'magtanvendelser_ikke_magtanvendelse', 'magtanvendelser_uafgjort'];
	for (const p of picks(byMetric, ['magtanvendelser_indberettet', ...partsOf])) {
		const whole = p.magtanvendelser_indberettet;
		const parts = partsOf.map((m) => p[m]).filter((f): f is ExpectedFact => f !== undefined);
		if (!whole || parts.length === 0) continue;
		const sum = parts.reduce((s, f) => s + f.value, 0);
		if (parts.length === partsOf.length ? sum !== whole.value : sum > whole.value) {
			out.push({ check: 'magtanvendelse-sum', file, message: `${parts.map(show).join(' + ')} = ${sum} against ${show(whole)}`, lines: [whole, ...parts].map((f) => f.line) });
		}
	}
}

function tableTotals(file: string, facts: ExpectedFact[], out: CheckFailure[]) {
	const inTables = facts.filter((f) => f.table !== undefined && f.unit !== 'pct');
	for (const column of groupBy(inTables, (f) => [f.table, f.metric, f.entity, f.period, f.unit].join('\u0000')).values()) {
		const totals = column.filter(isTotalRow);
		const rows = column.filter((f) => !isTotalRow(f));
		if (totals.length !== 1 || rows.length === 0) continue;
		const total = totals[0];
		const sum = rows.reduce((s, f) => s + f.value, 0);
		const tolerance = total.unit === 'kr' ? 0.5 * (rows.length + 1) * coarsest(column) : 0;
		if (Math.abs(sum - total.value) > tolerance) {
			out.push({ check: 'i-alt', file, message: `rows of ${total.metric} in "${total.table}" sum to ${sum}, not ${total.value}`, lines: column.map((f) => f.line) });
		}
	}
}

/** The same figure stated twice has one value; several tillægsbevillinger to one area are separate grants, not restatements. */
function sameFigure(file: string, facts: ExpectedFact[], out: CheckFailure[]) {
	for (const stated of groupBy(facts.filter((f) => f.metric !== 'tillaegsbevilling'), (f) => [f.metric, f.entity, f.area, f.period].join('\u0000')).values()) {
		for (let i = 0; i < stated.length; i++) {
			for (let j = i + 1; j < stated.length; j++) {
				const [a, b] = [stated[i], stated[j]];
				const tolerance = a.unit === 'pct' ? 0.5 : a.unit === 'kr' ? coarsest([a, b]) : 0;
				if (Math.abs(a.value - b.value) > tolerance) {
					out.push({ check: 'same-figure', file, message: `${a.metric} (${a.entity}, ${a.area}, ${a.period}) is stated as both ${a.value} and ${b.value}`, lines: [a.line, b.line] });
				}
			}
		}
	}
}

/** Runs the checks per file. `texts` (file → text) tells where afviste sager are spoken of. */
export function runChecks(facts: ExpectedFact[], texts: ReadonlyMap<string, string> = new Map()): CheckFailure[] {
	const out: CheckFailure[] = [];
	for (const [file, inFile] of groupBy(facts, (f) => f.file)) {
		const allowsAfviste = /afvis/i.test(texts.get(file) ?? '');
		const groups = groupBy(inFile, (f) => [f.entity, f.area, f.period].join('\u0000'));
		for (const group of groups.values()) {
			const { entity, area, period } = group[0];
			const ramme = (groups.get([entity, `${area}, serviceramme`, period].join('\u0000')) ?? []).filter((f) => f.metric === 'forventet_forbrug');
			klagesager(file, group.filter((f) => f.family === 'klagesager'), allowsAfviste, out);
			budget(file, group.filter((f) => f.family === 'budget'), ramme, out);
			magtanvendelse(file, group.filter((f) => f.family === 'magtanvendelse'), out);
		}
		tableTotals(file, inFile, out);
		sameFigure(file, inFile, out);
	}
	return out;
}

/** Facts whose `check` mark disagrees with the checks: unmarked in a failing check, or marked in none. */
export function checkMarkProblems(facts: ExpectedFact[], failures: CheckFailure[]): LineProblem[] {
	const failing = new Map<number, CheckFailure>();
	for (const failure of failures) for (const line of failure.lines) if (!failing.has(line)) failing.set(line, failure);
	const out: LineProblem[] = [];
	for (const f of facts) {
		const failure = failing.get(f.line);
		if (failure && f.check !== 'inconsistent') out.push({ line: f.line, message: `takes part in a failing check but is not marked inconsistent: ${failure.check}: ${failure.message}` });
		if (!failure && f.check === 'inconsistent') out.push({ line: f.line, message: 'marked inconsistent but passes every check it takes part in' });
	}
	return out;
}

/** The same figure (metric, entity, area, period) given different values in different files. */
export function crossFileConflicts(facts: ExpectedFact[]): LineProblem[] {
	const out: LineProblem[] = [];
	for (const stated of groupBy(facts, (f) => [f.metric, f.entity, f.area, f.period].join('\u0000')).values()) {
		const first = stated[0];
		for (const other of stated.slice(1)) {
			if (other.file === first.file) continue;
			const tolerance = first.unit === 'pct' ? 0.5 : first.unit === 'kr' ? coarsest([first, other]) : 0;
			if (Math.abs(first.value - other.value) > tolerance) {
				out.push({ line: other.line, message: `${other.metric} (${other.entity}, ${other.area}, ${other.period}) is ${other.value} here but ${first.value} in ${first.file} (line ${first.line})` });
			}
		}
	}
	return out;
}
