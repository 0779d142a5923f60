import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countControlChars, decodeMinutes, decodeWindows1252 } from '../../src/lib/extract/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);
const MINUTE = 'Punkt 1: Klagesager 2023\n\nAnkestyrelsen har behandlet 90 klagesager, heraf 56 (52 pct.) stadfæstet.\r\n';

/** Windows-1252 bytes of a string made of characters the code page has. */
function encodeWindows1252(text: string): Uint8Array {
	const high = new Map<number, number>();
	for (let b = 0x80; b <= 0x9f; b++) high.set(decodeWindows1252(bytes(b)).charCodeAt(0), b);
	return Uint8Array.from([...text].map((ch) => high.get(ch.charCodeAt(0)) ?? ch.charCodeAt(0)));
}

describe('decodeWindows1252', () => {
	it('maps the 0x80-0x9F range to the code page characters, not to control codes', () => {
		expect(decodeWindows1252(bytes(0x80, 0x84, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99))).toBe('€„…‘’“”–—™');
		expect(decodeWindows1252(bytes(0x8a, 0x8c, 0x9a, 0x9c, 0x9f, 0x83, 0x89, 0x95))).toBe('ŠŒšœŸƒ‰•');
	});

	it('gives Danish letters and Latin-1 the same code points', () => {
		expect(decodeWindows1252(bytes(0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0xa7, 0xbd, 0xe9))).toBe('æøåÆØÅ§½é');
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		const text = decodeWindows1252(all);
		expect(text.length).toBe(256);
		for (let b = 0; b < 256; b++) {
			if (b < 0x80 || b > 0x9f) expect(text.charCodeAt(b)).toBe(b);
		}
	});

	it('leaves the five undefined bytes as their C1 code points', () => {
		expect([...decodeWindows1252(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d))].map((c) => c.charCodeAt(0))).toEqual([
			0x81, 0x8d, 0x8f, 0x90, 0x9d
		]);
	});

	it('decodes long input (beyond one chunk) without losing characters', () => {
		const text = 'Merforbrug på 46,0 mio. kr. – “forventet” '.repeat(5000);
		expect(decodeWindows1252(encodeWindows1252(text))).toBe(text);
	});
});

