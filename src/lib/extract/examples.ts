/**
 * The grammar's corpus: sentences with the figures and periods they hold, and sentences that
 * hold none. It documents the grammar and doubles as its test (tests/unit/grammar.test.ts).
 */

/** [text, figures as "value unit" (unit: kr, pct, procentpoint or -), or [] when none is a figure]. */
export const NUMBER_EXAMPLES: [string, string[]][] = [
	['Det samlede ansøgte beløb udgør kr. 1.341.696.', ['1341696 kr']],
	['overføre ubrugte midler til 2024 (i alt kr. 126.755,52)', ['126755.52 kr']],
	['reduceret med 195.000 kr. i 2025, 1,391 mio. kr. i 2026', ['195000 kr', '1391000 kr']],
	['et samlet forventet merforbrug på 46,0 mio. kr. i forhold til vedtaget budget', ['46000000 kr']],
	['Der er afsat 7 millioner kroner til indsatsen', ['7000000 kr']],
	['puljen er på 2,5 mia. kr.', ['2500000000 kr']],
	['en besparelse på 450 t.kr.', ['450000 kr']],
	['Udgiften er 1.200 tkr.', ['1200000 kr']],
	['et korrigeret budget på 148 200 000 kr. og et mindreforbrug på -2 325 000 kroner', ['148200000 kr', '-2325000 kr']],
	['ud af 12 345 borgere', ['12 -', '345 -']],
	['der gives en halv million kroner', ['500000 kr']],
	['heraf blev 56 (52 pct.) stadfæstet', ['56 -', '52 pct']],
	['en omgørelsesprocent på 48 procent', ['48 pct']],
	['ca. 30 % af medarbejderne', ['30 pct ~']],
	['steg med 15 procentpoint', ['15 procentpoint']],
	['en stigning på 3,5 pct.-point', ['3.5 procentpoint']],
	['Servicerammen 404,1 421,1 -17,0', ['404.1 -', '421.1 -', '-17 -']],
	['forventet forbrug −2,3', ['-2.3 -']],
	['Ankestyrelsen har behandlet ni sager, og tolv blev hjemvist', ['9 -', '12 -']],
	['Tre af sagerne blev stadfæstet, mens én blev hjemvist', ['3 -', '1 -']],
	['heraf blev alle 6 sager stadfæstet', ['6 -']],
	['knap 3,5 mio. kroner', ['3500000 kr ~']],
	['cirka 50 Gladsaxeborgere', ['50 - ~']],
	['omkring 1,5-2 mio. kroner årligt', ['1500000 kr ~ range', '2000000 kr range']],
	['relevant for 5 til 10 borgere om året', ['5 - range', '10 - range']],
	['mere end 40 sager', ['40 - bound']],
	['Punkt 4: Magtanvendelse årsafrapportering', []],
	['Psykiatri- og Handicapudvalget 04.12.2024, punkt 6', []],
	['sagsnummer 24-2-27.00.00-P22', []],
	['efter servicelovens § 85 samt §§ 107 og 108', []],
	['jf. Serviceloven § 124, stk. 2', []],
	['Bilag 1, 2 og 3 er vedlagt', []],
	['møderne holdes onsdage kl. 16.30', []],
	['åbent mellem kl. 11-23', []],
	['borgere helt ned til 14 år', []],
	['unge mellem 15 og 30 år', []],
	['tlf. 39 57 50 00', []],
	['Østmarken 4, 2860 Søborg', []],
	['svarende til 1/3 af indkøbsprisen', []],
	['i 1. kvartal og 2. halvår', []],
	['manuel støvsugning i 8 uger', []],
	['en 10-årsplan for psykiatrien', []],
	['hastigheden sænkes til 50 km/t', []],
	['Forbrug pr. 31.08', []],
	['principafgørelse nr. 4-23 af 22.03.2023', []],
	['https://dagsordener.gladsaxe.dk/vis?id=d61433e0-2c50-482e&punktid=2365', []]
];

/** [text, canonical periods (with "?" for a period whose year must come from context)]. */
export const PERIOD_EXAMPLES: [string, string[]][] = [
	['Ankestyrelsen har i 2023 behandlet 90 klagesager', ['2023']],
	['budgetopfølgning for 3. kvartal 2024', ['2024-Q3']],
	['faldet fra 48 pct. i 2023 til 35 pct. i 1.-3. kvartal 2024', ['2023', '2024-Q1-Q3']],
	['klagesager for 1.-4. kvartal 2023', ['2023']],
	['tal for 1. halvår 2024', ['2024-H1']],
	['i andet halvår 2025', ['2025-H2']],
	['budget 2026-29', ['2026-2029']],
	['Budget 2025-2028', ['2025-2028']],
	['Q2 2025', ['2025-Q2']],
	['forbruget pr. 31. maj 2025', ['2025-05']],
	['pr. 31.08.2025', ['2025-08']],
	['ved 2. kvartals budgetopfølgning', ['?Q2']],
	['Forbrug pr. 31.08', ['?08']],
	['mod 98 året før', ['rel-1']],
	['lavere end sidste år', ['rel-1']],
	['i år forventes', ['rel0']]
];
