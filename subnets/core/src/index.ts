export * from './base-miner.js';
export * from './base-neuron.js';
export * from './base-validator.js';
export * from './config.js';
export * from './log.js';
export * from './score-store.js';
export * from './selection.js';
