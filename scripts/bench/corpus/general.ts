/** Ordinary cases: grants, counts of citizens, shares, and the fixed items that close every meeting. */
import { formatDecimal, formatInteger, MONTH_NAMES, formatDate } from './danish';
import { caseNumber, prose, type ItemDraft, type Meeting } from './item';
import { paragraph } from './prose';
import type { Random } from './random';

function figureSentence(rng: Random, m: Meeting, topic: string): string {
	const y = m.year;
	switch (rng.int(0, 6)) {
		case 0:
			return `Der er i ${y} afsat ${formatDecimal(rng.int(5, 400) / 10, 1)} mio. kr. til ${topic}.`;
		case 1:
			return `I ${y - 1} benyttede ${formatInteger(rng.int(20, 4000))} borgere ${topic}, mod ${formatInteger(rng.int(20, 4000))} året før.`;
		case 2:
			return `Andelen af borgere, der er tilfredse med ${topic}, steg fra ${rng.int(50, 80)} pct. i ${y - 2} til ${rng.int(60, 95)} pct. i ${y - 1}.`;
		case 3:
			return `Puljen til ${topic} udgør ${formatInteger(rng.int(100, 5000) * 1000)} kr. om året i perioden ${y}-${y + 3}.`;
		case 4:
			return `Forvaltningen har modtaget ${rng.int(3, 250)} ansøgninger om midler fra puljen, og ${rng.int(2, 60)} projekter har fået tilsagn.`;
		case 5:
			return `Udgiften til ${topic} forventes at stige med ${formatInteger(rng.int(50, 3000) * 1000)} kr. fra ${y + 1}.`;
		default:
			return `Ventetiden på ${topic} var ved udgangen af ${MONTH_NAMES[rng.int(0, 11)]} ${y - 1} på ${rng.int(2, 30)} uger.`;
	}
}

export function generalItem(rng: Random, m: Meeting): ItemDraft {
	const topic = rng.pick(m.committee.topics);
	const sections = [
		{ heading: 'Resumé', blocks: [prose(`${paragraph(rng, topic, 1, 2)} ${figureSentence(rng, m, topic)}`)] },
		{
			heading: 'Baggrund',
			blocks: Array.from({ length: rng.int(2, 6) }, () =>
				prose(rng.chance(0.5) ? `${paragraph(rng, topic, 2, 5)} ${figureSentence(rng, m, topic)}` : paragraph(rng, topic, 3, 7))
			)
		}
	];
	if (rng.chance(0.5))
		sections.push({ heading: rng.pick(['Inddragelse og høring', 'Erfaringer', 'Den videre proces']), blocks: [prose(paragraph(rng, topic, 3, 7)), prose(paragraph(rng, topic, 2, 5))] });
	if (rng.chance(0.5)) sections.push({ heading: 'Økonomi', blocks: [prose(`${figureSentence(rng, m, topic)} ${paragraph(rng, topic, 1, 2)}`)] });
	return {
		title: `${rng.pick(['Status på', 'Evaluering af', 'Godkendelse af ramme for', 'Orientering om', 'Temadrøftelse om', 'Udmøntning af midler til'])} ${topic} ${rng.chance(0.5) ? m.year : ''}`.trim(),
		caseNo: caseNumber(rng, m.year),
		proposals: rng.chance(0.5)
			? [`${m.committee.forvaltning} indstiller,`, `1. at ${rng.pick(['orienteringen tages til efterretning', 'rammen godkendes', 'forslaget sendes i høring', 'midlerne fordeles som beskrevet'])}.`]
			: [`${m.committee.forvaltning} forelægger sagen til orientering.`],
		decision: rng.pick(['Godkendt.', 'Tiltrådt.', 'Taget til efterretning.', 'Sagen blev forelagt til orientering.']),
		sections,
		attachments: rng.chance(0.6) ? [`Notat om ${topic}`] : []
	};
}

export function closingItems(rng: Random, m: Meeting): ItemDraft[] {
	const caseNo = caseNumber(rng, m.year);
	const nextMonth = (m.month % 12) + 1;
	const nextYear = m.year + (m.month === 12 ? 1 : 0);
	return [
		{
			title: 'Mundtlige meddelelser',
			caseNo,
			proposals: [],
			decision: '',
			sections: [
				{ heading: 'Meddelelse', blocks: [prose(`Forvaltningen orienterede om, at udvalgets næste møde holdes ${formatDate(nextYear, nextMonth, rng.int(1, 28))}.`)] }
			],
			attachments: []
		},
		{ title: 'Lukket: Mundtlige meddelelser', caseNo, proposals: [], decision: '', sections: [], attachments: [] },
		{ title: 'Godkendelse', caseNo, proposals: [], decision: 'Godkendt.', sections: [], attachments: [] }
	];
}
