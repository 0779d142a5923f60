import type { FactDraft, ItemContext } from './context';
export function otherFigures(_ctx: ItemContext, _taken: FactDraft[]): FactDraft[] { return []; }
