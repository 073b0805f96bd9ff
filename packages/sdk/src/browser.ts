/**
 * The browser-safe part of @taonet/sdk (`@taonet/sdk/client`): the typed `Subtensor` client, the
 * JSON-RPC connection (uses the page's WebSocket), typed amounts, SS58 addresses and the
 * metagraph. No wallets on disk, no axon or dendrite: nothing here imports a node: module.
 */
export * from './bytes.js';
export * from './errors.js';
export * from './keys/base58.js';
export * from './keys/ss58.js';
export * from './units/balance.js';
export * from './client/address.js';
export * from './client/decode.js';
export * from './client/json-rpc.js';
export * from './client/signer.js';
export * from './client/chain-client.js';
export * from './client/submit.js';
export * from './client/subtensor.js';
export * from './client/types.js';
export * from './metagraph/metagraph.js';
