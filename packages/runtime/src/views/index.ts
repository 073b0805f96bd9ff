export * from '../children/child-views.js';
export * from './account-views.js';
export * from './metagraph.js';
export * from './network-views.js';
export * from './subnet-views.js';
export * from './swap-views.js';
export * from './operator-views.js';
