/**
 * Atomic output: every run writes one generation, a new folder under `<out>/.generations/`,
 * and makes it current with a single atomic step: the symbolic link `<out>/.current` is replaced
 * by rename. The names users and the site read (`<out>/facts.parquet`, or `<out>/facts/` when
 * partitioned) are links through `.current`, so they always show one whole set: the previous
 * generation or the new one, never a mix. A kill at any moment leaves one of the two; the next
 * run removes what was left over.
 *
 * Only one run writes into an output folder at a time: it holds a lock that the kernel releases
 * when the process ends, however it ends (a listening socket named after the folder), so a
 * leftover folder is recognised as left over by holding the lock, not by guessing from a PID.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readlink, realpath, rename, rm, symlink } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';

/** Temporary folders of earlier versions of the CLI (before generations); removed when found. */
export const TEMP_PREFIX = '.extract-tmp-';
/** Inside such a folder: an output folder that version had moved aside. */
const REPLACED_PREFIX = 'replaced-';
export const GENERATIONS = '.generations';
export const CURRENT = '.current';
const LINK_PREFIX = '.link-';

export class OutputBusy extends Error {
	constructor(readonly owner: string | null) {
		super(`another extract run${owner ? ` (pid ${owner})` : ''} is writing this output folder`);
	}
}

export interface OutputLock {
	release(): Promise<void>;
}

const listen = (server: Server, address: string) =>
	new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(address, () => {
			server.off('error', fail);
			done();
		});
	});

/** Asks the holder of a lock who it is: its PID, or null when nobody answers (a stale socket file). */
function askOwner(address: string): Promise<string | null> {
	return new Promise((done) => {
		let answer = '';
		const socket = createConnection(address);
		const timer = setTimeout(() => (socket.destroy(), done(answer.trim() || '?')), 1000);
		socket.on('data', (chunk) => (answer += chunk));
		socket.on('end', () => (clearTimeout(timer), done(answer.trim() || '?')));
		socket.on('error', () => (clearTimeout(timer), done(null)));
	});
}

/**
 * Takes the output folder's lock (the folder must exist) or throws OutputBusy. On Linux the lock
 * is an abstract socket, which has no file to leave behind; elsewhere a socket file in the folder
 * that a later run may remove once nobody answers on it.
 */
export async function lockOutput(outDir: string): Promise<OutputLock> {
	const key = createHash('sha256').update(await realpath(outDir)).digest('hex').slice(0, 40);
	const address = process.platform === 'linux' ? `\0noegletal-extract-${key}` : join(outDir, '.extract.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		const server = createServer((socket) => socket.end(`${process.pid}\n`));
		try {
			await listen(server, address);
			server.unref();
			return { release: () => new Promise<void>((done) => server.close(() => done())) };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
		}
		const owner = await askOwner(address);
		if (owner !== null) throw new OutputBusy(owner);
		await rm(address, { force: true });
	}
	throw new OutputBusy(null);
}

const exists = (path: string) =>
	lstat(path).then(
		() => true,
		() => false
	);

/** Makes a rename or a new link in `dir` durable. */
async function syncDir(dir: string): Promise<void> {
	const handle = await open(dir, 'r');
	try {
		await handle.sync();
	} catch {
		// some file systems cannot sync a folder; the rename is atomic all the same
	} finally {
		await handle.close();
	}
}

/** The generation `.current` points to (its name), or null. */
async function currentGeneration(outDir: string): Promise<string | null> {
	try {
		const target = await readlink(join(outDir, CURRENT));
		return target.split(/[\\/]/).pop() ?? null;
	} catch {
		return null;
	}
}

/** Where a reader finds one whole set: the current generation, or the folder itself if it has none. */
export async function currentDir(outDir: string): Promise<string> {
	return realpath(join(outDir, CURRENT)).catch(() => outDir);
}

/**
 * Removes what killed runs left behind: generations that are not current, temporary links and the
 * temporary folders of earlier versions. Call it only while holding the lock. Returns the names.
 */
