export * from './account-views.js';
export * from './metagraph.js';
export * from './subnet-views.js';
