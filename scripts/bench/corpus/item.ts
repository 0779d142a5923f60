/** An agenda item before it is laid out as text, and the meeting it belongs to. */
import type { Committee } from './places';
import type { Random } from './random';

/** Running text is wrapped like a PDF export; `lines` blocks (tables) keep their own line breaks. */
export type Block = { kind: 'prose'; text: string } | { kind: 'lines'; text: string };

export interface Section {
	heading: string;
	blocks: Block[];
}

export interface ItemDraft {
	title: string;
	caseNo: string;
	/** The numbered proposals under Indstilling, or one sentence. */
	proposals: string[];
	decision: string;
	sections: Section[];
	attachments: string[];
}

export interface Meeting {
	municipality: string;
	committee: Committee;
	year: number;
	month: number;
	day: number;
}

export const prose = (text: string): Block => ({ kind: 'prose', text });
export const lines = (text: string): Block => ({ kind: 'lines', text });

/** A case number in the form the minutes use, e.g. "24-2-27.00.00-P22". */
export function caseNumber(rng: Random, year: number): string {
	const yy = String(year % 100).padStart(2, '0');
	const two = () => String(rng.int(0, 99)).padStart(2, '0');
	return `${yy}-${rng.int(1, 99999)}-${two()}.${two()}.${two()}-${rng.pick(['A', 'P', 'G', 'K'])}${two()}`;
}

/** A share of a whole as a whole percent. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
