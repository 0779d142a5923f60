import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractDocument } from '../../src/lib/extract/index';
import { decodeWindows1252 } from '../../src/lib/extract/decode';
import type { DocumentMeta, Extraction } from '../../src/lib/extract/types';
import { MAX_JOBS, UsageError, parseArgs } from '../../scripts/lib/args';
import { readParquet } from '../../scripts/lib/parquet';
import { Progress } from '../../scripts/lib/progress';
import { CURRENT, GENERATIONS, TEMP_PREFIX } from '../../scripts/lib/publish';
import { ExtractionSandbox } from '../../scripts/lib/sandbox';
import { DOCUMENT_COLUMNS, FACT_COLUMNS, ITEM_COLUMNS, OUTPUT_FILES } from '../../scripts/lib/schema';

const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds');
const scratch = await mkdtemp(join(tmpdir(), 'extract-cli-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

function startCli(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<Run> } {
	const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk) => (stdout += chunk));
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	const done = new Promise<Run>((settle) => child.on('close', (code) => settle({ code, stdout, stderr })));
	return { child, done };
}

const runCli = (args: string[], env?: Record<string, string>) => startCli(args, env).done;
/** What `ls` shows of an output folder: the data set's names, without the generations behind them. */
const visible = (names: string[]) => names.filter((n) => !n.startsWith('.'));

async function readOutput(dir: string) {
	const [facts, documents, items] = await Promise.all(OUTPUT_FILES.map((f) => readParquet(join(dir, f))));
	return { facts, documents, items };
}

const schemaOf = (cols: readonly { name: string; type: string }[]) => cols.map((c) => `${c.name} ${c.type}`);
const byFactId = (a: object, b: object) =>
	String((a as { fact_id: unknown }).fact_id).localeCompare(String((b as { fact_id: unknown }).fact_id));

