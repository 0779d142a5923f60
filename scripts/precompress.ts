/**
 * After `vite build`: writes brotli (.br) and gzip (.gz) copies next to every text and wasm file
 * in build/, for servers that send precompressed files (scripts/serve.ts, nginx, Apache, IIS; see
 * the README), and removes from build/data/ the generation folders that vite copied from
 * static/data/ beside the data set's own names (see scripts/lib/publish.ts).
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.wasm', '.map', '.webmanifest']);
/** Smaller files are sent as they are: compression would save less than a packet. */
const MIN_BYTES = 1024;
/** Brotli's best quality costs minutes on the 18 MB DuckDB wasm; above this size level 5 (3.3 MB instead of 2.7, in seconds). */
const LARGE_BYTES = 1024 * 1024;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else if (entry.isFile()) yield path;
	}
}

async function compress(path: string): Promise<number> {
	const bytes = await readFile(path);
	if (bytes.length < MIN_BYTES) return 0;
	// Large files, and the many small data files of a big corpus (data/site/), at a fast level.
	const large = bytes.length > LARGE_BYTES || path.includes(`${sep}data${sep}site${sep}`);
	const [br, gzipped] = await Promise.all([
		brotli(bytes, {
			params: {
				[constants.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_QUALITY]: large ? 5 : constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_LGWIN]: large ? 24 : 22,
				[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
			}
		}),
		gz(bytes, { level: large ? 6 : constants.Z_BEST_COMPRESSION })
	]);
	// a compressed copy that is not smaller is not written: the server then sends the file itself
	if (br.length < bytes.length) await writeFile(`${path}.br`, br);
	if (gzipped.length < bytes.length) await writeFile(`${path}.gz`, gzipped);
	return 1;
}

export async function precompress(root: string): Promise<number> {
	const data = join(root, 'data');
	for (const name of await readdir(data).catch(() => [] as string[])) {
		if (name.startsWith('.')) await rm(join(data, name), { recursive: true, force: true });
	}
	const todo: string[] = [];
	for await (const path of files(root)) {
		const ext = extname(path);
		if (COMPRESSIBLE.has(ext) && (await stat(path)).size >= MIN_BYTES) todo.push(path);
	}
	let done = 0;
	// a few at a time: zlib's async calls share libuv's four threads
	for (let i = 0; i < todo.length; i += 4) done += (await Promise.all(todo.slice(i, i + 4).map(compress))).reduce((a, b) => a + b, 0);
	return done;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const root = process.argv[2] ?? 'build';
	const started = performance.now();
	const n = await precompress(root);
	console.log(`precompress: ${n} files in ${root}/ with .br and .gz (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
