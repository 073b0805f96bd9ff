import { describe, expect, it } from 'vitest';
import { scaleCompact, scaleVecU16, u64le } from '../src/codec/scale.js';
import { timelockDecrypt } from '../src/drand/index.js';
import { concatBytes } from '../src/hash.js';
import { encodeTimelockedWeightsPayload, readTimelockedWeights } from '../src/timelocked-weights-payload.js';
import { fixture, hex, quicknetSignature } from './drand/fixtures.js';

const alice = Uint8Array.from({ length: 32 }, (_, i) => i);
const bob = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

describe('timelocked weights payload', () => {
  it('decodes the payload bittensor_drand encrypted (fixture round 1001) for its hotkey', () => {
    const c = fixture.pythonCiphertexts.find((x) => x.round === 1001);
    if (c === undefined) throw new Error('fixture');
    const payload = timelockDecrypt(hex(c.ciphertext), quicknetSignature(1001));
    expect(readTimelockedWeights(payload, alice)).toEqual({
      ok: true,
      weights: { uids: [0, 1, 5], values: [65535, 1200, 7], versionKey: 42n, form: 'with-hotkey' },
    });
    expect(readTimelockedWeights(payload, bob)).toEqual({ ok: false, fault: 'HotkeyMismatch' });
    expect(
      encodeTimelockedWeightsPayload({
        hotkeyPublicKey: alice,
        uids: [0, 1, 5],
        values: [65535, 1200, 7],
        versionKey: 42n,
      }),
    ).toEqual(payload);
  });

  it('falls back to the legacy form (no hotkey), as subtensor does', () => {
    const legacy = concatBytes(scaleVecU16([3, 4]), scaleVecU16([10, 20]), u64le(7n));
    expect(readTimelockedWeights(legacy, alice)).toEqual({
      ok: true,
      weights: { uids: [3, 4], values: [10, 20], versionKey: 7n, form: 'legacy' },
    });
  });

  it('a hotkey field shorter than an account falls back to the legacy reading of the same bytes', () => {
    // Legacy bytes whose first fields also read as a 2-byte hotkey, empty uids and values.
    const bytes = concatBytes(scaleVecU16([1, 0]), scaleVecU16([]), u64le(9n));
    expect(readTimelockedWeights(bytes, alice)).toEqual({
      ok: true,
      weights: { uids: [1, 0], values: [], versionKey: 9n, form: 'legacy' },
    });
  });

  it('trailing bytes are ignored; short input and non-canonical lengths are UndecodablePayload', () => {
    const good = encodeTimelockedWeightsPayload({ hotkeyPublicKey: alice, uids: [1], values: [2], versionKey: 3n });
    expect(readTimelockedWeights(concatBytes(good, Uint8Array.of(9, 9)), alice).ok).toBe(true);
    expect(readTimelockedWeights(good.slice(0, good.length - 1), alice)).toEqual({
      ok: false,
      fault: 'UndecodablePayload',
    });
    expect(readTimelockedWeights(new Uint8Array(0), alice)).toEqual({ ok: false, fault: 'UndecodablePayload' });
    // Length 1 in the two-byte compact mode is non-canonical: parity-scale-codec refuses it.
    const nonCanonical = concatBytes(Uint8Array.of(0x05, 0x00), Uint8Array.of(1, 0), scaleVecU16([]), u64le(1n));
    expect(readTimelockedWeights(nonCanonical, alice)).toEqual({ ok: false, fault: 'UndecodablePayload' });
    const canonical = concatBytes(scaleCompact(1), Uint8Array.of(1, 0), scaleVecU16([]), u64le(1n));
    expect(readTimelockedWeights(canonical, alice).ok).toBe(true);
  });

  it('refuses a hotkey that is not 32 bytes when encoding', () => {
    expect(() =>
      encodeTimelockedWeightsPayload({ hotkeyPublicKey: alice.slice(1), uids: [], values: [], versionKey: 0n }),
    ).toThrow(RangeError);
  });
});
