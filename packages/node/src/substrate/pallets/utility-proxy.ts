/**
 * Utility (11) and Proxy (16): batches and acting for another account. Calls from primitives'
 * utility-proxy-calls.ts; Proxy.Proxies is read from the runtime's proxy state at subtensor's key
 * and type (the Python SDK's get_proxies reads it), and the runtime's proxy events travel as
 * Taonet events.
 */
import { type AccountId, fromHex } from '@taonet/primitives';
import { PROXY_CALLS, ProxyType, UTILITY_CALLS } from '@taonet/primitives/substrate';
import { storage } from '@taonet/runtime';
import { acct, acctBytes, type PalletDef } from '../pallet.js';
import { fields, T } from '../scale-type.js';
import { AccountId32, DispatchResult, H256 } from '../types.js';

export const ProxyAnnouncement = T.composite(
  'pallet_subtensor_proxy::Announcement',
  fields({ real: AccountId32, call_hash: H256, height: T.u32 }),
);

const constant = (name: string, value: bigint | number, doc: string) => ({
  name,
  type: typeof value === 'bigint' ? T.u64 : T.u32,
  value,
  docs: [doc],
});

export const ProxyDefinition = T.composite(
  'pallet_subtensor_proxy::ProxyDefinition',
  fields({ delegate: AccountId32, proxy_type: ProxyType, delay: T.u32 }),
);

export const utilityPallet = (): PalletDef => ({
  name: UTILITY_CALLS.pallet,
  index: UTILITY_CALLS.index,
  docs: ['Batches: dispatch several calls in one transaction.'],
  calls: UTILITY_CALLS.calls,
});

export const proxyPallet = (): PalletDef => ({
  name: PROXY_CALLS.pallet,
  index: PROXY_CALLS.index,
  docs: ['Proxies: let another account act for this one, limited by a proxy type.'],
  calls: PROXY_CALLS.calls,
  storage: [
    {
      name: 'Proxies',
      docs: ['The proxies of an account (delegate, type, delay) and the deposit they hold.'],
      modifier: 'Default',
      keys: [{ hasher: 'Twox64Concat', type: AccountId32 }],
      value: T.tuple(T.vec(ProxyDefinition), T.u64),
      fallback: [[], 0n],
      get: (ctx, [real]) => {
        const list = ctx.state.get(storage.Proxies, acct(real));
        if (list.length === 0) return undefined;
        const defs = list.map((d) => ({
          delegate: acctBytes(d.delegate),
          proxy_type: { tag: d.proxyType, value: undefined },
          delay: Number(d.delay),
        }));
        return [defs, ctx.state.get(storage.ProxyDeposit, acct(real))];
      },
      keysOf: (ctx) =>
        ctx.state
          .entries(storage.Proxies)
          .filter(([, list]) => list.length > 0)
          .map(([k]) => [acctBytes(k as AccountId)]),
    },
    {
      name: 'Announcements',
      docs: ['The calls a delegate announced (real, call hash, block) and the deposit they hold.'],
      modifier: 'Default',
      keys: [{ hasher: 'Twox64Concat', type: AccountId32 }],
      value: T.tuple(T.vec(ProxyAnnouncement), T.u64),
      fallback: [[], 0n],
      get: (ctx, [delegate]) => {
        const a = ctx.state.get(storage.Announcements, acct(delegate));
        if (a === null) return undefined;
        const pending = a.pending.map((x) => ({
          real: acctBytes(x.real),
          call_hash: fromHex(x.callHash),
          height: Number(x.height),
        }));
        return [pending, a.deposit];
      },
      keysOf: (ctx) =>
        ctx.state
          .entries(storage.Announcements)
          .filter(([, a]) => a !== null)
          .map(([k]) => [acctBytes(k as AccountId)]),
    },
  ],
  // subtensor's variants and indices; Taonet has no pure proxies, so PureCreated and PureKilled never occur.
  events: [
    { name: 'ProxyExecuted', index: 0, fields: fields({ result: DispatchResult }) },
    {
      name: 'PureCreated',
      index: 1,
      fields: fields({ pure: AccountId32, who: AccountId32, proxy_type: ProxyType, disambiguation_index: T.u16 }),
    },
    {
      name: 'PureKilled',
      index: 2,
      fields: fields({ pure: AccountId32, spawner: AccountId32, proxy_type: ProxyType, disambiguation_index: T.u16 }),
    },
    { name: 'Announced', index: 3, fields: fields({ real: AccountId32, proxy: AccountId32, call_hash: H256 }) },
    {
      name: 'ProxyAdded',
      index: 4,
      fields: fields({ delegator: AccountId32, delegatee: AccountId32, proxy_type: ProxyType, delay: T.u32 }),
    },
    {
      name: 'ProxyRemoved',
      index: 5,
      fields: fields({ delegator: AccountId32, delegatee: AccountId32, proxy_type: ProxyType, delay: T.u32 }),
    },
  ],
  constants: [
    constant('ProxyDepositBase', storage.PROXY_DEPOSIT_BASE, 'Deposit of a non-empty proxy list, before its length.'),
    constant('ProxyDepositFactor', storage.PROXY_DEPOSIT_FACTOR, 'Deposit per proxy in the list.'),
    constant('MaxProxies', storage.MAX_PROXIES, 'Proxies an account may have.'),
    constant('MaxPending', storage.MAX_PENDING, 'Announcements a delegate may have pending.'),
    constant(
      'AnnouncementDepositBase',
      storage.ANNOUNCEMENT_DEPOSIT_BASE,
      'Deposit of a non-empty announcement list, before its length.',
    ),
    constant('AnnouncementDepositFactor', storage.ANNOUNCEMENT_DEPOSIT_FACTOR, 'Deposit per pending announcement.'),
  ],
});
