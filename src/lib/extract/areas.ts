/**
 * Canonical areas: the same area gets the same string in every sentence, meeting and file.
 * Each mention carries a rank; the most specific area named in a sentence or its context wins.
 */

export interface AreaMention {
	area: string;
	rank: number;
	start: number;
	/** A named institution: true only of the sentence that names it, never carried on. */
	tilbud?: boolean;
}

export const RANK = {
	paragraph: 6,
	field: 5,
	law: 4,
	committee: 3,
	socialomraadet: 2,
	forvaltning: 2,
	kommune: 1
} as const;

/** A named social institution (tilbud): "Botilbuddet Skovbrynet", "Bo- og Aktivitetscentret Nørremarken". */
export const TILBUD =
	/(?:Bo- og Aktivitetscentret|Botilbuddet|Bostedet|Bofællesskabet|Plejecentret|Plejehjemmet|Aktivitetscentret|Døgntilbuddet|Opholdsstedet|Specialcentret|Dagtilbuddet|Værestedet)\s+[A-ZÆØÅ][\p{L}-]+(?:\s+[A-ZÆØÅ][\p{L}-]+)?/gu;

/** Law names in their basic form, keyed by the ways minutes write them. */
const LAWS: [RegExp, string][] = [
	[/\b(?:servicelov(?:en|ens)?|lov om social service)\b/i, 'serviceloven'],
	// The abbreviations laws are cited by ("SEL § 83", "LAS § 34", "BL § 32"), in capitals only.
	[/\bSEL\b/, 'serviceloven'],
	[/\bLAS\b/, 'aktivloven'],
	[/\bLAB\b/, 'beskæftigelsesloven'],
	[/\b(?:aktivlov(?:en|ens)?|lov om aktiv socialpolitik)\b/i, 'aktivloven'],
	[/\b(?:barnets lov|barnets lovs)\b/i, 'barnets lov'],
	[/\blov om social pension\b|\bpensionslov(?:en|ens)?\b/i, 'lov om social pension'],
	[/\bbeskæftigelseslov(?:en|ens)?\b|\blov om en aktiv beskæftigelsesindsats\b/i, 'beskæftigelsesloven'],
	[/\bsygedagpengelov(?:en|ens)?\b|\blov om sygedagpenge\b/i, 'sygedagpengeloven'],
	[/(?<![\p{L}\d])ældrelov(?:en|ens)?(?![\p{L}\d])/iu, 'ældreloven'],
	[/\bintegrationslov(?:en|ens)?\b/i, 'integrationsloven'],
	[/\bboligstøttelov(?:en|ens)?\b/i, 'boligstøtteloven'],
	[/\bsundhedslov(?:en|ens)?\b/i, 'sundhedsloven'],
	[/\bfolkeskolelov(?:en|ens)?\b/i, 'folkeskoleloven'],
	[/\bdagtilbudslov(?:en|ens)?\b/i, 'dagtilbudsloven']
];

/** Each law's pattern with the word every match contains ("lov", or the capitals "SEL"), so a text without it is not searched. */
const LAWS_GLOBAL: [RegExp, string, string][] = LAWS.map(([re, name]) => {
	const ignoreCase = re.flags.includes('i');
	return [new RegExp(re.source, `${re.flags}g`), name, ignoreCase ? 'lov' : re.source.replace(/\\b/g, '')];
});

/** Fields written as "<x>området"; most keep their written form, a few have a canonical short form. */
const FIELD_CANON: Record<string, string> = {
	voksenhandicapområdet: 'voksenhandicap',
	børnehandicapområdet: 'børnehandicap',
	// A field named after its one law is that law.
	sygedagpengeområdet: 'sygedagpengeloven',
	socialområdet: 'socialområdet'
};
const IGNORED_FIELDS = new Set([
	'området',
	'hovedstadsområdet',
	'boligområdet',
	'lokalområdet',
	'nærområdet',
	'landområdet',
	'byområdet',
	'udsatte boligområdet',
	'kerneområdet',
	'fagområdet',
	'lovområdet',
	'ansvarsområdet',
	'indsatsområdet',
	'politikområdet'
]);

