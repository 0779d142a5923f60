import notice from './fonts/LICENSE-DejaVu.txt?raw';

/**
 * The notice DejaVu Sans asks every copy to carry (Bitstream Vera and Arev licences, as stored in the
 * font's own name table); exported SVG files carry it beside the embedded font.
 */
export const FONT_LICENCE = `Font: DejaVu Sans, cut to the characters of Danish figures (from Debian's fonts-dejavu-core 2.37).\n\n${notice.trim()}`;
