/**
 * Other figures worth a politician's attention, under wider families: amounts granted, saved or
 * cut (`beloeb`), counts of citizens, applications, places (`antal`), shares (`andel`).
 * They never take a figure the three key families read, and they need a period and a noun.
 */
import { draft, entityFor, periodFor, type FactDraft, type ItemContext, type SentenceContext } from './context';

const AMOUNT_WORDS: [RegExp, string][] = [
	[/tilskud/, 'tilskud'],
	[/pulje/, 'pulje'],
	[/tildel\w*/, 'tildelt'],
	[/bevilge\w*|bevilling\w*|bevilget/, 'bevilling'],
	[/ansøgt|søgt|ansøgte beløb/, 'ansoegt'],
	[/afsat|afsætte\w*|til rådighed/, 'afsat'],
	[/reducer\w*|reduktion\w*|nedjuster\w*/, 'reduktion'],
	[/besparelse\w*|spare\w*|bespar\w*/, 'besparelse'],
	[/refusion\w*|merrefusion\w*/, 'refusion'],
	[/merindtægt\w*|indtægt\w*/, 'indtaegt'],
	[/videreført|videreførsel\w*|overføre\w*|overført/, 'videreforsel'],
	[/tilbagebetal\w*/, 'tilbagebetalt'],
	[/anlægsudgift\w*/, 'anlaegsudgift'],
	[/omkostning\w*|udgift\w*|koste\w*/, 'udgift'],
	[/andel var|andel på|finansier\w*/, 'finansiering']
];

const COUNT_NOUNS =
	/^(?:[a-zæøå-]+ )?(borgere|gladsaxeborgere|ansøgninger|ansøgere|foreninger|pladser|boliger|børn|unge|elever|brugere|deltagere|medlemmer|beboere|henvendelser|samtaler|hjemløse|personer|familier|anbringelser|underretninger|klienter|patienter|pårørende|frivillige|robotstøvsugere)\b/;
const NOT_COUNTED = /^(?:[a-zæøå-]+ )?(?:medarbejdere|ansatte|stillinger|årsværk|møder|mødedage|timer|uger|gange|år|dage|måneder|minutter|sider)\b/;

export function otherFigures(ctx: ItemContext, taken: FactDraft[]): FactDraft[] {
	const takenSentences = new Set(taken.map((d) => d.start));
	const area = readableArea(ctx.item.title);
	const out: FactDraft[] = [];
	for (const sc of ctx.sentences) {
		// A sentence in a key family's words is theirs: what they leave out stays out.
		if (!sc.sentence.figures || takenSentences.has(sc.sentence.start)) continue;
		// Only a period the sentence itself states will do (below): without one, no figure of it is read.
		const countPeriod = sc.periods.some((p) => COUNT_PERIODS.has(p.kind));
		const beloebPeriod = countPeriod || sc.periods.some((p) => BELOEB_PERIODS.has(p.kind));
		if (!beloebPeriod || KEY_WORDS.test(sc.view.view)) continue;
		sc.view.quantities.forEach((q, qi) => {
			if (q.range || q.bound || q.approx || q.value === 0) return;
			if (!(q.unit === 'kr' ? beloebPeriod : countPeriod)) return;
			const at = sc.view.qAt[qi];
			const before = sc.view.view.slice(Math.max(0, at - 70), at);
			if (/(?:\bde|\bdisse|\balle de)\s$/.test(before)) return;
			const after = sc.view.view.slice(at).replace(/^Q\d+\w*\s*/, '');
			const made = q.unit === 'kr' ? amount(before, after) : q.unit === 'pct' ? share(after) : q.unit === null && Number.isInteger(q.value) ? count(after) : null;
			if (!made) return;
			if (/\b(?:mål(?:et)?|skal nedbringes|forventes at nå)\b/.test(before.slice(-40))) return;
			const entity = entityFor(ctx, sc, qi);
			if (entity === 'Landsgennemsnit' || entity !== ctx.municipality) return;
			const kinds = made.family === 'beloeb' ? BELOEB_PERIODS : COUNT_PERIODS;
			// Only a period the sentence itself states: carrying one over is too bold for these figures.
			if (!sc.view.periods.some((p) => kinds.has(p.kind))) return;
			const period = periodFor(ctx, sc, qi, kinds);
			if (!period) return;
			out.push(draft(made.family, made.metric, entity, made.area ?? area, period, q.value, q.unit === 'kr' ? 'kr' : q.unit === 'pct' ? 'pct' : 'antal', sc, `${made.family}.${made.metric}`));
		});
	}
	return out;
}

const KEY_WORDS = /ankestyrelse|klagesag|omgør|omgjor|stadfæst|hjemvis|magtanvend|forhåndsgodkend|merforbrug|mindreforbrug|serviceramme|korrigere(?:t|de) budget|tillægsbevilling/;
const COUNT_PERIODS = new Set(['year', 'quarter', 'quarters', 'half', 'relative']);
const BELOEB_PERIODS = new Set(['year', 'quarter', 'quarters', 'half', 'relative', 'span']);

interface Made {
	family: 'beloeb' | 'antal' | 'andel';
	metric: string;
	area?: string;
}

const CLAUSE_STOP = /[,;.]/;

function amount(before: string, after: string): Made | null {
	const stop = after.search(CLAUSE_STOP);
	const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1) + ' ' + (stop < 0 ? after : after.slice(0, stop));
	for (const [re, metric] of AMOUNT_WORDS) if (re.test(clause)) return { family: 'beloeb', metric };
	return null;
}

function count(after: string): Made | null {
	if (NOT_COUNTED.test(after)) return null;
	const m = COUNT_NOUNS.exec(after);
	if (!m) return null;
	return { family: 'antal', metric: slug(m[1] === 'gladsaxeborgere' ? 'borgere' : m[1]) };
}

function share(after: string): Made | null {
	const m = /^af (?:de |alle )?((?:[a-zæøå-]+ ){0,3}?[a-zæøå-]+)(?= (?:har|er|angiver|svarer|blev|var|i|som|med|der|fra|til)\b|[,.]|$)/.exec(after);
	if (!m || /^(?:de samlede|sagerne|dem|disse|budgettet)$/.test(m[1])) return null;
	return { family: 'andel', metric: `andel_${slug(m[1])}`.slice(0, 60), area: m[1] };
}

function slug(s: string): string {
	return s
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
}

const AREA_MAX = 90;

/** An item title as an area: without its opening verb phrase, and when long, cut at a comma or else a word, never mid-word. */
export function readableArea(title: string): string {
	const area = title.replace(/^(?:Status på|Status for|Orientering om|Afrapportering af|Godkendelse af)\s+/i, '').replace(/\s+/g, ' ').trim();
	if (area.length <= AREA_MAX) return area;
	const head = area.slice(0, AREA_MAX + 1);
	const comma = head.lastIndexOf(',');
	if (comma >= 20) return head.slice(0, comma);
	const space = head.lastIndexOf(' ');
	return `${head.slice(0, space > 0 ? space : AREA_MAX).replace(/[\s,;:–-]+$/, '')} …`;
}

export type { SentenceContext };
