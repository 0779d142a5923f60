/**
 * Parquet files written while extraction runs: for each table, DuckDB runs one COPY that reads
 * newline-delimited JSON from a named pipe and writes row groups as they fill, and the CLI
 * writes each file's rows into the pipe as the file is committed. No rows are staged, and no
 * serial write waits at the end. Where named pipes are not to be had (Windows), `open` says so
 * and the CLI stages the rows instead (staging.ts).
 */
import { execFile } from 'node:child_process';
import { constants, openSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from './duckdb';
import { parquetOptions, syncFile } from './parquet';
import { TABLES, type TableSpec } from './schema';
import { MAX_LINE_BYTES, type TableName } from './json-lines';

/** How long DuckDB may take to open a pipe before the run gives up on it. */
const OPEN_TIMEOUT_MS = 60_000;
/** How many bytes of lines go into a pipe at once: as much as a pipe holds on Linux. */
const BATCH_BYTES = 64 * 1024;
/** DuckDB's memory: the read buffers of the three pipes, and row groups on their way to the files. */
const STREAM_MEMORY = '384MB';

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The COPY that turns the pipe's lines into the table's Parquet file, in the order written. */
function copyStatement(spec: TableSpec, pipe: string, path: string): string {
	const columns = spec.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ');
	const read = `read_json(${sqlString(pipe)}, format = 'newline_delimited', maximum_object_size = ${MAX_LINE_BYTES}, columns = {${columns}})`;
	return `COPY (SELECT * FROM ${read}) TO ${sqlString(path)} (${parquetOptions(spec)})`;
}

/** Opens the writing end once DuckDB has opened the reading end (before that, Linux says ENXIO). */
async function openWriter(pipe: string, failed: () => Error | null): Promise<number> {
	const started = performance.now();
	for (;;) {
		try {
			return openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENXIO') throw error;
		}
		const failure = failed();
		if (failure) throw failure;
		if (performance.now() - started > OPEN_TIMEOUT_MS) throw new Error(`DuckDB did not open ${pipe}`);
		await new Promise((done) => setTimeout(done, 2));
	}
}

class TableStream {
	private failure: Error | null = null;

	private constructor(
		private readonly socket: Socket,
		private readonly copy: Promise<unknown>,
		readonly path: string
	) {}

	static async open(connection: DuckDBConnection, spec: TableSpec, pipe: string, path: string): Promise<TableStream> {
		const early: { failure: Error | null } = { failure: null };
		const copy = connection.run(copyStatement(spec, pipe, path)).catch((error: Error) => {
			early.failure = error;
			throw error;
		});
		copy.catch(() => {});
		let fd;
		try {
			fd = await openWriter(pipe, () => early.failure);
		} catch (error) {
			await copy.catch(() => {});
			throw error;
		}
		const socket = new Socket({ fd, readable: false, writable: true });
		const stream = new TableStream(socket, copy, path);
		copy.catch((error: Error) => {
			stream.failure = error;
			socket.destroy();
		});
		socket.on('error', (error) => (stream.failure ??= error));
		return stream;
	}

	private batch: Uint8Array[] = [];
	private batchBytes = 0;

	/**
	 * Adds lines; they go into the pipe in batches of BATCH_BYTES (one write and one wake-up of
	 * DuckDB for many files, not one per file). Waits while DuckDB is behind, so memory stays flat.
	 */
	async write(lines: Uint8Array): Promise<void> {
		if (this.failure) throw this.failure;
		this.batch.push(lines);
		this.batchBytes += lines.length;
		if (this.batchBytes >= BATCH_BYTES) await this.flush();
	}

	private async flush(): Promise<void> {
		if (this.batchBytes === 0) return;
		const batch = this.batch.length === 1 ? this.batch[0] : Buffer.concat(this.batch, this.batchBytes);
		this.batch = [];
		this.batchBytes = 0;
		if (this.socket.write(batch)) return;
		await new Promise<void>((done) => {
			const settle = () => {
				this.socket.off('drain', settle);
				this.socket.off('close', settle);
				done();
			};
			this.socket.on('drain', settle);
			this.socket.on('close', settle);
		});
		if (this.failure) throw this.failure;
	}

	/** Ends the rows; resolves when DuckDB has written the whole file. */
	async finish(): Promise<void> {
		await this.flush();
		if (this.failure) throw this.failure;
		await this.closed();
		await this.copy;
		if (this.failure) throw this.failure;
	}

	/** Closes the writing end (DuckDB reads to its end), once what was written has gone out. */
	private closed(): Promise<void> {
		if (this.socket.closed) return Promise.resolve();
		return new Promise((done) => {
			this.socket.once('close', () => done());
			this.socket.end();
		});
	}

	/** Stops at once; what was written is left to be removed with its folder. */
	async abort(): Promise<void> {
		this.socket.destroy();
		await this.copy.catch(() => {});
	}
}

/** facts.parquet, documents.parquet and items.parquet, written into `dir` as rows arrive. */
export class ParquetStreams {
	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly pipes: string,
		private readonly streams: Record<TableName, TableStream>
	) {}

	/**
	 * Null where named pipes cannot be made, or Node's thread pool is too small to hold the three
	 * COPYs and still read files (each COPY holds one of its threads for the whole run): the
	 * caller stages rows instead.
	 */
	static async open(dir: string): Promise<ParquetStreams | null> {
		if (process.platform === 'win32' || Number(process.env.UV_THREADPOOL_SIZE ?? 4) < 4) return null;
		const pipes = await mkdtemp(join(tmpdir(), 'noegletal-pipes-'));
		const names = Object.keys(TABLES) as TableName[];
		try {
			await promisify(execFile)('mkfifo', names.map((name) => join(pipes, `${name}.jsonl`)));
		} catch {
			await rm(pipes, { recursive: true, force: true });
			return null;
		}
		const config: Record<string, string> = {
			autoinstall_known_extensions: 'false',
			autoload_known_extensions: 'false',
			preserve_insertion_order: 'true',
			threads: '1',
			memory_limit: STREAM_MEMORY
		};
		let instance: DuckDBInstance | null = null;
		const opened: TableStream[] = [];
		try {
			instance = await DuckDBInstance.create(':memory:', config);
			const streams = {} as Record<TableName, TableStream>;
			for (const name of names) {
				const stream = await TableStream.open(await instance.connect(), TABLES[name], join(pipes, `${name}.jsonl`), join(dir, TABLES[name].file));
				opened.push(stream);
				streams[name] = stream;
			}
			return new ParquetStreams(instance, pipes, streams);
		} catch (error) {
			await Promise.all(opened.map((s) => s.abort()));
			instance?.closeSync();
			await rm(pipes, { recursive: true, force: true });
			throw error;
		}
	}

	/** Adds a file's lines to the tables (json-lines.ts), in the order the files are committed. */
	async write(lines: Record<TableName, Uint8Array>): Promise<void> {
		for (const name of ['documents', 'items', 'facts'] as const) if (lines[name].length > 0) await this.streams[name].write(lines[name]);
	}

	/** Ends every table and flushes the files to disk; returns their names. */
	async finish(): Promise<string[]> {
		try {
			const order = ['facts', 'documents', 'items'] as const;
			await Promise.all(order.map((name) => this.streams[name].finish()));
			for (const name of order) await syncFile(this.streams[name].path);
			return order.map((name) => TABLES[name].file);
		} finally {
			await this.close();
		}
	}

	/** Stops every table; the caller removes the half-written files' folder. */
	async abort(): Promise<void> {
		await Promise.all(Object.values(this.streams).map((s) => s.abort()));
		await this.close();
	}

	private closed = false;

	private async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await Promise.all(Object.values(this.streams).map((s) => s.abort()));
		this.instance.closeSync();
		await rm(this.pipes, { recursive: true, force: true });
	}
}
