import { dataFile } from './files';
import { live } from './live.svelte';

/** A page of a list as a page shows it: which group and page it is, and its rows. */
export interface Shown<T> {
	group: string;
	page: number;
	total: number;
	rows: T[];
}

/**
 * One list of a page, paged: the prerendered first page of the group the page opens on, any
 * other page (or group) fetched from its small file. Going to another group starts at page 1.
 */
export function paged<T>(
	first: () => { group: string; total: number; rows: T[] },
	group: () => string,
	path: (group: string, page: number) => string
) {
	let page = $state(0);
	let lastGroup: string | null = null;
	$effect.pre(() => {
		const g = group();
		if (lastGroup !== null && g !== lastGroup) page = 0;
		lastGroup = g;
	});
	const shown = live<{ group: string; page: number }, Shown<T>>(
		() => ({ ...first(), page: 0 }),
		() => {
			const g = group();
			return g === first().group && page === 0 ? null : { group: g, page };
		},
		async (s) => ({ ...s, ...(await dataFile<{ total: number; rows: T[] }>(path(s.group, s.page))) })
	);
	return {
		/** What is on screen: may still be the last page while the next one loads. */
		get shown() {
			return shown.value;
		},
		get loading() {
			return shown.loading;
		},
		get error() {
			return shown.error;
		},
		get page() {
			return page;
		},
		go(n: number) {
			page = n;
		}
	};
}
