/**
 * A fact's value and period are validated where the fact is made: a figure that is not a finite
 * number, or whose period is not canonical or falls outside 1900-2099, is not a fact. It is
 * dropped with a reason (the extraction's `dropped` trace), and the rest of the file stands.
 */
import type { Dropped } from './types';

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2099;

const PERIOD = /^(\d{4})(?:-(?:Q[1-4](?:-Q[1-4])?|H[12]|0[1-9]|1[0-2]|(\d{4})))?$/;

/** Why a value and period cannot be a fact, in Danish, or null when they can. A count is a whole number. */
export function valueProblem(value: number, period: string, unit?: string): string | null {
	if (!Number.isFinite(value)) return `værdien er ikke et endeligt tal (${value})`;
	if (unit === 'antal' && !Number.isInteger(value)) return `et antal er et helt tal, ikke ${String(value).replace('.', ',')}`;
	const m = PERIOD.exec(period);
	if (!m) return `perioden '${period}' har ikke en kendt form`;
	for (const y of [m[1], m[2]].filter(Boolean).map(Number)) {
		if (y < FIRST_YEAR || y > LAST_YEAR) return `året ${y} ligger uden for ${FIRST_YEAR}-${LAST_YEAR}`;
	}
	return null;
}

/** −0 is 0: a stored value never carries a sign of nothing. */
export const canonicalValue = (value: number): number => (value === 0 ? 0 : value);

/** The drop record for a figure that failed validation. */
export function invalidDrop(d: { start: number; end: number; value: number; metric?: string }, reason: string): Dropped {
	return { start: d.start, end: d.end, value: d.value, stage: 'plausibility', reason, metric: d.metric };
}
