/**
 * The words a table prints on its axes, as data: each concept with its synonyms and examples of
 * labels that must (and must not) name it. The examples are run as tests. The synonyms match at
 * the start of a label; words after them (a year, a legend, a second caption line) are tolerated.
 */
export interface AxisConcept {
	concept: string;
	synonyms: RegExp;
	examples: string[];
	/** Labels that look close but are something else. */
	notExamples?: string[];
}

/** Magtanvendelse: the outcome columns (or rows) of a table of indberetninger. Order matters: "ikke tilladte" before "tilladte". */
export const MAGTANVENDELSE_CONCEPTS: AxisConcept[] = [
	{
		concept: 'magtanvendelser_ikke_magtanvendelse',
		synonyms: /^(?:heraf\s+)?(?:ikke[- ]?magt-?\s?anvendelse|ikke magtanv\.?)/i,
		examples: ['Ikke magtanvendelse', 'Heraf ikke-magtanvendelse', 'Ikke magt- anvendelse']
	},
	{
		concept: 'magtanvendelser_ikke_tilladte',
		synonyms: /^(?:heraf\s+)?(?:ikke[- ]tilladte?|ulovlige?|uberettige(?:t|de)|ikke lovlige?)/i,
		examples: ['Ikke tilladte', 'Heraf ulovlige', 'Uberettiget', 'Ikke lovlige']
	},
	{
		concept: 'magtanvendelser_tilladte',
		synonyms: /^(?:heraf\s+)?(?:tilladte?|lovlige?|berettige(?:t|de))/i,
		examples: ['Tilladte', 'Heraf lovlige', 'Berettigede', 'Berettiget'],
		notExamples: ['Ikke tilladte']
	},
	{
		concept: 'magtanvendelser_uafgjort',
		synonyms: /^(?:afventer|uafklare(?:t|de)|(?:endnu\s+)?ikke (?:afgjorte?|vurderet|færdigbehandlede?)|verserende|under behandling)/i,
		examples: ['Afventer afgørelse', 'Uafklarede', 'Uafklaret', 'Under behandling', 'endnu ikke vurderet']
	},
	{
		concept: 'magtanvendelser_indberettet',
		synonyms:
			/^(?:antal\s+)?(?:indberettet|indberettede|indberetninger|episoder|magtanvendelser|registreret|registrerede)(?:\s+(?:i alt|episoder|magtanvendelser))?|^antal(?=\s|$)/i,
		examples: ['Indberetninger', 'Antal indberettede episoder', 'Registreret', 'Magtanvendelser i alt', 'Antal'],
		notExamples: ['Andel']
	},
	{ concept: 'forhaandsgodkendelser', synonyms: /^forhåndsgodkendelser/i, examples: ['Forhåndsgodkendelser'] },
	{
		concept: 'flytning_uden_samtykke',
		synonyms: /^(?:afgørelser\s+om\s+)?flytning(?:er)?\s+uden\s+samtykke/i,
		examples: ['Flytning uden samtykke', 'afgørelser om flytning uden samtykke']
	}
];

/** The first concept whose synonyms open the label. */
export function conceptOf(concepts: AxisConcept[], label: string): string | null {
	const t = label.replace(/\s+/g, ' ').trim();
	return concepts.find((c) => c.synonyms.test(t))?.concept ?? null;
}
