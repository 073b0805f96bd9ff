export * from './block-emission.js';
export * from './emission-shares.js';
export * from './moving-price.js';
export * from './root-proportion.js';
export * from './run-coinbase.js';
export * from './tao-flow.js';
