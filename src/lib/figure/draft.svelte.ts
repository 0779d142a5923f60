import { decodeDeck, encodeDeck, MAX_SLIDES, sameFigure } from './deck';
import type { FigureRef } from './types';

const KEY = 'noegletal.praesentation';

/** The deck being put together while browsing, kept in this browser between pages and visits. */
class Draft {
	refs = $state.raw<FigureRef[]>([]);
	#loaded = false;

	load() {
		if (this.#loaded || typeof localStorage === 'undefined') return;
		this.#loaded = true;
		try {
			this.refs = decodeDeck(localStorage.getItem(KEY)).refs;
		} catch {
			this.refs = [];
		}
	}

	set(refs: FigureRef[]) {
		this.refs = refs.slice(0, MAX_SLIDES);
		try {
			if (this.refs.length) localStorage.setItem(KEY, encodeDeck(this.refs));
			else localStorage.removeItem(KEY);
		} catch {
			/* storage may be full or off; the deck still lives in the URL */
		}
	}

	has(ref: FigureRef): boolean {
		return this.refs.some((r) => sameFigure(r, ref));
	}

	add(ref: FigureRef) {
		this.load();
		if (!this.has(ref)) this.set([...this.refs, ref]);
	}

	remove(ref: FigureRef) {
		this.set(this.refs.filter((r) => !sameFigure(r, ref)));
	}
}

export const draft = new Draft();
