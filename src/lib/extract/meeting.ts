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
const MONTH_NAMES = Object.keys(MONTHS).join('|');

/** 05-11-2025, 5.11.2025, 05/11/2025 and "5. november 2025". */
const NUMERIC_DATE = String.raw`(\d{1,2})[-./](\d{1,2})[-./]((?:19|20)\d{2})`;
const WORDED_DATE = String.raw`(\d{1,2})\.?\s*(${MONTH_NAMES})\s+((?:19|20)\d{2})`;
const DATE = new RegExp(`(?<![\\d.])(?:${NUMERIC_DATE}|${WORDED_DATE})(?!\\d)`, 'giu');
/**
 * Words that say a date is the meeting's: "Mødedato:", "Dato og tid:", "mødet den", "Tirsdag den", "STARTTIDSPUNKT",
 * "Afholdt den", "Referat", "Beslutningsprotokol", also with dotted leaders ("Mødedato ........ 08.04.2025").
 */
const DATE_LEAD =
	/(?:dato\b[^\n\d]{0,20}|møde[t]?\b[^\n]{0,30}|tidspunkt|afholdt\b[^\n\d]{0,8}|(?:man|tirs|ons|tors|fre|lør|søn)dag\b[^\n\d]{0,8}|(?:referat|beslutningsprotokol|protokol)\b[^\n\d]{0,20})\s*(?:\.{2,}|…+)?\s*:?\s*$/iu;

const iso = (d: number, m: number, y: number) =>
	d >= 1 && d <= 31 && m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;

/** Words that end a committee's name. */
const BODY = String.raw`(?:udvalget|udvalg|Byrådet|Byråd|Kommunalbestyrelsen|Borgerrepræsentationen|Regionsrådet|Magistraten)`;
const COMMITTEE = new RegExp(String.raw`^(?:[\p{Lu}][\p{L}-]*,?\s+(?:og\s+|&\s+)?)*[\p{Lu}][\p{L}-]*${BODY}$|^Udvalg(?:et)?\s+for\s+[\p{L}][\p{L} ,&-]{2,60}$`, 'u');
const BODY_WORDS = ['udvalget', 'udvalg', 'Byrådet', 'Byråd', 'Kommunalbestyrelsen', 'Borgerrepræsentationen', 'Regionsrådet', 'Magistraten'];
/** What every part that names a body holds in lower case (as fromUpperCase lowers it, or as printed). */
const BODY_WORDS_LOWER = ['udvalg', 'byråd', 'kommunalbestyrelsen', 'borgerrepræsentationen', 'regionsrådet', 'magistraten'];
/** COMMITTEE ends in a body's word or starts with "Udvalg": the cheap test before the pattern. */
const mayNameCommittee = (part: string) => part.startsWith('Udvalg') || BODY_WORDS.some((w) => part.endsWith(w));
const COMMITTEE_LABELLED = /^\s*(?:Udvalg|Forum|Organ)\s*:\s*(.+?)\s*$/imu;
const PARTS = /\s+[-–|·]\s+|\s{3,}/;

/** "SOCIAL- OG PSYKIATRIUDVALGET" → "Social- og Psykiatriudvalget". */
function fromUpperCase(s: string): string {
	if (s !== s.toUpperCase() || !/\p{Lu}{3}/u.test(s)) return s;
	const lower = s.toLowerCase();
	return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function committeeOf(head: string): string | null {
	const labelled = COMMITTEE_LABELLED.exec(head);
	if (labelled && /\p{L}/u.test(labelled[1])) return fromUpperCase(labelled[1]);
	for (const line of head.split(/\r\n|[\n\r\f\u2028\u2029]/)) {
		// Only a line that holds a body's word in some case can hold a part that names one.
		const lower = line.toLowerCase();
		if (!BODY_WORDS_LOWER.some((w) => lower.includes(w))) continue;
		// "Referat, Socialudvalget, 12. marts 2025": a part set off by commas, when the whole part is no name.
		for (const raw of line.trim().split(PARTS).flatMap((p) => [p, ...p.split(/,\s+/)])) {
			const part = fromUpperCase(raw.trim().replace(/^(?:Referat|Dagsorden|Beslutningsprotokol)\s+(?:fra|for)\s+/i, ''));
			if (part.length < 80 && mayNameCommittee(part) && COMMITTEE.test(part)) return part;
		}
	}
	return null;
}

/** Where the first four non-blank lines of the head end. */
function titleBlockEnd(head: string): number {
	const lines = /^(?:\s*\S[^\n]*\n?){1,4}/.exec(head);
	return lines ? lines.index + lines[0].length : 0;
}

function meetingDateOf(head: string, labelledOnly: boolean): string | null {
	let first: string | null = null;
	for (const m of head.matchAll(DATE)) {
		const date = m[1] ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : iso(Number(m[4]), MONTHS[m[5].toLowerCase()], Number(m[6]));
		if (!date) continue;
		if (DATE_LEAD.test(head.slice(Math.max(0, m.index! - 50), m.index))) return date;
		// A date without a lead is the meeting's only in the title block, not in a later "Kommende behandlingsforløb".
		if (m.index! < titleBlockEnd(head)) first ??= date;
	}
	return labelledOnly ? null : first;
}

function municipalityIn(head: string): string | null {
	const kommune = /([\p{L}]+(?:-[\p{L}]+)?)\s+KOMMUNE\b/iu.exec(head);
	if (kommune) {
		const m = municipalityOf(kommune[1]);
		if (m) return m;
	}
	const place = /(?:Mødested|Sted)\s*:?\s*([^\n]+)/i.exec(head);
	const named = place ? [...place[1].matchAll(MUNICIPALITY_RE)][0] : undefined;
	return named ? municipalityOf(named[1]) : null;
}

/** `labelledOnly`: the head may run into the body, so only a date the text calls the meeting's counts. */
export function readMeetingHeader(header: string, labelledOnly = false): MeetingHeader {
	const head = header.slice(0, 4000);
	return { committee: committeeOf(head), meeting_date: meetingDateOf(head, labelledOnly), municipality: municipalityIn(head) };
}