const seedNames = (await readdir(SEEDS)).filter((n) => n.endsWith('.txt')).sort();
const seedText = async (name: string) => readFile(join(SEEDS, name), 'utf8');
type ManifestEntry = { municipality: string; committee: string; meeting_date: string; basis: string };
const seedManifest = JSON.parse(await readFile(join(SEEDS, 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
const seedMeta = (name: string): DocumentMeta => {
	const { municipality, committee, meeting_date } = seedManifest[name];
	return { doc_id: name.replace(/\.txt$/, ''), file_name: name, municipality, committee, meeting_date };
};

/** Windows-1252 bytes of a text; characters the code page lacks become '?'. */
function toWindows1252(text: string): { bytes: Uint8Array; text: string } {
	const high = new Map<number, number>();
	for (let b = 0x80; b <= 0x9f; b++) high.set(decodeWindows1252(Uint8Array.of(b)).charCodeAt(0), b);
	const codes = [...text].map((ch) => {
		const c = ch.codePointAt(0)!;
		return high.get(c) ?? (c <= 0xff ? c : 0x3f);
	});
	const bytes = Uint8Array.from(codes);
	return { bytes, text: decodeWindows1252(bytes) };
}

describe('extract CLI on a folder of good and bad files', () => {
	const mixed = join(scratch, 'mixed');
	const out = join(scratch, 'out-mixed');
	/** doc_id -> the text the CLI should have decoded. */
	const decoded = new Map<string, string>();
	const expectedMeta = new Map<string, DocumentMeta>();
	let run: Run;
	let output: Awaited<ReturnType<typeof readOutput>>;

	beforeAll(async () => {
		await mkdir(mixed);
		for (const name of seedNames) {
			await copyFile(join(SEEDS, name), join(mixed, name));
			const id = name.replace(/\.txt$/, '');
			decoded.set(id, await seedText(name));
			expectedMeta.set(id, seedMeta(name));
		}

		const bomText = await seedText(seedNames[0]);
		await writeFile(join(mixed, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bomText)]));
		decoded.set('bom', bomText);
		expectedMeta.set('bom', { doc_id: 'bom', file_name: 'bom.txt', committee: 'Testudvalget', meeting_date: null });

		const latin = toWindows1252(await seedText(seedNames[1]));
		await writeFile(join(mixed, 'latin1.txt'), latin.bytes);
		decoded.set('latin1', latin.text);
		expectedMeta.set('latin1', { doc_id: 'latin1', file_name: 'latin1.txt' });

		const all = (await Promise.all(seedNames.map(seedText))).join(' ').replace(/\s+/g, ' ');
		const oneLine = all.repeat(Math.ceil(1_100_000 / all.length));
		await writeFile(join(mixed, 'oneline.txt'), oneLine);
		decoded.set('oneline', oneLine);
		expectedMeta.set('oneline', { doc_id: 'oneline', file_name: 'oneline.txt' });

		await writeFile(join(mixed, 'empty.txt'), '');
		await writeFile(join(mixed, 'blank.txt'), '\n \n\t\r\n');
		await writeFile(join(mixed, 'binary.txt'), Buffer.from([...Buffer.from('%PDF-1.7\n'), 0, 0, 1, 2, 3, 0xff, 0xfe]));
		let seed = 11;
		const noise = Buffer.from(Array.from({ length: 20_000 }, () => ((seed = (seed * 48271) % 2147483647) % 255) + 1));
		await writeFile(join(mixed, 'noise.txt'), noise);
		await mkdir(join(mixed, 'folder.txt'));
		await writeFile(join(mixed, 'folder.txt', 'inside.txt'), 'Punkt 1: ikke et referat');
		await symlink(join(mixed, 'gone.txt'), join(mixed, 'dangling.txt'));
		await writeFile(join(mixed, 'notes.md'), 'not minutes');
		await writeFile(join(mixed, '.hidden.txt'), Buffer.from([0, 1, 2]));
		await writeFile(
			join(mixed, 'manifest.json'),
			JSON.stringify({
				...seedManifest,
				'bom.txt': { committee: 'Testudvalget', meeting_date: '2024-13-01' }
			})
		);

		run = await runCli(['--input', mixed, '--out', out, '--timeout', '30']);
		output = await readOutput(out);
	}, 120_000);

	it('exits 1 because some files failed, and still writes all three files', () => {
		expect(run.code).toBe(1);
		expect(output.documents.rows.length).toBe(seedNames.length + 9);
	});

	it('writes the contract’s columns and types', () => {
		expect(schemaOf(output.facts.columns)).toEqual(schemaOf(FACT_COLUMNS));
		expect(schemaOf(output.documents.columns)).toEqual(schemaOf(DOCUMENT_COLUMNS));
		expect(schemaOf(output.items.columns)).toEqual(schemaOf(ITEM_COLUMNS));
	});

	it.each([
		['empty.txt', 'empty file (0 bytes)'],
		['blank.txt', 'empty file (no text, only whitespace)'],
		['binary.txt', 'binary file (contains NUL bytes), skipped'],
		['noise.txt', 'binary file (control characters, not text), skipped'],
		['folder.txt', 'cannot read: is a folder, not a file'],
		['dangling.txt', 'cannot read: file not found (a broken link?)']
	])('%s gets one error line naming it, and a documents row with the reason', (file, reason) => {
		const shown = join(mixed, file);
		const lines = run.stderr.split('\n').filter((l) => l.includes(`${shown}:`));
		expect(lines).toEqual([`error ${shown}: ${reason}`]);
		expect(run.stdout).toContain(`    ${shown}: ${reason}\n`);
		const row = output.documents.rows.find((r) => r.file_name === file);
		expect(row).toMatchObject({ error: reason, item_count: 0, fact_count: 0 });
		expect(output.facts.rows.filter((r) => r.doc_id === row!.doc_id)).toEqual([]);
	});

	it('reports a bad manifest date and reads the file anyway', () => {
		const line = `${join(mixed, 'manifest.json')}: 'bom.txt' meeting_date '2024-13-01' is not an ISO date (yyyy-mm-dd), ignored`;
		expect(run.stderr).toContain(`error ${line}\n`);
		expect(run.stdout).toContain(`    ${line}\n`);
		expect(output.documents.rows.find((r) => r.doc_id === 'bom')).toMatchObject({
			committee: 'Testudvalget',
			meeting_date: null,
			encoding: 'utf-8-bom',
			error: null
		});
	});

	it('ignores hidden files and files that are not .txt', () => {
		const ids = output.documents.rows.map((r) => r.doc_id);
		expect(ids).not.toContain('.hidden');
		expect(ids).not.toContain('notes');
		expect(run.stderr).not.toContain('.hidden.txt');
	});

	it('names the encoding of Windows-1252 and BOM files in the output line and the encoding column', () => {
		expect(run.stderr).toMatch(new RegExp(`^note  ${join(mixed, 'latin1.txt')}: .*read as windows-1252`, 'm'));
		expect(run.stderr).toMatch(new RegExp(`^note  ${join(mixed, 'bom.txt')}: .*byte order mark`, 'm'));
		const encoding = (id: string) => output.documents.rows.find((r) => r.doc_id === id)?.encoding;
		expect(encoding('latin1')).toBe('windows-1252');
		expect(encoding(seedNames[0].replace('.txt', ''))).toBe('utf-8');
	});

	it('processes a 1 MB single-line file quickly', () => {
		const line = run.stderr.split('\n').find((l) => l.includes(`${join(mixed, 'oneline.txt')}:`));
		expect(line).toMatch(/^ok {4}.*, (\d+) ms$/);
		const ms = Number(/(\d+) ms$/.exec(line!)![1]);
		console.info(`1 MB single line: ${ms} ms in the extractor`);
		expect(ms).toBeLessThan(30_000);
		expect(output.documents.rows.find((r) => r.doc_id === 'oneline')).toMatchObject({ error: null, encoding: 'utf-8' });
	});

	it('writes for every readable file exactly what extractDocument returns for its decoded text', () => {
		expect(decoded.size).toBe(seedNames.length + 3);
		for (const [docId, text] of decoded) {
			const meta = expectedMeta.get(docId)!;
			const expected: Extraction = extractDocument(text, {
				doc_id: docId,
				file_name: meta.file_name,
				committee: meta.committee ?? null,
				meeting_date: meta.meeting_date ?? null,
				municipality: meta.municipality ?? null
			});
			const facts = output.facts.rows.filter((r) => r.doc_id === docId);
			// The CLI adds the page a fact stands on, which a text file does not have.
			expect([...facts].sort(byFactId)).toEqual([...expected.facts].map((f) => ({ ...f, page: null })).sort(byFactId));
			expect(output.items.rows.filter((r) => r.doc_id === docId)).toEqual(
				[...expected.items].sort((a, b) => a.item_no - b.item_no || a.char_start - b.char_start)
			);
			const doc = output.documents.rows.find((r) => r.doc_id === docId);
			expect(doc).toMatchObject({
				file_name: meta.file_name,
				committee: expected.document.committee,
				meeting_date: expected.document.meeting_date,
				municipality: expected.document.municipality,
				item_count: expected.items.length,
				fact_count: expected.facts.length,
				error: null
			});
		}
	});

	it('keeps every quote and item text at its offsets in the decoded text', () => {
		for (const fact of output.facts.rows) {
			const text = decoded.get(fact.doc_id as string)!;
			expect(text.slice(fact.char_start as number, fact.char_end as number)).toBe(fact.quote);
		}
		for (const item of output.items.rows) {
			const text = decoded.get(item.doc_id as string)!;
			expect(text.slice(item.char_start as number, item.char_end as number)).toBe(item.text);
		}
	});

	it('sorts facts by doc_id, item_no, char_start, metric', () => {
		const key = (r: Record<string, unknown>) => [r.doc_id, r.item_no, r.char_start, r.metric] as [string, number, number, string];
		const rows = output.facts.rows.map(key);
		for (let i = 1; i < rows.length; i++) {
			const [a, b] = [rows[i - 1], rows[i]];
			const order = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
			expect(order).toBeLessThanOrEqual(0);
		}
	});

	it('ends with a short summary: files read, items, facts per family, inconsistent facts, errors', () => {
		const lines = run.stdout.trimEnd().split('\n');
		const good = seedNames.length + 3;
		expect(lines[0]).toMatch(new RegExp(`^extract: ${good} of ${good + 6} files read, 6 failed \\(\\d+\\.\\d s\\)$`));
		expect(lines[1]).toBe(`  items: ${output.items.rows.length}`);
		expect(lines[2]).toMatch(new RegExp(`^  facts: ${output.facts.rows.length} \\(klagesager \\d+, budget \\d+, magtanvendelse \\d+`));
		const inconsistent = output.facts.rows.filter((r) => r.check === 'inconsistent').length;
		expect(lines[3]).toBe(`  inconsistent facts: ${inconsistent}`);
		expect(lines[4]).toBe(`  written: facts.parquet, documents.parquet, items.parquet in ${out}/`);
		expect(lines[5]).toBe('  errors: 7');
		expect(lines.slice(6)).toHaveLength(7);
	});
});

describe('extract CLI output is atomic and stable', () => {
	const out = join(scratch, 'out-seeds');
	let first: Run;
	let before: Buffer[];

	beforeAll(async () => {
		first = await runCli(['--input', 'seeds/', '--out', out]);
		before = await Promise.all(OUTPUT_FILES.map((f) => readFile(join(out, f))));
	}, 60_000);

	it('exits 0 when every file was read, with the manifest’s data in documents.parquet', async () => {
		expect(first.code).toBe(0);
		expect(first.stdout).toMatch(/^extract: 5 of 5 files read \(/);
		expect(first.stdout.trimEnd().split('\n').at(-1)).toBe('  errors: none');
		expect(first.stderr.trim().split('\n')).toHaveLength(seedNames.length);
		const { documents } = await readOutput(out);
		for (const row of documents.rows) {
			const name = row.file_name as string;
			const expected = extractDocument(await seedText(name), seedMeta(name)).document;
			expect(row).toMatchObject({
				doc_id: (row.file_name as string).replace('.txt', ''),
				committee: expected.committee,
				meeting_date: expected.meeting_date,
				municipality: expected.municipality,
				encoding: 'utf-8',
				error: null
			});
		}
		expect(documents.rows.map((r) => r.meeting_date)).toEqual(seedNames.map((n) => seedManifest[n].meeting_date));
	});

	it.each([
		['written', 'the previous set', seedNames.length],
		['swapped', 'the new set', 2]
	] as const)('a run killed at step "%s" leaves %s whole, and the next run cleans up', async (step, _, documents) => {
		const two = join(scratch, `two-seeds-${step}`);
		await mkdir(two);
		for (const name of seedNames.slice(0, 2)) await copyFile(join(SEEDS, name), join(two, name));
		const killed = startCli(['--input', two, '--out', out], { EXTRACT_TEST_PAUSE: `${step}:30000` });
		const generations = () => readdir(join(out, GENERATIONS)).catch(() => [] as string[]);
		const deadline = Date.now() + 30_000;
		let paused = false;
		while (!paused && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 50));
			const gens = await generations();
			const newest = gens.find((g) => g.includes(`-${killed.child.pid}-`));
			if (!newest) continue;
			const files = await readdir(join(out, GENERATIONS, newest)).catch(() => []);
			const current = await readlink(join(out, CURRENT)).catch(() => '');
			paused = files.length === OUTPUT_FILES.length && (step === 'written' ? !current.endsWith(newest) : current.endsWith(newest));
		}
		expect(paused).toBe(true);
		await new Promise((r) => setTimeout(r, 200));
		killed.child.kill('SIGKILL');
		await killed.done;
		expect(killed.child.signalCode).toBe('SIGKILL');

		const set = await readOutput(out);
		expect(set.documents.rows).toHaveLength(documents);
		const ids = new Set(set.documents.rows.map((r) => r.doc_id));
		expect(set.facts.rows.every((r) => ids.has(r.doc_id))).toBe(true);
		expect(set.items.rows.every((r) => ids.has(r.doc_id))).toBe(true);
		expect(set.facts.rows.length).toBe(set.documents.rows.reduce((n, r) => n + (r.fact_count as number), 0));
		if (step === 'written') {
			const after = await Promise.all(OUTPUT_FILES.map((f) => readFile(join(out, f))));
			after.forEach((bytes, i) => expect(bytes.equals(before[i])).toBe(true));
		}

		const again = await runCli(['--input', 'seeds', '--out', out]);
		expect(again.code).toBe(0);
		expect(visible(await readdir(out)).sort()).toEqual([...OUTPUT_FILES].sort());
		expect(await generations()).toHaveLength(1);
		const after = await Promise.all(OUTPUT_FILES.map((f) => readFile(join(out, f))));
		after.forEach((bytes, i) => expect(bytes.equals(before[i])).toBe(true));
	}, 90_000);

	it('two runs on the same --out at once: one writes, the other exits 2 saying why, one whole set remains', async () => {
		const both = join(scratch, 'out-both');
		const [a, b] = await Promise.all([
			runCli(['--input', 'seeds', '--out', both]),
			new Promise<Run>((r) => setTimeout(r, 300)).then(() => runCli(['--input', 'seeds', '--out', both]))
		]);
		const codes = [a.code, b.code].sort();
		expect(codes).toEqual([0, 2]);
		const loser = a.code === 2 ? a : b;
		expect(loser.stderr).toMatch(new RegExp(`^extract: ${both}: another extract run \\(pid \\d+\\) is writing this output folder; wait until it has finished, or choose another --out$`, 'm'));
		expect((await readOutput(both)).documents.rows).toHaveLength(seedNames.length);
		expect(await readdir(join(both, GENERATIONS))).toHaveLength(1);
	}, 90_000);

	it('removes a temporary folder left by a killed run even when its PID is alive again', async () => {
		const left = join(out, GENERATIONS, `mx0-${process.pid}-dead`);
		const legacy = join(out, `${TEMP_PREFIX}${process.pid}-abc`);
		for (const dir of [left, legacy]) {
			await mkdir(dir, { recursive: true });
			await writeFile(join(dir, 'facts.parquet'), 'half-written');
		}
		expect((await runCli(['--input', 'seeds', '--out', out])).code).toBe(0);
		expect(visible(await readdir(out)).sort()).toEqual([...OUTPUT_FILES].sort());
		expect(await readdir(join(out, GENERATIONS))).toHaveLength(1);
		expect(await readdir(join(out, GENERATIONS))).not.toContain(`mx0-${process.pid}-dead`);
	}, 60_000);

	it('gives identical rows and fact_ids on a second run', async () => {
		const second = join(scratch, 'out-seeds-2');
		expect((await runCli(['--input', 'seeds', '--out', second])).code).toBe(0);
		const [a, b] = [await readOutput(out), await readOutput(second)];
		expect(b.facts.rows).toEqual(a.facts.rows);
		expect(b.documents.rows).toEqual(a.documents.rows);
		expect(b.items.rows).toEqual(a.items.rows);
		const current = await Promise.all(OUTPUT_FILES.map((f) => readFile(join(second, f))));
		current.forEach((bytes, i) => expect(bytes.equals(before[i])).toBe(true));
	}, 60_000);
});

