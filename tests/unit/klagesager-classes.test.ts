/**
 * Klagesager read by mechanism, each case a sentence or a small item written for this test (no
 * corpus sentence): the classes of wording and layout that minutes of other municipalities use.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/lib/extract/index';

const meta = { doc_id: 'x', file_name: 'x.txt', municipality: 'Vejle', meeting_date: '2025-04-08' };

function klagesager(body: string, title = 'Klagesager i Ankestyrelsen 2024'): string[] {
	const text = `Punkt 1: ${title}\n\nSagsnr. 25/1\n\n${body}\n`;
	return extractDocument(text, meta)
		.facts.filter((f) => f.family === 'klagesager')
		.map((f) => `${f.metric} ${f.entity} ${f.area} ${f.period} ${f.value}`)
		.sort();
}

describe('areas named by a phrase', () => {
	it('"det sociale område" is socialområdet', () => {
		expect(klagesager('Ankestyrelsen afgjorde i 2024 i alt 212 klagesager fra Vejle Kommune inden for det sociale område.')).toEqual([
			'klagesager_antal Vejle socialområdet 2024 212'
		]);
	});
});
