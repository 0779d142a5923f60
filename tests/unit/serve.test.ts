import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../scripts/precompress';
import { parseServeArgs, serve } from '../../scripts/serve';

const ROOT = resolve(import.meta.dirname, '../..');
const site = await mkdtemp(join(tmpdir(), 'serve-'));
afterAll(() => rm(site, { recursive: true, force: true }));

const script = 'export const x = 1;\n'.repeat(400);
const wasm = Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(64 * 1024, 7)]);
const big = randomBytes(8 * 1024 * 1024);
const parquet = randomBytes(100_000);

interface Reply {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
	return new Promise((done, fail) => {
		const req = request(url, { headers, method, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on('error', fail);
		req.end();
	});
}

/** Starts a download, and hangs up as soon as its first bytes arrive. */
function abortedDownload(url: string): Promise<void> {
	return new Promise((done) => {
		const req = request(url, { agent: false }, (res) => res.once('data', () => (req.destroy(), done())));
		req.on('error', () => done());
		req.end();
	});
}

const openFiles = async () => (await readdir('/proc/self/fd')).length;

let server: Server;
let url: string;

beforeAll(async () => {
	await mkdir(join(site, '_app', 'immutable', 'assets'), { recursive: true });
	await mkdir(join(site, 'data'));
	await mkdir(join(site, 'klagesager'));
	await writeFile(join(site, 'index.html'), `<!doctype html><title>Nøgletal</title>${'<p>forside</p>'.repeat(200)}`);
	await writeFile(join(site, 'klagesager.html'), '<!doctype html><title>Klagesager</title>');
	await writeFile(join(site, '404.html'), '<!doctype html><title>Ikke fundet</title>');
	await writeFile(join(site, '_app', 'immutable', 'entry.Ab12Cd.js'), script);
	await writeFile(join(site, '_app', 'immutable', 'assets', 'duckdb.Ef34.wasm'), wasm);
	await writeFile(join(site, 'big.bin'), big);
	await writeFile(join(site, 'data', 'facts.parquet'), parquet);
	await mkdir(join(site, 'data', '.generations', 'old'), { recursive: true });
	await writeFile(join(site, 'data', '.generations', 'old', 'facts.parquet'), 'copied by vite');
	await precompress(site);
	({ server, url } = await serve({ root: site, port: 0 }));
}, 60_000);
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the site server', () => {
	it('has the build write brotli and gzip copies of text and wasm, and no generation folders in data/', async () => {
		const assets = await readdir(join(site, '_app', 'immutable', 'assets'));
		expect(assets.sort()).toEqual(['duckdb.Ef34.wasm', 'duckdb.Ef34.wasm.br', 'duckdb.Ef34.wasm.gz']);
		expect(await readdir(join(site, 'data'))).toEqual(['facts.parquet']);
	});

	it('sends the precompressed copy the browser accepts, with the type of the file itself', async () => {
		const path = `${url}_app/immutable/assets/duckdb.Ef34.wasm`;
		const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-type']).toBe('application/wasm');
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers.vary).toBe('Accept-Encoding');
		expect(br.body.length).toBeLessThan(wasm.length / 10);
		expect(brotliDecompressSync(br.body).equals(wasm)).toBe(true);
		const gz = await get(path, { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).equals(wasm)).toBe(true);
		const plain = await get(path);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.equals(wasm)).toBe(true);
		const js = await get(`${url}_app/immutable/entry.Ab12Cd.js`, { 'accept-encoding': 'br' });
		expect(js.headers['content-type']).toMatch(/^text\/javascript/);
		expect(brotliDecompressSync(js.body).toString()).toBe(script);
	});

	it('caches hashed assets for a year and makes pages and data revalidate', async () => {
		const asset = await get(`${url}_app/immutable/entry.Ab12Cd.js`);
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		for (const path of ['', 'klagesager', 'data/facts.parquet']) {
			const reply = await get(url + path);
			expect(reply.status).toBe(200);
			expect(reply.headers['cache-control']).toBe('no-cache');
			expect(reply.headers.etag).toBeTruthy();
		}
		const again = await get(url, { 'if-none-match': (await get(url)).headers.etag as string });
		expect(again.status).toBe(304);
	});

	it('says nosniff and sends a Content-Security-Policy on every response', async () => {
		for (const path of ['', 'klagesager', '_app/immutable/entry.Ab12Cd.js', 'data/facts.parquet', 'no-such-page']) {
			const reply = await get(url + path);
			expect(reply.headers['x-content-type-options']).toBe('nosniff');
			expect(reply.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
		}
		const worker = await get(`${url}_app/immutable/entry.Ab12Cd.js`);
		expect(worker.headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
	});

	it('answers byte ranges of Parquet from the file itself, never from a compressed copy', async () => {
		const part = await get(`${url}data/facts.parquet`, { range: 'bytes=100-199', 'accept-encoding': 'br, gzip' });
		expect(part.status).toBe(206);
		expect(part.headers['content-type']).toBe('application/vnd.apache.parquet');
		expect(part.headers['content-encoding']).toBeUndefined();
		expect(part.headers['content-range']).toBe(`bytes 100-199/${parquet.length}`);
		expect(part.body.equals(parquet.subarray(100, 200))).toBe(true);
		const head = await get(`${url}data/facts.parquet`, {}, 'HEAD');
		expect(Number(head.headers['content-length'])).toBe(parquet.length);
	});

	it('refuses other methods, paths outside the site and hidden files', async () => {
		expect((await get(url, {}, 'POST')).status).toBe(405);
		expect((await get(`${url}../package.json`)).status).toBe(404);
		expect((await get(`${url}%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
		expect((await get(`${url}data/.generations/old/facts.parquet`)).status).toBe(404);
		const missing = await get(`${url}findes-ikke`);
		expect(missing.status).toBe(404);
		expect(missing.body.toString()).toContain('Ikke fundet');
	});

	it('ignores ranges it cannot answer (the whole file, 200) and stays up', async () => {
		for (const range of ['bytes=10-5', 'bytes=-100', 'bytes=0-0', 'bytes=abc', 'bytes=0-1,5-9']) {
			const reply = await get(`${url}data/facts.parquet`, { range });
			expect(reply.status).toBe(200);
			expect(reply.body.equals(parquet)).toBe(true);
		}
		expect((await get(`${url}data/facts.parquet`, { range: `bytes=${parquet.length}-` })).status).toBe(416);
		expect((await get(url)).status).toBe(200);
	});

	it('stays up when a file disappears after start-up (a new build)', async () => {
		await writeFile(join(site, 'gone.txt'), 'x'.repeat(5000));
		const { server: other, url: otherUrl } = await serve({ root: site, port: 0 });
		try {
			await rm(join(site, 'gone.txt'));
			await get(`${otherUrl}gone.txt`).catch(() => null);
			expect((await get(otherUrl)).status).toBe(200);
		} finally {
			other.close();
		}
	});

	it('survives many aborted downloads: file handles stay bounded and the next request is served', async () => {
		const before = await openFiles();
		for (let round = 0; round < 10; round++) {
			await Promise.all(Array.from({ length: 30 }, () => abortedDownload(`${url}big.bin`)));
		}
		await new Promise((r) => setTimeout(r, 300));
		const after = await openFiles();
		expect(after - before).toBeLessThan(20);
		const reply = await get(`${url}big.bin`);
		expect(reply.status).toBe(200);
		expect(reply.body.equals(big)).toBe(true);
	}, 60_000);
});

describe('npm run preview', () => {
	it('honours --host and --port (and HOST, PORT), refusing a port out of range', () => {
		expect(parseServeArgs(['build', '--host', '0.0.0.0', '--port', '8080'])).toEqual({ root: 'build', host: '0.0.0.0', port: 8080 });
		expect(parseServeArgs(['--port=0'], { HOST: '::1', PORT: '9000' })).toEqual({ root: 'build', host: '::1', port: 0 });
		expect(parseServeArgs([], { PORT: '9000' })).toMatchObject({ host: '127.0.0.1', port: 9000 });
		expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port needs a whole number from 0 to 65535/);
		expect(() => parseServeArgs(['--verbose'])).toThrow(/unknown argument/);
	});

	it('serves on the port it is given', async () => {
		const port = 20_000 + Math.floor(Math.random() * 20_000);
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', site, '--host', '127.0.0.1', '--port', String(port)], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		try {
			const line = await new Promise<string>((done, fail) => {
				child.stdout.on('data', (c) => done(String(c)));
				child.on('exit', (code) => fail(new Error(`exited ${code}`)));
			});
			expect(line).toContain(`http://127.0.0.1:${port}/`);
			expect((await get(`http://127.0.0.1:${port}/`)).status).toBe(200);
		} finally {
			child.kill();
		}
	}, 30_000);
});
