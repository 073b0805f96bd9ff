/**
 * A small chain for neuron and weight tests, written straight into storage: subnet creation is not
 * used, so these tests depend only on the storage schema. Accounts are numbered: `coldkey(1)`,
 * `hotkey(1)`, … are distinct deterministic ids.
 */
import { type AccountId, accountId, RAO_PER_TAO } from '@taonet/primitives';
import { expect } from 'vitest';
import { credit } from '../../src/balances/ledger.js';
import type { Args } from '../../src/system/args.js';
import { applyExtrinsic } from '../../src/block/apply-block.js';
import { callDef } from '../../src/block/calls.js';
import type { ExtrinsicResult } from '../../src/block/extrinsic.js';
import { nonceOf } from '../../src/balances/ledger.js';
import { RuntimeError } from '../../src/errors.js';
import { pairHotkey } from '../../src/neurons/ownership.js';
import { registerNeuron } from '../../src/neurons/register-neuron.js';
import { Burn, type EpochColumns, EpochResults, Keys } from '../../src/neurons/storage.js';
import { DEFAULT_HYPERPARAMETERS, type SubnetHyperparameters } from '../../src/params/hyperparameters.js';
import { BlockNumber } from '../../src/params/storage.js';
import { State } from '../../src/state/state.js';
import {
  Hyperparameters,
  LastEpochBlock,
  Mechanism,
  Netuids,
  SubnetEpochIndex,
  SubnetOwner,
  SubnetOwnerHotkey,
} from '../../src/subnets/storage.js';
import { SubnetAlphaIn, SubnetTao } from '../../src/swap/storage.js';
import { Ctx } from '../../src/system/context.js';

const id = (prefix: string, n: number): AccountId =>
  accountId(`0x${prefix}${n.toString(16).padStart(64 - prefix.length, '0')}`);
export const coldkey = (n: number): AccountId => id('c0', n);
export const hotkey = (n: number): AccountId => id('a0', n);
export const AUTHOR = id('ff', 1);

export interface SubnetSetup {
  readonly netuid?: number;
  readonly hp?: Partial<SubnetHyperparameters>;
  /** Registration price (rao); 1 TAO unless given. */
  readonly burn?: bigint;
  readonly tao?: bigint;
  readonly alpha?: bigint;
  /** 1 = dynamic pool (default), 0 = stable. */
  readonly mechanism?: number;
  readonly owner?: AccountId;
  readonly ownerHotkey?: AccountId;
  /** Block of the last epoch; with tempo 360 the next one is due 360 blocks later. */
  readonly lastEpochBlock?: bigint;
}

/** Writes a subnet's storage directly and returns its netuid. */
export function addSubnet(s: State, setup: SubnetSetup = {}): number {
  const netuid = setup.netuid ?? 1;
  s.put(
    Netuids,
    [...new Set([...s.value(Netuids), netuid])].sort((a, b) => a - b),
  );
  s.set(Hyperparameters, netuid, { ...DEFAULT_HYPERPARAMETERS, ...setup.hp });
  s.set(Mechanism, netuid, setup.mechanism ?? 1);
  s.set(SubnetTao, netuid, setup.tao ?? 100n * RAO_PER_TAO);
  s.set(SubnetAlphaIn, netuid, setup.alpha ?? 100n * RAO_PER_TAO);
  s.set(Burn, netuid, setup.burn ?? RAO_PER_TAO);
  if (setup.owner !== undefined) s.set(SubnetOwner, netuid, setup.owner);
  if (setup.ownerHotkey !== undefined) s.set(SubnetOwnerHotkey, netuid, setup.ownerHotkey);
  s.set(LastEpochBlock, netuid, setup.lastEpochBlock ?? 0n);
  return netuid;
}

export function fund(s: State, who: AccountId, amount: bigint): void {
  credit(s, who, amount);
}

/** A context for block `block` (also recorded as the last applied block). */
export function ctxAt(s: State, block: bigint): Ctx {
  s.put(BlockNumber, block);
  return new Ctx(s, { number: block, parentHash: `0x${'00'.repeat(32)}`, author: AUTHOR, timestamp: block * 12_000n });
}

/** Gives `hot` a uid without paying, as subnet registration does for the owner hotkey. */
export function registerFree(ctx: Ctx, netuid: number, cold: AccountId, hot: AccountId): number {
  pairHotkey(ctx.state, cold, hot);
  return registerNeuron(ctx, netuid, hot);
}

/** Registers hotkeys 1..n for coldkeys 1..n at the context's block. */
export function fillSubnet(ctx: Ctx, netuid: number, n: number, first = 1): number[] {
  return Array.from({ length: n }, (_, i) => registerFree(ctx, netuid, coldkey(first + i), hotkey(first + i)));
}

/** Epoch outputs as an epoch would leave them; only the given columns differ from zero. */
export function setEpochColumns(
  s: State,
  netuid: number,
  cols: { validatorPermit?: boolean[]; emission?: bigint[]; consensus?: number[] },
): EpochColumns {
  const n = s.get(Keys, netuid).length;
  const zeros = (): number[] => new Array<number>(n).fill(0);
  const columns: EpochColumns = {
    active: new Array<boolean>(n).fill(true),
    validatorPermit: cols.validatorPermit ?? new Array<boolean>(n).fill(false),
    emission: cols.emission ?? new Array<bigint>(n).fill(0n),
    consensus: cols.consensus ?? zeros(),
    incentive: zeros(),
    dividends: zeros(),
    validatorTrust: zeros(),
    stakeWeight: zeros(),
  };
  s.set(EpochResults, netuid, columns);
  return columns;
}

/** Moves the subnet into its next epoch at `block`, as the coinbase would. */
export function runEpochAt(s: State, netuid: number, block: bigint): void {
  s.set(SubnetEpochIndex, netuid, s.get(SubnetEpochIndex, netuid) + 1n);
  s.set(LastEpochBlock, netuid, block);
}

/** Runs a call as the dispatcher would (parse, then run, in a transaction) and returns its events. */
export function call(ctx: Ctx, who: AccountId, method: string, args: Args): Ctx['events'] {
  const def = callDef(method);
  if (def === undefined) throw new Error(`no call ${method}`);
  const before = ctx.events.length;
  try {
    ctx.state.transactional(() => def.run(ctx, who, def.parse(args)));
  } catch (e) {
    ctx.events.splice(before);
    throw e;
  }
  return ctx.events.splice(before);
}

/**
 * Runs a call that must fail with `code` and checks that it changed nothing; returns the error for
 * further checks on its hint.
 */
export function expectFailure(ctx: Ctx, who: AccountId, method: string, args: Args, code: string): RuntimeError {
  const before = [...ctx.state.allEntries()];
  let caught: unknown;
  try {
    call(ctx, who, method, args);
  } catch (e) {
    caught = e;
  }
  expect(caught, `${method} should fail with ${code}`).toBeInstanceOf(RuntimeError);
  const err = caught as RuntimeError;
  expect(err.code).toBe(code);
  expect([...ctx.state.allEntries()]).toEqual(before);
  return err;
}

/** Submits a signed extrinsic through the real dispatcher (fee, nonce, revert on failure). */
export function submit(ctx: Ctx, signer: AccountId, method: string, args: Args): ExtrinsicResult {
  return applyExtrinsic(ctx, { signer, nonce: nonceOf(ctx.state, signer), call: { method, args }, length: 100 });
}

export function newState(): State {
  return new State();
}
