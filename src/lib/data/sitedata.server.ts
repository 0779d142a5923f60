/**
 * The small static files behind the pages' interactions, written at build next to the Parquet
 * files (`<data>/site/<content hash>/`), so a tap or a filter answers from a few KB instead of
 * waiting for the browser's SQL engine:
 *
 * - `kilde/<part>.json`: fact id → number of its agenda item file (the index, split by hash);
 * - `punkt/<n>.json`: one agenda item: its text, file name, municipality and facts with their offsets;
 * - `oversigt/<municipality>.json`: the overview's key figures for one municipality;
 * - `klagesager|budget|magtanvendelse/<municipality>.json`: the facts a page's filters choose from;
 * - `om/<municipality>/<list>-<n>.json`: one page of a list on /om/ (meetings, flagged and missing figures);
 * - `alle/…`: the explorer's files (explorerfiles.server.ts).
 *
 * The folder is named by a hash of the data and of these modules, so it is cached for good.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { aboutFiles, perPage } from './about';
import { areasOf } from './areas';
import { budgetFacts } from './budget';
import { writeExplorerFiles } from './explorerfiles.server';
import { FACT_COLUMNS, familyFacts, municipalities, NATIONAL, placeholders, type FactRow } from './facts';
import { indexPart, itemFact, paths, type FamilyFile, type ItemFile, type SiteDataMeta, type SourceFact } from './filekeys';
import { shownFacts } from './klagesager';
import { magtanvendelseFacts } from './magtanvendelse';
import { buildRunner, dataDir } from './node.server';
import { overview } from './overview';
import type { Runner } from './runner';

/** Raise when the files' shape changes in a way the data's hash does not show. */
const VERSION = 3;
/** Facts per index part, at most (about 40 bytes each). */
const PER_PART = 1000;
/** Meetings read per query while the item files are written. */
const DOCS_PER_BATCH = 400;

function dataSet(dir: string): string {
	try {
		return realpathSync(resolve(dir, '.current'));
	} catch {
		return dir;
	}
}

async function hashOf(files: string[], extra: string): Promise<string> {
	const hash = createHash('sha256').update(extra);
	for (const file of files) {
		if (!existsSync(file)) continue;
		for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	}
	return hash.digest('hex').slice(0, 16);
}

/** The page modules whose answers are written down: a change in them makes a new folder. */
function sourcesText(): string {
	const dir = resolve('src/lib/data');
	if (!existsSync(dir)) return '';
	return readdirSync(dir)
		.filter((n) => n.endsWith('.ts'))
		.sort()
		.map((n) => readFileSync(join(dir, n), 'utf8'))
		.join('\n');
}

function digitsFor(facts: number): number {
	let d = 0;
	while (facts / 16 ** d > PER_PART && d < 4) d++;
	return d;
}

async function writeAll(root: string, files: [string, unknown][]): Promise<void> {
	const folders = new Set(files.map(([p]) => join(root, p, '..')));
	for (const f of folders) await mkdir(f, { recursive: true });
	for (let i = 0; i < files.length; i += 64)
		await Promise.all(files.slice(i, i + 64).map(([p, v]) => writeFile(join(root, p), JSON.stringify(v))));
}

async function writeItems(run: Runner, root: string, withText: boolean): Promise<{ facts: number; index: Map<string, Record<string, number>> }> {
	if (withText) await run.withItems();
	const [{ n }] = await run.all<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM facts');
	const digits = digitsFor(n);
	const index = new Map<string, Record<string, number>>();
	const docs = (await run.all<{ doc_id: string }>('SELECT DISTINCT doc_id FROM facts ORDER BY doc_id')).map((r) => r.doc_id);
	let itemNo = 0;
	for (let i = 0; i < docs.length; i += DOCS_PER_BATCH) {
		const batch = docs.slice(i, i + DOCS_PER_BATCH);
		const facts = await run.all<SourceFact>(
			`SELECT ${FACT_COLUMNS}, CAST(char_start AS INTEGER) AS char_start, CAST(char_end AS INTEGER) AS char_end
			 FROM facts WHERE doc_id IN (${placeholders(batch)}) ORDER BY doc_id, item_no NULLS LAST, char_start, fact_id`,
			batch
		);
		const items = !withText ? [] : await run.all<{ doc_id: string; item_no: number; item_start: number; text: string }>(
			`SELECT doc_id, CAST(item_no AS INTEGER) AS item_no, CAST(char_start AS INTEGER) AS item_start, text
			 FROM items WHERE doc_id IN (${placeholders(batch)})`,
			batch
		);
		const meetings = await run.all<{ doc_id: string; file_name: string | null; municipality: string | null }>(
			`SELECT doc_id, file_name, municipality FROM documents WHERE doc_id IN (${placeholders(batch)})`,
			batch
		);
		const textOf = new Map(items.map((it) => [`${it.doc_id}|${it.item_no}`, it]));
		const meetingOf = new Map(meetings.map((d) => [d.doc_id, d]));
		const files: [string, ItemFile][] = [];
		let current: ItemFile | null = null;
		for (const f of facts) {
			if (!current || current.doc_id !== f.doc_id || current.item_no !== f.item_no) {
				const item = f.item_no === null ? undefined : textOf.get(`${f.doc_id}|${f.item_no}`);
				current = {
					doc_id: f.doc_id,
					item_no: f.item_no,
					item_title: f.item_title,
					case_no: f.case_no,
					committee: f.committee,
					meeting_date: f.meeting_date,
					owner: meetingOf.get(f.doc_id)?.municipality ?? null,
					file_name: meetingOf.get(f.doc_id)?.file_name ?? null,
					item_start: item?.item_start ?? null,
					text: item?.text ?? null,
					facts: []
				};
				files.push([paths.item(itemNo++), current]);
			}
			current.facts.push(itemFact(current, f));
			const part = indexPart(f.fact_id, digits);
			let entries = index.get(part);
			if (!entries) index.set(part, (entries = {}));
			entries[f.fact_id] = itemNo - 1;
		}
		await writeAll(root, files);
	}
	return { facts: n, index };
}

