/**
 * Minutes as a web page of the minute system: the text a reader sees (as a browser lays it out:
 * blocks on lines of their own, white space folded), tables written as aligned columns (cells
 * as cells, so the grid reader finds them), scripts and styles ignored.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Ingested } from './text';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const IGNORED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'canvas']);
const BLOCKS = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
	'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre',
	'section', 'summary', 'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'
]);
/** Blocks set apart by a blank line, as paragraphs and headings are on screen. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre']);

export function htmlToText(html: string): Ingested {
	const out = new Writer();
	walk(parse(html), out, false);
	return { text: out.finish(), format: 'html', pageStarts: [] };
}

/** Collects inline text into lines; a block boundary ends the line, a paragraph adds a blank one. */
class Writer {
	private lines: string[] = [];
	private current = '';

	inline(s: string, pre: boolean) {
		if (pre) {
			const parts = s.split('\n');
			parts.forEach((p, i) => {
				if (i) this.break();
				this.current += p;
			});
			return;
		}
		const folded = s.replace(/[\s\u00a0]+/g, (m) => (m.includes('\u00a0') && !/[\t\n\r ]/.test(m) ? '\u00a0' : ' '));
		this.current += this.current === '' || this.current.endsWith(' ') ? folded.replace(/^ /, '') : folded;
	}
	break() {
		const line = this.current.replace(/ +$/, '');
		if (line !== '' || this.current !== '') this.lines.push(line);
		this.current = '';
	}
	block() {
		if (this.current.trim() !== '') this.break();
		else this.current = '';
	}
	blank() {
		this.block();
		if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
	}
	raw(lines: string[]) {
		this.block();
		this.lines.push(...lines);
	}
	finish(): string {
		this.block();
		while (this.lines.length && this.lines[this.lines.length - 1] === '') this.lines.pop();
		return this.lines.join('\n') + '\n';
	}
}

function walk(node: Node, out: Writer, pre: boolean, listIndex?: { n: number; ordered: boolean }): void {
	if (node.nodeName === '#text') {
		out.inline((node as DefaultTreeAdapterMap['textNode']).value, pre);
		return;
	}
	if (node.nodeName === '#comment' || node.nodeName === '#documentType') return;
	const el = node as Element;
	const tag = el.tagName;
	if (tag && IGNORED.has(tag)) return;
	if (tag === 'br') {
		out.break();
		return;
	}
	if (tag === 'table') {
		out.blank();
		out.raw(tableLines(el));
		out.blank();
		return;
	}
	const children = 'childNodes' in el ? el.childNodes : (node as DefaultTreeAdapterMap['document']).childNodes;
	if (tag === 'ul' || tag === 'ol') {
		out.blank();
		const list = { n: 0, ordered: tag === 'ol' };
		for (const c of children) walk(c, out, pre, list);
		out.blank();
		return;
	}
	if (!tag) {
		for (const c of children ?? []) walk(c, out, pre);
		return;
	}
	if (PARAGRAPHS.has(tag)) out.blank();
	else if (BLOCKS.has(tag)) out.block();
	if (tag === 'li' && listIndex) {
		listIndex.n++;
		out.inline(listIndex.ordered ? `${listIndex.n}. ` : '• ', false);
	}
	for (const c of children) walk(c, out, pre || tag === 'pre');
	if (PARAGRAPHS.has(tag)) out.blank();
	else if (BLOCKS.has(tag)) out.block();
}

/** A table's caption and rows; cells padded to the column's width, figures aligned right. */
function tableLines(table: Element): string[] {
	const caption: string[] = [];
	const rows: string[][] = [];
	const visit = (el: Element) => {
		for (const c of el.childNodes) {
			if (!('tagName' in c)) continue;
			if (c.tagName === 'caption') caption.push(textOf(c));
			else if (c.tagName === 'tr') rows.push(c.childNodes.filter((td): td is Element => 'tagName' in td && (td.tagName === 'td' || td.tagName === 'th')).flatMap(cellTexts));
			else if (c.tagName !== 'table') visit(c);
		}
	};
	visit(table);
	const width: number[] = [];
	for (const r of rows) r.forEach((cell, i) => (width[i] = Math.max(width[i] ?? 0, cell.length)));
	const figure = /^[-−÷+]?\s?\d[\d.,]*\s?%?$/;
	const lines = rows
		.filter((r) => r.some((c) => c !== ''))
		.map((r) => r.map((cell, i) => (i > 0 && figure.test(cell) ? cell.padStart(width[i]) : cell.padEnd(width[i]))).join('   ').trimEnd());
	return [...caption.filter((c) => c !== ''), ...lines];
}

/** A cell spanning several columns is repeated empty after its text, so later cells keep their column. */
function cellTexts(td: Element): string[] {
	const span = Number(td.attrs.find((a) => a.name === 'colspan')?.value ?? 1);
	const text = textOf(td);
	return [text, ...Array.from({ length: Math.max(0, Math.min(span, 50) - 1) }, () => '')];
}

function textOf(el: Element): string {
	let s = '';
	const visit = (n: Node) => {
		if (n.nodeName === '#text') s += (n as DefaultTreeAdapterMap['textNode']).value;
		else if ('tagName' in n && IGNORED.has(n.tagName)) return;
		else if ('tagName' in n && n.tagName === 'br') s += ' ';
		else if ('childNodes' in n) for (const c of n.childNodes) visit(c);
	};
	visit(el);
	return s.replace(/\s+/g, ' ').trim();
}
