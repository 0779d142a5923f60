/** True once the browser has been idle after the first view: time to fetch what a choice may need. */
export function afterIdle(): { readonly done: boolean } {
	let done = $state(false);
	$effect(() => {
		const go = () => (done = true);
		if ('requestIdleCallback' in window) {
			const id = requestIdleCallback(go, { timeout: 2000 });
			return () => cancelIdleCallback(id);
		}
		const timer = setTimeout(go, 500);
		return () => clearTimeout(timer);
	});
	return {
		get done() {
			return done;
		}
	};
}
