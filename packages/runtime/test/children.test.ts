/**
 * Child hotkeys through real blocks: every set_children / set_childkey_take error (state untouched
 * but fee and nonce), the cooldown before a list applies at an epoch, revocation, take bounds and
 * rate limit, and a parent earning dividends through a child on a second subnet.
 */
import { describe, expect, it } from 'vitest';
import { children, type State, storage, views } from '../src/index.js';
import { epochStakeFixed } from '../src/children/epoch-stake.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const U64_MAX = (1n << 64n) - 1n;
const HALF = U64_MAX / 2n;
const COOLDOWN = 5n;

const link = (name: string, proportion: bigint) => ({ proportion, child: acct(name) });

/** Child hotkey parameters for tests: a short cooldown, the reference's other defaults. */
function setParams(s: State, over: Partial<typeof storage.DEFAULT_CHILD_KEY_PARAMS> = {}): void {
  s.put(storage.ChildKeyParamsItem, { ...storage.DEFAULT_CHILD_KEY_PARAMS, pendingCooldown: COOLDOWN, ...over });
}

/** Alice's started subnet with bob-hot (bob) and charlie-hot (charlie) registered and staked. */
function world(opts: ConstructorParameters<typeof TestChain>[0] = {}) {
  const chain = new TestChain(opts);
  setParams(chain.state);
  const netuid = chain.subnet('alice');
  for (const who of ['bob', 'charlie', 'dave']) {
    chain.ok(who, 'burned_register', { netuid, hotkey: acct(`${who}-hot`) });
    chain.ok(who, 'add_stake', { hotkey: acct(`${who}-hot`), netuid, amount: 10n * TAO });
  }
  return { chain, netuid };
}

/** Runs blocks until the subnet's epoch has run at a block after `block`. */
function untilEpochAfter(chain: TestChain, netuid: number, block: bigint): void {
  for (let i = 0; i < 200; i++) {
    if (chain.block > block && chain.state.get(storage.LastEpochBlock, netuid) === chain.block) return;
    chain.run(1);
  }
  throw new Error('no epoch ran');
}

describe('set_children errors', () => {
  it('each check, in the reference order, changes nothing but fee and nonce', () => {
    const { chain, netuid } = world();
    const bobHot = acct('bob-hot');
    const args = (list: ReturnType<typeof link>[], n = netuid) => ({ hotkey: bobHot, netuid: n, children: list });
    refuses(chain, 'bob', 'set_children', args([link('charlie-hot', HALF)], 0), 'RegistrationNotPermittedOnRootSubnet');
    refuses(chain, 'bob', 'set_children', args([link('charlie-hot', HALF)], 9), 'SubnetNotExists', { hint: /9/ });
    refuses(chain, 'charlie', 'set_children', args([link('charlie-hot', HALF)]), 'NonAssociatedColdKey');
    refuses(chain, 'bob', 'set_children', args([link('charlie-hot', 1n), link('charlie-hot', 2n)]), 'DuplicateChild', {
      hint: /listed twice/,
    });
    refuses(chain, 'bob', 'set_children', args([link('bob-hot', HALF)]), 'InvalidChild');
    const six = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((n) => link(n, 1n));
    refuses(chain, 'bob', 'set_children', args(six), 'TooManyChildren', { hint: /at most 5/ });
    refuses(
      chain,
      'bob',
      'set_children',
      args([link('charlie-hot', U64_MAX), link('dave-hot', 1n)]),
      'ProportionOverflow',
    );
    refuses(chain, 'bob', 'set_children', { hotkey: bobHot, netuid, children: [{ child: 'x' }] }, 'InvalidArgument');

    // charlie-hot takes bob-hot as a child; bob-hot may then not take charlie-hot back.
    chain.ok('charlie', 'set_children', { hotkey: acct('charlie-hot'), netuid, children: [link('bob-hot', HALF)] });
    untilEpochAfter(chain, netuid, chain.block + COOLDOWN);
    expect(chain.state.get(storage.ParentKeys, [bobHot, netuid]).map((p) => p.hotkey)).toEqual([acct('charlie-hot')]);
    refuses(chain, 'bob', 'set_children', args([link('charlie-hot', HALF)]), 'ChildParentInconsistency');

    // A second list within 150 blocks of the first is rate-limited, with the block it is allowed at.
    chain.ok('bob', 'set_children', args([link('dave-hot', HALF)]));
    refuses(chain, 'bob', 'set_children', args([]), 'TxRateLimitExceeded', { hint: /next allowed at block \d+/ });
  });

  it('NotEnoughStakeToSetChildkeys below the stake threshold, except for the subnet owner hotkey or a revocation', () => {
    const { chain, netuid } = world({ params: { stakeThreshold: 1_000n * TAO } });
    refuses(
      chain,
      'bob',
      'set_children',
      { hotkey: acct('bob-hot'), netuid, children: [link('charlie-hot', HALF)] },
      'NotEnoughStakeToSetChildkeys',
      { hint: /at least τ1,?000(\.0+)? is needed to set children/ },
    );
    chain.ok('bob', 'set_children', { hotkey: acct('bob-hot'), netuid, children: [] });
    chain.ok('alice', 'set_children', { hotkey: acct('alice-hot'), netuid, children: [link('charlie-hot', HALF)] });
  });
});

