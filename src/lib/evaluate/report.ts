/** The evaluation as text for a terminal, and the threshold gate. */
import type { ExpectedFact } from './expected';
import type { RuleStat } from './rules';
import type { FamilyScore, PredictedFact, Score } from './score';

export interface ReportOptions {
	/** What was scored, for the heading. */
	title?: string;
	/** At most this many misses and false positives listed per family (the rest are counted). */
	maxListed?: number;
	/** Rule statistics to append. */
	rules?: RuleStat[];
	/** Known non-facts (file, snippet, why) used to annotate false positives. */
	negatives?: NegativeNote[];
}

export interface NegativeNote {
	file: string;
	evidence: string;
	note: string;
}

export const oneLine = (s: string, max = 200): string => {
	const flat = s.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
};

const pct = (x: number | null) => (x === null ? '    –' : `${(100 * x).toFixed(1).padStart(5)}%`);

const describe = (f: Pick<ExpectedFact, 'metric' | 'entity' | 'area' | 'period' | 'value' | 'unit'>) =>
	`${f.metric} = ${f.value} ${f.unit} | ${f.entity} | ${f.area} | ${f.period}`;

function group<T>(items: T[], fileOf: (t: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) {
		const file = fileOf(item);
		out.set(file, [...(out.get(file) ?? []), item]);
	}
	return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function knownNegative(p: PredictedFact, negatives: NegativeNote[]): NegativeNote | undefined {
	const quote = oneLine(p.quote, Infinity);
	return negatives.find((n) => n.file === p.file && (quote.includes(oneLine(n.evidence, Infinity)) || oneLine(n.evidence, Infinity).includes(quote)));
}

function familyLines(s: FamilyScore, options: ReportOptions): string[] {
	const max = options.maxListed ?? Infinity;
	const out: string[] = [];
	if (s.misses.length > 0) {
		out.push('', `── ${s.family}: ${s.misses.length} missed ──`);
		let listed = 0;
		for (const [file, misses] of group(s.misses, (m) => m.expected.file)) {
			if (listed >= max) break;
			out.push(file);
			for (const m of misses) {
				if (listed++ >= max) break;
				out.push(`  - ${describe(m.expected)}   [expected.jsonl:${m.expected.line}]`);
				if (m.expected.evidence) out.push(`      from: "${oneLine(m.expected.evidence)}"`);
				if (m.areaPartner) out.push(`      found with area "${m.areaPartner.area}" (rule ${m.areaPartner.rule}): "${oneLine(m.areaPartner.quote)}"`);
				if (m.why) out.push(`      explain: ${m.why.stage}: ${m.why.detail}`);
				if (m.near) {
					const got = m.near.differs.map((field) => `${field} ${JSON.stringify(m.near!.predicted[field as keyof PredictedFact])}`).join(', ');
					out.push(`      nearest prediction has ${got} (rule ${m.near.predicted.rule}): "${oneLine(m.near.predicted.quote)}"`);
				}
			}
		}
		if (s.misses.length > max) out.push(`  … and ${s.misses.length - max} more`);
	}
	if (s.falsePositives.length > 0) {
		out.push('', `── ${s.family}: ${s.falsePositives.length} false positives ──`);
		let listed = 0;
		for (const [file, fps] of group(s.falsePositives, (f) => f.predicted.file)) {
			if (listed >= max) break;
			out.push(file);
			for (const fp of fps) {
				if (listed++ >= max) break;
				const p = fp.predicted;
				const copies = fp.copies > 1 ? `, ×${fp.copies}` : '';
				out.push(`  + ${describe(p as unknown as ExpectedFact)}   [rule ${p.rule}, punkt ${p.item_no}${copies}]`);
				out.push(`      quote: "${oneLine(p.quote)}"`);
				if (fp.areaPartner) out.push(`      expected area "${fp.areaPartner.area}"   [expected.jsonl:${fp.areaPartner.line}]`);
				const negative = knownNegative(p, options.negatives ?? []);
				if (negative) out.push(`      known non-fact: ${negative.note}`);
			}
		}
		if (s.falsePositives.length > max) out.push(`  … and ${s.falsePositives.length - max} more`);
	}
	if (s.checks.falseAlarms.length > 0) {
		out.push('', `── ${s.family}: ${s.checks.falseAlarms.length} facts marked inconsistent that should not be ──`);
		for (const { expected, predicted } of s.checks.falseAlarms.slice(0, max)) {
			out.push(`  ! ${expected.file}: ${describe(expected)}`, `      note: ${oneLine(predicted.check_note ?? '')}`);
		}
	}
	return out;
}

export function formatReport(score: Score, options: ReportOptions = {}): string {
	const out: string[] = [];
	if (options.title) out.push(options.title, '');
	out.push(
		'family          expected predicted    TP precision  recall │ lenient P      R │ area acc. │ checks caught/flagged, false alarms'
	);
	for (const s of score.families) {
		out.push(
			[
				s.family.padEnd(15),
				String(s.expected).padStart(8),
				String(s.predicted).padStart(9),
				String(s.truePositives).padStart(5),
				pct(s.precision).padStart(10),
				pct(s.recall).padStart(7),
				'│',
				pct(s.lenient.precision).padStart(9),
				pct(s.lenient.recall).padStart(6),
				'│',
				pct(s.areaAccuracy).padStart(9),
				'│',
				`${s.checks.caught}/${s.checks.expectedFlags}${s.checks.unmatchedFlags ? ` (+${s.checks.unmatchedFlags} not found)` : ''}, ${s.checks.falseAlarms.length}`
			].join(' ')
		);
	}
	const folders = Object.entries(score.falsePositivesByFolder).sort(([a], [b]) => a.localeCompare(b));
	out.push('', `false positives per folder: ${folders.length === 0 ? 'none' : folders.map(([f, n]) => `${f} ${n}`).join(', ')}`);
	const explained = score.families.filter((s) => s.misses.some((m) => m.why));
	if (explained.length > 0) {
		out.push('', 'missed facts by the stage that dropped them (--explain):');
		for (const s of explained) {
			const counts = new Map<string, number>();
			for (const m of s.misses) if (m.why) counts.set(m.why.stage, (counts.get(m.why.stage) ?? 0) + 1);
			out.push(`  ${s.family.padEnd(15)} ${[...counts].sort((a, b) => b[1] - a[1]).map(([stage, n]) => `${stage} ${n}`).join(', ')}`);
		}
	}
	for (const s of score.families) out.push(...familyLines(s, options));
	if (options.rules) out.push('', ...formatRules(options.rules));
	return out.join('\n') + '\n';
}

export function formatRules(rules: RuleStat[]): string[] {
	if (rules.length === 0) return ['── rules: no facts produced ──'];
	const width = Math.max(4, ...rules.map((r) => r.rule.length));
	const out = ['── rules: facts produced on this folder ──', `${'rule'.padEnd(width)}  facts  right  wrong  unscored  families`];
	for (const r of rules) {
		const flag = r.facts === 0 ? '   (dead)' : r.wrong > r.correct ? '   (more wrong than right)' : '';
		out.push(
			`${r.rule.padEnd(width)}  ${String(r.facts).padStart(5)}  ${String(r.correct).padStart(5)}  ${String(r.wrong).padStart(5)}  ${String(r.unscored).padStart(8)}  ${r.families.join(', ')}${flag}`
		);
	}
	return out;
}

/** Families whose strict precision or recall falls below the given minimums, as readable lines. */
export function thresholdFailures(score: Score, min: { precision?: number; recall?: number }): string[] {
	const out: string[] = [];
	for (const s of score.families) {
		if (min.precision !== undefined && s.precision < min.precision) {
			out.push(`${s.family}: precision ${(100 * s.precision).toFixed(1)}% is below ${(100 * min.precision).toFixed(1)}%`);
		}
		if (min.recall !== undefined && s.recall < min.recall) {
			out.push(`${s.family}: recall ${(100 * s.recall).toFixed(1)}% is below ${(100 * min.recall).toFixed(1)}%`);
		}
	}
	return out;
}
