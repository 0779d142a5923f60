import { formatKr, formatPeriode, metricLabel } from '$lib/format';

export interface Point {
	period: string;
	value: number;
}

/** The subject of a finding sentence: what rose or fell, with its article. */
const SUBJECTS: Record<string, string> = {
	omgoerelsespct: 'Omgørelsesprocenten',
	klagesager_antal: 'Antallet af afgjorte klagesager',
	magtanvendelser_indberettet: 'Antallet af indberettede magtanvendelser',
	forhaandsgodkendelser: 'Antallet af forhåndsgodkendelser',
	flytning_uden_samtykke: 'Antallet af flytninger uden samtykke'
};

export function subjectOf(metric: string): string {
	return SUBJECTS[metric] ?? metricLabel(metric);
}

const when = (period: string) => `i ${formatPeriode(period)}`;

/**
 * "Omgørelsesprocenten steg fra 22 % i 2024 til 37 % i 2025": the latest change of a series, in
 * words. Values that print the same count as unchanged.
 */
export function trendFinding(subject: string, points: Point[], format: (v: number) => string): string {
	const last = points[points.length - 1];
	if (!last) return `${subject}: ingen tal`;
	const prev = points[points.length - 2];
	if (!prev) return `${subject} var ${format(last.value)} ${when(last.period)}`;
	const a = format(prev.value);
	const b = format(last.value);
	if (a === b) return `${subject} var uændret på ${b} ${when(prev.period)} og ${formatPeriode(last.period)}`;
	const verb = last.value > prev.value ? 'steg' : 'faldt';
	return `${subject} ${verb} fra ${a} ${when(prev.period)} til ${b} ${when(last.period)}`;
}

type Kind = 'merforbrug' | 'mindreforbrug' | 'ingen';

function kindOf(value: number): Kind {
	if (formatKr(Math.abs(value)) === formatKr(0) || Math.abs(value) < 0.5) return 'ingen';
	return value < 0 ? 'merforbrug' : 'mindreforbrug';
}

function phrase(value: number): string {
	const kind = kindOf(value);
	return kind === 'ingen' ? 'ingen afvigelse' : `et ${kind} på ${formatKr(Math.abs(value))}`;
}

/**
 * How the forecast deviation moved between the last two follow-ups (negative is merforbrug):
 * "Det forventede merforbrug steg fra 30,0 mio. kr. i 2. kvartal 2024 til 46,0 mio. kr. i 3. kvartal 2024".
 */
export function deviationFinding(points: Point[], basis = ''): string {
	const against = basis ? ` ${basis}` : '';
	const last = points[points.length - 1];
	if (!last) return 'Ingen budgetopfølgning';
	const b = kindOf(last.value);
	const prev = points[points.length - 2];
	if (!prev) {
		return b === 'ingen'
			? `Skønnet viste ingen afvigelse ${when(last.period)}`
			: `Det forventede ${b}${against} var ${formatKr(Math.abs(last.value))} ${when(last.period)}`;
	}
	const a = kindOf(prev.value);
	if (a !== b || b === 'ingen') {
		if (a === b) return `Skønnet viste ingen afvigelse${against} ${when(prev.period)} og ${formatPeriode(last.period)}`;
		return `Skønnet${against} gik fra ${phrase(prev.value)} ${when(prev.period)} til ${phrase(last.value)} ${when(last.period)}`;
	}
	const from = formatKr(Math.abs(prev.value));
	const to = formatKr(Math.abs(last.value));
	if (from === to) return `Det forventede ${b}${against} var uændret på ${to} ${when(prev.period)} og ${formatPeriode(last.period)}`;
	const verb = Math.abs(last.value) > Math.abs(prev.value) ? 'steg' : 'faldt';
	return `Det forventede ${b}${against} ${verb} fra ${from} ${when(prev.period)} til ${to} ${when(last.period)}`;
}

/**
 * One follow-up across areas: the total when the minutes state one, else the largest deviation.
 * "Budgetopfølgningen for 3. kvartal 2024 viser et samlet merforbrug på 46,0 mio. kr."
 */
export function followUpFinding(period: string, rows: { label: string; value: number; total: boolean }[]): string {
	const head = `Budgetopfølgningen for ${formatPeriode(period)}`;
	const total = rows.find((r) => r.total);
	if (total) {
		const kind = kindOf(total.value);
		return kind === 'ingen'
			? `${head} viser samlet ingen afvigelse`
			: `${head} viser et samlet ${kind} på ${formatKr(Math.abs(total.value))}`;
	}
	const largest = [...rows].sort((x, y) => Math.abs(y.value) - Math.abs(x.value))[0];
	if (!largest || kindOf(largest.value) === 'ingen') return `${head} viser ingen afvigelse`;
	return `${head}: størst ${kindOf(largest.value)} på ${largest.label} (${formatKr(Math.abs(largest.value))})`;
}
