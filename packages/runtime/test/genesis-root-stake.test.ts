/**
 * Root validators at genesis: the hotkeys join root and the TAO moves from their coldkeys'
 * genesis balances to root stake through the real calls, so the state is the one a chain reaches
 * by submitting them, the invariants hold, and issuance does not change.
 */
import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  coinbase,
  DEV_HYPERPARAMETERS,
  DEV_NETWORK_PARAMS,
  GenesisError,
  genesisState,
  storage,
} from '../src/index.js';
import { acct, TAO } from './utils/chain.js';

const genesis = (rootStake: { coldkey: string; hotkey: string; amount: bigint }[], balance = 1_000n * TAO) =>
  genesisState({
    sudo: acct('alice'),
    balances: [
      [acct('alice'), 1_000_000n * TAO],
      [acct('root-a'), balance],
      [acct('root-b'), balance],
    ],
    params: DEV_NETWORK_PARAMS,
    subnetDefaults: DEV_HYPERPARAMETERS,
    rootStake: rootStake.map((r) => ({ coldkey: acct(r.coldkey), hotkey: acct(r.hotkey), amount: r.amount })),
  });

describe('genesis root stake', () => {
  it('registers each hotkey on root and stakes from its coldkey, keeping issuance and invariants', () => {
    const s = genesis([
      { coldkey: 'root-a', hotkey: 'root-a-hot', amount: 600n * TAO },
      { coldkey: 'root-b', hotkey: 'root-b-hot', amount: 400n * TAO },
    ]);
    expect(s.get(storage.Keys, 0)).toEqual([acct('root-a-hot'), acct('root-b-hot')]);
    expect(s.get(storage.TotalHotkeyAlpha, [acct('root-a-hot'), 0])).toBe(600n * TAO);
    expect(s.get(storage.TotalHotkeyAlpha, [acct('root-b-hot'), 0])).toBe(400n * TAO);
    expect(s.get(storage.SubnetTao, 0)).toBe(1000n * TAO);
    expect(s.get(storage.Accounts, acct('root-a'))?.free ?? 0n).toBe(400n * TAO);
    expect(s.value(storage.TotalIssuance)).toBe(1_002_000n * TAO);
    expect(s.get(storage.RegistrationsThisBlock, 0)).toBe(0);
    expect(checkInvariants(s)).toEqual([]);
    // What the stake is for: a subnet with 1,000 alpha issued gets a root proportion of about 5%.
    const weight = DEV_NETWORK_PARAMS.taoWeight;
    const rp = coinbase.rootProportion(s.get(storage.SubnetTao, 0), weight, 1000n * TAO);
    expect(Number(rp >> 16n) / 2 ** 16).toBeCloseTo(0.05, 2);
  });

  it('fails with the runtime reason when a coldkey cannot cover its stake', () => {
    expect(() => genesis([{ coldkey: 'root-a', hotkey: 'root-a-hot', amount: 2_000n * TAO }])).toThrow(GenesisError);
    expect(() => genesis([{ coldkey: 'root-a', hotkey: 'root-a-hot', amount: 2_000n * TAO }])).toThrow(
      /NotEnoughBalanceToStake/,
    );
  });

  it('without root stake, root holds nothing (the old dev genesis)', () => {
    const s = genesis([]);
    expect(s.get(storage.Keys, 0)).toEqual([]);
    expect(s.get(storage.SubnetTao, 0)).toBe(0n);
  });
});