const HUGE = `Gladsaxe Kommune\nReferat, Socialudvalget, 12. marts 2025\n\nPunkt 1: Budgetopfølgning 2024\n\nMerforbruget er ${'9'.repeat(310)} kr. i 2024. Mindreforbruget er -0 kr.\n\nPunkt 2: Klagesager\n\nAnkestyrelsen har i 2024 behandlet 20 sager, heraf 10 stadfæstet.\n`;

describe('extract CLI on inputs the README did not cover before', () => {
	const odd = join(scratch, 'odd');
	const out = join(scratch, 'out-odd');
	let run: Run;

	beforeAll(async () => {
		await mkdir(odd);
		const text = await seedText(seedNames[0]);
		await writeFile(join(odd, 'utf16.txt'), Buffer.from(text, 'utf16le'));
		await writeFile(join(odd, 'huge.txt'), HUGE);
		execFileSync('mkfifo', [join(odd, 'manifest.json')]);
		execFileSync('mkfifo', [join(odd, 'pipe.txt')]);
		const started = startCli(['--input', odd, '--out', out]);
		const timer = setTimeout(() => started.child.kill('SIGKILL'), 60_000);
		run = await started.done;
		clearTimeout(timer);
	}, 90_000);

	it('names and skips a named pipe called manifest.json or *.txt instead of waiting for a writer', () => {
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`error ${join(odd, 'manifest.json')}: not a regular file (a named pipe), manifest ignored\n`);
		expect(run.stderr).toContain(`error ${join(odd, 'pipe.txt')}: cannot read: not a regular file (a named pipe), skipped\n`);
	});

	it('drops a fact whose value is not finite alone, keeps the file and its other facts, and stores −0 as 0', async () => {
		const { documents, facts } = await readOutput(out);
		const line = run.stderr.split('\n').find((l) => l.includes(`${join(odd, 'huge.txt')}:`));
		// The extractor itself drops the impossible value (Extraction.dropped); the CLI would name it if it came through.
		expect(line).toMatch(/^(?:ok|note) /);
		expect(documents.rows.find((r) => r.doc_id === 'huge')).toMatchObject({ error: null });
		const own = facts.rows.filter((r) => r.doc_id === 'huge');
		expect(own.length).toBeGreaterThan(0);
		expect(own.every((r) => Number.isFinite(r.value as number) && !Object.is(r.value, -0))).toBe(true);
	});

	it('reads UTF-16 without a byte order mark, as the same facts as the UTF-8 file', async () => {
		const { documents, facts } = await readOutput(out);
		expect(documents.rows.find((r) => r.doc_id === 'utf16')).toMatchObject({ encoding: 'utf-16le', error: null });
		const expected = extractDocument(await seedText(seedNames[0]), { doc_id: 'utf16', file_name: 'utf16.txt' });
		expect(facts.rows.filter((r) => r.doc_id === 'utf16').length).toBe(expected.facts.length);
		expect(expected.facts.length).toBeGreaterThan(0);
	});
});