export async function removeStale(outDir: string, keep: string | null = null): Promise<string[]> {
	const removed: string[] = [];
	const current = await currentGeneration(outDir);
	for (const name of await readdir(join(outDir, GENERATIONS)).catch(() => [] as string[])) {
		if (name === current || name === keep) continue;
		await rm(join(outDir, GENERATIONS, name), { recursive: true, force: true });
		removed.push(join(GENERATIONS, name));
	}
	for (const name of await readdir(outDir).catch(() => [] as string[])) {
		if (name.startsWith(LINK_PREFIX)) {
			await rm(join(outDir, name), { force: true });
			removed.push(name);
		} else if (name.startsWith(TEMP_PREFIX)) {
			await restoreReplaced(outDir, join(outDir, name));
			await rm(join(outDir, name), { recursive: true, force: true });
			removed.push(name);
		}
	}
	return removed;
}

/** Older versions of the CLI removed temporary folders only of dead PIDs; kept for those folders' names. */
export const removeStaleTempDirs = removeStale;

/** Puts back an output folder that an earlier version, killed, had moved aside but not yet replaced. */
async function restoreReplaced(outDir: string, tempDir: string): Promise<void> {
	for (const name of await readdir(tempDir).catch(() => [] as string[])) {
		if (!name.startsWith(REPLACED_PREFIX)) continue;
		const target = join(outDir, name.slice(REPLACED_PREFIX.length));
		if (!(await exists(target))) await rename(join(tempDir, name), target);
	}
}

/** A fresh, empty generation folder (not yet current). */
export async function newGeneration(outDir: string): Promise<string> {
	const name = `${Date.now().toString(36)}-${process.pid}-${randomBytes(4).toString('hex')}`;
	const dir = join(outDir, GENERATIONS, name);
	await mkdir(dir, { recursive: true });
	return dir;
}

/** Replaces `path` by a symbolic link to `target` in one rename. */
async function linkAtomically(outDir: string, path: string, target: string): Promise<void> {
	const temp = join(outDir, `${LINK_PREFIX}${randomBytes(6).toString('hex')}`);
	await symlink(target, temp);
	try {
		await rename(temp, path);
	} catch (error) {
		// a real folder of an earlier version is in the way: moved into the generations to be removed
		if (!['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
		await rename(path, join(outDir, GENERATIONS, `replaced-${randomBytes(4).toString('hex')}`));
		await rename(temp, path);
	}
}

export interface PublishHooks {
	/** Called when the generation is complete, before it is made current. */
	beforeSwap?: (generation: string) => Promise<void>;
	/** Called right after the generation was made current, before links and clean-up. */
	afterSwap?: (generation: string) => Promise<void>;
}

/**
 * Makes a complete generation current (one rename), then points `<out>/<name>` at it for every
 * name it holds and removes the generations before it. Call it only while holding the lock.
 */
export async function makeCurrent(outDir: string, generation: string, names: readonly string[], hooks: PublishHooks = {}): Promise<void> {
	await syncDir(generation);
	await hooks.beforeSwap?.(generation);
	const name = generation.split(/[\\/]/).pop()!;
	await linkAtomically(outDir, join(outDir, CURRENT), join(GENERATIONS, name));
	await syncDir(outDir);
	await hooks.afterSwap?.(generation);
	for (const file of names) {
		const path = join(outDir, file);
		const target = join(CURRENT, file);
		const now = await readlink(path).catch(() => null);
		if (now !== target) await linkAtomically(outDir, path, target);
	}
	// links of an earlier generation's names that this one lacks (e.g. after --partition)
	for (const entry of await readdir(outDir)) {
		if (names.includes(entry)) continue;
		const target = await readlink(join(outDir, entry)).catch(() => null);
		if (target !== null && target.startsWith(`${CURRENT}/`)) await rm(join(outDir, entry), { force: true });
	}
	await syncDir(outDir);
	await removeStale(outDir);
}

/**
 * Under the output folder's lock, lets `write` fill a new generation and returns the names it
 * wrote; then makes it current. If `write` throws, the current generation stays as it was.
 */
export async function publishAtomically(
	outDir: string,
	write: (generation: string) => Promise<string[]>,
	hooks: PublishHooks = {}
): Promise<string[]> {
	await mkdir(outDir, { recursive: true });
	const lock = await lockOutput(outDir);
	let generation: string | null = null;
	try {
		await removeStale(outDir);
		generation = await newGeneration(outDir);
		const files = await write(generation);
		await makeCurrent(outDir, generation, files, hooks);
		generation = null;
		return files;
	} finally {
		if (generation !== null) await rm(generation, { recursive: true, force: true });
		await lock.release();
	}
}
