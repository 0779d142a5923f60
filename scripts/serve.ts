import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.map': 'application/json; charset=utf-8'
};

export interface ServeOptions {
	/** The built site. */
	root: string;
	/** Serve /data/* from this folder instead of root/data (tests swap in another corpus). */
	dataDir?: string;
	host?: string;
	/** 0 picks a free port. */
	port?: number;
}

function fileFor(options: ServeOptions, urlPath: string): string | null {
	let path: string;
	try {
		path = decodeURIComponent(urlPath.split('?')[0]);
	} catch {
		return null;
	}
	const useData = options.dataDir && path.startsWith('/data/');
	const base = resolve(useData ? options.dataDir! : options.root);
	const rel = useData ? path.slice('/data/'.length) : path;
	const full = normalize(join(base, rel));
	if (full !== base && !full.startsWith(base + sep)) return null;
	if (existsSync(full) && statSync(full).isDirectory()) {
		const index = join(full, 'index.html');
		return existsSync(index) ? index : null;
	}
	if (existsSync(full)) return full;
	if (existsSync(`${full}.html`)) return `${full}.html`;
	return null;
}

/** A small static file server for build/, with HEAD and byte ranges (DuckDB-WASM reads Parquet in ranges). */
export function serve(options: ServeOptions): Promise<{ server: Server; url: string }> {
	const server = createServer((req, res) => {
		const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(options, req.url ?? '/') : null;
		if (!file) {
			const notFound = join(options.root, '404.html');
			res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, { 'content-type': 'text/html; charset=utf-8' });
			if (req.method === 'GET' && existsSync(notFound)) createReadStream(notFound).pipe(res);
			else res.end('Ikke fundet');
			return;
		}
		const size = statSync(file).size;
		const headers: Record<string, string | number> = {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'accept-ranges': 'bytes',
			'cache-control': 'no-cache'
		};
		const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
		if (range && (range[1] !== '' || range[2] !== '')) {
			let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
			let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
			start = Math.max(0, start);
			if (start > end || start >= size) {
				res.writeHead(416, { 'content-range': `bytes */${size}` });
				res.end();
				return;
			}
			end = Math.max(start, end);
			res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	return new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : options.port;
			done({ server, url: `http://${options.host ?? '127.0.0.1'}:${port}/` });
		});
	});
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const args = process.argv.slice(2);
	const dataAt = args.indexOf('--data');
	const dataDir = dataAt >= 0 ? args.splice(dataAt, 2)[1] : undefined;
	const root = args[0] ?? 'build';
	if (!existsSync(join(root, 'index.html'))) {
		console.error(`${root}/index.html findes ikke: kør "npm run build" først.`);
		process.exit(1);
	}
	const port = Number(process.env.PORT ?? 4173);
	const { url } = await serve({ root, dataDir, port, host: process.env.HOST ?? '127.0.0.1' });
	console.log(`Nøgletal kører på ${url}`);
}