describe('extract CLI usage errors', () => {
	const never = join(scratch, 'never-written');
	const cases: [string, string[], RegExp][] = [
		['an unknown option', ['--input', 'seeds', '--frobnicate'], /extract: unknown option '--frobnicate'/],
		['a missing value', ['--input', 'seeds', '--timeout'], /extract: --timeout needs a value/],
		['an input that does not exist', ['--input', 'no-such-folder'], /extract: input not found: no-such-folder/],
		['a folder without minutes', ['--input', join(scratch, 'no-minutes')], /extract: no minutes \(\.txt, \.pdf, \.html\) in folder .*no-minutes\n/],
		['a file that is not minutes', ['--input', 'seeds/manifest.json'], /extract: not minutes: seeds\/manifest\.json \(minutes are \.txt, \.pdf, \.html or \.htm files\)/],
		['a timeout no timer can count', ['--input', 'seeds', '--timeout', '2147484'], /extract: --timeout is at most 86400 seconds \(one day\), not '2147484'/],
		['more jobs than twice the cores', ['--input', 'seeds', '--jobs', '100'], new RegExp(`extract: --jobs is at most ${MAX_JOBS} \\(twice the \\d+ cores\\), not '100'`)]
	];
	let runs: Run[];
	let unwritable: Run;

	beforeAll(async () => {
		await mkdir(join(scratch, 'no-minutes'));
		await writeFile(join(scratch, 'no-minutes', 'referat.docx'), 'PK');
		const blocked = join(scratch, 'a-file-not-a-folder');
		await writeFile(blocked, 'keep me');
		[unwritable, ...runs] = await Promise.all([
			runCli(['--input', 'seeds', '--out', blocked]),
			...cases.map(([, args]) => runCli([...args.slice(0, 2), '--out', never, ...args.slice(2)]))
		]);
	}, 60_000);

	it('an output folder that cannot be made exits 2, says truly that nothing was extracted and leaves it alone', async () => {
		expect(unwritable.code).toBe(2);
		expect(unwritable.stderr).toMatch(/^error .*a-file-not-a-folder: cannot write the output: EEXIST \(a file, not a folder, is in the way\); no file was extracted$/m);
		const lines = unwritable.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^extract: none of 5 files extracted: the output folder cannot be used \(\d+\.\d s\)$/);
		expect(lines).toContain(`  NOT written: the previous files in ${join(scratch, 'a-file-not-a-folder')}/ are unchanged`);
		expect(lines.at(-2)).toBe('  errors: 1');
		expect(await readFile(join(scratch, 'a-file-not-a-folder'), 'utf8')).toBe('keep me');
	});

	it.each(cases.map((c, i) => [c[0], i] as const))('%s exits 2 with the usage on stderr and writes nothing', async (_, i) => {
		expect(runs[i].code).toBe(2);
		expect(runs[i].stderr).toMatch(cases[i][2]);
		expect(runs[i].stderr).toContain('Usage: npm run extract --');
		expect(runs[i].stdout).toBe('');
		await expect(readdir(never)).rejects.toThrow();
	});
});

