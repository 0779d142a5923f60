/**
 * Minutes as PDF: the text rebuilt into lines in reading order from the glyph positions, with
 * gaps between cells kept as runs of spaces (so tables come out as aligned columns, as the grid
 * reader expects), two text columns read one after the other, and words split by a hyphen at a
 * line end joined again.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { joinPages, type Ingested } from './text';

/** What a PDF that yields no text says, in the words the summary and documents.parquet use. */
export const PDF_PROBLEMS = {
	encrypted: 'PDF\u2019en er krypteret; den kan ikke læses uden adgangskode',
	imagesOnly: 'PDF\u2019en indeholder kun billeder; tekst kan ikke læses uden OCR',
	broken: 'PDF\u2019en er beskadiget og kan ikke læses',
	empty: 'PDF\u2019en indeholder ingen tekst'
} as const;

export class PdfProblem extends Error {}

interface Glyphs {
	text: string;
	x: number;
	/** Baseline, growing downwards (top of the page is 0). */
	y: number;
	width: number;
	size: number;
}

interface Line {
	y: number;
	size: number;
	items: Glyphs[];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const load = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export async function pdfToText(bytes: Uint8Array): Promise<Ingested> {
	const lib = await load();
	let doc;
	try {
		// A plain copy: pdf.js refuses Node's Buffer, and transfers what it is given to its worker.
		const data = new Uint8Array(bytes);
		doc = await lib.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
	} catch (error) {
		const name = (error as Error).name;
		if (name === 'PasswordException') throw new PdfProblem(PDF_PROBLEMS.encrypted);
		if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') throw new PdfProblem(PDF_PROBLEMS.broken);
		throw error;
	}
	try {
		const pages: string[] = [];
		let images = 0;
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const height = page.view[3] - page.view[1];
			const width = page.view[2] - page.view[0];
			const content = await page.getTextContent();
			const glyphs = (content.items as TextItem[])
				.filter((it) => 'str' in it && it.str.trim() !== '')
				.map((it) => ({ text: it.str, x: it.transform[4], y: height - it.transform[5], width: it.width, size: Math.hypot(it.transform[2], it.transform[3]) || 10 }));
			if (!glyphs.length) {
				const ops = await page.getOperatorList();
				if (ops.fnArray.some((fn) => fn === lib.OPS.paintImageXObject || fn === lib.OPS.paintInlineImageXObject)) images++;
			}
			pages.push(pageText(glyphs, width));
			page.cleanup();
		}
		if (pages.every((p) => !p.trim())) throw new PdfProblem(images ? PDF_PROBLEMS.imagesOnly : PDF_PROBLEMS.empty);
		return joinPages(pages, 'pdf');
	} finally {
		await doc.destroy();
	}
}

/** One page's lines, top to bottom; a page laid out in two text columns is read column by column. */
export function pageText(glyphs: Glyphs[], pageWidth: number): string {
	const gutter = columnGutter(glyphs, pageWidth);
	if (gutter === null) return linesToText(toLines(glyphs), leftEdge(glyphs));
	const left = glyphs.filter((g) => g.x + g.width / 2 < gutter);
	const right = glyphs.filter((g) => g.x + g.width / 2 >= gutter);
	return `${linesToText(toLines(left), leftEdge(left))}\n\n${linesToText(toLines(right), leftEdge(right))}`;
}

const leftEdge = (glyphs: Glyphs[]) => Math.min(...glyphs.map((g) => g.x));

function toLines(glyphs: Glyphs[]): Line[] {
	const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
	const lines: Line[] = [];
	for (const g of sorted) {
		const line = lines[lines.length - 1];
		if (line && Math.abs(g.y - line.y) <= Math.min(g.size, line.size) * 0.45) line.items.push(g);
		else lines.push({ y: g.y, size: g.size, items: [g] });
	}
	for (const line of lines) line.items.sort((a, b) => a.x - b.x);
	return lines;
}

/**
 * Places every piece at the character column its x position gives, so that the gaps of a table
 * stay runs of spaces; inside running text one space separates words.
 */
function linesToText(lines: Line[], leftEdge: number): string {
	if (!lines.length) return '';
	const charWidth = median(lines.flatMap((l) => l.items.map((g) => g.width / Math.max(1, g.text.length)))) || 5;
	const out: string[] = [];
	let previous: Line | null = null;
	for (const line of lines) {
		// A gap of more than one and a half line heights is a paragraph break.
		if (previous && line.y - previous.y > Math.max(line.size, previous.size) * 1.9) out.push('');
		let text = '';
		let end = leftEdge;
		for (const g of line.items) {
			const gap = g.x - end;
			if (text === '') text = ' '.repeat(Math.max(0, Math.round((g.x - leftEdge) / charWidth)));
			else if (gap > charWidth * 1.6) {
				const column = Math.round((g.x - leftEdge) / charWidth);
				text += ' '.repeat(Math.max(2, column - text.length));
			} else if (gap > charWidth * 0.15 && !text.endsWith(' ')) text += ' ';
			text += g.text;
			end = g.x + g.width;
		}
		out.push(text.trimEnd());
		previous = line;
	}
	return dehyphenateLines(out).join('\n');
}

/** "Handicap-" + "området" at a line break becomes "Handicapområdet"; "Psykiatri-" + "og" stays. */
function dehyphenateLines(lines: string[]): string[] {
	const out = [...lines];
	for (let i = 0; i + 1 < out.length; i++) {
		const split = /(\p{Ll})-$/u.exec(out[i]);
		const next = /^(\s*)(\p{Ll}+)(.*)$/u.exec(out[i + 1]);
		if (!split || !next || /^(?:og|eller|til|samt|som)$/.test(next[2]) || /\s{2}/.test(out[i])) continue;
		out[i] = out[i].slice(0, -1) + next[2];
		out[i + 1] = next[3].trimStart();
	}
	return out;
}

/**
 * The x of a gutter between two columns of running text: a vertical band near the middle that
 * no glyph crosses, with words (not figures) on both sides over most of the page.
 */
function columnGutter(glyphs: Glyphs[], pageWidth: number): number | null {
	if (glyphs.length < 10) return null;
	const lo = pageWidth * 0.35;
	const hi = pageWidth * 0.65;
	for (let x = lo; x <= hi; x += 2) {
		if (glyphs.some((g) => g.x < x && g.x + g.width > x)) continue;
		const left = glyphs.filter((g) => g.x + g.width <= x);
		const right = glyphs.filter((g) => g.x >= x);
		const wordy = (side: Glyphs[]) => side.filter((g) => /\p{L}{3}/u.test(g.text)).length >= side.length * 0.8;
		const rows = (side: Glyphs[]) => new Set(side.map((g) => Math.round(g.y))).size;
		if (left.length < 4 || right.length < 4 || !wordy(left) || !wordy(right)) continue;
		// Lines of running text fill their column; a table's cells are short.
		const full = (side: Glyphs[], from: number, to: number) => median(side.map((g) => g.width)) >= (to - from) * 0.55;
		const leftFrom = leftEdge(left);
		if (rows(left) >= 4 && rows(right) >= 4 && full(left, leftFrom, x) && full(right, x, x + (x - leftFrom))) return x;
	}
	return null;
}

function median(xs: number[]): number {
	if (!xs.length) return 0;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}
