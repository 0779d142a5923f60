/**
 * Budget follow-up (budgetopfølgning / forventet regnskab): every cell of the follow-up tables,
 * and the prose. Prose is read figure by figure: each kroner amount takes the nearest concept
 * before it in its own clause (a level, a merforbrug/mindreforbrug, or a non-figure such as an
 * overførsel), the reference budget nearest to it, its own period and area; when no reading wins
 * the amount is left out. Sign of every afvigelse*: negative is merforbrug.
 */
import { draft, itemSays, type FactDraft, type ItemContext, type SentenceContext } from './context';
import { resolvePeriod, findPeriods, mayNamePeriod, yearDatedDay, type PeriodMention } from './periods';
import { fieldNamed } from './areas';
import { budgetTables, type Ref } from './budget-tables';
import { cuesIn, type CueHit } from './budget-lexicon';

const ITEM_GATE = /budget|regnskab|forbrug|bevilling|serviceramme/i;
const BODY_GATE = /budgetopfølgning|forventet regnskab|tillægsbevilling|serviceramme|merforbrug|mindreforbrug/i;

export function budget(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !itemSays(ctx, BODY_GATE, ctx.item.bodyStart)) return [];
	const followUp = followUpPeriod(ctx);
	const subject = subjectOf(ctx);
	const { facts: out, labels } = budgetTables(ctx, followUp, subject);
	// A transposed table names its areas in the header: every area a table fact carries is a name prose may use.
	// The follow-up's own basis: the budget its table measures deviations against (the korrigeret one when it shows both).
	const tableRefs = new Set(out.map((f) => REF_OF_METRIC[f.metric]).filter(Boolean));
	const tableRef: Ref | null = tableRefs.has('korrigeret') ? 'korrigeret' : tableRefs.has('vedtaget') ? 'vedtaget' : null;
	const prose = proseFacts(ctx, followUp, subject, [...labels, ...out.map((f) => f.area).filter((a) => !a.startsWith(subject))], tableRef);
	out.push(...plausible(prose, out));
	return out;
}

const DATED = new Set(['quarter', 'quarters', 'month', 'date', 'half']);
const FOLLOW_UP_NOUN = String.raw`(?:budgetopfølgning\w*|forventet regnskab|prognosen?|halvårsregnskab\w*)`;
/** "Budgetopfølgning 3 pr. 30. september", or a few words later: "… budgetopfølgning og er opgjort pr. 30. september". */
const FOLLOW_UP_DATE = String.raw`(?:\s+Q\d+n)?\s+(?:pr\.?\s+|per\s+|for\s+|efter\s+|ved\s+)?T(\d+)|(?:\s+[\p{L}]+){1,4}?\s+(?:pr\.?|per)\s+T(\d+)`;
const FOLLOW_UP_NAMED = new RegExp(`${FOLLOW_UP_NOUN}(?:${FOLLOW_UP_DATE})`, 'u');

const HALF_YEAR_ACCOUNTS = /\bhalvårsregnskab(?:et)?\s+((?:19|20)\d{2})\b/i;

/** The words the view test below needs, in the raw text (a soft hyphen may split them there): the cheap test first. */
const FOLLOW_UP_HINT = /budgetopfølgning|forventet|prognose|halvårsregnskab/iu;
const mayNameFollowUp = (text: string) => text.includes('\u00ad') || FOLLOW_UP_HINT.test(text);

/** The follow-up's period: "3. kvartal 2024" → 2024-Q3, "pr. 31. maj 2025" → 2025-05, else the year. */
function followUpPeriod(ctx: ItemContext): string | null {
	const sources = [ctx.item.title, ...ctx.layout.tables.map((t) => t.caption ?? '')];
	// "Halvårsregnskab 2025": the accounts of the first half of that year.
	for (const src of sources) {
		const half = HALF_YEAR_ACCOUNTS.exec(src);
		if (half) return `${half[1]}-H1`;
	}
	for (const src of sources) {
		const periods = findPeriods(src);
		const dated = periods.find((p) => DATED.has(p.kind) && p.period)?.period ?? yearDatedDay(periods);
		if (dated) return dated;
	}
	// The first sentence that names the follow-up with its date ("Budgetopfølgning 3 pr. 30. september 2024").
	for (const sc of ctx.sentences) {
		if (!mayNamePeriod(sc.sentence.text) || !sc.periods.length || !mayNameFollowUp(sc.sentence.text) || !/budgetopfølgning|forventet regnskab|prognose|halvårsregnskab/.test(sc.view.view)) continue;
		const m = FOLLOW_UP_NAMED.exec(sc.view.view);
		const p = m ? sc.view.periods[Number(m[1] ?? m[2])] : undefined;
		if (p && DATED.has(p.kind)) {
			const r = resolvePeriod(p, ctx.titleYear ?? ctx.meetingYear, ctx.meetingYear);
			if (r) return r;
		}
	}
	return ctx.titleYear ? String(ctx.titleYear) : null;
}

