/**
 * Proxy deposits and announced (delayed) proxies through real blocks, as the reference's proxy
 * pallet has them: a proxy list and a delegate's announcements hold base + factor · n reserved,
 * returned as entries go; a delayed proxy announces a call's hash and proxy_announced runs it once
 * the delay has passed; the delegate may withdraw an announcement and the real account reject it.
 * Every error leaves the state as it was, apart from fee and nonce (refuses), and the invariants,
 * which count reserved TAO, hold after every block.
 */
import { blake2b256, toHex } from '@taonet/primitives';
import { encodeRuntimeCall } from '@taonet/primitives/substrate/runtime-call';
import { describe, expect, it } from 'vitest';
import { storage } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const free = (chain: TestChain, who: string): bigint => chain.state.get(storage.Accounts, acct(who))?.free ?? 0n;
const reserved = (chain: TestChain, who: string): bigint => chain.state.get(storage.Reserved, acct(who));
const pay = (to: string, amount: bigint) => ({ method: 'transfer', args: { dest: acct(to), amount, keepAlive: true } });
const hashOf = (call: { method: string; args: Record<string, unknown> }) => toHex(blake2b256(encodeRuntimeCall(call)));
const proxyDeposit = (n: bigint) => storage.PROXY_DEPOSIT_BASE + storage.PROXY_DEPOSIT_FACTOR * n;
const announcementDeposit = (n: bigint) => storage.ANNOUNCEMENT_DEPOSIT_BASE + storage.ANNOUNCEMENT_DEPOSIT_FACTOR * n;
const def = (delegate: string, proxyType = 'Any', delay = 0n) => ({ delegate: acct(delegate), proxyType, delay });

describe('proxy deposits', () => {
  it('add_proxy reserves base + factor · n, remove_proxy returns it entry by entry', () => {
    const chain = new TestChain();
    const before = free(chain, 'charlie');
    const a = chain.ok('charlie', 'add_proxy', def('bob', 'Staking'));
    expect(reserved(chain, 'charlie')).toBe(proxyDeposit(1n));
    expect(free(chain, 'charlie')).toBe(before - a.fee - proxyDeposit(1n));
    const b = chain.ok('charlie', 'add_proxy', def('dave', 'Transfer'));
    expect(reserved(chain, 'charlie')).toBe(proxyDeposit(2n));
    expect(chain.state.get(storage.ProxyDeposit, acct('charlie'))).toBe(proxyDeposit(2n));
    const c = chain.ok('charlie', 'remove_proxy', def('bob', 'Staking'));
    expect(reserved(chain, 'charlie')).toBe(proxyDeposit(1n));
    const d = chain.ok('charlie', 'remove_proxy', def('dave', 'Transfer'));
    expect(reserved(chain, 'charlie')).toBe(0n);
    expect(chain.state.get(storage.ProxyDeposit, acct('charlie'))).toBe(0n);
    // Every deposit came back: only the fees are gone.
    expect(free(chain, 'charlie')).toBe(before - a.fee - b.fee - c.fee - d.fee);
  });

  it('a deposit the free balance cannot cover refuses add_proxy with InsufficientBalance', () => {
    const chain = new TestChain({ funded: ['alice', 'bob'], balance: 1_000n * TAO });
    chain.ok('alice', 'transfer', { dest: acct('poor'), amount: 50_000_000n });
    refuses(chain, 'poor', 'add_proxy', def('bob'), 'InsufficientBalance');
  });
});

