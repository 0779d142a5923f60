/**
 * A minutes file's bytes → the text the extractor reads, by the file's kind: plain text in any of
 * the encodings decodeMinutes knows, a PDF rebuilt from its glyph positions, or a web page.
 */
import { decodeMinutes } from '../extract/decode';
import { htmlToText } from './html';
import { PdfProblem, pdfToText } from './pdf';
import type { SourceFormat } from './text';

export { pageAt, type SourceFormat } from './text';

export type Ingest =
	| { ok: true; format: SourceFormat; text: string; encoding: string | null; pageStarts: number[]; note?: string }
	| { ok: false; format: SourceFormat; encoding: string | null; reason: string };

const FORMATS: Record<string, SourceFormat> = { '.txt': 'txt', '.pdf': 'pdf', '.html': 'html', '.htm': 'html' };

/** The kind of minutes a file name says it holds, or null for files the CLI does not read. */
export function formatOf(fileName: string): SourceFormat | null {
	const dot = fileName.lastIndexOf('.');
	return dot < 0 ? null : (FORMATS[fileName.slice(dot).toLowerCase()] ?? null);
}

export async function ingestMinutes(bytes: Uint8Array, format: SourceFormat): Promise<Ingest> {
	if (format === 'pdf') {
		try {
			const pdf = await pdfToText(bytes);
			return { ok: true, format, text: pdf.text, encoding: null, pageStarts: pdf.pageStarts };
		} catch (error) {
			if (error instanceof PdfProblem) return { ok: false, format, encoding: null, reason: error.message };
			throw error;
		}
	}
	const decoded = decodeMinutes(bytes);
	if (!decoded.ok) return { ok: false, format, encoding: decoded.encoding, reason: decoded.reason };
	const note = decoded.note ? { note: decoded.note } : {};
	if (format === 'txt') return { ok: true, format, text: decoded.text, encoding: decoded.encoding, pageStarts: [], ...note };
	const page = htmlToText(decoded.text);
	if (!page.text.trim()) return { ok: false, format, encoding: decoded.encoding, reason: 'websiden indeholder ingen tekst' };
	return { ok: true, format, text: page.text, encoding: decoded.encoding, pageStarts: [], ...note };
}
