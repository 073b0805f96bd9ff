/**
 * End to end through real blocks: a validator's hotkey registered on one subnet lends its stake on
 * a second subnet to a child hotkey of another coldkey there, and earns dividends through it, less
 * the child's childkey take.
 */
import { describe, expect, it } from 'vitest';
import { storage, views } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';

const U64_MAX = (1n << 64n) - 1n;
const CHILD_TAKE = 5898;

function epochAfter(chain: TestChain, netuid: number, block: bigint): void {
  for (let i = 0; i < 200; i++) {
    if (chain.block > block && chain.state.get(storage.LastEpochBlock, netuid) === chain.block) return;
    chain.run(1);
  }
  throw new Error('no epoch ran');
}

describe('a parent earns dividends through its child on a second subnet', () => {
  it.each([
    ['no CKBurn', 0n],
    ['CKBurn 10%', U64_MAX / 10n],
  ])('pays nothing before the link, then the parent its share less the childkey take (%s)', (_label, ckBurn) => {
    const chain = new TestChain();
    chain.state.put(storage.ChildKeyParamsItem, { ...storage.DEFAULT_CHILD_KEY_PARAMS, pendingCooldown: 5n, ckBurn });
    const first = chain.subnet('alice');
    const second = chain.subnet('eve');
    const [bobHot, charlieHot] = [acct('bob-hot'), acct('charlie-hot')];
    chain.ok('bob', 'burned_register', { netuid: first, hotkey: bobHot });
    chain.ok('bob', 'add_stake', { hotkey: bobHot, netuid: first, amount: 100n * TAO });
    // bob-hot has no uid on the second subnet: its stake there earns nothing by itself.
    chain.ok('bob', 'add_stake', { hotkey: bobHot, netuid: second, amount: 100n * TAO });
    chain.ok('charlie', 'burned_register', { netuid: second, hotkey: charlieHot });
    chain.ok('charlie', 'add_stake', { hotkey: charlieHot, netuid: second, amount: 5n * TAO });
    chain.ok('charlie', 'set_childkey_take', { hotkey: charlieHot, netuid: second, take: CHILD_TAKE });

    const alpha = (h: typeof bobHot) => chain.state.get(storage.TotalHotkeyAlpha, [h, second]);
    const unlinked = alpha(bobHot);
    epochAfter(chain, second, chain.block);
    epochAfter(chain, second, chain.block);
    expect(alpha(bobHot)).toBe(unlinked);

    chain.ok('bob', 'set_children', {
      hotkey: bobHot,
      netuid: second,
      children: [{ proportion: U64_MAX, child: charlieHot }],
    });
    epochAfter(chain, second, chain.block + 5n);
    expect(views.parentsOf(chain.state, charlieHot, second)).toEqual([{ proportion: U64_MAX, hotkey: bobHot }]);
    expect(alpha(bobHot)).toBe(unlinked);

    // The next epoch pays charlie-hot's dividend to both: bob's share follows the stake it lends.
    const b0 = alpha(bobHot);
    const c0 = alpha(charlieHot);
    epochAfter(chain, second, chain.block);
    const bobGain = alpha(bobHot) - b0;
    const charlieGain = alpha(charlieHot) - c0;
    expect(bobGain).toBeGreaterThan(0n);
    expect(charlieGain).toBeGreaterThan(0n);
    // Independent model in floating point: bob's share of the pair's dividend is its lent stake's
    // share of the pair's stake, less the child's take. Neither holds root stake.
    const lentShare = Number(b0) / Number(b0 + c0);
    // CKBurn leaves the pair: bob's share is against what the pair received plus the burn.
    const burn = Number(ckBurn) / Number(U64_MAX);
    const expected = (lentShare * (1 - CHILD_TAKE / 65535 - burn)) / (1 - lentShare * burn);
    const actual = Number(bobGain) / Number(bobGain + charlieGain);
    expect(Math.abs(actual - expected)).toBeLessThan(1e-6);

    // The child counts with the parent's stake in the epoch; the parent's stake there counts nowhere else.
    const info = views.childKeyInfo(chain.state, charlieHot, second);
    expect(info.alphaInherited).toBeGreaterThan(alpha(bobHot));
    expect(views.childKeyInfo(chain.state, bobHot, second).alphaInherited).toBe(0n);
  });
});