const MAGISTRAT = /Magistratsafdelingen\s+for\s+[A-ZÆØÅ][a-zæøå]+(?:\s+og\s+[A-ZÆØÅ][a-zæøå]+)?/;
const COMMITTEE = /((?:[A-ZÆØÅ][a-zæøå]+-,?\s+)*(?:[A-ZÆØÅ][a-zæøå]+-\s+og\s+)?[A-ZÆØÅ][a-zæøå]*udvalg)(?:ets|et|s)?/;

export function subjectOf(ctx: ItemContext): string {
	for (const src of [ctx.item.title, ...ctx.layout.tables.map((t) => t.caption ?? '')]) {
		const named = committeeIn(src);
		if (named) return named;
	}
	return ctx.committee ?? 'hele kommunen';
}

export function scopeOf(text: string): 'anlæg' | 'serviceramme' | null {
	if (/anlæg/i.test(text)) return 'anlæg';
	if (/serviceramme/i.test(text)) return 'serviceramme';
	return null;
}

export function scoped(area: string, scope: string | null, metric: string): string {
	if (!scope || metric === 'serviceramme' || metric === 'afvigelse_serviceramme') return area;
	return `${area}, ${scope}`;
}

export function committeeIn(text: string): string | null {
	const mag = MAGISTRAT.exec(text);
	if (mag) return mag[0].replace(/\s+/g, ' ');
	// "Udvalgets drift" names no committee of its own: the one that meets is the subject.
	const m = [...text.matchAll(COMMITTES)].find((c) => !/^Udvalg$/.test(c[1]));
	return m && !/^Økonomiudvalg$/.test(m[1]) ? `${m[1]}et`.replace(/\s+/g, ' ') : null;
}

// ---- prose ----

/** What one amount is, read from the cues around it. */
interface Reading {
	kind: 'level' | 'deviation' | 'continuation';
	/** The level's metric, or 'mer' / 'mindre' for a deviation. */
	concept: string;
	sign: number;
	scope?: 'serviceramme';
	/** The cue that bound the amount, so it is no reference for another amount. */
	cue: CueHit | null;
}

interface Figure {
	i: number;
	at: number;
	end: number;
}

/** A level binds the amount after one of these (or right before it: "er det korrigerede budget 701,4 mio. kr."). */
const LEVEL_LINK = /(?:^\s*|(?:^|\s)(?:på|er|var|udgør|udgjorde|blev|bliver|lyder på|lød på|endte på|ender på|opgjort til|anslås til|skønnes til|beløber sig til|af|i alt|:)(?:\s+(?:samlet set|samlet|i alt|nu|dermed|således|netto|brutto))*)\s*(?:kr\.?\s*)?$/;
/** A budget after one of these is what a deviation is measured against. */
const REFERENCE_BEFORE = /(?:i forhold til|ift\.?|Q\d+k\s+(?:kr\.?\s+)?(?:over|under)(?:\s+(?:udvalgets|kommunens)(?:\s+andel\s+af)?)?|sammen(?:holdt|lignet) med|målt (?:op )?(?:i forhold til|mod|imod)|holdt op (?:i)?mod|end|mod|(?:overskrid|overskred|underskrid|merforbrug|mindreforbrug)\w*(?:\s+(?:af|på))?)\s+(?:det\s+|den\s+|et\s+|sit\s+|sin\s+|de\s+|udvalgets\s+|kommunens\s+)?(?:oprindeligt\s+|senest\s+)?$/;
const MAX_GAP_WORDS = 12;
const LEVEL_VERB_END = /\s(?:udgør|udgjorde|er|var|blev|er opgjort til|lyder på|beløber sig til)(?: samlet set| i alt| samlet)?\s*(?:kr\.?\s*)?$/;
const AREA_AFTER = /^\s*(?:kr\.?\s*)?(?:\S+\s+){0,2}(?:til|på|for|inden for|under)\s+(?:det\s+|den\s+)?$/;
const RANGE_BEFORE = /mellem\s+Q\d+[a-z]*\s+og\s+$/;
const PARTITIVE_AFTER = /^\s*(?:kr\.?\s*)?af\s+(?:det\s+|den\s+|de\s+)?(?:mer|mindre)forbrug/;

const REF_OF_METRIC: Record<string, Ref> = { afvigelse_korrigeret_budget: 'korrigeret', afvigelse_vedtaget_budget: 'vedtaget' };

