/**
 * Runs extractDocument in a worker thread with a time limit per file. A file that makes the
 * extractor throw, loop or run out of memory fails alone; the worker is replaced and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentMeta, Extraction } from '../../src/lib/extract/types';
import type { FileJob, FileResult } from './minutes-file';

export interface SandboxOptions {
	/** Longest time one file may take in the extractor. */
	timeoutMs: number;
	/**
	 * Worker module (worker-loop.ts); it answers `{ ready: true }` once, then per job `{ id,
	 * extraction }`, `{ id, file }` or `{ id, error }`.
	 */
	workerUrl?: URL;
	/** Heap limit of the worker, so a runaway file cannot take the whole machine. */
	maxMemoryMb?: number;
}

/** Beside this module: the TypeScript source, or the bundle scripts/cli.mjs made of it. */
const BUNDLED = import.meta.url.endsWith('.mjs');
const DEFAULT_WORKER = new URL(BUNDLED ? './extract-worker.mjs' : './extract-worker.ts', import.meta.url);
const BOOT_TIMEOUT_MS = 60_000;

interface Reply {
	ready?: true;
	id?: number;
	extraction?: Extraction;
	file?: FileResult;
	error?: string;
}

/** A job posted to the worker; the first in the queue is the one it runs. */
interface Posted {
	job: object;
	resolve: (reply: Reply) => void;
	reject: (error: Error) => void;
	id?: number;
	worker?: Worker;
	timer?: NodeJS.Timeout;
	/** Posted again after its worker crashed with another job queued: a second crash is its own. */
	retried?: boolean;
}

export class ExtractionSandbox {
	private worker: Worker | null = null;
	private booting: Promise<Worker> | null = null;
	private nextId = 1;
	/** Jobs posted to the worker, in the order it runs them: the next is waiting in its queue, so it never idles between files. */
	private posted: Posted[] = [];
	/** While a job tried again after a crash runs alone, the jobs that would queue behind it wait here. */
	private held: Posted[] = [];
	private solo = false;

	constructor(private readonly options: SandboxOptions) {}

