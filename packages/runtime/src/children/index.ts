/** Child hotkeys: the pure arithmetic (stake inheritance, the dividend split with parents) and its chain side. */
export * from './child-graph.js';
export * from './inherited-stake.js';
export * from './parent-dividends.js';
export * from './dividend-distribution.js';
export * from './state-graph.js';
export * from './child-views.js';
