/**
 * The views behind subtensor's runtime APIs: stake rows and availability, delegates and their
 * returns, and a subnet's parameters under subtensor's names with fresh-chain values for what
 * Taonet lacks.
 */
import { RAO_PER_TAO } from '@taonet/primitives';
import { describe, expect, it } from 'vitest';
import { views } from '../src/index.js';
import { increaseStake } from '../src/staking/stake-pool-state.js';
import { DelegateTake } from '../src/staking/storage.js';
import { addSubnet, coldkey, ctxAt, fillSubnet, hotkey, newState, setEpochColumns } from './utils/neuron-fixture.js';

const TAO = RAO_PER_TAO;

function chain() {
  const s = newState();
  // tao = alpha: the spot price is exactly 1.
  const netuid = addSubnet(s, { tao: 1000n * TAO, alpha: 1000n * TAO, hp: { tempo: 99 } });
  const ctx = ctxAt(s, 10n);
  fillSubnet(ctx, netuid, 3);
  increaseStake(s, hotkey(1), coldkey(1), netuid, 300n * TAO);
  increaseStake(s, hotkey(1), coldkey(9), netuid, 100n * TAO);
  increaseStake(s, hotkey(2), coldkey(9), netuid, 50n * TAO);
  setEpochColumns(s, netuid, { validatorPermit: [true, false, false], emission: [2n * TAO, TAO, 0n] });
  return { s, netuid };
}

describe('stake views', () => {
  it('stakeInfo: non-zero rows by subnet then staking hotkey; stakeInfoFor answers zero too', () => {
    const { s, netuid } = chain();
    expect(views.stakeInfo(s, coldkey(9)).map((r) => [r.hotkey, r.netuid, r.stake, r.emission, r.registered])).toEqual([
      [hotkey(1), netuid, 100n * TAO, 2n * TAO, true],
      [hotkey(2), netuid, 50n * TAO, TAO, true],
    ]);
    expect(views.stakeInfoFor(s, hotkey(3), coldkey(9), netuid)).toMatchObject({ stake: 0n, emission: 0n });
  });

  it('stakeAvailability: all available; duplicates folded; empty or over-long lists give nothing', () => {
    const { s, netuid } = chain();
    const row = { total: 150n * TAO, locked: 0n, available: 150n * TAO };
    expect([...views.stakeAvailability(s, coldkey(9), null)]).toEqual([[netuid, row]]);
    expect([...views.stakeAvailability(s, coldkey(9), [netuid, netuid])]).toEqual([[netuid, row]]);
    expect(views.stakeAvailability(s, coldkey(9), []).size).toBe(0);
    expect(views.stakeAvailability(s, coldkey(9), [0, 1, 2, 3, 4]).size).toBe(0);
    expect(views.stakeAvailability(s, coldkey(5), null).size).toBe(0);
  });
});

describe('delegate views', () => {
  it('a day of last-epoch emission at spot, and the return per 1000 TAO after the take', () => {
    const { s, netuid } = chain();
    s.set(DelegateTake, hotkey(1), 6553); // ~10 %
    const d = views.delegateInfo(s, hotkey(1));
    expect(d).not.toBeNull();
    expect(d?.owner).toBe(coldkey(1));
    expect(d?.registrations).toEqual([netuid]);
    expect(d?.validatorPermits).toEqual([netuid]);
    expect(d?.nominators.map((n) => [n.coldkey, n.stakes])).toEqual([
      [coldkey(1), [{ netuid, alpha: 300n * TAO }]],
      [coldkey(9), [{ netuid, alpha: 100n * TAO }]],
    ]);
    // 7200 / (99 + 1) = 72 epochs a day × 2 TAO at price 1.
    expect(d?.totalDailyReturn).toBe(144n * TAO);
    // × (65535 − 6553) / 65535 × 1000 TAO / 400 TAO staked.
    expect(d?.returnPer1000).toBe((144n * TAO * (65535n - 6553n) * 1000n * TAO) / (65535n * 400n * TAO));
    expect(views.delegateInfo(s, coldkey(7))).toBeNull();
    expect(views.delegates(s).map((x) => x.hotkey)).toEqual([hotkey(1), hotkey(2), hotkey(3)]);
    expect(views.delegated(s, coldkey(9)).map((r) => [r.delegate.hotkey, r.netuid, r.alpha])).toEqual([
      [hotkey(1), netuid, 100n * TAO],
      [hotkey(2), netuid, 50n * TAO],
    ]);
  });
});

describe('subtensorParams', () => {
  it('maps Taonet’s hyperparameters and fills the rest with subtensor’s fresh-chain values', () => {
    const { s, netuid } = chain();
    const p = views.subtensorParams(s, netuid);
    expect(p).toMatchObject({
      tempo: 99,
      rho: views.SUBTENSOR_FRESH_CHAIN_VALUES.rho,
      difficulty: views.SUBTENSOR_FRESH_CHAIN_VALUES.difficulty,
      powRegistrationAllowed: false,
      subnetworkN: 3,
      yumaVersion: 3,
    });
    // activity cutoff in blocks: factor‰ of a tempo.
    expect(p?.activityCutoff).toBe((99n * BigInt(p?.activityCutoffFactorMilli ?? 0)) / 1000n);
    expect(p?.alphaSigmoidSteepness).toBe(1000n << 32n);
    expect(views.subtensorParams(s, 42)).toBeNull();
  });
});
