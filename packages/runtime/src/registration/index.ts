export * from './burn-decay.js';
export * from './burn-price.js';
