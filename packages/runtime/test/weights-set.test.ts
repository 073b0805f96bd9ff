/** set_weights: validation order and errors, what is stored, the rate limit and its hint. */
import { beforeEach, describe, expect, it } from 'vitest';
import { RuntimeError } from '../src/errors.js';
import { LastUpdate } from '../src/neurons/storage.js';
import { DEFAULT_NETWORK_PARAMS } from '../src/params/network-params.js';
import { Params } from '../src/params/storage.js';
import type { State } from '../src/state/state.js';
import { TotalHotkeyAlpha } from '../src/staking/storage.js';
import { nextWeightsAllowedBlock } from '../src/weights/next-allowed.js';
import { applyWeights } from '../src/weights/set-weights.js';
import { Weights } from '../src/weights/storage.js';
import {
  addSubnet,
  call,
  coldkey,
  ctxAt,
  expectFailure,
  fillSubnet,
  hotkey,
  newState,
  registerFree,
  setEpochColumns,
  submit,
} from './utils/neuron-fixture.js';

let s: State;

/**
 * Subnet 1, commit-reveal off, rate limit 100: uids 0..3 = hotkeys 1..4 registered at block 10;
 * uids 0 and 1 hold validator permits; hotkey 4 (uid 3) is the subnet owner hotkey.
 */
beforeEach(() => {
  s = newState();
  addSubnet(s, {
    netuid: 1,
    owner: coldkey(4),
    ownerHotkey: hotkey(4),
    hp: { commitRevealEnabled: false, weightsSetRateLimit: 100n, minAllowedWeights: 1 },
  });
  fillSubnet(ctxAt(s, 10n), 1, 4);
  setEpochColumns(s, 1, { validatorPermit: [true, true, false, false] });
});

const set = (block: bigint, hot: number, uids: number[], values: number[], versionKey = 0n, netuid = 1) =>
  call(ctxAt(s, block), hotkey(hot), 'set_weights', { netuid, uids, values, versionKey });
const fails = (
  block: bigint,
  hot: number,
  uids: number[],
  values: number[],
  code: string,
  versionKey = 0n,
  netuid = 1,
) => expectFailure(ctxAt(s, block), hotkey(hot), 'set_weights', { netuid, uids, values, versionKey }, code);
const row = (netuid: number, uid: number) => {
  const r = s.get(Weights, [netuid, uid]);
  return r === null ? null : { cols: Array.from(r.cols), vals: Array.from(r.vals) };
};

describe('set_weights', () => {
  it('stores max-upscaled values in submission order and refreshes LastUpdate', () => {
    const events = set(200n, 1, [3, 1, 2], [1, 2, 0]);
    expect(row(1, 0)).toEqual({ cols: [3, 1, 2], vals: [32768, 65535, 0] });
    expect(s.get(LastUpdate, 1)).toEqual([200n, 10n, 10n, 10n]);
    expect(events).toEqual([{ name: 'WeightsSet', data: { netuid: 1, uid: 0 } }]);
  });

  it('keeps all-zero weights as zeros', () => {
    set(200n, 1, [0, 1], [0, 0]);
    expect(row(1, 0)).toEqual({ cols: [0, 1], vals: [0, 0] });
  });

  it('replaces the previous row', () => {
    set(200n, 1, [0, 1], [5, 5]);
    set(300n, 1, [2], [7]);
    expect(row(1, 0)).toEqual({ cols: [2], vals: [65535] });
  });

  it('is free through the dispatcher, and a failure is recorded without changing the weights', () => {
    const ok = submit(ctxAt(s, 200n), hotkey(1), 'set_weights', { netuid: 1, uids: [1], values: [1], versionKey: 0n });
    expect(ok).toMatchObject({ ok: true, fee: 0n });
    const bad = submit(ctxAt(s, 201n), hotkey(1), 'set_weights', { netuid: 1, uids: [2], values: [1], versionKey: 0n });
    expect(bad.error).toMatchObject({ code: 'SettingWeightsTooFast', hint: 'next allowed at block 300' });
    expect(row(1, 0)).toEqual({ cols: [1], vals: [65535] });
  });
});

