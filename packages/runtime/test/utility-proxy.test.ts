/**
 * Utility batches and proxies through real blocks: per-item results and the reference's events,
 * all-or-nothing batch_all, proxy types filtering what a delegate may do (nested calls included),
 * and every error they add (state untouched apart from fee and nonce).
 */
import { describe, expect, it } from 'vitest';
import { storage } from '../src/index.js';
import { stakeOf } from '../src/staking/stake-pool-state.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const free = (chain: TestChain, who: string): bigint => chain.state.get(storage.Accounts, acct(who))?.free ?? 0n;
const pay = (to: string, amount: bigint) => ({ method: 'transfer', args: { dest: acct(to), amount } });
const names = (r: { events: { name: string }[] }) => r.events.map((e) => e.name);

describe('batch, batch_all, force_batch', () => {
  it('batch stops at the first failure and keeps what came before', () => {
    const chain = new TestChain();
    const before = free(chain, 'dave');
    const r = chain.ok('bob', 'batch', { calls: [pay('dave', TAO), pay('dave', 0n), pay('dave', TAO)] });
    expect(names(r)).toEqual(['Transfer', 'ItemCompleted', 'BatchInterrupted', 'ExtrinsicSuccess']);
    expect(r.events[2]?.data).toMatchObject({ index: 1, error: { code: 'ZeroAmount' } });
    expect(free(chain, 'dave')).toBe(before + TAO);
  });

  it('force_batch runs every call and reports each', () => {
    const chain = new TestChain();
    const before = free(chain, 'dave');
    const r = chain.ok('bob', 'force_batch', { calls: [pay('dave', TAO), pay('dave', 0n), pay('dave', TAO)] });
    expect(names(r)).toEqual([
      'Transfer',
      'ItemCompleted',
      'ItemFailed',
      'Transfer',
      'ItemCompleted',
      'BatchCompletedWithErrors',
      'ExtrinsicSuccess',
    ]);
    expect(free(chain, 'dave')).toBe(before + 2n * TAO);
    const ok = chain.ok('bob', 'force_batch', { calls: [pay('dave', TAO)] });
    expect(names(ok).at(-2)).toBe('BatchCompleted');
  });

  it('batch_all is all or nothing, and cannot nest another batch_all', () => {
    const chain = new TestChain();
    const r = chain.ok('bob', 'batch_all', { calls: [pay('dave', TAO), pay('eve', TAO)] });
    expect(names(r)).toEqual([
      'Transfer',
      'ItemCompleted',
      'Transfer',
      'ItemCompleted',
      'BatchCompleted',
      'ExtrinsicSuccess',
    ]);
    refuses(chain, 'bob', 'batch_all', { calls: [pay('dave', TAO), pay('dave', 0n)] }, 'ZeroAmount');
    refuses(
      chain,
      'bob',
      'batch_all',
      { calls: [pay('dave', TAO), { method: 'batch_all', args: { calls: [] } }] },
      'CallFiltered',
    );
    // A plain batch inside batch_all is allowed.
    chain.ok('bob', 'batch_all', { calls: [{ method: 'batch', args: { calls: [pay('dave', TAO)] } }] });
  });

  it('nested calls meet the admin and coldkey-swap checks; TooManyCalls and malformed calls are refused', () => {
    const chain = new TestChain();
    const sudo = { method: 'sudo_set_network_param', args: { name: 'stakeThreshold', value: 1n } };
    const r = chain.ok('bob', 'batch', { calls: [sudo] });
    expect(r.events[0]?.data).toMatchObject({ index: 0, error: { code: 'BadOrigin' } });
    chain.ok('alice', 'batch_all', { calls: [sudo] });
    expect(chain.state.value(storage.Params).stakeThreshold).toBe(1n);
    const many = Array.from({ length: 10_923 }, () => pay('dave', 1n));
    refuses(chain, 'bob', 'batch', { calls: many }, 'TooManyCalls', { hint: /at most 10922/ });
    refuses(chain, 'bob', 'batch', { calls: [{ method: 7 }] }, 'InvalidArgument');
    refuses(chain, 'bob', 'batch', { calls: 'no' }, 'InvalidArgument');
    chain.ok('eve', 'announce_coldkey_swap', { newColdkeyHash: `0x${'11'.repeat(32)}` });
    refuses(chain, 'eve', 'batch', { calls: [pay('dave', 1n)] }, 'ColdkeySwapAnnounced');
    const unknown = chain.ok('bob', 'force_batch', { calls: [{ method: 'no_such_call', args: {} }] });
    expect(unknown.events[0]?.data).toMatchObject({ error: { code: 'CallDisabled' } });
  });
});

