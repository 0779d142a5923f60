import { formatKr, formatMio, formatProcentpoint, formatSigned } from './number';

/** The deviation of a budget in words: negative is merforbrug, positive mindreforbrug. */
export function describeAfvigelse(value: number): string {
	if (Math.abs(value) < 0.5) return 'ingen afvigelse';
	return value < 0 ? `merforbrug ${formatMio(-value)}` : `mindreforbrug ${formatMio(value)}`;
}

/** Which way a change goes, in words, for counts and percentages. */
export function describeChange(current: number, previous: number, unit: string): string {
	const delta = current - previous;
	if (unit === 'pct') return formatProcentpoint(delta);
	if (unit === 'kr') {
		if (Math.abs(delta) < 0.5) return 'uændret';
		return `${delta > 0 ? '+' : '-'}${formatKr(Math.abs(delta))}`;
	}
	return formatSigned(delta);
}

/** "steget", "faldet" or "uændret". */
export function direction(current: number, previous: number): 'steget' | 'faldet' | 'uændret' {
	if (Math.abs(current - previous) < 1e-9) return 'uændret';
	return current > previous ? 'steget' : 'faldet';
}


/**
 * How a budget deviation moved, in words: a deviation is budget minus forecast, so a fall means
 * more merforbrug (or less mindreforbrug) and the forecast got worse.
 */
export function describeAfvigelseChange(delta: number): string {
	if (Math.abs(delta) < 0.5) return 'uændret';
	return delta < 0 ? `forværret ${formatMio(-delta)}` : `forbedret ${formatMio(delta)}`;
}