/** A family's facts per entity, each with its place in the order over all entities. */
async function writeFamily(run: Runner, root: string, family: string, entities: string[], shown: (facts: FactRow[]) => FactRow[]) {
	const all = await familyFacts(run, family, entities);
	const byEntity = new Map<string, { facts: FactRow[]; rank: number[] }>(entities.map((e) => [e, { facts: [], rank: [] }]));
	const rankOf = new Map<FactRow, number>(all.map((f, i) => [f, i]));
	for (const f of all) byEntity.get(f.entity)?.facts.push(f);
	const files: [string, FamilyFile][] = [];
	for (const [entity, group] of byEntity) {
		const facts = shown(group.facts);
		files.push([paths.family(family, entity), { facts, rank: facts.map((f) => rankOf.get(f)!) }]);
	}
	return files;
}

/** Writes every file of one data set into `root`; returns the index's hex digits. */
export async function writeSet(run: Runner, root: string, withText: boolean): Promise<number> {
	const { facts, index } = await writeItems(run, root, withText);
	const own = await municipalities(run);
	const files: [string, unknown][] = [];
	for (const [part, entries] of index) files.push([paths.index(part), entries]);
	for (const m of own) {
		files.push([paths.overview(m), await overview(run, m)]);
		files.push([paths.family('budget', m), await budgetFacts(run, m)]);
		files.push([paths.family('magtanvendelse', m), await magtanvendelseFacts(run, m)]);
	}
	files.push(...(await aboutFiles(run)));
	// A selection of areas shows a subset of what the page shows with every area (see shownFacts).
	// Every entity the page may compare with has its file: municipalities named only in others' minutes too.
	const compared = (await run.all<{ entity: string }>(`SELECT DISTINCT entity FROM facts WHERE family = 'klagesager'`, [])).map((r) => r.entity);
	const klagesager = await writeFamily(run, root, 'klagesager', [...new Set([...own, NATIONAL, ...compared])], shownFacts);
	for (const [path, file] of klagesager) {
		const entity = own.find((m) => paths.family('klagesager', m) === path);
		if (entity) file.areas = await areasOf(run, 'klagesager', entity, 'omgoerelsespct');
		files.push([path, file]);
	}
	await writeAll(root, files);
	await writeExplorerFiles(run, root);
	return digitsFor(facts);
}

/**
 * Writes the files for the data set the build reads (unless they are there already) and removes
 * those of earlier data sets. Returns where they are; base '' when there is no data to read.
 */
export async function writeSiteData(): Promise<SiteDataMeta> {
	const dir = dataDir();
	const set = dataSet(dir);
	const parquet = ['facts', 'documents', 'items'].map((n) => join(set, `${n}.parquet`));
	if (!existsSync(parquet[0]) || !existsSync(parquet[1])) return { base: '', digits: 0 };
	const hash = await hashOf(parquet, `${VERSION}\n${perPage()}\n${sourcesText()}`);
	const site = join(dir, 'site');
	const target = join(site, hash);
	const metaFile = join(target, 'meta.json');
	if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as SiteDataMeta;
	await mkdir(site, { recursive: true });
	for (const name of await readdir(site)) await rm(join(site, name), { recursive: true, force: true });
	const temp = join(site, `.tmp-${hash}-${process.pid}`);
	const digits = await writeSet(await buildRunner(), temp, existsSync(parquet[2]));
	const meta: SiteDataMeta = { base: `data/site/${hash}`, digits };
	await writeFile(join(temp, 'meta.json'), JSON.stringify(meta));
	await rename(temp, target);
	return meta;
}
