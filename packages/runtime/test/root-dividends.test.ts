/**
 * The root subnet through real blocks: joining it (and replacing the smallest member when full),
 * root dividends accruing to root stakers of a validator, and claiming them as alpha ('keep') or
 * as more root stake ('swap'), by hand and automatically.
 */
import { describe, expect, it } from 'vitest';
import { storage, views } from '../src/index.js';
import { owedRoot } from '../src/root/root-claim.js';
import { stakeOf } from '../src/staking/stake-pool-state.js';
import { acct, TAO, TestChain } from './utils/chain.js';

const hot = acct('alice-hot');

describe('root_register', () => {
  it('appends while root has room, then replaces the member with the least root stake, and only by more', () => {
    const chain = new TestChain({ params: { rootMaxUids: 2 } });
    chain.ok('alice', 'root_register', { hotkey: acct('alice-root') });
    chain.ok('bob', 'root_register', { hotkey: acct('bob-root') });
    chain.ok('alice', 'add_stake', { hotkey: acct('alice-root'), netuid: 0, amount: 5n * TAO });
    chain.ok('bob', 'add_stake', { hotkey: acct('bob-root'), netuid: 0, amount: 3n * TAO });
    expect(chain.state.get(storage.Keys, 0)).toEqual([acct('alice-root'), acct('bob-root')]);
    // Charlie's hotkey, paired through a subnet registration, with less root stake than bob's.
    const netuid = chain.subnet('dave');
    chain.ok('charlie', 'burned_register', { netuid, hotkey: acct('charlie-root') });
    chain.ok('charlie', 'add_stake', { hotkey: acct('charlie-root'), netuid: 0, amount: 3n * TAO });
    chain.fails('charlie', 'root_register', { hotkey: acct('charlie-root') }, 'StakeTooLowForRoot');
    chain.ok('eve', 'add_stake', { hotkey: acct('charlie-root'), netuid: 0, amount: TAO });
    const r = chain.ok('charlie', 'root_register', { hotkey: acct('charlie-root') });
    expect(r.events.find((e) => e.name === 'NeuronRegistered')?.data).toMatchObject({
      netuid: 0,
      uid: 1,
      replaced: acct('bob-root'),
    });
    expect(chain.state.get(storage.Keys, 0)).toEqual([acct('alice-root'), acct('charlie-root')]);
    expect(chain.state.get(storage.Uids, [0, acct('bob-root')])).toBeNull();
    expect(chain.state.get(storage.Uids, [0, acct('charlie-root')])).toBe(1);
    // Bob keeps his root stake: deregistration does not touch stake.
    expect(stakeOf(chain.state, acct('bob-root'), acct('bob'), 0)).toBe(3n * TAO);
  });
});

/**
 * Two started subnets (the root sell flag needs Σ price EMA > 1), price EMAs that follow the spot
 * price quickly, no auto-claims unless asked, and bob's 100 TAO of root stake on alice's subnet
 * owner hotkey, which validates on subnet a with tao weight > 0 (the dev preset).
 */
function rootChain(params: Record<string, unknown> = {}) {
  const chain = new TestChain({
    params: { subnetMovingAlpha: 1n << 32n, emaPriceHalvingBlocks: 1n, numRootClaim: 0, ...params },
  });
  expect(chain.state.value(storage.Params).taoWeight).toBeGreaterThan(0n);
  const a = chain.subnet('alice');
  const b = chain.subnet('charlie');
  chain.ok('bob', 'add_stake', { hotkey: hot, netuid: 0, amount: 100n * TAO });
  chain.ok('dave', 'add_stake', { hotkey: hot, netuid: a, amount: 5n * TAO });
  chain.ok('dave', 'add_stake', { hotkey: acct('charlie-hot'), netuid: b, amount: 5n * TAO });
  /** Steps until subnet a's next epoch has paid root dividends. */
  const untilDividends = () => {
    const before = chain.state.get(storage.RootClaimable, [hot, a]);
    while (chain.state.get(storage.RootClaimable, [hot, a]) === before) chain.step();
  };
  return { chain, a, b, untilDividends, owed: (who: string) => owedRoot(chain.state, hot, acct(who), a) };
}