/**
 * Fields named by a phrase instead of "<x>området": "på det sociale område" is socialområdet.
 * With letters every match holds in lower case (none that case-folds to another letter), so a text without them is not searched.
 */
const FIELD_PHRASES: [RegExp, string, string][] = [
	[/\bdet sociale område(?![\p{L}])/giu, 'socialområdet', 'ociale omr'],
	// "Inden for voksenhandicap blev 19 af 46 sager omgjort": the Danmarkskort's fields by their bare names.
	[/(?<![\p{L}])voksenhandicap(?![\p{L}])/giu, 'voksenhandicap', 'handicap'],
	[/(?<![\p{L}])børnehandicap(?![\p{L}])/giu, 'børnehandicap', 'handicap'],
	[/(?<![\p{L}])sygedagpengesager(?:ne)?(?![\p{L}])/giu, 'sygedagpengeloven', 'sygedagpenge']
];

/** A label naming a field ("Voksenhandicap", "Socialområdet") → its canonical form. */
export function fieldNamed(label: string): string | null {
	const lower = label.trim().toLowerCase();
	if (FIELD_CANON[lower]) return FIELD_CANON[lower];
	if (FIELD_CANON[`${lower}området`]) return FIELD_CANON[`${lower}området`];
	if (/^[a-zæøå-]+området$/.test(lower) && !IGNORED_FIELDS.has(lower)) return lower;
	return null;
}

/** The paragraph a label opens with, letter joined: "§ 83 a rehabiliteringsforløb" → "83a", "§ 126a" → "126a". */
export function paragraphOf(label: string): string | null {
	const m = /^§\s*(\d+)(?:\s?([a-z]))?(?![\p{L}\d])/iu.exec(label.trim());
	return m ? `${m[1]}${(m[2] ?? '').toLowerCase()}` : null;
}

/** A label that is just a law's name ("Serviceloven", "Lov om social pension") → its basic form. */
export function lawNamed(label: string): string | null {
	const t = label.trim();
	for (const [re, name] of LAWS) {
		const m = re.exec(t);
		if (m && m.index === 0 && m[0].length >= t.length - 1) return name;
	}
	return null;
}

const AREA_HINT = /§|lov|udvalg|forvaltning|område|kommune|magistrat|botilbud|bosted|bofællesskab|plejecent|plejehjem|aktivitetscent|døgntilbud|opholdssted|specialcent|dagtilbud|værested|handicap|sygedagpenge/i;

