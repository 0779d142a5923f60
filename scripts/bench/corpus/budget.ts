/** A quarterly budget follow-up with its flattened table, in mio. kr. or 1.000 kr. */
import { formatDecimal, formatInteger } from './danish';
import { caseNumber, lines, prose, type ItemDraft, type Meeting } from './item';
import { paragraph } from './prose';
import type { Random } from './random';

interface Row {
	label: string;
	vedtaget: number;
	korrigeret: number;
	forbrug: number;
}

/** A row label broken over lines as a narrow table column breaks it. */
function brokenLabel(rng: Random, label: string): string {
	const words = label.split(' ');
	if (words.length < 3 || rng.chance(0.4)) return label;
	const cut = rng.int(1, words.length - 1);
	return `${words.slice(0, cut).join(' ')}\n${words.slice(cut).join(' ')}`;
}

export function budgetItem(rng: Random, m: Meeting): ItemDraft {
	const quarter = rng.pick([1, 2, 3]);
	const udvalg = m.committee.name;
	const inThousands = rng.chance(0.3);
	const unit = inThousands ? '1.000 kr.' : 'mio. kr.';
	const rows: Row[] = m.committee.budgetRows.map((label) => {
		const vedtaget = rng.int(5, 450) + rng.int(0, 9) / 10;
		const korrigeret = vedtaget + rng.int(-60, 120) / 10;
		const forbrug = korrigeret + rng.int(-150, 150) / 10;
		return { label, vedtaget, korrigeret, forbrug };
	});
	const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
	const fmt = (mio: number) => (inThousands ? formatInteger(Math.round(mio * 1000)) : formatDecimal(mio, 1));
	const cells = (r: Row) =>
		[r.vedtaget, r.korrigeret, r.forbrug, r.vedtaget - r.forbrug, r.korrigeret - r.forbrug].map(fmt).join(' ');
	const total: Row = { label: 'I alt', vedtaget: sum((r) => r.vedtaget), korrigeret: sum((r) => r.korrigeret), forbrug: sum((r) => r.forbrug) };

	const header = [
		`Tabel 1: ${udvalg}s driftsramme, ${unit}`,
		'',
		udvalg.replace(/ og /, ' og\n'),
		'',
		'Vedtaget\nbudget',
		'',
		'Korrigeret\nbudget',
		'',
		'Forventet\nforbrug',
		'',
		'Forventet\nmer-/mindreforbrug\nVB',
		'',
		'Forventet\nmer-/mindreforbrug\nKB',
		''
	];
	const body = rows.flatMap((r) => (rng.chance(0.5) ? [brokenLabel(rng, r.label), '', cells(r), ''] : [`${r.label} ${cells(r)}`, '']));
	const table = [...header, ...body, `I alt ${cells(total)}`, '', 'Note: Merforbrug angives med minus-fortegn.'].join('\n');

	const vbDiff = total.vedtaget - total.forbrug;
	const kbDiff = total.korrigeret - total.forbrug;
	const word = (d: number) => (d < 0 ? 'merforbrug' : 'mindreforbrug');
	const amount = (d: number) => `${formatDecimal(Math.abs(d), 1)} mio. kr.`;
	const summary = rng.pick([
		`Budgetopfølgningen viser et samlet forventet ${word(vbDiff)} på ${amount(vbDiff)} i forhold til vedtaget budget og et ${word(kbDiff)} på ${amount(kbDiff)} i forhold til korrigeret budget.`,
		`Samlet forventes et ${word(vbDiff)} på ${amount(vbDiff)} i forhold til vedtaget budget, mens der i forhold til korrigeret budget forventes et ${word(kbDiff)} på ${amount(kbDiff)}.`,
		`Forvaltningen forventer for ${m.year} et ${word(kbDiff)} på ${amount(kbDiff)} i forhold til korrigeret budget.`
	]);
	const grant = rng.int(5, 250) / 10;
	const sections = [
		{
			heading: 'Resumé',
			blocks: [prose(`${udvalg}s budgetopfølgning for ${quarter}. kvartal ${m.year} omfatter udvalgets driftsudgifter. ${summary}`)]
		},
		{
			heading: 'Opfølgning på driftsbudgettet',
			blocks: [prose(paragraph(rng, m.committee.topics[0], 1, 3)), lines(table), prose('Note: Totalerne stemmer ikke nødvendigvis, hvilket skyldes afrundinger.')]
		},
		{ heading: 'Vurdering', blocks: [prose(paragraph(rng, rng.pick(m.committee.topics)))] }
	];
	const proposals = ['at budgetopfølgningen godkendes.'];
	if (rng.chance(0.35)) {
		sections.push({
			heading: 'Tillægsbevilling',
			blocks: [prose(`Forvaltningen anbefaler, at der gives en tillægsbevilling på ${formatDecimal(grant, 1)} mio. kr. til ${m.committee.budgetRows[0]}.`)]
		});
		proposals.unshift(`at der gives en tillægsbevilling på ${formatDecimal(grant, 1)} mio. kr., og`);
	}
	return {
		title: rng.pick([
			`Budgetopfølgning ${quarter}. kvartal ${m.year}`,
			`${udvalg}, budgetopfølgning og forventet regnskab ${quarter}. kvartal ${m.year}`,
			`Forventet regnskab pr. ${quarter}. kvartal ${m.year}`
		]),
		caseNo: caseNumber(rng, m.year),
		proposals: proposals.map((p, i) => `${i + 1}. ${p}`),
		decision: rng.pick(['Anbefales.', 'Godkendt.', 'Tiltrådt.']),
		sections,
		attachments: [`Driftsøkonomi ${quarter}. kvartal ${m.year}`]
	};
}