function proseFacts(ctx: ItemContext, followUp: string | null, subject: string, labels: string[], tableRef: Ref | null): FactDraft[] {
	const out: FactDraft[] = [];
	const areas = areaIndex(labels);
	// The follow-up's basis, for a deviation that names none ("Ved 1. kvartal var forventningen et merforbrug på 3,8 mio. kr."):
	// the budget its table measures against, else the first one the prose measures against.
	let itemRef: Ref | null = tableRef;
	// The paragraph's last deviation, carried on by "steg dette til", "lød skønnet på".
	let memory: { sign: number; ref: Ref | null; area: string; para: number } | null = null;
	let para = -1;
	let paraArea: string | null = null;
	// The levels the paragraph has read so far, for a deviation a later sentence states ("… et korrigeret budget på 812,6 mio. kr. Det giver et mindreforbrug på 5,7 mio. kr.").
	let paraLevels: { reading: Reading | null; value: number }[] = [];
	for (const sc of ctx.sentences) {
		if (para !== sc.sentence.paragraph) {
			para = sc.sentence.paragraph;
			paraArea = null;
			paraLevels = [];
		}
		if (!sc.sentence.figures && !mayNamePeriod(sc.sentence.text)) continue;
		const qs = sc.view.quantities;
		// Work only around amounts.
		if (!qs.some((q) => q.unit === 'kr')) {
			if (qs.length || sc.view.periods.length) paraArea = namedAreaIn(sc.sentence.text) ?? paraArea;
			continue;
		}
		const view = sc.view.view;
		// "Rammen overskrides med …" is the serviceramme only where the paragraph has named it.
		const rammeNamed = /serviceramme/.test(view) || /serviceramme/.test(sc.carriedText);
		const hits = cuesIn(view).filter((h) => rammeNamed || !/^rammens?$/.test(view.slice(h.start, h.end)));
		const mentions = areaMentions(sc, areas);
		const pointLabel = listPointLabel(sc.sentence.text);
		if (pointLabel && !mentions.some((m) => m.at === 0)) mentions.push({ at: 0, area: pointLabel });
		mentions.sort((a, b) => a.at - b.at);
		const sentenceArea = mentions.length ? mentions[0].area : null;
		const headingArea = sc.sentence.heading ? headingAreaOf(sc.sentence.heading, areas) : null;
		const anlaegHeading = /anlæg/i.test(sc.sentence.heading ?? '');
		const figures: Figure[] = qs.map((_, i) => {
			const at = sc.view.qAt[i];
			const token = /^Q\d+[a-z]*/.exec(view.slice(at))![0];
			return { i, at, end: at + token.length };
		});
		// A reference stated earlier in the sentence, for "…, og den forventes overskredet med …".
		let sentenceRef: Ref | null = null;
		for (const clause of splitClauses(view)) {
			const inClause = figures.filter((f) => f.at >= clause.start && f.at < clause.end).sort((a, b) => a.at - b.at);
			const clauseHits = hits.filter((h) => h.start >= clause.start && h.end <= clause.end);
			const readings: (Reading | null)[] = [];
			inClause.forEach((f, j) => {
				const q = qs[f.i];
				const prevEnd = j > 0 ? inClause[j - 1].end : clause.start;
				const nextAt = j + 1 < inClause.length ? inClause[j + 1].at : clause.end;
				let r = q.unit === 'kr' ? readingOf(view, f, clauseHits, prevEnd, nextAt) : null;
				if (r === undefined) r = j > 0 && /^\s*(?:kr\.?\s*)?(?:[^,.]{0,60}\s)?(?:og|samt|,)\s+(?:på\s+|med\s+)?$/.test(view.slice(prevEnd, f.at)) && !clauseHits.some((h) => h.start >= prevEnd && h.end <= f.at && h.concept.role !== 'relation' && !isReference(view, h)) ? readings[j - 1] : null;
				if (q.unit !== 'kr' || q.approx || q.bound || q.range || RANGE_BEFORE.test(view.slice(clause.start, f.at))) r = null;
				if (r && PARTITIVE_AFTER.test(view.slice(f.end, nextAt))) r = null;
				readings.push(r ?? null);
			});
			inClause.forEach((f, j) => {
				const r = readings[j];
				if (!r) return;
				const q = qs[f.i];
				const nextAt = j + 1 < inClause.length ? inClause[j + 1].at : clause.end;
				const bound = new Set(readings.map((x) => x?.cue).filter(Boolean));
				const area = areaNear(view, mentions, clause, f) ?? (/udvalg/.test(clause.text) ? subject : null) ?? mentions.find((m) => m.at < f.at)?.area ?? paraArea ?? headingArea ?? subject;
				if (r.kind === 'continuation' && !(memory && memory.para === para)) return;
				if (r.kind === 'deviation' || r.kind === 'continuation') {
					const carried = r.kind === 'continuation' ? memory : null;
					const named = referenceOf(view, clauseHits, f, nextAt, inClause[inClause.length - 1].end, bound);
					// No budget named with it: the levels beside it may say which one it is measured against (afvigelse = budget − forbrug).
					const own =
						named ??
						arithmeticRef(inClause.map((g, k) => ({ reading: readings[k], value: qs[g.i].value })), q.value) ??
						// "Udvalgets serviceramme på 540,7 mio. kr. ventes overholdt med et mindreforbrug på 0,8 mio. kr.": the budget the clause is about.
						subjectRef(clauseHits, f) ??
						sentenceRef ??
						arithmeticRef(paraLevels, q.value);
					const ref = own ?? carried?.ref ?? itemRef;
					if (own && own !== 'serviceramme' && !itemRef) itemRef = own;
					const period = figurePeriod(ctx, sc, clause, f, followUp);
					if (!period) return;
					const sign = carried ? carried.sign : r.sign;
					const devArea = carried && !areaNear(view, mentions, clause, f) ? carried.area : area;
					memory = { sign, ref, area: devArea, para };
					const metric = ref === 'vedtaget' ? 'afvigelse_vedtaget_budget' : ref === 'korrigeret' ? 'afvigelse_korrigeret_budget' : ref === 'serviceramme' ? 'afvigelse_serviceramme' : 'afvigelse';
					const factArea = ref === 'serviceramme' ? rammeArea(clause.text, sc.sentence.text, subject) : scoped(devArea, anlaegHeading ? 'anlæg' : null, metric);
					out.push(draft('budget', metric, ctx.municipality, factArea, period, sign * Math.abs(q.value), 'kr', sc, carried ? 'budget.afvigelse_fortsat' : `budget.${metric}`));
					return;
				}
				if (r.concept === 'tillaegsbevilling') {
					const prevEnd = j > 0 ? inClause[j - 1].end : clause.start;
					const nextCue = clauseHits.find((h) => h.start >= f.end)?.start ?? clause.end;
					const last = inClause[inClause.length - 1];
					const year =
						yearIn(sc, prevEnd, Math.min(nextAt, nextCue)) ??
						yearIn(sc, last.end, clause.end) ??
						statedYear(sc, clause) ??
						(followUp ? followUp.slice(0, 4) : ctx.titleYear ? String(ctx.titleYear) : null);
					if (!year) return;
					const value = r.sign < 0 ? -Math.abs(q.value) : q.value;
					// Granted to the row its clause names, else to the committee.
					const grantee = areaNear(view, mentions, clause, f) ?? mentions.find((m) => m.at < f.at)?.area ?? subject;
					out.push(draft('budget', 'tillaegsbevilling', ctx.municipality, grantee, year, value, 'kr', sc, 'budget.tillaegsbevilling'));
					return;
				}
				const period = figurePeriod(ctx, sc, clause, f, followUp);
				if (!period) return;
				// The final accounts belong to a closed year, never to a follow-up date.
				if (r.concept === 'regnskab' && !/^\d{4}$/.test(period)) return;
				const levelArea =
					r.concept === 'serviceramme'
						? rammeArea(clause.text, sc.sentence.text, subject)
						: r.scope === 'serviceramme'
							? `${committeeIn(sc.sentence.text) ?? subject}, serviceramme`
							: scoped(area, anlaegHeading ? 'anlæg' : null, r.concept);
				paraLevels.push({ reading: r, value: q.value });
				out.push(draft('budget', r.concept, ctx.municipality, levelArea, period, q.value, 'kr', sc, `budget.${r.concept}`));
			});
			for (const h of clauseHits) if (h.concept.ref) sentenceRef = h.concept.ref;
		}
		if (sentenceArea) paraArea = sentenceArea;
	}
	return out;
}

