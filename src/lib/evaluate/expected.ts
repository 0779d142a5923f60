/** Expected facts: one JSON object per line, the answer key the extractor is scored against. */
import { BUDGET_METRICS, KLAGESAGER_METRICS, MAGTANVENDELSE_METRICS, type Unit } from '../extract/types';

export type KeyFamily = 'klagesager' | 'budget' | 'magtanvendelse';
export const KEY_FAMILY_NAMES: readonly KeyFamily[] = ['klagesager', 'budget', 'magtanvendelse'];

const METRICS: Record<KeyFamily, readonly string[]> = {
	klagesager: KLAGESAGER_METRICS,
	budget: BUDGET_METRICS,
	magtanvendelse: MAGTANVENDELSE_METRICS
};

export interface ExpectedFact {
	/** Path of the text file relative to the scored folder, with forward slashes. */
	file: string;
	family: KeyFamily;
	metric: string;
	entity: string;
	area: string;
	period: string;
	value: number;
	unit: Unit;
	/** The agenda item (punkt) the figure stands in, when the corpus names it. */
	item_no?: number;
	/** Why the fact reads as it does, for the reader of the corpus. */
	note?: string;
	/** The fact takes part in a check that fails (parts disagree with their whole). */
	check?: 'inconsistent';
	/** A verbatim snippet of the file the figure is read from (compared with whitespace collapsed). */
	evidence?: string;
	/** The caption of the table the figure stands in; absent for figures read from prose. */
	table?: string;
	/** 1-based line in the JSONL file. */
	line: number;
}

export interface LineProblem {
	line: number;
	message: string;
}

const FIELDS = new Set(['file', 'item_no', 'family', 'metric', 'entity', 'area', 'period', 'value', 'unit', 'note', 'check', 'evidence', 'table']);

/** Canonical periods of the contract: 2023, 2024-Q3, 2024-Q1-Q3, 2024-H1, 2026-2029, 2025-05. */
const PERIOD = /^(?:\d{4}|\d{4}-Q[1-4]|\d{4}-Q[1-4]-Q[1-4]|\d{4}-H[12]|\d{4}-\d{4}|\d{4}-(?:0[1-9]|1[0-2]))$/;

export function isCanonicalPeriod(period: string): boolean {
	if (!PERIOD.test(period)) return false;
	const quarters = /^\d{4}-Q([1-4])-Q([1-4])$/.exec(period);
	if (quarters && Number(quarters[1]) >= Number(quarters[2])) return false;
	const span = /^(\d{4})-(\d{4})$/.exec(period);
	if (span && Number(span[1]) >= Number(span[2])) return false;
	return true;
}

export function familyOfMetric(metric: string): KeyFamily | null {
	for (const family of KEY_FAMILY_NAMES) if (METRICS[family].includes(metric)) return family;
	return null;
}

/** The unit a key-family metric is counted in. */
export function unitOfMetric(metric: string): Unit | null {
	const family = familyOfMetric(metric);
	if (family === null) return null;
	if (family === 'budget') return 'kr';
	if (family === 'klagesager' && (metric.endsWith('_pct') || metric === 'omgoerelsespct')) return 'pct';
	return 'antal';
}

function text(record: Record<string, unknown>, field: string, problems: string[], optional = false): string | undefined {
	const v = record[field];
	if (v === undefined && optional) return undefined;
	if (typeof v !== 'string' || v.trim() === '') {
		problems.push(`${field} must be non-empty text`);
		return undefined;
	}
	return v;
}

/** Reads a JSONL answer key. Every line that cannot be used is reported; the rest are returned. */
export function parseExpected(jsonl: string): { facts: ExpectedFact[]; problems: LineProblem[] } {
	const facts: ExpectedFact[] = [];
	const problems: LineProblem[] = [];
	const lines = jsonl.replace(/^\ufeff/, '').split(/\r?\n/);
	lines.forEach((raw, index) => {
		const line = index + 1;
		if (raw.trim() === '') return;
		let parsed: unknown;
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			problems.push({ line, message: `not valid JSON (${(error as Error).message})` });
			return;
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			problems.push({ line, message: 'expected a JSON object' });
			return;
		}
		const record = parsed as Record<string, unknown>;
		const found: string[] = [];
		for (const key of Object.keys(record)) if (!FIELDS.has(key)) found.push(`unknown field '${key}'`);

		const file = text(record, 'file', found);
		const family = text(record, 'family', found);
		const metric = text(record, 'metric', found);
		const entity = text(record, 'entity', found);
		const area = text(record, 'area', found);
		const period = text(record, 'period', found);
		const unit = text(record, 'unit', found);
		const note = text(record, 'note', found, true);
		const evidence = text(record, 'evidence', found, true);
		const table = text(record, 'table', found, true);
		const value = record.value;
		const itemNo = record.item_no;

		if (typeof value !== 'number' || !Number.isFinite(value)) found.push('value must be a finite number');
		if (family !== undefined && !KEY_FAMILY_NAMES.includes(family as KeyFamily)) {
			found.push(`family '${family}' is not one of ${KEY_FAMILY_NAMES.join(', ')}`);
		} else if (family !== undefined && metric !== undefined && !METRICS[family as KeyFamily].includes(metric)) {
			found.push(`metric '${metric}' is not in the ${family} vocabulary`);
		}
		if (itemNo !== undefined && !(Number.isInteger(itemNo) && (itemNo as number) > 0)) found.push('item_no must be a positive whole number');
		if (unit !== undefined && unit !== 'pct' && unit !== 'kr' && unit !== 'antal') found.push(`unit '${unit}' is not pct, kr or antal`);
		const wanted = metric === undefined ? null : unitOfMetric(metric);
		if (wanted !== null && unit !== undefined && unit !== wanted) found.push(`unit '${unit}' does not fit ${metric} (${wanted})`);
		if (period !== undefined && !isCanonicalPeriod(period)) found.push(`period '${period}' is not canonical (2023, 2024-Q3, 2024-Q1-Q3, 2024-H1, 2026-2029, 2025-05)`);
		if (entity !== undefined && /\bkommune$/i.test(entity.trim())) found.push(`entity '${entity}' must name the municipality without "Kommune"`);
		if (record.check !== undefined && record.check !== 'inconsistent') found.push(`check must be "inconsistent" when given`);
		if (file !== undefined && (file.startsWith('/') || file.includes('\\') || file.split('/').includes('..'))) {
			found.push(`file '${file}' must be a relative path with forward slashes`);
		}

		if (found.length > 0) {
			for (const message of found) problems.push({ line, message });
			return;
		}
		facts.push({
			file: file!,
			family: family as KeyFamily,
			metric: metric!,
			entity: entity!,
			area: area!,
			period: period!,
			value: value as number,
			unit: unit as Unit,
			...(itemNo === undefined ? {} : { item_no: itemNo as number }),
			...(note === undefined ? {} : { note }),
			...(record.check === 'inconsistent' ? { check: 'inconsistent' as const } : {}),
			...(evidence === undefined ? {} : { evidence }),
			...(table === undefined ? {} : { table }),
			line
		});
	});
	return { facts, problems };
}
