import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/lib/extract/layout';
import { segmentItems } from '../../src/lib/extract/segment';

const seed = (f: string) => readFileSync(`seeds/${f}`, 'utf8');

describe('segmentation: meeting → agenda items', () => {
	it('finds every Punkt with its wrapped title and case number, and stops before the table of contents', () => {
		const items = segmentItems(seed('002_ad48d02d6ced1378.txt'));
		expect(items.map((i) => i.itemNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(items[0].title).toBe('Temadrøftelse om Sundheds- og Rehabiliteringsudvalgets budget 2026-29');
		expect(items[0].caseNo).toBe('24-5-00.01.00-P10');
		expect(items[6].title).toBe('Afrapportering af klagesager i Børne- og Kulturforvaltningen og Social- og Sundhedsforvaltningen for 2024');
		const text = seed('002_ad48d02d6ced1378.txt');
		expect(text.slice(items[9].start, items[9].end)).not.toContain('Indholdsfortegnelse');
	});

	it('reads sections such as Indstilling, Beslutning and Resumé', () => {
		const [first] = segmentItems(seed('000_153b288ad633efca.txt'));
		expect(first.sections.map((s) => s.name)).toEqual(
			expect.arrayContaining(['Indstilling', 'Beslutning', 'Resumé', 'Baggrund'])
		);
	});

	it('counts items in all seeds', () => {
		const counts = ['000_153b288ad633efca', '001_693366c4a187ea27', '002_ad48d02d6ced1378', '003_9cf5537fc2cd8160', '004_622c9542dd12e8ae'].map(
			(f) => segmentItems(seed(`${f}.txt`)).length
		);
		expect(counts).toEqual([9, 12, 10, 8, 11]);
	});

	it('a tab-indented table of contents and other municipalities’ case numbers', () => {
		const text = 'Punkt 1: Budgetopfølgning\n\nSagsnr.: 2024-01234\n\nResumé\n\nTekst.\n\n\tIndholdsfortegnelse\n\tPunkt 1: Budgetopfølgning\n';
		const items = segmentItems(text);
		expect(items).toHaveLength(1);
		expect(items[0].caseNo).toBe('2024-01234');
		expect(text.slice(items[0].start, items[0].end)).toBe('Punkt 1: Budgetopfølgning\n\nSagsnr.: 2024-01234\n\nResumé\n\nTekst.');
	});
});

describe('minutes without "Punkt N" headings', () => {
	it('are read as one item titled by their first line, and their figures are found', async () => {
		const { extractDocument } = await import('../../src/lib/extract/index');
		const text = 'Orientering om klagesager 2024\n\nPå Socialudvalgets område traf Ankestyrelsen i 2024 afgørelse i 40 klagesager, hvoraf 30 blev stadfæstet.\n';
		const r = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Odder' });
		expect(r.items.map((i) => [i.item_no, i.title])).toEqual([[1, 'Orientering om klagesager 2024']]);
		expect(r.facts.map((f) => `${f.metric}=${f.value}`).sort()).toEqual(['klagesager_antal=40', 'stadfaestet_antal=30']);
	});

	it('accept "Punkt 3 - titel" and "Dagsordenspunkt 3:"', () => {
		expect(segmentItems('Punkt 3 - Budget\n\nTekst.\n\nDagsordenspunkt 4: Klager\n\nTekst.\n').map((i) => [i.itemNo, i.title])).toEqual([
			[3, 'Budget'],
			[4, 'Klager']
		]);
	});
});

describe('layout: sentences re-joined across page breaks', () => {
	it('keeps a sentence whole when a page break falls inside it', () => {
		const text = seed('001_693366c4a187ea27.txt');
		const item = segmentItems(text)[0];
		const sentences = layoutOf(text, item.bodyStart, item.end).sentences.map((s) => s.text.replace(/\s+/g, ' '));
		expect(sentences).toContain(
			'Samlet set er klagesager efter serviceloven på Social- og Sundhedsforvaltningens område faldet fra en omgørelsesprocent på 48 pct. i 2023 til en omgørelsesprocent på 35 pct. i 1.-3. kvartal 2024.'
		);
	});

	it('does not end a sentence after "ca." or an ordinal', () => {
		const text = 'Punkt 1: X\n\nResumé\n\nDer er ca. 30 borgere. I 1. kvartal 2024 var der 12.\n';
		const [item] = segmentItems(text);
		expect(layoutOf(text, item.bodyStart, item.end).sentences.map((s) => s.text)).toEqual(['Der er ca. 30 borgere.', 'I 1. kvartal 2024 var der 12.']);
	});
});

describe('meeting header: what the minutes say about themselves wins over the manifest', () => {
	it('reads committee, date and municipality before the first item', async () => {
		const { readMeetingHeader } = await import('../../src/lib/extract/meeting');
		expect(readMeetingHeader('Skanderborg Kommune\nSocialudvalget\nReferat fra mødet onsdag den 30. oktober 2024 kl. 16.00\n')).toEqual({
			committee: 'Socialudvalget',
			meeting_date: '2024-10-30',
			municipality: 'Skanderborg'
		});
		expect(readMeetingHeader('Referat\n\nSocial- og Sundhedsudvalget\n\nMødedato: 26.11.2024\nMødested: Odder Rådhus, mødelokale 2\n')).toEqual({
			committee: 'Social- og Sundhedsudvalget',
			meeting_date: '2024-11-26',
			municipality: 'Odder'
		});
	});

	it('drops running page footers from sentences', async () => {
		const { extractDocument } = await import('../../src/lib/extract/index');
		const text = 'Punkt 1: Klagesager 2024\n\n24-1-27.00.00-A00\n\nPå Socialudvalgets område traf Ankestyrelsen i 2024 afgørelse i 40 klagesager, hvoraf 30 blev\n\nSocialudvalget 26.11.2024                                        Side 2 af 4\n\nstadfæstet.\n';
		const r = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Odder', committee: 'Socialudvalget', meeting_date: '2024-11-26' });
		// Facts come in no promised order (prose facts follow their figures in the text).
		expect(r.facts.map((f) => `${f.metric}=${f.value}`).sort()).toEqual(['klagesager_antal=40', 'stadfaestet_antal=30']);
	});
});
