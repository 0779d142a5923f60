import type { FactDraft, ItemContext } from './context';
export function budget(_ctx: ItemContext): FactDraft[] { return []; }
