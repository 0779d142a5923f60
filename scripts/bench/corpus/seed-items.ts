/**
 * Agenda items taken from the seed minutes, with their figures changed and the municipality
 * renamed, so that a generated corpus keeps the seeds' real layout quirks.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDecimal, formatInteger } from './danish';
import type { Random } from './random';

export interface SeedItem {
	/** The item's text after "Punkt N: " up to the next item, table of contents removed. */
	body: string;
	/** The municipality the seed minutes are from, to be replaced. */
	municipality: string;
}

const CLOSING = /^(?:Lukket:|Mundtlige meddelelser|Godkendelse)/;

/** Splits a seed file into its items, leaving out the closing items and the table of contents. */
export function splitSeedItems(text: string, municipality: string): SeedItem[] {
	const withoutToc = text.replace(/\n\t[^\n]*/g, '');
	const starts = [...withoutToc.matchAll(/^ ?Punkt \d+: /gm)];
	const items: SeedItem[] = [];
	starts.forEach((m, i) => {
		const from = m.index! + m[0].length;
		const to = i + 1 < starts.length ? starts[i + 1].index! : withoutToc.length;
		const body = withoutToc.slice(from, to).replace(/\s+$/, '\n\n\n');
		if (!CLOSING.test(body)) items.push({ body, municipality });
	});
	return items;
}

export async function loadSeedItems(folder: string): Promise<SeedItem[]> {
	const names = (await readdir(folder)).filter((n) => n.endsWith('.txt')).sort();
	let manifest: Record<string, { municipality?: string }> = {};
	try {
		manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
	} catch {
		// without a manifest no municipality is renamed
	}
	const items: SeedItem[] = [];
	for (const name of names) {
		const text = await readFile(join(folder, name), 'utf8');
		items.push(...splitSeedItems(text, manifest[name]?.municipality ?? ''));
	}
	return items;
}

/**
 * Dates, case numbers, years, paragraph and item references and list markers stay as they
 * are; every other number is scaled by a random factor and written in the same notation.
 */
const TOKEN =
	/\d{1,2}\.\d{1,2}\.\d{4}|\d{2}-\d+-\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}|(?:§+\s*|[Pp]unkt\s|[Bb]ilag\s|[Tt]abel\s|kl\.\s|[Nn]ote\s)\d+|^\s*\d+\.(?=\s)|\b(?:19|20)\d{2}\b|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/gm;

function perturbNumber(raw: string, rng: Random): string {
	const grouped = /^\d{1,3}(?:\.\d{3})+/.test(raw);
	const [whole, frac] = raw.replace(/\./g, '').split(',');
	const value = Number(`${whole}.${frac ?? 0}`);
	const scaled = value * (0.6 + rng.next() * 0.8);
	if (frac !== undefined) return formatDecimal(scaled, frac.length);
	const n = Math.max(0, Math.round(scaled));
	return grouped ? formatInteger(n) : String(n);
}

export function perturbSeedItem(item: SeedItem, municipality: string, rng: Random): string {
	const renamed = item.municipality ? item.body.split(item.municipality).join(municipality) : item.body;
	return renamed.replace(TOKEN, (raw) => (/^(?:\d+(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?)$/.test(raw) && !/^(?:19|20)\d{2}$/.test(raw) ? perturbNumber(raw, rng) : raw));
}
