/**
 * The Sudo pallet through real blocks: only the sudo key may use it; the inner call runs with Root
 * origin (or as `who` for sudo_as) and its failure is reported in Sudid / SudoAsDone without
 * failing the extrinsic or leaving any trace; set_key hands the key on, remove_key ends it. Root
 * counts as the admin wherever the admin key does, and may not make calls that need a signer.
 */
import { ADMIN_UTILS_FROM_RUNTIME } from '@taonet/primitives/substrate/admin-utils-calls';
import { TAONET_ADMIN_FROM_RUNTIME } from '@taonet/primitives/substrate/taonet-admin-calls';
import { describe, expect, it } from 'vitest';
import { callDef, storage } from '../src/index.js';
import { acct, TAO, TestChain } from './utils/chain.js';
import { refuses } from './utils/expect-error.js';

const free = (chain: TestChain, who: string): bigint => chain.state.get(storage.Accounts, acct(who))?.free ?? 0n;
const names = (r: { events: { name: string }[] }) => r.events.map((e) => e.name);
const hp = (chain: TestChain, netuid: number) => chain.state.get(storage.Hyperparameters, netuid);
const setRateLimit = (netuid: number, value: bigint) => ({
  method: 'set_hyperparameter',
  args: { netuid, name: 'weightsSetRateLimit', value },
});
const networkParam = (value: bigint) => ({ method: 'sudo_set_network_param', args: { name: 'stakeThreshold', value } });
const pay = (to: string, amount: bigint) => ({ method: 'transfer', args: { dest: acct(to), amount } });

describe('Sudo.sudo', () => {
  it('dispatches an admin-only setter with Root origin, signed by the key', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('charlie');
    expect(hp(chain, netuid)?.weightsSetRateLimit).not.toBe(3n);
    const r = chain.ok('alice', 'sudo', { call: setRateLimit(netuid, 3n) });
    expect(names(r).at(-2)).toBe('Sudid');
    expect(r.events.at(-2)?.data).toEqual({ sudoResult: 'ok' });
    expect(hp(chain, netuid)?.weightsSetRateLimit).toBe(3n);
    chain.ok('alice', 'sudo', { call: networkParam(7n) });
    expect(chain.state.value(storage.Params).stakeThreshold).toBe(7n);
  });

  it('refuses any caller but the key: RequireSudo, nothing changes but fee and nonce', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('charlie');
    refuses(chain, 'bob', 'sudo', { call: setRateLimit(netuid, 3n) }, 'RequireSudo', { hint: /sudo key is 0x/ });
    refuses(chain, 'charlie', 'sudo_as', { who: acct('dave'), call: pay('charlie', TAO) }, 'RequireSudo');
    refuses(chain, 'bob', 'sudo_set_key', { new: acct('bob') }, 'RequireSudo');
    refuses(chain, 'bob', 'sudo_remove_key', {}, 'RequireSudo');
    expect(chain.state.value(storage.SudoKey)).toBe(acct('alice'));
  });

  it('an inner failure gives Sudid with the error, a successful extrinsic, and no inner state change', () => {
    const chain = new TestChain();
    const before = chain.state.value(storage.Params);
    // A transfer needs a signer: Root is refused as ensure_signed refuses it.
    const r = chain.ok('alice', 'sudo', {
      call: { method: 'batch_all', args: { calls: [networkParam(9n), pay('dave', TAO)] } },
    });
    expect(names(r)).toEqual(['Sudid', 'ExtrinsicSuccess']);
    expect(r.events[0]?.data).toMatchObject({ sudoResult: { error: { code: 'BadOrigin' } } });
    expect(chain.state.value(storage.Params)).toEqual(before);
    const missing = chain.ok('alice', 'sudo', { call: setRateLimit(77, 3n) });
    expect(missing.events[0]?.data).toMatchObject({ sudoResult: { error: { code: 'SubnetNotExists' } } });
    const unchecked = chain.ok('alice', 'sudo_unchecked_weight', {
      call: networkParam(9n),
      weight: { refTime: 1n, proofSize: 0n },
    });
    expect(unchecked.events.at(-2)).toEqual({ name: 'Sudid', data: { sudoResult: 'ok' } });
    expect(chain.state.value(storage.Params).stakeThreshold).toBe(9n);
    refuses(chain, 'alice', 'sudo_unchecked_weight', { call: networkParam(1n), weight: 5 }, 'InvalidArgument');
  });

  it('a batch under Root dispatches each item as Root', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('charlie');
    const r = chain.ok('alice', 'sudo', {
      call: { method: 'batch', args: { calls: [setRateLimit(netuid, 4n), networkParam(5n)] } },
    });
    expect(names(r)).toEqual([
      'HyperparameterSet',
      'ItemCompleted',
      'NetworkParamSet',
      'ItemCompleted',
      'BatchCompleted',
      'Sudid',
      'ExtrinsicSuccess',
    ]);
    expect(hp(chain, netuid)?.weightsSetRateLimit).toBe(4n);
  });
});

