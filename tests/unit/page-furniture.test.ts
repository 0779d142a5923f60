/** Running page headers and footers in the forms of other minute systems, and the document head they repeat. */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract';
import { isPageDebris, pageFurniture } from '../../src/lib/extract/layout';
import { readMeetingHeader } from '../../src/lib/extract/meeting';

const filler = (n: number, word: string) => Array.from({ length: n }, (_, i) => `Linje ${i + 1} om ${word} uden tal i sig.`).join('\n');

describe('a page number as the last word of a line', () => {
	it('reads "s. 3/7", "[3/7]", "Side 3 (7)", "Side 3 (i alt 7)" and a glued "…2026Side 3 af 7" as page marks', () => {
		for (const line of ['Kultur- og Fritidsudvalget · Referat 02.03.2026        s. 3/7', 'Kultur- og Fritidsudvalget · 02.03.2026       [3/7]', 'Udskrevet 03.03.2026 10:40                     Side 3 (7)', 'Referat 02.03.2026Side 3 (i alt 7)', '[3/7]'])
			expect(isPageDebris(line), line).toBe(true);
	});

	it('leaves a contents line with its page, a fraction in a sentence and a bracketed note alone', () => {
		for (const line of ['Punkt 4 – Takster 2027                              Side 4', 'Heraf blev 3/7 af sagerne afgjort i januar', 'Se note [3]', 'Tallene er opgjort (jf. side 3).'])
			expect(isPageDebris(line), line).toBe(false);
	});
});

describe('running headers beside page marks', () => {
	it('a three-line running header at each form feed is blanked, its first printing in the head stays', () => {
		const head = 'Lejre Kommune                                 Referat\nKultur- og Fritidsudvalget                    2. marts 2026\n';
		const page = (n: number) => `\f${head}                                              Side ${n} af 3\n`;
		const text = `${head}                                              Side 1 af 3\n\nPunkt 1: Meddelelser\nSagsnr.: 26/101\n\n${filler(20, 'halbyggeriet')}\n${page(2)}\n${filler(20, 'idrætten')}\n${page(3)}\nSlut.\n`;
		const blanked = pageFurniture(text).map((l) => l.text.trim());
		expect(blanked.filter((t) => t.startsWith('Lejre Kommune'))).toHaveLength(2);
		expect(text.startsWith(head)).toBe(true);
		expect(pageFurniture(text).every((l) => l.start >= head.length)).toBe(true);
	});

	it('a decision or a status line that happens to stand beside one page mark of many stays', () => {
		const footer = (n: number) => `                                        Skive Kommune, side ${n} af 4`;
		const item = (n: number, title: string) => `${n}. Punkt om ${title}\nSagsnr.: 26/20${n}\n\n${filler(18, title)}\n\nBeslutning\n${n % 2 ? 'Godkendt.' : 'Taget til efterretning.'}\n`;
		const text = `Referat\n\n${item(1, 'budget')}\n${footer(1)}\n\n${item(2, 'takster')}\n${footer(2)}\n\n${item(3, 'tilsyn')}\n${footer(3)}\n\n${item(4, 'boliger')}\n${footer(4)}\n`;
		const blanked = pageFurniture(text).map((l) => l.text.trim());
		expect(blanked).not.toContain('Godkendt.');
		expect(blanked.filter((t) => t.startsWith('Sagsnr.'))).toEqual([]);
		expect(blanked.filter((t) => t.startsWith('Skive Kommune'))).toHaveLength(4);
	});

	it('the dashed rules drawn round a running header go with it, and a sentence runs on across it', () => {
		const rule = '-'.repeat(70);
		const header = (n: number) => `${rule}\nFavrskov Kommune · Børneudvalget · Referat 12.01.2026         s. ${n}/3\n${rule}`;
		const text = `Punkt 1: Budget\nSagsnr.: 26/1\n\n${header(1)}\n\n${filler(20, 'skolerne')}\nDer ventes et merforbrug på 1,8 mio.\n\n${header(2)}\n\nkr. på dagtilbud.\n\n${filler(20, 'klubberne')}\n\n${header(3)}\n`;
		const blanked = pageFurniture(text).map((l) => l.text.trim());
		expect(blanked.filter((t) => t === rule)).toHaveLength(6);
		const ex = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Favrskov' });
		expect(ex.items).toHaveLength(1);
	});
});

describe('the document head', () => {
	it('reads a date after dotted leaders, "Dato og tid:", and the committee beside "BESLUTNINGSPROTOKOL"', () => {
		expect(readMeetingHeader('Skive Kommune\nBESLUTNINGSREFERAT\n\nMødeforum ......... Børne- og Familieudvalget\nAfbud ............ ingen\nMødedato ......... 14.01.2026\n').meeting_date).toBe('2026-01-14');
		expect(readMeetingHeader('Referat\n\nDeltagere: Ane Holm, Bo Lind\nFraværende: ingen\nDato og tid: 3. februar 2026, kl. 15.00\n')).toMatchObject({ meeting_date: '2026-02-03' });
		expect(readMeetingHeader('Lemvig Kommune                              BESLUTNINGSPROTOKOL\nTeknik- og Miljøudvalget\n\nTirsdag den 10. marts 2026 kl. 14.00\n')).toEqual({
			committee: 'Teknik- og Miljøudvalget',
			meeting_date: '2026-03-10',
			municipality: 'Lemvig'
		});
	});
});
