/** Budget prose: the lexicon's examples, and wordings of other municipalities with the facts a reader must get from them. */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';
import { BUDGET_CONCEPTS, cuesIn } from '../../src/lib/extract/budget-lexicon';

describe('budget lexicon examples name their concept', () => {
	for (const c of BUDGET_CONCEPTS)
		for (const ex of c.examples)
			it(`${c.role} ${c.concept}: ${ex}`, () => {
				expect(cuesIn(ex).map((h) => `${h.concept.role} ${h.concept.concept}`)).toContain(`${c.role} ${c.concept}`);
			});
});

const item = (body: string, title = 'Budgetopfølgning pr. 30. september 2025') =>
	`Punkt 4: ${title}\n\nSagsnr.: 25/1234\n\nSagsfremstilling\n\n${body}\n`;

function budgetFacts(text: string): string[] {
	const { facts } = extractDocument(text, {
		doc_id: 'x',
		file_name: 'x.txt',
		municipality: 'Odder',
		meeting_date: '2025-10-20',
		committee: 'Socialudvalget'
	});
	return facts
		.filter((f) => f.family === 'budget')
		.map((f) => `${f.metric} ${f.area} ${f.period} ${f.value}`)
		.sort();
}

const cases: [string, string, string[], string?][] = [
	[
		'"mere end budgetteret" after an amount is a merforbrug against the budget the sentence names',
		'Målt mod det korrigerede budget har udvalget brugt 3,6 mio. kr. mere end budgetteret.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 -3600000']
	],
	[
		'spending above the committee\'s share of the serviceramme deviates from it',
		'De forventede serviceudgifter ligger 4,4 mio. kr. over udvalgets andel af servicerammen.',
		['afvigelse_serviceramme Socialudvalget 2025-09 -4400000']
	],
	[
		'an amount over or under a budget is its deviation',
		'Samlet endte udvalget 7,3 mio. kr. over det oprindelige budget og 2,1 mio. kr. under det korrigerede budget.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 2100000', 'afvigelse_vedtaget_budget Socialudvalget 2025-09 -7300000']
	],
	[
		'a deviation in the sentence after its levels is measured against the budget whose gap to the spending it is',
		'Regnskabet for 2024 viser et nettoforbrug på 431,2 mio. kr. over for et korrigeret budget på 438,0 mio. kr. Det giver et mindreforbrug på 6,8 mio. kr.',
		['afvigelse_korrigeret_budget Socialudvalget 2024 6800000', 'korrigeret_budget Socialudvalget 2024 438000000', 'regnskab Socialudvalget 2024 431200000'],
		'Regnskab 2024'
	],
	[
		'the month a budget was adopted dates no figure measured against it',
		'Måler man mod det budget, byrådet vedtog i oktober 2024, bliver merforbruget på 12,4 mio. kr.',
		['afvigelse_vedtaget_budget Socialudvalget 2025-09 -12400000']
	],
	[
		'a title with the year and a day without one dates the follow-up by its month',
		'Forvaltningen forventer et merforbrug på 4,2 mio. kr. i forhold til det korrigerede budget.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 -4200000'],
		'Forventet regnskab 2025 – status pr. 30. september'
	],
	[
		'"rammen" names the serviceramme again once the paragraph has named it; the spending inside it is the serviceramme\'s forbrug',
		'Udvalgets andel af servicerammen er 312,6 mio. kr. Forbruget under rammen skønnes at blive 315,1 mio. kr., og rammen overskrides dermed med 2,5 mio. kr.',
		['afvigelse_serviceramme Socialudvalget 2025-09 -2500000', 'forventet_forbrug Socialudvalget, serviceramme 2025-09 315100000', 'serviceramme Socialudvalget 2025-09 312600000']
	],
	[
		'a deviation and a level in one clause each take their own concept',
		'Forvaltningen forventer på udvalgets område et mindreforbrug på 2,8 mio. kr. målt mod det korrigerede budget, som udgør 743,5 mio. kr.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 2800000', 'korrigeret_budget Socialudvalget 2025-09 743500000']
	],
	[
		'each amount is signed by the direction word that governs it',
		'Prognosen viser et merforbrug på 5,7 mio. kr. i forhold til det korrigerede budget og et mindreforbrug på 1,2 mio. kr. i forhold til det vedtagne budget.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 -5700000', 'afvigelse_vedtaget_budget Socialudvalget 2025-09 1200000']
	],
	[
		'an ellipsis copies the deviation and swaps the reference',
		'Prognosen viser et merforbrug på 5,7 mio. kr. i forhold til det korrigerede budget og på 16,8 mio. kr. i forhold til det vedtagne budget.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 -5700000', 'afvigelse_vedtaget_budget Socialudvalget 2025-09 -16800000']
	],
	[
		'a budget in the relation is the reference, the amount after it the deviation',
		'Budgetopfølgningen viser et mindreforbrug i forhold til korrigeret budget på 4,6 mio. kr.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 4600000']
	],
	[
		'a level after "mod" is a level',
		'Prognosen viser for udvalgets driftsområder et forventet forbrug på 1.012,6 mio. kr. mod et korrigeret budget på 1.004,3 mio. kr.',
		['forventet_forbrug Socialudvalget 2025-09 1012600000', 'korrigeret_budget Socialudvalget 2025-09 1004300000']
	],
	[
		'synonyms: ajourført budget, oprindeligt budget, merbevilling',
		'Der ventes et merforbrug på 3,1 mio. kr. målt mod det ajourførte budget. Det oprindelige budget var 987,9 mio. kr. Udvalget søger en merbevilling på 2,0 mio. kr.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 -3100000', 'tillaegsbevilling Socialudvalget 2025 2000000', 'vedtaget_budget Socialudvalget 2025-09 987900000']
	],
	[
		'budget inkl. tillæg in thousands of kroner',
		'Forvaltningen forventer et merforbrug på 7.600 t.kr. set i forhold til budget inkl. tillæg.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 -7600000']
	],
	[
		'an overskridelse of the serviceramme',
		'Der ventes en overskridelse af servicerammen på 3,0 mio. kr.',
		['afvigelse_serviceramme Socialudvalget 2025-09 -3000000']
	],
	[
		'the serviceramme as "kr. 598.400.000" and "den" overskredet',
		'Servicerammen for udvalget er opgjort til 598,4 mio. kr., og den forventes overskredet med 4,9 mio.kr.',
		['afvigelse_serviceramme Socialudvalget 2025-09 -4900000', 'serviceramme Socialudvalget 2025-09 598400000']
	],
	[
		'the spending inside the serviceramme is its own area',
		'Udvalgets andel af kommunens serviceramme er 1.283,5 mio. kr., mens udvalgets forventede serviceudgifter er opgjort til 1.295,4 mio. kr.',
		['forventet_forbrug Socialudvalget, serviceramme 2025-09 1295400000', 'serviceramme Socialudvalget 2025-09 1283500000']
	],
	[
		'number words and a negative tillægsbevilling',
		'På ældreområdet ventes et mindreforbrug på en halv million kroner i forhold til korrigeret budget. Der gives en negativ tillægsbevilling på 7 millioner kroner.',
		['afvigelse_korrigeret_budget ældreområdet 2025-09 500000', 'tillaegsbevilling Socialudvalget 2025 -7000000']
	],
	[
		'a tillægsbevilling written with ÷ and one for a stated year',
		'Udvalget indstiller en tillægsbevilling på ÷1,7 mio. kr. og en tillægsbevilling for 2024 på 6,0 mio. kr.',
		['tillaegsbevilling Socialudvalget 2024 6000000', 'tillaegsbevilling Socialudvalget 2025 -1700000']
	],
	[
		'no reference budget stated anywhere in the item',
		'Der forventes et merforbrug på 4,0 mio. kr. på udvalgets område.',
		['afvigelse Socialudvalget 2025-09 -4000000']
	],
	[
		'a deviation with no reference takes the one stated before it in the item',
		'Udvalget forventer ved 2. kvartal et samlet merforbrug på 5,5 mio. kr. sammenlignet med korrigeret budget.\n\nVed 1. kvartal var forventningen et merforbrug på 3,8 mio. kr.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-Q1 -3800000', 'afvigelse_korrigeret_budget Socialudvalget 2025-Q2 -5500000'],
		'Budgetopfølgning 2. kvartal 2025'
	],
	[
		'an earlier forecast takes its own date, a closed year its year',
		'Ved opfølgningen pr. 30. juni 2025 lød forventningen på et merforbrug på 9,8 mio. kr. sammenlignet med korrigeret budget. Sidste år endte udvalget med et merforbrug på 9,3 mio. kr. målt mod det korrigerede budget.',
		['afvigelse_korrigeret_budget Socialudvalget 2024 -9300000', 'afvigelse_korrigeret_budget Socialudvalget 2025-06 -9800000']
	],
	[
		'a continuation carries the paragraph’s deviation on',
		'Ved 1. kvartals budgetopfølgning var forventningen et samlet merforbrug på 10,6 mio. kr. i forhold til korrigeret budget. Ved 2. kvartals budgetopfølgning steg dette til 14,7 mio. kr.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-Q1 -10600000', 'afvigelse_korrigeret_budget Socialudvalget 2025-Q2 -14700000'],
		'Budgetopfølgning 3. kvartal 2025'
	],
	[
		'two fields in one clause each take their own amount',
		'Der forventes et mindreforbrug på 1,2 mio. kr. på ældreområdet og et merforbrug på 3,4 mio. kr. på handicapområdet i forhold til korrigeret budget.',
		['afvigelse_korrigeret_budget handicapområdet 2025-09 -3400000', 'afvigelse_korrigeret_budget ældreområdet 2025-09 1200000']
	],
	[
		'a deviation named after its amount',
		'Udvalget forventer et samlet resultat på 2,1 mio. kr. i mindreforbrug i forhold til det vedtagne budget. Forbruget ventes at blive 3,0 mio. kr. mere end det korrigerede budget.',
		['afvigelse_korrigeret_budget Socialudvalget 2025-09 -3000000', 'afvigelse_vedtaget_budget Socialudvalget 2025-09 2100000']
	],
	[
		'a deviation with no reference named takes the budget whose arithmetic it fits',
		'Det korrigerede budget er 500,0 mio. kr., og det vedtagne budget var 490,0 mio. kr.\n\nDet forventede forbrug er opgjort til 503,0 mio. kr.\n\nDer ventes et merforbrug på 3,0 mio. kr.',
		[
			'afvigelse_korrigeret_budget Socialudvalget 2025-09 -3000000',
			'forventet_forbrug Socialudvalget 2025-09 503000000',
			'korrigeret_budget Socialudvalget 2025-09 500000000',
			'vedtaget_budget Socialudvalget 2025-09 490000000'
		]
	],
	[
		'the final accounts of a closed year',
		'Regnskabet for 2024 viser et samlet forbrug på 612,4 mio. kr.',
		['regnskab Socialudvalget 2024 612400000'],
		'Budgetopfølgning pr. 31. marts 2025'
	]
];

