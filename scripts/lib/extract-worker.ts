/** Worker thread that runs the pure extractor, so that a file it chokes on cannot stall the run. */
import { parentPort } from 'node:worker_threads';
import { extractDocument } from '../../src/lib/extract/index';
import type { DocumentMeta } from '../../src/lib/extract/types';
import { answer } from './item-text';

const port = parentPort;
if (!port) throw new Error('extract-worker.ts must run in a worker thread');

port.on('message', (job: { id: number; text: string; meta: DocumentMeta }) => {
	try {
		const { message, transfer } = answer(job.id, extractDocument(job.text, job.meta), job.text);
		port.postMessage(message, transfer);
	} catch (error) {
		const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		port.postMessage({ id: job.id, error: message });
	}
});
port.postMessage({ ready: true });
