/** Checks the extractor's output against the Parquet schema before anything is written. */
import type { Extraction } from '../../src/lib/extract/types';
import { FACT_COLUMNS, ITEM_COLUMNS, rowProblem } from './schema';

/** The first reason the extraction of `docId` cannot be written, or null. */
export function extractionProblem(extraction: Extraction, docId: string): string | null {
	if (!extraction || !Array.isArray(extraction.facts) || !Array.isArray(extraction.items)) {
		return 'no facts or items arrays';
	}
	const ids = new Set<string>();
	for (const [i, fact] of extraction.facts.entries()) {
		const problem = rowProblem(FACT_COLUMNS, fact);
		if (problem) return `fact ${i}: ${problem}`;
		if (fact.doc_id !== docId) return `fact ${fact.fact_id}: doc_id '${fact.doc_id}' is not '${docId}'`;
		if (ids.has(fact.fact_id)) return `fact_id '${fact.fact_id}' occurs twice`;
		ids.add(fact.fact_id);
	}
	for (const [i, item] of extraction.items.entries()) {
		const problem = rowProblem(ITEM_COLUMNS, item);
		if (problem) return `item ${i}: ${problem}`;
		if (item.doc_id !== docId) return `item ${item.item_no}: doc_id '${item.doc_id}' is not '${docId}'`;
	}
	return null;
}
