/**
 * The loop of an extraction worker (extract-worker.ts, and the benchmarks' stand-in): a job is a
 * minutes file to read, extract and encode (minutes-file.ts), or a text to extract as it is.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentMeta } from '../../src/lib/extract/types';
import { processFile, transferList, type Extract, type FileJob } from './minutes-file';

type Job = { id: number; file: FileJob } | { id: number; text: string; meta: DocumentMeta };

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export function serve(extract: Extract): void {
	const port = parentPort;
	if (!port) throw new Error('an extraction worker must run in a worker thread');
	const run = async (job: Job) => {
		try {
			if ('file' in job) {
				const file = await processFile(job.file, extract);
				port.postMessage({ id: job.id, file }, transferList(file));
			} else port.postMessage({ id: job.id, extraction: extract(job.text, job.meta) });
		} catch (error) {
			port.postMessage({ id: job.id, error: describe(error) });
		}
	};
	// One job at a time, in the order posted: the next one waits here while this one runs.
	let queue = Promise.resolve();
	port.on('message', (job: Job) => {
		queue = queue.then(() => run(job));
	});
	port.postMessage({ ready: true });
}
