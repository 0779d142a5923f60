/**
 * The pure extractor on one thread, no CLI around it: reads up to --mb MB of a corpus into
 * memory, then times extractDocument over it (wall and CPU time). Prints one JSON line.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { extractDocument } from '../../src/lib/extract/index';
import type { DocumentMeta } from '../../src/lib/extract/types';

const [corpus, mbArg] = process.argv.slice(2);
const limit = Number(mbArg ?? 20) * 1e6;
const docs: { text: string; meta: DocumentMeta; bytes: number }[] = [];
let bytes = 0;
outer: for (const folder of (await readdir(corpus, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
	const manifest = JSON.parse(await readFile(join(corpus, folder, 'manifest.json'), 'utf8'));
	for (const name of (await readdir(join(corpus, folder))).filter((n) => n.endsWith('.txt')).sort()) {
		const data = await readFile(join(corpus, folder, name));
		docs.push({ text: data.toString('utf8'), meta: { doc_id: name.slice(0, -4), file_name: name, ...manifest[name] }, bytes: data.length });
		bytes += data.length;
		if (bytes >= limit) break outer;
	}
}
const started = performance.now();
const cpu = process.cpuUsage();
let facts = 0;
for (const d of docs) facts += extractDocument(d.text, d.meta).facts.length;
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - started) / 1000;
// CPU time is what the target is stated in (MB per CPU-second); wall time also counts other processes on a busy machine.
const cpu_seconds = (used.user + used.system) / 1e6;
process.stdout.write(`${JSON.stringify({ files: docs.length, bytes, facts, seconds, cpu_seconds, mb_per_cpu_s: Math.round((bytes / 1e6 / cpu_seconds) * 100) / 100 })}\n`);
