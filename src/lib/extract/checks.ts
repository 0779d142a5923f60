import type { Fact } from './types';
export function checkFacts(_facts: Fact[]): void {}
