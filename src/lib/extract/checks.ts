/**
 * Checks figures against each other: parts against their whole, percentages against counts,
 * omgørelsesprocent against ændret + hjemvist, afvigelse against budget − forbrug, a table's
 * "I alt" against its rows, and the same figure stated twice. A failing fact is kept, marked
 * `inconsistent`, with a Danish note naming the figures that disagree and, when only one choice
 * makes everything agree, the likely error.
 */
import type { Fact } from './types';

const NAMES: Record<string, string> = {
	klagesager_antal: 'klagesager i alt',
	stadfaestet_antal: 'stadfæstet',
	aendret_antal: 'ændret',
	hjemvist_antal: 'hjemvist',
	omgjort_antal: 'omgjort',
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

export function checkFacts(facts: Fact[]): void {
	const flag = (fs: Fact[], note: string) => {
		for (const f of fs) {
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
		if (g[0].family === 'klagesager') checkKlagesager(first, flag, pass);
		if (g[0].family === 'magtanvendelse') checkMagt(first, flag, pass);
		if (g[0].family === 'budget') checkBudget(first, flag, pass, g);
	}
	checkRestatements(facts, flag, pass);
}

type Get = (metric: string) => Fact | undefined;
type Flag = (fs: Fact[], note: string) => void;
type Pass = (fs: Fact[]) => void;

function checkKlagesager(get: Get, flag: Flag, pass: Pass) {
	const T = get('klagesager_antal');
	const parts = (['stadfaestet', 'aendret', 'hjemvist'] as const).map((o) => ({ o, n: get(`${o}_antal`), p: get(`${o}_pct`) }));
	const counts = parts.map((x) => x.n);
	if (T && counts.every(Boolean)) {
		const sum = counts.reduce((s, f) => s + f!.value, 0);
		if (sum !== T.value) {
			const culprit = likelyError(T, parts);
			const note =
				`Delene stemmer ikke med helheden: ${counts.map((f) => label(f!)).join(' + ')} = ${fmt(sum)}, men ${label(T)}.` +
				(culprit ? ` Sandsynlig fejl: ${culprit}.` : '');
			flag([T, ...(counts as Fact[])], note);
			for (const x of parts) if (x.p && x.n && Math.abs((x.n.value / T.value) * 100 - x.p.value) > PCT_TOLERANCE) flag([x.p], note);
		} else pass([T, ...(counts as Fact[])]);
	}
	if (T) {
		for (const x of parts) {
			if (!x.n || !x.p || x.p.check === 'inconsistent' || x.n.check === 'inconsistent') continue;
			const share = (x.n.value / T.value) * 100;
			if (Math.abs(share - x.p.value) > PCT_TOLERANCE)
				flag([x.n, x.p, T], `Procent og antal passer ikke: ${label(x.n)} af ${label(T)} er ${fmt(Math.round(share * 10) / 10)} %, men teksten siger ${fmt(x.p.value)} %.`);
			else pass([x.n, x.p]);
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
		const share = ((A.n.value + H.n.value) / T.value) * 100;
		if (Math.abs(share - O.value) > PCT_TOLERANCE)
			flag([O], `Omgørelsesprocenten ${fmt(O.value)} % passer ikke med (ændret ${fmt(A.n.value)} + hjemvist ${fmt(H.n.value)}) / ${fmt(T.value)} = ${fmt(Math.round(share * 10) / 10)} %.`);
		else pass([O]);
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
	if (!total || !parts.every(Boolean)) return;
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
		for (const D of all.filter((f) => f.metric === dev)) {
			// Each figure is exact to half a unit of its last printed digit; the errors add up.
			const tol = halfUnit(D.value) + halfUnit(B.value) + halfUnit(F.value) + 1e-6;
			if (Math.abs(expect - D.value) > tol)
				flag([D, B, F], `Afvigelsen passer ikke: ${label(B)} − ${label(F)} = ${fmt(expect)}, men ${label(D)}.`);
			else pass([D, B, F]);
		}
	}
}

/** The same figure (metric, entity, area, period) stated twice in a meeting must carry the same value. */
function checkRestatements(facts: Fact[], flag: Flag, pass: Pass) {
	const byKey = new Map<string, Fact[]>();
	for (const f of facts) {
		const k = [f.doc_id, f.metric, f.entity, f.area, f.period].join('|');
		if (!byKey.has(k)) byKey.set(k, []);
		byKey.get(k)!.push(f);
	}
	for (const fs of byKey.values()) {
		if (fs.length < 2 || fs[0].metric === 'tillaegsbevilling' || !['klagesager', 'budget', 'magtanvendelse'].includes(fs[0].family)) continue;
		// Each statement is exact to half a unit of its last printed digit ("512,3 mio." vs "512.250" t.kr.).
		const tol = fs[0].unit === 'kr' ? Math.max(...fs.map((f) => halfUnit(f.value))) + 1e-6 : 0.5;
		const distinct = fs.filter((f, i) => fs.findIndex((g) => Math.abs(g.value - f.value) <= tol) === i);
		if (distinct.length > 1)
			flag(fs, `Samme tal er angivet med forskellige værdier: ${fs.map((f) => `${label(f)} (punkt ${f.item_no})`).join(', ')}.`);
		else pass(fs);
	}
}