describe('announced proxies', () => {
  function delayed(delay = 5n) {
    const chain = new TestChain();
    chain.ok('charlie', 'add_proxy', def('bob', 'Any', delay));
    return chain;
  }

  it('a delayed proxy cannot use proxy; it announces, waits the delay, then proxy_announced runs the call', () => {
    const chain = delayed();
    const call = pay('eve', 2n * TAO);
    refuses(chain, 'bob', 'proxy', { real: acct('charlie'), call }, 'Unannounced', { hint: /delay of 5 blocks/ });
    const bobBefore = free(chain, 'bob');
    const a = chain.ok('bob', 'announce', { real: acct('charlie'), callHash: hashOf(call) });
    expect(a.events[0]).toMatchObject({
      name: 'Announced',
      data: { real: acct('charlie'), proxy: acct('bob'), callHash: hashOf(call) },
    });
    expect(reserved(chain, 'bob')).toBe(announcementDeposit(1n));
    expect(free(chain, 'bob')).toBe(bobBefore - a.fee - announcementDeposit(1n));
    const height = chain.block;
    expect(chain.state.get(storage.Announcements, acct('bob'))).toEqual({
      pending: [{ real: acct('charlie'), callHash: hashOf(call), height }],
      deposit: announcementDeposit(1n),
    });
    // Too early: the hint names the first block it may run.
    const args = { delegate: acct('bob'), real: acct('charlie'), call };
    refuses(chain, 'dave', 'proxy_announced', args, 'Unannounced', { hint: new RegExp(`block ${height + 5n}`) });
    chain.run(4);
    const eveBefore = free(chain, 'eve');
    const r = chain.ok('dave', 'proxy_announced', args);
    expect(r.events.at(-2)).toMatchObject({ name: 'ProxyExecuted', data: { result: 'ok' } });
    expect(free(chain, 'eve')).toBe(eveBefore + 2n * TAO);
    // The announcement is used up and its deposit returned to the delegate.
    expect(chain.state.get(storage.Announcements, acct('bob'))).toBeNull();
    expect(reserved(chain, 'bob')).toBe(0n);
    refuses(chain, 'dave', 'proxy_announced', args, 'Unannounced', { hint: /announce its hash first/ });
  });

  it('proxy_announced runs only the announced call, under the proxy type’s filter', () => {
    const chain = new TestChain();
    chain.ok('charlie', 'add_proxy', def('bob', 'Staking', 1n));
    const call = pay('eve', TAO);
    chain.ok('bob', 'announce', { real: acct('charlie'), callHash: hashOf(call) });
    chain.run(1);
    const other = pay('eve', 3n * TAO);
    refuses(
      chain,
      'bob',
      'proxy_announced',
      { delegate: acct('bob'), real: acct('charlie'), call: other },
      'Unannounced',
    );
    const eveBefore = free(chain, 'eve');
    const r = chain.ok('bob', 'proxy_announced', { delegate: acct('bob'), real: acct('charlie'), call });
    expect(r.events.at(-2)).toMatchObject({
      name: 'ProxyExecuted',
      data: { result: { error: { code: 'CallFiltered' } } },
    });
    expect(free(chain, 'eve')).toBe(eveBefore);
  });

  it('the delegate withdraws an announcement and the real account rejects one; deposits follow', () => {
    const chain = delayed();
    const one = hashOf(pay('eve', TAO));
    const two = hashOf(pay('eve', 2n * TAO));
    chain.ok('bob', 'announce', { real: acct('charlie'), callHash: one });
    chain.ok('bob', 'announce', { real: acct('charlie'), callHash: two });
    expect(reserved(chain, 'bob')).toBe(announcementDeposit(2n));
    chain.ok('bob', 'remove_announcement', { real: acct('charlie'), callHash: one });
    expect(reserved(chain, 'bob')).toBe(announcementDeposit(1n));
    expect(chain.state.get(storage.Announcements, acct('bob'))?.pending.map((a) => a.callHash)).toEqual([two]);
    refuses(chain, 'bob', 'remove_announcement', { real: acct('charlie'), callHash: one }, 'NotFound');
    refuses(chain, 'dave', 'reject_announcement', { delegate: acct('bob'), callHash: two }, 'NotFound');
    chain.ok('charlie', 'reject_announcement', { delegate: acct('bob'), callHash: two });
    expect(chain.state.get(storage.Announcements, acct('bob'))).toBeNull();
    expect(reserved(chain, 'bob')).toBe(0n);
  });

  it('errors: NotProxy, TooMany, InvalidArgument', () => {
    const chain = delayed();
    const h = (i: number) => `0x${i.toString(16).padStart(64, '0')}`;
    refuses(chain, 'dave', 'announce', { real: acct('charlie'), callHash: h(1) }, 'NotProxy');
    refuses(chain, 'bob', 'announce', { real: acct('charlie'), callHash: '0x12' }, 'InvalidArgument');
    for (let i = 0; i < storage.MAX_PENDING; i++)
      chain.ok('bob', 'announce', { real: acct('charlie'), callHash: h(i) });
    expect(reserved(chain, 'bob')).toBe(announcementDeposit(BigInt(storage.MAX_PENDING)));
    refuses(chain, 'bob', 'announce', { real: acct('charlie'), callHash: h(999) }, 'TooMany', { hint: /at most 75/ });
    refuses(
      chain,
      'dave',
      'proxy_announced',
      { delegate: acct('dave'), real: acct('charlie'), call: pay('eve', 1n) },
      'NotProxy',
    );
  });
});
