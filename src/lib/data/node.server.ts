import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { FACTS_IN_MEMORY, plainRow, type Param, type Runner } from './runner';

/** Where the build reads facts from: NOEGLETAL_DATA or static/data. */
export function dataDir(): string {
	return resolve(process.env.NOEGLETAL_DATA ?? 'static/data');
}

function literal(path: string): string {
	return `'${path.replace(/'/g, "''")}'`;
}

/** One whole data set: the generation `.current` points to (see scripts/lib/publish.ts), resolved once. */
function currentSet(dir: string): string {
	try {
		return realpathSync(resolve(dir, '.current'));
	} catch {
		return dir;
	}
}

/** A runner over the data set in `folder` (its current generation). */
export async function openRunner(folder: string): Promise<Runner> {
	const dir = currentSet(folder);
	for (const name of ['facts', 'documents']) {
		const file = resolve(dir, `${name}.parquet`);
		if (!existsSync(file)) throw new Error(`${file} findes ikke: kør "npm run extract" før build`);
	}
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	await connection.run('SET autoinstall_known_extensions=false');
	await connection.run('SET autoload_known_extensions=false');
	await connection.run(`CREATE VIEW facts AS SELECT * FROM read_parquet(${literal(resolve(dir, 'facts.parquet'))})`);
	await connection.run(`CREATE VIEW documents AS SELECT * FROM read_parquet(${literal(resolve(dir, 'documents.parquet'))})`);
	let items = false;
	let memory: Promise<void> | null = null;
	return {
		async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
			const reader = await connection.runAndReadAll(sql, params);
			return reader.getRowObjectsJS().map((r) => plainRow(r as Record<string, unknown>)) as T[];
		},
		async withItems() {
			if (items) return;
			await connection.run(`CREATE VIEW items AS SELECT * FROM read_parquet(${literal(resolve(dir, 'items.parquet'))})`);
			items = true;
		},
		withFactsInMemory() {
			memory ??= connection.run(FACTS_IN_MEMORY).then(
				() => undefined,
				(error: unknown) => {
					memory = null;
					throw error;
				}
			);
			return memory;
		}
	};
}

let runner: Promise<Runner> | null = null;

/** The build-time runner, opened once per build. */
export function buildRunner(): Promise<Runner> {
	runner ??= openRunner(dataDir());
	return runner;
}
