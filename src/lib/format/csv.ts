/** A cell for export: numbers stay numbers until the format decides. */
export type Cell = string | number | null | undefined;

const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (or as a DDE command): it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return. Such a cell gets a leading apostrophe, which Excel and
 * LibreOffice read as "this is text" (OWASP's advice for CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvNumber(n: number): string {
	if (!Number.isFinite(n)) return '';
	const text = Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
	return (Object.is(n, -0) ? '0' : text).replace('.', ',');
}

/** A text cell as CSV: neutralised if it could start a formula, quoted if it holds `;`, `"` or a line break. */
export function csvText(s: string): string {
	const safe = FORMULA_START.test(s) ? `'${s}` : s;
	return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for Danish Excel: UTF-8 with BOM, semicolon separated, decimal comma, CRLF lines. */
export function toDanishCsv(header: string[], rows: Cell[][]): string {
	const line = (cells: Cell[]) =>
		cells.map((c) => (typeof c === 'number' ? csvNumber(c) : csvText(c == null ? '' : String(c)))).join(';');
	return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
