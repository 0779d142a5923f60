import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract';
import { segmentItems } from '../../src/lib/extract/segment';

const items = (text: string) => segmentItems(text).map((s) => `${s.itemNo} ${s.title}`);

describe('item headers in the forms of other minute systems', () => {
	it('a header in a drawn box numbered with §', () => {
		const text = `Referat\n\n+----------------------------------+\n| § 1. Godkendelse af dagsorden    |\n| Åbent punkt · Sagsnr. 25/2201    |\n+----------------------------------+\nBeslutning\nGodkendt.\n\n+----------------------------------+\n| § 2. Regnskab 2024               |\n| Åbent punkt · Sagsnr. 25/2870    |\n+----------------------------------+\nSagsfremstilling\nEfter serviceloven § 85 ydes støtte.\n`;
		expect(items(text)).toEqual(['1 Godkendelse af dagsorden', '2 Regnskab 2024']);
	});

	it('"[3] Title" and a decimal numbering whose sections are 3.1, 3.2', () => {
		expect(items(`Dagsorden\n\n[1] Godkendelse af dagsordenen\n\nBeslutning\nGodkendt.\n\n[2] Budgetopfølgning efter 3. kvartal 2024\n\nSagsfremstilling\nTekst.\n`)).toEqual([
			'1 Godkendelse af dagsordenen',
			'2 Budgetopfølgning efter 3. kvartal 2024'
		]);
		expect(items(`Referat\n\n1.0 Godkendelse af dagsorden\n1.1 Beslutning\nGodkendt.\n\n2.0 Budgetopfølgning pr. 30. juni 2025\n2.1 Sagsfremstilling\nTekst.\n2.2 Beslutning\nTaget til efterretning.\n`)).toEqual([
			'1 Godkendelse af dagsorden',
			'2 Budgetopfølgning pr. 30. juni 2025'
		]);
	});
});

describe('numbered sections are no page furniture', () => {
	it('"2.2 Beslutning", "3.2 Beslutning" … a page apart stay sections, and every item stays', () => {
		const filler = Array.from({ length: 16 }, (_, i) => `Linje ${i + 1} af sagsfremstillingen om emnet.`).join('\n');
		const item = (n: number, title: string) => `${n}.0 ${title}\n${n}.1 Sagsfremstilling\n${filler}\n${n}.2 Beslutning\nGodkendt.\n`;
		const text = `Referat\n\n${item(1, 'Godkendelse af dagsorden')}\n${item(2, 'Budgetopfølgning pr. 30. juni 2025')}\n${item(3, 'Magtanvendelse i 1. halvår 2025')}`;
		const ex = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Lolland' });
		expect(ex.items.map((i) => `${i.item_no} ${i.title}`)).toEqual(['1 Godkendelse af dagsorden', '2 Budgetopfølgning pr. 30. juni 2025', '3 Magtanvendelse i 1. halvår 2025']);
		expect(ex.items.every((i) => i.decision === 'Godkendt.')).toBe(true);
	});
});
