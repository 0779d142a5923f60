/** How often each extraction rule fired on a folder, and how often it was right. */
import type { ExpectedFact } from './expected';
import { KEY_FAMILY_NAMES } from './expected';
import { sameValue, type PredictedFact } from './score';

export interface RuleStat {
	rule: string;
	families: string[];
	/** Facts the rule produced (copies included). */
	facts: number;
	/** Of those in a key family: facts that equal an expected fact (strict). */
	correct: number;
	/** Of those in a key family: facts that equal no expected fact. */
	wrong: number;
	/** Facts in families not scored (wider families, or key families left out with --family). */
	unscored: number;
}

function isExpected(p: PredictedFact, expected: ExpectedFact[]): boolean {
	return expected.some(
		(e) =>
			e.family === p.family &&
			e.file === p.file &&
			e.metric === p.metric &&
			e.entity === p.entity &&
			e.area === p.area &&
			e.period === p.period &&
			e.unit === p.unit &&
			sameValue(e.value, p.value)
	);
}

/**
 * Per rule: facts produced, right and wrong (in the scored families). Rules named in `knownRules` that produced nothing
 * are listed with zero facts, so dead rules show. Sorted by facts produced, then name.
 */
export function ruleStats(
	predicted: PredictedFact[],
	expected: ExpectedFact[],
	knownRules: readonly string[] = [],
	scoredFamilies: readonly string[] = KEY_FAMILY_NAMES
): RuleStat[] {
	const byRule = new Map<string, RuleStat & { familySet: Set<string> }>();
	const stat = (rule: string) => {
		let s = byRule.get(rule);
		if (!s) {
			s = { rule, families: [], facts: 0, correct: 0, wrong: 0, unscored: 0, familySet: new Set() };
			byRule.set(rule, s);
		}
		return s;
	};
	for (const rule of knownRules) stat(rule);
	for (const p of predicted) {
		const s = stat(p.rule || '(no rule)');
		s.facts++;
		s.familySet.add(p.family);
		if (!scoredFamilies.includes(p.family)) s.unscored++;
		else if (isExpected(p, expected)) s.correct++;
		else s.wrong++;
	}
	return [...byRule.values()]
		.map(({ familySet, ...s }) => ({ ...s, families: [...familySet].sort() }))
		.sort((a, b) => b.facts - a.facts || a.rule.localeCompare(b.rule));
}
