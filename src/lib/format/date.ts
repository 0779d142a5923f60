/** "2024-12-04" → "04.12.2024"; anything else unchanged, empty for null. */
export function formatDato(iso: string | null | undefined): string {
	if (!iso) return '';
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
	return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "2025-04" → "30.04.2025": the last day of a follow-up's month. */
function monthEnd(year: number, month: number): string {
	const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** Canonical periods in words: "2024-Q3" → "3. kvartal 2024", "2024-Q1-Q3" → "1.-3. kvartal 2024". */
export function formatPeriode(period: string): string {
	let m = /^(\d{4})-Q(\d)$/.exec(period);
	if (m) return `${m[2]}. kvartal ${m[1]}`;
	m = /^(\d{4})-Q(\d)-Q(\d)$/.exec(period);
	if (m) return `${m[2]}.-${m[3]}. kvartal ${m[1]}`;
	m = /^(\d{4})-H(\d)$/.exec(period);
	if (m) return `${m[2]}. halvår ${m[1]}`;
	m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
	if (m) return `pr. ${monthEnd(Number(m[1]), Number(m[2]))}`;
	return period;
}

/** The short form for axes: "2024-Q3" → "3. kv. 2024". */
export function formatPeriodeKort(period: string): string {
	let m = /^(\d{4})-Q(\d)$/.exec(period);
	if (m) return `${m[2]}. kv. ${m[1]}`;
	m = /^(\d{4})-Q(\d)-Q(\d)$/.exec(period);
	if (m) return `${m[2]}.-${m[3]}. kv. ${m[1]}`;
	m = /^(\d{4})-H(\d)$/.exec(period);
	if (m) return `${m[2]}. halvår ${m[1]}`;
	m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
	if (m) return monthEnd(Number(m[1]), Number(m[2]));
	return period;
}
