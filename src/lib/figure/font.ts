import regular from './fonts/DejaVuSans-figur.ttf?url';
import bold from './fonts/DejaVuSans-Bold-figur.ttf?url';
import { FONT_LICENCE } from './licence';

/** The figure font's family as pages and exported files name it; machines without it fall back to Verdana, whose widths are close. */
export const FIGURE_FAMILY = 'Figur Sans';
export const FIGURE_FONT = `'${FIGURE_FAMILY}', 'DejaVu Sans', Verdana, Arial, sans-serif`;

let embedded: Promise<string> | null = null;

async function base64(url: string): Promise<string> {
	const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** @font-face rules carrying both weights as data URLs, with the font's licence notice. */
export function embeddedFontCss(): Promise<string> {
	embedded ??= Promise.all([base64(regular), base64(bold)]).then(
		([r, b]) =>
			`/* ${FONT_LICENCE.replace(/\*\//g, '* /')} */\n` +
			`@font-face{font-family:'${FIGURE_FAMILY}';font-weight:400;font-style:normal;src:url(data:font/ttf;base64,${r}) format('truetype')}\n` +
			`@font-face{font-family:'${FIGURE_FAMILY}';font-weight:700;font-style:normal;src:url(data:font/ttf;base64,${b}) format('truetype')}`
	);
	embedded.catch(() => (embedded = null));
	return embedded;
}

let loading: Promise<void> | null = null;

/** Resolves when the page's copy of the figure font can be measured and drawn. */
export function figureFontReady(): Promise<void> {
	loading ??= Promise.all([
		document.fonts.load(`400 20px '${FIGURE_FAMILY}'`, 'Aæ'),
		document.fonts.load(`700 20px '${FIGURE_FAMILY}'`, 'Aæ')
	]).then(() => undefined);
	return loading;
}
