import { getContext, setContext } from 'svelte';

const KEY = Symbol('still');

/** Marks below draw as plain shapes: no links, no tooltips (exports, slides, print). */
export function setStill(): void {
	setContext(KEY, true);
}

export function isStill(): boolean {
	return getContext<boolean | undefined>(KEY) === true;
}
