/** Which files the CLI reads: folders of minutes (.txt, .pdf, .html) and single files, with their manifest data. */
import { closeSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { DocumentMeta } from '../../src/lib/extract/types';
import { formatOf, type SourceFormat } from '../../src/lib/ingest';
import { UsageError } from './args';
import { MANIFEST_FILE, kindOf, readManifest, type Manifest } from './manifest';

export interface InputFile {
	/** Absolute path. */
	path: string;
	/** The path as the user would write it, for messages. */
	shownAs: string;
	format: SourceFormat;
	meta: DocumentMeta;
}

export interface ResolvedInputs {
	files: InputFile[];
	/** Problems with manifests; the files are still read. */
	problems: string[];
}

const isMinutes = (name: string) => formatOf(name) !== null && !name.startsWith('.');

async function isFolder(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}

export async function resolveInputs(paths: readonly string[], cwd = process.cwd()): Promise<ResolvedInputs> {
	const candidates: { path: string; shownAs: string; folder: string; folderShownAs: string }[] = [];

	for (const given of paths) {
		const path = resolve(cwd, given);
		try {
			await lstat(path);
		} catch {
			throw new UsageError(`input not found: ${given}`);
		}
		if (await isFolder(path)) {
			const names = (await readdir(path)).filter(isMinutes).sort();
			if (names.length === 0) throw new UsageError(`no minutes (.txt, .pdf, .html) in folder ${given}`);
			for (const name of names) {
				candidates.push({ path: join(path, name), shownAs: join(given, name), folder: path, folderShownAs: given });
			}
		} else {
			if (!formatOf(path)) throw new UsageError(`not minutes: ${given} (minutes are .txt, .pdf, .html or .htm files)`);
			candidates.push({ path, shownAs: given, folder: dirname(path), folderShownAs: dirname(given) });
		}
	}

	const manifests = new Map<string, Manifest>();
	const problems: string[] = [];
	const byDocId = new Map<string, InputFile>();
	const seen = new Set<string>();
	const files: InputFile[] = [];

	for (const candidate of candidates) {
		// At once, not through the thread pool: a pass to and fro per file took seconds on large corpora.
		let identity = candidate.path;
		try {
			identity = realpathSync.native(candidate.path);
		} catch {
			// A broken link is named when it is read.
		}
		if (seen.has(identity)) continue;
		seen.add(identity);

		let manifest = manifests.get(candidate.folder);
		if (!manifest) {
			manifest = await readManifest(candidate.folder, join(candidate.folderShownAs, MANIFEST_FILE));
			manifests.set(candidate.folder, manifest);
			problems.push(...manifest.problems);
		}

		const fileName = basename(candidate.path);
		const docId = basename(fileName, extname(fileName));
		const clash = byDocId.get(docId);
		if (clash) throw new UsageError(`two inputs have the same doc_id '${docId}': ${clash.shownAs} and ${candidate.shownAs}`);

		const entry = manifest.entries.get(fileName);
		const file: InputFile = {
			path: candidate.path,
			shownAs: candidate.shownAs,
			format: formatOf(fileName)!,
			meta: {
				doc_id: docId,
				file_name: fileName,
				committee: entry?.committee ?? null,
				meeting_date: entry?.meeting_date ?? null,
				municipality: entry?.municipality ?? null
			}
		};
		byDocId.set(docId, file);
		files.push(file);
	}
	return { files, problems };
}

/** Larger files are refused: a meeting's minutes are well under a megabyte. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const READ_ERRORS: Record<string, string> = {
	ENOENT: 'file not found (a broken link?)',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EISDIR: 'is a folder, not a file',
	ELOOP: 'symbolic link loop',
	EIO: 'input/output error'
};

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * A file's bytes, read at once by the worker that extracts it (not through Node's thread pool,
 * which the Parquet writers keep busy while the run lasts: stream.ts).
 */
export async function readInputBytes(path: string): Promise<ReadResult> {
	let fd: number | null = null;
	try {
		// stat before open: opening a named pipe would wait for a writer
		const info = statSync(path);
		if (info.isDirectory()) return { ok: false, reason: `cannot read: ${READ_ERRORS.EISDIR}` };
		if (!info.isFile()) return { ok: false, reason: `cannot read: not a regular file (${kindOf(info)}), skipped` };
		if (info.size > MAX_FILE_BYTES) {
			const mb = (n: number) => (n / 1048576).toFixed(0);
			return { ok: false, reason: `too large (${mb(info.size)} MB; limit ${mb(MAX_FILE_BYTES)} MB), skipped` };
		}
		fd = openSync(path, 'r');
		return { ok: true, bytes: readFileSync(fd) };
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? '';
		return { ok: false, reason: `cannot read: ${READ_ERRORS[code] ?? (error as Error).message}` };
	} finally {
		if (fd !== null) closeSync(fd);
	}
}