describe('set_children scheduling', () => {
  it('waits for the cooldown, applies at the next epoch, mirrors ParentKeys, and moves stake weight', () => {
    const { chain, netuid } = world();
    const cooldown = 25n;
    setParams(chain.state, { pendingCooldown: cooldown });
    const [bobHot, charlieHot, daveHot] = [acct('bob-hot'), acct('charlie-hot'), acct('dave-hot')];
    const r = chain.ok('bob', 'set_children', {
      hotkey: bobHot,
      netuid,
      children: [link('dave-hot', HALF), link('charlie-hot', HALF / 2n)],
    });
    const at = chain.block;
    const scheduled = r.events.find((e) => e.name === 'SetChildrenScheduled');
    expect(scheduled?.data.cooldownBlock).toBe(at + cooldown);
    expect(chain.state.get(storage.ChildKeys, [bobHot, netuid])).toEqual([]);
    expect(views.pendingChildrenOf(chain.state, bobHot, netuid)?.cooldownBlock).toBe(at + cooldown);

    // Epochs at or before the cooldown block leave it pending (tempo 10 < cooldown 25: one ran).
    const epochs = new Set<bigint>();
    while (chain.block < at + cooldown) {
      chain.run(1);
      if (chain.state.get(storage.LastEpochBlock, netuid) === chain.block) epochs.add(chain.block);
      expect(chain.state.get(storage.ChildKeys, [bobHot, netuid])).toEqual([]);
    }
    expect(epochs.size).toBeGreaterThan(0);
    untilEpochAfter(chain, netuid, at + cooldown);
    expect(chain.state.get(storage.PendingChildKeys, [netuid, bobHot])).toBeNull();

    const kids = views.childrenOf(chain.state, bobHot, netuid);
    // Stored in account order, as the reference's ordered map keeps them.
    expect(kids.map((k) => k.hotkey)).toEqual([charlieHot, daveHot].sort());
    expect(views.parentsOf(chain.state, daveHot, netuid)).toEqual([{ proportion: HALF, hotkey: bobHot }]);
    expect(views.parentsOf(chain.state, charlieHot, netuid)).toEqual([{ proportion: HALF / 2n, hotkey: bobHot }]);

    const info = views.childKeyInfo(chain.state, bobHot, netuid);
    const own = chain.state.get(storage.TotalHotkeyAlpha, [bobHot, netuid]);
    // Lends 3/4 of its alpha, each share floored in U96F32 from a proportion with 32 fraction bits.
    const lentRaw = (p: bigint) => ((own << 32n) * ((p << 32n) / U64_MAX)) >> 32n;
    expect(info.alphaInherited).toBe(((own << 32n) - lentRaw(HALF) - lentRaw(HALF / 2n)) >> 32n);
    expect((info.alphaInherited * 1000n) / own).toBe(250n);
    expect(epochStakeFixed(chain.state, bobHot, netuid)).toBe(info.alphaInherited << 64n);
    expect(epochStakeFixed(chain.state, charlieHot, netuid) >> 64n).toBeGreaterThan(
      chain.state.get(storage.TotalHotkeyAlpha, [charlieHot, netuid]),
    );
    const lent =
      views.childKeyInfo(chain.state, charlieHot, netuid).alphaInherited -
      chain.state.get(storage.TotalHotkeyAlpha, [charlieHot, netuid]);
    expect(lent).toBe(
      children.alphaInherited(children.stateGraph(chain.state, netuid), charlieHot) -
        chain.state.get(storage.TotalHotkeyAlpha, [charlieHot, netuid]),
    );
    expect(lent).toBeGreaterThan(0n);
  });

  it('drops a pending list that became inconsistent by the time it applies', () => {
    const { chain, netuid } = world();
    const [bobHot, charlieHot] = [acct('bob-hot'), acct('charlie-hot')];
    // Both are valid when scheduled; whichever applies first makes the other a two-way pair.
    chain.ok('bob', 'set_children', { hotkey: bobHot, netuid, children: [link('charlie-hot', HALF)] });
    chain.ok('charlie', 'set_children', { hotkey: charlieHot, netuid, children: [link('bob-hot', HALF)] });
    untilEpochAfter(chain, netuid, chain.block + COOLDOWN);
    expect(chain.state.entries(storage.PendingChildKeys)).toEqual([]);
    const bobKids = views.childrenOf(chain.state, bobHot, netuid).length;
    const charlieKids = views.childrenOf(chain.state, charlieHot, netuid).length;
    expect(bobKids + charlieKids).toBe(1);
    const events = chain.lastResult?.events.filter((e) => e.name === 'SetChildren') ?? [];
    expect(events).toHaveLength(1);
  });

  it('applies at once before start_call', () => {
    const chain = new TestChain();
    setParams(chain.state);
    const r = chain.ok('alice', 'register_network', { hotkey: acct('alice-hot') });
    const netuid = r.events.find((e) => e.name === 'NetworkAdded')?.data.netuid as number;
    const x = chain.ok('alice', 'set_children', {
      hotkey: acct('alice-hot'),
      netuid,
      children: [link('bob-hot', HALF)],
    });
    expect(x.events.some((e) => e.name === 'SetChildren')).toBe(true);
    expect(views.parentsOf(chain.state, acct('bob-hot'), netuid)).toEqual([
      { proportion: HALF, hotkey: acct('alice-hot') },
    ]);
  });

  it('an empty list revokes every child after the cooldown', () => {
    const { chain, netuid } = world({ params: {} });
    setParams(chain.state, { setChildrenRateLimit: 0n });
    const bobHot = acct('bob-hot');
    chain.ok('bob', 'set_children', { hotkey: bobHot, netuid, children: [link('dave-hot', HALF)] });
    untilEpochAfter(chain, netuid, chain.block + COOLDOWN);
    expect(views.childrenOf(chain.state, bobHot, netuid)).toHaveLength(1);
    chain.ok('bob', 'set_children', { hotkey: bobHot, netuid, children: [] });
    expect(views.childrenOf(chain.state, bobHot, netuid)).toHaveLength(1);
    untilEpochAfter(chain, netuid, chain.block + COOLDOWN);
    expect(views.childrenOf(chain.state, bobHot, netuid)).toEqual([]);
    expect(views.parentsOf(chain.state, acct('dave-hot'), netuid)).toEqual([]);
    expect(chain.state.has(storage.ChildKeys, [bobHot, netuid])).toBe(false);
    expect(chain.state.has(storage.ParentKeys, [acct('dave-hot'), netuid])).toBe(false);
  });
});