/**
 * The reading of one amount from the nearest cue before it (after the previous amount).
 * `undefined` when no cue stands there (an ellipsis may copy the previous amount's reading).
 */
function readingOf(view: string, f: Figure, hits: CueHit[], prevEnd: number, nextAt: number): Reading | null | undefined {
	const before = hits.filter((h) => h.start >= prevEnd && h.end <= f.at && h.concept.role !== 'relation');
	// "3,4 mio. kr. mere end ved budgetopfølgning 2": a change, not a figure.
	const after = hits.find((h) => h.start >= f.end && h.end <= nextAt);
	const afterGap = after ? view.slice(f.end, after.start) : '';
	// "3,2 mio. kr. mere end det korrigerede budget": a deviation named after its amount.
	const beyond = after && /^(?:mere|mindre|højere|lavere) end$/.test(view.slice(after.start, after.end)) ? hits.find((h) => h.start >= after.end && h.end <= nextAt) : undefined;
	if (beyond && beyond.concept.ref && /^\s*(?:det\s+|den\s+)?$/.test(view.slice(after!.end, beyond.start)) && /^\s*(?:kr\.?\s*)?$/.test(afterGap))
		return { kind: 'deviation', concept: 'end', sign: /^(?:mere|højere)/.test(view.slice(after!.start, after!.end)) ? -1 : 1, cue: after! };
	if (after && after.concept.role === 'block' && /^\s*(?:kr\.?\s*)?(?:\S+\s+)?$/.test(afterGap)) return null;
	// "19,9 mio. kr. over det oprindelige budget": an amount above or below a budget is its deviation.
	const beside = after && after.concept.ref ? /^\s*(?:kr\.?\s*)?(over|under)\s+(?:det\s+|den\s+|(?:udvalgets|kommunens)\s+(?:andel\s+af\s+)?)?$/.exec(afterGap) : null;
	if (beside) return { kind: 'deviation', concept: 'end', sign: beside[1] === 'over' ? -1 : 1, cue: after! };
	// "2,1 mio. kr. i mindreforbrug": the deviation right after its amount, when nothing before it names one.
	// "12,7 mio. kr. mere end budgetteret": the deviation named by a comparison right after its amount.
	const compared = after && /^(?:mere|mindre) end/.test(view.slice(after.start, after.end)) && /^\s*(?:kr\.?\s*)?$/.test(afterGap);
	const rightDeviation = after && after.concept.role === 'deviation' && after.concept.sign && (compared || /^\s*(?:kr\.?\s*)?i\s+(?:samlet\s+)?$/.test(afterGap)) ? after : undefined;
	for (let k = before.length - 1; k >= 0; k--) {
		const h = before[k];
		const gap = view.slice(h.end, f.at);
		// Far from its amount a cue binds only through a verb ("… og udgør samlet set 404,1 mio. kr.").
		if (gap.trim().split(/\s+/).filter(Boolean).length > MAX_GAP_WORDS && !LEVEL_VERB_END.test(gap)) return undefined;
		const c = h.concept;
		// "budget for nettoanlægsudgifterne": what the budget covers, not what the amount is.
		if (c.concept === 'anlaeg' && k > 0 && /budget\w*\s+(?:for|til)\s+(?:det\s+|de\s+)?$/.test(view.slice(before[k - 1].start, h.start))) continue;
		if (c.role === 'block') return null;
		// "overførsel af mindreforbrug på 4,8 mio. kr.", "dækning af merforbrug på …": the amount is what the other noun says.
		if (c.role === 'deviation' && k > 0 && before[k - 1].concept.role === 'block' && /^\s+af\s+(?:det\s+|den\s+|årets\s+)?$/.test(view.slice(before[k - 1].end, h.start))) return null;
		if (c.role === 'deviation') return c.sign ? { kind: 'deviation', concept: c.concept, sign: c.sign, cue: h } : null;
		// A continuation is the weakest cue: a level or deviation before it in the window wins ("Det forventede regnskab lyder på").
		if (c.role === 'continuation') {
			if (before.slice(0, k).some((x) => x.concept.role === 'level' || x.concept.role === 'deviation')) continue;
			return gap.trim().split(/\s+/).length <= 3 ? { kind: 'continuation', concept: c.concept, sign: 0, cue: h } : undefined;
		}
		// A budget named as the reference ("målt mod det korrigerede budget") is a level only when the amount follows at once
		// and no merforbrug before it still waits for its amount ("et mindreforbrug i forhold til korrigeret budget på 4,6 mio. kr.").
		if (isReference(view, h)) {
			const open = before.slice(0, k).some((x) => x.concept.role === 'deviation');
			if (!open && /^\s*(?:,\s*(?:som|der)\s+)?(?:på|udgør|er|var|lyder på|:)\s*(?:kr\.?\s*)?$/.test(gap) && !/(?:overskrid|overskred|underskrid)\w*\s+(?:\S+\s+)?$/.test(view.slice(Math.max(0, h.start - 30), h.start))) return { kind: 'level', concept: c.concept, sign: 1, scope: c.scope, cue: h };
			continue;
		}
		if (!LEVEL_LINK.test(gap)) return undefined;
		return { kind: 'level', concept: c.concept, sign: c.sign ?? 1, scope: c.scope, cue: h };
	}
	if (rightDeviation) return { kind: 'deviation', concept: rightDeviation.concept.concept, sign: rightDeviation.concept.sign!, cue: rightDeviation };
	return undefined;
}

