/**
 * Magtanvendelse in prose, read figure by figure: every count of a sentence collects the cues
 * of the lexicon around it (outcome, what is counted, the act of reporting, a change or a target),
 * the nearest cue binds, "ikke" flips the cue after it, and a count with no cue of its own takes
 * the concept of its parallel figure ("mod 129 året før", "(2023: 19)", "heraf 9 efter § 128")
 * or of the previous sentence's figure ("Året før var tallet 512"). When nothing binds, the
 * count is left out.
 */
import { comparesBack, draft, entityFor, itemSays, periodFor, type FactDraft, type ItemContext, type SentenceContext } from './context';
import { CONCEPTS, COUNTERS, INTERVENTIONS, OTHER_NOUNS, type Concept, type CueKind, type MagtMetric } from './magtanvendelse-lexicon';
import { findPeriods, isBreakdown } from './periods';
import { municipalityOf } from './places';
import { findAreas, TILBUD } from './areas';
import { viewMayHold } from './view';

export const MAGTANVENDELSE_RULES = CONCEPTS;

const ITEM_GATE = /magtanvendelse|tvang|indgreb i selvbestemmelsesretten|fastholdelse/i;
/** An item about something else is read only when its body names magtanvendelse. */
const MAGTANVENDELSE = /magtanvendelse/i;
const HOLE = 'hele kommunen';
/** "Fordeling på bestemmelser:", "fordeler sig således": a list of what the whole count is made of. */
const DISTRIBUTION = /fordeling(?:en)? på|fordeler sig|fordelt på/;
const TOPIC = /magtanvend|forhåndsgodkend|forhåndstilladel|uden samtykke|selvbestemmelsesret/;

// ── the lexicon compiled once ──────────────────────────────────────────────
const CUE_RES = CONCEPTS.map((c) => ({ concept: c, re: new RegExp(`(?<![\\p{L}-])(?:${c.cues.join('|')})(?![\\p{L}])`, 'gu') }));
const INTERVENTION_RES = INTERVENTIONS.map((k) => ({ area: k.area, re: new RegExp(`(?<![\\p{L}-])(?:${k.cues.join('|')})(?![\\p{L}])`, 'gu') }));
const SENTENCE_GATE = new RegExp(`(?:${CONCEPTS.filter((c) => c.kind !== 'aendring' && c.kind !== 'maal').flatMap((c) => c.cues).join('|')}|tallet|antallet|af dem|af disse|${DISTRIBUTION.source})`, 'u');

// ── tokens of a view ───────────────────────────────────────────────────────
interface Tok {
	text: string;
	at: number;
	end: number;
	/** Index of the quantity, for a figure token. */
	q?: number;
	period?: boolean;
}

const TOKEN = /Q(\d+)[a-z]*|T\d+|[\p{L}§][\p{L}\d-]*|\d+[a-z]?|[,;:()–—.]/gu;

function tokenize(view: string): Tok[] {
	const out: Tok[] = [];
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(view); m; m = TOKEN.exec(view)) {
		const t: Tok = { text: m[0], at: m.index, end: m.index + m[0].length };
		if (m[1] !== undefined) t.q = Number(m[1]);
		else if (/^T\d+$/.test(m[0])) t.period = true;
		out.push(t);
	}
	return out;
}

const SUBORDINATE = new Set(['at', 'der', 'som', 'hvor', 'hvilket', 'hvoraf']);
/** Cost of the words and signs strictly between token i and token j; Infinity when a figure stands between. */
function gap(toks: Tok[], i: number, j: number): number {
	let cost = 0;
	for (let k = i + 1; k < j; k++) {
		const t = toks[k];
		// A count stands between; a percent or an amount ("72 (74 pct.) blev vurderet lovlige") is only a word.
		if (t.q !== undefined && t.text.endsWith('n')) return Infinity;
		if (t.text === ',') cost += SUBORDINATE.has(toks[k + 1]?.text) ? 1 : 3;
		else if (t.text === ';' || t.text === '.') cost += 6;
		else if (t.text === '(' || t.text === ')' || t.text === ':') cost += 1;
		else if (t.text === '–' || t.text === '—') cost += 0;
		else if (t.text === 'mens' || t.text === 'men') cost += 5;
		else cost += 1;
	}
	return cost;
}

// ── cues found in a sentence ───────────────────────────────────────────────
interface Cue {
	concept: Concept;
	kind: CueKind;
	metric: MagtMetric | null;
	/** First and last token of the cue. */
	a: number;
	b: number;
	negated: boolean;
	used: boolean;
}

function findCues(view: string, toks: Tok[]): Cue[] {
	const spans: { concept: Concept; start: number; end: number }[] = [];
	for (const { concept, re } of CUE_RES) {
		re.lastIndex = 0;
		for (let m = re.exec(view); m; m = re.exec(view)) spans.push({ concept, start: m.index, end: m.index + m[0].length });
	}
	// A cue inside a longer one ("tilladte" in "ikke-tilladte") is the longer one's.
	const kept = spans.filter((s) => !spans.some((o) => o !== s && o.start <= s.start && o.end >= s.end && o.end - o.start > s.end - s.start));
	const cues: Cue[] = [];
	for (const s of kept) {
		const a = toks.findIndex((t) => t.at >= s.start);
		let b = a;
		while (b + 1 < toks.length && toks[b + 1].end <= s.end) b++;
		if (a < 0) continue;
		cues.push({ concept: s.concept, kind: s.concept.kind, metric: s.concept.metric, a, b, negated: false, used: false });
	}
	cues.sort((x, y) => x.a - y.a);
	// Polarity: "ikke" turns the first cue after it (within five words) into its negation.
	toks.forEach((t, i) => {
		if (t.text !== 'ikke') return;
		const next = cues.find((c) => c.a > i && !c.negated);
		if (!next || next.a - i > 6 || toks.slice(i + 1, next.a).some((x) => x.q !== undefined || x.text === ',')) return;
		if (next.concept.negated === undefined) {
			next.metric = null;
			return;
		}
		next.negated = true;
		next.metric = next.concept.negated;
		next.kind = next.concept.negatedKind ?? next.kind;
	});
	return cues;
}

