/**
 * Why an expected fact was missed, diagnosed after the fact from the items, the predictions and
 * the extractor's `dropped` trace (figures it considered and left out):
 *   plausibility / any stage the trace names: the extractor considered the figure and abstained;
 *   context: a fact with the same value and metric came from the evidence, with another period, entity or area;
 *   slot: a fact with the same value came from the evidence, with another metric or unit;
 *   segment: the evidence is not inside an agenda item, or inside another item than the key names;
 *   table: the evidence is a table row and nothing came from that row;
 *   not seen: nothing with that value came from the evidence, and no trace says why.
 */
import type { Dropped, Item } from '../extract/types';
import type { ExpectedFact } from './expected';
import { sameValue, type PredictedFact } from './score';

export type MissStage = 'segment' | 'table' | 'slot' | 'context' | 'plausibility' | 'not seen';
export const MISS_STAGES: readonly MissStage[] = ['segment', 'table', 'slot', 'context', 'plausibility', 'not seen'];

export interface Explanation {
	stage: MissStage;
	detail: string;
}

export interface FileTrace {
	text: string;
	items: Item[];
	dropped: Dropped[];
	/** The file's predictions, with offsets. */
	predicted: (PredictedFact & { char_start: number; char_end: number })[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the evidence stands in the text, whitespace-insensitive. */
export function evidenceSpan(text: string, evidence: string): { start: number; end: number } | null {
	const words = evidence.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return null;
	const m = new RegExp(words.map(escape).join('\\s+')).exec(text);
	return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const overlaps = (a: { start: number; end: number }, s: number, e: number) => s < a.end && e > a.start;
const isTableRow = (e: ExpectedFact) => e.table !== undefined || (e.evidence !== undefined && !/[.!?]\s*$/.test(e.evidence.trim()) && /\d\s*%?\s*$/.test(e.evidence.trim()));

export function explainMiss(e: ExpectedFact, trace: FileTrace): Explanation {
	const span = e.evidence === undefined ? null : evidenceSpan(trace.text, e.evidence);
	if (!span) return { stage: 'not seen', detail: 'the evidence is not in the text' };
	const fromEvidence = trace.predicted.filter((p) => overlaps(span, p.char_start, p.char_end));
	const drop = trace.dropped.find((d) => overlaps(span, d.start, d.end) && sameValue(d.value, e.value) && (d.metric === undefined || d.metric === e.metric));
	if (drop) return { stage: drop.stage, detail: drop.reason };
	const sameValueHere = fromEvidence.filter((p) => sameValue(p.value, e.value));
	const context = sameValueHere.find((p) => p.metric === e.metric && p.unit === e.unit);
	if (context) {
		const differs = (['period', 'entity', 'area'] as const).filter((k) => context[k] !== e[k]).map((k) => `${k} ${JSON.stringify(context[k])}`);
		return { stage: 'context', detail: `read with ${differs.join(', ') || 'the same key'} (rule ${context.rule})` };
	}
	const slot = sameValueHere[0];
	if (slot) return { stage: 'slot', detail: `read as ${slot.metric} ${slot.unit} (rule ${slot.rule})` };
	const item = trace.items.find((i) => span.start >= i.char_start && span.end <= i.char_end);
	if (!item) return { stage: 'segment', detail: 'the evidence is not inside an agenda item' };
	if (e.item_no !== undefined && item.item_no !== e.item_no) return { stage: 'segment', detail: `the evidence is in item ${item.item_no}, the key says ${e.item_no}` };
	if (isTableRow(e) && fromEvidence.length === 0) return { stage: 'table', detail: 'nothing was read from this table row' };
	if (fromEvidence.length > 0) return { stage: 'slot', detail: `the evidence gave ${fromEvidence.map((p) => `${p.metric} ${p.value}`).join(', ')}, not this figure` };
	if (figureIn(e.evidence!, e.value)) return { stage: 'slot', detail: 'the figure stands in the evidence, but no rule bound it to a metric' };
	return { stage: 'not seen', detail: 'no figure with that value is written in digits in the evidence (a number word, or not read at all)' };
}

const thousands = (n: number) => String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The ways a value can be printed in digits: as is, in thousands or millions, with Danish separators. */
function printings(value: number): string[] {
	const out = new Set<string>();
	for (const scale of [1, 1_000, 1_000_000, 1_000_000_000]) {
		const v = Math.abs(value) / scale;
		if (scale > 1 && v < 0.1) continue;
		for (const decimals of [0, 1, 2]) {
			const fixed = v.toFixed(decimals);
			if (Math.abs(Number(fixed) - v) > 1e-9) continue;
			const [whole, frac] = fixed.split('.');
			for (const w of [whole, thousands(Number(whole))]) out.add(frac ? `${w},${frac}` : w);
		}
	}
	return [...out];
}

/** Is the value printed in digits in the snippet (a whole token, not part of a longer number)? */
export function figureIn(snippet: string, value: number): boolean {
	return printings(value).some((p) => new RegExp(`(?<![\\d.,])${escape(p)}(?![\\d]|[.,]\\d)`).test(snippet));
}
