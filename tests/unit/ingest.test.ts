import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatOf, ingestMinutes, pageAt } from '../../src/lib/ingest';
import { htmlToText } from '../../src/lib/ingest/html';
import { PDF_PROBLEMS } from '../../src/lib/ingest/pdf';
import { minutesPdf } from '../fixtures/minutes-pdf';

const TABLE = `Tabel 1. Budgetopfølgning (mio. kr.)

                         Korrigeret   Forventet
                         budget       forbrug       Afvigelse
Myndighed voksne         120,4        118,2         2,2
Botilbud                  88,0         91,5        -3,5
I alt                    208,4        209,7        -1,3
`;

async function pdfText(text: string, options = {}): Promise<string> {
	const read = await ingestMinutes(new Uint8Array(await minutesPdf(text, options)), 'pdf');
	if (!read.ok) throw new Error(read.reason);
	return read.text;
}

describe('PDF minutes', () => {
	it('keeps a table as aligned columns: every row on one line, cells apart by at least two spaces', async () => {
		const text = await pdfText(TABLE);
		const rows = text.split('\n').filter((l) => /^(?:Myndighed|Botilbud|I alt)/.test(l));
		expect(rows).toHaveLength(3);
		for (const row of rows) expect(row.trim().split(/\s{2,}/)).toHaveLength(4);
		expect(rows[2]).toMatch(/^I alt\s{2,}208,4\s{2,}209,7\s{2,}-1,3$/);
	});

	it('reads a page of two text columns one column after the other', async () => {
		const left = ['Venstre spalte begynder her med en', 'sætning om budgettet for det', 'kommende år, som udvalget drøfter.', 'Anden linje af venstre spalte', 'slutter her med punktum.', 'Sjette linje i venstre spalte.'];
		const right = ['Højre spalte handler om noget', 'helt andet, nemlig magtanvendelse', 'på botilbuddene i kommunen.', 'Fjerde linje i højre spalte', 'er også med i teksten.', 'Sjette linje i højre spalte.'];
		const text = await pdfText('Forside', { twoColumns: [left, right] });
		const a = text.indexOf('Venstre spalte begynder');
		const b = text.indexOf('Sjette linje i venstre spalte.');
		const c = text.indexOf('Højre spalte handler');
		expect(a).toBeGreaterThan(-1);
		expect(b).toBeGreaterThan(a);
		expect(c).toBeGreaterThan(b);
		expect(text).toContain('kommende år, som udvalget drøfter.');
	});

	it('joins a word split by a hyphen at a line end, but keeps "Psykiatri- og"', async () => {
		const text = await pdfText('Udgifterne på handicap-\nområdet steg, og Psykiatri-\nog Handicapudvalget drøftede det.');
		expect(text).toContain('på handicapområdet\nsteg');
		expect(text).toContain('Psykiatri-\nog Handicapudvalget');
	});

	it('keeps running headers and footers on lines of their own, and knows on which page a line stands', async () => {
		const lines = Array.from({ length: 30 }, (_, i) => `Linje nummer ${i + 1} i referatet.`).join('\n');
		const read = await ingestMinutes(
			new Uint8Array(await minutesPdf(lines, { linesPerPage: 10, header: (p) => `Testby Kommune  Referat  Side ${p}`, footer: (p, n) => `Side ${p} af ${n}` })),
			'pdf'
		);
		if (!read.ok) throw new Error(read.reason);
		expect(read.pageStarts).toHaveLength(3);
		expect(read.text).toMatch(/^Side 2 af 3$/m);
		expect(pageAt(read.pageStarts, read.text.indexOf('Linje nummer 15 '))).toBe(2);
		expect(pageAt(read.pageStarts, read.text.indexOf('Linje nummer 30 '))).toBe(3);
	});

	it('names an image-only, an encrypted and a broken PDF in Danish instead of reading them', async () => {
		const png = await readFile('docs/overview.png');
		const scanned = await ingestMinutes(new Uint8Array(await minutesPdf('', { imagePages: [{ page: 1, png }] })), 'pdf');
		expect(scanned).toMatchObject({ ok: false, reason: PDF_PROBLEMS.imagesOnly });
		const locked = await ingestMinutes(new Uint8Array(await minutesPdf('Fortroligt referat', { userPassword: 'hemmelig' })), 'pdf');
		expect(locked).toMatchObject({ ok: false, reason: PDF_PROBLEMS.encrypted });
		const whole = await minutesPdf('Et referat');
		const broken = await ingestMinutes(new Uint8Array(whole.subarray(0, 200)), 'pdf');
		expect(broken).toMatchObject({ ok: false, reason: PDF_PROBLEMS.broken });
	});
});

describe('HTML minutes', () => {
	it('reads what a reader sees: scripts, styles and comments left out, blocks on lines of their own', () => {
		const { text } = htmlToText(
			'<html><head><title>x</title><style>p{}</style><script>var antal = 99;</script></head><body><h2>Punkt 3: Klagesager</h2><!-- 77 --><p>Ankestyrelsen   afgjorde\n 118 sager &amp; stadfæstede 71.</p><p>Næste<br>linje</p></body></html>'
		);
		expect(text).toBe('Punkt 3: Klagesager\n\nAnkestyrelsen afgjorde 118 sager & stadfæstede 71.\n\nNæste\nlinje\n');
	});

	it('writes a table cell by cell, each row on one line with the cells apart', () => {
		const { text } = htmlToText(
			'<table><caption>Tabel 2. Afgørelser</caption><tr><th></th><th>Stadfæstet</th><th>Ændret</th></tr><tr><td>§ 85</td><td>14</td><td>3</td></tr><tr><td colspan="2">I alt</td><td>17</td></tr></table>'
		);
		const lines = text.trim().split('\n');
		expect(lines[0]).toBe('Tabel 2. Afgørelser');
		expect(lines[2].split(/\s{2,}/)).toEqual(['§ 85', '14', '3']);
		expect(lines[3].trim().split(/\s{2,}/)).toEqual(['I alt', '17']);
	});

	it('tells the kind of minutes from the file name', () => {
		expect(['a.txt', 'b.PDF', 'c.html', 'd.htm', 'e.docx'].map(formatOf)).toEqual(['txt', 'pdf', 'html', 'html', null]);
	});
});