describe('parseArgs', () => {
	it('takes several inputs after one --input, repeated --input and --flag=value', () => {
		expect(parseArgs(['--input', 'a', 'b.txt', '--out', 'o', '-i', 'c', '--input=d'])).toEqual({
			inputs: ['a', 'b.txt', 'c', 'd'],
			out: 'o',
			timeoutMs: 60_000,
			help: false
		});
	});

	it('defaults to seeds/ and static/data/', () => {
		expect(parseArgs([])).toMatchObject({ inputs: ['seeds'], out: 'static/data' });
	});

	it('refuses stray arguments, bad timeouts and a second --out', () => {
		expect(() => parseArgs(['seeds'])).toThrow(UsageError);
		expect(() => parseArgs(['--timeout', 'soon'])).toThrow(/positive number/);
		expect(() => parseArgs(['--out', 'a', '--out', 'b'])).toThrow(/twice/);
		expect(() => parseArgs(['--input', '--out', 'x'])).toThrow(/--input needs a value/);
	});
});

describe('ExtractionSandbox', () => {
	const fakeWorker = join(scratch, 'fake-worker.mjs');
	let sandbox: ExtractionSandbox;

	beforeAll(async () => {
		await writeFile(
			fakeWorker,
			`import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, text, meta }) => {
	if (text === 'hang') for (;;) {}
	if (text === 'crash') throw new Error('uncaught in worker');
	if (text === 'throw') return parentPort.postMessage({ id, error: 'Error: boom' });
	parentPort.postMessage({ id, extraction: { document: { doc_id: meta.doc_id }, items: [], facts: [], text } });
});
parentPort.postMessage({ ready: true });
`
		);
		sandbox = new ExtractionSandbox({ timeoutMs: 400, workerUrl: new URL(`file://${fakeWorker}`) });
	});
	afterAll(() => sandbox.close());

	const meta = { doc_id: 'd', file_name: 'd.txt' };

	it('stops a file that hangs the extractor, and goes on with the next', async () => {
		const started = Date.now();
		await expect(sandbox.extract('hang', meta)).rejects.toThrow(/extractor stopped after 0 s \(time limit per file\)/);
		expect(Date.now() - started).toBeLessThan(5_000);
		await expect(sandbox.extract('next', meta)).resolves.toMatchObject({ text: 'next' });
	});

	it('fails only the file that hangs when the next file already waits in the same worker', async () => {
		const [hung, next] = await Promise.allSettled([sandbox.extract('hang', meta), sandbox.extract('queued', meta)]);
		expect(hung).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/time limit per file/) } });
		expect(next).toMatchObject({ status: 'fulfilled', value: { text: 'queued' } });
	});

	it('fails only the file that crashes the worker, not the ones queued behind it', async () => {
		const results = await Promise.allSettled(['before', 'crash', 'after'].map((text) => sandbox.extract(text, meta)));
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
	});

	it('reports a throwing or crashing extractor per file, and goes on', async () => {
		await expect(sandbox.extract('throw', meta)).rejects.toThrow('extractor failed: Error: boom');
		await expect(sandbox.extract('crash', meta)).rejects.toThrow(/extractor crashed: uncaught in worker/);
		await expect(sandbox.extract('after', meta)).resolves.toMatchObject({ text: 'after' });
	});

	it('says so when the extractor cannot be loaded at all', async () => {
		const broken = join(scratch, 'broken-worker.mjs');
		await writeFile(broken, "throw new SyntaxError('Unexpected token in rule');\n");
		const failing = new ExtractionSandbox({ timeoutMs: 400, workerUrl: new URL(`file://${broken}`) });
		await expect(failing.start()).rejects.toThrow(/^extractor could not start: Unexpected token in rule$/);
		await failing.close();
	});

	it('returns exactly what extractDocument returns, with the real extractor', async () => {
		const real = new ExtractionSandbox({ timeoutMs: 30_000 });
		try {
			for (const name of seedNames.slice(0, 2)) {
				const text = await seedText(name);
				const docMeta = seedMeta(name);
				expect(await real.extract(text, docMeta)).toEqual(extractDocument(text, docMeta));
			}
		} finally {
			await real.close();
		}
	}, 30_000);
});

