/**
 * Item headers read by their parts: an ordinal in any form (a fraction of the agenda, framed by rules,
 * a tag in brackets, fields split by pipes, the label at the right margin) and a status line above or
 * below. Numbered lists, dates and table rows inside an item stay text.
 */
import { describe, expect, it } from 'vitest';
import { segmentItems, statusLineOf } from '../../src/lib/extract/segment';

const items = (text: string) => segmentItems(text).map((s) => `${s.itemNo} ${s.title} | ${s.caseNo ?? ''}`);
const decisions = (text: string) => segmentItems(text).map((s) => s.sections.map((x) => x.name).join(','));

describe('the ordinal as a fraction of the agenda', () => {
	it('"03/07  Title" with a status line under it, after a contents list in the same form', () => {
		const text = `REFERAT\nTeknik- og Miljøudvalget\n\nPunkter\n01/07  Godkendelse af dagsorden\n02/07  Vintertjeneste 2026\n03/07  Affaldsplan 2026-2032\n\n01/07  Godkendelse af dagsorden\n       Åben · Beslutning · Acadre 26/00017\n\nUdvalgets afgørelse\nGodkendt.\n\n02/07  Vintertjeneste 2026\n       Åben · Orientering · Acadre 26/00931\n\nSagen kort\nVi har 14 saltbiler.\n\n03/07  Affaldsplan 2026-2032\n       Åben · Beslutning · Acadre 25/12200\n\nSagen kort\nPlanen har 6 spor.\n`;
		expect(items(text)).toEqual(['1 Godkendelse af dagsorden | 26/00017', '2 Vintertjeneste 2026 | 26/00931', '3 Affaldsplan 2026-2032 | 25/12200']);
		expect(decisions(text)[0]).toBe('Beslutning');
	});

	it('a fraction past the agenda\'s end is a date, not an item', () => {
		const text = `Referat\n\n1. Mødeplan\nSagsnr.: 26/00110\n\nMøderne holdes:\n\n14/03  Budgetseminar\n\n21/03  Dialogmøde med rådene\n\n2. Eventuelt\nSagsnr.: 26/00111\n\nIntet.\n`;
		expect(items(text)).toEqual(['1 Mødeplan | 26/00110', '2 Eventuelt | 26/00111']);
	});
});

describe('the ordinal framed, tagged or in fields', () => {
	it('"━━ 2 ━━━━" with the title on the next line and "Journal 26/4410 · Lukket" below it', () => {
		const text = `Beslutningsprotokol\n\n━━ 1 ━━━━━━━━━━━━━━━━━━━━━━\nMeddelelser\nJournal 26/4409 · Åben\n\nBeslutning\nTaget til efterretning.\n\n━━ 2 ━━━━━━━━━━━━━━━━━━━━━━\nSalg af grund på Havnevej\nJournal 26/4410 · Lukket\n\nBeslutning\nGodkendt.\n`;
		expect(items(text)).toEqual(['1 Meddelelser | 26/4409', '2 Salg af grund på Havnevej | 26/4410']);
	});

	it('"3)  (DRØFTELSE)  Title" with the case system\'s own label under it', () => {
		const text = `Referat\n\n1)  (BESLUTNING)  Godkendelse af dagsorden\n    ESDH-sag: 00.01.00-A00-2-26 · Åben\n\nBeslutning\nGodkendt.\n\n2)  (DRØFTELSE)  Ældrepolitik 2027\n    ESDH-sag: 27.00.00-P22-1-26 · Åben\n\nSagsfremstilling\nPolitikken har 4 temaer.\n`;
		expect(items(text)).toEqual(['1 Godkendelse af dagsorden | 00.01.00-A00-2-26', '2 Ældrepolitik 2027 | 27.00.00-P22-1-26']);
	});

	it('"4 | Lukket | 26/0881 | Title" underlined, after a contents list of the same lines', () => {
		const text = `Referat\n\n1 | Åben | Meddelelser\n2 | Åben | Budget 2027\n\n1 | Åben | 26/0880 | Meddelelser\n--------------------------------\nBeskrivelse\nIngen.\n\n2 | Åben | 26/0881 | Budget 2027\n--------------------------------\nBeskrivelse\nRammen er 412,5 mio. kr.\n`;
		expect(items(text)).toEqual(['1 Meddelelser | 26/0880', '2 Budget 2027 | 26/0881']);
	});

	it('the title first and "Punkt 2" at the right margin, "Sagsnr.: … | Åben" under it', () => {
		const text = `Dagsorden\n\nGodkendelse af dagsorden                                  Punkt 1\nSagsnr.: 26/1001 | Åben\n\nBeslutning: Godkendt.\n\nHandleplan for hjemløse 2026-2028                         Punkt 2\nSagsnr.: 26/1002 | Åben\n\nSagsfremstilling\nPlanen koster 3,5 mio. kr.\n`;
		expect(items(text)).toEqual(['1 Godkendelse af dagsorden | 26/1001', '2 Handleplan for hjemløse 2026-2028 | 26/1002']);
		expect(decisions(text)[0]).toBe('Beslutning');
	});

	it('the status line above the number', () => {
		const text = `Referat\n\nÅbent punkt – Orientering\n1.   Meddelelser\nSagsnr.: 00.01.00-A00-1-26\n\nBeslutning\nTaget til efterretning.\n\nLukket punkt – Beslutning\n2.   Køb af ejendom\nSagsnr.: 82.00.00-G01-3-26\n\nBeslutning\nGodkendt.\n`;
		expect(items(text)).toEqual(['1 Meddelelser | 00.01.00-A00-1-26', '2 Køb af ejendom | 82.00.00-G01-3-26']);
	});
});