// ── a figure and what binds to it ──────────────────────────────────────────
interface Figure {
	tok: number;
	qi: number;
	value: number;
	/** Left out: counts something else, a change, a target or a date. */
	out: boolean;
	metric: MagtMetric | null;
	/** Read from a partitive only ("17 af indberetningerne"): a part, a fact only with an area of its own. */
	part: boolean;
	how: 'cue' | 'ellipse' | 'anafor' | null;
	area: string | null;
	/** Bound to an outcome or a named concept of its own, not only to what is counted. */
	role?: boolean;
	/** The separator that opens the figure's own clause (",", "og", "mens"), null at the sentence's start. */
	opener?: string | null;
	/** The area is the tilbud that is the clause's subject ("Bostedet Hedebo stod bag 38"). */
	subject?: boolean;
	/** The area is a kind of intervention, which parts magtanvendelser only. */
	kind?: boolean;
	/** Read as the parallel of a figure it is compared with ("mod 129 året før"). */
	compared?: boolean;
}

const FUNCTION_WORDS = new Set([
	'af', 'blev', 'er', 'var', 'bliver', 'som', 'i', 'med', 'mod', 'til', 'fra', 'og', 'eller', 'der', 'hvor', 'ved', 'på', 'for', 'efter',
	'om', 'heraf', 'hvoraf', 'mens', 'men', 'endnu', 'fortsat', 'stadig', 'ikke', 'vurderet', 'har', 'havde', 'blevet', 'at', 'de', 'det'
]);
const GRANTED = new Set(['imødekommet', 'imødekom', 'bevilget', 'bevilgede', 'godkendt', 'godkendte', 'givet']);
const DEFINITE = new Set(['de', 'disse', 'samtlige']);
const PARTITIVE_DET = new Set(['de', 'disse', 'dem', 'årets', 'alle', 'periodens', 'halvårets']);
const SUBSET = new Set(['heraf', 'hvoraf']);
const PREPOSED = 3;
const OTHER_KIND = /^(?:med|om|af|ved) (?:vold|trusler|udadreagerende|fald|medicin[a-zæøå]*|utilsigtede|selvskad[a-zæøå]*|chikane|brand|tyveri)/;
const PLURAL = /(?:er|erne|ene|ne)$/;
const PART_VERBS = new Set(['står', 'stod', 'tegner', 'udgør', 'udgjorde', 'vedrører', 'vedrørte']);
const MAX_COST = 10;

export function magtanvendelse(ctx: ItemContext): FactDraft[] {
	const titled = ITEM_GATE.test(ctx.item.title);
	if (!titled && !itemSays(ctx, MAGTANVENDELSE, ctx.item.bodyStart)) return [];
	const titlePeriod = onePeriod(ctx.item.title);
	const out: FactDraft[] = [];
	const stated = new Set<string>();
	let lead: { metric: MagtMetric; area: string } | null = null;
	let para = -1;
	let paraMain: string | null = null;
	for (const sc of ctx.sentences) {
		if (sc.sentence.paragraph !== para) {
			para = sc.sentence.paragraph;
			paraMain = null;
		}
		if (titled || TOPIC.test(sc.carriedText)) out.push(...statedZeros(ctx, sc, titlePeriod));
		if (!sc.sentence.figures) continue;
		const v = sc.view;
		if (!v.quantities.length || !SENTENCE_GATE.test(v.view)) continue;
		// In an item about something else, only a paragraph that speaks of magtanvendelse is read.
		if (!titled && !TOPIC.test(v.view) && !TOPIC.test(sc.carriedText)) continue;
		const toks = tokenize(v.view);
		const cues = findCues(v.view, toks);
		const figures = readFigures(ctx, sc, toks, cues, lead);
		let sentenceLead: { metric: MagtMetric; area: string } | null = null;
		const ownPeriods = v.periods.some((p) => p.kind !== 'span');
		// A breakdown by period ("21 i 1. kvartal, 15 i 2. kvartal …") dates its own figures, not the paragraph.
		const breakdown = isBreakdown(v.periods);
		// "For de samme tre kvartaler året før lød tallet på 49": a sentence dated only by a past relative compares.
		const comparative = v.periods.length > 0 && v.periods.every(comparesBack);
		// The sentence's first whole count dates the paragraph; a later one is its comparison ("… 52 – året før var tallet 47").
		let dated = false;
		for (const f of figures) {
			// "heraf fem til alarm- og pejlesystemer": approvals by kind are no count of force.
			if (f.kind && !f.metric?.startsWith('magtanvendelser')) continue;
			if (f.out || !f.metric || (f.part && f.area === null)) continue;
			const area = f.area ?? HOLE;
			const own = periodFor(ctx, sc, f.qi);
			// A compared or anaphoric count is dated by its own words only; a listed one as the count it parallels.
			const period: string | null = ownPeriods || f.how === 'anafor' || f.compared ? own : (paraMain ?? own ?? titlePeriod);
			if (!period) continue;
			// "faldet fra 102 i 2023": the figure a change starts from dates no paragraph.
			if (f.how === 'cue' && area === HOLE && !f.part && toks[f.tok - 1]?.text !== 'fra' && !breakdown && !comparative && !dated) {
				paraMain = period;
				dated = true;
			}
			const key = `${f.metric}|${period}|${f.value}|${area}`;
			if (stated.has(key) && DEFINITE.has(toks[f.tok - 1]?.text ?? '')) continue;
			stated.add(key);
			if (!sentenceLead && f.how === 'cue') sentenceLead = { metric: f.metric, area };
			out.push(draft('magtanvendelse', f.metric, entityFor(ctx, sc, f.qi), area, period, f.value, 'antal', sc, `magtanvendelse.${f.how}.${f.metric}`));
		}
		if (sentenceLead) lead = sentenceLead;
	}
	return plausible(out);
}

