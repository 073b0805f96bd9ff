/**
 * The runtime's public surface: what the node, the conformance runner and the benchmarks may use.
 * Anything not exported here is internal to the runtime and may change without notice.
 */

// Blocks and transactions: the node drives the chain through these.
export { applyBlock, applyExtrinsic, BlockBuilder, dryRun, InvalidBlockError } from './block/apply-block.js';
// Many empty blocks at once, exactly as many `applyBlock`s (the simulator's fast mode).
export { applyQuietBlocks, type QuietHeader } from './block/quiet-blocks.js';
export type {
  BlockHeaderInput,
  BlockInput,
  BlockResult,
  CheckedExtrinsic,
  ExtrinsicResult,
} from './block/extrinsic.js';
// The one validity rule (call, nonce, fee, balance, origin) every path asks.
export { type ValidExtrinsic, type Validity, type ValidityOptions, validateExtrinsic } from './block/validity.js';
export { transactionFee } from './block/fees.js';
// The call table, for RPC listings and docs.
export { CALLS, callDef } from './block/calls.js';
export type { Call, CallDef, SignerRole } from './system/call.js';
export type { RuntimeEvent } from './system/events.js';

// Typed errors and their catalogue; amounts with their unit, for hints and error data.
export * from './errors.js';
export * from './amounts.js';

// State: the journaled store, storage items, the digest, genesis and the invariant checks.
export { State, WriteWatcher } from './state/state.js';
export * from './state/storage.js';
export { stateDigest } from './state/digest.js';
export * as storage from './storage-items.js';
export {
  type GenesisBeacon,
  type GenesisConfig,
  GenesisError,
  type GenesisRootStake,
  genesisState,
} from './genesis.js';
export { checkInvariants, checkInvariantsFull } from './invariants.js';

// Parameters: network-wide and per-subnet, with defaults and dev presets.
export * from './params/hyperparameters.js';
export * from './params/network-params.js';

// Read models the RPC serves (one view per read method).
export * as views from './views/index.js';
// Direct reads of an account and a pool, for in-process clients (tests, simulator) that need no view.
export { freeBalance, nonceOf } from './balances/ledger.js';
export { currentPrice, poolOf } from './swap/pool-state.js';

// Pure domain maths, checked against the shared vectors by the conformance runner.
export * as children from './children/index.js';
export * as coinbase from './coinbase/index.js';
export * as epoch from './epoch/index.js';
export * as mechanisms from './mechanisms/index.js';
export * as registration from './registration/index.js';
export * as staking from './staking/index.js';
export * as subnets from './subnets/index.js';
export * as swap from './swap/index.js';
// The weight-commit hash and the per-mechanism storage index (the simulator builds commits).
export { netuidStorageIndex, weightsCommitHash } from './weights/commit-hash.js';

// The MEV shield's key rotation (the per-block inherent) and the context calls run in, for tests of
// the author's keyring that drive the very rotation blocks apply.
export { announceNextKey, SHIELD_KEY_BYTES } from './shield/announce-next-key.js';
export { Ctx } from './system/context.js';

// The beacon: how many pulses one block may carry (the author asks its source for no more).
export { MAX_PULSES_PER_BLOCK } from './drand/write-pulses.js';
