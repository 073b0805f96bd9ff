/**
 * The reasoning-puzzle subnet's mechanism: procedurally generated environments with exact
 * checkers, an honest solver, cheating miners, per-environment evaluation and Pareto weights.
 * Pure and deterministic: it imports only @taonet/primitives and does no I/O.
 */
export * from './prng.js';
export * from './environment.js';
export * from './challenge.js';
export * from './envs/toy-language.js';
export * from './envs/interpreter.js';
export * from './envs/program-output.js';
export * from './envs/linear-system.js';
export * from './envs/sat.js';
export * from './envs/shortest-path.js';
export * from './envs/registry.js';
export * from './miner.js';
export * from './solver.js';
export * from './cheaters.js';
export * from './evaluation.js';
export * from './pareto.js';
export * from './tournament.js';
