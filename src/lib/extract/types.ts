/** The data contract (docs/facts.md) as TypeScript types; tests/unit/contract.test.ts holds the metric lists to it. */

export type Family = 'klagesager' | 'budget' | 'magtanvendelse' | 'beloeb' | 'antal' | 'andel';
export const KEY_FAMILIES: readonly Family[] = ['klagesager', 'budget', 'magtanvendelse'];

export type Unit = 'pct' | 'kr' | 'antal';
export type CheckStatus = 'ok' | 'inconsistent' | 'unchecked';

export const KLAGESAGER_METRICS = [
	'klagesager_antal',
	'stadfaestet_antal',
	'stadfaestet_pct',
	'aendret_antal',
	'aendret_pct',
	'hjemvist_antal',
	'hjemvist_pct',
	'omgjort_antal',
	'omgoerelsespct',
	'afvist_antal'
] as const;

export const BUDGET_METRICS = [
	'vedtaget_budget',
	'korrigeret_budget',
	'forventet_forbrug',
	'serviceramme',
	'afvigelse_vedtaget_budget',
	'afvigelse_korrigeret_budget',
	'afvigelse_serviceramme',
	'afvigelse',
	'tillaegsbevilling',
	'regnskab'
] as const;

export const MAGTANVENDELSE_METRICS = [
	'magtanvendelser_indberettet',
	'magtanvendelser_tilladte',
	'magtanvendelser_ikke_tilladte',
	'magtanvendelser_ikke_magtanvendelse',
	'magtanvendelser_uafgjort',
	'forhaandsgodkendelser',
	'flytning_uden_samtykke'
] as const;

/** One row of facts.parquet. Offsets are UTF-16 code units into the decoded file text. */
export interface Fact {
	fact_id: string;
	doc_id: string;
	item_no: number;
	item_title: string;
	case_no: string | null;
	committee: string | null;
	/** ISO date, yyyy-mm-dd */
	meeting_date: string | null;
	family: Family;
	metric: string;
	entity: string;
	area: string;
	period: string;
	year: number;
	value: number;
	unit: Unit;
	quote: string;
	char_start: number;
	char_end: number;
	check: CheckStatus;
	check_note: string | null;
	/** Extension: the name of the rule that produced the fact. */
	rule: string;
	/** The PDF page the quote starts on (set by the CLI); null for text files and web pages. */
	page?: number | null;
}

/** One row of items.parquet. */
export interface Item {
	doc_id: string;
	item_no: number;
	title: string;
	case_no: string | null;
	decision: string | null;
	text: string;
	char_start: number;
	char_end: number;
}

/** One row of documents.parquet. */
export interface DocumentRow {
	doc_id: string;
	file_name: string;
	committee: string | null;
	meeting_date: string | null;
	municipality: string | null;
	item_count: number;
	fact_count: number;
	encoding: string | null;
	error: string | null;
	/** What the file was: `txt`, `pdf` or `html` (set by the CLI). */
	source_format?: 'txt' | 'pdf' | 'html';
	/** A PDF's pages; null for text files and web pages. */
	page_count?: number | null;
}

/** What is known about a file before its text is read (file name, manifest). */
export interface DocumentMeta {
	doc_id: string;
	file_name: string;
	committee?: string | null;
	meeting_date?: string | null;
	municipality?: string | null;
}

/** The stage of the extraction at which a figure was considered and left out. */
export type DropStage = 'segment' | 'table' | 'slot' | 'context' | 'plausibility';

/**
 * A figure the extractor considered and left out, and why (Danish). Any extractor module may
 * record one; `npm run evaluate -- --explain` names it for a missed fact whose evidence it lies in.
 */
export interface Dropped {
	/** Where the figure (or the sentence or row it stands in) is in the file's text. */
	start: number;
	end: number;
	value: number;
	stage: DropStage;
	reason: string;
	/** The metric it would have had, when one was chosen. */
	metric?: string;
}

export interface Extraction {
	document: DocumentRow;
	items: Item[];
	facts: Fact[];
	/** Figures considered and left out, with the stage and reason (see Dropped). */
	dropped?: Dropped[];
}
