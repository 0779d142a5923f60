/** Budget follow-up tables: every cell of a follow-up table, its sign and its "I alt" check. */
import type { FactDraft, ItemContext } from './context';
import { findPeriods } from './periods';
import { headerLexicon, readTables, resolveGroups, type HeaderRule, type ReadTable } from './tables';
import { committeeIn, scopeOf, scoped } from './budget';
import { merforbrugSign, metricAxis, transpose } from './grid';

export type Ref = 'vedtaget' | 'korrigeret' | 'serviceramme';
type ColumnKind =
	| 'vedtaget_budget'
	| 'korrigeret_budget'
	| 'forventet_forbrug'
	| 'serviceramme'
	| 'forbrug_til_dato'
	| 'tillaegsbevilling'
	| `afvigelse:${Ref | 'default'}`
	| `regnskab:${string}`;

const REF_WORDS: [RegExp, Ref][] = [
	[/\b(?:vb|vedtaget|vedtagne|oprindelig(?:t|e)?|opr\.?)\b/i, 'vedtaget'],
	[/\b(?:kb|korrigeret|korrigerede|korr\.?|aktuelt|inkl\.? tillæg\w*)\b/i, 'korrigeret'],
	[/\bserviceramme\w*/i, 'serviceramme']
];

const HEADERS: HeaderRule<ColumnKind | 'ukendt'>[] = [
	// Percent columns ("Afvigelse i pct.", "Forbrugsprocent") are never amounts.
	{
		re: /^(?:(?:forventet |forv\.? )?(?:afvigelse|forbrug|mer-?\s?\/\s?mindreforbrug)\s*(?:i\s+)?\(?(?:pct\.?|%|procent)\)?|forbrugs-?\s?procent|forbrug i procent)/i,
		kind: () => 'ukendt'
	},
	{
		re: /^(?:forventet |forventede |forv\.? |samlet |skønnet )?(?:mer-?\s?\/\s?mindreforbrug|mer-? og mindreforbrug|merforbrug\s?\/\s?mindreforbrug|merforbrug|mindreforbrug|afvigelse|afv\.|forskel|difference|over-?\s?\/\s?underskud)(?:\s*\(?(?:[+-]|plus|minus|positiv\w*|negativ\w*)?\s*=\s*[a-zæøå]+\)?)?((?:\s+(?:i forhold til|ift\.?|i f\.t\.|vs\.?|mod|til))?\s+(?:det\s+)?(?:vedtaget budget|vedtagne budget|korrigeret budget|korrigerede budget|oprindeligt budget|servicerammen|serviceramme|vb|kb|opr\.?\s*budget|korr\.?\s*budget)|\s+(?:i forhold til|ift\.?|i f\.t\.|vs\.?|mod)\s+(?:det\s+)?(?:vedtaget|vedtagne|korrigeret|korrigerede|oprindeligt|korr\.|opr\.))?/i,
		kind: (m) => {
			const ref = m[1] ? REF_WORDS.find(([re]) => re.test(m[1]))?.[1] : undefined;
			return `afvigelse:${ref ?? 'default'}`;
		}
	},
	{ re: /^(?:vedtaget|vedtagne|oprindeligt|oprindelig|opr\.?)\s+(?:budget|budg\.?)/i, kind: () => 'vedtaget_budget' },
	{ re: /^(?:korrigeret|korrigerede|korr\.?|aktuelt)\s+(?:budget|budg\.?)|^budget\s+inkl\.?\s+(?:tillæg\w*|tillægsbevillinger)/i, kind: () => 'korrigeret_budget' },
	// "Forventet" alone beside the budgets (a repeated header cut to one line) is the expected accounts.
	{ re: /^(?:forventet|forventede|forv\.?)(?:\s+(?:forbrug|regnskab|resultat|årsresultat)|(?=\s*$))|^prognose|^skøn(?:net)?\s+forbrug/i, kind: () => 'forventet_forbrug' },
	// "Regnskab 2023" beside a follow-up: the final accounts of that closed year.
	{ re: /^regnskab\s+((?:19|20)\d{2})(?=\s|$)/i, kind: (m) => `regnskab:${m[1]}` },
	{
		re: /^(?:forbrug|regnskab)\s+(?:pr\.?|per|til og med|t\.o\.m\.?)\s*(?:\d{1,2}\.\s?\d{1,2}\.?(?:\s?\d{2,4})?|\d{1,2}\.\s*[a-zæøå]+)|^forbrug til dato|^realiseret(?: forbrug)?|^faktisk forbrug|^regnskab(?:\s+(?:19|20)\d{2})?(?=\s|$)|^forbrug(?=\s|$)/i,
		kind: () => 'forbrug_til_dato'
	},
	{ re: /^tillægs?\s?bevilling(?:er)?|^tillæg(?=\s|$)/i, kind: () => 'tillaegsbevilling' },
	{ re: /^serviceramme(?:n)?/i, kind: () => 'serviceramme' }
];

