export * from './mechanism/index.js';
export * from './miner.js';
export * from './protocol.js';
export * from './validator.js';
