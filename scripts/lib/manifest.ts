/** A folder's manifest.json: per file name, what the text may not say itself. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isoDateParts } from './schema';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestEntry {
	municipality: string | null;
	committee: string | null;
	meeting_date: string | null;
}

export interface Manifest {
	entries: Map<string, ManifestEntry>;
	/** One readable line per problem, naming the manifest. */
	problems: string[];
}

const FIELDS = ['municipality', 'committee', 'meeting_date'] as const;

/** What a path is when it is not a regular file, in a user's words. */
export function kindOf(info: import('node:fs').Stats): string {
	if (info.isDirectory()) return 'a folder';
	if (info.isFIFO()) return 'a named pipe';
	if (info.isSocket()) return 'a socket';
	if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
	return 'not a file';
}

/** Reads `folder/manifest.json`; a missing manifest is no problem, a broken one is reported and skipped. */
export async function readManifest(folder: string, shownAs: string): Promise<Manifest> {
	const entries = new Map<string, ManifestEntry>();
	const problems: string[] = [];
	let raw: string;
	try {
		// stat before reading: reading a named pipe would wait for a writer for ever
		const info = await stat(join(folder, MANIFEST_FILE));
		if (!info.isFile()) {
			problems.push(`${shownAs}: not a regular file (${kindOf(info)}), manifest ignored`);
			return { entries, problems };
		}
		raw = await readFile(join(folder, MANIFEST_FILE), 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT') problems.push(`${shownAs}: cannot read (${code ?? String(error)}), manifest ignored`);
		return { entries, problems };
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw.replace(/^\ufeff/, ''));
	} catch (error) {
		problems.push(`${shownAs}: not valid JSON (${(error as Error).message}), manifest ignored`);
		return { entries, problems };
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		problems.push(`${shownAs}: expected an object of file name -> {municipality, committee, meeting_date}, manifest ignored`);
		return { entries, problems };
	}
	for (const [fileName, value] of Object.entries(parsed)) {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			problems.push(`${shownAs}: entry '${fileName}' is not an object, entry ignored`);
			continue;
		}
		const record = value as Record<string, unknown>;
		const entry: ManifestEntry = { municipality: null, committee: null, meeting_date: null };
		for (const field of FIELDS) {
			const v = record[field];
			if (v === undefined || v === null || v === '') continue;
			if (typeof v !== 'string') {
				problems.push(`${shownAs}: '${fileName}' ${field} is not text, ignored`);
			} else if (field === 'meeting_date' && !isoDateParts(v)) {
				problems.push(`${shownAs}: '${fileName}' meeting_date '${v}' is not an ISO date (yyyy-mm-dd), ignored`);
			} else {
				entry[field] = v;
			}
		}
		entries.set(fileName, entry);
	}
	return { entries, problems };
}