export const budgetLexicon = headerLexicon(HEADERS);

function columnKind(header: string): ColumnKind | null {
	const k = budgetLexicon.kindOf(header);
	return k === 'ukendt' ? null : k;
}

function tableFacts(ctx: ItemContext, printed: ReadTable, followUp: string | null, subject: string): FactDraft[] {
	const table = resolveGroups(metricAxis(printed, (label) => columnKind(label) !== null) === 'rows' ? transpose(printed) : printed);
	// In the year's accounts ("Regnskab 2025, drift"), a column headed only "Regnskab" is that year's final account, not spending to date.
	const accountsYear = /(?:^|[\s,.–-])regnskab(?:et)?\s+((?:19|20)\d{2})(?![\d.])/i.exec(table.caption ?? '')?.[1];
	const kinds = table.columns.map(columnKind).map((k, i) => (k === 'forbrug_til_dato' && accountsYear && /^regnskab$/i.test(table.columns[i].trim()) ? (`regnskab:${accountsYear}` as const) : k));
	if (!kinds.some((k) => k && k !== 'forbrug_til_dato')) return [];
	const factor = table.factor;
	if (factor === null) return [];
	const captionPeriods = findPeriods(table.caption ?? '');
	// "Forventet regnskab 2024 pr. 30. september": the caption's year dates the follow-up's day.
	const captionYear = captionPeriods.find((p) => p.kind === 'year')?.period;
	const undatedDay = captionPeriods.find((p) => p.kind === 'date' && !p.period && p.month);
	const captionDate = captionYear && undatedDay ? `${captionYear}-${String(undatedDay.month).padStart(2, '0')}` : null;
	const period =
		captionPeriods.find((p) => p.period && p.kind !== 'year')?.period ??
		captionDate ??
		followUp ??
		captionPeriods.find((p) => p.period)?.period ??
		null;
	if (!period) return [];
	const meta = [table.caption ?? '', table.stub, ...table.notes].join(' ');
	const scope = scopeOf(`${table.caption ?? ''} ${table.stub}`);
	const has = (k: ColumnKind) => kinds.includes(k);
	const defaultRef: Ref | null = has('serviceramme') ? 'serviceramme' : has('korrigeret_budget') ? 'korrigeret' : has('vedtaget_budget') ? 'vedtaget' : null;
	let sign = 1;
	const headerText = table.columns.join(' ');
	// The legend says how merforbrug is printed; the contract wants it negative. Unstated: arithmetic decides.
	const legend = merforbrugSign(`${meta} ${headerText}`);
	if (legend === 1) sign = -1;
	else if (legend === null) sign = arithmeticSign(table, kinds, defaultRef);
	// Which budget each deviation column is measured against, where the rows' arithmetic says so beyond doubt.
	const fitted = kinds.map((k, i) => (k?.startsWith('afvigelse:') ? fittedRef(table, kinds, i) : null));
	const out: FactDraft[] = [];
	const totals = totalCheck(table);
	const tableSubject = committeeIn(table.caption ?? '') ?? subject;
	// A table whose rows are committees: its "I alt" row is the whole municipality.
	const rowsAreCommittees = table.rows.filter((r) => !r.total && /udvalg(?:et)?$/i.test(r.label.trim())).length >= 2;
	for (const row of table.rows) {
		const plainLabel = row.label.replace(/\s+/g, ' ').trim();
		const isScopeWord = /^(?:servicerammen?|drift(?:en)?|anlæg(?:get)?|i alt)$/i.test(plainLabel);
		const base = row.total && rowsAreCommittees ? 'hele kommunen' : row.total || !plainLabel || isScopeWord ? tableSubject : plainLabel;
		row.values.forEach((v, i) => {
			let k = kinds[i];
			if (!k || k === 'forbrug_til_dato') return;
			let metric: string;
			let value = v * factor;
			let cellPeriod = period;
			if (k === 'tillaegsbevilling') cellPeriod = period.slice(0, 4);
			if (k.startsWith('afvigelse:') && fitted[i]) k = `afvigelse:${fitted[i]}`;
			if (k.startsWith('regnskab:')) {
				// Only a year the follow-up has closed; "Regnskab 2025" in a follow-up of 2025 is no final account.
				const year = k.slice(9);
				if (!(year < period.slice(0, 4) || (year === period && /^\d{4}$/.test(period)))) return;
				metric = 'regnskab';
				cellPeriod = year;
			} else if (k.startsWith('afvigelse:')) {
				const ref = (k.slice(10) === 'default' ? defaultRef : (k.slice(10) as Ref)) ?? null;
				if (!ref) return;
				metric = ref === 'vedtaget' ? 'afvigelse_vedtaget_budget' : ref === 'korrigeret' ? 'afvigelse_korrigeret_budget' : 'afvigelse_serviceramme';
				if (!row.worded?.[i]) value *= sign;
			} else metric = k;
			const rowScope = /^servicerammen?$/i.test(plainLabel) ? 'serviceramme' : scope;
			out.push({
				family: 'budget',
				metric,
				entity: ctx.municipality,
				area: scoped(base, rowScope, metric),
				period: cellPeriod,
				value: Math.round(value * 100) / 100,
				unit: 'kr',
				start: row.cellSpans?.[i].start ?? row.start,
				end: row.cellSpans?.[i].end ?? row.end,
				rule: `budget.tabel.${metric}`,
				// A failing "I alt" takes its whole column with it; a passing one vouches for the total.
				...(totals[i]?.check === 'inconsistent' ? totals[i] : row.total && totals[i] ? totals[i] : {})
			});
		});
	}
	return out;
}

