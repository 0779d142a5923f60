/** Danish number and date notation, and the line breaks a PDF export leaves in running text. */

/** 1341696 → "1.341.696"; -46 → "-46". */
export function formatInteger(n: number): string {
	const sign = n < 0 ? '-' : '';
	const digits = String(Math.abs(Math.round(n)));
	let out = '';
	for (let i = 0; i < digits.length; i++) {
		if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
		out += digits[i];
	}
	return sign + out;
}

/** 46 with one decimal → "46,0"; -1234.5 with one decimal → "-1.234,5". */
export function formatDecimal(x: number, decimals: number): string {
	const scale = 10 ** decimals;
	const rounded = Math.round(Math.abs(x) * scale);
	const whole = Math.floor(rounded / scale);
	const frac = rounded - whole * scale;
	const sign = x < 0 && rounded > 0 ? '-' : '';
	const body = formatInteger(whole);
	return decimals > 0 ? `${sign}${body},${String(frac).padStart(decimals, '0')}` : sign + body;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "04.12.2024" */
export function formatDate(year: number, month: number, day: number): string {
	return `${pad2(day)}.${pad2(month)}.${year}`;
}

/** "2024-12-04" */
export function isoDate(year: number, month: number, day: number): string {
	return `${year}-${pad2(month)}-${pad2(day)}`;
}

export const MONTH_NAMES = [
	'januar', 'februar', 'marts', 'april', 'maj', 'juni',
	'juli', 'august', 'september', 'oktober', 'november', 'december'
];

/** Breaks a paragraph into lines of at most `width` characters at spaces, as text copied out of a PDF. */
export function wrapLines(paragraph: string, width: number): string {
	const words = paragraph.split(' ');
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.join('\n');
}

/** "Lyngby-Taarbæk" → "lyngby-taarbaek", for file and folder names. */
export function slug(name: string): string {
	return name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
