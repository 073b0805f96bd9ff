/** Which uid a registration on a full subnet replaces, and what the replacement clears. */
import { beforeEach, describe, expect, it } from 'vitest';
import { immortalOwnerHotkeys, neuronToPrune } from '../src/neurons/prune-candidate.js';
import { registerNeuron } from '../src/neurons/register-neuron.js';
import {
  Axons,
  BlockAtRegistration,
  EpochResults,
  Keys,
  LastUpdate,
  OwnedHotkeys,
  Uids,
} from '../src/neurons/storage.js';
import type { State } from '../src/state/state.js';
import { Bonds, Weights } from '../src/weights/storage.js';
import {
  addSubnet,
  call,
  coldkey,
  ctxAt,
  fund,
  hotkey,
  newState,
  registerFree,
  setEpochColumns,
} from './utils/neuron-fixture.js';

let s: State;

/** Four neurons registered at blocks 10, 20, 30, 40; immunity 100 blocks; one non-immune kept. */
function setup(hp: Record<string, unknown> = {}, owner: { owner?: number; ownerHotkey?: number } = {}): void {
  s = newState();
  addSubnet(s, {
    netuid: 1,
    hp: { maxAllowedUids: 4, immunityPeriod: 100n, minNonImmuneUids: 1, ...hp },
    ...(owner.owner === undefined ? {} : { owner: coldkey(owner.owner) }),
    ...(owner.ownerHotkey === undefined ? {} : { ownerHotkey: hotkey(owner.ownerHotkey) }),
  });
  for (let i = 0; i < 4; i++) registerFree(ctxAt(s, BigInt(10 * (i + 1))), 1, coldkey(i + 1), hotkey(i + 1));
}

describe('prune candidate', () => {
  beforeEach(() => setup());

  it('takes the lowest emission among non-immune uids', () => {
    setEpochColumns(s, 1, { emission: [5n, 3n, 4n, 9n] });
    expect(neuronToPrune(s, 1, 1000n)).toBe(1);
  });

  it('breaks emission ties by earlier registration', () => {
    setEpochColumns(s, 1, { emission: [5n, 3n, 3n, 9n] });
    s.set(BlockAtRegistration, 1, [10n, 30n, 20n, 40n]);
    expect(neuronToPrune(s, 1, 1000n)).toBe(2);
  });

  it('breaks emission and registration ties by lower uid', () => {
    setEpochColumns(s, 1, { emission: [5n, 3n, 3n, 9n] });
    s.set(BlockAtRegistration, 1, [10n, 20n, 20n, 40n]);
    expect(neuronToPrune(s, 1, 1000n)).toBe(1);
  });

  it('reads a missing emission column as zeros', () => {
    expect(s.get(EpochResults, 1)).toBeNull();
    expect(neuronToPrune(s, 1, 1000n)).toBe(0);
  });

  it('skips immune uids while more than minNonImmuneUids are not immune', () => {
    // At block 125, uids 0 and 1 (registered 10, 20) are past immunity; 2 and 3 are not.
    setEpochColumns(s, 1, { emission: [5n, 6n, 0n, 0n] });
    expect(neuronToPrune(s, 1, 125n)).toBe(0);
  });

  it('falls back to immune uids when too few are not immune', () => {
    // At block 115 only uid 0 is past immunity: 1 non-immune is not more than the floor of 1.
    setEpochColumns(s, 1, { emission: [0n, 6n, 2n, 1n] });
    expect(neuronToPrune(s, 1, 115n)).toBe(3);
  });

  it('immunity lasts exactly immunityPeriod blocks', () => {
    setup({ minNonImmuneUids: 0 });
    setEpochColumns(s, 1, { emission: [9n, 1n, 9n, 9n] });
    // uid 1 registered at 20: immune at 119, free at 120 (uid 0 is free from 110 and is the only free one).
    expect(neuronToPrune(s, 1, 119n)).toBe(0);
    expect(neuronToPrune(s, 1, 120n)).toBe(1);
  });
});

describe('owner keys are never pruned', () => {
  it('the subnet owner hotkey is skipped even with the lowest emission', () => {
    setup({}, { owner: 1, ownerHotkey: 1 });
    setEpochColumns(s, 1, { emission: [0n, 3n, 4n, 9n] });
    expect(immortalOwnerHotkeys(s, 1)).toEqual([hotkey(1)]);
    expect(neuronToPrune(s, 1, 1000n)).toBe(1);
  });

  it("without an owner hotkey, the owner coldkey's oldest registered hotkey is kept", () => {
    setup({}, { owner: 9 });
    // coldkey 9 owns hotkeys 3 and 2 (in that order of pairing); hotkey 2 registered first.
    s.set(Keys, 1, [hotkey(1), hotkey(2), hotkey(3), hotkey(4)]);
    s.set(OwnedHotkeys, coldkey(9), [hotkey(3), hotkey(2)]);
    expect(immortalOwnerHotkeys(s, 1)).toEqual([hotkey(2)]);
    setEpochColumns(s, 1, { emission: [5n, 0n, 1n, 9n] });
    expect(neuronToPrune(s, 1, 1000n)).toBe(2);
  });

  it('no candidate at all gives null', () => {
    s = newState();
    addSubnet(s, { netuid: 1, hp: { maxAllowedUids: 1 }, owner: coldkey(1), ownerHotkey: hotkey(1) });
    expect(neuronToPrune(s, 1, 1000n)).toBeNull();
    registerFree(ctxAt(s, 10n), 1, coldkey(1), hotkey(1));
    expect(neuronToPrune(s, 1, 1000n)).toBeNull();
  });
});

