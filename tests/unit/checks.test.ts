import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../src/lib/extract/checks';
import type { Fact, Item } from '../../src/lib/extract/types';

/** An item whose text holds `lines`; facts point at the line their quote is. */
function item(lines: string[]): Item {
	const text = lines.join('\n');
	return { doc_id: 'd', item_no: 1, title: 'Punkt', case_no: null, decision: null, text, char_start: 0, char_end: text.length };
}

function fact(it: Item, quote: string, metric: string, value: number, over: Partial<Fact> = {}): Fact {
	const start = it.text.indexOf(quote);
	if (start < 0) throw new Error(`not in the item: ${quote}`);
	const family = over.family ?? (metric.startsWith('magt') ? 'magtanvendelse' : /budget|forbrug|afvigelse|ramme/.test(metric) ? 'budget' : 'klagesager');
	return {
		fact_id: '', doc_id: 'd', item_no: 1, item_title: 'Punkt', case_no: null, committee: 'Socialudvalget', meeting_date: null,
		family, metric, entity: 'Odder', area: 'socialområdet', period: '2024', year: 2024, value,
		unit: family === 'budget' ? 'kr' : metric.endsWith('pct') ? 'pct' : 'antal',
		quote, char_start: start, char_end: start + quote.length, check: 'unchecked', check_note: null, rule: 'r', ...over
	};
}

