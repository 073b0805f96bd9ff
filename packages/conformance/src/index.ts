export * from './codec.js';
export * from './compare.js';
export * from './registry.js';
export * from './run.js';
