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

describe('item headers of web exports and numbered paragraphs', () => {
	it('"Dagsordenspunkt: 2" and "Punktnummer: 2" with "Titel:" below, "Ad pkt. 2 –", and "§ 2   Title" over a status line', () => {
		expect(items(`Referat\n\nDagsordenspunkt: 1\nGODKENDELSE AF DAGSORDEN\nSagsnummer: 25/000101\n\nAfgørelse\nGodkendt.\n\nDagsordenspunkt: 2\nTAKSTER 2026\nSagsnummer: 25/000877\n\nAfgørelse\nGodkendt.\n`)).toEqual([
			'1 GODKENDELSE AF DAGSORDEN | 25/000101',
			'2 TAKSTER 2026 | 25/000877'
		]);
		expect(items(`Referat\n\nPunktnummer: 1\nTitel:         Meddelelser\nSagsnr.:       24-00101\nStatus:        Åben\n\nBeslutning\nTaget til efterretning.\n\nPunktnummer: 2\nTitel:         Budget 2025\nSagsnr.:       24-00102\nStatus:        Åben\n\nBeslutning\nGodkendt.\n`)).toEqual([
			'1 Meddelelser | 24-00101',
			'2 Budget 2025 | 24-00102'
		]);
		expect(items(`Beslutningsprotokol\n\nAd pkt. 1 – Meddelelser\nSag 25/00301, åbent punkt\n\nBeslutning\nTaget til efterretning.\n\nAd pkt. 2 – Budget 2026\nSag 25/00302, åbent punkt\n\nBeslutning\nGodkendt.\n`)).toEqual([
			'1 Meddelelser | 25/00301',
			'2 Budget 2026 | 25/00302'
		]);
		expect(items(`Referat\n\n§ 1   Meddelelser\n      Åbent punkt – Acadre: 25/00481\n\nBeslutning\nGodkendt.\n\n§ 2   Regnskab 2024 for udvalgets område\n      Åbent punkt – Acadre: 25/02260\n\nBeslutning\nGodkendt.\n`)).toEqual([
			'1 Meddelelser | 25/00481',
			'2 Regnskab 2024 for udvalgets område | 25/02260'
		]);
	});
});
