import { formatPeriode } from '$lib/format';

/** "Gladsaxe" → "Gladsaxe Kommune" (a name that already says kommune is kept). */
export function municipalityName(entity: string): string {
	return /kommune/i.test(entity) ? entity : `${entity} Kommune`;
}

/** "2023–2025", "3. kvartal 2024" or "1.–3. kvartal 2024". */
export function periodRange(periods: string[]): string {
	if (periods.length === 0) return '';
	const a = /^(\d{4})-Q(\d)$/.exec(periods[0]);
	const b = /^(\d{4})-Q(\d)$/.exec(periods[periods.length - 1]);
	if (a && b && a[1] === b[1] && a[2] !== b[2]) return `${a[2]}.–${b[2]}. kvartal ${a[1]}`;
	const first = formatPeriode(periods[0]);
	const last = formatPeriode(periods[periods.length - 1]);
	return first === last ? first : `${first}–${last}`;
}

/** Subtitle parts joined the way the figures show them. */
export function subtitleOf(parts: (string | null | undefined | false)[]): string {
	return parts.filter((p): p is string => !!p).join(' · ');
}