describe('numbers inside an item stay text', () => {
	it('a numbered list, a table with leading numbers and a pipe table inside an item', () => {
		const text = `Referat\n\n01/02  Budgetopfølgning\n       Åben · Beslutning · eDoc 26/3001\n\nSagsfremstilling\nForvaltningen foreslår:\n1. At rammen fastholdes.\n2. At puljen på 3 mio. kr. frigives.\n\n 1  Hjemmepleje        612,4     618,9\n 2  Plejecentre        851,7     846,1\n\n 1 | Myndighed | 214,6 | 221,3\n 2 | Udfører   |  96,2 |  97,0\n\n02/02  Eventuelt\n       Åben · Orientering · eDoc 26/3002\n\nIntet.\n`;
		expect(items(text)).toEqual(['1 Budgetopfølgning | 26/3001', '2 Eventuelt | 26/3002']);
	});

	it('a title with a year range is no case number', () => {
		expect(statusLineOf('Handleplan 2026-2029')).toBeNull();
		expect(statusLineOf('Åben · Beslutningssag · Acadre 26/00412')).toEqual({ status: true, caseNo: '26/00412' });
		expect(statusLineOf('KLE-sag: 27.12.00-A00-14-24 · Lukket')).toEqual({ status: true, caseNo: '27.12.00-A00-14-24' });
		expect(statusLineOf('Sagen er åben for alle, og 12 borgere deltog.')).toBeNull();
		expect(statusLineOf('Lukket   12   14')).toBeNull();
	});
});

describe('near relatives of these forms', () => {
	it('"Pkt. 3/9" labelled as a fraction, the title below, a status of its own ("Offentlig")', () => {
		const text = `Referat\n\nPkt. 1/9\nGodkendelse af dagsorden\nOffentlig · Sagsid 26-00014\n\nBeslutning\nGodkendt.\n\nPkt. 2/9\nTilsyn med plejecentre\nOffentlig · Sagsid 26-00377\n\nBeslutning\nTaget til efterretning.\n`;
		expect(items(text)).toEqual(['1 Godkendelse af dagsorden | 26-00014', '2 Tilsyn med plejecentre | 26-00377']);
	});

	it('"│ 2 │ Title │ Åben │" in a drawn box', () => {
		const text = `Referat\n\n┌───┬──────────────────────────┬──────┐\n│ 1 │ Meddelelser              │ Åben │\n└───┴──────────────────────────┴──────┘\nIngen.\n\n┌───┬──────────────────────────┬──────┐\n│ 2 │ Takster for madservice   │ Åben │\n└───┴──────────────────────────┴──────┘\nPrisen er 63 kr.\n`;
		expect(items(text).map((s) => s.split(' | ')[0])).toEqual(['1 Meddelelser', '2 Takster for madservice']);
	});
});

describe('separators and margins', () => {
	const pair = (first: string, second: string, below: (n: number) => string) =>
		`Referat\n\n${first}\n${below(1)}\n\nBeslutning\nGodkendt.\n\n${second}\n${below(2)}\n\nBeslutning\nGodkendt.\n`;
	const expected = ['1 Valg af næstformand | 26/511', '2 Legepladser 2027 | 26/512'];

	it('"01/04 – Title": a dash after the fraction', () => {
		expect(items(pair('01/04 – Valg af næstformand', '02/04 – Legepladser 2027', (n) => `Åben · 26/51${n}`))).toEqual(expected);
	});

	it('"Title ..... Punkt 2" and "Title     (pkt. 2)" at the right margin', () => {
		expect(items(pair('Valg af næstformand ........ Punkt 1', 'Legepladser 2027 ........ Punkt 2', (n) => `Sagsnr. 26/51${n}`))).toEqual(expected);
		expect(items(pair('Valg af næstformand              (pkt. 1)', 'Legepladser 2027                 (pkt. 2)', (n) => `Sagsnr. 26/51${n}`))).toEqual(expected);
	});

	it('"Sag 2 · Åben · 26/512" over its title, and "(2)  Title" over "Sagsnr. 26/512 – Åben"', () => {
		expect(items(`Referat\n\nSag 1 · Åben · 26/511\nValg af næstformand\n\nBeslutning\nGodkendt.\n\nSag 2 · Åben · 26/512\nLegepladser 2027\n\nBeslutning\nGodkendt.\n`)).toEqual(expected);
		expect(items(pair('(1)  Valg af næstformand', '(2)  Legepladser 2027', (n) => `     Sagsnr. 26/51${n} – Åben`))).toEqual(expected);
	});
});