describe('Progress', () => {
	const fakeStream = (isTTY: boolean) => {
		const chunks: string[] = [];
		return { chunks, stream: { isTTY, columns: 100, write: (s: string) => chunks.push(s) } };
	};

	it('on a terminal keeps one line with files, MB/s and time left, and puts errors above it', () => {
		let now = 0;
		const { chunks, stream } = fakeStream(true);
		const progress = new Progress(stream, 4, 4_000_000, () => now);
		progress.fileStarted('seeds/a.txt');
		now = 500;
		progress.fileDone('seeds/a.txt', 1_000_000, 'ok', '3 items, 12 facts, 5 ms');
		expect(progress.statusLine()).toBe('1/4 files · 2.0 MB/s · about 2 s left');
		progress.fileDone('seeds/b.txt', 0, 'error', 'empty file (0 bytes)');
		progress.finish();
		const screen = chunks.join('');
		expect(screen).toContain('\r\x1b[2Kerror seeds/b.txt: empty file (0 bytes)\n');
		expect(screen).not.toContain('seeds/a.txt: 3 items');
		expect(screen.endsWith('\r\x1b[2K')).toBe(true);
	});

	it('on a terminal draws the status line at most ten times a second, however fast files finish', () => {
		let now = 0;
		const { chunks, stream } = fakeStream(true);
		const progress = new Progress(stream, 1_001, 1_000_000, () => now);
		for (let i = 0; i < 1_000; i++) {
			now = i;
			progress.fileStarted(`f${i}.txt`);
			progress.fileDone(`f${i}.txt`, 1_000, 'ok', '1 item, 0 facts, 0 ms');
		}
		const draws = chunks.filter((c) => c.startsWith('\r\x1b[2K')).length;
		expect(draws).toBeGreaterThanOrEqual(10);
		expect(draws).toBeLessThanOrEqual(11);
		progress.fileDone('late.txt', 0, 'error', 'empty file (0 bytes)');
		expect(chunks.at(-2)).toBe('\r\x1b[2Kerror late.txt: empty file (0 bytes)\n');
		expect(chunks.at(-1)).toMatch(/^\r\x1b\[2K1001\/1001 files/);
	});

	it('in a pipe writes one plain line per file', () => {
		const { chunks, stream } = fakeStream(false);
		const progress = new Progress(stream, 2, 10, () => 0);
		progress.fileStarted('a.txt');
		progress.fileDone('a.txt', 5, 'ok', '1 item, 2 facts, 3 ms');
		progress.fileDone('b.txt', 5, 'note', '0 items, 0 facts, 1 ms (read as windows-1252 (not valid UTF-8))');
		progress.finish();
		expect(chunks.join('')).toBe(
			'ok    a.txt: 1 item, 2 facts, 3 ms\nnote  b.txt: 0 items, 0 facts, 1 ms (read as windows-1252 (not valid UTF-8))\n'
		);
	});
});
