/**
 * Serves the built site (build/) as a production host would: sirv sends the brotli or gzip copy
 * the build wrote next to a file when the browser accepts it, hashed assets under /_app/immutable/
 * are cached for a year, everything else is revalidated, and every response says nosniff and
 * carries a Content-Security-Policy. Usage: npm run preview -- [--host <name>] [--port <n>]
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

export interface ServeOptions {
	/** The built site. */
	root: string;
	/** Serve /data/* from this folder instead of root/data (tests swap in another corpus). */
	dataDir?: string;
	host?: string;
	/** 0 picks a free port. */
	port?: number;
}

const IMMUTABLE = '/_app/immutable/';
/** The small data files behind taps and filters: their folder is named by a hash of their content. */
const DATA_FILES = /^\/data\/site\/[0-9a-f]{16}\//;
const YEAR_S = 365 * 24 * 60 * 60;

/**
 * Pages carry their own policy, with the hashes of their inline scripts, in a <meta> tag the
 * build writes (kit.csp in svelte.config.js); the header adds what a <meta> policy cannot say.
 */
const PAGE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
/** Everything else, workers included (a worker's policy is its own response's header). */
const RESOURCE_POLICY =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; " +
	"img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

/** Types the MIME table of sirv lacks. */
const EXTRA_TYPES: Record<string, string> = {
	'.parquet': 'application/vnd.apache.parquet'
};

function setHeaders(res: ServerResponse, pathname: string): void {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('Referrer-Policy', 'same-origin');
	const page = pathname.endsWith('/') || pathname.endsWith('.html') || !/\.[a-z0-9]+$/i.test(pathname);
	res.setHeader('Content-Security-Policy', page ? PAGE_POLICY : RESOURCE_POLICY);
	res.setHeader('Cache-Control', pathname.startsWith(IMMUTABLE) || DATA_FILES.test(pathname) ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
	const ext = /\.[a-z0-9]+$/i.exec(pathname)?.[0].toLowerCase();
	if (ext && EXTRA_TYPES[ext]) res.setHeader('Content-Type', EXTRA_TYPES[ext]);
}

/**
 * A byte range sirv answers correctly: one range 'bytes=a-b' with 0 < b >= a, or 'bytes=a-'.
 * Any other Range header is ignored and the whole file sent (RFC 9110 allows it); handed to
 * sirv, 'bytes=10-5' would throw and end the server.
 */
function usableRange(range: string): boolean {
	const m = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range.trim());
	if (!m) return false;
	return m[2] === '' || (Number(m[2]) >= Number(m[1]) && Number(m[2]) > 0);
}

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

function files(dir: string): Handler {
	return sirv(dir, { dev: false, etag: true, brotli: true, gzip: true, extensions: ['html'], setHeaders }) as Handler;
}

/** The requested path, or null when it cannot be decoded. */
function pathOf(req: IncomingMessage): string | null {
	try {
		return decodeURIComponent((req.url ?? '/').split('?')[0]);
	} catch {
		return null;
	}
}

export function serve(options: ServeOptions): Promise<{ server: Server; url: string }> {
	const site = files(options.root);
	const data = options.dataDir ? files(options.dataDir) : null;
	const notFoundPage = join(resolve(options.root), '404.html');

	const notFound = (req: IncomingMessage, res: ServerResponse) => {
		res.statusCode = 404;
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.setHeader('Content-Security-Policy', PAGE_POLICY);
		if (req.method === 'GET' && existsSync(notFoundPage)) createReadStream(notFoundPage).pipe(res);
		else res.end('Ikke fundet');
	};

	const server = createServer((req, res) => {
		// A file stream piped into a response whose client went away is closed with it, so aborted
		// downloads cannot use up the process's file handles.
		res.on('pipe', (source: Readable) => {
			res.once('close', () => source.destroy());
			// a file gone since start-up (a new build) ends this response, not the server
			source.once('error', () => res.destroy());
		});
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
			res.end('Kun GET og HEAD');
			return;
		}
		const path = pathOf(req);
		if (path === null || path.includes('\0')) return notFound(req, res);
		// A byte range is a range of the file itself, never of a compressed copy (DuckDB-WASM reads Parquet in ranges).
		if (req.headers.range !== undefined) {
			if (usableRange(req.headers.range)) delete req.headers['accept-encoding'];
			else delete req.headers.range;
		}
		try {
			if (data && path.startsWith('/data/')) {
				req.url = (req.url ?? '/').slice('/data'.length);
				data(req, res, () => notFound(req, res));
			} else site(req, res, () => notFound(req, res));
		} catch (error) {
			// one request that fails must not end the server
			console.error(`serve: ${req.url}: ${(error as Error).message}`);
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Serverfejl');
			else res.destroy();
		}
	});
	server.on('clientError', (_error, socket) => socket.destroy());
	return new Promise((done, fail) => {
		server.once('error', fail);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', fail);
			// after start-up, an error on one connection (e.g. no file handle left) must not end the server
			server.on('error', (error) => console.error(`serve: ${error.message}`));
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : options.port;
			const host = options.host ?? '127.0.0.1';
			done({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/` });
		});
	});
}

export class ServeUsage extends Error {}

export const SERVE_USAGE = `Usage: npm run preview -- [<folder>] [--host <name>] [--port <n>] [--data <folder>]

Serves the built site (default: build/) on http://127.0.0.1:4173/ (or HOST and PORT from the
environment). --host 0.0.0.0 serves every network interface; --port 0 picks a free port.`;

export function parseServeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Required<Omit<ServeOptions, 'dataDir'>> & { dataDir?: string } {
	let root: string | undefined;
	let host = env.HOST || '127.0.0.1';
	let port = env.PORT ? Number(env.PORT) : 4173;
	let dataDir: string | undefined;
	for (let i = 0; i < argv.length; i++) {
		const eq = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
		const flag = eq > 0 ? argv[i].slice(0, eq) : argv[i];
		const value = () => {
			const v = eq > 0 ? argv[i].slice(eq + 1) : argv[++i];
			if (v === undefined || v === '') throw new ServeUsage(`${flag} needs a value`);
			return v;
		};
		if (flag === '--host') host = value();
		else if (flag === '--port') port = Number(value());
		else if (flag === '--data') dataDir = value();
		else if (!flag.startsWith('-') && root === undefined) root = flag;
		else throw new ServeUsage(`unknown argument '${argv[i]}'`);
	}
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeUsage(`--port needs a whole number from 0 to 65535, not '${port}'`);
	return { root: root ?? 'build', host, port, ...(dataDir ? { dataDir } : {}) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	let options;
	try {
		options = parseServeArgs(process.argv.slice(2), process.env);
	} catch (error) {
		if (!(error instanceof ServeUsage)) throw error;
		console.error(`serve: ${error.message}\n\n${SERVE_USAGE}`);
		process.exit(2);
	}
	if (!existsSync(join(options.root, 'index.html'))) {
		console.error(`${options.root}/index.html findes ikke: kør "npm run build" først.`);
		process.exit(1);
	}
	const { url } = await serve(options);
	console.log(`Nøgletal kører på ${url}`);
}
