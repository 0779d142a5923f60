/** Magtanvendelse: reported use of force in social services, how it was judged, and approvals. */
import type { FactDraft, ItemContext, SentenceContext } from './context';
import { applyRules, type Rule } from './rule';

const N = 'Q\\d+n';
const INCIDENT = '(?:pludselig\\w* (?:opstå\\w* )?)?(?:magtanvendelse\\w*|indberetning\\w*|episode\\w*|indgreb|hændelse\\w*|tilfælde)';
const JUDGED = '(?:[a-zæøå]+ ){0,5}?(?:vurderet|afgjort|fundet|bedømt|kategoriseret|anset)(?: [a-zæøå]+){0,3}? (?:som |til at være |at være )?(?:værende )?';

const rules: Rule[] = [
	{
		name: 'magtanvendelse.ikke_magtanvendelse',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})(?: ${INCIDENT})? (?:[a-zæøå]+ ){0,4}?(?:vurderet|afgjort|fundet|bedømt|anset|kategoriseret)(?: [a-zæøå]+){0,2}? (?:ikke at være|ikke som|til ikke at være|ikke at have været|som ikke værende) (?:en |egentlige? )?magtanvendelse|(?<m>${N})(?: ${INCIDENT})? (?:[a-zæøå]+ ){0,3}?(?:var|er) ikke (?:en |egentlige? )?magtanvendelse`
		),
		captures: [
			{ group: 'n', metric: 'magtanvendelser_ikke_magtanvendelse', unit: 'antal' },
			{ group: 'm', metric: 'magtanvendelser_ikke_magtanvendelse', unit: 'antal' }
		],
		examples: [{ text: '4 er vurderet ikke at være en magtanvendelse', facts: ['magtanvendelser_ikke_magtanvendelse=4'] }]
	},
	{
		name: 'magtanvendelse.ikke_tilladte',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})(?: ${INCIDENT})?(?: ${JUDGED}| (?:var|er|blev) )(?:ikke[- ]tilladte?|ulovlige?|uberettigede?|ikke lovlige?)|(?:ikke[- ]tilladte|ulovlige) ${INCIDENT} (?:fra (?<f>${N}) i T\\d+ til (?<t>${N})|på (?<p>${N})|var der (?<v>${N}))|(?<s>${N}) (?:ikke[- ]tilladte|ulovlige) ${INCIDENT}`
		),
		captures: [
			{ group: 'n', metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' },
			{ group: 'f', metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' },
			{ group: 't', metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' },
			{ group: 'p', metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' },
			{ group: 'v', metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' },
			{ group: 's', metric: 'magtanvendelser_ikke_tilladte', unit: 'antal' }
		],
		examples: [
			{ text: 'Der er sket et fald i ikke-tilladte magtanvendelser fra 11 i 2023 til 4 indberetninger i 2024.', facts: ['magtanvendelser_ikke_tilladte=11', 'magtanvendelser_ikke_tilladte=4'] }
		]
	},
	{
		name: 'magtanvendelse.tilladte',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?<n>${N})(?: af (?:disse|dem|episoderne|indberetningerne|magtanvendelserne))?(?: ${INCIDENT})?(?: ${JUDGED}| (?:var|er|blev) )(?:tilladte?|lovlige?|berettigede?)|(?<s>${N}) (?:tilladte|lovlige) ${INCIDENT}`
		),
		captures: [
			{ group: 'n', metric: 'magtanvendelser_tilladte', unit: 'antal' },
			{ group: 's', metric: 'magtanvendelser_tilladte', unit: 'antal' }
		],
		examples: [{ text: '7 af disse er blevet vurderet som værende tilladte', facts: ['magtanvendelser_tilladte=7'] }]
	},
	{
		name: 'magtanvendelse.uafgjort',
		family: 'magtanvendelse',
		pattern: new RegExp(`(?<n>${N})(?: ${INCIDENT})? (?:er |var )?(?:endnu )?(?:ikke (?:endeligt )?(?:afgjort|færdigbehandlet|vurderet)|under behandling|afventer (?:afgørelse|vurdering))`),
		captures: [{ group: 'n', metric: 'magtanvendelser_uafgjort', unit: 'antal' }],
		examples: [{ text: '1 er endnu ikke afgjort af den enkelte borgers handlekommune.', facts: ['magtanvendelser_uafgjort=1'] }]
	},
	{
		name: 'magtanvendelse.forhaandsgodkendelser',
		family: 'magtanvendelse',
		pattern: new RegExp(`(?<n>${N}) (?:[a-zæøå]+ )?(?:forhåndsgodkendelse\\w*|forhåndstilladelse\\w*|ansøgninger om forhåndsgodkendelse\\w*)|forhåndsgodkendelse\\w* (?:[a-zæøå]+ ){0,4}?(?:på|var|blev) (?<m>${N})`),
		captures: [
			{ group: 'n', metric: 'forhaandsgodkendelser', unit: 'antal' },
			{ group: 'm', metric: 'forhaandsgodkendelser', unit: 'antal' }
		],
		examples: [{ text: 'er der i 2024 ansøgt om og bevilget 15 forhåndsgodkendelser.', facts: ['forhaandsgodkendelser=15'] }]
	},
	{
		name: 'magtanvendelse.flytning_uden_samtykke',
		family: 'magtanvendelse',
		pattern: new RegExp(`(?<n>${N}) (?:[a-zæøå]+ )?flytning(?:er)? uden samtykke`),
		captures: [{ group: 'n', metric: 'flytning_uden_samtykke', unit: 'antal' }],
		examples: [{ text: 'Derudover er der ansøgt Familieretshuset om 1 flytning uden samtykke.', facts: ['flytning_uden_samtykke=1'] }]
	},
	{
		name: 'magtanvendelse.indberettet',
		family: 'magtanvendelse',
		pattern: new RegExp(
			`(?:indberettet|registreret|registreredes|indberettedes|modtaget|foretaget|indberetter|anvendt|blev der|var der|i alt) (?:[a-zæøå]+ ){0,3}?(?<n>${N}) ${INCIDENT}|(?<m>${N}) ${INCIDENT}(?: [a-zæøå]+){0,3}? (?:blev |er |var )?(?:indberettet|registreret|modtaget|foretaget)|(?:med|mod|fra|til|og) (?<k>${N}) (?:indberetning\\w*|episode\\w*|magtanvendelse\\w*)(?= i T\\d+| året| sidste| i fjor)|mod (?<j>${N}) (?:i T\\d+|året før|sidste år|i fjor|året forinden)`
		),
		captures: [
			{ group: 'n', metric: 'magtanvendelser_indberettet', unit: 'antal' },
			{ group: 'm', metric: 'magtanvendelser_indberettet', unit: 'antal' },
			{ group: 'k', metric: 'magtanvendelser_indberettet', unit: 'antal' },
			{ group: 'j', metric: 'magtanvendelser_indberettet', unit: 'antal' }
		],
		examples: [
			{ text: 'Der er i 2024 indberettet 16 pludseligt opstået magtanvendelser.', facts: ['magtanvendelser_indberettet=16'] },
			{ text: 'med 23 indberetninger i 2023 og 16 indberetninger i 2024.', facts: ['magtanvendelser_indberettet=23', 'magtanvendelser_indberettet=16'] }
		]
	}
];

export const MAGTANVENDELSE_RULES = rules;

const ITEM_GATE = /magtanvendelse|tvang|indgreb i selvbestemmelsesretten|fastholdelse/i;
const SENTENCE_GATE = /magtanvend|indberet|episod|indgreb|tilladte|forhåndsgodkend|samtykke|afgjort|magt/;
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
