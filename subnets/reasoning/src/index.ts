/** @taonet/subnet-reasoning: for now, the pure mechanism (see ./mechanism). */
export * from './mechanism/index.js';
