/** Preconditions shared by the staking calls. */
import type { AccountId } from '@taonet/primitives';
import { ensure, fail } from '../errors.js';
import { Owner } from '../neurons/storage.js';
import type { State } from '../state/state.js';
import { Hyperparameters, SubtokenEnabled } from '../subnets/storage.js';

export function ensureSubnetExists(s: State, netuid: number): void {
  if (s.get(Hyperparameters, netuid) === null) fail('SubnetNotExists', `no subnet ${netuid}`);
}

/** The subnet exists and its token has started (start_call), so it can be staked into. */
export function ensureStakeable(s: State, netuid: number): void {
  ensureSubnetExists(s, netuid);
  ensure(
    s.get(SubtokenEnabled, netuid),
    'SubtokenDisabled',
    `subnet ${netuid} has not started: its owner must call start_call`,
  );
}

export function ensureHotkeyExists(s: State, hotkey: AccountId): AccountId {
  const owner = s.get(Owner, hotkey);
  if (owner === null) fail('HotKeyAccountNotExists', `hotkey ${hotkey} is not registered anywhere`);
  return owner;
}
