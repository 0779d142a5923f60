import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { explorerFactsUrl } from './explorerdata';
import { FACTS_IN_MEMORY, factsInMemoryFrom, plainRow, type Param, type Row, type Runner } from './runner';

const bundles: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** DuckDB-WASM 1.28.0 (Parquet reader built in), every file from the site itself. */
export async function openWasm(dataUrl: (name: string) => string): Promise<Runner> {
	const bundle = await duckdb.selectBundle(bundles);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	const connection = await db.connect();
	await connection.query('SET autoinstall_known_extensions=false');
	await connection.query('SET autoload_known_extensions=false');
	const register = async (name: string) => {
		await db.registerFileURL(`${name}.parquet`, dataUrl(`${name}.parquet`), duckdb.DuckDBDataProtocol.HTTP, false);
		await connection.query(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${name}.parquet')`);
	};
	await register('facts');
	await register('documents');
	/** The explorer's own facts file when the build wrote one (in the default order, without ids and quotes), else facts.parquet. */
	const loadFactsInMemory = async () => {
		const url = explorerFactsUrl();
		if (!url) return void (await connection.query(FACTS_IN_MEMORY));
		await db.registerFileURL('alle.parquet', url, duckdb.DuckDBDataProtocol.HTTP, false);
		for (const statement of factsInMemoryFrom('alle.parquet')) await connection.query(statement);
	};
	let items: Promise<void> | null = null;
	let memory: Promise<void> | null = null;
	return {
		async all<T = Row>(sql: string, params: Param[] = []): Promise<T[]> {
			const statement = await connection.prepare(sql);
			try {
				const table = await statement.query(...params);
				return table.toArray().map((r: { toJSON(): unknown }) => plainRow(r.toJSON() as Record<string, unknown>)) as T[];
			} finally {
				await statement.close();
			}
		},
		withItems() {
			items ??= register('items');
			return items;
		},
		withFactsInMemory() {
			memory ??= loadFactsInMemory().then(
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
