/**
 * Segmentation and the document head measured on dev-a, minutes of ten municipalities in ten
 * layouts: every expected fact's evidence must stand in the item whose number the key gives, and
 * the head alone (no manifest) must name the manifest's municipality, committee and date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { segmentItems } from '../../src/lib/extract/segment';

const root = 'tests/corpus/dev-a';
const manifest = JSON.parse(readFileSync(`${root}/manifest.json`, 'utf8')) as Record<string, { municipality: string; committee: string; meeting_date: string }>;
const expected = readFileSync(`${root}/expected.jsonl`, 'utf8')
	.trim()
	.split('\n')
	.map((l) => JSON.parse(l) as { file: string; item_no: number; evidence: string });
const text = (f: string) => readFileSync(`${root}/${f}`, 'utf8');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('segmentation of dev-a', () => {
	it('puts the evidence of every expected fact in the item the minutes number it', () => {
		const wrong: string[] = [];
		for (const e of expected) {
			const t = text(e.file);
			const at = new RegExp(e.evidence.trim().split(/\s+/).map(escape).join('\\s+')).exec(t)!.index;
			const item = segmentItems(t).find((s) => s.start <= at && at < s.end);
			if (item?.itemNo !== e.item_no) wrong.push(`${e.file}: punkt ${item?.itemNo} for ${e.item_no}: ${e.evidence.slice(0, 50)}`);
		}
		expect(wrong).toEqual([]);
	});

	it('numbers the items as printed, and a table of contents or a numbered list adds none', () => {
		expect(segmentItems(text('01-horsens-socialudvalget-2025-03.txt')).map((s) => s.itemNo)).toEqual([31, 32, 33, 34, 35, 36, 37, 38]);
		expect(segmentItems(text('03-skive-social-og-seniorudvalget-2025-06.txt')).map((s) => s.itemNo)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(segmentItems(text('08-greve-aeldre-og-handicapudvalget-2025-02.txt')).map((s) => s.title)[2]).toBe('Årsopgørelse over magtanvendelse 2024');
	});
});

describe('the document head of dev-a, without a manifest', () => {
	for (const [file, m] of Object.entries(manifest)) {
		it(`${file}: municipality, committee and meeting date as the manifest says`, () => {
			const { document } = extractDocument(text(file), { doc_id: file, file_name: file });
			expect({ municipality: document.municipality, committee: document.committee, meeting_date: document.meeting_date }).toEqual(m);
		});
	}
});
