import { estimate, type Measure } from './layout';
import { FIGURE_FAMILY, figureFontReady } from './font';

/**
 * Text widths in the figure font, measured by the browser once the font is in (it is fetched the
 * first time a finished figure is laid out); an estimate before that and while prerendering.
 */
class FigureMeasure {
	ready = $state(false);
	#loading: Promise<void> | null = null;
	#context: CanvasRenderingContext2D | null = null;

	/** Resolves once measurements use the real font. */
	load(): Promise<void> {
		this.#loading ??= figureFontReady().then(
			() => {
				this.ready = true;
			},
			() => undefined
		);
		return this.#loading;
	}

	get measure(): Measure {
		if (typeof document === 'undefined') return estimate;
		if (!this.ready) {
			void this.load();
			return estimate;
		}
		this.#context ??= document.createElement('canvas').getContext('2d');
		const context = this.#context;
		if (!context) return estimate;
		return (text, size, bold) => {
			context.font = `${bold ? 700 : 400} ${size}px '${FIGURE_FAMILY}'`;
			return context.measureText(text).width;
		};
	}
}

export const figureMeasure = new FigureMeasure();
