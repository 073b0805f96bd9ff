/** @taonet/explorer: the explorer's server (page, history endpoints, RPC pass-through). */
export type * from './app/api-types.js';
export { History, type HistoryOptions } from './history.js';
export { Ring } from './ring.js';
export { bundleAssets, type ExplorerOptions, type RunningExplorer, startExplorer } from './server.js';
