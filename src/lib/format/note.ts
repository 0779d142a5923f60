import { formatMio } from './number';

/** An amount in whole kroner as the checks write it: "58.400.000", "-8.900.000". */
const RAW_AMOUNT = /(?<![\d,.])(-?)(\d{1,3}(?:\.\d{3})+)(?!\d|[.,]\d)(\.?)/g;

/** A check's note as a reader wants it: amounts of 100.000 or more in mio. kr. ("46,0 mio. kr."). */
export function formatNote(note: string): string {
	return note.replace(RAW_AMOUNT, (whole: string, sign: string, digits: string) => {
		const value = Number(digits.replace(/\./g, ''));
		// A full stop after the amount ends the sentence; "kr." already ends with one.
		return value < 100_000 ? whole : `${sign}${formatMio(value)}`;
	});
}
