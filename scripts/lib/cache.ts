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

/** Where a cache is and which extractor it holds: what a worker needs to use it. */
export interface CacheLocation {
	dir: string;
	version: string;
}

export class ExtractionCache<T> {
	private readonly kept = new Set<string>();
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

	/** The same cache in another thread (the workers read and write the entries; see `used`). */
	static at<T>(location: CacheLocation): ExtractionCache<T> {
		return new ExtractionCache<T>(location.dir, location.version);
	}

	get location(): CacheLocation {
		return { dir: this.dir, version: this.version };
	}

	/** Counts an entry a worker read (`hit`) or wrote, so that `prune` keeps it. */
	used(key: string, hit: boolean): void {
		this.kept.add(key);
		if (hit) this.hits++;
	}

	key(bytes: Uint8Array, meta: DocumentMeta): string {
		return createHash('sha256').update(this.version).update('\0').update(JSON.stringify(meta)).update('\0').update(bytes).digest('hex');
	}

	async get(key: string): Promise<T | null> {
		try {
			const value = JSON.parse(await readFile(join(this.dir, `${key}.json`), 'utf8')) as T;
			this.kept.add(key);
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
		this.kept.add(key);
	}

	get fromCache(): number {
		return this.hits;
	}

	/** Drops the entries this run did not use: files removed from the folder, or older versions. */
	async prune(): Promise<void> {
		for (const name of await readdir(this.dir)) {
			const key = name.replace(/\.json$/, '');
			if (!this.kept.has(key)) await rm(join(this.dir, name), { force: true });
		}
	}
}
