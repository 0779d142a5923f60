/** The yearly report on use of force in social services. */
import { caseNumber, prose, type ItemDraft, type Meeting } from './item';
import { paragraph } from './prose';
import type { Random } from './random';

export function magtanvendelseItem(rng: Random, m: Meeting): ItemDraft {
	const year = m.year - 1;
	const allowed = rng.int(2, 60);
	const notAllowed = rng.int(0, 20);
	const notForce = rng.int(0, 12);
	const pending = rng.int(0, 4);
	const reported = allowed + notAllowed + notForce + pending;
	const lastYear = Math.max(1, reported + rng.int(-15, 15));
	const approvals = rng.int(0, 40);
	const moves = rng.int(0, 3);

	const counts = rng.pick([
		`Der er i ${year} indberettet ${reported} magtanvendelser. ${allowed} af disse er vurderet som tilladte, og ${notAllowed} er vurderet som ikke-tilladte. ${notForce} er vurderet ikke at være en magtanvendelse, og ${pending} er endnu ikke afgjort.`,
		`I ${year} modtog forvaltningen ${reported} indberetninger om magtanvendelse. Heraf blev ${allowed} vurderet som tilladte og ${notAllowed} som ikke-tilladte, mens ${notForce} ikke blev anset for at være en magtanvendelse.`
	]);
	return {
		title: rng.pick([`Magtanvendelse årsafrapportering ${year}`, `Årsberetning om magtanvendelse ${year}`, `Indberettede magtanvendelser i ${year}`]),
		caseNo: caseNumber(rng, m.year),
		proposals: [`${m.committee.forvaltning} forelægger sagen til orientering.`],
		decision: 'Sagen blev forelagt til orientering.',
		sections: [
			{
				heading: 'Resumé',
				blocks: [prose(`Årsberetningen viser, at antallet af indberettede magtanvendelser i ${year} ${reported < lastYear ? 'er lavere' : 'er højere'} end i ${year - 1}. ${paragraph(rng, 'magtanvendelsesreglerne', 1, 2)}`)]
			},
			{ heading: 'Lovgivning om magtanvendelse', blocks: [prose(paragraph(rng, 'reglerne om magtanvendelse', 3, 6))] },
			{ heading: `Antal indberettede magtanvendelser i ${year}`, blocks: [prose(counts)] },
			{
				heading: 'Forhåndsgodkendelser',
				blocks: [
					prose(
						`Udover de pludseligt opståede magtanvendelser er der i ${year} ansøgt om og bevilget ${approvals} forhåndsgodkendelser. ${moves ? `Derudover er der søgt om ${moves} flytning uden samtykke.` : ''} ${paragraph(rng, 'forhåndsgodkendelserne', 1, 3)}`
					)
				]
			}
		],
		attachments: [`Oversigt over indberetninger ${year}`]
	};
}
