import type { DocumentMeta, Extraction } from './types';

export * from './types';

/**
 * Extracts items and facts from one meeting's text (already decoded).
 * Pure: no I/O. `text` is the file's text exactly as decoded; every offset refers to it.
 */
export function extractDocument(text: string, meta: DocumentMeta): Extraction {
	return {
		document: {
			doc_id: meta.doc_id,
			file_name: meta.file_name,
			committee: meta.committee ?? null,
			meeting_date: meta.meeting_date ?? null,
			municipality: meta.municipality ?? null,
			item_count: 0,
			fact_count: 0,
			encoding: null,
			error: null
		},
		items: [],
		facts: []
	};
}
