import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/codec/hex.js';
import {
  assertValidPulse,
  DrandError,
  drandChainHash,
  isValidPulse,
  pulseFromDrandJson,
  pulseRandomness,
  QUICKNET_CHAIN_HASH,
  QUICKNET_CHAIN_INFO,
  QUICKNET_PUBLIC_KEY,
  QUICKNET_SCHEDULE,
  roundAt,
  roundMessage,
  roundTime,
  verifyRoundSignature,
} from '../../src/drand/index.js';
import { fixture, hex } from './fixtures.js';

const qn = fixture.quicknet;
const pulses = qn.pulses.map((p) => {
  const signature = hex(p.signature);
  return {
    round: BigInt(p.round),
    signature,
    randomness: p.randomness ? hex(p.randomness) : pulseRandomness(signature),
  };
});

function flip(b: Uint8Array, i: number): Uint8Array {
  const c = b.slice();
  c[i] = (c[i] as number) ^ 1;
  return c;
}

describe('quicknet pulses', () => {
  it('the constants are the recorded chain info', () => {
    expect(toHex(QUICKNET_PUBLIC_KEY)).toBe(`0x${qn.publicKey}`);
    expect(QUICKNET_CHAIN_HASH).toBe(qn.chainHash);
    expect(toHex(QUICKNET_CHAIN_INFO.groupHash)).toBe(`0x${qn.groupHash}`);
    expect(QUICKNET_SCHEDULE).toEqual({ genesisTime: BigInt(qn.genesisTime), period: BigInt(qn.period) });
  });

  it('recorded pulses verify, and randomness is sha256(signature) as published', () => {
    for (const p of pulses) expect(isValidPulse(QUICKNET_PUBLIC_KEY, p)).toBe(true);
    const published = qn.pulses[0];
    expect(toHex(pulseRandomness(hex(published?.signature ?? '')))).toBe(`0x${published?.randomness}`);
  });

  it('a signature does not verify for another round', () => {
    const [a, b] = pulses;
    if (a === undefined || b === undefined) throw new Error('fixture');
    expect(verifyRoundSignature(QUICKNET_PUBLIC_KEY, a.round + 1n, a.signature)).toBe(false);
    expect(() =>
      assertValidPulse(QUICKNET_PUBLIC_KEY, { ...a, signature: b.signature, randomness: b.randomness }),
    ).toThrow(expect.objectContaining({ name: 'DrandError', code: 'SignatureMismatch' }));
  });

  it('a flipped bit is refused: malformed point or wrong signature, never accepted', () => {
    const p = pulses[0];
    if (p === undefined) throw new Error('fixture');
    for (const i of [0, 5, 47]) {
      const bad = { ...p, signature: flip(p.signature, i) };
      expect(isValidPulse(QUICKNET_PUBLIC_KEY, bad)).toBe(false);
    }
    expect(() => assertValidPulse(QUICKNET_PUBLIC_KEY, { ...p, randomness: flip(p.randomness, 3) })).toThrow(
      expect.objectContaining({ code: 'RandomnessMismatch' }),
    );
  });

  it('malformed keys, signatures and rounds get typed errors', () => {
    const p = pulses[0];
    if (p === undefined) throw new Error('fixture');
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(DrandError);
        return (e as DrandError).code;
      }
      return 'no error';
    };
    expect(err(() => verifyRoundSignature(QUICKNET_PUBLIC_KEY.slice(1), p.round, p.signature))).toBe(
      'InvalidPublicKey',
    );
    expect(err(() => verifyRoundSignature(new Uint8Array(96), p.round, p.signature))).toBe('InvalidPublicKey');
    expect(err(() => verifyRoundSignature(QUICKNET_PUBLIC_KEY, p.round, p.signature.slice(1)))).toBe(
      'InvalidSignature',
    );
    const infinity = new Uint8Array(48);
    infinity[0] = 0xc0;
    expect(err(() => verifyRoundSignature(QUICKNET_PUBLIC_KEY, p.round, infinity))).toBe('InvalidSignature');
    expect(err(() => roundMessage(0n))).toBe('InvalidRound');
    expect(err(() => roundMessage(1n << 64n))).toBe('InvalidRound');
  });
});

