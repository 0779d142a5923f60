/** A cell for export: numbers stay numbers until the format decides. */
export type Cell = string | number | null | undefined;

const BOM = '\uFEFF';

function csvNumber(n: number): string {
	if (!Number.isFinite(n)) return '';
	const text = Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
	return text.replace('.', ',');
}

function csvText(s: string): string {
	return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for Danish Excel: UTF-8 with BOM, semicolon separated, decimal comma, CRLF lines. */
export function toDanishCsv(header: string[], rows: Cell[][]): string {
	const line = (cells: Cell[]) =>
		cells.map((c) => (typeof c === 'number' ? csvNumber(c) : csvText(c == null ? '' : String(c)))).join(';');
	return BOM + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
