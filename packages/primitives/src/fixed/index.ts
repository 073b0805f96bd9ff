export * from './format.js';
export * as fixed from './arith.js';
export * as I32 from './i32f32.js';
export * from './convert.js';
export * from './exp.js';
export * from './number-raw.js';