/** "ingen", "ingen af", "ikke … nogen", "ikke truffet afgørelse(r)": a count stated as none. */
const NONE = /(?<![\p{L}])(?:ingen(?: af)?|ikke(?: [\p{L}]+){0,3}? nogen|ikke truffet(?: nogen)? afgørelser?)(?![\p{L}])/u;
/** Every form of NONE holds one of these. */
const NONE_WORDS = ['ingen', 'ikke'];
/** The counts a sentence can state as none; "ikke magtanvendelse" is a concept of its own, not a zero. */
const ZERO_METRICS = new Set<MagtMetric>(['flytning_uden_samtykke', 'magtanvendelser_ikke_tilladte', 'magtanvendelser_uafgjort', 'forhaandsgodkendelser']);

/**
 * "ingen borgere er flyttet uden samtykke", "Ingen af episoderne på Bostedet X blev vurderet som
 * ulovlige", "Der er ikke truffet afgørelse om flytning uden samtykke": a zero, in a clause with no
 * figure, whose concept the clause names. Its period is the sentence's, else the paragraph's.
 */
function statedZeros(ctx: ItemContext, sc: SentenceContext, titlePeriod: string | null): FactDraft[] {
	if (!viewMayHold(sc.sentence.text, NONE_WORDS)) return [];
	const view = sc.view.view;
	if (!NONE.test(view)) return [];
	const out: FactDraft[] = [];
	let from = 0;
	for (const clause of view.split(/[,;]| mens | men /)) {
		const start = from;
		from += clause.length + 1;
		if (/Q\d/.test(clause) || !NONE.test(clause)) continue;
		const metrics = new Set<MagtMetric>();
		for (const { concept, re } of CUE_RES) {
			re.lastIndex = 0;
			if (concept.metric && ZERO_METRICS.has(concept.metric) && re.test(clause)) metrics.add(concept.metric);
		}
		if (metrics.size !== 1) continue;
		const metric = [...metrics][0];
		const own = sc.view.periods.find((p, i) => p.period && p.kind !== 'relative' && p.kind !== 'date' && sc.view.tAt[i] >= start && sc.view.tAt[i] < from)?.period;
		const period = own ?? sc.carriedPeriod ?? sc.headingPeriod ?? titlePeriod ?? (ctx.titleYear ? String(ctx.titleYear) : null);
		if (!period) continue;
		// The tilbud the clause names: "Botilbuddet Egely", or a name before its kind, "på Skovsbo Bofællesskab".
		const named = /(?:^|\s)(?:på|hos)\s+((?:[\p{Lu}][\p{L}-]*)(?:\s[\p{Lu}][\p{L}-]*){0,3})/u.exec(sc.sentence.text)?.[1];
		const tilbud = findAreas(sc.sentence.text).find((a) => a.tilbud)?.area ?? (named && TILBUD_WORD.test(named) && isTilbud(named) ? named : undefined);
		out.push(draft('magtanvendelse', metric, ctx.municipality, tilbud ?? HOLE, period, 0, 'antal', sc, `magtanvendelse.ingen.${metric}`));
	}
	return out;
}

