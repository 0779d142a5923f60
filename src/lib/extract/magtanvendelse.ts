/** Magtanvendelse: reported use of force in social services, how it was judged, and approvals. */
import type { FactDraft, ItemContext, SentenceContext } from './context';
import { findPeriods } from './periods';
import { applyRules, type Rule } from './rule';
import { readTable } from './tables';

const N = 'Q\\d+n';
const INCIDENT = '(?:pludselig\\w* (?:opstå\\w* )?)?(?:magtanvendelse\\w*|indberetning\\w*|episode\\w*|indgreb|hændelse\\w*|tilfælde|sager)';
const JUDGED = '(?:[a-zæøå]+ ){0,5}?(?:vurderet|afgjort|fundet|bedømt|kategoriseret|anset)(?: [a-zæøå]+){0,3}? (?:som |til at være |at være )?(?:værende )?';

const D = '(?: [–-])?';
const rules: Rule[] = [
	{
		name: 'magtanvendelse.ikke_magtanvendelse',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: ${INCIDENT})?,? (?:[a-zæøå]+ ){0,5}?(?:vurderet|afgjort|fundet|bedømt|anset|kategoriseret)(?: [a-zæøå]+){0,2}? (?:ikke at være|ikke som|til ikke at være|ikke at have været|som ikke værende) (?:en |egentlige? )?magtanvendelse|(?<m>${N})${D}(?: ${INCIDENT})?,? (?:(?:der|som) )?(?:[a-zæøå]+ ){0,6}?(?:var|er|blev) ikke (?:tale om |anset som |vurderet som )?(?:en |egentlige? )?magtanvendelse|(?<k>${N})${D}(?: ${INCIDENT})? (?:[a-zæøå]+ ){0,2}?ikke (?:blev |er )?(?:anset|vurderet|betragtet) som (?:en )?magtanvendelse|(?<e>${N}) (?:som )?ikke (?:at være )?magtanvendelse|\\bi (?<i>${N}) tilfælde [^.;]{0,60}?ikke (?:var|er) tale om (?:en )?magtanvendelse`
		),
		requires: /magtanvendelse/,
		captures: ['n', 'm', 'k', 'e', 'i'].map((group) => ({ group, metric: 'magtanvendelser_ikke_magtanvendelse', unit: 'antal' as const })),
		examples: [
			{ text: '4 er vurderet ikke at være en magtanvendelse', facts: ['magtanvendelser_ikke_magtanvendelse=4'] },
			{ text: 'I 8 tilfælde vurderede forvaltningen, at der ikke var tale om magtanvendelse i 2024.', facts: ['magtanvendelser_ikke_magtanvendelse=8'] }
		]
	},
	{
		name: 'magtanvendelse.ikke_tilladte',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: ${INCIDENT})?(?: ${JUDGED}| (?:var|er|blev) )(?:ikke[- ]tilladte?|ulovlige?|uberettigede?|ikke lovlige?)|(?:ikke[- ]tilladte|ulovlige|uberettigede) ${INCIDENT} (?:fra (?<f>${N}) i T\\d+ til (?<t>${N})|på (?<p>${N})|var der (?<v>${N})|udgjorde (?<u>${N}))|(?<s>${N}) (?:ikke[- ]tilladte|ulovlige|uberettigede) ${INCIDENT}|(?<e>${N}) (?:som )?(?:ikke[- ]tilladte?|ulovlige?|uberettigede?)(?=[ ,.;]|$)`
		),
		captures: ['n', 'f', 't', 'p', 'v', 'u', 's', 'e'].map((group) => ({ group, metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' as const })),
		examples: [
			{ text: 'Der er sket et fald i ikke-tilladte magtanvendelser fra 11 i 2023 til 4 indberetninger i 2024.', facts: ['magtanvendelser_ikke_tilladte=11', 'magtanvendelser_ikke_tilladte=4'] },
			{ text: 'Heraf var 70 lovlige og 20 ulovlige i 2024.', facts: ['magtanvendelser_tilladte=70', 'magtanvendelser_ikke_tilladte=20'] }
		]
	},
	{
		name: 'magtanvendelse.tilladte',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: af (?:disse|dem|episoderne|indberetningerne|magtanvendelserne))?(?: ${INCIDENT})?(?: ${JUDGED}| (?:var|er|blev) )(?:tilladte?|lovlige?|berettigede?)|(?<s>${N}) (?:tilladte|lovlige|berettigede) ${INCIDENT}|(?<e>${N}) (?:som )?(?:tilladte?|lovlige?|berettigede?)(?=[ ,.;]|$)`
		),
		captures: ['n', 's', 'e'].map((group) => ({ group, metric: 'magtanvendelser_tilladte', unit: 'antal' as const })),
		examples: [{ text: '7 af disse er blevet vurderet som værende tilladte', facts: ['magtanvendelser_tilladte=7'] }]
	},
	{
		name: 'magtanvendelse.uafgjort',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})${D}(?: ${INCIDENT})? (?:er |var )?(?:endnu )?(?:fortsat )?(?:ikke (?:er |blev )?(?:endeligt )?(?:afgjort|færdigbehandlet|vurderet)|under behandling|afventer (?:fortsat )?(?:afgørelse|vurdering)|(?:var |er )?uafklarede?|verserende)`
		),
		captures: [{ group: 'n', metric: 'magtanvendelser_uafgjort', unit: 'antal' }],
		examples: [{ text: '1 er endnu ikke afgjort af den enkelte borgers handlekommune.', facts: ['magtanvendelser_uafgjort=1'] }]
	},
	{
		name: 'magtanvendelse.forhaandsgodkendelser',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?:givet|meddelt|bevilget|godkendt|udstedt|imødekommet) (?:[a-zæøå]+ ){0,3}?(?<n>${N}) (?:[a-zæøå]+ )?(?:forhåndsgodkendelse\\w*|forhåndstilladelse\\w*)|(?<=forhåndsgodkendelse\\w*[^.]*)(?:hvoraf|heraf) (?<h>${N}) (?:blev )?(?:imødekommet|godkendt|bevilget)|(?<=forhåndsgodkendelse\\w*[^.]*)imødekom\\w* (?<i>${N}) af dem|(?<m>${N}) (?:[a-zæøå]+ )?(?:forhåndsgodkendelse\\w*|forhåndstilladelse\\w*)(?: [a-zæøå]+){0,3}? (?:blev |er |var )?(?:givet|meddelt|bevilget|godkendt|udstedt|imødekommet)|forhåndsgodkendelse\\w* (?:[a-zæøå]+ ){0,4}?(?:på|var|blev) (?<k>${N})|(?<j>${N}) forhåndsgodkendelser(?! til)`
		),
		requires: /forhåndsgodkend|forhåndstilladel/,
		captures: ['n', 'm', 'k', 'j', 'h', 'i'].map((group) => ({ group, metric: 'forhaandsgodkendelser', unit: 'antal' as const })),
		examples: [
			{ text: 'er der i 2024 ansøgt om og bevilget 15 forhåndsgodkendelser.', facts: ['forhaandsgodkendelser=15'] },
			{ text: 'Der blev i 2024 modtaget 18 ansøgninger om forhåndsgodkendelse.', facts: [] }
		]
	},
	{
		name: 'magtanvendelse.flytning_uden_samtykke',
		family: 'magtanvendelse',
		pattern: new RegExp(`(?<n>${N}) (?:[a-zæøå]+ )?flytning(?:er)? uden samtykke`),
		requires: /samtykke/,
		captures: [{ group: 'n', metric: 'flytning_uden_samtykke', unit: 'antal' }],
		examples: [{ text: 'Derudover er der ansøgt Familieretshuset om 1 flytning uden samtykke.', facts: ['flytning_uden_samtykke=1'] }]
	},
	{
		name: 'magtanvendelse.indberettet',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?:indberettet|registreret|registreredes|indberettedes|modtaget|modtog|foretaget|indberetter|anvendt|blev der|var der|der var|i alt|tegner sig for|står for|stod for) (?:[a-zæøå]+ |T\\d+ ){0,4}?(?<n>${N}) ${INCIDENT}|(?<m>${N}) ${INCIDENT}(?: [a-zæøå]+){0,3}? (?:blev |er |var )?(?:indberettet|registreret|modtaget|foretaget)|(?:med|mod|fra|til|og) (?<k>${N}) (?:indberetning\\w*|episode\\w*|magtanvendelse\\w*)(?= i T\\d+| T\\d+)|mod (?<j>${N}) (?:i )?T\\d+|(?:tegner sig for|står for|stod for) (?<a>${N}) af (?:episoderne|indberetningerne|magtanvendelserne)|(?:registreret|registreredes|indberettet) (?<r>${N})(?=[.]|$)`
		),
		captures: ['n', 'm', 'k', 'j', 'a', 'r'].map((group) => ({ group, metric: 'magtanvendelser_indberettet', unit: 'antal' as const })),
		examples: [
			{ text: 'Der er i 2024 indberettet 16 pludseligt opstået magtanvendelser.', facts: ['magtanvendelser_indberettet=16'] },
			{ text: 'med 23 indberetninger i 2023 og 16 indberetninger i 2024.', facts: ['magtanvendelser_indberettet=23', 'magtanvendelser_indberettet=16'] },
			{ text: 'I 2023 blev der indberettet 98 magtanvendelser, mod 87 året før.', facts: ['magtanvendelser_indberettet=98', 'magtanvendelser_indberettet=87'] }
		]
	}
];

