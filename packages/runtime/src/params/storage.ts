/** Network parameters and the admin account live in state, so the admin can change them. */
import type { AccountId } from '@taonet/primitives';
import { storageValue } from '../state/storage.js';
import { DEFAULT_HYPERPARAMETERS, type SubnetHyperparameters } from './hyperparameters.js';
import { DEFAULT_NETWORK_PARAMS, type NetworkParams } from './network-params.js';

export const Params = storageValue<NetworkParams>('system.params', () => DEFAULT_NETWORK_PARAMS);
/** Hyperparameters every new subnet starts with. */
export const NewSubnetHyperparameters = storageValue<SubnetHyperparameters>(
  'system.newSubnetHyperparameters',
  () => DEFAULT_HYPERPARAMETERS,
);
/** The admin (sudo) account, set at genesis. */
export const SudoKey = storageValue<AccountId | null>('system.sudo', () => null);
/** Last block number applied and its parent hash (the runtime's only notion of time and entropy). */
export const BlockNumber = storageValue<bigint>('system.blockNumber', () => 0n);
export const ParentHash = storageValue<string>('system.parentHash', () => `0x${'00'.repeat(32)}`);
export const Timestamp = storageValue<bigint>('system.timestamp', () => 0n);
