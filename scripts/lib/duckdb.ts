/**
 * DuckDB's Node API, loaded with require: imported as an ES module, the CommonJS package has
 * every one of its files scanned for exports at each start (about 0.2 s of CPU, and as much
 * again compiling the scanner).
 */
import { createRequire } from 'node:module';

type Api = typeof import('@duckdb/node-api');
const api = createRequire(import.meta.url)('@duckdb/node-api') as Api;

export const { DuckDBInstance, DuckDBDateValue } = api;
export type DuckDBInstance = import('@duckdb/node-api').DuckDBInstance;
export type DuckDBDateValue = import('@duckdb/node-api').DuckDBDateValue;
export type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