export const MAGTANVENDELSE_RULES = rules;

const ITEM_GATE = /magtanvendelse|tvang|indgreb i selvbestemmelsesretten|fastholdelse/i;
const SENTENCE_GATE = /magtanvend|indberet|episod|indgreb|tilladte|lovlig|berettig|forhåndsgodkend|samtykke|afgjort|magt|registrer/;
const CHANGE = /(?:fald|stigning|nedgang|forøgelse|reduktion|ændring) (?:på|med) Q\d+n/;

export function magtanvendelse(ctx: ItemContext): FactDraft[] {
	if (!ITEM_GATE.test(ctx.item.title) && !/magtanvendelse/i.test(ctx.text.slice(ctx.item.bodyStart, ctx.item.end))) return [];
	const out: FactDraft[] = [];
	const stated = new Set<string>();
	for (const sc of ctx.sentences) {
		const view = sc.view.view;
		if (!SENTENCE_GATE.test(view)) continue;
		const claimed = new Set<number>();
		// "et fald på 14": a difference, never a level.
		const changeMatch = CHANGE.exec(view);
		if (changeMatch) claimed.add(Number(/Q(\d+)/.exec(changeMatch[0])![1]));
		for (const d of applyRules(rules, ctx, sc, claimed, areaFallback)) {
			const key = `${d.metric}|${d.period}|${d.value}`;
			// "de 4 ikke-tilladte episoder" restates a figure already given.
			if (stated.has(key) && isDefiniteReference(sc, d.value)) continue;
			stated.add(key);
			out.push(d);
		}
	}
	return out;
}

function areaFallback(_sc: SentenceContext): string {
	return 'hele kommunen';
}

function isDefiniteReference(sc: SentenceContext, value: number): boolean {
	return sc.view.quantities.some(
		(q, i) => q.value === value && /(?:\bde|\bdisse|\balle de|\bsamtlige)\s$/.test(sc.view.view.slice(Math.max(0, sc.view.qAt[i] - 9), sc.view.qAt[i]))
	);
}

