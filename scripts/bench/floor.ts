/** The floor an extraction is compared with: reading the same bytes from disk and splitting them into lines. */
import { readFile } from 'node:fs/promises';

export interface FloorRun {
	seconds: number;
	bytes: number;
	lines: number;
}

export async function readAndSplit(paths: readonly string[]): Promise<FloorRun> {
	const started = performance.now();
	let bytes = 0;
	let lines = 0;
	for (const path of paths) {
		const data = await readFile(path);
		bytes += data.length;
		lines += data.toString('utf8').split('\n').length;
	}
	return { seconds: (performance.now() - started) / 1000, bytes, lines };
}