/** A table's "I alt" row against the sum of its rows, column by column, allowing for rounding. */
function totalCheck(table: ReadTable): ({ check: 'ok' | 'inconsistent'; checkNote?: string } | null)[] {
	const total = table.rows.find((r) => r.total);
	const parts = table.rows.filter((r) => !r.total && !r.subtotal);
	if (!total || parts.length < 2) return table.columns.map(() => null);
	// With groups, a table continued from an earlier page may hold only some of them: no verdict.
	if (table.rows.some((r) => r.subtotal)) {
		const groupsAdd = (i: number) => Math.abs(parts.reduce((s, r) => s + r.values[i], 0) - total.values[i]) <= 3 * Math.max(1, Math.abs(total.values[i]) * 1e-4);
		return table.columns.map((_, i) => (groupsAdd(i) ? { check: 'ok' } : null));
	}
	return table.columns.map((_, i) => {
		const values = [...parts.map((r) => r.values[i]), total.values[i]];
		let p = 1;
		while (p > 1e-4 && !values.every((v) => Math.abs(Math.round(v / p) * p - v) < 1e-9)) p /= 10;
		const sum = parts.reduce((s, r) => s + r.values[i], 0);
		const tol = Math.max(3, parts.length) * p * 0.5 + 1e-9;
		if (Math.abs(sum - total.values[i]) <= tol) return { check: 'ok' };
		const f = (v: number) => v.toLocaleString('da-DK', { maximumFractionDigits: 3 });
		return {
			check: 'inconsistent',
			checkNote: `"I alt" i kolonnen ${table.columns[i]} er ${f(total.values[i])}, men rækkerne summer til ${f(Math.round(sum * 1000) / 1000)}.`
		};
	});
}

