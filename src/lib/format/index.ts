export * from './number';
export * from './date';
export * from './change';
export * from './csv';
export * from './labels';
export { da } from './locale';
export * from './note';
