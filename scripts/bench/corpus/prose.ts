/** Filler prose without figures, assembled from parts, so that minutes have realistic bulk around their figures. */
import type { Random } from './random';

const SUBJECTS = [
	'Forvaltningen', 'Administrationen', 'Styregruppen', 'Arbejdsgruppen', 'Projektgruppen', 'Centerledelsen',
	'Fagsekretariatet', 'Den tværgående følgegruppe', 'Ledelsen af området', 'Sekretariatet'
];
const VERBS = ['vurderer', 'bemærker', 'forventer', 'foreslår', 'anbefaler', 'lægger vægt på', 'har konstateret', 'peger på'];
const CLAUSES = [
	'at indsatsen videreføres i sin nuværende form',
	'at der fortsat bør følges tæt op på udviklingen',
	'at samarbejdet med de frivillige foreninger styrkes',
	'at erfaringerne fra forsøget bruges i den videre planlægning',
	'at de pårørende inddrages tidligere i forløbet',
	'at der er behov for en mere ensartet praksis på tværs af tilbuddene',
	'at ventetiden kan nedbringes med en bedre planlægning',
	'at medarbejderne efterspørger mere sparring i hverdagen',
	'at de nye retningslinjer er taget godt imod',
	'at dokumentationen kan gøres enklere uden at kvaliteten falder',
	'at borgernes egne mål skal fylde mere i planerne',
	'at tilbuddet bør evalueres igen, når det har virket et helt år',
	'at der ikke er grundlag for at ændre serviceniveauet nu',
	'at overgangen mellem afdelingerne kan gøres mere smidig'
];
const OPENERS = [
	'Som led i arbejdet med', 'I forbindelse med', 'Med udgangspunkt i', 'For at styrke', 'Som opfølgning på',
	'På baggrund af drøftelserne om', 'Inden for rammerne af'
];
const OBJECTS = [
	'den fælles handleplan', 'kvalitetsstandarderne', 'udvalgets strategi', 'den tværfaglige indsats',
	'samarbejdsaftalen med regionen', 'arbejdet med tidlig opsporing', 'de lokale udviklingsplaner',
	'implementeringen af den nye lovgivning', 'kompetenceudviklingen af medarbejderne', 'borgerinddragelsen'
];
const TAILS = [
	'er der afholdt flere dialogmøder med brugerrådene.',
	'er der udarbejdet et nyt materiale til borgere og pårørende.',
	'har tilbuddene afprøvet nye måder at tilrettelægge dagen på.',
	'er der etableret et fast forum for erfaringsudveksling.',
	'har forvaltningen gennemgået de gældende procedurer.',
	'er der sat fokus på de overgange, hvor borgere skifter tilbud.',
	'er arbejdsgangene i visitationen beskrevet på ny.',
	'er der indgået aftaler om fælles undervisning af personalet.'
];
const STANDALONE = [
	'Erfaringerne er samlet i bilaget til sagen.',
	'Sagen har været drøftet i det lokale MED-udvalg.',
	'Handicaprådet er orienteret om sagen.',
	'Der lægges op til en ny status, når de næste tal foreligger.',
	'Indsatsen finansieres inden for den eksisterende ramme.',
	'Der er ikke økonomiske konsekvenser af sagen ud over det beskrevne.',
	'Forvaltningen vil løbende orientere udvalget om fremdriften.',
	'Tilbagemeldingerne fra borgerne har overvejende været positive.'
];

export function sentence(rng: Random, topic: string): string {
	switch (rng.int(0, 3)) {
		case 0:
			return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)}, ${rng.pick(CLAUSES)}.`;
		case 1:
			return `${rng.pick(OPENERS)} ${rng.pick(OBJECTS)} ${rng.pick(TAILS)}`;
		case 2:
			return `Arbejdet med ${topic} ${rng.pick(['har i perioden', 'har det seneste halve år', 'har i høj grad'])} ${rng.pick([
				'været præget af nye opgaver',
				'fulgt den plan, udvalget godkendte',
				'krævet en tæt koordinering med regionen',
				'givet anledning til flere henvendelser fra borgere'
			])}.`;
		default:
			return rng.pick(STANDALONE);
	}
}

export function paragraph(rng: Random, topic: string, min = 2, max = 5): string {
	const n = rng.int(min, max);
	const parts: string[] = [];
	for (let i = 0; i < n; i++) parts.push(sentence(rng, topic));
	return parts.join(' ');
}
