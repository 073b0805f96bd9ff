/**
 * The call tables the SDK encodes with (primitives' runtime-call.ts) are the ones the metadata
 * declares: same pallets, same indices, same call definitions. And every runtime call has a
 * Substrate form that decodes back to it.
 */
import { CALL_PALLETS, decodeRuntimeCall, encodeRuntimeCall } from '@taonet/primitives/substrate';
import { describe, expect, it } from 'vitest';
import { describeRuntime } from '../src/substrate/runtime-description.js';

describe('call tables', () => {
  const rt = describeRuntime({ blockTimeMs: 250 });
  it('the metadata’s pallets with calls are exactly the encoder’s', () => {
    const declared = rt.pallets.filter((p) => (p.calls?.length ?? 0) > 0).map((p) => [p.name, p.index, p.calls]);
    const encoder = CALL_PALLETS.map((p) => [p.pallet, p.index, p.calls]);
    expect(declared.sort()).toEqual(encoder.sort());
    for (const p of CALL_PALLETS) {
      const idx = p.calls.map((c) => c.index);
      expect(new Set(idx).size, `${p.pallet} call indices are unique`).toBe(idx.length);
    }
  });

  it('a runtime call round-trips through its Substrate form', () => {
    const hk = `0x${'11'.repeat(32)}`;
    const calls = [
      { method: 'transfer', args: { dest: hk, amount: 5n, keepAlive: true } },
      { method: 'add_stake', args: { hotkey: hk, netuid: 3, amount: 7n, limitPrice: 9n, allowPartial: true } },
      { method: 'set_weights', args: { netuid: 2, uids: [0, 1], values: [1, 2], versionKey: 0n } },
      { method: 'set_hyperparameter', args: { netuid: 2, name: 'tempo', value: 100 } },
      { method: 'sudo_set_default_hyperparameter', args: { name: 'tempo', value: 100 } },
      {
        method: 'sudo',
        args: { call: { method: 'set_hyperparameter', args: { netuid: 2, name: 'tempo', value: 9 } } },
      },
      {
        method: 'sudo_unchecked_weight',
        args: { call: { method: 'start_call', args: { netuid: 1 } }, weight: { refTime: 5n, proofSize: 1n } },
      },
      {
        method: 'sudo_as',
        args: { who: hk, call: { method: 'transfer', args: { dest: hk, amount: 1n, keepAlive: true } } },
      },
      { method: 'sudo_set_key', args: { new: hk } },
      { method: 'sudo_remove_key', args: {} },
    ];
    for (const c of calls) expect(decodeRuntimeCall(encodeRuntimeCall(c)).runtime).toEqual(c);
  });

  it('unknown pallets, calls and trailing bytes are decode errors', () => {
    expect(() => decodeRuntimeCall(new Uint8Array([99, 0]))).toThrow(/no pallet/);
    expect(() => decodeRuntimeCall(new Uint8Array([7, 255]))).toThrow(/no call/);
    const ok = encodeRuntimeCall({ method: 'start_call', args: { netuid: 1 } });
    expect(() => decodeRuntimeCall(new Uint8Array([...ok, 0]))).toThrow(/do not decode/);
  });
});
