/**
 * Atomic output: files are written into a temporary folder inside the output folder and
 * then renamed into place one by one. A rename within one file system is atomic, so every
 * output file is always either the previous complete version or the new complete version.
 */
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const TEMP_PREFIX = '.extract-tmp-';

function processAlive(pid: number): boolean {
	if (pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Removes temporary folders left by earlier runs that were killed; returns their names. */
export async function removeStaleTempDirs(outDir: string): Promise<string[]> {
	let names: string[];
	try {
		names = await readdir(outDir);
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		if (!name.startsWith(TEMP_PREFIX)) continue;
		const pid = Number(name.slice(TEMP_PREFIX.length).split('-')[0]);
		if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
		await rm(join(outDir, name), { recursive: true, force: true });
		removed.push(name);
	}
	return removed;
}

export interface PublishHooks {
	/** Called after every file is complete in the temporary folder, before anything is renamed. */
	beforeRename?: (tempDir: string) => Promise<void>;
}

/**
 * Lets `write` fill a fresh temporary folder inside `outDir` and returns the names of the
 * files it wrote; then moves them into `outDir`. If `write` throws, nothing in `outDir` changes.
 */
export async function publishAtomically(
	outDir: string,
	write: (tempDir: string) => Promise<string[]>,
	hooks: PublishHooks = {}
): Promise<string[]> {
	await mkdir(outDir, { recursive: true });
	const tempDir = await mkdtemp(join(outDir, `${TEMP_PREFIX}${process.pid}-`));
	try {
		const files = await write(tempDir);
		await hooks.beforeRename?.(tempDir);
		for (const file of files) await rename(join(tempDir, file), join(outDir, file));
		return files;
	} finally {
		await rm(tempDir, { recursive: true, force: true });
	}
}