	private boot(): Promise<Worker> {
		if (this.worker) return Promise.resolve(this.worker);
		if (this.booting) return this.booting;
		const target = (this.options.workerUrl ?? DEFAULT_WORKER).href;
		// A TypeScript worker is compiled by tsx as it loads; a bundled one starts at once.
		const source = target.endsWith('.ts')
			? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`
			: `import(${JSON.stringify(target)});`;
		const worker = new Worker(source, {
			eval: true,
			resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb ?? 2048 }
		});
		worker.unref();
		worker.on('error', () => {});
		worker.on('exit', () => {
			if (this.worker === worker) this.worker = null;
		});
		this.booting = new Promise<Worker>((resolve, reject) => {
			const fail = (reason: string) => {
				clearTimeout(timer);
				worker.off('message', onMessage);
				void worker.terminate();
				this.booting = null;
				reject(new Error(reason));
			};
			const timer = setTimeout(() => fail('extractor did not start'), BOOT_TIMEOUT_MS);
			const onMessage = (reply: Reply) => {
				if (!reply.ready) return;
				clearTimeout(timer);
				worker.off('message', onMessage);
				worker.off('error', onError);
				worker.off('exit', onExit);
				this.worker = worker;
				this.booting = null;
				worker.on('message', (answer: Reply) => this.answered(worker, answer));
				worker.on('error', (error: Error) => {
					const code = (error as NodeJS.ErrnoException).code;
					this.failed(
						worker,
						code === 'ERR_WORKER_OUT_OF_MEMORY'
							? `extractor ran out of memory (limit ${this.options.maxMemoryMb ?? 2048} MB)`
							: `extractor crashed: ${error.message}`
					);
				});
				worker.on('exit', (code: number) => this.failed(worker, `extractor exited unexpectedly (exit code ${code})`));
				resolve(worker);
			};
			const onError = (error: Error) => fail(`extractor could not start: ${error.message}`);
			const onExit = (code: number) => fail(`extractor could not start (exit code ${code})`);
			worker.on('message', onMessage);
			worker.once('error', onError);
			worker.once('exit', onExit);
		});
		return this.booting;
	}

	/**
	 * Starts the worker ahead of the first file, so its start-up does not count as that file's
	 * time; rejects when the extractor cannot even be loaded.
	 */
	async start(): Promise<void> {
		await this.boot();
	}

	/** The extraction of one text; rejects with a readable reason when the extractor fails on it. */
	async extract(text: string, meta: DocumentMeta): Promise<Extraction> {
		return (await this.send({ text, meta })).extraction as Extraction;
	}

	/** A minutes file read, extracted and encoded in the worker; rejects when the worker fails on it. */
	async runFile(job: FileJob): Promise<FileResult> {
		return (await this.send({ file: job })).file as FileResult;
	}

	private send(job: object): Promise<Reply> {
		return new Promise<Reply>((resolve, reject) => void this.post({ job, resolve, reject }));
	}

	private async post(entry: Posted): Promise<void> {
		let worker;
		try {
			worker = await this.boot();
		} catch (error) {
			entry.reject(error as Error);
			return;
		}
		if (this.solo && !entry.retried) {
			this.held.push(entry);
			return;
		}
		entry.id = this.nextId++;
		entry.worker = worker;
		this.posted.push(entry);
		worker.postMessage({ id: entry.id, ...entry.job });
		if (this.posted.length === 1) this.startClock(entry);
	}

	/** The time limit of a job runs from when the worker starts it: when the one before is answered. */
	private startClock(entry: Posted): void {
		const limit = `extractor stopped after ${Math.round(this.options.timeoutMs / 1000)} s (time limit per file)`;
		entry.timer = setTimeout(() => this.failed(entry.worker!, limit, false), this.options.timeoutMs);
	}

	private answered(worker: Worker, reply: Reply): void {
		const head = this.posted[0];
		if (!head || head.worker !== worker || reply.id !== head.id) return;
		this.posted.shift();
		clearTimeout(head.timer);
		if (head.retried) this.release();
		if (this.posted.length > 0) this.startClock(this.posted[0]);
		if (reply.error !== undefined) head.reject(new Error(`extractor failed: ${reply.error}`));
		else head.resolve(reply);
	}

	/**
	 * The running job fails with `reason` and the worker is replaced; the jobs behind it, which
	 * it never started, go to the new worker. A crash may be reported before the answer to the job
	 * that ran before the crashing one: with a job queued behind it, the running job is tried once
	 * more on the new worker, and fails only if it crashes that one too.
	 */
	private failed(worker: Worker, reason: string, crash = true): void {
		if (this.posted[0]?.worker !== worker) return;
		const [running, ...waiting] = this.posted;
		this.posted = [];
		clearTimeout(running.timer);
		if (this.worker === worker) this.worker = null;
		void worker.terminate();
		const again = crash && waiting.length > 0 && !running.retried;
		if (!again) {
			running.reject(new Error(reason));
			if (running.retried) this.release();
			for (const entry of waiting) void this.post({ job: entry.job, resolve: entry.resolve, reject: entry.reject });
			return;
		}
		// Tried again alone, so that a second crash can only be its own.
		this.solo = true;
		this.held.unshift(...waiting.map((entry) => ({ job: entry.job, resolve: entry.resolve, reject: entry.reject })));
		void this.post({ job: running.job, resolve: running.resolve, reject: running.reject, retried: true });
	}

	/** The job tried again alone has its answer: the held jobs go to the worker. */
	private release(): void {
		this.solo = false;
		const held = this.held;
		this.held = [];
		for (const entry of held) void this.post(entry);
	}

	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		if (worker) await worker.terminate();
	}
}
