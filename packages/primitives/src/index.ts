export * from './fixed/index.js';
