import { estimate, type Measure } from './layout';
import { FIGURE_FAMILY, figureFontReady } from './font';

/** Text widths in the figure font, measured by the browser once the font is in; an estimate before. */
class FigureMeasure {
	ready = $state(false);
	#context: CanvasRenderingContext2D | null = null;

	constructor() {
		if (typeof document === 'undefined') return;
		figureFontReady().then(
			() => (this.ready = true),
			() => undefined
		);
	}

	get measure(): Measure {
		if (!this.ready) return estimate;
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