/** Slot filling of one sentence: every count gets its metric, area and how it was read. */
function readFigures(ctx: ItemContext, sc: SentenceContext, toks: Tok[], cues: Cue[], lead: { metric: MagtMetric; area: string } | null): Figure[] {
	const v = sc.view;
	const figures: Figure[] = [];
	toks.forEach((t, i) => {
		if (t.q === undefined || !t.text.endsWith('n')) return;
		const q = v.quantities[t.q];
		const f: Figure = { tok: i, qi: t.q, value: q.value, out: false, metric: null, part: false, how: null, area: null };
		f.out = q.unit !== null || q.range || q.bound || q.approx || !Number.isInteger(q.value) || q.value < 0 || inQuote(ctx.text, sc.sentence.start, q.start);
		// "mellem 130 og 170": a range.
		if (out(toks, i)) f.out = true;
		figures.push(f);
	});
	const at = (i: number) => figures.find((f) => f.tok === i);
	const cueAt = (i: number) => cues.find((c) => c.a <= i && i <= c.b);

	// What is counted: the noun right after the figure, or a partitive "af (de) … <noun>".
	const partitiveCues = new Set<Cue>();
	const heads = new Map<Figure, Cue | null>();
	for (const f of figures) {
		if (f.out) continue;
		let head: Cue | null = null;
		let k = f.tok + 1;
		if (toks[k]?.text === 'af') {
			k++;
			if (PARTITIVE_DET.has(toks[k]?.text)) k++;
			const whole = toks[k]?.q !== undefined;
			if (whole) k++;
			for (; k < toks.length && k <= f.tok + 6; k++) {
				const c = cueAt(k);
				if (!c && toks[k].text === 'ikke') continue;
				if (!c) break;
				partitiveCues.add(c);
				if (c.kind === 'navneord' || (c.kind === 'udfald' && c.metric)) head = head ?? c;
				k = c.b;
			}
			// "To af de ikke tilladte episoder skete …": a few of an outcome's cases, not its count.
			if (head && !whole && head.kind === 'udfald') f.out = true;
			else if (head) {
				f.part = true;
				heads.set(f, head);
			} else if (lead && (toks[f.tok + 2]?.text === 'dem' || toks[f.tok + 2]?.text === 'disse') && !whole) {
				// "Tolv af dem vedrørte fastholdelse": a part of what the previous sentence counted, a fact with a place of its own.
				f.metric = lead.metric;
				f.how = 'anafor';
				f.part = true;
			}
			continue;
		}
		for (let n = 0; k < toks.length && n < 3; k++, n++) {
			const w = toks[k];
			if (w.q !== undefined || w.period || !/^[\p{L}]/u.test(w.text)) break;
			const c = cueAt(k);
			if (c && c.kind === 'navneord' && !c.negated) {
				// "30 episoder med vold mod medarbejdere": episodes of something else.
				if (OTHER_KIND.test(toks.slice(c.b + 1, c.b + 3).map((x) => x.text).join(' '))) f.out = true;
				else head = c;
				break;
			}
			if (c) {
				k = c.b;
				continue;
			}
			// "To borgere er flyttet uden samtykke": a move without consent is counted in persons.
			const moved = /^borger(?:e|en|ne)?$/.test(w.text) ? cues.find((c) => c.metric === 'flytning_uden_samtykke' && c.a > k && c.a - k <= 6) : undefined;
			if (moved) {
				head = moved;
				break;
			}
			if (OTHER_NOUNS.test(w.text)) {
				// "imødekommet 14 ansøgninger om forhåndsgodkendelse": applications granted are approvals.
				if (/^ansøgning/.test(w.text) && GRANTED.has(toks[f.tok - 1]?.text ?? '')) break;
				f.out = true;
				break;
			}
			if (COUNTERS.test(w.text) || FUNCTION_WORDS.has(w.text)) break;
		}
		if (head) heads.set(f, head);
	}

	// A change ("stigningen på 14", "18 færre") or a target before the figure: not a level.
	for (const c of cues) {
		if (c.kind === 'aendring') {
			const before = at(c.b + 1);
			const after = at(c.a - 1);
			if (before && c.concept.cues.slice(0, 2).some((s) => new RegExp(`^(?:${s})$`).test(v.view.slice(toks[c.a].at, toks[c.b].end)))) before.out = true;
			else if (after) after.out = true;
		}
		if (c.kind === 'maal') {
			const next = figures.find((f) => f.tok > c.b);
			if (next && gap(toks, c.b, next.tok) <= MAX_COST) next.out = true;
		}
	}
	// "tre ud af fire episoder": a proportion in words, not two counts.
	for (const f of figures) {
		const whole = figures.find((g) => g.tok === f.tok + 3);
		const spelled = (g: Figure) => !/\d/.test(ctx.text.slice(v.quantities[g.qi].start, v.quantities[g.qi].end));
		if (whole && toks[f.tok + 1]?.text === 'ud' && toks[f.tok + 2]?.text === 'af' && spelled(f) && spelled(whole)) f.out = whole.out = true;
	}
	// A count dated to a day inside the year ("Pr. 1. august … 45 episoder"): no canonical period.
	for (const f of figures) {
		if (v.periods.some((p, i) => v.tAt[i] < toks[f.tok].at && (p.kind === 'date' || p.kind === 'month') && p.month !== 12)) f.out = true;
	}

	// Outcomes and what they count bind as one assignment of least cost: each figure one role, each cue one figure.
	const sentenceHasForhaand = cues.some((c) => c.metric === 'forhaandsgodkendelser' && c.kind === 'navneord');
	const options: { c: Cue; choices: { f: Figure; cost: number }[] }[] = [];
	for (const c of cues) {
		if (partitiveCues.has(c) || !c.metric) continue;
		const role = c.kind === 'udfald' || (c.kind === 'navneord' && c.metric !== 'magtanvendelser_indberettet') || c.kind === 'bevilling';
		if (!role) continue;
		const left = [...figures].reverse().find((f) => f.tok < c.a);
		const right = figures.find((f) => f.tok > c.b);
		const choices: { f: Figure; cost: number }[] = [];
		if (left) choices.push({ f: left, cost: heads.get(left) === c ? -1 : gap(toks, left.tok, c.a) });
		// A cue before its figure crosses no "og": "tilladte og 6" ends one conjunct and starts the next.
		if (right) choices.push({ f: right, cost: gap(toks, c.b, right.tok) + PREPOSED + 3 * toks.slice(c.b + 1, right.tok).filter((t) => t.text === 'og').length });
		// "hvoraf 15 blev imødekommet", "og givet 12": granted, of applications for forhåndsgodkendelse; a weaker cue than a noun.
		if (c.kind === 'bevilling') for (const x of choices) x.cost += sentenceHasForhaand && (isSubset(toks, x.f) || !heads.has(x.f)) ? 4 : Infinity;
		const ok = choices.filter(({ f, cost }) => !f.out && cost <= MAX_COST);
		if (ok.length) options.push({ c, choices: ok });
	}
	for (const { c, f } of bestAssignment(options)) {
		f.metric = c.metric;
		f.how = 'cue';
		f.part = false;
		f.role = true;
		c.used = true;
	}

	// What is counted, without an outcome: the head noun, a partitive, the noun as subject, or the verb.
	for (const f of figures) {
		if (f.out || f.metric) continue;
		const head = heads.get(f);
		if (head?.metric) {
			f.metric = head.metric;
			f.how = 'cue';
			continue;
		}
		f.part = false;
		const near = cues
			.filter((c) => (c.kind === 'verbum' || (c.kind === 'navneord' && c.metric === 'magtanvendelser_indberettet' && !c.negated && PLURAL.test(toks[c.b].text))) && !partitiveCues.has(c))
			.map((c) => ({ c, cost: c.b < f.tok ? gap(toks, c.b, f.tok) + (c.kind === 'navneord' ? PREPOSED : 0) : gap(toks, f.tok, c.a) + PREPOSED }))
			.filter((x) => x.cost <= 6 && !(x.c.b < f.tok && figures.some((g) => g !== f && !g.out && g.tok > f.tok && heads.get(g) === x.c)))
			.sort((x, y) => x.cost - y.cost)[0];
		if (near && !headIsCounter(toks, f)) {
			f.metric = 'magtanvendelser_indberettet';
			f.how = 'cue';
		}
	}

	const kinds = interventionsIn(v.view);
	for (const f of figures) {
		if (f.out) continue;
		f.area = areaSlot(ctx, sc, toks, figures, f, kinds);
		// "flytning uden samtykke efter § 129": the measure's own paragraph says what it is, not where.
		if (f.metric && f.area && OWN_PARAGRAPH[f.metric]?.test(f.area)) f.area = null;
		// "står for 31", "udgjorde 318 af …": a share of the whole, a fact only when it names whose share.
		if (!f.role && toks.slice(Math.max(0, f.tok - 3), f.tok).some((t) => PART_VERBS.has(t.text))) f.part = true;
		// "heraf 11 til alarmer": a part of the count before it, a fact only with a place of its own.
		if (SUBSET.has(toks[f.tok - 1]?.text ?? '') && figures.some((g) => g.tok < f.tok && !g.out && g.metric === f.metric)) f.part = true;
	}

	// Ellipsis: a count compared with, or listed after, its parallel figure takes that figure's concept
	// ("mod 129 året før", "(2023: 19)", "fra 11 i 2023 til 4 indberetninger", "heraf 9 efter § 128").
	for (const f of figures) {
		if (f.out || f.role) continue;
		const parallel = [...figures].reverse().find((g) => g.tok < f.tok && g.metric && !g.out);
		const prev = toks[f.tok - 1]?.text;
		const compared = isCompared(toks, f.tok);
		if (parallel && compared) {
			f.compared = true;
			f.metric = parallel.metric;
			f.how = 'ellipse';
			f.area = f.area ?? parallel.area;
			f.part = parallel.part;
			continue;
		}
		if (f.metric) continue;
		// "16 i 1. kvartal, 11 i 2. kvartal og 14 i 3. kvartal": counts listed with a place or a period of their own, as their parallel is.
		const listed = toks.slice(f.tok - 2, f.tok).some((t) => t.text === 'og' || t.text === ',') || (f.area !== null && !!f.opener);
		const ownPeriods = parallel && periodRightAfter(toks, f.tok) && periodRightAfter(toks, parallel.tok);
		if (parallel && (f.area !== null || ownPeriods) && (isSubset(toks, f) || listed)) {
			f.metric = parallel.metric;
			f.how = 'ellipse';
			continue;
		}
		// Anaphora: "Året før var tallet 512" takes the concept of the previous sentence's figure.
		if (lead && toks.slice(0, f.tok).some((t, i) => (t.text === 'tallet' || t.text === 'antallet') && toks[i + 1]?.text !== 'af') && !toks.slice(0, f.tok).some((t) => t.q !== undefined)) {
			f.metric = lead.metric;
			f.area = lead.area === HOLE ? null : lead.area;
			f.how = 'anafor';
		}
	}
	labelledCounts(ctx, sc, cues, figures);
	return figures;
}

