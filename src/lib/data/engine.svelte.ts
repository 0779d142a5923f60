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
				? 'Databasen i browseren kunne ikke starte inden for 10 sekunder. Søgning, sortering og filtre her virker ikke lige nu; de andre sider og kilderne til tallene virker. Prøv at genindlæse siden.'
				: 'Databasen i browseren kunne ikke starte. Søgning, sortering og filtre her virker ikke lige nu; de andre sider og kilderne til tallene virker.';
		throw error;
	}
}

/** Starts the engine once the page is idle (the explorer: its first view is prerendered). */
export function startWhenIdle(): void {
	const start = () => void getEngine().catch(() => undefined);
	if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 1500 });
	else setTimeout(start, 300);
}

/** The browser's SQL engine, started once, on first use. */
export function getEngine(): Promise<Runner> {
	starting ??= start();
	return starting;
}