describe('another rfc9380 G1 beacon (drand walkthrough)', () => {
  const w = fixture.walkthrough;
  const pulse = {
    round: BigInt(w.pulse.round),
    signature: hex(w.pulse.signature),
    randomness: hex(w.pulse.randomness ?? ''),
  };
  it('verifies under its own key only', () => {
    expect(isValidPulse(hex(w.publicKey), pulse)).toBe(true);
    expect(isValidPulse(QUICKNET_PUBLIC_KEY, pulse)).toBe(false);
    expect(isValidPulse(hex(w.publicKey), { ...pulse, round: 55n })).toBe(false);
  });
});

describe('chain hash', () => {
  it("is drand's hash of the chain info, for quicknet and the walkthrough beacon", () => {
    expect(toHex(drandChainHash(QUICKNET_CHAIN_INFO))).toBe(`0x${QUICKNET_CHAIN_HASH}`);
    const w = fixture.walkthrough;
    const info = {
      publicKey: hex(w.publicKey),
      period: BigInt(w.period),
      genesisTime: BigInt(w.genesisTime),
      groupHash: hex(w.groupHash),
      beaconId: 'walkthrough',
    };
    expect(toHex(drandChainHash(info))).toBe(`0x${w.chainHash}`);
    expect(toHex(drandChainHash({ ...info, beaconId: 'default' }))).not.toBe(`0x${w.chainHash}`);
    expect(toHex(drandChainHash({ ...info, genesisTime: info.genesisTime + 1n }))).not.toBe(`0x${w.chainHash}`);
  });
});

describe('round and time', () => {
  const s = QUICKNET_SCHEDULE;
  it('round 1 is at genesis, one round per period, 0 before genesis', () => {
    expect(roundAt(s.genesisTime - 1n, s)).toBe(0n);
    expect(roundAt(s.genesisTime, s)).toBe(1n);
    expect(roundAt(s.genesisTime + 2n, s)).toBe(1n);
    expect(roundAt(s.genesisTime + 3n, s)).toBe(2n);
    expect(roundTime(1000n, s)).toBe(1692803367n + 999n * 3n);
    for (const r of [1n, 2n, 1000n, 20_000_000n]) {
      expect(roundAt(roundTime(r, s), s)).toBe(r);
      expect(roundAt(roundTime(r, s) - 1n, s)).toBe(r - 1n);
    }
  });
  it('refuses round 0 and a non-positive period', () => {
    expect(() => roundTime(0n, s)).toThrow(expect.objectContaining({ code: 'InvalidRound' }));
    expect(() => roundAt(5n, { genesisTime: 0n, period: 0n })).toThrow(DrandError);
  });
});

describe('drand JSON pulses', () => {
  const recorded = qn.pulses[0];
  it('a published pulse object parses and verifies', () => {
    const pulse = pulseFromDrandJson({ ...recorded });
    expect(pulse.round).toBe(1000n);
    expect(isValidPulse(QUICKNET_PUBLIC_KEY, pulse)).toBe(true);
  });
  it('missing, mis-sized or non-hex fields and bad rounds are typed errors', () => {
    const cases: [unknown, string][] = [
      [null, 'MalformedPulse'],
      [{ ...recorded, signature: undefined }, 'MalformedPulse'],
      [{ ...recorded, signature: recorded?.signature.slice(2) }, 'MalformedPulse'],
      [{ ...recorded, randomness: 'zz'.repeat(32) }, 'MalformedPulse'],
      [{ ...recorded, round: 0 }, 'InvalidRound'],
      [{ ...recorded, round: '1000' }, 'InvalidRound'],
      [{ ...recorded, round: 1.5 }, 'InvalidRound'],
    ];
    for (const [input, expected] of cases) {
      expect(() => pulseFromDrandJson(input), JSON.stringify(input)).toThrow(
        expect.objectContaining({ code: expected }),
      );
    }
  });
});
