/**
 * Rules as data: a named pattern over a sentence's view, the metric each captured figure gets,
 * and examples that double as the rule's tests (Duckling-style).
 */
import { areaFor, draft, entityFor, periodFor, type FactDraft, type ItemContext, type SentenceContext } from './context';
import type { Family, Unit } from './types';

export interface Capture {
	/** Name of the regex group holding a figure token. */
	group: string;
	metric: string;
	unit: Unit;
	/** Multiply the value (e.g. -1 for merforbrug). */
	sign?: number;
}

export interface RuleExample {
	text: string;
	/** Facts as metric=value pairs, e.g. ["klagesager_antal=90", "stadfaestet_pct=52"]; [] for none. */
	facts: string[];
}

export interface Rule {
	name: string;
	family: Family;
	/** Regex over the view; groups named in `captures` hold tokens like "Q3n". */
	pattern: RegExp;
	captures: Capture[];
	/** Sentence must also match this (anywhere). */
	requires?: RegExp;
	examples: RuleExample[];
}

export interface Claim {
	rule: string;
	qi: number;
	metric: string;
}

const GLOBAL = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
	let g = GLOBAL.get(pattern);
	if (!g) {
		g = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
		GLOBAL.set(pattern, g);
	}
	return g;
}

/** Applies rules in order; a figure is claimed by the first rule that reads it. */
export function applyRules(
	rules: Rule[],
	ctx: ItemContext,
	sc: SentenceContext,
	claimed: Set<number>,
	areaFallback: (sc: SentenceContext) => string | null,
	entityOf: (qi: number) => string | null = (qi) => entityFor(ctx, sc, qi)
): FactDraft[] {
	const out: FactDraft[] = [];
	for (const rule of rules) {
		if (rule.requires && !rule.requires.test(sc.view.view)) continue;
		const re = globalOf(rule.pattern);
		re.lastIndex = 0;
		for (let m = re.exec(sc.view.view); m; m = re.exec(sc.view.view)) {
			if (m[0].length === 0) {
				re.lastIndex++;
				continue;
			}
			for (const c of rule.captures) {
				const tok = m.groups?.[c.group];
				if (!tok) continue;
				const qi = Number(/^Q(\d+)/.exec(tok)?.[1]);
				if (!Number.isFinite(qi) || claimed.has(qi)) continue;
				const q = sc.view.quantities[qi];
				if (q.range || q.bound || q.approx) continue;
				const period = periodFor(ctx, sc, qi);
				const area = areaFor(ctx, sc, areaFallback(sc));
				const entity = entityOf(qi);
				if (!period || !area || !entity) continue;
				claimed.add(qi);
				out.push(draft(rule.family, c.metric, entity, area, period, q.value * (c.sign ?? 1), c.unit, sc, rule.name));
			}
		}
	}
	return out;
}
