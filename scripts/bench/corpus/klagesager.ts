/** The yearly report on Ankestyrelsen's decisions on complaints, in several wordings. */
import { formatInteger } from './danish';
import { caseNumber, lines, percentOf, prose, type ItemDraft, type Meeting } from './item';
import { paragraph } from './prose';
import type { Random } from './random';

const AREAS = [
	['socialområdet', 'på socialområdet'],
	['beskæftigelsesområdet', 'på beskæftigelsesområdet'],
	['voksenhandicapområdet', 'på voksenhandicapområdet'],
	['børneområdet', 'på børneområdet'],
	['ældreområdet', 'på ældreområdet']
] as const;

export function klagesagerItem(rng: Random, m: Meeting): ItemDraft {
	const year = m.year - 1;
	const kommune = `${m.municipality} Kommune`;
	const [areaWord, onArea] = rng.pick(AREAS);
	const total = rng.int(12, 420);
	const changed = Math.round(total * (0.04 + rng.next() * 0.12));
	const returned = Math.round(total * (0.08 + rng.next() * 0.2));
	let upheld = total - changed - returned;
	// Now and then the minutes' own parts do not add up, as in the seeds.
	if (rng.chance(0.04)) upheld += rng.int(2, 9);
	const [pu, pc, pr] = [percentOf(upheld, total), percentOf(changed, total), percentOf(returned, total)];
	const rate = percentOf(changed + returned, total);
	const national = rng.int(22, 44);
	const relation = rate < national ? 'lavere end' : rate > national ? 'højere end' : 'på niveau med';
	const previous = Math.max(5, rate + rng.int(-9, 9));

	const opening = rng.pick([
		`Ankestyrelsen har i ${year} behandlet ${formatInteger(total)} klagesager fra borgere i ${kommune} ${onArea}, heraf blev ${upheld} (${pu} pct.) stadfæstet, ${changed} (${pc} pct.) ændret og ${returned} (${pr} pct.) hjemvist.`,
		`Ankestyrelsen afgjorde i alt ${formatInteger(total)} klagesager fra ${kommune} i ${year}, hvoraf ${upheld} (${pu} pct.) blev stadfæstet, ${changed} (${pc} pct.) blev ændret og ${returned} (${pr} pct.) blev hjemvist.`,
		`I ${year} har Ankestyrelsen truffet afgørelse i ${formatInteger(total)} klagesager ${onArea} fra borgere i ${kommune}. Af dem blev ${upheld} (${pu} pct.) stadfæstet, ${changed} (${pc} pct.) ændret, og ${returned} (${pr} pct.) blev hjemvist.`
	]);
	const rateLine = rng.pick([
		`Dette giver en omgørelsesprocent på ${rate} pct., hvilket er ${relation} landsgennemsnittet på ${national} pct.`,
		`Omgørelsesprocenten var dermed ${rate} procent og ligger ${relation} landsgennemsnittet på ${national} procent.`,
		`Samlet set blev ${rate} pct. af sagerne omgjort, ${relation} landsgennemsnittet på ${national} pct.`
	]);
	const trend = rng.pick([
		`Omgørelsesprocenten ${onArea} er ${previous > rate ? 'faldet' : 'steget'} fra ${previous} pct. i ${year - 1} til ${rate} pct. i ${year}.`,
		`Året før var omgørelsesprocenten ${previous} pct.`
	]);

	const table = [
		`Tabel 1: Afgørelser i Ankestyrelsen ${year}, ${areaWord}`,
		'',
		'Afgørelse Antal Andel',
		'',
		`Stadfæstet ${upheld} ${pu} pct.`,
		`Ændret ${changed} ${pc} pct.`,
		`Hjemvist ${returned} ${pr} pct.`,
		`I alt ${formatInteger(total)} 100 pct.`
	].join('\n');

	return {
		title: rng.pick([
			`Afrapportering af klagesager fra Ankestyrelsen for ${year}`,
			`Klagesager ${onArea} ${year}`,
			`Årlig opgørelse af klagesager ${year}`,
			`Ankestyrelsens danmarkskort ${year} ${onArea}`
		]),
		caseNo: caseNumber(rng, m.year),
		proposals: [`${m.committee.forvaltning} forelægger sagen til orientering.`],
		decision: rng.pick(['Sagen blev forelagt til orientering.', 'Taget til efterretning.', 'Orienteringen blev taget til efterretning.']),
		sections: [
			{ heading: 'Resumé', blocks: [prose(`${opening} ${rateLine}`)] },
			{
				heading: 'Baggrund',
				blocks: [
					prose(paragraph(rng, 'klagesagsbehandlingen')),
					prose(
						'Stadfæstet betyder, at Ankestyrelsen giver kommunen medhold. Ændret betyder, at afgørelsen bliver ændret til fordel for borgeren. Hjemvist betyder, at sagen sendes tilbage til fornyet behandling i kommunen.'
					),
					lines(table),
					prose(`${trend} ${paragraph(rng, 'klagesagerne', 1, 3)}`)
				]
			},
			{ heading: 'Den videre proces', blocks: [prose(paragraph(rng, 'kvalitetsarbejdet'))] }
		],
		attachments: [`Oversigt over klagesager ${year}`, `Danmarkskort ${year}`]
	};
}