/** The one budget named before the deviation in its clause, when it is the only one (a level it also gives). */
function subjectRef(hits: CueHit[], f: Figure): Ref | null {
	const refs = [...new Set(hits.filter((h) => h.concept.ref && h.end <= f.at).map((h) => h.concept.ref!))];
	return refs.length === 1 ? refs[0] : null;
}

/** The budget whose gap to the forventet forbrug stated beside it is the deviation's size, when exactly one is. */
function arithmeticRef(levels: { reading: Reading | null; value: number }[], deviation: number): Ref | null {
	const of = (concept: string) => levels.filter((l) => l.reading?.kind === 'level' && l.reading.concept === concept).map((l) => l.value);
	const forbrug = [...of('forventet_forbrug'), ...of('regnskab')];
	if (forbrug.length !== 1) return null;
	const fits = (['vedtaget', 'korrigeret'] as const).filter((ref) => {
		const budgets = of(`${ref}_budget`);
		return budgets.length === 1 && Math.abs(Math.abs(budgets[0] - forbrug[0]) - Math.abs(deviation)) <= Math.max(1, Math.abs(deviation) * 0.02);
	});
	return fits.length === 1 ? fits[0] : null;
}

function isReference(view: string, h: CueHit): boolean {
	return !!h.concept.ref && REFERENCE_BEFORE.test(view.slice(Math.max(0, h.start - 40), h.start));
}

