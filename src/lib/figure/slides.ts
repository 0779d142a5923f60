import { areasOf } from '$lib/data/areas';
import { budgetFacts, budgetOptions } from '$lib/data/budget';
import { klagesagerFacts, klagesagerOptions } from '$lib/data/klagesager';
import { magtanvendelseFacts, magtanvendelseOptions } from '$lib/data/magtanvendelse';
import type { Runner } from '$lib/data/runner';
import { KEY, one } from '$lib/data/urlstate';
import { afvigelseFigure, bevaegelseFigure, budgetSelection } from './budget';
import { klagesagerMunicipality, klagesagerSelection, omgoerelseFigure, udfaldFigure } from './klagesager';
import { magtFigures, magtSelection } from './magtanvendelse';
import type { Figure, FigureRef } from './types';

export type Slide = { ok: true; figure: Figure } | { ok: false; reason: string };

const NONE = new URLSearchParams();

async function draw(run: Runner, ref: FigureRef, asked: URLSearchParams): Promise<Figure | null> {
	if (ref.side === 'klagesager') {
		const options = await klagesagerOptions(run);
		const municipality = klagesagerMunicipality(asked, options.municipalities, options.defaults.municipality);
		const areas = (await areasOf(run, 'klagesager', municipality, 'omgoerelsespct')).map((a) => a.area);
		const selection = klagesagerSelection(asked, options.municipalities, municipality, areas);
		const facts = await klagesagerFacts(run, selection);
		return ref.figur === 'omgoerelse'
			? omgoerelseFigure(facts, selection, NONE)
			: udfaldFigure(facts, selection, selection.areas[0], NONE);
	}
	if (ref.side === 'budget') {
		const options = await budgetOptions(run);
		const municipality = one(asked, KEY.kommune, options.municipalities, options.municipality);
		const facts = await budgetFacts(run, municipality);
		const selection = budgetSelection(asked, municipality, facts);
		return ref.figur === 'afvigelse' ? afvigelseFigure(facts, selection, NONE) : bevaegelseFigure(facts, selection, NONE);
	}
	const options = await magtanvendelseOptions(run);
	const municipality = one(asked, KEY.kommune, options.municipalities, options.municipality);
	const facts = await magtanvendelseFacts(run, municipality);
	const figures = magtFigures(facts, magtSelection(asked, municipality, facts), NONE);
	return ref.figur === 'udfald' ? figures.udfald : (figures.others.find((f) => f.key === ref.figur) ?? null);
}

/**
 * A slide drawn from the data as its page would draw it. A selection the data no longer offers is
 * reported, never silently replaced by the page's default.
 */
export async function slideOf(run: Runner, ref: FigureRef): Promise<Slide> {
	const asked = new URLSearchParams(ref.valg);
	const figure = await draw(run, ref, asked);
	if (!figure) return { ok: false, reason: 'Der er ingen tal til denne figur i data.' };
	const drawn = new URLSearchParams(figure.ref.valg);
	for (const [key, value] of asked) {
		if (!drawn.getAll(key).includes(value)) return { ok: false, reason: `Valget «${value}» findes ikke i data.` };
	}
	return { ok: true, figure };
}
