import { asset } from '$app/paths';
import type { Runner } from './runner';

/** How far the browser's SQL engine has come; the layout tells the user when it fails. */
export const engine = $state({ phase: 'idle' as 'idle' | 'loading' | 'ready' | 'failed', message: '' });

const TIMEOUT_MS = 10_000;
let starting: Promise<Runner> | null = null;

function dataUrl(name: string): string {
	return new URL(asset(`/data/${name}`), location.href).href;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('timeout')), ms);
		promise.then(
			(v) => (clearTimeout(timer), resolve(v)),
			(e) => (clearTimeout(timer), reject(e))
		);
	});
}

async function start(): Promise<Runner> {
	engine.phase = 'loading';
	try {
		const { openWasm } = await import('./wasm');
		const runner = await withTimeout(openWasm(dataUrl), TIMEOUT_MS);
		engine.phase = 'ready';
		return runner;
	} catch (error) {
		engine.phase = 'failed';
		engine.message =
			error instanceof Error && error.message === 'timeout'
				? 'Databasen i browseren kunne ikke starte inden for 10 sekunder. Siden viser de forudberegnede tal; filtre og opslag i kilderne virker ikke lige nu. Prøv at genindlæse siden.'
				: 'Databasen i browseren kunne ikke starte. Siden viser de forudberegnede tal; filtre og opslag i kilderne virker ikke lige nu.';
		throw error;
	}
}

/** The browser's SQL engine, started once, on first use. */
export function getEngine(): Promise<Runner> {
	starting ??= start();
	return starting;
}
