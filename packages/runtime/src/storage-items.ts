/** Every storage item, for tools that read state directly (node persistence, tests, explorers). */
export * from './balances/storage.js';
export * from './children/storage.js';
export * from './commitments/storage.js';
export * from './drand/storage.js';
export * from './identity/storage.js';
export * from './key-swaps/storage.js';
export * from './neurons/storage.js';
export * from './params/storage.js';
export * from './proxy/storage.js';
export * from './root/storage.js';
export * from './staking/storage.js';
export * from './subnets/storage.js';
export * from './swap/storage.js';
export * from './weights/storage.js';
export * from './shield/storage.js';
