/**
 * What earlier runs extracted, so that a folder that grows every month is not read again from
 * the start: one entry per file, keyed by the file's bytes, what the manifest says of it and the
 * extractor's own source. A new extractor version, a changed file or manifest line misses.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentMeta } from '../../src/lib/extract/types';

/**
 * Beside the project's packages, not in the output folder: that folder is often the site's
 * static data, and everything in it is published.
 */
const CACHE_ROOT = fileURLToPath(new URL('../../node_modules/.cache/noegletal-extract', import.meta.url));

/** The source folders whose code decides what a file yields. */
const EXTRACTOR_SOURCES = ['../../src/lib/extract', '../../src/lib/ingest'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** A hash of every source file of the extractor: a changed rule is a new version. */
export async function extractorVersion(): Promise<string> {
	const hash = createHash('sha256');
	for (const root of EXTRACTOR_SOURCES) {
		const names = (await readdir(root, { recursive: true })).filter((n) => n.endsWith('.ts')).sort();
		for (const name of names) hash.update(relative(root, join(root, name))).update('\0').update(await readFile(join(root, name))).update('\0');
	}
	return hash.digest('hex').slice(0, 16);
}

export class ExtractionCache<T> {
	private readonly used = new Set<string>();
	private hits = 0;

	private constructor(
		private readonly dir: string,
		private readonly version: string
	) {}

	/** The cache of one output folder: what a run on another --out uses is its own. */
	static async open<T>(outDir: string, version: string, root = CACHE_ROOT): Promise<ExtractionCache<T>> {
		const dir = join(root, createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16));
		await mkdir(dir, { recursive: true });
		return new ExtractionCache<T>(dir, version);
	}

	key(bytes: Uint8Array, meta: DocumentMeta): string {
		return createHash('sha256').update(this.version).update('\0').update(JSON.stringify(meta)).update('\0').update(bytes).digest('hex');
	}

	async get(key: string): Promise<T | null> {
		try {
			const value = JSON.parse(await readFile(join(this.dir, `${key}.json`), 'utf8')) as T;
			this.used.add(key);
			this.hits++;
			return value;
		} catch {
			return null;
		}
	}

	/** Written aside and renamed, so a killed run never leaves half an entry. */
	async set(key: string, value: T): Promise<void> {
		const path = join(this.dir, `${key}.json`);
		const temp = `${path}.${process.pid}.tmp`;
		await writeFile(temp, JSON.stringify(value));
		await rename(temp, path);
		this.used.add(key);
	}

	get fromCache(): number {
		return this.hits;
	}

	/** Drops the entries this run did not use: files removed from the folder, or older versions. */
	async prune(): Promise<void> {
		for (const name of await readdir(this.dir)) {
			const key = name.replace(/\.json$/, '');
			if (!this.used.has(key)) await rm(join(this.dir, name), { force: true });
		}
	}
}
