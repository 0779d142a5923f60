import { formatLocale } from 'd3';

/** Danish number formatting: 1.341.696 and 46,0 (d3 specifiers, da-DK conventions). */
export const da = formatLocale({
	decimal: ',',
	thousands: '.',
	grouping: [3],
	currency: ['', ' kr.'],
	minus: '-',
	percent: ' %'
});