describe('set_weights refusals (state unchanged), in validation order', () => {
  it('CommitRevealEnabled comes first when the subnet uses commit-reveal', () => {
    addSubnet(s, { netuid: 2, hp: { commitRevealEnabled: true } });
    fails(200n, 9, [0], [1, 2], 'CommitRevealEnabled', 0n, 2);
  });

  it('CanNotSetRootNetworkWeights', () => {
    addSubnet(s, { netuid: 0, hp: { commitRevealEnabled: false } });
    fails(200n, 1, [0], [1], 'CanNotSetRootNetworkWeights', 0n, 0);
  });

  it('WeightVecNotEqualSize', () => {
    fails(200n, 9, [0, 1], [1], 'WeightVecNotEqualSize');
  });

  it('MechanismDoesNotExist for a subnet that does not exist', () => {
    const ctx = ctxAt(s, 200n);
    const before = [...s.allEntries()];
    const run = () =>
      s.transactional(() => applyWeights(ctx, hotkey(1), { netuid: 7, uids: [0], values: [1], versionKey: 0n }));
    expect(run).toThrow(RuntimeError);
    expect(run).toThrow(/MechanismDoesNotExist/);
    expect([...s.allEntries()]).toEqual(before);
  });

  it('a missing subnet reads as commit-reveal on, as unset storage does on the reference chain', () => {
    fails(200n, 1, [0], [1], 'CommitRevealEnabled', 0n, 7);
  });

  it('UidsLengthExceedUidsInSubNet', () => {
    fails(200n, 1, [0, 1, 2, 3, 4], [1, 1, 1, 1, 1], 'UidsLengthExceedUidsInSubNet');
  });

  it('HotKeyNotRegisteredInSubNet', () => {
    fails(200n, 9, [0], [1], 'HotKeyNotRegisteredInSubNet');
  });

  it('NotEnoughStakeToSetWeights, unless the hotkey has the stake or is the owner', () => {
    s.put(Params, { ...DEFAULT_NETWORK_PARAMS, stakeThreshold: 1000n });
    const err = fails(200n, 1, [1], [1], 'NotEnoughStakeToSetWeights');
    expect(err.hint).toBe('stake 0, threshold 1000');
    s.set(TotalHotkeyAlpha, [hotkey(1), 1], 1000n);
    set(200n, 1, [1], [1]);
    set(200n, 4, [0], [1]);
  });

  it('IncorrectWeightVersionKey below the subnet version key', () => {
    addSubnet(s, { netuid: 2, hp: { commitRevealEnabled: false, weightsVersionKey: 5n } });
    registerFree(ctxAt(s, 10n), 2, coldkey(1), hotkey(1));
    const err = fails(200n, 1, [0], [1], 'IncorrectWeightVersionKey', 4n, 2);
    expect(err.hint).toContain('5');
    set(200n, 1, [0], [1], 5n, 2);
  });

  it('SettingWeightsTooFast, with the next allowed block in the hint', () => {
    const err = fails(109n, 1, [1], [1], 'SettingWeightsTooFast');
    expect(err.hint).toBe('next allowed at block 110');
    set(110n, 1, [1], [1]);
    expect(nextWeightsAllowedBlock(s, 1, hotkey(1))).toBe(210n);
    expect(fails(209n, 1, [1], [1], 'SettingWeightsTooFast').hint).toBe('next allowed at block 210');
  });

  it('the rate limit is checked before the permit', () => {
    fails(50n, 3, [0], [1], 'SettingWeightsTooFast');
  });

  it('NeuronNoValidatorPermit, except for a self-weight or the owner', () => {
    fails(200n, 3, [0], [1], 'NeuronNoValidatorPermit');
    fails(200n, 3, [2, 0], [1, 1], 'NeuronNoValidatorPermit');
    set(200n, 3, [2], [1]);
    expect(row(1, 2)).toEqual({ cols: [2], vals: [65535] });
    set(200n, 4, [0, 1], [1, 1]);
  });

  it('DuplicateUids', () => {
    fails(200n, 1, [1, 1], [1, 2], 'DuplicateUids');
  });

  it('UidVecContainInvalidOne', () => {
    const err = fails(200n, 1, [1, 9], [1, 2], 'UidVecContainInvalidOne');
    expect(err.hint).toContain('uid 9');
  });

  it('WeightVecLengthIsLow, except for a self-weight; the minimum is capped by the subnet size', () => {
    addSubnet(s, { netuid: 2, hp: { commitRevealEnabled: false, minAllowedWeights: 3 } });
    fillSubnet(ctxAt(s, 10n), 2, 4);
    setEpochColumns(s, 2, { validatorPermit: [true, true, true, true] });
    fails(200n, 1, [0, 1], [1, 1], 'WeightVecLengthIsLow', 0n, 2);
    set(200n, 1, [0], [1], 0n, 2);
    set(200n, 2, [0, 1, 2], [1, 1, 1], 0n, 2);
    addSubnet(s, { netuid: 3, hp: { commitRevealEnabled: false, minAllowedWeights: 10 } });
    fillSubnet(ctxAt(s, 10n), 3, 2);
    setEpochColumns(s, 3, { validatorPermit: [true, true] });
    set(200n, 1, [0, 1], [1, 1], 0n, 3);
  });

  it('MaxWeightExceeded above maxWeightsLimit, except for a self-weight', () => {
    addSubnet(s, { netuid: 2, hp: { commitRevealEnabled: false, maxWeightsLimit: 32768 } });
    fillSubnet(ctxAt(s, 10n), 2, 3);
    setEpochColumns(s, 2, { validatorPermit: [true, true, true] });
    fails(200n, 1, [1, 2], [65535, 1000], 'MaxWeightExceeded', 0n, 2);
    set(200n, 1, [1, 2], [1, 1], 0n, 2);
    set(200n, 2, [1], [1], 0n, 2);
  });

  it('an earlier check wins when several fail', () => {
    fails(200n, 9, [0, 0, 9], [1], 'WeightVecNotEqualSize');
    fails(200n, 9, [0, 0], [1, 1], 'HotKeyNotRegisteredInSubNet');
    fails(200n, 3, [0, 0], [1, 1], 'NeuronNoValidatorPermit');
  });
});

describe('nextWeightsAllowedBlock', () => {
  it('is null for an unregistered hotkey and 0 for one that never set weights', () => {
    expect(nextWeightsAllowedBlock(s, 1, hotkey(9))).toBeNull();
    s.set(LastUpdate, 1, [0n, 10n, 10n, 10n]);
    expect(nextWeightsAllowedBlock(s, 1, hotkey(1))).toBe(0n);
    expect(nextWeightsAllowedBlock(s, 1, hotkey(2))).toBe(110n);
  });
});
