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

describe('item headers in a form the minute system chose for itself', () => {
	it('a word of its own as the label ("Emne 2:", "Orienteringssag 3:"), when it numbers several items', () => {
		const text = `Referat\n\nEmne 1: Meddelelser\nDok.nr. 2025-40110\n\nTekst.\n\nEmne 2: Takster 2026\nDok.nr. 2025-40111\n\nTekst.\n\nOrienteringssag 3: Status på hjemmeplejen\nJournal: 25/40112 · Forvaltning: Ældre\n\nTekst.\n\nEmne 4: Eventuelt\n\nIntet.\n`;
		expect(items(text)).toEqual(['1 Meddelelser | 2025-40110', '2 Takster 2026 | 2025-40111', '3 Status på hjemmeplejen | 25/40112', '4 Eventuelt | ']);
	});

	it('but "Tabel 2: …" and "Bilag 3 – …" inside an item stay text', () => {
		const text = `Referat\n\nPunkt 1: Budgetopfølgning\nSagsnr.: 25/1\n\nTabel 2: Forbrug pr. område\nBilag 3 – Notat om takster\nBilag 4 – Oversigt\nTabel 5: Udvikling\n\nPunkt 2: Eventuelt\nSagsnr.: 25/2\n\nIntet.\n`;
		expect(items(text).map((i) => i.split(' |')[0])).toEqual(['1 Budgetopfølgning', '2 Eventuelt']);
	});

	it('"B-4" letter labels, Roman numerals and "3. punkt – Title"', () => {
		expect(items(`Mødereferat\n\nB-1   Meddelelser\nSags-id: 25/501\n\nTekst.\n\nB-2   Takster 2026\nSags-id: 25/502\n\nTekst.\n\nL-3   Personsag\nSags-id: 25/503\n\nTekst.\n`)).toEqual([
			'1 Meddelelser | 25/501',
			'2 Takster 2026 | 25/502',
			'3 Personsag | 25/503'
		]);
		expect(items(`Beslutningsprotokol\n\nIII.  Meddelelser\nAcadre-sag 25/0601\n\nTekst.\n\nIV.   Takster 2026\nAcadre-sag 25/0602\n\nTekst.\n\nV.    Eventuelt\n\nIntet.\n`)).toEqual([
			'3 Meddelelser | 25/0601',
			'4 Takster 2026 | 25/0602',
			'5 Eventuelt | '
		]);
		expect(items(`Referat\n\n1. punkt – Meddelelser\nÅben sag · 25/701\n\nTekst.\n\n2. punkt – Takster 2026\nÅben sag · 25/702\n\nTekst.\n`)).toEqual(['1 Meddelelser | 25/701', '2 Takster 2026 | 25/702']);
	});

	it('the case number between number and title on one line, and the number under its title', () => {
		expect(items(`Referat\n\n1\t25/00811\tMeddelelser\n\nTekst.\n\n2\t25/00812\tTakster 2026\n\nTekst.\n`)).toEqual(['1 Meddelelser | 25/00811', '2 Takster 2026 | 25/00812']);
		expect(items(`Referat\n\nMeddelelser\n(Pkt. nr. 1 — åbent — sagsnr. 25/00901)\n\nTekst.\n\nTakster 2026\n(Pkt. nr. 2 — lukket — sagsnr. 25/00902)\n\nTekst.\n`)).toEqual([
			'1 Meddelelser | 25/00901',
			'2 Takster 2026 | 25/00902'
		]);
	});
});

