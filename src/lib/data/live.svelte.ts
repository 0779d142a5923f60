export interface Live<T> {
	readonly value: T;
	readonly loading: boolean;
	readonly error: string;
}

/**
 * Prerendered data for the default view; for any other selection, what `fetch` answers (a small
 * file the build wrote, or the browser's SQL engine for the explorer). `selection` returns null
 * for the default view.
 */
export function live<S, T>(
	initial: () => T,
	selection: () => S | null,
	fetch: (selection: S) => Promise<T>
): Live<T> {
	let value = $state.raw(initial());
	let loading = $state(false);
	let error = $state('');
	let generation = 0;
	$effect(() => {
		const s = selection();
		const mine = ++generation;
		if (s === null) {
			value = initial();
			loading = false;
			error = '';
			return;
		}
		loading = true;
		fetch(s).then(
				(v) => {
					if (mine !== generation) return;
					value = v;
					loading = false;
					error = '';
				},
				() => {
					if (mine !== generation) return;
					loading = false;
					error = 'Tallene for dette valg kunne ikke hentes. Siden viser standardvisningen.';
				}
			);
	});
	return {
		get value() {
			return value;
		},
		get loading() {
			return loading;
		},
		get error() {
			return error;
		}
	};
}