describe('root dividends', () => {
  it('accrue to root stakers of a validator at each epoch, in proportion to their root stake', () => {
    const { chain, a, untilDividends, owed } = rootChain();
    expect(owed('bob')).toBe(0n);
    untilDividends();
    const first = owed('bob');
    expect(first).toBeGreaterThan(0n);
    // The view shows it, in alpha of subnet a.
    const pos = views.accountInfo(chain.state, acct('bob')).stakes.find((p) => p.netuid === a);
    expect(pos?.rootClaimable).toBe(first);
    // A later root staker owes nothing for what accrued before it arrived...
    chain.ok('eve', 'add_stake', { hotkey: hot, netuid: 0, amount: 50n * TAO });
    expect(owed('eve')).toBe(0n);
    const bobBefore = owed('bob');
    untilDividends();
    // ...and then earns half of what bob earns, with half his stake.
    const bobGain = owed('bob') - bobBefore;
    expect(bobGain).toBeGreaterThan(0n);
    const eveGain = owed('eve');
    expect(eveGain * 2n - bobGain).toBeLessThanOrEqual(2n);
    expect(bobGain - eveGain * 2n).toBeLessThanOrEqual(2n);
  });

  it("'keep' claims them as alpha stake on the subnet", () => {
    const { chain, a, untilDividends, owed } = rootChain();
    untilDividends();
    chain.ok('bob', 'set_root_claim_type', { type: 'keep' });
    expect(chain.state.get(storage.RootClaimType, acct('bob'))).toBe('keep');
    const alphaBefore = stakeOf(chain.state, hot, acct('bob'), a);
    const rootBefore = stakeOf(chain.state, hot, acct('bob'), 0);
    const due = owed('bob');
    const r = chain.ok('bob', 'claim_root', { netuids: [a] });
    const claimed = r.events.find((e) => e.name === 'RootClaimed')?.data.alpha as bigint;
    // The epoch in this block's step may have added a little before the claim.
    expect(claimed).toBeGreaterThanOrEqual(due);
    expect(owed('bob')).toBe(0n);
    expect(stakeOf(chain.state, hot, acct('bob'), a) - alphaBefore).toBeGreaterThanOrEqual(claimed - 1n);
    expect(stakeOf(chain.state, hot, acct('bob'), 0)).toBe(rootBefore);
  });

  it("'swap' (the default) sells them fee-free and restakes the TAO on root", () => {
    const { chain, a, untilDividends, owed } = rootChain();
    untilDividends();
    expect(chain.state.get(storage.RootClaimType, acct('bob'))).toBe('swap');
    const rootBefore = stakeOf(chain.state, hot, acct('bob'), 0);
    const alphaBefore = stakeOf(chain.state, hot, acct('bob'), a);
    const rootTaoBefore = chain.state.get(storage.SubnetTao, 0);
    const r = chain.ok('bob', 'claim_root', { netuids: [a] });
    expect(owed('bob')).toBe(0n);
    const gained = stakeOf(chain.state, hot, acct('bob'), 0) - rootBefore;
    expect(gained).toBeGreaterThan(0n);
    expect(chain.state.get(storage.SubnetTao, 0) - rootTaoBefore).toBe(gained);
    expect(stakeOf(chain.state, hot, acct('bob'), a)).toBe(alphaBefore);
    expect(r.events.some((e) => e.name === 'RootClaimed')).toBe(true);
    // Claiming again right away finds nothing (below the threshold): no event.
    const again = chain.ok('bob', 'claim_root', { netuids: [a] });
    expect(again.events.some((e) => e.name === 'RootClaimed')).toBe(false);
  });

  it('a claim on a subnet without dividends, or by a coldkey without root stake, does nothing', () => {
    const { chain, b, untilDividends } = rootChain();
    untilDividends();
    const r1 = chain.ok('bob', 'claim_root', { netuids: [b, 42] });
    const r2 = chain.ok('ferdie', 'claim_root', { netuids: [1] });
    expect([...r1.events, ...r2.events].some((e) => e.name === 'RootClaimed')).toBe(false);
  });

  it('are claimed automatically for coldkeys drawn from the parent hash', () => {
    const { chain, a, untilDividends } = rootChain({ numRootClaim: 5 });
    untilDividends();
    // Bob is the only root-staking coldkey, so every draw picks him.
    expect(chain.state.value(storage.RootStakingColdkeys)).toEqual([acct('bob')]);
    expect(chain.state.get(storage.RootClaimed, [a, hot, acct('bob')])).toBeGreaterThan(0n);
    expect(owedRoot(chain.state, hot, acct('bob'), a)).toBeLessThan(
      chain.state.value(storage.Params).rootClaimableThreshold,
    );
    expect(chain.lastResult?.events.some((e) => e.name === 'RootClaimed')).toBe(true);
  });

  it('dissolving a subnet drops its claim state, so a reused netuid starts clean', () => {
    const { chain, a, untilDividends, owed } = rootChain();
    untilDividends();
    expect(owed('bob')).toBeGreaterThan(0n);
    chain.ok('alice', 'sudo_dissolve_network', { netuid: a });
    expect(chain.state.get(storage.RootClaimable, [hot, a])).toBe(0n);
    const r = chain.ok('ferdie', 'register_network', { hotkey: acct('ferdie-hot') });
    expect(r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid).toBe(a);
    chain.ok('ferdie', 'start_call', { netuid: a });
    expect(owed('bob')).toBe(0n);
    const claim = chain.ok('bob', 'claim_root', { netuids: [a] });
    expect(claim.events.some((e) => e.name === 'RootClaimed')).toBe(false);
  });
});
