/**
 * PDF reading on one thread: renders the first --mb MB of a corpus as PDFs (not timed), then
 * times turning them back into text. Prints one JSON line.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfToText } from '../../src/lib/ingest/pdf';
import { minutesPdf } from '../../tests/fixtures/minutes-pdf';

const [corpus, mbArg] = process.argv.slice(2);
const limit = Number(mbArg ?? 2) * 1e6;
const pdfs: Uint8Array[] = [];
let bytes = 0;
outer: for (const folder of (await readdir(corpus, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
	for (const name of (await readdir(join(corpus, folder))).filter((n) => n.endsWith('.txt')).sort()) {
		const text = await readFile(join(corpus, folder, name), 'utf8');
		pdfs.push(new Uint8Array(await minutesPdf(text, { footer: (p, n) => `Side ${p} af ${n}` })));
		bytes += Buffer.byteLength(text);
		if (bytes >= limit) break outer;
	}
}
await pdfToText(pdfs[0]);
const started = performance.now();
let pages = 0;
for (const pdf of pdfs) pages += (await pdfToText(pdf)).pageStarts.length;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ files: pdfs.length, pages, text_bytes: bytes, seconds })}\n`);