describe('budget prose wordings', () => {
	for (const [name, body, want, title] of cases) it(name, () => expect(budgetFacts(item(body, title))).toEqual([...want].sort()));
});

const negatives = [
	// "rammen" without a serviceramme named before it is some other frame.
	'Rammen til kompetenceudvikling er 0,4 mio. kr.',
	'Det faktiske forbrug pr. 30. april udgør 348,2 mio. kr.',
	'Socialudvalgets nettoudgifter i 2025 blev 612,4 mio. kr.',
	'Forvaltningen foreslår, at 4,8 mio. kr. af mindreforbruget overføres til 2026.',
	'Taksten er 2.150 kr. pr. døgn.',
	'Der er et rådighedsbeløb på 12,0 mio. kr. i 2025.',
	'Anlægsrammen er 28 mio. kr.',
	'Statens pulje til en værdig ældrepleje udgør 11,4 mio. kr. i 2025.',
	'Merforbruget ventes at ligge mellem 5 og 9 mio. kr.',
	'Merforbruget ventes at blive 1,5-2 mio. kr.',
	'Udvalgets budget inkl. tillæg udgør nu knap 1,1 mia. kr.',
	'Udvalgets driftsramme for 2026 er 612,0 mio. kr.',
	'Reduktionsforslagene udgør i alt 8,5 mio. kr.',
	'Det er 3,4 mio. kr. mere end ved budgetopfølgning 2.',
	'Der er en merindtægt på 1,2 mio. kr. fra refusion.',
	'Den forventede mer-/mindreforbrug er -3,2 mio. kr.',
	'Der søges om overførsel af mindreforbrug på 4,8 mio. kr.',
	'Det vedtagne budget for 2026 er 630,0 mio. kr.'
];

describe('budget prose non-figures yield nothing', () => {
	for (const s of negatives) it(s, () => expect(budgetFacts(item(s))).toEqual([]));
});

describe('prose naming a table row', () => {
	it('takes the row as its area', () => {
		const table = [
			'Tabel 1. Budgetopfølgning 2. kvartal 2025 (1.000 kr.)',
			'',
			'                         Vedtaget budget   Korrigeret budget   Forventet forbrug   Afvigelse',
			'Myndighed voksne                318.450             327.900             335.610      -7.710',
			'Socialpsykiatri og misbrug       96.780              97.230              97.930        -700',
			'I alt                           415.230             425.130             433.540      -8.410',
			'',
			'Udviklingen skyldes især Myndighed voksne, der ventes at overskride det korrigerede budget med 7,7 mio. kr.'
		].join('\n');
		expect(budgetFacts(item(table, 'Budgetopfølgning 2. kvartal 2025'))).toContain('afvigelse_korrigeret_budget Myndighed voksne 2025-Q2 -7700000');
	});
});
