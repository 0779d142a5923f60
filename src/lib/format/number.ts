import { da } from './locale';
import type { Unit } from '$lib/extract/types';

const heltal = da.format(',.0f');
const enDecimal = da.format(',.1f');
const toDecimaler = da.format(',.2f');
const medFortegn = da.format('+,.0f');
const medFortegnDecimal = da.format('+,.1f');

function isWhole(n: number): boolean {
	return Math.abs(n - Math.round(n)) < 1e-9;
}

/** "1.341.696", "2,5" — whole numbers without decimals, others with one or two. */
export function formatAntal(n: number): string {
	if (isWhole(n)) return heltal(n);
	return isWhole(n * 10) ? enDecimal(n) : toDecimaler(n);
}

/** "46,0 mio. kr." from a million up, "1.341.696 kr." below. */
export function formatKr(n: number): string {
	if (Math.abs(n) >= 1_000_000) return `${enDecimal(n / 1_000_000)} mio. kr.`;
	return `${heltal(n)} kr.`;
}

/** "37 %" or "37,5 %" (the value is in percent points: 37 means 37 %). */
export function formatPct(n: number): string {
	return `${isWhole(n) ? heltal(n) : enDecimal(n)} %`;
}

/** "+15 procentpoint", "-4 procentpoint", "0 procentpoint". */
export function formatProcentpoint(delta: number): string {
	if (Math.abs(delta) < 1e-9) return '0 procentpoint';
	return `${isWhole(delta) ? medFortegn(delta) : medFortegnDecimal(delta)} procentpoint`;
}

/** A signed number: "+7", "-11", "0". */
export function formatSigned(n: number): string {
	if (Math.abs(n) < 1e-9) return '0';
	return isWhole(n) ? medFortegn(n) : medFortegnDecimal(n);
}

/** A signed amount: "+4,6 mio. kr.", "-46,0 mio. kr.". */
export function formatSignedKr(n: number): string {
	const sign = n > 0 ? '+' : '';
	return sign + formatKr(n);
}

/** "+12,5 %" — a relative change. */
export function formatSignedPct(n: number): string {
	if (Math.abs(n) < 1e-9) return '0 %';
	return `${medFortegnDecimal(n)} %`;
}

/** The value of a fact in its unit. */
export function formatValue(value: number, unit: Unit | string): string {
	if (unit === 'pct') return formatPct(value);
	if (unit === 'kr') return formatKr(value);
	return formatAntal(value);
}

/** Short axis ticks: "40 %", "300 mio.", "1.000". */
export function formatTick(value: number, unit: Unit | string): string {
	if (unit === 'pct') return formatPct(value);
	if (unit === 'kr' && Math.abs(value) >= 1_000_000) return `${formatAntal(value / 1_000_000)} mio.`;
	return formatAntal(value);
}

/** Always in millions, so a column of amounts reads in one unit: "46,0 mio. kr.", "0,6 mio. kr.", "0,04 mio. kr.". */
export function formatMio(n: number): string {
	const mio = n / 1_000_000;
	if (Math.abs(mio) < 1e-9) return '0,0 mio. kr.';
	return `${Math.abs(mio) < 0.1 ? toDecimaler(mio) : enDecimal(mio)} mio. kr.`;
}

/** A signed amount in millions: "+4,6 mio. kr.", "-0,6 mio. kr.". */
export function formatSignedMio(n: number): string {
	return (n > 0 ? '+' : '') + formatMio(n);
}
