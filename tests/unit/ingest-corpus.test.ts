import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument, KEY_FAMILIES, type Fact } from '../../src/lib/extract';
import { htmlToText } from '../../src/lib/ingest/html';
import { pdfToText } from '../../src/lib/ingest/pdf';
import { minutesHtml } from '../fixtures/minutes-html';
import { minutesPdf } from '../fixtures/minutes-pdf';

const header = (p: number) => `Testby Kommune   Referat   Side ${p}`;
const footer = (p: number, n: number) => `Side ${p} af ${n}`;
/** A sentence that runs over a page break quotes the page's footer and header too. */
const FURNITURE = /Side \d+ af \d+\s+Testby Kommune\s+Referat\s+Side \d+/g;

/** A fact as a user compares it across formats: what, whose, where, when, how much, and the words. */
const seen = (f: Fact) =>
	`${f.item_no}|${f.metric}|${f.entity}|${f.area}|${f.period}|${f.value}|${f.unit}|${f.quote.replace(FURNITURE, ' ').replace(/\s+/g, ' ').trim()}`;

async function corpus(dir: string): Promise<{ name: string; text: string; meta: Record<string, string> }[]> {
	const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
	const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
	return Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8'), meta: manifest[name] ?? {} })));
}

describe.each(['seeds', 'tests/corpus/dev-a'])('the minutes of %s as PDF and as a web page', (dir) => {
	it('yield the same key facts as the text, quotes equal up to white space and page breaks', async () => {
		let compared = 0;
		for (const { name, text, meta } of await corpus(dir)) {
			const facts = (t: string) =>
				extractDocument(t, { doc_id: name, file_name: name, ...meta })
					.facts.filter((f) => KEY_FAMILIES.includes(f.family))
					.map(seen)
					.sort();
			const expected = facts(text);
			const pdf = await minutesPdf(text, { header, footer });
			expect(facts((await pdfToText(new Uint8Array(pdf))).text), `${name} as PDF`).toEqual(expected);
			expect(facts(htmlToText(minutesHtml(text, name)).text), `${name} as HTML`).toEqual(expected);
			compared += expected.length;
		}
		expect(compared).toBeGreaterThan(100);
	}, 120_000);
});
