/** The closing lines of a run; printed last, since the last lines of output are what gets read. */
import { UNKNOWN_MUNICIPALITY } from '../../src/lib/extract/places';
import { KEY_FAMILIES, type Fact } from '../../src/lib/extract/types';
import { OUTPUT_FILES } from './schema';

/** Counts of facts per family and of inconsistent facts, kept as files complete. */
export class FactTally {
	readonly families = new Map<string, number>(KEY_FAMILIES.map((f) => [f, 0]));
	total = 0;
	inconsistent = 0;
	/** Files whose facts are keyed to "ukendt kommune": no manifest, text or --municipality named it. */
	unknownMunicipality = 0;

	add(facts: readonly Fact[]): void {
		if (facts.some((f) => f.entity === UNKNOWN_MUNICIPALITY)) this.unknownMunicipality++;
		for (const fact of facts) {
			this.families.set(fact.family, (this.families.get(fact.family) ?? 0) + 1);
			if (fact.check === 'inconsistent') this.inconsistent++;
		}
		this.total += facts.length;
	}
}

export interface RunReport {
	filesTotal: number;
	filesRead: number;
	/** Of the files read, how many came unchanged from the cache. */
	fromCache?: number;
	items: number;
	facts: FactTally;
	/** The names written into the output folder. */
	outputs?: readonly string[];
	/** One line per failed file or bad manifest: "path: reason". */
	errors: readonly string[];
	outDir: string;
	/** Whether extraction was tried (false when the output folder could not be used). */
	attempted?: boolean;
	/** Whether the output files were replaced. */
	written: boolean;
	seconds: number;
}

export function familyCounts(tally: FactTally): [string, number][] {
	const counts = tally.families;
	const rest = [...counts.keys()].filter((f) => !KEY_FAMILIES.includes(f as never)).sort();
	return [...KEY_FAMILIES, ...rest].map((f) => [f, counts.get(f) ?? 0]);
}

export function summaryLines(report: RunReport): string[] {
	const failed = report.filesTotal - report.filesRead;
	const families = familyCounts(report.facts)
		.map(([family, n]) => `${family} ${n}`)
		.join(', ');
	const head =
		report.attempted === false
			? `extract: none of ${report.filesTotal} files extracted: the output folder cannot be used (${report.seconds.toFixed(1)} s)`
			: `extract: ${report.filesRead} of ${report.filesTotal} files read${report.fromCache ? ` (${report.fromCache} unchanged, from the cache)` : ''}${failed ? `, ${failed} failed` : ''} (${report.seconds.toFixed(1)} s)`;
	const lines = [
		head,
		`  items: ${report.items}`,
		`  facts: ${report.facts.total} (${families})`,
		`  inconsistent facts: ${report.facts.inconsistent}`
	];
	if (report.facts.unknownMunicipality)
		lines.push(
			`  ukendt kommune: ${report.facts.unknownMunicipality} fil${report.facts.unknownMunicipality === 1 ? '' : 'er'} uden kendt kommune; tallene står under "${UNKNOWN_MUNICIPALITY}" (angiv --municipality NAVN eller en manifest.json)`
		);
	lines.push(
		report.written
			? `  written: ${(report.outputs ?? OUTPUT_FILES).join(', ')} in ${report.outDir}/`
			: `  NOT written: the previous files in ${report.outDir}/ are unchanged`
	);
	if (report.errors.length === 0) lines.push('  errors: none');
	else {
		lines.push(`  errors: ${report.errors.length}`);
		for (const error of report.errors) lines.push(`    ${error}`);
	}
	return lines;
}
