/** Is a scoring corpus well-formed: do its answer key, manifests and non-facts fit its texts? */
import { checkMarkProblems, crossFileConflicts, runChecks } from './consistency';
import { KEY_FAMILY_NAMES, type ExpectedFact, type KeyFamily } from './expected';
import { sameValue } from './score';

export interface NegativeEntry {
	file: string;
	evidence: string;
	note: string;
	line: number;
}

export interface CorpusInput {
	/** File key (relative path, forward slashes) → text. */
	texts: ReadonlyMap<string, string>;
	/** Folder (relative, '' for the root) → parsed manifest.json, for every folder holding texts. */
	manifests: ReadonlyMap<string, unknown>;
	expected: ExpectedFact[];
	negatives?: NegativeEntry[];
	/** Folder whose files must yield no fact in the key families. */
	trapFolder?: string;
}

export interface FamilyCounts {
	facts: number;
	/** Distinct prose snippets (sentences) that expected facts are read from. */
	sentences: number;
	/** Distinct tables that expected facts are read from. */
	tables: number;
	/** Facts marked inconsistent. */
	inconsistent: number;
}

export interface CorpusReport {
	problems: string[];
	files: number;
	perFamily: Record<KeyFamily, FamilyCounts>;
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

const folderOfKey = (key: string) => (key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '');
const nameOfKey = (key: string) => key.slice(key.lastIndexOf('/') + 1);

function manifestProblems(input: CorpusInput): string[] {
	const out: string[] = [];
	const folders = new Set([...input.texts.keys()].map(folderOfKey));
	for (const folder of [...folders].sort()) {
		const shown = folder === '' ? 'manifest.json' : `${folder}/manifest.json`;
		const manifest = input.manifests.get(folder);
		if (manifest === undefined) {
			out.push(`${shown}: missing`);
			continue;
		}
		if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
			out.push(`${shown}: not an object of file name → {municipality, committee, meeting_date}`);
			continue;
		}
		const entries = manifest as Record<string, unknown>;
		for (const key of input.texts.keys()) {
			if (folderOfKey(key) === folder && !(nameOfKey(key) in entries)) out.push(`${shown}: no entry for ${nameOfKey(key)}`);
		}
		for (const [name, entry] of Object.entries(entries)) {
			const key = folder === '' ? name : `${folder}/${name}`;
			if (!input.texts.has(key)) out.push(`${shown}: entry ${name} names no file`);
			if (typeof entry !== 'object' || entry === null) {
				out.push(`${shown}: entry ${name} is not an object`);
				continue;
			}
			const e = entry as Record<string, unknown>;
			for (const field of ['municipality', 'committee']) {
				if (typeof e[field] !== 'string' || (e[field] as string).trim() === '') out.push(`${shown}: ${name} needs ${field}`);
			}
			if (e.meeting_date !== null && (typeof e.meeting_date !== 'string' || !ISO_DATE.test(e.meeting_date))) {
				out.push(`${shown}: ${name} meeting_date must be an ISO date (yyyy-mm-dd) or null`);
			}
		}
	}
	return out;
}

export function validateCorpus(input: CorpusInput): CorpusReport {
	const problems: string[] = [];
	const at = (line: number, message: string) => problems.push(`expected.jsonl:${line}: ${message}`);
	const flatTexts = new Map([...input.texts].map(([k, t]) => [k, collapse(t)]));

	problems.push(...manifestProblems(input));

	const docIds = new Map<string, string>();
	for (const key of input.texts.keys()) {
		const docId = nameOfKey(key).replace(/\.[^.]*$/, '');
		const clash = docIds.get(docId);
		if (clash) problems.push(`${key} and ${clash} have the same doc_id '${docId}'`);
		docIds.set(docId, key);
	}

	input.expected.forEach((f, i) => {
		const text = flatTexts.get(f.file);
		if (text === undefined) {
			at(f.line, `file ${f.file} does not exist`);
			return;
		}
		if (input.trapFolder && f.file.startsWith(`${input.trapFolder}/`)) at(f.line, `${f.file} is a trap: it must have no expected facts`);
		if (f.evidence === undefined) at(f.line, 'evidence (the snippet the figure is read from) is missing');
		else if (!text.includes(collapse(f.evidence))) at(f.line, `evidence not found in ${f.file}: "${collapse(f.evidence).slice(0, 80)}"`);
		if (f.table !== undefined && !text.includes(collapse(f.table))) at(f.line, `table caption not found in ${f.file}: "${f.table}"`);
		const twin = input.expected.slice(0, i).find(
			(o) => o.file === f.file && o.metric === f.metric && o.entity === f.entity && o.area === f.area && o.period === f.period && sameValue(o.value, f.value)
		);
		if (twin) at(f.line, `same fact as line ${twin.line} (list a figure once per file)`);
	});

	for (const n of input.negatives ?? []) {
		const text = flatTexts.get(n.file);
		if (text === undefined) problems.push(`negatives.jsonl:${n.line}: file ${n.file} does not exist`);
		else if (!text.includes(collapse(n.evidence))) problems.push(`negatives.jsonl:${n.line}: evidence not found in ${n.file}: "${collapse(n.evidence).slice(0, 80)}"`);
	}

	const known = input.expected.filter((f) => input.texts.has(f.file));
	const failures = runChecks(known, input.texts);
	for (const p of checkMarkProblems(known, failures)) at(p.line, p.message);
	for (const p of crossFileConflicts(known)) at(p.line, p.message);

	const perFamily = Object.fromEntries(
		KEY_FAMILY_NAMES.map((family) => {
			const facts = input.expected.filter((f) => f.family === family);
			const sentences = new Set(facts.filter((f) => f.table === undefined && f.evidence).map((f) => `${f.file}\u0000${collapse(f.evidence!)}`));
			const tables = new Set(facts.filter((f) => f.table !== undefined).map((f) => `${f.file}\u0000${collapse(f.table!)}`));
			const inconsistent = facts.filter((f) => f.check === 'inconsistent').length;
			return [family, { facts: facts.length, sentences: sentences.size, tables: tables.size, inconsistent }];
		})
	) as Record<KeyFamily, FamilyCounts>;

	return { problems, files: input.texts.size, perFamily };
}

/** Reads negatives.jsonl: {file, evidence, note} per line, figures that must not become key facts. */
export function parseNegatives(jsonl: string): { negatives: NegativeEntry[]; problems: string[] } {
	const negatives: NegativeEntry[] = [];
	const problems: string[] = [];
	jsonl.split(/\r?\n/).forEach((raw, i) => {
		if (raw.trim() === '') return;
		try {
			const v = JSON.parse(raw) as Record<string, unknown>;
			if (typeof v.file !== 'string' || typeof v.evidence !== 'string' || typeof v.note !== 'string') throw new Error('needs file, evidence and note as text');
			negatives.push({ file: v.file, evidence: v.evidence, note: v.note, line: i + 1 });
		} catch (error) {
			problems.push(`negatives.jsonl:${i + 1}: ${(error as Error).message}`);
		}
	});
	return { negatives, problems };
}
