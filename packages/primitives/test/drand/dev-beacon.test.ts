import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/codec/hex.js';
import {
  beaconSecretFromSeed,
  DEV_BEACON_PUBLIC_KEY,
  DEV_BEACON_SEED,
  devBeaconPulse,
  isValidPulse,
  QUICKNET_PUBLIC_KEY,
  signRound,
  timelockDecrypt,
  timelockEncrypt,
} from '../../src/drand/index.js';
import { seededEntropy } from '../support/seeded-entropy.js';

describe('dev beacon', () => {
  it('its pulses verify under the dev key, not under quicknet, and only for their round', () => {
    for (const r of [1n, 2n, 1000n, 123_456_789n]) {
      const p = devBeaconPulse(r);
      expect(isValidPulse(DEV_BEACON_PUBLIC_KEY, p)).toBe(true);
      expect(isValidPulse(QUICKNET_PUBLIC_KEY, p)).toBe(false);
      expect(isValidPulse(DEV_BEACON_PUBLIC_KEY, { ...p, round: r + 1n })).toBe(false);
    }
  });

  it('is deterministic: pinned key and pulse bytes (a change here breaks every dev chain spec)', () => {
    expect(devBeaconPulse(7n)).toEqual(devBeaconPulse(7n));
    expect(toHex(DEV_BEACON_PUBLIC_KEY)).toMatchInlineSnapshot(
      `"0x96ba92a04e7f6a0918bb6e794ff57fe6af2d76ece09880328112a92a942226b3b5b696f4df628eab93c7baa073afeebd0d9250ed599e0b09e8036be24a981e72b7f5c5656f5b13a0d528a683801ebe01bb8a4b8b488fb50f532b84732b542b51"`,
    );
    expect(toHex(devBeaconPulse(1n).signature)).toMatchInlineSnapshot(
      `"0xb1725fd3b4764165ebd79fcf03aaa09e48a3a6b0d605b434fbe1d62aafd2ad94dbc81a67b97a4e7f007e84e5e2be5afe"`,
    );
  });

  it('a pulse from another secret does not verify under the dev key', () => {
    const other = signRound(beaconSecretFromSeed(`${DEV_BEACON_SEED} (not)`), 5n);
    expect(isValidPulse(DEV_BEACON_PUBLIC_KEY, other)).toBe(false);
  });

  it('tlock to a dev round opens with that round’s dev pulse and no other', () => {
    const msg = new TextEncoder().encode('weights for round 42');
    const ct = timelockEncrypt(DEV_BEACON_PUBLIC_KEY, 42n, msg, seededEntropy('dev'));
    expect(timelockDecrypt(ct, devBeaconPulse(42n).signature)).toEqual(msg);
    expect(() => timelockDecrypt(ct, devBeaconPulse(43n).signature)).toThrow(
      expect.objectContaining({ code: 'DecryptionFailed' }),
    );
  });
});
