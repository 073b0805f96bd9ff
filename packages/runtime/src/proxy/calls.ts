/**
 * Proxy calls that manage delegates and announcements (`proxy` and `proxy_announced` dispatch, so
 * they live with the dispatcher).
 */
import { type Args, account, hash32, oneOf, u64 } from '../system/args.js';
import { defineCall } from '../system/call.js';
import { announce, rejectAnnouncement, removeAnnouncement } from './announcements.js';
import { addProxy, removeProxy } from './proxy-delegates.js';
import { PROXY_TYPES } from './proxy-types.js';
import type { ProxyDefinition } from './storage.js';

function definition(a: Args): ProxyDefinition {
  const delay = u64(a, 'delay');
  return { delegate: account(a, 'delegate'), proxyType: oneOf(a, 'proxyType', PROXY_TYPES), delay };
}

export const proxyCalls = [
  defineCall({
    name: 'add_proxy',
    signer: 'coldkey',
    pays: true,
    description:
      'Let `delegate` act for this account with the calls `proxyType` allows; with a delay, it must announce each call and wait that many blocks. Reserves the proxy deposit.',
    parse: definition,
    run: (ctx, who, d) => addProxy(ctx, who, d),
  }),
  defineCall({
    name: 'remove_proxy',
    signer: 'coldkey',
    pays: true,
    description: 'Drop a proxy (same delegate, type and delay as added); its share of the deposit comes back.',
    parse: definition,
    run: (ctx, who, d) => removeProxy(ctx, who, d),
  }),
  defineCall({
    name: 'announce',
    signer: 'coldkey',
    pays: true,
    description:
      'As a proxy of `real`, announce the blake2b-256 hash of a call to make for it later with proxy_announced (reserves the announcement deposit).',
    parse: (a) => ({ real: account(a, 'real'), callHash: hash32(a, 'callHash') }),
    run: (ctx, who, a) => announce(ctx, who, a.real, a.callHash),
  }),
  defineCall({
    name: 'remove_announcement',
    signer: 'coldkey',
    pays: true,
    description: 'Withdraw a call this proxy announced for `real`; its deposit share comes back.',
    parse: (a) => ({ real: account(a, 'real'), callHash: hash32(a, 'callHash') }),
    run: (ctx, who, a) => removeAnnouncement(ctx, who, a.real, a.callHash),
  }),
  defineCall({
    name: 'reject_announcement',
    signer: 'coldkey',
    pays: true,
    description: 'Refuse a call that `delegate` announced for this account; the delegate gets its deposit share back.',
    parse: (a) => ({ delegate: account(a, 'delegate'), callHash: hash32(a, 'callHash') }),
    run: (ctx, who, a) => rejectAnnouncement(ctx, who, a.delegate, a.callHash),
  }),
];