describe('replacing a neuron', () => {
  beforeEach(() => {
    setup();
    // uid 2 is the weakest; everyone has weights and bonds touching it.
    setEpochColumns(s, 1, {
      emission: [5n, 6n, 1n, 9n],
      validatorPermit: [true, true, true, false],
      consensus: [7, 7, 7, 7],
    });
    const row = (cols: number[], vals: number[]) => ({ cols: Uint16Array.from(cols), vals: Uint16Array.from(vals) });
    s.set(Weights, [1, 0], row([3, 2, 1], [100, 200, 300]));
    s.set(Weights, [1, 1], row([0], [65535]));
    s.set(Weights, [1, 2], row([0, 1], [1, 2]));
    s.set(Weights, [1, 3], row([2], [0]));
    s.set(Bonds, [1, 2], row([0], [5]));
    s.set(Bonds, [1, 0], row([2], [5]));
    s.set(Axons, [1, hotkey(3)], { block: 50n, version: 1, ip: 1n, port: 8091, ipType: 4, protocol: 0 });
  });

  it('gives the uid to the newcomer and forgets the old hotkey', () => {
    const ctx = ctxAt(s, 1000n);
    const uid = registerNeuron(ctx, 1, hotkey(9));
    expect(uid).toBe(2);
    expect(s.get(Keys, 1)).toEqual([hotkey(1), hotkey(2), hotkey(9), hotkey(4)]);
    expect(s.get(Uids, [1, hotkey(9)])).toBe(2);
    expect(s.get(Uids, [1, hotkey(3)])).toBeNull();
    expect(s.get(Axons, [1, hotkey(3)])).toBeNull();
    expect(s.get(BlockAtRegistration, 1)).toEqual([10n, 20n, 1000n, 40n]);
    expect(s.get(LastUpdate, 1)).toEqual([10n, 20n, 1000n, 40n]);
    expect(ctx.events).toEqual([{ name: 'NeuronRegistered', data: { netuid: 1, uid: 2, hotkey: hotkey(9) } }]);
  });

  it("removes the uid's own weight and bond rows and zeroes weights on it, keeping the entries", () => {
    registerNeuron(ctxAt(s, 1000n), 1, hotkey(9));
    expect(s.get(Weights, [1, 2])).toBeNull();
    expect(s.get(Bonds, [1, 2])).toBeNull();
    const w0 = s.get(Weights, [1, 0]);
    expect(Array.from(w0?.cols ?? [])).toEqual([3, 2, 1]);
    expect(Array.from(w0?.vals ?? [])).toEqual([100, 0, 300]);
    expect(Array.from(s.get(Weights, [1, 1])?.vals ?? [])).toEqual([65535]);
    expect(Array.from(s.get(Weights, [1, 3])?.cols ?? [])).toEqual([2]);
    expect(Array.from(s.get(Weights, [1, 3])?.vals ?? [])).toEqual([0]);
    // Other validators' bonds on the uid are left to the epoch's registration mask.
    expect(Array.from(s.get(Bonds, [1, 0])?.vals ?? [])).toEqual([5]);
  });

  it("zeroes the uid's epoch outputs in a new column set", () => {
    const before = s.get(EpochResults, 1);
    registerNeuron(ctxAt(s, 1000n), 1, hotkey(9));
    const after = s.get(EpochResults, 1);
    expect(after).not.toBe(before);
    expect(before?.emission).toEqual([5n, 6n, 1n, 9n]);
    expect(after?.emission).toEqual([5n, 6n, 0n, 9n]);
    expect(after?.validatorPermit).toEqual([true, true, false, false]);
    expect(after?.consensus).toEqual([7, 7, 0, 7]);
  });

  it('weights on other subnets are untouched', () => {
    addSubnet(s, { netuid: 11 });
    const row = { cols: Uint16Array.from([2]), vals: Uint16Array.from([7]) };
    s.set(Weights, [11, 0], row);
    registerNeuron(ctxAt(s, 1000n), 1, hotkey(9));
    expect(s.get(Weights, [11, 0])).toBe(row);
  });

  it('burned_register over a full subnet replaces the prune candidate', () => {
    const ctx = ctxAt(s, 1000n);
    fund(s, coldkey(9), 10n ** 10n);
    call(ctx, coldkey(9), 'burned_register', { netuid: 1, hotkey: hotkey(9) });
    expect(s.get(Uids, [1, hotkey(9)])).toBe(2);
    expect(s.get(Keys, 1)).toHaveLength(4);
  });

  it('registerNeuron charges nothing', () => {
    const money = () => [...s.allEntries()].filter(([item]) => /^(balances|swap|staking)\./.test(item));
    const before = money();
    registerNeuron(ctxAt(s, 1000n), 1, hotkey(9));
    expect(money()).toEqual(before);
  });
});
