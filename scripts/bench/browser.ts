/** Browser figures of the built dashboard in Chromium (filled in once the dashboard is built). */

export interface BrowserResult {
	rows: [string, string, string][];
	[key: string]: unknown;
}

export async function runBrowserBench(_root: string, _seed: number): Promise<BrowserResult | { skipped: string }> {
	return { skipped: 'not measured yet' };
}
