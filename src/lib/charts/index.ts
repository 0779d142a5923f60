export { default as LineChart } from './LineChart.svelte';
export { default as StackedBars } from './StackedBars.svelte';
export { default as DivergingBars } from './DivergingBars.svelte';
export { default as Bars } from './Bars.svelte';
export { default as Sparkline } from './Sparkline.svelte';
export { default as Flag } from './Flag.svelte';
export * from './palette';
export type * from './types';
