/** The benchmark's table on the terminal: measure, value, the target or floor beside it, a note. */

export type Row = [string, string, string, string];

export function printTable(rows: readonly Row[], out: NodeJS.WritableStream = process.stdout): void {
	const head: Row = ['measure', 'value', 'target', 'note'];
	const all = [head, ...rows];
	const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
	const line = (r: Row) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
	out.write(`${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n`);
	for (const r of rows) out.write(`${line(r)}\n`);
}
