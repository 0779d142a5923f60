/**
 * A stand-in for the extractor, for measuring the CLI around it (reading, decoding, workers,
 * Parquet): it cuts the text into items at "Punkt N:" and finds no facts.
 */
import type { DocumentMeta, Extraction, Item } from '../../src/lib/extract/types';
import { serve } from '../lib/worker-loop';

const ITEM_START = /^ ?Punkt (\d+): ([^\n]*)/gm;

function standIn(text: string, meta: DocumentMeta): Extraction {
	const starts = [...text.matchAll(ITEM_START)];
	const items: Item[] = starts.map((m, i) => {
		const end = i + 1 < starts.length ? starts[i + 1].index! : text.length;
		return {
			doc_id: meta.doc_id,
			item_no: Number(m[1]),
			title: m[2],
			case_no: null,
			decision: null,
			text: text.slice(m.index!, end),
			char_start: m.index!,
			char_end: end
		};
	});
	const document = {
		doc_id: meta.doc_id,
		file_name: meta.file_name,
		committee: meta.committee ?? null,
		meeting_date: meta.meeting_date ?? null,
		municipality: meta.municipality ?? null,
		item_count: items.length,
		fact_count: 0,
		encoding: null,
		error: null
	};
	return { document, items, facts: [] };
}

serve(standIn);
