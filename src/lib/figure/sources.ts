import type { FactRow } from '$lib/data/facts';
import { formatDato, formatNote, formatPeriode, formatValue, metricLabel } from '$lib/format';

const MAX_NOTES = 3;

/**
 * "Kilde: Gladsaxe Kommune, Psykiatri- og Handicapudvalget, møde 06.05.2026, punkt 7 (sag 25-77-27.00.00-A26)", one
 * line per meeting the facts come from, oldest first; several items of one meeting share its line.
 */
export function sourceLines(facts: FactRow[]): string[] {
	const meetings = new Map<string, { committee: string; owner: string | null; date: string; items: Map<number, string | null> }>();
	for (const f of facts) {
		const key = `${f.meeting_date ?? ''}|${f.committee ?? ''}|${f.doc_id}`;
		const m = meetings.get(key) ?? {
			committee: f.committee ?? 'Ukendt udvalg',
			owner: f.owner ?? null,
			date: f.meeting_date ?? '',
			items: new Map()
		};
		if (!m.items.has(f.item_no)) m.items.set(f.item_no, f.case_no);
		meetings.set(key, m);
	}
	return [...meetings.values()]
		.sort((a, b) => a.date.localeCompare(b.date) || a.committee.localeCompare(b.committee, 'da'))
		.map((m) => {
			const items = [...m.items.entries()]
				.sort((a, b) => a[0] - b[0])
				.map(([no, sag]) => `punkt ${no}${sag ? ` (sag ${sag})` : ''}`);
			const date = m.date ? `møde ${formatDato(m.date)}` : 'mødedato ukendt';
			return `Kilde: ${m.owner ? `${m.owner} Kommune, ` : ''}${m.committee}, ${date}, ${joinDa(items)}`;
		});
}

/** "a", "a og b", "a, b og c". */
export function joinDa(parts: string[]): string {
	if (parts.length <= 1) return parts.join('');
	return `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`;
}

/** A note per figure flagged as inconsistent, so a slide never hides a doubt the dashboard shows. */
export function flagNotes(facts: FactRow[]): string[] {
	const flagged = facts.filter((f) => f.check === 'inconsistent');
	const notes = flagged
		.slice(0, MAX_NOTES)
		.map(
			(f) =>
				`⚠ Bemærk: ${metricLabel(f.metric)}, ${f.area}, ${formatPeriode(f.period)} (${formatValue(f.value, f.unit)}) stemmer ikke med referatets øvrige tal${f.check_note ? `: ${formatNote(f.check_note)}` : '.'}`
		);
	if (flagged.length > MAX_NOTES) notes.push(`⚠ Yderligere ${flagged.length - MAX_NOTES} tal er markeret som uoverensstemmende.`);
	return notes;
}
