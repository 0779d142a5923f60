/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies), darkened where needed so
 * that marks reach 3:1 against white; text is drawn in INK, never in these colours alone.
 * tests/unit/palette.test.ts checks contrast, colour-blind and projector differences.
 */
export const SERIES = ['#0072B2', '#B84D00', '#A8458B', '#007A5A', '#8A6D00', '#5B4B8A'] as const;
export const NATIONAL = '#555555';
export const INK = '#1a1a1a';
export const MUTED = '#595959';
export const GRID = '#d9d9d9';
export const FLAG = '#B00020';
/** The part of a stated total the minutes do not break down: light, outlined, never a series colour. */
export const UNKNOWN = '#ECECEC';

/** Outcome colours for stadfæstet/ændret/hjemvist and the like: one meaning, one colour, on every page. */
export const OUTCOMES: Record<string, string> = {
	stadfaestet_antal: '#0072B2',
	aendret_antal: '#B84D00',
	hjemvist_antal: '#A8458B',
	magtanvendelser_tilladte: '#0072B2',
	magtanvendelser_ikke_tilladte: '#B84D00',
	magtanvendelser_ikke_magtanvendelse: '#A8458B',
	magtanvendelser_uafgjort: '#767676'
};

export function seriesColour(index: number): string {
	return SERIES[index % SERIES.length];
}

/** Merforbrug and mindreforbrug in the diverging bars. */
export const MERFORBRUG = '#B34700';
export const MINDREFORBRUG = '#0072B2';
