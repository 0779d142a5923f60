import { page } from '$app/state';

/**
 * The page's URL parameters, empty while prerendering and hydrating (so the first view matches the
 * prerendered HTML), then following every navigation.
 */
export function urlParams(): { readonly current: URLSearchParams } {
	let current = $state.raw(new URLSearchParams());
	$effect(() => {
		current = new URLSearchParams(page.url.search);
	});
	return {
		get current() {
			return current;
		}
	};
}
