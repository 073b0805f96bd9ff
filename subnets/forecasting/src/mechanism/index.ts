/**
 * The forecasting subnet's mechanism: pure and deterministic, shared by the simulator, the miners
 * and the validator, so all of them run the same scoring code. It imports nothing with I/O.
 */
export * from './prng.js';
export * from './market.js';
export * from './crps.js';
export * from './forecast.js';
export * from './baseline.js';
export * from './scoring.js';
export * from './nelder-mead.js';
export * from './honest-model.js';
export * from './cheaters.js';