export function findAreas(text: string): AreaMention[] {
	if (!AREA_HINT.test(text)) return [];
	const out: AreaMention[] = [];
	const lower = text.toLowerCase();
	// § of a law: "servicelovens § 100", "§ 100 i serviceloven", "efter § 85" (law from elsewhere).
	const paraRe = /§\s*(\d+[a-z]?)\b(?!\s*(?:,|og|eller)\s*\d)/gi;
	const distinctParagraphs = text.includes('§') ? new Set([...text.matchAll(/(?<!§)§+\s*(\d+[a-z]?)\b/gi)].map((m) => m[0])).size : 0;
	for (let m = distinctParagraphs === 1 ? paraRe.exec(text) : null; m; m = paraRe.exec(text)) {
		if (/§§/.test(text.slice(Math.max(0, m.index - 1), m.index + 1))) continue;
		const around = text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 30);
		const law = LAWS.find(([re]) => re.test(around));
		out.push({ area: law ? `${law[1]} § ${m[1]}` : `§ ${m[1]}`, rank: RANK.paragraph, start: m.index });
	}
	for (const [re, name, needs] of LAWS_GLOBAL) {
		if (!(needs === 'lov' ? lower : text).includes(needs)) continue;
		const g = re;
		g.lastIndex = 0;
		for (let m = g.exec(text); m; m = g.exec(text)) {
			const before = lower.slice(Math.max(0, m.index - 30), m.index);
			const after = lower.slice(m.index + m[0].length, m.index + m[0].length + 30);
			// Only a law the figures are "under": "efter serviceloven", "servicelovens område".
			if (/(?:efter|på|under|i henhold til|iht\.?|jf\.?|for)\s+(?:hele\s+)?(?:lov om\s+)?$/.test(before) || /^s? område/.test(after) || /^s område/.test(after))
				out.push({ area: name, rank: RANK.law, start: m.index });
		}
	}
	const committeeRe =
		/(?<![\p{L}\d])((?:[A-ZÆØÅ][a-zæøå]+-,?\s+)*(?:[A-ZÆØÅ][a-zæøå]+-\s+og\s+)?[A-ZÆØÅ][a-zæøå]*udvalg)(ets|et|s)?(\s+område)?/gu;
	for (let m = text.includes('udvalg') ? committeeRe.exec(text) : null; m; m = committeeRe.exec(text)) {
		const name = `${m[1]}et`.replace(/\s+/g, ' ');
		// "Udvalget" alone names no committee ("Udvalget ender året …"); the reader knows which one meets.
		if (/^(?:Økonomi|Bør)?$/.test(m[1]) || /^udvalg$/i.test(m[1])) continue;
		const before = lower.slice(Math.max(0, m.index - 12), m.index);
		const isArea = (m[2] === 'ets' && !!m[3]) || /(?:under|på)\s+$/.test(before) || (m[2] === 'ets' && /\bpå\s+$/.test(before));
		if (isArea) out.push({ area: name, rank: RANK.committee, start: m.index });
	}
	const forvRe = /(?<![\p{L}\d])((?:[A-ZÆØÅ][a-zæøå]+-\s+og\s+)?[A-ZÆØÅ][a-zæøå]*forvaltning)(ens|en)(\s+område)?/gu;
	for (let m = text.includes('forvaltning') ? forvRe.exec(text) : null; m; m = forvRe.exec(text)) {
		if (m[2] === 'ens' && m[3]) out.push({ area: `${m[1]}en`.replace(/\s+/g, ' '), rank: RANK.forvaltning, start: m.index });
	}
	const fieldRe = /(?<![\p{L}\d])([a-zæøå-]*?)(området)(?![\p{L}\d])/gu;
	for (let m = lower.includes('området') ? fieldRe.exec(lower) : null; m; m = fieldRe.exec(lower)) {
		const word = m[1] + m[2];
		if (!m[1] || IGNORED_FIELDS.has(word) || m[1].endsWith('-')) continue;
		if (/s$/.test(m[1]) && !FIELD_CANON[word] && m[1].length < 4) continue;
		const canon = FIELD_CANON[word] ?? word;
		out.push({ area: canon, rank: canon === 'socialområdet' ? RANK.socialomraadet : RANK.field, start: m.index });
	}
	for (const [re, canon, needs] of FIELD_PHRASES)
		if (lower.includes(needs))
			for (const m of text.matchAll(re)) out.push({ area: canon, rank: canon === 'socialområdet' ? RANK.socialomraadet : RANK.field, start: m.index! });
	for (const m of text.matchAll(TILBUD)) out.push({ area: m[0].replace(/\s+/g, ' '), rank: RANK.field, start: m.index!, tilbud: true });
	if ((text.includes('Kommune') && /\b(?:fra|i|for)\s+(?:hele\s+)?[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?\s+Kommune\b/.test(text)) || (lower.includes('hele kommunen') && /\bhele kommunen\b/i.test(text)))
		out.push({ area: 'hele kommunen', rank: RANK.kommune, start: 0 });
	return out.sort((a, b) => a.start - b.start);
}

/** The most specific area among the candidates; earlier lists win ties. */
export function pickArea(...lists: AreaMention[][]): string | null {
	let best: AreaMention | null = null;
	for (const list of lists) for (const a of list) if (!best || a.rank > best.rank) best = a;
	return best?.area ?? null;
}