describe('set_childkey_take', () => {
  it('bounds, rate limit on raises only, errors changing nothing but fee and nonce', () => {
    const { chain, netuid } = world();
    setParams(chain.state, { childkeyTakeRateLimit: 20n });
    const hotkey = acct('charlie-hot');
    refuses(chain, 'bob', 'set_childkey_take', { hotkey, netuid, take: 100 }, 'NonAssociatedColdKey');
    refuses(chain, 'charlie', 'set_childkey_take', { hotkey, netuid, take: 11797 }, 'InvalidChildkeyTake', {
      hint: /between 0 and 11796/,
    });
    chain.ok('charlie', 'set_childkey_take', { hotkey, netuid, take: 11796 });
    expect(views.childKeyInfo(chain.state, hotkey, netuid).childkeyTake).toBe(11796);
    chain.ok('charlie', 'set_childkey_take', { hotkey, netuid, take: 1000 });
    const set = chain.block;
    refuses(chain, 'charlie', 'set_childkey_take', { hotkey, netuid, take: 2000 }, 'TxChildkeyTakeRateLimitExceeded', {
      hint: new RegExp(`rise again at block ${set + 20n}`),
    });
    chain.ok('charlie', 'set_childkey_take', { hotkey, netuid, take: 500 });
    chain.run(20);
    chain.ok('charlie', 'set_childkey_take', { hotkey, netuid, take: 2000 });
    expect(chain.state.get(storage.ChildkeyTake, [hotkey, netuid])).toBe(2000);

    // A subnet minimum raises the floor and the effective take.
    chain.state.set(storage.MinChildkeyTakePerSubnet, netuid, 3000);
    expect(views.childKeyInfo(chain.state, hotkey, netuid).childkeyTake).toBe(3000);
    refuses(chain, 'charlie', 'set_childkey_take', { hotkey, netuid, take: 2999 }, 'InvalidChildkeyTake', {
      hint: /between 3000 and 11796/,
    });
  });
});

