/**
 * Several extraction sandboxes side by side, one per core: each file still runs alone in a
 * worker with its own time limit, and a file that kills its worker fails alone.
 */
import { availableParallelism } from 'node:os';
import type { DocumentMeta, Extraction } from '../../src/lib/extract/types';
import type { FileJob, FileResult } from './minutes-file';
import { ExtractionSandbox, type SandboxOptions } from './sandbox';

export interface PoolOptions extends SandboxOptions {
	/** Number of workers (default: one per core). */
	size?: number;
}

export const defaultPoolSize = () => Math.max(1, availableParallelism());

/** Jobs posted to a worker at once: one it runs, one waiting for it, so it never idles between files. */
const JOBS_PER_WORKER = 2;

export class ExtractionPool {
	private readonly waiting: ((sandbox: ExtractionSandbox) => void)[] = [];
	private readonly all: ExtractionSandbox[];

	constructor(options: PoolOptions) {
		const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
		this.all = Array.from({ length: size }, () => new ExtractionSandbox(options));
	}

	get size(): number {
		return this.all.length;
	}

	/** Starts every worker; rejects when the extractor cannot be loaded. */
	async start(): Promise<void> {
		await Promise.all(this.all.map((s) => s.start()));
	}

	private readonly taken = new Map<ExtractionSandbox, number>();

	private acquire(): Promise<ExtractionSandbox> {
		let best: ExtractionSandbox | null = null;
		for (const sandbox of this.all) if (best === null || (this.taken.get(sandbox) ?? 0) < (this.taken.get(best) ?? 0)) best = sandbox;
		if ((this.taken.get(best!) ?? 0) >= JOBS_PER_WORKER) return new Promise((resolve) => this.waiting.push(resolve));
		this.taken.set(best!, (this.taken.get(best!) ?? 0) + 1);
		return Promise.resolve(best!);
	}

	/** A finished job's place goes to the next job waiting, on the same worker. */
	private release(sandbox: ExtractionSandbox): void {
		const next = this.waiting.shift();
		if (next) next(sandbox);
		else this.taken.set(sandbox, (this.taken.get(sandbox) ?? 1) - 1);
	}

	private async on<T>(work: (sandbox: ExtractionSandbox) => Promise<T>): Promise<T> {
		const sandbox = await this.acquire();
		try {
			return await work(sandbox);
		} finally {
			this.release(sandbox);
		}
	}

	/** A minutes file read, extracted and encoded on the next free worker. */
	runFile(job: FileJob): Promise<FileResult> {
		return this.on((sandbox) => sandbox.runFile(job));
	}

	async extract(text: string, meta: DocumentMeta): Promise<Extraction> {
		return this.on((sandbox) => sandbox.extract(text, meta));
	}

	async close(): Promise<void> {
		await Promise.all(this.all.map((s) => s.close()));
	}
}
