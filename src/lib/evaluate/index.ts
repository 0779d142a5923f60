/** Scoring the extractor against an answer key (pure; the CLI in scripts/evaluate.ts does the I/O). */
export * from './expected';
export * from './score';
export * from './rules';
export * from './report';
export * from './consistency';
export * from './corpus';
export * from './explain';
