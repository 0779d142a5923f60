import { embeddedFontCss } from './font';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DROP = /^(class|role|tabindex|style|aria-.*|data-.*|on.*)$/i;

/** A copy of a drawn figure as a standalone SVG file: page attributes stripped, the font inside. */
export async function svgFile(svg: SVGSVGElement): Promise<string> {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
	const comments: Node[] = [];
	while (walker.nextNode()) comments.push(walker.currentNode);
	for (const c of comments) c.parentNode?.removeChild(c);
	for (const el of [copy, ...copy.querySelectorAll('*')]) {
		for (const attr of [...el.attributes]) if (DROP.test(attr.name)) el.removeAttribute(attr.name);
	}
	copy.setAttribute('xmlns', SVG_NS);
	const defs = document.createElementNS(SVG_NS, 'defs');
	const style = document.createElementNS(SVG_NS, 'style');
	style.textContent = await embeddedFontCss();
	defs.appendChild(style);
	copy.insertBefore(defs, copy.firstChild);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The SVG drawn onto a white canvas of its full pixel size. */
export async function pngBlob(svgText: string, width: number, height: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const image = new Image(width, height);
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const context = canvas.getContext('2d');
		if (!context) throw new Error('canvas');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, width, height);
		context.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((done, fail) =>
			canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('png'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Puts a PNG on the clipboard; the blob may still be coming (the click's permission is kept). */
export async function copyPng(blob: Promise<Blob>): Promise<void> {
	if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined') throw new Error('clipboard');
	await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
}