describe('decodeMinutes', () => {
	it('reads plain UTF-8 as is, line endings and all', () => {
		const result = decodeMinutes(utf8(MINUTE));
		expect(result).toEqual({ ok: true, text: MINUTE, encoding: 'utf-8', note: null });
	});

	it('drops a UTF-8 byte order mark and says so in the encoding', () => {
		const result = decodeMinutes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(MINUTE)]));
		expect(result.ok && result.text).toBe(MINUTE);
		expect(result.encoding).toBe('utf-8-bom');
		expect(result.ok && result.note).toMatch(/byte order mark/);
	});

	it('reads Windows-1252 text and names the encoding', () => {
		const result = decodeMinutes(encodeWindows1252('Beløb: 1.341.696 kr. – “Merforbrug” på 46,0 mio. € i år\n'));
		expect(result).toMatchObject({ ok: true, encoding: 'windows-1252' });
		expect(result.ok && result.text).toBe('Beløb: 1.341.696 kr. – “Merforbrug” på 46,0 mio. € i år\n');
		expect(result.ok && result.note).toMatch(/windows-1252/);
	});

	it('keeps UTF-8 with a few damaged bytes as UTF-8, marking the damage', () => {
		const good = utf8('Stadfæstet: 56 sager. Ændret: 5 sager. Hjemvist: 38 sager. Omgørelsesprocent: 48 %.\n');
		const result = decodeMinutes(new Uint8Array([...good, 0xff, ...utf8('slut\n')]));
		expect(result).toMatchObject({ ok: true, encoding: 'utf-8-lossy' });
		expect(result.ok && result.text).toContain('Omgørelsesprocent');
		expect(result.ok && result.text).toContain('\ufffd');
		expect(result.ok && result.note).toMatch(/1 invalid UTF-8 byte sequence/);
	});

	it('reads UTF-16 with a byte order mark', () => {
		const text = 'Punkt 2: Budgetopfølgning\n';
		const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
		const be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
		expect(decodeMinutes(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
		expect(decodeMinutes(be)).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
		expect(decodeMinutes(le.subarray(0, le.length - 1))).toMatchObject({ ok: false, reason: /odd number of bytes/ });
	});

	it('reads UTF-16 without a byte order mark, told by the pattern of its zero bytes', () => {
		const text = `${MINUTE}Merforbrug på 46,0 mio. kr. – “forventet” § 12\n`;
		const le = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
		const be = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
		expect(decodeMinutes(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le', note: /no byte order mark/ });
		expect(decodeMinutes(be)).toMatchObject({ ok: true, text, encoding: 'utf-16be', note: /no byte order mark/ });
		// zeros at both positions of the pairs, or an odd length: binary, not UTF-16
		const mixed = new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 26)));
		expect(decodeMinutes(mixed)).toMatchObject({ ok: false, reason: /binary file \(contains NUL bytes\)/ });
		expect(decodeMinutes(le.subarray(0, le.length - 1))).toMatchObject({ ok: false, reason: /binary file/ });
	});

	it('refuses empty and whitespace-only files', () => {
		expect(decodeMinutes(new Uint8Array())).toEqual({ ok: false, encoding: null, reason: 'empty file (0 bytes)' });
		expect(decodeMinutes(utf8(' \n\n\t \r\n'))).toMatchObject({ ok: false, encoding: 'utf-8', reason: /empty file/ });
		expect(decodeMinutes(bytes(0xef, 0xbb, 0xbf))).toMatchObject({ ok: false, reason: /empty file/ });
	});

	it('skips binary files: NUL bytes, or bytes that decode to control characters', () => {
		expect(decodeMinutes(new Uint8Array([...utf8('%PDF-1.7\n'), 0, 1, 2, 0xff]))).toMatchObject({
			ok: false,
			encoding: null,
			reason: /binary file \(contains NUL bytes\)/
		});
		let seed = 7;
		const noise = Uint8Array.from({ length: 4096 }, () => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return 1 + (seed % 255);
		});
		expect(decodeMinutes(noise)).toMatchObject({ ok: false, encoding: null, reason: /binary file/ });
	});

	it('lets a stray control character in real text through', () => {
		const text = MINUTE.repeat(10) + '\x02' + MINUTE;
		expect(countControlChars(text)).toBe(1);
		expect(decodeMinutes(utf8(text))).toMatchObject({ ok: true, text, encoding: 'utf-8' });
		expect(decodeMinutes(utf8('Side 1\fSide 2\vslut\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
	});

	it('gives back any UTF-8 text exactly (property)', () => {
		const textChar = fc
			.string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
			.filter((s) => s.trim() !== '' && countControlChars(s) === 0 && !s.startsWith('\ufeff'));
		fc.assert(
			fc.property(textChar, (text) => {
				const result = decodeMinutes(utf8(text));
				return result.ok && result.text === text && result.encoding === 'utf-8';
			}),
			{ numRuns: 300, seed: 20261123 }
		);
	});

	it('gives back any Windows-1252 text with Danish letters exactly (property)', () => {
		const alphabet = [...'abcdefghijklmnopqrstuvwxyzæøåÆØÅ 0123456789.,;:-–—“”‘’€§½%\n'];
		const text = fc
			.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 200 })
			.map((cs) => `Beløb ${cs.join('')}`);
		fc.assert(
			fc.property(text, (t) => {
				const result = decodeMinutes(encodeWindows1252(t));
				return result.ok && result.text === t && result.encoding === 'windows-1252';
			}),
			{ numRuns: 300, seed: 20261123 }
		);
	});
});
