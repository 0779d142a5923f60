import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium against the built site; one file at a time (the machine has 2 cores). */
export default defineConfig({
	test: {
		include: ['tests/browser/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/browser/global-setup.ts'],
		pool: 'forks',
		maxWorkers: 1,
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 180_000
	}
});
