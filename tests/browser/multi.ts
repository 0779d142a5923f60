/**
 * The site built from many municipalities' minutes: the seeds, tests/corpus/variants and the
 * development corpora, extracted and built in a copy of the sources under the system's temp
 * folder, so the project's own build/ and static/data/ stay the seeds'.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve('.');
const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json'];

/** Where the multi-municipality site is built (its own build/ inside); one per checkout, so two clones can test at once. */
export const MULTI_DIR = join(tmpdir(), `noegletal-multi-site-${createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}`);
export const MULTI_BUILD = join(MULTI_DIR, 'build');

/** The minutes read: every folder of .txt files under these roots. */
function corpusRoots(): string[] {
	const shared = ['../shared/corpus', '../../shared/corpus'].map((p) => resolve(p)).find((p) => existsSync(p));
	const local = ['tests/corpus/dev-a', 'tests/corpus/dev-b'].filter((p) => existsSync(p));
	const sharedSets = local.length === 2 || !shared ? [] : ['dev-a', 'dev-b'].map((s) => join(shared, s));
	return ['seeds', 'tests/corpus/variants', ...local, ...sharedSets];
}

async function folders(root: string): Promise<string[]> {
	const entries = await readdir(root, { withFileTypes: true });
	const here = entries.some((e) => e.isFile() && e.name.endsWith('.txt')) ? [root] : [];
	const below = await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => folders(join(root, e.name))));
	return [...here, ...below.flat()];
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (c) => (out += c));
		child.stderr.on('data', (c) => (out += c));
		child.on('close', (code) =>
			code === 0 || (code === 1 && args.includes('scripts/extract.ts'))
				? done()
				: fail(new Error(`${args.join(' ')} (${code}):\n${out.slice(-3000)}`))
		);
	});
}

/** Extracts the corpora and builds the site; returns the built folder. */
export async function buildMultiSite(): Promise<string> {
	await rm(MULTI_DIR, { recursive: true, force: true });
	await mkdir(MULTI_DIR, { recursive: true });
	for (const name of SOURCES)
		await cp(join(ROOT, name), join(MULTI_DIR, name), { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'static', 'data')) });
	await symlink(join(ROOT, 'node_modules'), join(MULTI_DIR, 'node_modules'), 'dir');
	const inputs = (await Promise.all(corpusRoots().map((r) => folders(resolve(ROOT, r))))).flat();
	const data = join(MULTI_DIR, 'static', 'data');
	await run(['--import', 'tsx', 'scripts/extract.ts', '--input', ...inputs, '--out', data], ROOT);
	await run([join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], MULTI_DIR, { ...process.env, NOEGLETAL_DATA: data });
	return MULTI_BUILD;
}

/** Rows of the multi-municipality site's own data (facts, documents), to compare what the pages show with. */
export async function multiQuery<T = Record<string, unknown>>(sql: string): Promise<T[]> {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const data = join(MULTI_DIR, 'static', 'data', '.current');
	const db = await (await DuckDBInstance.create(':memory:')).connect();
	await db.run(
		`CREATE VIEW facts AS SELECT * FROM '${join(data, 'facts.parquet')}'; CREATE VIEW documents AS SELECT * FROM '${join(data, 'documents.parquet')}'`
	);
	const reader = await db.runAndReadAll(sql);
	const rows = reader.getRowObjectsJson() as T[];
	db.closeSync();
	return rows;
}
