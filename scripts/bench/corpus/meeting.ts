/** Lays out one meeting as the plain text a PDF export of the minutes gives. */
import { budgetItem } from './budget';
import { wrapLines } from './danish';
import { closingItems, generalItem } from './general';
import type { ItemDraft, Meeting } from './item';
import { klagesagerItem } from './klagesager';
import { magtanvendelseItem } from './magtanvendelse';
import type { Random } from './random';
import { perturbSeedItem, type SeedItem } from './seed-items';

type Agenda = ({ kind: 'draft'; draft: ItemDraft } | { kind: 'seed'; body: string })[];

function layoutDraft(d: ItemDraft, width: number, rng: Random): string {
	const out: string[] = [];
	const title = d.title.length > 70 && rng.chance(0.7) ? wrapLines(d.title, rng.int(55, 75)) : d.title;
	out.push(title, '', d.caseNo, '');
	if (d.proposals.length) out.push('Indstilling', '', ...d.proposals.flatMap((p) => [wrapLines(p, width), '']));
	if (d.decision) out.push('Beslutning', '', d.decision, '');
	if (d.sections.length && d.proposals.length) out.push('Gennemgang af sagen', '');
	for (const section of d.sections) {
		out.push(section.heading, '');
		for (const block of section.blocks) {
			out.push(block.kind === 'prose' ? wrapLines(block.text, width) : block.text, '');
			// a page break leaves a line with a space and a few empty lines
			if (rng.chance(0.08)) out.push(' ', '', '');
		}
	}
	if (d.attachments.length) out.push('Bilag', '', ...d.attachments.flatMap((a, i) => [`Bilag ${i + 1}: ${a}`, '']));
	return `${out.join('\n')}\n\n\n`;
}

export function composeAgenda(rng: Random, m: Meeting, seedItems: readonly SeedItem[]): Agenda {
	const main: Agenda = [];
	if (m.committee.social && rng.chance(0.3)) main.push({ kind: 'draft', draft: klagesagerItem(rng, m) });
	if (m.committee.social && rng.chance(0.15)) main.push({ kind: 'draft', draft: magtanvendelseItem(rng, m) });
	if (rng.chance(0.4)) main.push({ kind: 'draft', draft: budgetItem(rng, m) });
	for (let i = rng.int(3, 7); i > 0; i--) main.push({ kind: 'draft', draft: generalItem(rng, m) });
	if (seedItems.length) {
		for (const item of rng.sample(seedItems, rng.int(0, 3))) main.push({ kind: 'seed', body: perturbSeedItem(item, m.municipality, rng) });
	}
	const shuffled = rng.sample(main, main.length);
	return [...shuffled, ...closingItems(rng, m).map((draft) => ({ kind: 'draft' as const, draft }))];
}

/** The whole text of one meeting's minutes. */
export function meetingText(rng: Random, m: Meeting, seedItems: readonly SeedItem[]): string {
	const width = rng.int(100, 122);
	const agenda = composeAgenda(rng, m, seedItems);
	const titles: string[] = [];
	let text = rng.chance(0.5) ? ' ' : '';
	agenda.forEach((entry, i) => {
		const body = entry.kind === 'seed' ? entry.body : layoutDraft(entry.draft, width, rng);
		titles.push(body.slice(0, body.indexOf('\n')));
		text += `Punkt ${i + 1}: ${body}`;
	});
	if (rng.chance(0.3)) {
		text += `\tMødeinformation\n\tIndholdsfortegnelse\n${titles.map((t, i) => `\tPunkt ${i + 1}: ${t}\n`).join('')}`;
	}
	return text;
}
