/** Drand.write_pulse: the author's pulse inherent and the rules every importer applies to it. */
import { DEV_BEACON_PUBLIC_KEY, devBeaconPulse, signRound, beaconSecretFromSeed, toHex } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { InvalidBlockError, storage } from '../src/index.js';
import { MAX_PULSES_PER_BLOCK } from '../src/drand/write-pulses.js';
import { TestChain } from './utils/chain.js';

/** The dev beacon from unix time 0, 3 s rounds: block n (at n × 250 ms) sees round ⌊n / 12⌋ + 1. */
const BEACON = {
  publicKey: toHex(DEV_BEACON_PUBLIC_KEY),
  genesisTime: 0n,
  period: 3n,
  chainHash: `0x${'11'.repeat(32)}`,
};
const pulses = (...rounds: bigint[]) => ({ method: 'write_pulse', args: { pulses: rounds.map(devBeaconPulse) } });

function chainAt(block: number): TestChain {
  const c = new TestChain({ beacon: BEACON, invariants: false });
  c.run(block - 1);
  return c;
}

describe('write_pulse', () => {
  it('stores consecutive verified pulses and reports them', () => {
    const c = chainAt(24); // the next block (24, at 6 s) may carry rounds up to 3
    const [r] = c.stepWithInherent(pulses(1n, 2n, 3n));
    expect(r?.events.find((e) => e.name === 'NewPulse')?.data).toEqual({ rounds: [1n, 2n, 3n] });
    expect(c.state.value(storage.LastStoredRound)).toBe(3n);
    expect(c.state.value(storage.OldestStoredRound)).toBe(1n);
    expect(c.state.get(storage.Pulses, 2n)?.signature).toEqual(devBeaconPulse(2n).signature);
    c.run(12);
    c.stepWithInherent(pulses(4n));
    expect(c.state.value(storage.LastStoredRound)).toBe(4n);
  });

  it('refuses a skipped round, and the block with it', () => {
    const c = chainAt(36);
    c.stepWithInherent(pulses(1n));
    const before = c.block;
    expect(() => c.stepWithInherent(pulses(3n))).toThrow(/InvalidRoundNumber/);
    expect(() => c.stepWithInherent(pulses(2n, 4n))).toThrow(InvalidBlockError);
    expect(() => c.stepWithInherent(pulses(1n))).toThrow(/InvalidRoundNumber/);
    expect(c.block).toBe(before);
    expect(c.state.value(storage.LastStoredRound)).toBe(1n);
    expect(c.state.get(storage.Pulses, 2n)).toBeNull();
  });

  it('refuses a pulse with a bad signature or randomness', () => {
    const c = chainAt(24);
    const other = signRound(beaconSecretFromSeed('not the dev beacon'), 1n);
    expect(() => c.stepWithInherent({ method: 'write_pulse', args: { pulses: [other] } })).toThrow(
      /PulseVerificationError/,
    );
    const swapped = { ...devBeaconPulse(1n), signature: devBeaconPulse(2n).signature };
    expect(() => c.stepWithInherent({ method: 'write_pulse', args: { pulses: [swapped] } })).toThrow(
      /PulseVerificationError/,
    );
    const badRandomness = { ...devBeaconPulse(1n), randomness: new Uint8Array(32) };
    expect(() => c.stepWithInherent({ method: 'write_pulse', args: { pulses: [badRandomness] } })).toThrow(
      /PulseVerificationError/,
    );
    expect(c.state.value(storage.LastStoredRound)).toBe(0n);
  });

  it('refuses a round not yet published at the block time', () => {
    const c = chainAt(11); // block 11 is at 2.75 s: only round 1 is out
    expect(() => c.stepWithInherent(pulses(2n))).toThrow(/PulseFromTheFuture/);
    c.stepWithInherent(pulses(1n));
  });

  it('bounds the pulses per block', () => {
    const c = chainAt(12 * 20);
    const many = Array.from({ length: MAX_PULSES_PER_BLOCK + 1 }, (_, i) => BigInt(i + 1));
    expect(() => c.stepWithInherent(pulses(...many))).toThrow(/TooManyPulses/);
  });

  it('is refused on a chain without a beacon, and as a signed transaction', () => {
    const c = new TestChain({ invariants: false });
    expect(() => c.stepWithInherent(pulses(1n))).toThrow(/NoBeaconConfigured/);
    const [r] = c.step(c.tx('alice', 'write_pulse', { pulses: [devBeaconPulse(1n)] }));
    expect(r?.error?.code).toBe('InherentOnly');
  });
});
