import { formatPeriode } from '$lib/format';

const LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** ASCII for file names: "Psykiatri- og Handicapudvalget" → "psykiatri-og-handicapudvalget". */
export function slug(text: string, max = 60): string {
	const ascii = text
		.toLowerCase()
		.replace(/[æøåäöüß]/g, (c) => LETTERS[c])
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return ascii.slice(0, max).replace(/-+$/, '');
}

/** "2023-2025", "2025" or "3-kvartal-2024": the periods a figure covers. */
export function periodSlug(periods: string[]): string {
	if (periods.length === 0) return '';
	const first = periods[0];
	const last = periods[periods.length - 1];
	const years = /^\d{4}$/;
	if (first === last) return slug(years.test(first) ? first : formatPeriode(first));
	if (years.test(first) && years.test(last)) return `${first}-${last}`;
	return `${slug(formatPeriode(first))}-til-${slug(formatPeriode(last))}`;
}

/** The file name stem: what the figure shows and when, e.g. "omgoerelsesprocent-socialomraadet-2023-2025". */
export function fileStem(parts: string[]): string {
	return parts.map((p) => slug(p)).filter(Boolean).join('-').slice(0, 150).replace(/-+$/, '') || 'figur';
}

/** "…-1920x1080.png" */
export function fileName(stem: string, width: number, height: number, extension: 'png' | 'svg'): string {
	return `${stem}-${width}x${height}.${extension}`;
}