/** The budget a deviation is measured against: named right after the amount, else before it in the clause. */
function referenceOf(view: string, hits: CueHit[], f: Figure, nextAt: number, lastEnd: number, bound: Set<CueHit | null | undefined>): Ref | null {
	// A budget after "målt mod" stays the reference even when it also binds the amount after it (", som udgør 743,5 mio. kr.").
	const refs = hits.filter((h) => h.concept.ref && (!bound.has(h) || isReference(view, h)));
	const after = refs.find((h) => h.start >= f.end && h.start < nextAt);
	if (after) return after.concept.ref!;
	const before = refs.filter((h) => h.end <= f.at);
	if (before.length) return before[before.length - 1].concept.ref!;
	// "… på ældreområdet og et merforbrug på 3,4 mio. kr. på handicapområdet i forhold til korrigeret budget": the clause's last words cover all its amounts.
	const trailing = refs.filter((h) => h.start >= lastEnd);
	return trailing.length ? trailing[0].concept.ref! : null;
}

/** The serviceramme belongs to the committee the sentence names, or the whole municipality's. */
function rammeArea(clause: string, sentence: string, subject: string): string {
	if (/kommunens (?:samlede )?serviceramme/.test(clause) && !/andel/.test(clause)) return 'hele kommunen';
	return committeeIn(sentence) ?? subject;
}

function splitClauses(view: string): { start: number; end: number; text: string }[] {
	const out: { start: number; end: number; text: string }[] = [];
	const re = /;|, men |, mens | mens |, og |, hvor |, fordi |, idet |, hvilket |, så |(?<![^a-zæøå0-9][a-zæøå]{1,4}|\.[a-zæøå]{1,3})\. | og (?=ved |i \d|for )/g;
	let s = 0;
	for (let m = re.exec(view); m; m = re.exec(view)) {
		out.push({ start: s, end: m.index, text: view.slice(s, m.index) });
		s = m.index + m[0].length;
	}
	out.push({ start: s, end: view.length, text: view.slice(s) });
	return out;
}

// ---- areas ----

/** "• Handicap og psykiatri – korrigeret budget …", "Hjælpemidler: forventet forbrug …": the point's label is its area. */
const POINT_LABEL = /^(?:[•▪◦·*\-–]\s+)?([\p{Lu}][\p{L}]*(?:[ ,-]+[\p{L}]+){0,5}?)\s*(?:\s[–-]|:)\s+\S/u;

function listPointLabel(sentence: string): string | null {
	const m = POINT_LABEL.exec(sentence);
	if (!m) return null;
	const label = m[1].trim();
	// A label that is itself a budget word ("Korrigeret budget: 541,3") names a metric, not an area.
	return cuesIn(label.toLowerCase()).length ? null : label;
}

/** A table row, committee or field a heading names. */
function headingAreaOf(heading: string, index: AreaIndex): string | null {
	const found = textMentions(heading, index).sort((a, b) => a.pos - b.pos);
	return found.length ? found[0].area : null;
}

/** A committee or field named in a sentence without amounts. */
function namedAreaIn(text: string): string | null {
	const field = /\bpå\s+(?:det\s+)?([a-zæøå-]+området)\b/i.exec(text);
	return committeeIn(text) ?? (field ? fieldNamed(field[1]) : null);
}

interface AreaIndex {
	/** Lower-cased row labels as printed, longest first. */
	phrases: { phrase: string; re: RegExp; label: string }[];
	/** Stem of a long word → the one label it names (null when it names several). */
	stems: Map<string, string | null>;
}

const COMMITTES = new RegExp(COMMITTEE.source, 'g');
const FIELDS = /\bpå\s+(?:det\s+)?([a-zæøå-]+området)\b/gi;

/** Words every budget text uses: they name no row. */
const GENERIC_WORD = /serviceramme|udvalg/i;

