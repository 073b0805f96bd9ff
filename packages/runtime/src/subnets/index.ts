export * from './dissolve-split.js';
export * from './lock-cost.js';
export * from './median-price.js';
export * from './network-prune.js';
export * from './pool-seed.js';
export * from './epoch-schedule.js';
