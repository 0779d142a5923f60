/** Danish names for the metric vocabulary and families, for headings and tables. */
const METRIC_LABELS: Record<string, string> = {
	klagesager_antal: 'Afgjorte klagesager',
	stadfaestet_antal: 'Stadfæstet',
	stadfaestet_pct: 'Stadfæstet, pct.',
	aendret_antal: 'Ændret',
	aendret_pct: 'Ændret, pct.',
	hjemvist_antal: 'Hjemvist',
	hjemvist_pct: 'Hjemvist, pct.',
	omgjort_antal: 'Omgjort',
	omgoerelsespct: 'Omgørelsesprocent',
	vedtaget_budget: 'Vedtaget budget',
	korrigeret_budget: 'Korrigeret budget',
	forventet_forbrug: 'Forventet forbrug',
	serviceramme: 'Serviceramme',
	afvigelse_vedtaget_budget: 'Afvigelse fra vedtaget budget',
	afvigelse_korrigeret_budget: 'Afvigelse fra korrigeret budget',
	afvigelse_serviceramme: 'Afvigelse fra serviceramme',
	tillaegsbevilling: 'Tillægsbevilling',
	magtanvendelser_indberettet: 'Indberettede magtanvendelser',
	magtanvendelser_tilladte: 'Tilladte',
	magtanvendelser_ikke_tilladte: 'Ikke-tilladte',
	magtanvendelser_ikke_magtanvendelse: 'Ikke magtanvendelse',
	magtanvendelser_uafgjort: 'Endnu ikke afgjort',
	forhaandsgodkendelser: 'Forhåndsgodkendelser',
	flytning_uden_samtykke: 'Flytning uden samtykke'
};

const FAMILY_LABELS: Record<string, string> = {
	klagesager: 'Klagesager',
	budget: 'Budget',
	magtanvendelse: 'Magtanvendelse',
	beloeb: 'Beløb',
	antal: 'Antal',
	andel: 'Andele'
};

const CHECK_LABELS: Record<string, string> = {
	ok: 'Stemmer',
	inconsistent: 'Uoverensstemmelse',
	unchecked: 'Ikke kontrolleret'
};

const UNIT_LABELS: Record<string, string> = { pct: 'procent', kr: 'kroner', antal: 'antal' };

function fromSnake(name: string): string {
	const words = name.replace(/_/g, ' ').replace(/ae/g, 'æ').replace(/oe/g, 'ø').replace(/aa/g, 'å');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

export function metricLabel(metric: string): string {
	return METRIC_LABELS[metric] ?? fromSnake(metric);
}

export function familyLabel(family: string): string {
	return FAMILY_LABELS[family] ?? fromSnake(family);
}

export function checkLabel(check: string): string {
	return CHECK_LABELS[check] ?? check;
}

export function unitLabel(unit: string): string {
	return UNIT_LABELS[unit] ?? unit;
}

/** An area as a reader says it: a committee's area is "Psykiatri- og Handicapudvalgets område", not the committee. */
export function areaLabel(area: string): string {
	return /udvalget$/i.test(area) ? `${area}s område` : area;
}