/**
 * A list of counts by label: "§ 126 (fastholdelse): 38; § 127 (…): 11", "Bostedet Lyngbakken (22), fulgt af
 * Plejecentret Åhøj (14)". Each unbound count right after its label's colon, or in parentheses right after the
 * label, is a part of the whole the sentence counts (its count noun or verb, or "fordeling på"), with the label
 * (a §, a named tilbud, a kind of intervention) as its area. A sentence with an outcome reads outcomes, not this.
 */
function labelledCounts(ctx: ItemContext, sc: SentenceContext, cues: Cue[], figures: Figure[]): void {
	const v = sc.view;
	const counted = cues.some((c) => c.metric === 'magtanvendelser_indberettet' && !c.negated && (c.kind === 'verbum' || c.kind === 'navneord')) || DISTRIBUTION.test(v.view);
	if (!counted || cues.some((c) => c.kind === 'udfald' || c.kind === 'aendring' || c.kind === 'maal')) return;
	const labelled: { f: Figure; area: string }[] = [];
	for (const f of figures) {
		if (f.out || f.metric) continue;
		const q = v.quantities[f.qi];
		const before = ctx.text.slice(Math.max(sc.sentence.start, q.start - 80), q.start);
		const rest = ctx.text.slice(q.end, sc.sentence.end);
		const colon = LABEL_COLON.test(before) && VALUE_END.test(rest);
		const bracketed = LABEL_BRACKET.test(before) && BRACKET_END.test(rest);
		if (!colon && !bracketed) continue;
		// The label: what stands since the last separator ("; ", ", " or a lead-in's colon), without its own mark.
		const label = before.replace(LABEL_MARK, '').split(LABEL_START).pop()!.trim();
		const area = labelArea(v.view, label);
		if (!area) return;
		labelled.push({ f, area });
	}
	if (labelled.length < 2) return;
	for (const { f, area } of labelled) {
		f.metric = 'magtanvendelser_indberettet';
		f.how = 'ellipse';
		f.area = area;
	}
}
const LABEL_COLON = /:\s*$/;
const LABEL_BRACKET = /\(\s*$/;
const VALUE_END = /^\s*(?:[;,.]|og\s|$)/;
const BRACKET_END = /^\s*\)/;
const LABEL_MARK = /[:(]\s*$/;
const LABEL_START = /[;:]|,\s/;

/** A list label that names where or what: a § ("§ 126 a (afværgende fysisk indgriben)"), a named tilbud, a kind of intervention. */
function labelArea(view: string, label: string): string | null {
	const para = PARAGRAPH.exec(label);
	if (para && para.index === 0) return paragraphArea(view, para);
	const tilbud = [...label.matchAll(TILBUD)].pop();
	if (tilbud && label.slice(tilbud.index! + tilbud[0].length).trim() === '') return tilbud[0].replace(/\s+/g, ' ');
	const lower = label.toLowerCase();
	return INTERVENTION_RES.find(({ re }) => {
		re.lastIndex = 0;
		const m = re.exec(lower);
		return m !== null && m.index === 0 && m[0].length === lower.length;
	})?.area ?? null;
}

/** "11 i 2. kvartal", "21 indberetninger i 1. kvartal": the figure's own period follows it at once, or after its noun. */
function periodRightAfter(toks: Tok[], at: number): boolean {
	const k = toks[at + 1] && isCueNoun(toks[at + 1].text) ? at + 2 : at + 1;
	return toks[k]?.text === 'i' && !!toks[k + 1]?.period;
}

/** The cheapest way to give cues to figures, binding as many cues as can be bound. */
function bestAssignment(options: { c: Cue; choices: { f: Figure; cost: number }[] }[]): { c: Cue; f: Figure }[] {
	const figs = [...new Set(options.flatMap((o) => o.choices.map((x) => x.f)))];
	const memo = new Map<string, { cost: number; picks: { c: Cue; f: Figure }[] }>();
	const UNBOUND = 100;
	const solve = (i: number, mask: number): { cost: number; picks: { c: Cue; f: Figure }[] } => {
		if (i === options.length) return { cost: 0, picks: [] };
		const key = `${i}|${mask}`;
		const hit = memo.get(key);
		if (hit) return hit;
		const skip = solve(i + 1, mask);
		let best = { cost: skip.cost + UNBOUND, picks: skip.picks };
		for (const { f, cost } of options[i].choices) {
			const bit = 1 << figs.indexOf(f);
			if (mask & bit) continue;
			const rest = solve(i + 1, mask | bit);
			if (rest.cost + cost < best.cost) best = { cost: rest.cost + cost, picks: [{ c: options[i].c, f }, ...rest.picks] };
		}
		memo.set(key, best);
		return best;
	};
	return figs.length > 24 ? [] : solve(0, 0).picks;
}

function out(toks: Tok[], i: number): boolean {
	if (toks[i - 1]?.text === 'mellem') return true;
	return toks[i - 1]?.text === 'og' && toks[i - 2]?.q !== undefined && toks[i - 3]?.text === 'mellem';
}

const QUOTE_MARK = /[»“]/;
/** A figure inside a quotation (»Hver eneste magtanvendelse er én for meget«) is speech, not a count. */
function inQuote(text: string, from: number, at: number): boolean {
	const before = text.slice(from, at);
	if (!QUOTE_MARK.test(before)) return false;
	return (before.split('»').length - before.split('«').length) > 0 || (before.split('“').length - before.split('”').length) > 0;
}

/** "mod 44", "end 44", "(2023: 19)", "(45 i 2023)", "fra 81 … til 97", "sammenlignet med 44", "i forhold til 44 i 2023". */
function isCompared(toks: Tok[], i: number): boolean {
	const prev = toks[i - 1]?.text;
	const prev2 = toks[i - 2]?.text;
	if (prev === 'mod' || prev === 'end') return true;
	if (prev === ':' && toks[i - 2]?.period) return true;
	if (prev === '(' && toks.slice(i + 1, i + 4).some((t) => t.period)) return true;
	if (prev === 'med' && prev2 === 'sammenlignet') return true;
	if (prev === 'til' && (prev2 === 'forhold' || toks.slice(0, i).some((t) => t.text === 'fra'))) return true;
	return false;
}

function isSubset(toks: Tok[], f: Figure): boolean {
	const before = toks.slice(Math.max(0, f.tok - 3), f.tok).map((t) => t.text);
	const after = toks.slice(f.tok + 1, f.tok + 3).map((t) => t.text);
	return before.some((w) => SUBSET.has(w)) || (after[0] === 'af' && (after[1] === 'dem' || after[1] === 'disse'));
}

function headIsCounter(toks: Tok[], f: Figure): boolean {
	const next = toks[f.tok + 1]?.text ?? '';
	return COUNTERS.test(next);
}

/** A measure named by its own paragraph (flytning uden samtykke is § 129): that § is no area. */
const OWN_PARAGRAPH: Partial<Record<string, RegExp>> = { flytning_uden_samtykke: /§ 129$/ };

// ── the area slot: a § or a tilbud in the figure's own stretch of the sentence ──
/** "§ 126a", "§ 126 a"; but "§ 85 i serviceloven" is § 85: a letter set apart is never the preposition "i". */
const PARAGRAPH = /(?<!§)§\s*(\d+)(?:([a-z])|\s([a-hj-z]))?(?![\p{L}\d])(?!\s*(?:[-–,]|og|eller)\s*\d)/u;
const TILBUD_WORD = /bosted|botilbud|bofællesskab|plejecent|plejehjem|center|centret|hus(?:et)?\b|tilbud|værested|opholdssted|afdeling|enhed/i;
const TILBUD_VERB = /\s+(?:tegner\s+sig(?:\s+alene|\s+i\s+alt)?\s+for|(?:står|stod)(?:\s+alene)?\s+(?:for|bag)|udgjorde|havde|har\s+haft|har\s+indberettet|indberettede)\s*$/u;
const TILBUD_PLACE = /^(?:[Pp]å|[Hh]os)\s+(.+?)\s+(?:blev\s+der|er\s+der|var\s+der|registreredes|indberettedes|har\s+der)\b/u;

function areaSlot(ctx: ItemContext, sc: SentenceContext, toks: Tok[], figures: Figure[], f: Figure, kinds: Span[]): string | null {
	const v = sc.view;
	const idx = figures.indexOf(f);
	const prev = figures[idx - 1];
	const next = figures[idx + 1];
	const clause = ownClause(v.view, toks, figures, f, kinds);
	f.opener = clause.opener;
	// A paragraph or a kind of intervention in the figure's own clause: "føring til andet rum (§ 126a) 11".
	const para = PARAGRAPH.exec(v.view.slice(clause.start, clause.end));
	if (para) return paragraphArea(v.view, para);
	const kind = interventionOf(v.view, toks, f, kinds, clause);
	if (kind) {
		f.kind = true;
		return kind;
	}
	// Past its own clause, a stretch belongs to the next figure when there is one.
	const right = v.view.slice(toks[f.tok].end, next ? clause.end : v.view.length).split(/[.;]/)[0];
	const left = prev ? '' : v.view.slice(0, toks[f.tok].at);
	const far = PARAGRAPH.exec(right) ?? PARAGRAPH.exec(left);
	if (far) return paragraphArea(v.view, far);
	// "7 af de 40 magtanvendelser var på Bostedet": the tilbud is the part's, not the whole's.
	if (prev && /\baf (?:de |disse )?$/.test(v.view.slice(0, toks[f.tok].at))) return null;
	// "40 på Bostedet Lærkehøj og 37 på …": a tilbud named right after the figure.
	const q = v.quantities[f.qi];
	const after = /^\s+(?:[\p{Ll}]+\s+){0,3}?(?:på|fra|hos)\s+((?:[\p{Lu}][\p{L}-]*|og|i)(?:\s+(?:[\p{Lu}][\p{L}-]*|og))*)/u.exec(ctx.text.slice(q.end, next ? v.quantities[next.qi].start : sc.sentence.end));
	if (after && TILBUD_WORD.test(after[1]) && isTilbud(after[1].replace(/\s+(?:og|i)$/, ''))) return after[1].replace(/\s+(?:og|i)$/, '').replace(/\s+/g, ' ');
	// A tilbud as the subject of its clause ("Bostedet Kildebakken tegner sig for 41", "mens Botilbuddet X havde 21")
	// or its place ("På Bostedet X blev der registreret 27").
	const from = prev ? v.quantities[prev.qi].end : sc.sentence.start;
	const stretch = ctx.text.slice(from, q.start).replace(/\s+/g, ' ').trim();
	const lead = prev ? stretch.split(TEXT_CLAUSE_BREAK).pop()!.trim() : stretch;
	if (prev && lead.length === stretch.length) return null;
	const subject = TILBUD_VERB.test(' ' + lead) ? (' ' + lead).replace(TILBUD_VERB, '').trim() : TILBUD_PLACE.exec(lead)?.[1];
	if (subject && isTilbud(subject)) {
		f.subject = true;
		return subject.replace(/^(?:[Pp]å|[Hh]os)\s+/, '');
	}
	// "… tegner sig for 15 af indberetningerne og Demensboligerne Ørslev for 9": the verb left out after the first.
	const elided = prev?.subject ? /^([\p{Lu}][\p{L}-]*(?: [\p{Lu}][\p{L}-]*){0,3}) (?:for|bag|med)$/u.exec(lead)?.[1] : undefined;
	if (elided && isTilbud(elided)) {
		f.subject = true;
		return elided;
	}
	// "Alene på Botilbuddet Kløverhuset blev der registreret 19", "Bostedet Hjortebo, hvor der blev indberettet 27",
	// "kom fra Bofællesskabet Løsning med 21".
	const whole = prev ? lead : ctx.text.slice(sc.sentence.start, q.start).replace(/\s+/g, ' ');
	const named = [...whole.matchAll(TILBUD)].pop();
	if (named && TILBUD_THEN_COUNT.test(whole.slice(named.index! + named[0].length))) return named[0].replace(/\s+/g, ' ');
	if (prev) return null;
	// "på udvalgets område": the committee's own figure.
	if (ctx.committee && /\bpå udvalgets område\b/.test(v.view.slice(toks[f.tok].end).split(/[.;,]/)[0])) return ctx.committee;
	return null;
}

function paragraphArea(view: string, para: RegExpExecArray): string {
	const law = /barnets lov/.test(view) ? 'barnets lov' : 'serviceloven';
	return `${law} § ${para[1]}${para[2] ?? para[3] ?? ''}`;
}

// ── the figure's own clause: between the separators around it, never past a neighbouring figure ──
interface Span {
	start: number;
	end: number;
	area: string;
}
interface Clause {
	start: number;
	end: number;
	opener: string | null;
}
// " og " after a hyphen joins a name ("Bo- og Aktivitetscenter").
const CLAUSE_BREAK = /,|;|(?<!-) og | mens | men | samt /g;
const TEXT_CLAUSE_BREAK = /,|;|(?<!-)\sog\s|\smens\s|\smen\s|\ssamt\s/;

function interventionsIn(view: string): Span[] {
	const out: Span[] = [];
	for (const { area, re } of INTERVENTION_RES) {
		re.lastIndex = 0;
		for (let m = re.exec(view); m; m = re.exec(view)) out.push({ start: m.index, end: m.index + m[0].length, area });
	}
	return out;
}

function ownClause(view: string, toks: Tok[], figures: Figure[], f: Figure, kinds: Span[]): Clause {
	const idx = figures.indexOf(f);
	const at = toks[f.tok].at;
	const end = toks[f.tok].end;
	const clause: Clause = { start: idx > 0 ? toks[figures[idx - 1].tok].end : 0, end: idx + 1 < figures.length ? toks[figures[idx + 1].tok].at : view.length, opener: null };
	CLAUSE_BREAK.lastIndex = 0;
	for (let m = CLAUSE_BREAK.exec(view); m; m = CLAUSE_BREAK.exec(view)) {
		// "alarm- og pejlesystemer": a separator inside a kind's name parts nothing.
		if (kinds.some((k) => k.start <= m!.index && m!.index < k.end)) continue;
		if (m.index >= clause.start && m.index + m[0].length <= at) {
			clause.start = m.index + m[0].length;
			clause.opener = m[0].trim();
		} else if (m.index >= end && m.index < clause.end) {
			clause.end = m.index;
			break;
		}
	}
	return clause;
}

/** Words between a count and the kind it is of: "12 vedrørte tilbageholdelse", "17 af dem var fastholdelser", "27 magtanvendelser i form af fastholdelse". */
const KIND_LINK = new Set(['af', 'dem', 'de', 'disse', 'vedrørte', 'vedrører', 'var', 'er', 'omhandlede', 'omhandler', 'gjaldt', 'angik', 'drejede', 'drejer', 'handler', 'handlede', 'sig', 'om', 'i', 'form', 'ved', 'med', 'til']);

/** The kind of intervention a count is of, in its own clause: just before it ("Fastholdelse udgjorde 17") or after it, linked. */
function interventionOf(view: string, toks: Tok[], f: Figure, kinds: Span[], clause: Clause): string | null {
	const at = toks[f.tok].at;
	const end = toks[f.tok].end;
	const own = kinds.filter((k) => k.start >= clause.start && k.end <= clause.end);
	const words = (from: number, to: number) => toks.filter((t) => t.at >= from && t.end <= to);
	const after = own.find((k) => k.start >= end && words(end, k.start).every((t) => KIND_LINK.has(t.text) || isCueNoun(t.text)) && words(end, k.start).length <= 5);
	if (after) return after.area;
	// "Fastholdelse var som sædvanligt det hyppigste indgreb med 21": a kind that opens the clause is its subject, a few more words away.
	const reach = (k: Span) => (view.slice(clause.start, k.start).trim() === '' ? 8 : 4);
	const before = [...own].reverse().find((k) => k.end <= at && words(k.end, at).length <= reach(k) && words(k.end, at).every((t) => t.q === undefined && !t.period));
	return before?.area ?? null;
}

const CUE_NOUN = new RegExp(`^(?:${CONCEPTS.filter((c) => c.kind === 'navneord').flatMap((c) => c.cues).join('|')})$`, 'u');
const isCueNoun = (w: string) => CUE_NOUN.test(w);

/** After a named tilbud, the words that make the figure its own: ", hvor der blev indberettet", " er der indberettet". */
const TILBUD_THEN_COUNT = /^(?:,\s*hvor\s+(?:der\s+)?(?:[\p{Ll}]+\s+){0,3}|\s+(?:blev|er|var|har)\s+der\s+(?:[\p{Ll}]+\s+){0,3}|\s+med\s+)$/u;

const AUTHORITY = /^(?:Familieretshuset|Ankestyrelsen|Socialtilsyn\w*|Styrelsen\w*|Forvaltningen|Kommunen|Udvalget|Myndighed\w*)$/;

function isTilbud(label: string): boolean {
	if (label.length > 70 || !/^[\p{Lu}]/u.test(label) || /\d/.test(label)) return false;
	const words = label.split(' ');
	if (words.length === 1) return !municipalityOf(label) && !AUTHORITY.test(label);
	return TILBUD_WORD.test(label) || words.slice(1).every((w) => /^[\p{Lu}]/u.test(w) || /^(?:og|i|på|-)$/.test(w));
}

function onePeriod(title: string): string | null {
	const ps = [...new Set(findPeriods(title).filter((p) => p.period && p.kind !== 'relative' && p.kind !== 'date').map((p) => p.period!))];
	return ps.length === 1 ? ps[0] : null;
}

// ── plausibility: a part never exceeds the whole it is part of ──
const PARTS = new Set(['magtanvendelser_tilladte', 'magtanvendelser_ikke_tilladte', 'magtanvendelser_ikke_magtanvendelse', 'magtanvendelser_uafgjort']);

function plausible(drafts: FactDraft[]): FactDraft[] {
	const whole = new Map<string, number>();
	for (const d of drafts) if (d.metric === 'magtanvendelser_indberettet') whole.set(`${d.period}|${d.area}`, Math.max(whole.get(`${d.period}|${d.area}`) ?? 0, d.value));
	return drafts.filter((d) => {
		if (!PARTS.has(d.metric)) return true;
		const w = whole.get(`${d.period}|${d.area}`);
		return w === undefined || d.value <= w;
	});
}
