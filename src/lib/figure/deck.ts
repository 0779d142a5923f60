import { SIDES, type FigureRef, type Side } from './types';

/** The figures each page can lend a deck. */
export const FIGURES: Record<Side, readonly string[]> = {
	klagesager: ['omgoerelse', 'udfald'],
	budget: ['afvigelse', 'bevaegelse'],
	magtanvendelse: ['udfald', 'forhaandsgodkendelser', 'flytning_uden_samtykke']
};

const KEYS = ['kommune', 'omraade', 'sammenlign', 'opfoelgning', 'grundlag'];
export const MAX_SLIDES = 40;
const MAX_ENCODED = 24_000;
const MAX_TEXT = 300;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The deck as one URL-safe parameter value. */
export function encodeDeck(refs: FigureRef[]): string {
	const rows = refs.map((r) => {
		const row: string[] = [r.side, r.figur, r.valg];
		if (r.titel !== undefined || r.undertitel !== undefined) row.push(r.titel ?? '');
		if (r.undertitel !== undefined) row.push(r.undertitel);
		return row;
	});
	return toBase64Url(JSON.stringify(rows));
}

function cleanText(value: unknown): string | undefined | null {
	if (value === undefined) return undefined;
	if (typeof value !== 'string') return null;
	const text = value.replace(CONTROL, ' ').trim();
	return text.length > MAX_TEXT ? null : text;
}

function cleanValg(value: unknown): string | null {
	if (typeof value !== 'string' || value.length > 2000) return null;
	const params = new URLSearchParams(value);
	const out = new URLSearchParams();
	for (const [key, v] of params) {
		if (!KEYS.includes(key) || v.length > MAX_TEXT || HAS_CONTROL.test(v)) return null;
		out.append(key, v);
	}
	return out.toString();
}

/** One slide from its decoded row, or null when any part is not what a deck may hold. */
export function refFromRow(row: unknown): FigureRef | null {
	if (!Array.isArray(row) || row.length < 3 || row.length > 5) return null;
	const [side, figur, valg, titel, undertitel] = row;
	if (typeof side !== 'string' || !(SIDES as readonly string[]).includes(side)) return null;
	if (typeof figur !== 'string' || !FIGURES[side as Side].includes(figur)) return null;
	const cleaned = cleanValg(valg);
	const t = cleanText(titel);
	const u = cleanText(undertitel);
	if (cleaned === null || t === null || u === null) return null;
	const ref: FigureRef = { side: side as Side, figur, valg: cleaned };
	if (t) ref.titel = t;
	if (u) ref.undertitel = u;
	return ref;
}

export interface DecodedDeck {
	refs: FigureRef[];
	/** Slides that could not be read. */
	rejected: number;
	/** Set when the parameter as a whole is not a deck. */
	error: string | null;
}

/** Reads a deck from the URL: every part checked, anything unexpected left out and counted. */
export function decodeDeck(encoded: string | null): DecodedDeck {
	if (!encoded) return { refs: [], rejected: 0, error: null };
	const broken = { refs: [], rejected: 0, error: 'Linket indeholder ikke en gyldig præsentation.' };
	if (encoded.length > MAX_ENCODED || !/^[A-Za-z0-9_-]+$/.test(encoded)) return broken;
	let rows: unknown;
	try {
		rows = JSON.parse(fromBase64Url(encoded));
	} catch {
		return broken;
	}
	if (!Array.isArray(rows)) return broken;
	const refs: FigureRef[] = [];
	let rejected = Math.max(0, rows.length - MAX_SLIDES);
	for (const row of rows.slice(0, MAX_SLIDES)) {
		const ref = refFromRow(row);
		if (ref) refs.push(ref);
		else rejected++;
	}
	return { refs, rejected, error: null };
}

/** Two refs draw the same figure (titles aside). */
export function sameFigure(a: FigureRef, b: FigureRef): boolean {
	return a.side === b.side && a.figur === b.figur && a.valg === b.valg;
}
