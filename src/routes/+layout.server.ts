import { buildRunner } from '$lib/data/node.server';

/** Every meeting's municipality and date: source lines name the municipality, Overblik the latest meeting. */
export const load = async () => {
	const run = await buildRunner();
	const meetings = await run.all<{ doc_id: string; municipality: string | null; meeting_date: string | null }>(
		`SELECT doc_id, municipality, CAST(meeting_date AS VARCHAR) AS meeting_date FROM documents ORDER BY doc_id`
	);
	return { meetings };
};
