export * from './min-stake.js';
export * from './share-pool.js';
