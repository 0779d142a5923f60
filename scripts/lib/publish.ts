/**
 * Atomic output: files are written into a temporary folder inside the output folder and
 * then renamed into place one by one. A rename within one file system is atomic, so every
 * output file is always either the previous complete version or the new complete version.
 * A folder of partitioned files (facts/, documents/, items/) is swapped by two renames: the old
 * folder into the temporary folder, the new one into place; a run killed between the two gets
 * the old folder put back by the next run.
 */
import { lstat, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const TEMP_PREFIX = '.extract-tmp-';
/** Inside a temporary folder: the previous version of a replaced output folder, until the run ends. */
const REPLACED_PREFIX = 'replaced-';

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
		await restoreReplaced(outDir, join(outDir, name));
		await rm(join(outDir, name), { recursive: true, force: true });
		removed.push(name);
	}
	return removed;
}

/** Puts back an output folder that a killed run had moved aside but not yet replaced. */
async function restoreReplaced(outDir: string, tempDir: string): Promise<void> {
	let names: string[];
	try {
		names = await readdir(tempDir);
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(REPLACED_PREFIX)) continue;
		const target = join(outDir, name.slice(REPLACED_PREFIX.length));
		if (!(await exists(target))) await rename(join(tempDir, name), target);
	}
}

const exists = (path: string) =>
	lstat(path).then(
		() => true,
		() => false
	);

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
	const tempDir = await makeTempDir(outDir);
	try {
		const files = await write(tempDir);
		await moveIntoPlace(tempDir, outDir, files, hooks);
		return files;
	} finally {
		await rm(tempDir, { recursive: true, force: true });
	}
}

/** A fresh temporary folder inside `outDir` (made if missing), named after this process. */
export async function makeTempDir(outDir: string): Promise<string> {
	await mkdir(outDir, { recursive: true });
	return mkdtemp(join(outDir, `${TEMP_PREFIX}${process.pid}-`));
}

/**
 * Moves the named files or folders from `tempDir` into `outDir`. A folder already in `outDir`
 * is moved aside into `tempDir` first; the caller removes `tempDir` afterwards.
 */
export async function moveIntoPlace(tempDir: string, outDir: string, names: readonly string[], hooks: PublishHooks = {}): Promise<void> {
	await hooks.beforeRename?.(tempDir);
	for (const name of names) {
		const target = join(outDir, name);
		const old = await lstat(target).catch(() => null);
		if (old?.isDirectory()) await rename(target, join(tempDir, `${REPLACED_PREFIX}${name}`));
		await rename(join(tempDir, name), target);
	}
}
