export { default as Plot } from './Plot.svelte';
export { default as ChartFrame } from './ChartFrame.svelte';
export { default as Sparkline } from './Sparkline.svelte';
export { default as Flag } from './Flag.svelte';
export * from './palette';
export type * from './types';
export { reflow } from './reflow';
