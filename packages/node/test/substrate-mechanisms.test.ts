/**
 * Per-mechanism storage at subtensor's keys: LastUpdate and Incentive are keyed by the mechanism
 * storage index (mecid × 4096 + netuid), present for each mechanism the subnet has and absent past
 * its count; Weights rows of mechanism 1 sit under index 4096 + netuid.
 */
import { DEFAULT_HYPERPARAMETERS, State, storage } from '@taonet/runtime';
import { describe, expect, it } from 'vitest';
import type { StorageContext } from '../src/substrate/pallet.js';
import { codecOf } from '../src/substrate/scale-type.js';
import { SubstrateFace } from '../src/substrate/substrate-face.js';

const face = new SubstrateFace(250);

function item(name: string) {
  const it = face.storage.item('SubtensorModule', name);
  if (it === undefined) throw new Error(`no ${name}`);
  return it;
}

function twoMechanismState(): StorageContext {
  const s = new State();
  s.put(storage.Netuids, [0, 1]);
  s.set(storage.Hyperparameters, 1, DEFAULT_HYPERPARAMETERS);
  s.set(storage.MechanismCountCurrent, 1, 2);
  s.set(storage.LastUpdate, 1, [5n, 6n]);
  s.set(storage.LastUpdate, 4097, [7n, 8n]);
  s.set(storage.EpochResults, 1, {
    active: [true, true],
    validatorPermit: [true, false],
    emission: [0n, 0n],
    consensus: [0, 0],
    incentive: [0, 65535],
    dividends: [0, 0],
    validatorTrust: [0, 0],
    stakeWeight: [0, 0],
  });
  s.set(storage.MechanismIncentive, 4097, [65535, 0]);
  s.set(storage.Weights, [4097, 0], { cols: Uint16Array.from([1]), vals: Uint16Array.from([65535]) });
  return { state: s, number: 1n, blockHash: () => null, blockEvents: () => null } as unknown as StorageContext;
}

describe('mechanism storage at Substrate keys', () => {
  it('reads LastUpdate and Incentive per mechanism index, and nothing past the count', () => {
    const ctx = twoMechanismState();
    const read = (name: string, index: number) => {
      const it = item(name);
      const bytes = face.storage.read(ctx, face.storage.encodeKey(it, [index]));
      return bytes === null ? null : codecOf(it.def.value).dec(bytes);
    };
    expect(read('LastUpdate', 1)).toEqual([5n, 6n]);
    expect(read('LastUpdate', 4097)).toEqual([7n, 8n]);
    expect(read('Incentive', 1)).toEqual([0, 65535]);
    expect(read('Incentive', 4097)).toEqual([65535, 0]);
    expect(read('Incentive', 8193)).toBeNull();
    const keys = face.storage
      .keys(ctx, item('Incentive').prefix, 100, null)
      .map((k) => face.storage.decodeKey(Buffer.from(k.slice(2), 'hex')).args[0]);
    expect(keys).toEqual([1, 4097]);
    const w = item('Weights');
    const row = face.storage.read(ctx, face.storage.encodeKey(w, [4097, 0]));
    expect(row === null ? null : codecOf(w.def.value).dec(row)).toEqual([[1, 65535]]);
  });
});
