/**
 * Turns a minutes file's bytes into text. Pure: no I/O.
 *
 * The decoded text is what every character offset refers to. A byte order mark is not part
 * of it (as with the WHATWG TextDecoder); the encoding name says when one was present.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-8-lossy' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
	| { ok: true; text: string; encoding: Encoding; note: string | null }
	| { ok: false; encoding: Encoding | null; reason: string };

/** Bytes 0x80-0x9F in Windows-1252; the five bytes the code page leaves undefined map to U+0080-U+009F. */
const CP1252_HIGH = [
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
	0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
	0x0153, 0x009d, 0x017e, 0x0178
];

/** Above this share of control characters a file is taken for binary data, not text. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeWindows1252(bytes: Uint8Array): string {
	const chunks: string[] = [];
	const CHUNK = 8192;
	for (let start = 0; start < bytes.length; start += CHUNK) {
		const end = Math.min(bytes.length, start + CHUNK);
		const codes = new Array<number>(end - start);
		for (let i = start; i < end; i++) {
			const b = bytes[i];
			codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
		}
		chunks.push(String.fromCharCode(...codes));
	}
	return chunks.join('');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
	const chunks: string[] = [];
	const CHUNK = 8192;
	const units = bytes.length >> 1;
	for (let start = 0; start < units; start += CHUNK) {
		const end = Math.min(units, start + CHUNK);
		const codes = new Array<number>(end - start);
		for (let u = start; u < end; u++) {
			const a = bytes[2 * u];
			const b = bytes[2 * u + 1];
			codes[u - start] = littleEndian ? a | (b << 8) : (a << 8) | b;
		}
		chunks.push(String.fromCharCode(...codes));
	}
	return chunks.join('');
}

/** Share of one byte of each pair that must be zero for text to be taken as UTF-16 without a byte order mark. */
const UTF16_ZERO_SHARE = 0.3;
/** At most this share of zeros in the other byte of the pairs (the code units U+xx00 are rare in text). */
const UTF16_OTHER_ZERO_SHARE = 0.02;

/**
 * UTF-16 without a byte order mark, told by where its zero bytes fall: text in Latin script has
 * a zero high byte in most code units (even positions in big-endian, odd in little-endian) and
 * almost never a zero low byte. Binary data has zeros at both.
 */
function utf16ByZeroBytes(bytes: Uint8Array): 'le' | 'be' | null {
	if (bytes.length % 2 !== 0 || bytes.length < 4) return null;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < bytes.length; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	const units = bytes.length / 2;
	if (odd >= units * UTF16_ZERO_SHARE && even <= units * UTF16_OTHER_ZERO_SHARE) return 'le';
	if (even >= units * UTF16_ZERO_SHARE && odd <= units * UTF16_OTHER_ZERO_SHARE) return 'be';
	return null;
}

/** Control characters that do not belong in text; tab, line feed, vertical tab, form feed and carriage return do. */
export function countControlChars(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || (c >= 0x7f && c <= 0x9f)) n++;
	}
	return n;
}

/** The same characters as countControlChars counts: most texts hold none, and a regex finds that faster than a loop. */
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f-\x9f]/;

function looksBinary(text: string): boolean {
	return CONTROL.test(text) && countControlChars(text) > text.length * MAX_CONTROL_SHARE;
}

function finish(text: string, encoding: Encoding, note: string | null): Decoded {
	if (text.trim() === '') return { ok: false, encoding, reason: 'empty file (no text, only whitespace)' };
	if (looksBinary(text)) {
		return { ok: false, encoding: null, reason: 'binary file (control characters, not text), skipped' };
	}
	return { ok: true, text, encoding, note };
}

export function decodeMinutes(bytes: Uint8Array): Decoded {
	if (bytes.length === 0) return { ok: false, encoding: null, reason: 'empty file (0 bytes)' };

	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const body = bytes.subarray(3);
		if (body.includes(0)) return { ok: false, encoding: null, reason: 'binary file (contains NUL bytes), skipped' };
		try {
			const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
			return finish(text, 'utf-8-bom', 'UTF-8 byte order mark dropped; offsets count from the text after it');
		} catch {
			return { ok: false, encoding: null, reason: 'starts with a UTF-8 byte order mark but is not valid UTF-8' };
		}
	}

	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		const littleEndian = bytes[0] === 0xff;
		const encoding: Encoding = littleEndian ? 'utf-16le' : 'utf-16be';
		if (bytes.length % 2 !== 0) {
			return { ok: false, encoding: null, reason: `starts with a ${encoding} byte order mark but has an odd number of bytes` };
		}
		return finish(decodeUtf16(bytes.subarray(2), littleEndian), encoding, `read as ${encoding} (byte order mark)`);
	}

	if (bytes.includes(0)) {
		const utf16 = utf16ByZeroBytes(bytes);
		if (utf16 === null) return { ok: false, encoding: null, reason: 'binary file (contains NUL bytes), skipped' };
		const encoding: Encoding = utf16 === 'le' ? 'utf-16le' : 'utf-16be';
		return finish(decodeUtf16(bytes, utf16 === 'le'), encoding, `read as ${encoding} (no byte order mark; told by its zero bytes)`);
	}

	try {
		return finish(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), 'utf-8', null);
	} catch {
		// not valid UTF-8: decide below between damaged UTF-8 and a single-byte code page
	}

	const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
	let replaced = 0;
	let multibyte = 0;
	for (const ch of lossy) {
		if (ch === '\ufffd') replaced++;
		else if (ch.charCodeAt(0) >= 0x80) multibyte++;
	}
	if (multibyte > replaced) {
		return finish(
			lossy,
			'utf-8-lossy',
			`${replaced} invalid UTF-8 byte sequence${replaced === 1 ? '' : 's'} replaced by U+FFFD`
		);
	}
	return finish(decodeWindows1252(bytes), 'windows-1252', 'read as windows-1252 (not valid UTF-8)');
}
