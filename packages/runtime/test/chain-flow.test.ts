/**
 * The whole on-chain story through real blocks: create a subnet, register miners and a validator,
 * stake, set weights, and watch epochs pay miners incentive and the validator dividends, with the
 * invariants checked after every block.
 */
import { describe, expect, it } from 'vitest';
import { stateDigest, storage, views } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';

function story(chain: TestChain): number {
  const netuid = chain.subnet('alice');
  chain.ok('bob', 'burned_register', { netuid, hotkey: acct('bob-hot') });
  chain.ok('charlie', 'burned_register', { netuid, hotkey: acct('charlie-hot') });
  chain.ok('dave', 'burned_register', { netuid, hotkey: acct('dave-hot') });
  chain.ok('dave', 'add_stake', { hotkey: acct('dave-hot'), netuid, amount: 1000n * TAO });
  chain.ok('eve', 'add_stake', { hotkey: acct('dave-hot'), netuid, amount: 100n * TAO });
  return netuid;
}

describe('chain flow', () => {
  it('pays miners incentive and validators dividends after weights are set', () => {
    const chain = new TestChain();
    const netuid = story(chain);
    // One epoch so dave's stake earns a validator permit.
    chain.run(12);
    const mg0 = views.metagraph(chain.state, netuid, ['hotkeys', 'validatorPermit']);
    const daveUid = mg0?.hotkeys?.indexOf(acct('dave-hot')) as number;
    expect(mg0?.validatorPermit?.[daveUid]).toBe(true);
    chain.ok('dave-hot', 'set_weights', {
      netuid,
      uids: [1, 2],
      values: [65535, 21845],
      versionKey: 0n,
    });
    const bobBefore = views.accountInfo(chain.state, acct('bob')).stakes;
    const daveBefore =
      views.accountInfo(chain.state, acct('dave')).stakes.find((p) => p.netuid === netuid)?.alpha ?? 0n;
    chain.run(25);
    const mg = views.metagraph(chain.state, netuid, ['hotkeys', 'incentive', 'dividends', 'emission']);
    expect(mg?.incentive?.[1]).toBeGreaterThan(mg?.incentive?.[2] ?? 0);
    expect(mg?.dividends?.[daveUid]).toBe(65535);
    const bobStake = views.accountInfo(chain.state, acct('bob')).stakes;
    expect(bobBefore).toEqual([]);
    expect(bobStake[0]?.alpha ?? 0n).toBeGreaterThan(0n);
    const daveAfter = views.accountInfo(chain.state, acct('dave')).stakes.find((p) => p.netuid === netuid)?.alpha ?? 0n;
    expect(daveAfter).toBeGreaterThan(daveBefore);
    // Eve, a nominator, earns through the pool too.
    const eve = views.accountInfo(chain.state, acct('eve')).stakes.find((p) => p.netuid === netuid);
    expect(eve?.alpha ?? 0n).toBeGreaterThan(0n);
    const info = views.dynamicInfo(chain.state, netuid, chain.block);
    expect(info?.taoIn).toBeGreaterThan(0n);
  });

  it('is deterministic: the same blocks give the same state digest', () => {
    const a = new TestChain();
    const b = new TestChain();
    story(a);
    story(b);
    a.run(15);
    b.run(15);
    expect(stateDigest(a.state)).toBe(stateDigest(b.state));
    b.ok('bob', 'transfer', { dest: acct('ferdie'), amount: 1n });
    expect(stateDigest(a.state)).not.toBe(stateDigest(b.state));
  });

  it('a failing extrinsic pays its fee and changes nothing else', () => {
    const chain = new TestChain();
    const netuid = story(chain);
    chain.ok('alice', 'transfer', { dest: acct('grace'), amount: TAO });
    const before = chain.state.get(storage.Accounts, acct('grace'));
    const r = chain.fails(
      'grace',
      'add_stake',
      { hotkey: acct('dave-hot'), netuid, amount: 5n * TAO },
      'NotEnoughBalanceToStake',
    );
    const after = chain.state.get(storage.Accounts, acct('grace'));
    expect(after?.free).toBe((before?.free ?? 0n) - r.fee);
    expect(after?.nonce).toBe((before?.nonce ?? 0n) + 1n);
    expect(r.error?.explanation).toMatch(/free TAO/);
  });
});
