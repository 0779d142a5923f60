/** Item headers of yet other minute systems: a status word first, a running number of the year, "af N", a dash, a form feed. */
import { describe, expect, it } from 'vitest';
import { segmentItems } from '../../src/lib/extract/segment';

const items = (text: string) => segmentItems(text).map((s) => `${s.itemNo} ${s.title} | ${s.caseNo ?? ''}`);

describe('item headers of other minute systems', () => {
	it('"Åben sag 4: Title" and "Lukket sag 5: Title"', () => {
		const text = `Referat\n\nÅben sag 4: Årsrapport for tilsyn\nSagsnr.: 25/1181\n\nSagsbeskrivelse\nTekst.\n\nLukket sag 5: Personsag\nSagsnr.: 25/1190\n\nBeslutning\nGodkendt.\n`;
		expect(items(text)).toEqual(['4 Årsrapport for tilsyn | 25/1181', '5 Personsag | 25/1190']);
	});

	it('"Sag 41/2025 · Åben" over a title led by its case number, the second header after a form feed', () => {
		const text = `Referat\n\nSag 40/2025 · Åben\n25/00310 Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n\fSag 41/2025 · Åben\n25/07734 Status på hjemmeplejen\n\nSagen kort\nTekst.\n`;
		expect(items(text)).toEqual(['40 Godkendelse af dagsorden | 25/00310', '41 Status på hjemmeplejen | 25/07734']);
	});

	it('"Punkt 2 af 6" with the title below, and a status after the case number', () => {
		const text = `Referat\n\nPunkt 1 af 6\nGodkendelse af dagsorden\nSagsnummer: 25-00101 · Åbent punkt\n\nBeslutning\nGodkendt.\n\nPunkt 2 af 6\nTakster 2026\nSagsnummer: 25-00877 · Åbent punkt\n\nBeslutning\nGodkendt.\n`;
		expect(items(text)).toEqual(['1 Godkendelse af dagsorden | 25-00101', '2 Takster 2026 | 25-00877']);
	});

	it('"3 – Title" and "Nr. 3   Title   Åben"', () => {
		expect(items(`Referat\n\n1 – Meddelelser\nSagsnummer 00.01.00-A00-4-25 · Åben\n\nBeslutning\nTaget til efterretning.\n\n2 – Budget 2026\nSagsnummer 00.30.00-S00-2-25 · Åben\n\nBeslutning\nGodkendt.\n`)).toEqual([
			'1 Meddelelser | 00.01.00-A00-4-25',
			'2 Budget 2026 | 00.30.00-S00-2-25'
		]);
		expect(items(`Referat\n\nNr. 1   Meddelelser                       Åben\n        Sagsnr. 25/3101\n\nBeslutning\nGodkendt.\n\nNr. 2   Budget 2026                       Åben\n        Sagsnr. 25/3102\n\nBeslutning\nGodkendt.\n`)).toEqual([
			'1 Meddelelser | 25/3101',
			'2 Budget 2026 | 25/3102'
		]);
	});
});