describe('Root origin', () => {
  it('is the admin for owner-or-admin calls: no owner bounds or rate limits', () => {
    const chain = new TestChain();
    const netuid = chain.subnet('charlie');
    const root = (method: string, args: Record<string, unknown>) => {
      const r = chain.ok('alice', 'sudo', { call: { method, args } });
      expect(r.events.at(-2)).toEqual({ name: 'Sudid', data: { sudoResult: 'ok' } });
    };
    root('set_hyperparameter', { netuid, name: 'maxAllowedUids', value: 64 });
    root('sudo_set_max_mechanism_count', { maxMechanismCount: 4 });
    root('sudo_set_mechanism_count', { netuid, mechanismCount: 2 });
    root('sudo_set_mechanism_count', { netuid, mechanismCount: 3 });
    expect(chain.state.get(storage.MechanismCountCurrent, netuid)).toBe(3);
  });

  it('is accepted by every runtime call that AdminUtils and TaonetAdmin translate to', () => {
    const methods = [...Object.keys(ADMIN_UTILS_FROM_RUNTIME), ...Object.keys(TAONET_ADMIN_FROM_RUNTIME)];
    expect(methods.length).toBeGreaterThan(5);
    for (const m of methods) {
      const def = callDef(m);
      expect(def?.signer === 'admin' || def?.root === true, m).toBe(true);
    }
  });

  it('lifts the filters of the dispatches around it, as FRAME’s sudo does', () => {
    const chain = new TestChain();
    const inner = { method: 'batch_all', args: { calls: [networkParam(8n)] } };
    // batch_all may not hold a batch_all, except inside a sudo.
    const r = chain.ok('alice', 'batch_all', { calls: [{ method: 'sudo', args: { call: inner } }] });
    expect(names(r)).toContain('Sudid');
    expect(chain.state.value(storage.Params).stakeThreshold).toBe(8n);
  });
});

describe('Sudo.sudo_as', () => {
  it('dispatches as the given signer; its failure is SudoAsDone with the error', () => {
    const chain = new TestChain();
    const bob = free(chain, 'bob');
    const dave = free(chain, 'dave');
    const r = chain.ok('alice', 'sudo_as', { who: acct('bob'), call: pay('dave', TAO) });
    expect(names(r)).toEqual(['Transfer', 'SudoAsDone', 'ExtrinsicSuccess']);
    expect(free(chain, 'bob')).toBe(bob - TAO);
    expect(free(chain, 'dave')).toBe(dave + TAO);
    // As bob, an admin call is refused: sudo_as gives bob's origin, not Root.
    const denied = chain.ok('alice', 'sudo_as', { who: acct('bob'), call: networkParam(3n) });
    expect(denied.events[0]?.data).toMatchObject({ sudoResult: { error: { code: 'BadOrigin' } } });
    expect(chain.state.value(storage.Params).stakeThreshold).not.toBe(3n);
  });

  it('the signer’s own checks still apply: a coldkey with an announced swap may not transfer', () => {
    const chain = new TestChain();
    chain.ok('eve', 'announce_coldkey_swap', { newColdkeyHash: `0x${'11'.repeat(32)}` });
    const r = chain.ok('alice', 'sudo_as', { who: acct('eve'), call: pay('dave', TAO) });
    expect(r.events[0]?.data).toMatchObject({ sudoResult: { error: { code: 'ColdkeySwapAnnounced' } } });
  });
});

describe('Sudo.set_key and remove_key', () => {
  it('set_key hands the key on: the old key is refused, the new one is the admin', () => {
    const chain = new TestChain();
    const r = chain.ok('alice', 'sudo_set_key', { new: acct('bob') });
    expect(r.events[0]).toEqual({ name: 'KeyChanged', data: { old: acct('alice'), new: acct('bob') } });
    refuses(chain, 'alice', 'sudo', { call: networkParam(2n) }, 'RequireSudo');
    // The old key signing an admin call directly is refused too (at the door, unpaid).
    refuses(chain, 'alice', 'sudo_set_network_param', { name: 'stakeThreshold', value: 2n }, 'BadOrigin', {
      unpaid: true,
    });
    chain.ok('bob', 'sudo', { call: networkParam(2n) });
    expect(chain.state.value(storage.Params).stakeThreshold).toBe(2n);
    // Root may set the key as well.
    chain.ok('bob', 'sudo', { call: { method: 'sudo_set_key', args: { new: acct('charlie') } } });
    expect(chain.state.value(storage.SudoKey)).toBe(acct('charlie'));
  });

  it('remove_key leaves no key: every Sudo call and admin call is refused afterwards', () => {
    const chain = new TestChain();
    const r = chain.ok('alice', 'sudo_remove_key', {});
    expect(names(r)).toEqual(['KeyRemoved', 'ExtrinsicSuccess']);
    expect(chain.state.value(storage.SudoKey)).toBe(null);
    refuses(chain, 'alice', 'sudo', { call: networkParam(2n) }, 'RequireSudo', { hint: /removed/ });
    refuses(chain, 'alice', 'sudo_set_key', { new: acct('alice') }, 'RequireSudo');
    refuses(chain, 'alice', 'sudo_set_network_param', { name: 'stakeThreshold', value: 2n }, 'BadOrigin', {
      unpaid: true,
    });
  });
});