describe('proxies', () => {
  function staked() {
    const chain = new TestChain();
    const netuid = chain.subnet('alice');
    return { chain, netuid, hot: acct('alice-hot') };
  }

  it('a Staking proxy stakes for its coldkey, and may not transfer', () => {
    const { chain, netuid, hot } = staked();
    const added = chain.ok('charlie', 'add_proxy', { delegate: acct('bob'), proxyType: 'Staking', delay: 0n });
    expect(added.events[0]?.data).toMatchObject({
      delegator: acct('charlie'),
      delegatee: acct('bob'),
      proxyType: 'Staking',
    });
    const bobBefore = free(chain, 'bob');
    const r = chain.ok('bob', 'proxy', {
      real: acct('charlie'),
      call: { method: 'add_stake', args: { hotkey: hot, netuid, amount: 10n * TAO } },
    });
    expect(r.events.at(-2)).toMatchObject({ name: 'ProxyExecuted', data: { result: 'ok' } });
    expect(stakeOf(chain.state, hot, acct('charlie'), netuid)).toBeGreaterThan(0n);
    expect(free(chain, 'bob')).toBe(bobBefore - r.fee);
    const charlieBefore = free(chain, 'charlie');
    const t = chain.ok('bob', 'proxy', { real: acct('charlie'), call: pay('bob', TAO) });
    expect(t.events.at(-2)).toMatchObject({
      name: 'ProxyExecuted',
      data: { result: { error: { code: 'CallFiltered' } } },
    });
    expect(free(chain, 'charlie')).toBe(charlieBefore);
  });

  it('filters reach calls inside a batch; a deny-list type may batch, an allow-list type may not', () => {
    const { chain, netuid, hot } = staked();
    chain.ok('charlie', 'add_proxy', { delegate: acct('bob'), proxyType: 'NonTransfer', delay: 0n });
    const stake = { method: 'add_stake', args: { hotkey: hot, netuid, amount: 5n * TAO } };
    const r = chain.ok('bob', 'proxy', {
      real: acct('charlie'),
      call: { method: 'force_batch', args: { calls: [stake, pay('bob', TAO)] } },
    });
    expect(names(r)).toContain('StakeAdded');
    expect(r.events.find((e) => e.name === 'ItemFailed')?.data).toMatchObject({ error: { code: 'CallFiltered' } });
    chain.ok('dave', 'add_proxy', { delegate: acct('bob'), proxyType: 'Staking', delay: 0n });
    const s = chain.ok('bob', 'proxy', { real: acct('dave'), call: { method: 'batch', args: { calls: [stake] } } });
    expect(s.events.at(-2)?.data).toMatchObject({ result: { error: { code: 'CallFiltered' } } });
  });

  it('SmallTransfer below 0.5 TAO only; forceProxyType picks the type; add_proxy through a proxy needs a superset type', () => {
    const { chain } = staked();
    chain.ok('charlie', 'add_proxy', { delegate: acct('bob'), proxyType: 'SmallTransfer', delay: 0n });
    chain.ok('charlie', 'add_proxy', { delegate: acct('bob'), proxyType: 'NonTransfer', delay: 0n });
    const small = chain.ok('bob', 'proxy', {
      real: acct('charlie'),
      forceProxyType: 'SmallTransfer',
      call: pay('dave', TAO / 10n),
    });
    expect(small.events.at(-2)?.data).toEqual({ result: 'ok' });
    const big = chain.ok('bob', 'proxy', {
      real: acct('charlie'),
      forceProxyType: 'SmallTransfer',
      call: pay('dave', TAO),
    });
    expect(big.events.at(-2)?.data).toMatchObject({ result: { error: { code: 'CallFiltered' } } });
    const grant = (proxyType: string) => ({
      method: 'add_proxy',
      args: { delegate: acct('eve'), proxyType, delay: 0n },
    });
    const up = chain.ok('bob', 'proxy', {
      real: acct('charlie'),
      forceProxyType: 'NonTransfer',
      call: grant('Transfer'),
    });
    expect(up.events.at(-2)?.data).toMatchObject({ result: { error: { code: 'CallFiltered' } } });
    const ok = chain.ok('bob', 'proxy', {
      real: acct('charlie'),
      forceProxyType: 'NonTransfer',
      call: grant('Staking'),
    });
    expect(ok.events.at(-2)?.data).toEqual({ result: 'ok' });
    // The grant went to charlie's proxies (the proxied account), never Transfer.
    const list = chain.state.get(storage.Proxies, acct('charlie'));
    expect(list.filter((d) => d.delegate === acct('eve')).map((d) => d.proxyType)).toEqual(['Staking']);
    expect(list).toHaveLength(3);
  });

  it('errors: NoSelfProxy, Duplicate, TooMany, NotFound, NotProxy, Unannounced, InvalidArgument', () => {
    const { chain } = staked();
    const add = (delegate: string, proxyType = 'Staking') => ({ delegate: acct(delegate), proxyType, delay: 0n });
    refuses(chain, 'charlie', 'add_proxy', add('charlie'), 'NoSelfProxy');
    chain.ok('charlie', 'add_proxy', add('bob'));
    refuses(chain, 'charlie', 'add_proxy', add('bob'), 'Duplicate');
    refuses(chain, 'charlie', 'add_proxy', add('bob', 'Boss'), 'InvalidArgument');
    for (let i = 1; i < 20; i++) chain.ok('charlie', 'add_proxy', add(`p${i}`));
    refuses(chain, 'charlie', 'add_proxy', add('p20'), 'TooMany', { hint: /at most 20/ });
    refuses(chain, 'charlie', 'remove_proxy', add('bob', 'Transfer'), 'NotFound');
    chain.ok('charlie', 'remove_proxy', add('bob'));
    refuses(chain, 'bob', 'proxy', { real: acct('charlie'), call: pay('bob', 1n) }, 'NotProxy');
    chain.ok('charlie', 'add_proxy', add('eve'));
    refuses(chain, 'eve', 'proxy', { real: acct('charlie'), forceProxyType: 'Any', call: pay('bob', 1n) }, 'NotProxy', {
      hint: /not a Any proxy/,
    });
    // A delayed proxy must announce its calls (proxy-announcements.test.ts).
    chain.ok('dave', 'add_proxy', { ...add('bob', 'Any'), delay: 3n });
    refuses(chain, 'bob', 'proxy', { real: acct('dave'), call: pay('bob', 1n) }, 'Unannounced', { hint: /announce/ });
  });
});