describe('child hotkey parameters and subnet dissolution', () => {
  it('the admin sets parameters and a subnet minimum; others and bad values are refused', () => {
    const { chain, netuid } = world();
    chain.ok('alice', 'sudo_set_childkey_param', { name: 'pendingCooldown', value: 15n });
    expect(children.childKeyParams(chain.state).pendingCooldown).toBe(15n);
    chain.ok('alice', 'sudo_set_childkey_param', { name: 'minChildkeyTake', value: 100, netuid });
    expect(chain.state.get(storage.MinChildkeyTakePerSubnet, netuid)).toBe(100);
    refuses(chain, 'bob', 'sudo_set_childkey_param', { name: 'ckBurn', value: 1n }, 'BadOrigin', { unpaid: true });
    refuses(chain, 'alice', 'sudo_set_childkey_param', { name: 'nope', value: 1n }, 'InvalidArgument', {
      hint: /one of pendingCooldown/,
    });
    refuses(chain, 'alice', 'sudo_set_childkey_param', { name: 'maxChildkeyTake', value: 70000 }, 'InvalidArgument', {
      hint: /0 to 65535/,
    });
  });

  it('dissolving a subnet removes its links, pending lists and takes', () => {
    const { chain, netuid } = world();
    setParams(chain.state, { setChildrenRateLimit: 0n });
    chain.ok('bob', 'set_children', { hotkey: acct('bob-hot'), netuid, children: [link('dave-hot', HALF)] });
    untilEpochAfter(chain, netuid, chain.block + COOLDOWN);
    chain.ok('bob', 'set_children', { hotkey: acct('bob-hot'), netuid, children: [link('charlie-hot', HALF)] });
    chain.ok('dave', 'set_childkey_take', { hotkey: acct('dave-hot'), netuid, take: 100 });
    expect(chain.state.entries(storage.PendingChildKeys)).toHaveLength(1);
    chain.ok('alice', 'sudo_dissolve_network', { netuid });
    for (const item of [storage.ChildKeys, storage.ParentKeys, storage.PendingChildKeys, storage.ChildkeyTake]) {
      expect(chain.state.entries(item as typeof storage.ChildKeys)).toEqual([]);
    }
  });
});
