/**
 * Builds the dashboard for a benchmark from a given data folder, in a copy of the sources under
 * bench/corpus/.site/, so the project's own build/ and static/data/ are never touched.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { precompress } from '../precompress';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json'];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (out += c));
		child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${out.slice(-3000)}`))));
	});
}

/** A fresh copy of the dashboard's sources with node_modules linked. */
export async function prepareSiteCopy(root: string): Promise<string> {
	const copy = join(root, 'bench', 'corpus', '.site');
	await rm(copy, { recursive: true, force: true });
	await mkdir(copy, { recursive: true });
	for (const name of SOURCES) {
		await cp(join(root, name), join(copy, name), {
			recursive: true,
			filter: (src) => !src.startsWith(join(root, 'static', 'data'))
		});
	}
	await symlink(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
	return copy;
}

/** Builds the copy with the Parquet files in `dataDir`; returns the built site's folder. */
export async function buildSite(copy: string, dataDir: string, name: string): Promise<{ dir: string; seconds: number }> {
	const started = performance.now();
	await rm(join(copy, 'static', 'data'), { recursive: true, force: true });
	await cp(dataDir, join(copy, 'static', 'data'), { recursive: true, filter: (src) => src === dataDir || !basename(src).startsWith('.') });
	await rm(join(copy, 'build'), { recursive: true, force: true });
	await run(process.execPath, [join(copy, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], copy, {
		...process.env,
		NOEGLETAL_DATA: join(copy, 'static', 'data')
	});
	const dir = join(copy, `build-${name}`);
	await rm(dir, { recursive: true, force: true });
	await rename(join(copy, 'build'), dir);
	await precompress(dir); // served as a production site would: brotli and gzip beside every file
	return { dir, seconds: (performance.now() - started) / 1000 };
}