/** When no note states the sign, the arithmetic does: afvigelse = budget − forventet forbrug. */
function arithmeticSign(table: ReadTable, kinds: (ColumnKind | null)[], defaultRef: Ref | null): number {
	const iF = kinds.indexOf('forventet_forbrug');
	if (iF < 0) return 1;
	let same = 0;
	let flipped = 0;
	kinds.forEach((k, i) => {
		if (!k?.startsWith('afvigelse:')) return;
		const ref = k.slice(10) === 'default' ? defaultRef : (k.slice(10) as Ref);
		const iB = kinds.indexOf(ref === 'vedtaget' ? 'vedtaget_budget' : ref === 'korrigeret' ? 'korrigeret_budget' : 'serviceramme');
		if (iB < 0) return;
		for (const r of table.rows) {
			const expect = r.values[iB] - r.values[iF];
			const tol = Math.max(0.15, Math.abs(expect) * 0.01);
			if (Math.abs(expect) < tol) continue;
			if (Math.abs(r.values[i] - expect) <= tol) same++;
			else if (Math.abs(r.values[i] + expect) <= tol) flipped++;
		}
	});
	return flipped > 0 && same === 0 ? -1 : 1;
}

/**
 * The budget a deviation column fits: in the rows where the vedtaget and korrigeret budgets differ,
 * |afvigelse| = |budget − forventet forbrug| for one of them in every row and never for the other.
 */
function fittedRef(table: ReadTable, kinds: (ColumnKind | null)[], i: number): Ref | null {
	const iF = kinds.indexOf('forventet_forbrug');
	const iV = kinds.indexOf('vedtaget_budget');
	const iK = kinds.indexOf('korrigeret_budget');
	if (iF < 0 || iV < 0 || iK < 0) return null;
	const near = (a: number, b: number) => Math.abs(Math.abs(a) - Math.abs(b)) <= Math.max(0.15, Math.abs(b) * 0.01);
	let v = 0;
	let k = 0;
	let telling = 0;
	for (const r of table.rows) {
		const dv = r.values[iV] - r.values[iF];
		const dk = r.values[iK] - r.values[iF];
		if (near(dv, dk)) continue;
		telling++;
		if (near(r.values[i], dv)) v++;
		if (near(r.values[i], dk)) k++;
	}
	if (telling < 2) return null;
	return v === telling && k === 0 ? 'vedtaget' : k === telling && v === 0 ? 'korrigeret' : null;
}

/** Facts from every budget table of the item, and the row labels the prose may name. */
export function budgetTables(ctx: ItemContext, followUp: string | null, subject: string): { facts: FactDraft[]; labels: string[] } {
	const read = readTables(ctx.text, ctx.layout.tables, budgetLexicon).map((r) => r.table);
	// A table broken by a page ("Tabel 1 (fortsat)") states its unit and sign once, below its last part: every part with the same columns shares them.
	const tables = read.map((t) => {
		if (t.factor !== null) return t;
		const twin = read.find((o) => o !== t && o.factor !== null && o.columns.join('|') === t.columns.join('|'));
		return twin ? { ...t, factor: twin.factor, notes: [...t.notes, ...twin.notes] } : t;
	});
	const facts: FactDraft[] = [];
	for (const table of tables) facts.push(...tableFacts(ctx, table, followUp, subject));
	const labels = tables.flatMap((table) =>
		table.rows
			// A row named by a metric ("Korrigeret budget: 541,3") is no area.
			.filter((r) => !r.total && r.label && columnKind(r.label) === null && !/^(?:servicerammen?|drift(?:en)?|anlæg(?:get)?)$/i.test(r.label.trim()))
			.map((r) => r.label)
	);
	return { facts, labels };
}
