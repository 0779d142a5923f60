/** What the minutes say about themselves before the first item: committee, meeting date, municipality. */
import { MUNICIPALITY_RE, municipalityOf } from './places';

export interface MeetingHeader {
	committee: string | null;
	meeting_date: string | null;
	municipality: string | null;
}

const MONTHS: Record<string, number> = {
	januar: 1, februar: 2, marts: 3, april: 4, maj: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10, november: 11, december: 12
};

const LEAD = String.raw`(?:møde\s*dato|dato|mødet?\s+(?:blev\s+)?(?:afholdt\s+)?(?:\p{L}+dag\s+)?(?:den|d\.)|tidspunkt|(?:man|tirs|ons|tors|fre|lør|søn)dag(?:\s+den)?)\s*:?\s*(?:\p{L}+dag\s+(?:den\s+)?)?`;
const iso = (d: number, m: number, y: number) =>
	d >= 1 && d <= 31 && m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;

export function readMeetingHeader(header: string): MeetingHeader {
	const head = header.slice(0, 4000);
	let meeting_date: string | null = null;
	const numeric = new RegExp(`${LEAD}(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})`, 'iu').exec(head);
	const worded = new RegExp(`${LEAD}(\\d{1,2})\\.\\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\\s+(\\d{4})`, 'iu').exec(head);
	if (numeric) meeting_date = iso(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
	else if (worded) meeting_date = iso(Number(worded[1]), MONTHS[worded[2].toLowerCase()], Number(worded[3]));

	let committee: string | null = null;
	const labelled = /^\s*(?:Udvalg|Forum|Organ)\s*:\s*(.+?)\s*$/im.exec(head) ?? /^\s*(?:Referat|Dagsorden|Beslutningsprotokol)\s*(?:-|–|fra|for)\s*(.+?udvalg\p{L}*|Byrådet|Kommunalbestyrelsen|Magistraten)\s*$/imu.exec(head);
	if (labelled) committee = labelled[1];
	else
		for (const line of head.split('\n')) {
			const t = line.trim();
			if (/^(?:[\p{Lu}][\p{L}-]*,?\s+(?:og\s+)?)*[\p{Lu}][\p{L}-]*(?:udvalget|udvalg|Byrådet|Kommunalbestyrelsen|Borgerrepræsentationen|Regionsrådet)$/u.test(t) && t.length < 80) {
				committee = t;
				break;
			}
		}

	let municipality: string | null = null;
	const kommune = /([\p{Lu}][\p{L}]+(?:-[\p{Lu}][\p{L}]+)?)\s+Kommune\b/u.exec(head);
	if (kommune) municipality = municipalityOf(kommune[1]);
	if (!municipality) {
		const place = /(?:Mødested|Sted)\s*:?\s*([^\n]+)/i.exec(head);
		const named = place ? [...place[1].matchAll(MUNICIPALITY_RE)][0] : undefined;
		if (named) municipality = municipalityOf(named[1]);
	}
	return { committee, meeting_date, municipality };
}