function stem(word: string): string {
	return word.toLowerCase().replace(/[^a-zæøå]/g, '').replace(/(?:erne|ernes|ene|ets|et|en|er|ne|e|s)$/, '');
}

/** Built once per item: the table rows prose may name. */
function areaIndex(labels: string[]): AreaIndex {
	const uniq = [...new Set(labels)].filter((l) => !/^i alt$/i.test(l.trim()));
	const phrases = uniq
		.map((label) => {
			const phrase = label.toLowerCase().replace(/\s+/g, ' ').trim();
			return { phrase, re: new RegExp(phrase.split(' ').map(RE_ESCAPE).join(' \\u0000*')), label };
		})
		.filter((p) => p.phrase.length >= 4);
	phrases.sort((a, b) => b.phrase.length - a.phrase.length);
	const stems = new Map<string, string | null>();
	for (const l of uniq)
		for (const w of l.split(/[\s,()]+/))
			if (w.length >= 8 && !GENERIC_WORD.test(w)) {
				const s = stem(w);
				stems.set(s, stems.has(s) && stems.get(s) !== l ? null : l);
			}
	return { phrases, stems };
}

interface AreaMention {
	/** Position in the sentence's view. */
	at: number;
	area: string;
}

/** Table rows, committees and fields the sentence names, placed in its view. */
function areaMentions(sc: SentenceContext, index: AreaIndex): AreaMention[] {
	return textMentions(sc.sentence.text, index).map((m) => ({ at: viewPosOf(sc, sc.sentence.start + m.pos), area: m.area }));
}

/** Table rows (as printed, else by a long word's stem), committees and fields named in `text`, by offset. */
function textMentions(text: string, index: AreaIndex): { pos: number; end: number; area: string }[] {
	const found: { pos: number; end: number; area: string }[] = [];
	const lower = text.toLowerCase().replace(/\s+/g, (w) => (w.length === 1 ? ' ' : ' ' + '\u0000'.repeat(w.length - 1)));
	const plain = fold(text);
	for (const { phrase, re, label } of index.phrases) {
		const at = plain.includes(phrase) ? (re.exec(lower)?.index ?? -1) : -1;
		if (at >= 0 && !found.some((m) => m.pos <= at && at < m.end)) found.push({ pos: at, end: at + phrase.length, area: label });
	}
	if (!found.length && index.stems.size)
		for (const m of text.matchAll(/[\p{L}-]{8,}/gu)) {
			const hit = index.stems.get(stem(m[0]));
			if (hit) found.push({ pos: m.index!, end: m.index! + m[0].length, area: hit });
		}
	const mag = MAGISTRAT.exec(text);
	if (mag) found.push({ pos: mag.index, end: mag.index + mag[0].length, area: mag[0].replace(/\s+/g, ' ') });
	else
		for (const m of text.matchAll(COMMITTES)) {
			const named = committeeIn(m[0]);
			if (named) found.push({ pos: m.index!, end: m.index! + m[0].length, area: named });
		}
	for (const m of text.matchAll(FIELDS)) {
		const fieldArea = fieldNamed(m[1]);
		const at = m.index! + m[0].length - m[1].length;
		if (fieldArea) found.push({ pos: at, end: at + m[1].length, area: fieldArea });
	}
	return found;
}

const RE_ESCAPE = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (s: string) => s.toLowerCase().replace(/\u00ad/g, '').replace(/\s+/g, ' ');

/** The position in the sentence's view of a text offset: the nearest token before it anchors the count. */
function viewPosOf(sc: SentenceContext, offset: number): number {
	const v = sc.view;
	let anchorText = v.start;
	let anchorView = 0;
	const consider = (start: number, end: number, at: number) => {
		if (end <= offset && end > anchorText) {
			anchorText = end;
			anchorView = at + /^[QT]\d+[a-z]*/.exec(v.view.slice(at))![0].length;
		}
	};
	v.quantities.forEach((q, i) => consider(q.start, q.end, v.qAt[i]));
	v.periods.forEach((p, i) => consider(p.start, p.end, v.tAt[i]));
	return anchorView + fold(sc.sentence.text.slice(anchorText - sc.sentence.start, offset - sc.sentence.start)).length;
}

/** The area named in the amount's clause, nearest to it; after the amount only at once ("2,2 mio. kr. til Ældre og pleje"). */
function areaNear(view: string, mentions: AreaMention[], clause: { start: number; end: number }, f: Figure): string | null {
	const inClause = mentions.filter((m) => m.at >= clause.start && m.at < clause.end && (m.at < f.at || AREA_AFTER.test(view.slice(f.end, m.at))));
	if (!inClause.length) return null;
	return inClause.sort((a, b) => Math.abs(a.at - f.at) - Math.abs(b.at - f.at))[0].area;
}

