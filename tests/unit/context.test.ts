import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../scripts/lib/args';
import { FactTally, summaryLines } from '../../scripts/lib/summary';
import { extractDocument } from '../../src/lib/extract/index';
import { layoutOf, pageFurniture, withoutFurniture } from '../../src/lib/extract/layout';
import { segmentItems } from '../../src/lib/extract/segment';

const MINUTES =
	'Punkt 1: Danmarkskort 2024\n\nSagsnr.: 24/99\n\nAnkestyrelsen traf i 2024 afgørelse i 120 klagesager på socialområdet, hvoraf 80 blev stadfæstet. Landsgennemsnittet for omgørelsesprocenten på socialområdet var 36 pct.\n';

describe('minutes whose municipality nobody names', () => {
	it('keep their facts under "ukendt kommune", national figures included', () => {
		const r = extractDocument(MINUTES, { doc_id: 'x', file_name: 'x.txt' });
		expect(r.document.municipality).toBeNull();
		expect(r.facts.map((f) => `${f.metric}=${f.value} ${f.entity}`).sort()).toEqual([
			'klagesager_antal=120 ukendt kommune',
			'omgoerelsespct=36 Landsgennemsnit',
			'stadfaestet_antal=80 ukendt kommune'
		]);
	});

	it('are named in the run summary', () => {
		const tally = new FactTally();
		tally.add(extractDocument(MINUTES, { doc_id: 'x', file_name: 'x.txt' }).facts);
		const lines = summaryLines({ filesTotal: 1, filesRead: 1, items: 1, facts: tally, errors: [], outDir: 'out', written: true, seconds: 0.1 });
		expect(lines.join('\n')).toContain('ukendt kommune: 1 fil uden kendt kommune');
	});

	it('take the municipality from --municipality', () => {
		expect(parseArgs(['--municipality', 'odder']).municipality).toBe('Odder');
		expect(() => parseArgs(['--municipality', 'Atlantis'])).toThrow(/Danish municipality/);
	});
});

describe('the period of a figure', () => {
	it('is a span the sentence names as the years it covers ("over de tre år 2022-2024")', () => {
		const text = 'Punkt 2: Danmarkskort 2024\n\nSagsnr.: 25/1\n\nI 2024 afgjorde Ankestyrelsen 60 klagesager på voksenhandicapområdet. Set over de tre år 2022-2024 har Ankestyrelsen afgjort 171 klagesager på voksenhandicapområdet.\n';
		const r = extractDocument(text, { doc_id: 'x', file_name: 'x.txt', municipality: 'Hjørring' });
		expect(r.facts.filter((f) => f.metric === 'klagesager_antal').map((f) => `${f.value} ${f.period}`).sort()).toEqual(['171 2022-2024', '60 2024']);
	});
});

describe('item headers in the forms minute systems print', () => {
	const items = (text: string) => segmentItems(text).map((s) => `${s.itemNo} ${s.title}`);
	it('reads "3 Titel" with a Sags ID, "Sag nr. 3", "Punkt nr. 3 - … (B)", "2 (Åben) …" and "Pkt. 12" above its title', () => {
		expect(items('1 Godkendelse\n\nSags ID: EMN-1\n\nGodkendt.\n\n2 Budget 2025\n\nSags ID: EMN-2\n\nIndstilling\n\nTekst.\n')).toEqual(['1 Godkendelse', '2 Budget 2025']);
		expect(items('Sag nr. 4 Budget\n\nSagsnr.: 25/1\n\nTekst.\n\nSag nr. 5 Klager\n\nSagsnr.: 25/2\n\nTekst.\n')).toEqual(['4 Budget', '5 Klager']);
		expect(items('Punkt nr. 2 - Budget (B)\n\nJournalnr.: 00.01\n\nTekst.\n')).toEqual(['2 Budget']);
		expect(items('2 (Åben) Danmarkskort\n\nSagsnr.: 25/1\n\nTekst.\n\n3 (Lukket) Køb\n\nSagsnr.: 25/2\n')).toEqual(['2 Danmarkskort', '3 Køb']);
		expect(items('Pkt. 12\n\nMagtanvendelse 2024\n\nSagsnr. 24/1    Udvalget    Åbent punkt\n\nTekst.\n')).toEqual(['12 Magtanvendelse 2024']);
	});

	it('takes neither a table of contents nor a numbered list in an item for items', () => {
		const text =
			'Indholdsfortegnelse\n\nPkt. 1 - Dagsorden ........ 2\nPkt. 2 - Budget ........ 3\n\nPkt. 1 - Dagsorden\n\nJournalnr.: 1\n\nIndstilling\n\n1. Udvalget godkender dagsordenen.\n2. Udvalget tager orienteringen til efterretning.\n\nPkt. 2 - Budget\n\nJournalnr.: 2\n\nTekst.\n';
		expect(items(text)).toEqual(['1 Dagsorden', '2 Budget']);
	});

	it('reads CR-only and U+2028 line ends as line ends', () => {
		expect(items('Punkt 1: A\r\rTekst.\r\rPunkt 2: B\r\rTekst.\r')).toEqual(['1 A', '2 B']);
		expect(items('Punkt 1: A\u2028\u2028Tekst.\u2028\u2028Punkt 2: B\u2028')).toEqual(['1 A', '2 B']);
	});
});

describe('running page headers and footers', () => {
	it('are blanked, same length, and a footer inside an amount leaves the sentence whole', () => {
		const footer = (n: number) => `Velfærdsudvalget – 03-09-2024                    Side ${n}`;
		const text = `Punkt 1: Budget\n\nSagsnr.: 24/1\n\n${'Tekst uden tal her.\n'.repeat(20)}\n${footer(1)}\n\n${'Mere tekst uden tal.\n'.repeat(20)}\nDer forventes et mindreforbrug på 2,4 mio.\n\n${footer(2)}\n\nkr. i forhold til servicerammen.\n`;
		const clean = withoutFurniture(text, pageFurniture(text));
		expect(clean).toHaveLength(text.length);
		expect(clean).not.toContain('Side');
		const [item] = segmentItems(clean);
		const sentences = layoutOf(clean, item.bodyStart, item.end).sentences.map((s) => s.text.replace(/\s+/g, ' '));
		expect(sentences).toContain('Der forventes et mindreforbrug på 2,4 mio. kr. i forhold til servicerammen.');
	});
});
