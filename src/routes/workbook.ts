import type { Cell } from '$lib/format';

/** Excel number formats; Excel shows them with the reader's separators (1.341.696 in Danish Excel). */
function numberFormat(kind: string, unit: string): string | undefined {
	if (kind === 'deltapct') return '+0.0" %";-0.0" %";0" %"';
	if (kind === 'pp') return '+0" procentpoint";-0" procentpoint";0" procentpoint"';
	if (kind !== 'value') return undefined;
	if (unit === 'kr') return '#,##0" kr."';
	if (unit === 'pct') return '0" %"';
	return '#,##0';
}

/** The visible table as an XLSX workbook; exceljs is fetched only when someone asks for it. */
export async function saveWorkbook(
	title: string,
	header: string[],
	body: Cell[][],
	units: string[],
	kinds: string[]
): Promise<Blob> {
	const { default: ExcelJS } = await import('exceljs');
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(title.replace(/[*?:\\/[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Tal');
	sheet.addRow(header).font = { bold: true };
	body.forEach((cells, r) => {
		const row = sheet.addRow(cells.map((c) => (c === undefined ? null : c)));
		cells.forEach((c, i) => {
			const format = typeof c === 'number' ? numberFormat(kinds[i], units[r]) : undefined;
			if (format) row.getCell(i + 1).numFmt = format;
		});
	});
	sheet.columns.forEach((column, i) => {
		column.width = Math.min(48, Math.max(12, header[i].length + 4));
	});
	const buffer = await workbook.xlsx.writeBuffer();
	return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