// ---- periods ----

function periodsInClause(sc: SentenceContext, clause: { start: number; end: number }): { p: PeriodMention; at: number }[] {
	const view = sc.view.view;
	return sc.view.periods
		.map((p, i) => ({ p, at: sc.view.tAt[i] }))
		.filter(({ at }) => at >= clause.start && at < clause.end && !ADOPTED_WHEN.test(view.slice(Math.max(0, at - 24), at)));
}
/** "det budget, byrådet vedtog i oktober 2024": when the budget was adopted, not the period of the figure. */
const ADOPTED_WHEN = /\bvedtog(?: det)? (?:i |den )?$/;

/** A figure's own period: a date or quarter in its clause, a closed year ("Sidste år", "i 2024"), else the follow-up's. */
function figurePeriod(ctx: ItemContext, sc: SentenceContext, clause: { start: number; end: number }, f: Figure, followUp: string | null): string | null {
	const year = followUp ? Number(followUp.slice(0, 4)) : ctx.titleYear;
	const near = periodsInClause(sc, clause).sort((a, b) => Math.abs(a.at - f.at) - Math.abs(b.at - f.at));
	const dated = near.find(({ p }) => DATED.has(p.kind));
	if (dated) return resolvePeriod(dated.p, year ?? ctx.meetingYear, ctx.meetingYear);
	const closed = near.find(({ p }) => (p.kind === 'relative' && p.offset) || (p.kind === 'year' && p.period && Number(p.period) !== year));
	if (closed) {
		const r = resolvePeriod(closed.p, year ?? ctx.meetingYear, ctx.meetingYear);
		// A later year's budget in a follow-up is a proposal ("budget 2026-2029"), not a key figure.
		if (r && year && Number(r.slice(0, 4)) > year) return null;
		if (r) return r;
	}
	return followUp ?? (ctx.titleYear ? String(ctx.titleYear) : sc.carriedPeriod && /^\d{4}$/.test(sc.carriedPeriod) ? sc.carriedPeriod : null);
}

/** A year stated between two view positions ("for 2024 på 6,0 mio. kr.", "… til Ældre og pleje i 2025"). */
function yearIn(sc: SentenceContext, from: number, to: number): string | null {
	const i = sc.view.periods.findIndex((p, k) => sc.view.tAt[k] >= from && sc.view.tAt[k] < to && p.period && /^\d{4}/.test(p.period));
	return i >= 0 ? sc.view.periods[i].period!.slice(0, 4) : null;
}

/** A year stated elsewhere in the sentence, outside the amount's clause. */
function statedYear(sc: SentenceContext, clause: { start: number; end: number }): string | null {
	return yearIn(sc, 0, clause.start) ?? yearIn(sc, clause.end, sc.view.view.length);
}

// ---- plausibility ----

const LEVELS = new Set(['vedtaget_budget', 'korrigeret_budget', 'serviceramme', 'forventet_forbrug']);

/**
 * Readings the arithmetic rules out are left out: a deviation about as large as the budget it
 * deviates from is a level misread. A deviation with no reference named takes the budget for which
 * budget − forventet forbrug gives it, when exactly one does.
 */
function plausible(prose: FactDraft[], tables: FactDraft[]): FactDraft[] {
	const all = [...tables, ...prose];
	// A level read from the deviation's own sentence may be the misreading, so it does not judge the deviation.
	const levelsOf = (d: FactDraft) => all.filter((l) => LEVELS.has(l.metric) && l.start !== d.start && l.period === d.period && l.area === d.area);
	const out: FactDraft[] = [];
	for (const d of prose) {
		if (!d.metric.startsWith('afvigelse')) {
			out.push(d);
			continue;
		}
		const levels = levelsOf(d);
		const budgets = levels.filter((l) => l.metric !== 'forventet_forbrug');
		// Anlæg budgets are lumpy: a project may overrun its whole budget.
		if (!d.area.endsWith(', anlæg') && budgets.some((b) => b.value > 0 && Math.abs(d.value) >= 0.9 * b.value)) continue;
		if (d.metric === 'afvigelse') {
			const forbrug = levels.filter((l) => l.metric === 'forventet_forbrug' && !l.area.endsWith(', serviceramme'));
			const tol = Math.max(50_000, Math.abs(d.value) * 0.02);
			const fits = new Set(
				budgets
					.filter((b) => b.metric !== 'serviceramme' && forbrug.some((fb) => Math.abs(b.value - fb.value - d.value) <= tol))
					.map((b) => b.metric)
			);
			if (fits.size === 1) {
				const metric = `afvigelse_${[...fits][0]}`;
				out.push({ ...d, metric, rule: `budget.${metric}` });
				continue;
			}
		}
		out.push(d);
	}
	return out;
}
