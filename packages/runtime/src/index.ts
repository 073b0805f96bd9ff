export * as epoch from './epoch/index.js';
