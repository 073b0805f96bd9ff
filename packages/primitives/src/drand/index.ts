export * from './drand-error.js';
export * from './round-time.js';
export * from './quicknet.js';
export * from './pulse.js';
export * from './ibe.js';
export * from './tlock-format.js';
export * from './tlock.js';
export * from './dev-beacon.js';