describe('checks', () => {
	it('counts afviste sager in the whole, and accepts the omgørelsesprocent over the cases decided on the merits', () => {
		const s = 'Ankestyrelsen afgjorde 120 sager: 80 stadfæstet, 20 ændret, 12 hjemvist og 8 afvist. Omgørelsesprocenten var 28.';
		const it = item([s]);
		const facts = [
			fact(it, s, 'klagesager_antal', 120), fact(it, s, 'stadfaestet_antal', 80), fact(it, s, 'aendret_antal', 20),
			fact(it, s, 'hjemvist_antal', 12), fact(it, s, 'afvist_antal', 8), fact(it, s, 'omgoerelsespct', 28)
		];
		checkFacts(facts, [it]);
		expect(facts.map((f) => f.check)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
	});

	it('lets outcomes fall short of the whole when the item speaks of afviste sager, and not otherwise', () => {
		const s = 'Af 120 sager blev 80 stadfæstet, 20 ændret og 12 hjemvist.';
		const withAfviste = item([s, 'De øvrige sager blev afvist.']);
		const facts = () => [fact(withAfviste, s, 'klagesager_antal', 120), fact(withAfviste, s, 'stadfaestet_antal', 80), fact(withAfviste, s, 'aendret_antal', 20), fact(withAfviste, s, 'hjemvist_antal', 12)];
		const a = facts();
		checkFacts(a, [withAfviste]);
		expect(a.every((f) => f.check === 'ok')).toBe(true);
		const b = facts();
		checkFacts(b, [item([s, 'De øvrige sager er ikke nævnt.'])]);
		expect(b[0].check).toBe('inconsistent');
		expect(b[0].check_note).toContain('Delene stemmer ikke med helheden');
	});

	it('compares restatements only within the same specific area, and never two rows of one table', () => {
		const it = item(['Udvalget forventer et merforbrug på 7,6 mio. kr.', 'Botilbud 0,5', 'I alt -7,6', 'Der blev afgjort 163 sager.', 'Tabel 1', '2021 31', '2021 34']);
		const budget = [
			fact(it, 'Udvalget forventer et merforbrug på 7,6 mio. kr.', 'afvigelse_korrigeret_budget', -7_600_000, { area: 'Socialudvalget' }),
			fact(it, 'Botilbud 0,5', 'afvigelse_korrigeret_budget', 500_000, { area: 'Socialudvalget' })
		];
		const table = [fact(it, '2021 31', 'omgoerelsespct', 31), fact(it, '2021 34', 'omgoerelsespct', 34)];
		checkFacts([...budget, ...table], [it]);
		expect([...budget, ...table].map((f) => f.check)).toEqual(['unchecked', 'unchecked', 'ok', 'ok']);
	});

	it('flags a specific figure stated with two values, only the odd one out when the others agree in more places', () => {
		const it = item(['Der blev i 2024 afgjort 163 sager på socialområdet.', 'Samlet blev 163 sager afgjort.', 'I alt 161 103 20 40']);
		const facts = [
			fact(it, 'Der blev i 2024 afgjort 163 sager på socialområdet.', 'klagesager_antal', 163),
			fact(it, 'Samlet blev 163 sager afgjort.', 'klagesager_antal', 163),
			fact(it, 'I alt 161 103 20 40', 'klagesager_antal', 161)
		];
		checkFacts(facts, [it]);
		expect(facts.map((f) => f.check)).toEqual(['ok', 'ok', 'inconsistent']);
		expect(facts[2].check_note).toContain('Sandsynlig fejl: klagesager i alt 161');
		const once = [facts[0], facts[2]].map((f) => ({ ...f, check: 'unchecked' as const, check_note: null }));
		checkFacts(once, [it]);
		expect(once.map((f) => f.check)).toEqual(['inconsistent', 'inconsistent']);
	});

	it('checks a deviation against budget − forbrug, and blames only the deviation another statement contradicts', () => {
		const it = item(['Korrigeret budget 1.055,4', 'Forventet forbrug 1.063,0', 'Afvigelse -7,6', 'en afvigelse på en halv million']);
		const o = { area: 'Socialudvalget', period: '2025-04' };
		const facts = [
			fact(it, 'Korrigeret budget 1.055,4', 'korrigeret_budget', 1_055_400_000, o),
			fact(it, 'Forventet forbrug 1.063,0', 'forventet_forbrug', 1_063_000_000, o),
			fact(it, 'Afvigelse -7,6', 'afvigelse_korrigeret_budget', -7_600_000, o),
			fact(it, 'en afvigelse på en halv million', 'afvigelse_korrigeret_budget', 500_000, o)
		];
		checkFacts(facts, [it]);
		expect(facts.map((f) => f.check)).toEqual(['ok', 'ok', 'ok', 'inconsistent']);
		expect(facts[3].check_note).toContain('Sandsynlig fejl: afvigelse fra korrigeret budget 500.000');
	});

	it('checks a table\'s I alt against its rows and names the row that also mends an impossible row', () => {
		const lines = ['Tilbud Indberetninger Tilladte', 'Bostedet Fjordglimt 38 29', 'Aktivitetshuset Kærvang 21 15', 'Bofællesskabet Enghaven 14 16', 'Øvrige tilbud 22 12', 'I alt 97 72'];
		const it = item(lines);
		const rows = lines.slice(1).flatMap((l) => {
			const [, label, n, t] = /^(.*) (\d+) (\d+)$/.exec(l)!;
			const area = label === 'I alt' ? 'hele kommunen' : label;
			return [fact(it, l, 'magtanvendelser_indberettet', Number(n), { area }), fact(it, l, 'magtanvendelser_tilladte', Number(t), { area })];
		});
		checkFacts(rows, [it]);
		const indberettet = rows.filter((f) => f.metric === 'magtanvendelser_indberettet');
		expect(indberettet.every((f) => f.check === 'inconsistent')).toBe(true);
		expect(indberettet[0].check_note).toContain('38 + 21 + 14 + 22 = 95, men indberettede 97');
		expect(indberettet[0].check_note).toContain('Sandsynlig fejl: indberettede 14');
		expect(rows.find((f) => f.metric === 'magtanvendelser_tilladte' && f.value === 16)!.check).toBe('inconsistent');
		expect(rows.filter((f) => f.metric === 'magtanvendelser_tilladte' && f.value !== 16).every((f) => f.check === 'ok')).toBe(true);
	});

	it('leaves a partly read table unchecked: the missing rows would make a sound total look wrong', () => {
		const lines = ['Bostedet Fjordglimt 38', 'Et tilbud med et langt navn 20', 'I alt 58'];
		const it = item(lines);
		const facts = [
			fact(it, lines[0], 'magtanvendelser_indberettet', 38, { area: 'Bostedet Fjordglimt' }),
			fact(it, lines[2], 'magtanvendelser_indberettet', 58, { area: 'hele kommunen' })
		];
		checkFacts(facts, [it]);
		expect(facts.map((f) => f.check)).toEqual(['unchecked', 'unchecked']);
	});
});
